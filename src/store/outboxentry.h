// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "api/types.h"

#include <QDateTime>
#include <QString>

#include <algorithm>

namespace ringchat::store {

// A file of a queued send: a copy in the account's folder (so the original may move
// or go), uploaded under a key that stays the same across restarts, so the server
// keeps it once however often the upload starts again.
struct OutboxFile
{
    QString path;           // the copy (AttachmentStager), removed once the send is acked
    QString name;           // the name the server is given (the original's)
    QString mimeType;       // from its content (QMimeDatabase)
    qint64 size = 0;        // bytes
    QString sha256;         // of the copy, lowercase hex
    QString idempotencyKey; // Idempotency-Key of its upload
    QString attachmentId;   // empty until the server took it

    // What the pending message shows of it.
    api::Attachment toAttachment() const
    {
        return { attachmentId, name, size, mimeType, sha256, 0, 0, false };
    }
    friend bool operator==(const OutboxFile &, const OutboxFile &) = default;
};

// A message the user wrote that the server has not confirmed yet. It is written
// to disk before it is sent, so it survives a crash, and replayed (same
// clientId) until the server's echo or ack confirms it.
struct OutboxEntry
{
    enum class State {
        Queued, // to be sent (again) when the connection allows
        Failed, // the server rejected it or the client gave up: shown with Retry / Discard
    };

    // What the entry asks of the server (contract v2 adds the actions). Every kind
    // is idempotent on the server, so a replay after a lost answer does nothing twice.
    enum class Kind {
        Send,   // send_message
        Edit,   // edit_message: targetId's content becomes `content` (with `format`)
        Delete, // delete_message of targetId
        React,  // set_reaction: `emoji` on targetId, on or off (`reactionOn`)
    };

    QString clientId; // primary key (an action's own id for the other kinds)
    QString conversationId;
    QString content; // Send, Edit
    api::Message::Type type = api::Message::Type::Text;
    QString replyTo; // Send
    QDateTime createdAt;
    int attempts = 0;
    State state = State::Queued;
    QString lastError; // the sentence shown for Failed
    // Contract v2 (after the v1 fields, so positional initialisers keep working).
    Kind kind = Kind::Send;
    api::Message::Format format = api::Message::Format::Plain; // Send, Edit
    // Edit, Delete, React: the message's id, or while our own message is still
    // unsent, its clientId (resolved to the id once the server has it).
    QString targetId;
    QString emoji; // React
    bool reactionOn = true;
    // It went out at least once, so the server may hold it: a send is edited or
    // deleted by an action from then on, no longer rewritten or dropped.
    bool emitted = false;
    // Send: its files, uploaded (in this order) before it goes out.
    QList<OutboxFile> files;
    // Send: the user ids it mentions (contract v2 `mentions`).
    QStringList mentions;

    bool hasFilesToUpload() const
    {
        return std::any_of(files.cbegin(), files.cend(),
                           [](const OutboxFile &f) { return f.attachmentId.isEmpty(); });
    }

    // The pending message as the message list shows it (seq 0, delivery
    // Sending or Failed).
    api::Message toMessage(const QString &senderId, const QString &senderName) const
    {
        api::Message m;
        m.conversationId = conversationId;
        m.clientId = clientId;
        m.senderId = senderId;
        m.senderName = senderName;
        m.content = content;
        m.type = type;
        m.replyTo = replyTo;
        m.format = format;
        m.timestamp = createdAt;
        for (const OutboxFile &f : files)
            m.attachments.append(f.toAttachment());
        m.mentions = mentions;
        m.delivery = state == State::Failed ? api::DeliveryState::Failed : api::DeliveryState::Sending;
        return m;
    }

    friend bool operator==(const OutboxEntry &, const OutboxEntry &) = default;
};

// What ChatStore::insertMessages did.
struct InsertResult
{
    int inserted = 0;               // new rows
    int updated = 0;                // stored rows replaced by a newer copy (the rev rule)
    int skipped = 0;                // duplicates and invalid messages
    QStringList confirmedClientIds; // our own messages whose outbox entry the echo removed
    bool ok = true;                 // false when the transaction failed (nothing was written)
};

} // namespace ringchat::store
