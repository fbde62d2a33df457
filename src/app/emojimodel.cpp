// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/emojimodel.h"

namespace ringchat::app {

EmojiModel::EmojiModel(QObject *parent)
    : EmojiModel(&emoji::Catalog::installed(), parent)
{
}

EmojiModel::EmojiModel(const emoji::Catalog *catalog, QObject *parent)
    : QAbstractListModel(parent)
    , m_catalog(catalog)
{
    refilter();
}

void EmojiModel::setFilterText(const QString &text)
{
    if (text == m_filterText)
        return;
    m_filterText = text;
    emit filterTextChanged();
    refilter();
}

void EmojiModel::setGroup(int group)
{
    group = qBound(-1, group, int(m_catalog->groups().size()) - 1);
    if (group == m_group)
        return;
    m_group = group;
    emit groupChanged();
    refilter();
}

QStringList EmojiModel::groupIcons() const
{
    QStringList icons(m_catalog->groups().size());
    for (const emoji::Emoji &e : m_catalog->all()) {
        if (icons[e.group].isEmpty())
            icons[e.group] = e.text;
    }
    return icons;
}

void EmojiModel::refilter()
{
    const QStringList words = emoji::Catalog::queryWords(m_filterText);
    // A search looks in every group; without one, the chosen group is shown.
    const bool inGroup = words.isEmpty() && m_group >= 0;
    QList<qsizetype> rows;
    const QList<emoji::Emoji> &all = m_catalog->all();
    for (qsizetype i = 0; i < all.size(); ++i) {
        if ((!inGroup || all[i].group == m_group) && emoji::Catalog::matches(all[i], words))
            rows.append(i);
    }
    if (rows == m_rows)
        return;
    beginResetModel();
    m_rows = std::move(rows);
    endResetModel();
    emit countChanged();
}

int EmojiModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant EmojiModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const emoji::Emoji &e = m_catalog->all().at(m_rows.at(index.row()));
    switch (role) {
    case Qt::DisplayRole:
    case EmojiRole:
        return e.text;
    case NameRole:
        return e.name;
    case GroupRole:
        return m_catalog->groups().at(e.group);
    default:
        return {};
    }
}

QHash<int, QByteArray> EmojiModel::roleNames() const
{
    return { { EmojiRole, "emoji" }, { NameRole, "name" }, { GroupRole, "groupName" } };
}

QString EmojiModel::emojiAt(int row) const
{
    return row >= 0 && row < m_rows.size() ? m_catalog->all().at(m_rows.at(row)).text : QString();
}

QStringList Emojis::quickReactions(const emoji::Catalog &catalog)
{
    // The six most people reach for first (as in Telegram and WhatsApp), by CLDR name.
    static const char *const names[]
        = { "thumbs up",   "red heart",   "face with tears of joy", "face with open mouth",
            "crying face", "folded hands" };
    QStringList out;
    for (const char *name : names) {
        const QString e = catalog.byName(QLatin1String(name));
        if (!e.isEmpty())
            out.append(e);
    }
    return out;
}

QString Emojis::spokenName(const emoji::Catalog &catalog, const QString &emoji)
{
    QString name = catalog.nameOf(emoji);
    if (name.isEmpty())
        return emoji;
    name[0] = name[0].toUpper();
    return name;
}

} // namespace ringchat::app
