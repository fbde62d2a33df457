// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "store/messagebatch.h"

#include <QStringEncoder>

namespace ringchat::store {

MessageBatch MessageBatch::from(const QList<api::Message> &messages)
{
    MessageBatch batch;
    batch.append(messages);
    return batch;
}

void MessageBatch::append(const QList<api::Message> &messages)
{
    for (const api::Message &m : messages)
        append(m);
}

void MessageBatch::append(const api::Message &m)
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
    // Room for all seven texts in one chunk (UTF-8 needs at most 3 bytes a QChar).
    const qsizetype needed = 3
        * (m.conversationId.size() + m.id.size() + m.clientId.size() + m.senderId.size() + m.senderName.size()
           + m.content.size() + m.replyTo.size());
    if (m_chunks.empty() || m_chunks.back().capacity() - m_chunks.back().size() < needed) {
        m_chunks.emplace_back();
        m_chunks.back().reserve(qMax(kChunkSize, needed));
    }
    row.chunk = quint32(m_chunks.size() - 1);
    appendText(row, ConversationId, m.conversationId);
    appendText(row, Id, m.id);
    appendText(row, ClientId, m.clientId.isEmpty() ? QString() : m.clientId);
    appendText(row, SenderId, m.senderId);
    appendText(row, SenderName, m.senderName);
    appendText(row, Content, m.content);
    appendText(row, ReplyTo, m.replyTo.isEmpty() ? QString() : m.replyTo);
    m_rows.push_back(row);
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

} // namespace ringchat::store
