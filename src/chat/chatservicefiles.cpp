// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// ChatService's part for files (contract v2): sending a message with files through
// the outbox (OwnMessages, AttachmentStager, AttachmentUploader) and finding an
// attachment's metadata for its download.
#include "chat/chatservice.h"

namespace ringchat::chat {

QString ChatService::sendMessageWithFiles(const QString &conversationId, const QString &content,
                                          const QStringList &paths, const QString &replyTo, bool markdown,
                                          const QStringList &mentions)
{
    QString refusal;
    const QString clientId = m_own->sendWithFiles(
        conversationId, content, paths, replyTo,
        markdown ? api::Message::Format::Markdown : api::Message::Format::Plain, mentions, &refusal);
    if (clientId.isEmpty())
        emit sendRefused(conversationId, refusal);
    else
        m_out->typing()->stop(conversationId);
    return clientId;
}

void ChatService::findAttachment(const QString &attachmentId,
                                 std::function<void(const std::optional<api::Attachment> &)> done) const
{
    for (const QString &conv : m_timelines.ids())
        for (const api::Message &m : m_timelines.messages(conv))
            for (const api::Attachment &a : m.attachments)
                if (a.id == attachmentId)
                    return done(a);
    if (m_cache)
        return m_cache->findAttachment(attachmentId, std::move(done));
    done(std::nullopt);
}

} // namespace ringchat::chat
