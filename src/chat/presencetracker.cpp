// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "chat/presencetracker.h"

#include <QTimer>

namespace ringchat::chat {

PresenceTracker::PresenceTracker(SendStatus send, QObject *parent, int awayAfterMs)
    : QObject(parent)
    , m_send(std::move(send))
    , m_idle(new QTimer(this))
{
    m_idle->setSingleShot(true);
    m_idle->setInterval(awayAfterMs);
    connect(m_idle, &QTimer::timeout, this, [this] { setOwnStatus(QStringLiteral("away")); });
    m_idle->start();
}

void PresenceTracker::update(const QString &userId, bool isOnline, const QString &status,
                             const QDateTime &lastSeen)
{
    if (userId.isEmpty() || userId == m_ownUserId)
        return;
    Presence p;
    p.isOnline = isOnline;
    const Presence old = m_people.value(userId);
    // A participant list says only online/offline: keep a known "away".
    p.status = !status.isEmpty() ? status
        : isOnline               ? (old.isOnline ? old.status : QStringLiteral("online"))
                                 : QStringLiteral("offline");
    if (!isOnline)
        p.status = QStringLiteral("offline");
    p.lastSeen = lastSeen.isValid() ? lastSeen : old.lastSeen;
    if (m_people.contains(userId) && old.isOnline == p.isOnline && old.status == p.status
        && old.lastSeen == p.lastSeen)
        return;
    m_people.insert(userId, p);
    emit presenceChanged(userId);
}

void PresenceTracker::updateFrom(const api::Conversation &conversation, bool fromServer)
{
    for (const api::Participant &p : conversation.participants)
        update(p.userId, fromServer && p.isOnline, QString(), p.lastSeen);
}

QString PresenceTracker::describe(const QString &userId, const QDateTime &now) const
{
    return describe(m_people.value(userId), now);
}

QString PresenceTracker::describe(const Presence &p, const QDateTime &now)
{
    if (p.isOnline)
        return p.status == QLatin1String("away") ? tr("away") : tr("online");
    if (!p.lastSeen.isValid())
        return tr("offline");
    const qint64 secs = std::max<qint64>(0, p.lastSeen.secsTo(now));
    if (secs < 60)
        return tr("last seen just now");
    if (secs < 3600)
        return tr("last seen %1 min ago").arg(secs / 60);
    if (secs < 24 * 3600)
        return tr("last seen %1 h ago").arg(secs / 3600);
    if (secs < 7 * 24 * 3600)
        return tr("last seen %1 days ago").arg(secs / (24 * 3600));
    return tr("last seen on %1").arg(p.lastSeen.toLocalTime().date().toString(Qt::ISODate));
}

void PresenceTracker::noteUserActivity()
{
    m_idle->start();
    setOwnStatus(QStringLiteral("online"));
}

void PresenceTracker::resendOwnStatus()
{
    if (m_ownStatus != QLatin1String("online"))
        m_send(m_ownStatus);
}

void PresenceTracker::setOwnStatus(const QString &status)
{
    if (status == m_ownStatus)
        return;
    m_ownStatus = status;
    m_send(status);
    emit ownStatusChanged(status);
}

} // namespace ringchat::chat
