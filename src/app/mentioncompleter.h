// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The composer's "@" list: while the word before the cursor starts with "@" (in a
// group), the participants whose name or id starts with (or, failing that,
// contains) what follows, case-insensitively, best first. It is driven from the
// keyboard (moveUp/moveDown, accept, dismiss); accepting puts "@Name " in the text
// and records the mention, and mentionsIn() says which recorded mentions the text
// still holds when it is sent. QML only shows it (MentionPopup.qml).

#include "api/types.h"

#include <QAbstractListModel>
#include <QtQml/qqmlregistration.h>

namespace ringchat::app {

class MentionCompleter : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(bool active READ isActive NOTIFY activeChanged)
    Q_PROPERTY(QString query READ query NOTIFY activeChanged)
    Q_PROPERTY(int currentIndex READ currentIndex NOTIFY currentIndexChanged)
    Q_PROPERTY(int count READ count NOTIFY countChanged)

public:
    enum Role { UserIdRole = Qt::UserRole + 1, NameRole };
    Q_ENUM(Role)

    explicit MentionCompleter(QObject *parent = nullptr);

    // Who may be mentioned (a group's participants but me); none: the list never opens.
    void setCandidates(const QList<api::Participant> &participants, const QString &ownUserId);
    // The same from QML: [{userId, name}] (tests, and a completer made in QML).
    Q_INVOKABLE void setPeople(const QVariantList &people);

    bool isActive() const { return m_active; }
    QString query() const { return m_query; }
    int currentIndex() const { return m_current; }
    int count() const { return int(m_shown.size()); }

    // The composer's text changed or its cursor moved.
    Q_INVOKABLE void update(const QString &text, int cursorPosition);
    Q_INVOKABLE void moveUp();
    Q_INVOKABLE void moveDown();
    // Puts the chosen (default: current) candidate into `text` in place of "@query":
    // {"text": new text, "cursorPosition": after the inserted "@Name "}; an empty
    // map when the list is not open.
    Q_INVOKABLE QVariantMap accept(const QString &text, int row = -1);
    // Esc: closes the list until the next "@".
    Q_INVOKABLE void dismiss();
    // The user ids of the recorded mentions whose "@Name" is still in `text`.
    Q_INVOKABLE QStringList mentionsIn(const QString &text) const;
    // After a send, or another conversation: no recorded mentions.
    Q_INVOKABLE void clear();

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

signals:
    void activeChanged();
    void currentIndexChanged();
    void countChanged();

private:
    struct Candidate
    {
        QString userId;
        QString name;
    };
    void setActive(bool active, const QString &query, int start);
    void refilter();
    void setCurrent(int row);

    QList<Candidate> m_candidates;
    QList<Candidate> m_shown;
    QList<Candidate> m_recorded; // mentions accepted since the last send
    bool m_active = false;
    QString m_query;
    int m_start = -1;     // where the "@" is in the text
    int m_dismissed = -1; // the "@" Esc closed the list for
    int m_current = -1;
};

} // namespace ringchat::app
