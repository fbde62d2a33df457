// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Never missing a change (contract v2): each conversation's synced rev, the rev up to
// which every change (new message, edit, delete, reaction) is held, and the catch-up
// that brings it to the server's rev after a (re)connect: every page of
// GET …/changes?since=<synced rev>, one conversation at a time. The synced rev moves
// to a page's cursor only after the page was delivered, and with a live event only
// when that event is the next change (rev == synced + 1); it never moves back.
// A v1 server (rev 0 everywhere, no changes endpoint) is skipped quietly.

#include "api/types.h"

#include <QHash>
#include <QObject>
#include <QQueue>

#include <functional>

namespace ringchat::api {
class RestClient;
}

namespace ringchat::chat {

class ChangeCatchUp : public QObject
{
    Q_OBJECT
public:
    // deliver: a page of changed messages, applied by the rev rule before the synced
    // rev moves. persist: the synced rev moved (saved after what was delivered).
    using Deliver = std::function<void(const QString &conversationId, const QList<api::Message> &page)>;
    using Persist = std::function<void(const QString &conversationId, qint64 rev)>;

    ChangeCatchUp(api::RestClient *rest, Deliver deliver, Persist persist, QObject *parent = nullptr,
                  int pageSize = 200);

    // The synced revs the cache held at start.
    void restore(const QHash<QString, qint64> &revs);
    qint64 syncedRev(const QString &conversationId) const { return m_synced.value(conversationId); }
    // A conversation first loaded with nothing held: what it loads is at least the
    // server's state at `rev` (the conversation list's), so it starts there.
    void startAt(const QString &conversationId, qint64 rev);
    // A live message_received / message_updated was applied.
    void noteLive(const QString &conversationId, qint64 rev);
    // Every change after the synced rev up to (at least) serverRev; done() in any case.
    void catchUp(const QString &conversationId, qint64 serverRev, std::function<void()> done);

private:
    void advance(const QString &conversationId, qint64 rev);
    void next();
    void fetchPage(const QString &conversationId, qint64 since);
    void finish(const QString &conversationId);

    api::RestClient *m_rest;
    Deliver m_deliver;
    Persist m_persist;
    int m_pageSize;
    QHash<QString, qint64> m_synced;
    QQueue<QString> m_queue;                                // conversations waiting, in order
    QHash<QString, QList<std::function<void()>>> m_waiters; // queued or running, and who waits
    bool m_running = false;
};

} // namespace ringchat::chat
