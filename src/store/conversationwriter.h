// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "api/types.h"
#include "store/messagebatch.h"
#include "store/sqlitestatement.h"

#include <QList>
#include <QString>

namespace ringchat::store {

// The writes of the conversations table and its participants, prepared once per
// connection (CacheDatabase's, on the store's thread). A live conversation_updated
// comes with every message of a flood; preparing its statements anew each time
// (QSqlQuery) cost more than the writes and the message insert together.
// Runs inside the caller's transaction.
class ConversationWriter
{
public:
    bool prepare(sqlite3 *db);

    // Conversations and their participants: a conversation's participant list is
    // replaced, and read markers never move back. `messages`: the rows written in
    // the same transaction. A last message among them is not copied into the
    // conversation's row as JSON (the stored copy is kept): loadConversations
    // takes the newest stored message, which is that one or a newer one.
    bool upsert(const QList<api::Conversation> &conversations, const MessageBatch &messages = {});
    // Moves the rev up to which every change is held forward (never back).
    bool advanceSyncedRev(const QString &conversationId, qint64 rev);

private:
    bool upsertOne(const api::Conversation &conversation, const MessageBatch &messages);

    SqliteStatement m_conversation, m_markers, m_removeParticipants, m_participant, m_syncedRev;
};

} // namespace ringchat::store
