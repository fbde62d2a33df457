// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The emoji picker's list (`EmojiModel`): Unicode's emoji (emoji::Catalog), one group
// at a time or all of them, narrowed by a search on their names. `Emojis` is what the
// rest of the UI asks about emoji: the six quick reactions and the name a screen
// reader says for a reaction.

#include "app/emojidata.h"

#include <QAbstractListModel>
#include <QtQml/qqmlregistration.h>

namespace ringchat::app {

class EmojiModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    // Words to find in the names ("thumb up" finds "thumbs up"); "" shows the group.
    Q_PROPERTY(QString filterText READ filterText WRITE setFilterText NOTIFY filterTextChanged)
    // The group shown when there is no filter text (an index into groups); -1: all.
    Q_PROPERTY(int group READ group WRITE setGroup NOTIFY groupChanged)
    Q_PROPERTY(QStringList groups READ groups CONSTANT)
    // The first emoji of each group, for the group buttons.
    Q_PROPERTY(QStringList groupIcons READ groupIcons CONSTANT)
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)

public:
    enum Role { EmojiRole = Qt::UserRole + 1, NameRole, GroupRole };
    Q_ENUM(Role)

    // The installed catalog (emoji::Catalog::installed()).
    explicit EmojiModel(QObject *parent = nullptr);
    // Tests pass a catalog of their own; it must outlive the model.
    explicit EmojiModel(const emoji::Catalog *catalog, QObject *parent = nullptr);

    QString filterText() const { return m_filterText; }
    void setFilterText(const QString &text);
    int group() const { return m_group; }
    void setGroup(int group);
    QStringList groups() const { return m_catalog->groups(); }
    QStringList groupIcons() const;

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;
    // The emoji on a row ("" outside the list).
    Q_INVOKABLE QString emojiAt(int row) const;

signals:
    void filterTextChanged();
    void groupChanged();
    void countChanged();

private:
    void refilter();

    const emoji::Catalog *m_catalog;
    QString m_filterText;
    int m_group = 0;
    QList<qsizetype> m_rows; // indexes into the catalog
};

// The QML singleton `Emojis`.
class Emojis : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON
    // The quick row of reactions, by their CLDR names (those the data lacks are left out).
    Q_PROPERTY(QStringList quickReactions READ quickReactions CONSTANT)

public:
    using QObject::QObject;

    QStringList quickReactions() const { return quickReactions(emoji::Catalog::installed()); }
    static QStringList quickReactions(const emoji::Catalog &catalog);
    // "Thumbs up" for U+1F44D; the emoji itself when its name is unknown.
    Q_INVOKABLE QString nameOf(const QString &emoji) const
    {
        return spokenName(emoji::Catalog::installed(), emoji);
    }
    static QString spokenName(const emoji::Catalog &catalog, const QString &emoji);
};

} // namespace ringchat::app
