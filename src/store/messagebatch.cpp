// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "store/messagebatch.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStringEncoder>

namespace ringchat::store {

MessageBatch MessageBatch::from(const QList<api::Message> &messages)
{
    MessageBatch batch;
    batch.append(messages);
    return batch;
}

void MessageBatch::append(const QList<api::Message> &messages, bool updateOnly)
{
    for (const api::Message &m : messages)
        append(m, updateOnly);
}

void MessageBatch::append(const api::Message &m, bool updateOnly)
{
    if (m.seq <= 0 || m.id.isEmpty() || !api::isValidConversationId(m.conversationId)) {
        ++m_invalid;
        return;
    }
    Row row;
    row.seq = m.seq;
    row.hasTimestamp = m.timestamp.isValid();
    row.timestamp = row.hasTimestamp ? m.timestamp.toMSecsSinceEpoch() : 0;
    row.hasEditedAt = m.editedAt.isValid();
    row.editedAt = row.hasEditedAt ? m.editedAt.toMSecsSinceEpoch() : 0;
    row.system = m.type == api::Message::Type::System;
    row.rev = m.rev;
    row.markdown = m.format == api::Message::Format::Markdown;
    row.hasDeletedAt = m.deletedAt.isValid();
    row.deletedAt = row.hasDeletedAt ? m.deletedAt.toMSecsSinceEpoch() : 0;
    row.updateOnly = updateOnly;
    // JSON only for the messages that carry them: a flood of plain messages makes none.
    const auto compact = [](const auto &json) { return QJsonDocument(json).toJson(QJsonDocument::Compact); };
    const QByteArray reactions
        = m.reactions.isEmpty() ? QByteArray() : compact(api::reactionsToJson(m.reactions));
    const QByteArray replyPreview
        = m.replyPreview ? compact(api::replyPreviewToJson(*m.replyPreview)) : QByteArray();
    const QByteArray attachments
        = m.attachments.isEmpty() ? QByteArray() : compact(api::attachmentsToJson(m.attachments));
    const QByteArray mentions
        = m.mentions.isEmpty() ? QByteArray() : compact(QJsonArray::fromStringList(m.mentions));
    // Room for all the texts in one chunk (UTF-8 needs at most 3 bytes a QChar).
    const qsizetype needed = 3
            * (m.conversationId.size() + m.id.size() + m.clientId.size() + m.senderId.size()
               + m.senderName.size() + m.content.size() + m.replyTo.size())
        + reactions.size() + replyPreview.size() + attachments.size() + mentions.size();
    if (m_chunks.empty() || m_chunks.back().capacity() - m_chunks.back().size() < needed) {
        m_chunks.emplace_back();
        m_chunks.back().reserve(qMax(kChunkSize, needed));
    }
    row.chunk = quint32(m_chunks.size() - 1);
    appendRepeatedText(row, ConversationId, m.conversationId);
    appendText(row, Id, m.id);
    appendText(row, ClientId, m.clientId.isEmpty() ? QString() : m.clientId);
    appendRepeatedText(row, SenderId, m.senderId);
    appendRepeatedText(row, SenderName, m.senderName);
    appendText(row, Content, m.content);
    if (row.length[Content] == kNull) { // a tombstone's "" may be a null string: the column is NOT NULL
        row.offset[Content] = quint32(m_chunks.back().size());
        row.length[Content] = 0;
    }
    appendText(row, ReplyTo, m.replyTo.isEmpty() ? QString() : m.replyTo);
    appendUtf8(row, Reactions, reactions);
    appendUtf8(row, ReplyPreview, replyPreview);
    appendUtf8(row, Attachments, attachments);
    appendUtf8(row, Mentions, mentions);
    m_rows.push_back(row);
}

void MessageBatch::advanceSyncedRev(const QString &conversationId, qint64 rev)
{
    qint64 &held = m_syncedRevs[conversationId];
    held = qMax(held, rev);
}

void MessageBatch::appendUtf8(Row &row, Text field, const QByteArray &utf8)
{
    if (utf8.isNull()) {
        row.length[field] = kNull;
        return;
    }
    QByteArray &chunk = m_chunks.back(); // append() made room: no reallocation
    row.offset[field] = quint32(chunk.size());
    row.length[field] = quint32(utf8.size());
    chunk.append(utf8);
}

void MessageBatch::appendRepeatedText(Row &row, Text field, const QString &text)
{
    Written &w = m_written[field];
    if (text.isSharedWith(w.text) && text.constData() == w.text.constData() && text.size() == w.text.size()
        && w.chunk == row.chunk) {
        row.offset[field] = w.offset;
        row.length[field] = w.length;
        return;
    }
    appendText(row, field, text);
    w = { text, row.chunk, row.offset[field], row.length[field] };
}

void MessageBatch::appendText(Row &row, Text field, const QString &text)
{
    if (text.isNull()) { // NULL, as QSqlQuery binds a null QString
        row.length[field] = kNull;
        return;
    }
    QStringEncoder toUtf8(QStringEncoder::Utf8, QStringConverter::Flag::Stateless);
    QByteArray &chunk = m_chunks.back(); // append() made room: no reallocation
    const qsizetype start = chunk.size();
    chunk.resize(start + toUtf8.requiredSpace(text.size()));
    const char *end = toUtf8.appendToBuffer(chunk.data() + start, text);
    const qsizetype length = end - (chunk.constData() + start);
    chunk.truncate(start + length);
    row.offset[field] = quint32(start);
    row.length[field] = quint32(length);
}

bool MessageBatch::holds(const QString &conversationId, qint64 seq) const
{
    const QByteArray id = conversationId.toUtf8();
    for (auto it = m_rows.crbegin(); it != m_rows.crend(); ++it) {
        if (it->seq == seq && !it->updateOnly && text(*it, ConversationId) == id)
            return true;
    }
    return false;
}

} // namespace ringchat::store
