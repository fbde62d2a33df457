// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Presence of the people we share conversations with (online / away / offline with
// lastSeen), and our own "away" after 5 minutes without input.

#include "api/types.h"

#include <QDateTime>
#include <QHash>
#include <QObject>
#include <QString>

#include <functional>

class QTimer;

namespace ringchat::chat {

struct Presence
{
    bool isOnline = false;
    QString status;     // "online", "away" or "offline"
    QDateTime lastSeen; // when they went offline (invalid when unknown)
};

class PresenceTracker : public QObject
{
    Q_OBJECT
    Q_PROPERTY(QString ownStatus READ ownStatus NOTIFY ownStatusChanged)
public:
    using SendStatus = std::function<void(const QString &status)>; // emits update_presence

    explicit PresenceTracker(SendStatus send, QObject *parent = nullptr, int awayAfterMs = 5 * 60 * 1000);

    // We are not one of the people: what the server says of us is not kept.
    void setOwnUserId(const QString &userId) { m_ownUserId = userId; }
    // From presence_update (ignored for us and for an empty id).
    void update(const QString &userId, bool isOnline, const QString &status, const QDateTime &lastSeen);
    // A conversation's participants: their presence until presence_update says more.
    // A cached one (not fromServer) is too old to say anyone is online, but its
    // last-seen times hold.
    void updateFrom(const ringchat::api::Conversation &conversation, bool fromServer);
    Presence presence(const QString &userId) const { return m_people.value(userId); }
    bool contains(const QString &userId) const { return m_people.contains(userId); }
    // "online", "away", "last seen 5 min ago", ...
    QString describe(const QString &userId, const QDateTime &now = QDateTime::currentDateTimeUtc()) const;
    static QString describe(const Presence &p, const QDateTime &now);

    // Our own status: call on any user input; after awayAfterMs without it we go away.
    void noteUserActivity();
    QString ownStatus() const { return m_ownStatus; }
    // After a reconnect the server thinks we're online again: tell it we're away.
    void resendOwnStatus();

signals:
    void presenceChanged(const QString &userId);
    void ownStatusChanged(const QString &status);

private:
    void setOwnStatus(const QString &status);

    SendStatus m_send;
    QString m_ownUserId;
    QHash<QString, Presence> m_people;
    QString m_ownStatus = QStringLiteral("online");
    QTimer *m_idle;
};

} // namespace ringchat::chat
