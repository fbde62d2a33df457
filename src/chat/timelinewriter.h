// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The one way the held timelines change. Whatever arrives (a live event, a sync
// page, a cache read, an ack) is applied to the Timelines here; what the server
// sent is saved to the cache; and what changed goes out as the signals the models
// and the CLI follow. Timelines holds the rules and does no I/O: this class is
// its side effects, so the chat service only says where data comes from.
//
// Rows on their way out carry our actions the server has not answered yet
// (Hooks::overlaid), so a model never shows a row without them.

#include "api/types.h"
#include "chat/timelines.h"

#include <QObject>

#include <functional>

namespace ringchat::chat {

class ChatCache;

class TimelineWriter : public QObject
{
    Q_OBJECT
public:
    struct Hooks
    {
        // The outbox holds this message of ours (its server copy replaces the pending row).
        std::function<bool(const QString &clientId)> isOwnPending;
        // The row as the models show it: with our unanswered actions on it.
        std::function<api::Message(api::Message)> overlaid;
    };

    // The timelines and the cache (may be null) are not owned and must outlive it.
    TimelineWriter(Timelines *timelines, ChatCache *cache, Hooks hooks, QObject *parent = nullptr);

    // Sign-out: the cache is being deleted; nothing more is written to it.
    void forgetCache() { m_cache = nullptr; }

    // A conversation from the server (saved) or from the cache.
    void upsertConversation(const api::Conversation &conversation, bool fromServer);
    // Adds the messages not held yet and replaces held ones by newer copies (the rev
    // rule); returns the added. Live and Server ones are saved; History pages were
    // saved by the history path, and Cache ones come from it.
    QList<api::Message> ingest(const QString &conversationId, const QList<api::Message> &messages,
                               Timelines::Source source);
    // Message changes (message_updated, the changes catch-up, an action's ack), by the
    // rev rule: held ones (and any past the newest held) through ingest; older ones
    // only update the cache and the models.
    void applyChanges(const QString &conversationId, const QList<api::Message> &changes);
    // A read marker (ours or someone's), which only moves forward.
    void applyReadMarker(const QString &conversationId, const QString &userId, qint64 lastReadSeq,
                         const QDateTime &readAt);

signals:
    // Emitted before the signals below, for the service's own bookkeeping.
    // Our read marker as the server knows it (from a conversation or a marker event).
    void ownMarkerKnown(const QString &conversationId, qint64 lastReadSeq);
    void conversationHeld(const ringchat::api::Conversation &conversation, bool fromServer);
    // A live message past a hole: the messages after heldBefore are missing.
    void gapFound(const QString &conversationId, qint64 heldBefore);

    // As ChatService's signals of the same names.
    void conversationsChanged();
    void conversationChanged(const QString &conversationId);
    void messagesInserted(const QString &conversationId, const QList<ringchat::api::Message> &messages);
    void messageUpdated(const QString &conversationId, const ringchat::api::Message &message);
    void messagesChanged(const QString &conversationId, const QList<ringchat::api::Message> &messages);
    void readMarkersChanged(const QString &conversationId);

private:
    QList<api::Message> overlaid(QList<api::Message> messages) const;
    void announceConversation(const QString &conversationId);

    Timelines *m_timelines;
    ChatCache *m_cache;
    Hooks m_hooks;
};

} // namespace ringchat::chat
