// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Messages on their way to the store, encoded once as UTF-8.
// When a flood outruns the disk, the live messages waiting for the next
// transaction are held in this form: about a third of the memory of
// api::Message copies (eight separately allocated UTF-16 strings each), and
// the store binds the text as it is, with no conversion on its thread.
// The text goes into fixed-size chunks rather than one growing buffer: a
// buffer of tens of MB that keeps being reallocated fragments the heap,
// and the process keeps the freed pieces (peak RSS grew 4x the batch).

#include "api/types.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QHash>
#include <QList>

#include <deque>
#include <vector>

namespace ringchat::store {

class MessageBatch
{
public:
    // Reactions, ReplyPreview, Attachments and Mentions: the contract's JSON, compact; NULL when none.
    enum Text {
        ConversationId,
        Id,
        ClientId,
        SenderId,
        SenderName,
        Content,
        ReplyTo,
        Reactions,
        ReplyPreview,
        Attachments,
        Mentions,
        TextCount
    };
    struct Row
    {
        qint64 seq = 0;
        qint64 rev = 0;
        qint64 timestamp = 0; // ms since the epoch, when hasTimestamp
        qint64 editedAt = 0;  // ms since the epoch, when hasEditedAt
        qint64 deletedAt = 0; // ms since the epoch, when hasDeletedAt
        bool hasTimestamp = false;
        bool hasEditedAt = false;
        bool hasDeletedAt = false;
        bool system = false;
        bool markdown = false;
        // A change to a message the store may not hold: it updates a stored copy
        // (by the rev rule) and never adds a row.
        bool updateOnly = false;
        quint32 chunk = 0; // every text of a row is in the same chunk
        quint32 offset[TextCount] = {};
        quint32 length[TextCount] = {}; // kNull: SQL NULL
    };
    static constexpr quint32 kNull = 0xffffffff;

    MessageBatch() = default;
    static MessageBatch from(const QList<api::Message> &messages);

    // Messages the store would refuse (no seq, no id, a bad conversation id)
    // are only counted. updateOnly: see Row.
    void append(const api::Message &message, bool updateOnly = false);
    void append(const QList<api::Message> &messages, bool updateOnly = false);

    // Moves a conversation's synced rev forward with this batch: written after its
    // rows, in the same transaction, so the cursor never runs ahead of the messages.
    void advanceSyncedRev(const QString &conversationId, qint64 rev);
    const QHash<QString, qint64> &syncedRevs() const { return m_syncedRevs; }

    // Whether a row (not updateOnly) is this message; the newest rows are looked at first.
    bool holds(const QString &conversationId, qint64 seq) const;

    qsizetype size() const { return qsizetype(m_rows.size()); }
    bool isEmpty() const { return m_rows.empty() && m_invalid == 0 && m_syncedRevs.isEmpty(); }
    int invalidCount() const { return m_invalid; }
    const Row &row(qsizetype i) const { return m_rows[size_t(i)]; }
    // A null view for NULL (an empty clientId or replyTo, a null string).
    QByteArrayView text(const Row &row, Text field) const
    {
        if (row.length[field] == kNull)
            return {};
        return QByteArrayView(m_chunks[row.chunk].constData() + row.offset[field], row.length[field]);
    }

private:
    static constexpr qsizetype kChunkSize = 64 * 1024; // below malloc's mmap threshold
    void appendText(Row &row, Text field, const QString &text);
    // The same for a text that is most often the row before's too (its conversation,
    // sender and name: the decoder shares repeated strings): the bytes are written
    // once a chunk and the rows point at them.
    void appendRepeatedText(Row &row, Text field, const QString &text);
    void appendUtf8(Row &row, Text field, const QByteArray &utf8);

    std::vector<QByteArray> m_chunks; // the rows' text, back to back; never reallocated once full
    std::deque<Row> m_rows;           // grows by blocks, never one big reallocation
    struct Written                    // a repeated text's bytes in the chunks
    {
        QString text; // held, so a string at the same address is this one
        quint32 chunk = 0;
        quint32 offset = 0;
        quint32 length = 0;
    };
    Written m_written[SenderName + 1]; // by field: ConversationId, SenderId, SenderName
    QHash<QString, qint64> m_syncedRevs;
    int m_invalid = 0;
};

} // namespace ringchat::store
