// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "chat/ownmessages.h"

#include "chat/attachmentstager.h"
#include "chat/attachmentuploader.h"
#include "chat/chatcache.h"
#include "chat/timelines.h"

#include <QHash>

#include <QSet>
#include <QUuid>
#include <algorithm>

namespace ringchat::chat {

namespace {
using Kind = OutboxEntry::Kind;

// What a reply shows of the message it answers, until the server's preview comes.
api::ReplyPreview previewOf(const api::Message &original)
{
    constexpr int kSnippetLength = 140; // as the server cuts it (contract 6.1)
    return { original.id,
             original.seq,
             original.senderId,
             original.senderName,
             original.isDeleted() ? QString() : original.content.left(kSnippetLength),
             original.isDeleted() };
}

// The entries go where the cache is (nowhere once it is gone).
OutboxSender::Persistence persistenceIn(ChatCache *const &cache)
{
    OutboxSender::Persistence p;
    p.save = [&cache](const OutboxEntry &e, std::function<void()> durable) {
        cache ? cache->saveOutboxEntry(e, std::move(durable)) : durable();
    };
    p.update = [&cache](const OutboxEntry &e) {
        if (cache)
            cache->updateOutboxEntry(e);
    };
    p.remove = [&cache](const QString &clientId) {
        if (cache)
            cache->removeOutboxEntry(clientId);
    };
    return p;
}
} // namespace

OwnMessages::OwnMessages(EmitEvent send, ChatCache *const &cache, const Timelines &timelines, QObject *parent)
    : QObject(parent)
    , m_timelines(timelines)
    , m_sender(new OutboxSender(std::move(send), persistenceIn(cache), this))
{
    connect(m_sender, &OutboxSender::delivered, this, &OwnMessages::delivered);
    connect(m_sender, &OutboxSender::failed, this, [this](const QString &clientId, const QString &error) {
        announceUpdate(clientId);
        emit failed(clientId, error);
    });
    connect(m_sender, &OutboxSender::requeued, this, &OwnMessages::announceUpdate);
}

QString OwnMessages::send(const QString &conversationId, const QString &content, const QString &replyTo,
                          api::Message::Format format, const QStringList &mentions)
{
    if (!api::isValidConversationId(conversationId) || !api::isValidContent(content)
        || (!replyTo.isEmpty() && !api::isValidOpaqueId(replyTo)) || !validMentions(mentions))
        return QString();
    OutboxEntry e = newEntry(conversationId, content, replyTo, format, mentions);
    m_sender->enqueue(e);
    emit rowsInserted(conversationId, { row(e) });
    return e.clientId;
}

bool OwnMessages::validMentions(const QStringList &mentions)
{
    return std::all_of(mentions.cbegin(), mentions.cend(),
                       [](const QString &id) { return api::isValidOpaqueId(id); });
}

OutboxEntry OwnMessages::newEntry(const QString &conversationId, const QString &content,
                                  const QString &replyTo, api::Message::Format format,
                                  const QStringList &mentions) const
{
    OutboxEntry e;
    for (const QString &id : mentions)
        if (!e.mentions.contains(id))
            e.mentions.append(id);
    e.clientId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    e.conversationId = conversationId;
    e.content = content;
    e.format = format;
    const auto original = replyTo.isEmpty() ? std::nullopt : m_timelines.find(conversationId, replyTo);
    e.replyTo = original ? original->id : replyTo;
    e.createdAt = QDateTime::currentDateTimeUtc();
    return e;
}

// ---- files (contract v2) ----

void OwnMessages::enableAttachments(api::RestClient *rest, const QString &filesDirectory)
{
    m_stager = new AttachmentStager(filesDirectory, this);
    m_uploader = new AttachmentUploader(rest, this);
    m_sender->setUploader(m_uploader);
    connect(m_uploader, &AttachmentUploader::progress, this, &OwnMessages::uploadProgress);
    // The copies stay while the send may still go out (failed: Retry), and go with it.
    connect(m_sender, &OutboxSender::delivered, m_stager, &AttachmentStager::release);
    connect(m_sender, &OutboxSender::discarded, m_stager, &AttachmentStager::release);
}

QString OwnMessages::sendWithFiles(const QString &conversationId, const QString &content,
                                   const QStringList &paths, const QString &replyTo,
                                   api::Message::Format format, const QStringList &mentions, QString *refusal)
{
    QString problem;
    if (!m_stager)
        problem = tr("Files cannot be sent here.");
    else if (paths.isEmpty() || !api::isValidConversationId(conversationId)
             || !api::isValidContent(content, true) || (!replyTo.isEmpty() && !api::isValidOpaqueId(replyTo))
             || !validMentions(mentions))
        problem = tr("A message with files needs a conversation and at most 10000 characters of text.");
    else
        problem = AttachmentStager::check(paths);
    if (!problem.isEmpty()) {
        *refusal = problem;
        return QString();
    }
    OutboxEntry e = newEntry(conversationId, content, replyTo, format, mentions);
    e.files = AttachmentStager::describe(paths);
    m_staging.insert(e.clientId, e);
    emit rowsInserted(conversationId, { row(e) });
    m_stager->stage(
        e.clientId, paths,
        [this, clientId = e.clientId](const QList<store::OutboxFile> &files, const QString &error) {
            auto it = m_staging.find(clientId);
            if (it == m_staging.end())
                return m_stager->release(clientId); // discarded while copying
            OutboxEntry staged = std::move(*it);
            m_staging.erase(it);
            if (!error.isEmpty()) {
                emit rowRemoved(staged.conversationId, clientId);
                emit failed(clientId, error);
                return;
            }
            staged.files = files;
            m_sender->enqueue(staged);
            announceUpdate(clientId);
        });
    return e.clientId;
}

bool OwnMessages::rewrite(const QString &clientId, const QString &content)
{
    if (!m_sender->rewrite(clientId, content))
        return false;
    announceUpdate(clientId);
    return true;
}

bool OwnMessages::discard(const QString &clientId)
{
    if (const auto staged = m_staging.take(clientId); !staged.clientId.isEmpty()) {
        emit rowRemoved(staged.conversationId, clientId); // its copies go when copied
        return true;
    }
    const auto e = m_sender->entry(clientId);
    if (!e || !m_sender->discard(clientId))
        return false;
    emit rowRemoved(e->conversationId, clientId);
    return true;
}

void OwnMessages::discardAll()
{
    m_staging.clear();
    for (const OutboxEntry &e : m_sender->entries())
        m_sender->discard(e.clientId);
}

void OwnMessages::restore(const QList<OutboxEntry> &entries)
{
    if (m_stager) { // copies of sends no longer queued (acked before a crash) go
        QSet<QString> queued;
        for (const OutboxEntry &e : entries)
            queued.insert(e.clientId);
        for (const OutboxEntry &e : std::as_const(m_staging))
            queued.insert(e.clientId);
        m_stager->sweep(queued);
    }
    m_sender->restore(entries);
    QHash<QString, QList<api::Message>> rows;
    QStringList order; // conversations in the order their first entry came
    for (const OutboxEntry &e : entries) {
        if (e.kind != Kind::Send)
            continue;
        if (!rows.contains(e.conversationId))
            order.append(e.conversationId);
        rows[e.conversationId].append(row(e));
    }
    for (const QString &conv : std::as_const(order))
        emit rowsInserted(conv, rows.value(conv));
}

QList<api::Message> OwnMessages::pendingRows(const QString &conversationId,
                                             const QList<api::Message> &held) const
{
    // An entry whose stored copy is held already (its echo came before its ack) has no row of its own.
    const QString me = m_timelines.ownUserId();
    QSet<QString> heldClientIds;
    for (const api::Message &m : held)
        if (m.senderId == me)
            heldClientIds.insert(m.clientId);
    QList<api::Message> out;
    for (const OutboxEntry &e : m_sender->entries() + m_staging.values())
        if (e.kind == Kind::Send && e.conversationId == conversationId && !heldClientIds.contains(e.clientId))
            out.append(row(e));
    return out;
}

api::DeliveryState OwnMessages::unsentState(const QString &clientId) const
{
    const auto e = m_sender->entry(clientId);
    return e && e->state == OutboxEntry::State::Failed ? api::DeliveryState::Failed
                                                       : api::DeliveryState::Sending;
}

api::Message OwnMessages::row(const OutboxEntry &e) const
{
    const QString me = m_timelines.ownUserId();
    QString name = m_userName;
    if (name.isEmpty()) // offline since start: our name is in the cached participant list
        if (const auto c = m_timelines.conversation(e.conversationId))
            if (const api::Participant *p = c->participant(me))
                name = p->name;
    api::Message m = e.toMessage(me, name);
    if (!e.replyTo.isEmpty())
        if (const auto original = m_timelines.find(e.conversationId, e.replyTo))
            m.replyPreview = previewOf(*original);
    return m;
}

void OwnMessages::announceUpdate(const QString &clientId)
{
    if (const auto e = m_sender->entry(clientId); e && e->kind == Kind::Send)
        emit rowUpdated(e->conversationId, row(*e));
}

} // namespace ringchat::chat
