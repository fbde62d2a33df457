// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The emoji picker's list (`EmojiModel`): Unicode's emoji (emoji::Catalog), one group
// at a time or all of them, narrowed by a search on their names. `Emojis` is what the
// rest of the UI asks about emoji: the six quick reactions and the name a screen
// reader says for a reaction. The installed catalog is read on a worker thread: both
// are empty, and not `ready`, until it is.

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
    Q_PROPERTY(QStringList groups READ groups NOTIFY readyChanged)
    // The first emoji of each group, for the group buttons.
    Q_PROPERTY(QStringList groupIcons READ groupIcons NOTIFY readyChanged)
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)
    // False while the installed catalog is being read.
    Q_PROPERTY(bool ready READ isReady NOTIFY readyChanged)

public:
    enum Role { EmojiRole = Qt::UserRole + 1, NameRole, GroupRole };
    Q_ENUM(Role)

    // The installed catalog (emoji::Catalog::installed()), once it is read.
    explicit EmojiModel(QObject *parent = nullptr);
    // Tests pass a catalog of their own; it must outlive the model.
    explicit EmojiModel(const emoji::Catalog *catalog, QObject *parent = nullptr);

    QString filterText() const { return m_filterText; }
    void setFilterText(const QString &text);
    int group() const { return m_group; }
    void setGroup(int group);
    QStringList groups() const { return catalog().groups(); }
    QStringList groupIcons() const;
    bool isReady() const { return m_catalog != nullptr; }

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;
    // The emoji on a row ("" outside the list).
    Q_INVOKABLE QString emojiAt(int row) const;

signals:
    void filterTextChanged();
    void groupChanged();
    void countChanged();
    void readyChanged();

private:
    void setCatalog(const emoji::Catalog *catalog);
    void refilter();
    const emoji::Catalog &catalog() const;

    const emoji::Catalog *m_catalog = nullptr; // null until read
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
    // False while the installed catalog is being read; names and the quick row wait for it.
    Q_PROPERTY(bool ready READ isReady NOTIFY readyChanged)
    // The quick row of reactions, by their CLDR names (those the data lacks are left out).
    Q_PROPERTY(QStringList quickReactions READ quickReactions NOTIFY readyChanged)

public:
    explicit Emojis(QObject *parent = nullptr);

    bool isReady() const { return m_catalog != nullptr; }
    QStringList quickReactions() const { return m_catalog ? quickReactions(*m_catalog) : QStringList(); }
    static QStringList quickReactions(const emoji::Catalog &catalog);
    // "Thumbs up" for U+1F44D; the emoji itself when its name is unknown (or not read yet).
    Q_INVOKABLE QString nameOf(const QString &emoji) const
    {
        return m_catalog ? spokenName(*m_catalog, emoji) : emoji;
    }
    static QString spokenName(const emoji::Catalog &catalog, const QString &emoji);

signals:
    void readyChanged();

private:
    const emoji::Catalog *m_catalog = nullptr; // null until read
};

} // namespace ringchat::app
