// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "chat/typingtracker.h"

#include <QDateTime>
#include <QTimer>

#include <algorithm>

namespace ringchat::chat {

TypingTracker::TypingTracker(QObject *parent, int expiryMs)
    : QObject(parent)
    , m_expiryMs(expiryMs)
    , m_sweep(new QTimer(this))
{
    m_sweep->setInterval(std::max(50, expiryMs / 6));
    connect(m_sweep, &QTimer::timeout, this, &TypingTracker::expire);
}

void TypingTracker::update(const QString &conversationId, const QString &userId, const QString &userName,
                           bool isTyping)
{
    auto &users = m_typers[conversationId];
    if (isTyping) {
        const bool isNew = !users.contains(userId);
        Typer &t = users[userId];
        t.name = userName.isEmpty() ? t.name : userName;
        t.lastHeardMs = QDateTime::currentMSecsSinceEpoch();
        if (!m_sweep->isActive())
            m_sweep->start();
        if (isNew)
            emit typersChanged(conversationId);
    } else if (users.remove(userId)) {
        if (users.isEmpty())
            m_typers.remove(conversationId);
        emit typersChanged(conversationId);
    }
}

void TypingTracker::clearConversation(const QString &conversationId)
{
    if (m_typers.remove(conversationId))
        emit typersChanged(conversationId);
}

void TypingTracker::clearAll()
{
    const auto ids = m_typers.keys();
    m_typers.clear();
    for (const QString &id : ids)
        emit typersChanged(id);
}

QStringList TypingTracker::typerIds(const QString &conversationId) const
{
    QStringList ids = m_typers.value(conversationId).keys();
    ids.sort();
    return ids;
}

QStringList TypingTracker::typerNames(const QString &conversationId) const
{
    QStringList names;
    const auto users = m_typers.value(conversationId);
    for (const QString &id : typerIds(conversationId))
        names << users.value(id).name;
    return names;
}

void TypingTracker::expire()
{
    const qint64 cutoff = QDateTime::currentMSecsSinceEpoch() - m_expiryMs;
    QStringList changed;
    for (auto conv = m_typers.begin(); conv != m_typers.end();) {
        bool any = false;
        for (auto u = conv->begin(); u != conv->end();) {
            if (u->lastHeardMs <= cutoff) {
                u = conv->erase(u);
                any = true;
            } else {
                ++u;
            }
        }
        if (any)
            changed << conv.key();
        conv = conv->isEmpty() ? m_typers.erase(conv) : std::next(conv);
    }
    if (m_typers.isEmpty())
        m_sweep->stop();
    for (const QString &id : changed)
        emit typersChanged(id);
}

} // namespace ringchat::chat
