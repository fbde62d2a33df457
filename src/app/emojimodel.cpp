// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/emojimodel.h"

namespace ringchat::app {

EmojiModel::EmojiModel(QObject *parent)
    : QAbstractListModel(parent)
{
    emoji::Catalog::whenInstalled(this, [this](const emoji::Catalog &catalog) { setCatalog(&catalog); });
}

EmojiModel::EmojiModel(const emoji::Catalog *catalog, QObject *parent)
    : QAbstractListModel(parent)
{
    setCatalog(catalog);
}

void EmojiModel::setCatalog(const emoji::Catalog *catalog)
{
    m_catalog = catalog;
    m_group = qBound(-1, m_group, int(catalog->groups().size()) - 1);
    refilter();
    emit readyChanged();
}

const emoji::Catalog &EmojiModel::catalog() const
{
    static const emoji::Catalog none;
    return m_catalog ? *m_catalog : none;
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
    if (m_catalog) // until then any group may be chosen
        group = qBound(-1, group, int(m_catalog->groups().size()) - 1);
    if (group == m_group)
        return;
    m_group = group;
    emit groupChanged();
    refilter();
}

QStringList EmojiModel::groupIcons() const
{
    QStringList icons(catalog().groups().size());
    for (const emoji::Emoji &e : catalog().all()) {
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
    const QList<emoji::Emoji> &all = catalog().all();
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
    const emoji::Emoji &e = catalog().all().at(m_rows.at(index.row()));
    switch (role) {
    case Qt::DisplayRole:
    case EmojiRole:
        return e.text;
    case NameRole:
        return e.name;
    case GroupRole:
        return catalog().groups().at(e.group);
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
    return row >= 0 && row < m_rows.size() ? catalog().all().at(m_rows.at(row)).text : QString();
}

Emojis::Emojis(QObject *parent)
    : QObject(parent)
{
    emoji::Catalog::whenInstalled(this, [this](const emoji::Catalog &catalog) {
        m_catalog = &catalog;
        emit readyChanged();
    });
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
