// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Catching up with the server after every (re)connect: the conversation list,
// then a gap fill (GapFiller) of every conversation that missed messages and the
// changes catch-up (ChangeCatchUp: edits, deletes, reactions made meanwhile) of
// every conversation with messages held, and "synced" once all of them answered.
// Also the one place a single conversation's fill is asked for (a live message
// past a hole, a conversation opened with nothing held), at most one queued per
// conversation, and the owner of the synced revs.

#include "api/types.h"

#include <QObject>
#include <QSet>

#include <functional>

namespace ringchat::api {
class RestClient;
}

namespace ringchat::chat {

class ChangeCatchUp;
class GapFiller;
class Timelines;

class ServerSync : public QObject
{
    Q_OBJECT
public:
    struct Hooks
    {
        // The server's conversation list (upsert each).
        std::function<void(const QList<api::Conversation> &)> conversations;
        // A page of missed messages.
        std::function<void(const QString &conversationId, const QList<api::Message> &page)> messages;
        // Which conversations want their latest page although nothing is held (the open ones).
        std::function<bool(const QString &conversationId)> wantsLatest;
        // A page of changed messages (each in its current state) to apply by the rev rule.
        std::function<void(const QString &conversationId, const QList<api::Message> &page)> changes;
        // A conversation's synced rev moved forward (save it after what was applied).
        std::function<void(const QString &conversationId, qint64 rev)> syncedRevMoved;
    };
    // timelines is read only (what is held, the last seq the server announced).
    ServerSync(api::RestClient *rest, const Timelines *timelines, Hooks hooks, int latestPageSize,
               int gapPageSize, QObject *parent = nullptr);

    // The link is up: fetch the list and fill; synced() when done (once per link).
    void start();
    // The link went down: answers of the running sync are dropped.
    void stop();
    bool isOnline() const { return m_online; }
    // Every message after afterSeq (0: the latest page), unless a fill of it is queued.
    void fill(const QString &conversationId, qint64 afterSeq, std::function<void()> done = {});
    // Every held conversation's fill, after what it holds.
    void fillAll();

    // The synced revs the cache held at start.
    void restoreSyncedRevs(const QHash<QString, qint64> &revs);
    qint64 syncedRev(const QString &conversationId) const;
    // A live message_received / message_updated of this rev was applied.
    void noteLiveRev(const QString &conversationId, qint64 rev);

signals:
    void synced();

private:
    void finish(quint64 generation);

    api::RestClient *m_rest;
    const Timelines *m_timelines;
    Hooks m_hooks;
    GapFiller *m_gapFiller;
    ChangeCatchUp *m_changes;
    int m_latestPageSize;
    QSet<QString> m_fillQueued; // a fill is queued or running
    quint64 m_generation = 0;   // bumps on every link change
    bool m_online = false;
};

} // namespace ringchat::chat
