// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The held state of every conversation, and the rules that follow from it:
// which messages are new (ingest), read markers that only move forward,
// unread counts, who read a message and whether one of ours is read, and a
// bounded number of messages held per conversation (the cache keeps the rest).
// No I/O and no signals: the chat service does those with what each call returns.

#include "api/types.h"

#include <QHash>
#include <QList>
#include <QString>

#include <functional>
#include <map>
#include <optional>

namespace ringchat::chat {

class Timelines
{
public:
    // Where ingested messages come from: live ones may reveal a gap; pages read
    // back from the cache or the server (History) are not counted as unread and
    // are kept even beyond the bound.
    enum class Source { Live, Server, Cache, History };

    struct Ingested
    {
        QList<api::Message> added;    // every message not held before, ascending
        QList<api::Message> inserted; // of those, the new rows
        QList<api::Message> merged;   // of those, our own that replace a pending row
        QList<api::Message> changed;  // held messages replaced by a newer copy (the rev rule)
        qint64 heldBefore = 0;        // highest seq held before the call
        bool gap = false;             // a live message past a hole: fetch what is missing
        bool conversationChanged = false;
    };
    struct MarkerMoved
    {
        bool moved = false;
        bool own = false;               // our own marker (the unread count changed)
        QList<api::Message> becameRead; // our messages that someone has now read
    };

    explicit Timelines(int maxHeldPerConversation = 5000)
        : m_maxHeld(maxHeldPerConversation)
    {
    }

    void setOwnUserId(const QString &userId) { m_ownUserId = userId; }
    QString ownUserId() const { return m_ownUserId; }
    void clear() { m_timelines.clear(); }

    // ---- conversations
    // Adds or replaces one; read markers, lastSeq and the last message never move back.
    // Returns the conversation as held.
    const api::Conversation &upsert(const api::Conversation &conversation);
    QList<api::Conversation> conversations() const; // most recent activity first
    std::optional<api::Conversation> conversation(const QString &id) const;
    // Every conversation with a timeline (known, or only followed).
    QStringList ids() const { return m_timelines.keys(); }
    void follow(const QString &conversationId) { m_timelines[conversationId]; }
    qint64 ownMarker(const QString &conversationId) const;

    // ---- messages
    // A held message is replaced only by a newer copy (api::supersedes: a higher rev).
    // isOwnPending(clientId): the outbox holds it (its server copy replaces the pending row).
    Ingested ingest(const QString &conversationId, const QList<api::Message> &messages, Source source,
                    const std::function<bool(const QString &clientId)> &isOwnPending = {});
    QList<api::Message> messages(const QString &conversationId) const; // held, ascending, delivery set
    std::optional<api::Message> message(const QString &conversationId, qint64 seq) const;
    // The held message whose id is `key`, or our own whose clientId is `key`.
    std::optional<api::Message> find(const QString &conversationId, const QString &key) const;
    // A change to a message not held below the newest held one (only the cache may have it).
    bool isUnheldChange(const QString &conversationId, const api::Message &message) const;
    qint64 lowestHeldSeq(const QString &conversationId) const;  // 0 when none
    qint64 highestHeldSeq(const QString &conversationId) const; // 0 when none

    // ---- read state
    MarkerMoved applyReadMarker(const QString &conversationId, const QString &userId, qint64 lastReadSeq,
                                const QDateTime &readAt);
    // Other participants (not the sender) whose marker reached seq.
    QStringList readers(const QString &conversationId, qint64 seq) const;
    // Sent or Read, for a message the server stored (seq > 0).
    api::DeliveryState deliveryState(const api::Message &message) const;

private:
    struct Timeline
    {
        api::Conversation conversation;
        bool known = false;                   // the conversation itself is known
        std::map<qint64, api::Message> bySeq; // held messages
        qint64 ownMarker = 0;                 // our read marker as the server knows it
    };
    void recomputeUnread(Timeline &t) const;

    int m_maxHeld;
    QString m_ownUserId;
    QHash<QString, Timeline> m_timelines;
};

} // namespace ringchat::chat
