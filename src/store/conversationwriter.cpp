// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "store/conversationwriter.h"

#include <QHash>
#include <QJsonDocument>

#include <optional>
#include <utility>

namespace ringchat::store {

namespace {

// Milliseconds since the epoch, or NULL.
void bindTime(SqliteStatement &s, int index, const QDateTime &t)
{
    if (t.isValid())
        s.bind(index, t.toMSecsSinceEpoch());
    else
        s.bindNull(index);
}

} // namespace

bool ConversationWriter::prepare(sqlite3 *db)
{
    return m_conversation.prepare(
               db,
               "INSERT INTO conversations (id, type, title, last_seq, unread_count, created_at,"
               " updated_at, last_message, unread_mention_count, notify, muted_until)"
               " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
               " ON CONFLICT(id) DO UPDATE SET type=excluded.type, title=excluded.title,"
               " last_seq=max(last_seq, excluded.last_seq), unread_count=excluded.unread_count,"
               " unread_mention_count=excluded.unread_mention_count, notify=excluded.notify,"
               " muted_until=excluded.muted_until,"
               " created_at=excluded.created_at, updated_at=excluded.updated_at,"
               " last_message=coalesce(excluded.last_message, last_message)")
        && m_markers.prepare(
            db, "SELECT user_id, last_read_seq, last_read_at FROM participants WHERE conversation_id = ?")
        && m_removeParticipants.prepare(db, "DELETE FROM participants WHERE conversation_id = ?")
        && m_participant.prepare(db,
                                 "INSERT INTO participants (conversation_id, user_id, name, role, joined_at,"
                                 " last_read_seq, last_read_at, is_online, last_seen)"
                                 " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
        && m_syncedRev.prepare(db,
                               "UPDATE conversations SET synced_rev = ?1 WHERE id = ?2 AND synced_rev < ?1");
}

bool ConversationWriter::upsert(const QList<api::Conversation> &conversations, const MessageBatch &messages)
{
    for (const api::Conversation &c : conversations) {
        if (api::isValidConversationId(c.id) && !upsertOne(c, messages))
            return false;
    }
    return true;
}

bool ConversationWriter::upsertOne(const api::Conversation &c, const MessageBatch &messages)
{
    m_conversation.bind(1, c.id);
    m_conversation.bind(2, qint64(c.type));
    m_conversation.bind(3, c.title);
    m_conversation.bind(4, c.lastSeq);
    m_conversation.bind(5, qint64(c.unreadCount));
    bindTime(m_conversation, 6, c.createdAt);
    bindTime(m_conversation, 7, c.updatedAt);
    // A live message comes with its conversation's update: JSON for it cost more
    // than both rows' writes.
    const bool copyLast = c.lastMessage && !messages.holds(c.id, c.lastMessage->seq);
    const QByteArray lastMessage
        = copyLast ? QJsonDocument(c.lastMessage->toJson()).toJson(QJsonDocument::Compact) : QByteArray();
    m_conversation.bindUtf8(8, copyLast ? QByteArrayView(lastMessage) : QByteArrayView());
    m_conversation.bind(9, qint64(c.unreadMentionCount));
    m_conversation.bind(10, qint64(c.settings.level));
    bindTime(m_conversation, 11, c.settings.mutedUntil);
    if (!m_conversation.exec())
        return false;

    // Read markers only move forward: keep the higher of the stored and the new one.
    QHash<QString, std::pair<qint64, std::optional<qint64>>> markers; // seq, read at (ms)
    m_markers.bind(1, c.id);
    while (m_markers.next())
        markers.insert(m_markers.textAt(0),
                       { m_markers.int64At(1),
                         m_markers.isNullAt(2) ? std::nullopt : std::optional(m_markers.int64At(2)) });
    m_removeParticipants.bind(1, c.id);
    if (!m_removeParticipants.exec())
        return false;
    for (const api::Participant &p : c.participants) {
        const auto old = markers.value(p.userId, { 0, std::nullopt });
        const bool keepOld = old.first > p.lastReadSeq;
        m_participant.bind(1, c.id);
        m_participant.bind(2, p.userId);
        m_participant.bind(3, p.name);
        m_participant.bind(4, qint64(p.role));
        bindTime(m_participant, 5, p.joinedAt);
        m_participant.bind(6, keepOld ? old.first : p.lastReadSeq);
        if (!keepOld)
            bindTime(m_participant, 7, p.lastReadAt);
        else if (old.second)
            m_participant.bind(7, *old.second);
        else
            m_participant.bindNull(7);
        m_participant.bind(8, qint64(p.isOnline ? 1 : 0));
        bindTime(m_participant, 9, p.lastSeen);
        if (!m_participant.exec())
            return false;
    }
    return true;
}

bool ConversationWriter::advanceSyncedRev(const QString &conversationId, qint64 rev)
{
    m_syncedRev.bind(1, rev);
    m_syncedRev.bind(2, conversationId);
    return m_syncedRev.exec();
}

} // namespace ringchat::store
