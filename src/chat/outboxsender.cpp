// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "chat/outboxsender.h"

#include "chat/attachmentuploader.h"

#include <QPointer>
#include <QTimer>

#include <algorithm>
#include <cmath>
#include <utility>

namespace ringchat::chat {

using Kind = OutboxEntry::Kind;

namespace {
const QString kConversationId = QStringLiteral("conversationId");
const QString kMessageId = QStringLiteral("messageId");
const QString kContent = QStringLiteral("content");
} // namespace

OutboxEvent outboxEvent(const OutboxEntry &e)
{
    switch (e.kind) {
    case Kind::Send: {
        QJsonObject o {
            { kConversationId, e.conversationId },
            { QStringLiteral("clientId"), e.clientId },
            { kContent, e.content },
            { QStringLiteral("type"),
              e.type == api::Message::Type::System ? QStringLiteral("system") : QStringLiteral("text") },
        };
        if (!e.replyTo.isEmpty())
            o.insert(QStringLiteral("replyTo"), e.replyTo);
        if (e.format == api::Message::Format::Markdown) // plain is the default (and all a v1 server knows)
            o.insert(QStringLiteral("format"), QStringLiteral("markdown"));
        if (!e.files.isEmpty()) {
            QJsonArray ids;
            for (const store::OutboxFile &f : e.files)
                ids.append(f.attachmentId);
            o.insert(QStringLiteral("attachments"), ids);
        }
        if (!e.mentions.isEmpty())
            o.insert(QStringLiteral("mentions"), QJsonArray::fromStringList(e.mentions));
        return { QStringLiteral("send_message"), o };
    }
    case Kind::Edit: // no format: the message keeps its own
        return {
            QStringLiteral("edit_message"),
            { { kConversationId, e.conversationId }, { kMessageId, e.targetId }, { kContent, e.content } }
        };
    case Kind::Delete:
        return { QStringLiteral("delete_message"),
                 { { kConversationId, e.conversationId }, { kMessageId, e.targetId } } };
    case Kind::React:
        return { QStringLiteral("set_reaction"),
                 { { kConversationId, e.conversationId },
                   { kMessageId, e.targetId },
                   { QStringLiteral("emoji"), e.emoji },
                   { QStringLiteral("on"), e.reactionOn } } };
    }
    return {};
}

OutboxSender::OutboxSender(EmitEvent send, Persistence persistence, QObject *parent)
    : QObject(parent)
    , m_emit(std::move(send))
    , m_persistence(std::move(persistence))
{
}

void OutboxSender::restore(const QList<OutboxEntry> &entries)
{
    for (const OutboxEntry &e : entries) {
        if (contains(e.clientId))
            continue;
        m_queues[e.conversationId].entries.append(e);
    }
    for (auto it = m_queues.begin(); it != m_queues.end(); ++it)
        std::stable_sort(
            it->entries.begin(), it->entries.end(),
            [](const OutboxEntry &a, const OutboxEntry &b) { return a.createdAt < b.createdAt; });
    replay();
}

void OutboxSender::enqueue(const OutboxEntry &entry)
{
    if (contains(entry.clientId))
        return;
    m_queues[entry.conversationId].entries.append(entry);
    if (entry.kind == Kind::Send) {
        // Sent without waiting for the disk (an fsync, ~1-30 ms when the disk is busy):
        // the store writes the entry before its removal on the ack, and a crash before
        // it reached the disk loses nothing the server took (the gap fill brings it back,
        // the clientId keeps a resend single). A send that goes out now is saved by
        // sendHead as it goes, already marked emitted: one durable write, not two.
        m_savedAtEmit = entry.clientId;
        pump(entry.conversationId);
        if (std::exchange(m_savedAtEmit, {}) == entry.clientId) { // it waits: saved as it is now
            if (const OutboxEntry *waiting = find(entry.clientId))
                m_persistence.save(*waiting, [] {});
        }
        return;
    }
    // An action waits for the disk: the server's change shows no trace of who asked
    // for it, so only the entry can tell that it is ours and still to be answered.
    m_notOnDisk.insert(entry.clientId);
    QPointer<OutboxSender> guard(this);
    m_persistence.save(entry, [guard, clientId = entry.clientId, conv = entry.conversationId] {
        if (guard && guard->m_notOnDisk.remove(clientId))
            guard->pump(conv);
    });
}

void OutboxSender::setOnline(bool online)
{
    if (online == m_online)
        return;
    m_online = online;
    ++m_epoch;
    if (!online) {
        // Uploads start again (same keys) at the next replay(), as sends do.
        if (m_uploader)
            m_uploader->cancelAll();
        // Acks of the old link fail with "disconnected"; the next replay() resends.
        for (auto it = m_queues.begin(); it != m_queues.end(); ++it) {
            it->inFlight = false;
            if (it->wait)
                it->wait->stop();
        }
    }
}

void OutboxSender::replay()
{
    if (!m_online)
        return;
    const auto ids = m_queues.keys();
    for (const QString &id : ids)
        pump(id);
    checkDrained();
}

bool OutboxSender::retry(const QString &clientId)
{
    OutboxEntry *e = find(clientId);
    if (!e || e->state != OutboxEntry::State::Failed)
        return false;
    e->state = OutboxEntry::State::Queued;
    e->attempts = 0;
    e->lastError.clear();
    const QString conversationId = e->conversationId;
    // Persist the reset so a restart does not bring the failure back.
    m_persistence.update(*e);
    emit requeued(clientId);
    pump(conversationId);
    return true;
}

bool OutboxSender::discard(const QString &clientId)
{
    for (auto it = m_queues.begin(); it != m_queues.end(); ++it) {
        for (qsizetype i = 0; i < it->entries.size(); ++i) {
            if (it->entries.at(i).clientId != clientId)
                continue;
            // The head of a busy queue is on the wire: the server may store it anyway.
            // We still drop it locally; a late ack just finds nothing to update.
            it->entries.removeAt(i);
            if (m_uploader && m_uploader->isUploading(clientId)) {
                m_uploader->cancel(clientId);
                it->inFlight = false;
            }
            m_notOnDisk.remove(clientId);
            m_persistence.remove(clientId);
            emit discarded(clientId);
            const QString conv = it.key();
            pump(conv);
            checkDrained();
            return true;
        }
    }
    return false;
}

bool OutboxSender::rewrite(const QString &clientId, const QString &content)
{
    OutboxEntry *e = find(clientId);
    if (!e || e->kind != Kind::Send || e->emitted)
        return false;
    e->content = content;
    m_persistence.update(*e);
    return true;
}

QList<OutboxEntry> OutboxSender::entries() const
{
    QList<OutboxEntry> out;
    for (const Queue &q : m_queues)
        out += q.entries;
    return out;
}

QList<OutboxEntry> OutboxSender::actions(const QString &conversationId) const
{
    QList<OutboxEntry> out;
    const auto it = m_queues.constFind(conversationId);
    if (it != m_queues.cend())
        for (const OutboxEntry &e : it->entries)
            if (e.kind != Kind::Send)
                out.append(e);
    return out;
}

bool OutboxSender::contains(const QString &clientId) const
{
    return const_cast<OutboxSender *>(this)->find(clientId) != nullptr;
}

std::optional<OutboxEntry> OutboxSender::entry(const QString &clientId) const
{
    const OutboxEntry *e = const_cast<OutboxSender *>(this)->find(clientId);
    return e ? std::optional<OutboxEntry>(*e) : std::nullopt;
}

int OutboxSender::pendingCount() const
{
    int n = 0;
    for (const Queue &q : m_queues)
        n += int(std::count_if(q.entries.begin(), q.entries.end(),
                               [](const OutboxEntry &e) { return e.state != OutboxEntry::State::Failed; }));
    return n;
}

OutboxEntry *OutboxSender::find(const QString &clientId)
{
    for (Queue &q : m_queues)
        for (OutboxEntry &e : q.entries)
            if (e.clientId == clientId)
                return &e;
    return nullptr;
}

void OutboxSender::pump(const QString &conversationId)
{
    auto it = m_queues.find(conversationId);
    if (it == m_queues.end() || !m_online || it->inFlight)
        return;
    if (it->wait && it->wait->isActive())
        return;
    sendHead(conversationId);
}

OutboxEntry *OutboxSender::nextToSend(Queue &q)
{
    // The first entry that has not failed, nor acts on a send that has; it waits
    // until it is on disk.
    for (OutboxEntry &e : q.entries) {
        if (e.state == OutboxEntry::State::Failed)
            continue;
        if (m_notOnDisk.contains(e.clientId))
            return nullptr;
        const bool blocked = e.kind != Kind::Send
            && std::any_of(q.entries.cbegin(), q.entries.cend(), [&](const OutboxEntry &s) {
                                 return s.kind == Kind::Send && s.clientId == e.targetId
                                     && s.state == OutboxEntry::State::Failed;
                             });
        if (!blocked)
            return &e;
    }
    return nullptr;
}

void OutboxSender::sendHead(const QString &conversationId)
{
    Queue &q = m_queues[conversationId];
    OutboxEntry *head = nextToSend(q);
    if (!head)
        return;
    if (head->kind == Kind::Send && head->hasFilesToUpload())
        return uploadFirst(conversationId, *head);
    bool changed = !head->emitted;
    head->emitted = true; // from now on the server may hold it: a send is no longer rewritten
    if (head->kind != Kind::Send && m_resolve) {
        // Our message's clientId that the send's ack did not turn into its id.
        const QString id = m_resolve(conversationId, head->targetId);
        if (!id.isEmpty() && id != head->targetId) {
            head->targetId = id;
            changed = true;
        }
    }
    if (head->clientId == m_savedAtEmit) {
        m_savedAtEmit.clear();
        m_persistence.save(*head, [] {}); // its first write (enqueue)
    } else if (changed) {
        m_persistence.update(*head);
    }
    q.inFlight = true;
    const QString clientId = head->clientId;
    const quint64 epoch = m_epoch;
    const OutboxEvent event = outboxEvent(*head);
    QPointer<OutboxSender> guard(this);
    m_emit(event.name, event.payload, [guard, conversationId, clientId, epoch](const api::AckReply &ack) {
        if (guard)
            guard->onAck(conversationId, clientId, epoch, ack);
    });
}

void OutboxSender::onAck(const QString &conversationId, const QString &clientId, quint64 epoch,
                         const api::AckReply &ack)
{
    Queue &q = m_queues[conversationId];
    OutboxEntry *entry = find(clientId);
    const bool current = epoch == m_epoch;
    if (current)
        q.inFlight = false;

    if (ack.ok) {
        if (entry)
            answered(conversationId, *entry, ack);
        if (current)
            pump(conversationId);
        checkDrained();
        return;
    }
    if (!entry || !current)
        return;
    if (!ack.answered && ack.code == QLatin1String("disconnected"))
        return; // replay() after the reconnect
    if (ack.code == QLatin1String("RATE_LIMITED")) {
        const double retryAfter = ack.retryAfter > 0 ? ack.retryAfter : 1;
        waitThenPump(conversationId, std::max(100, int(std::ceil(retryAfter * 1000))));
        return;
    }
    if (entry->kind == Kind::Send)
        sendFailed(conversationId, *entry, ack);
    else
        actionFailed(conversationId, *entry, ack);
}

void OutboxSender::answered(const QString &conversationId, const OutboxEntry &entry, const api::AckReply &ack)
{
    const OutboxEntry done = entry;
    QString error;
    auto message = api::Message::fromJson(ack.data.value(QStringLiteral("message")).toObject(), &error);
    if (done.kind == Kind::Send && message)
        resolveTargets(conversationId, done.clientId, message->id); // on disk before the send goes
    takeOut(conversationId, done.clientId);
    if (done.kind != Kind::Send) {
        emit actionAnswered(done, message.value_or(api::Message {}));
    } else if (message) {
        message->delivery = api::DeliveryState::Sent;
        emit delivered(done.clientId, *message);
    } else {
        // Stored by the server, but the ack is unreadable: the gap fill brings it.
        emit delivered(done.clientId, api::Message {});
    }
}

void OutboxSender::sendFailed(const QString &conversationId, OutboxEntry &entry, const api::AckReply &ack)
{
    const bool transient = ack.code == QLatin1String("timeout") || ack.code == QLatin1String("INTERNAL");
    if (transient && ++entry.attempts < kMaxAttempts) {
        waitThenPump(conversationId, 1000 * entry.attempts);
        return;
    }
    entry.state = OutboxEntry::State::Failed;
    entry.lastError = ack.answered ? ack.message : tr("The server did not answer.");
    if (entry.lastError.isEmpty())
        entry.lastError = ack.code;
    const OutboxEntry copy = entry;
    m_persistence.update(copy);
    emit failed(copy.clientId, copy.lastError);
    pump(conversationId);
    checkDrained();
}

void OutboxSender::actionFailed(const QString &conversationId, OutboxEntry &entry, const api::AckReply &ack)
{
    // A lost answer is sent again, the longer the later (the server may be down);
    // INTERNAL a bounded number of times; anything else is the server's no.
    const bool lost = !ack.answered && ack.code == QLatin1String("timeout");
    const bool internal = ack.code == QLatin1String("INTERNAL");
    if (lost || (internal && entry.attempts + 1 < kMaxAttempts)) {
        ++entry.attempts;
        waitThenPump(conversationId, std::min(30000, 1000 * entry.attempts));
        return;
    }
    const OutboxEntry refused = entry;
    takeOut(conversationId, refused.clientId);
    emit actionRefused(refused, ack.code);
    pump(conversationId);
    checkDrained();
}

void OutboxSender::takeOut(const QString &conversationId, const QString &clientId)
{
    m_queues[conversationId].entries.removeIf([&](const OutboxEntry &e) { return e.clientId == clientId; });
    m_persistence.remove(clientId);
}

void OutboxSender::resolveTargets(const QString &conversationId, const QString &clientId,
                                  const QString &messageId)
{
    for (OutboxEntry &e : m_queues[conversationId].entries) {
        if (e.kind == Kind::Send || e.targetId != clientId)
            continue;
        e.targetId = messageId;
        m_persistence.update(e);
    }
}

void OutboxSender::waitThenPump(const QString &conversationId, int ms)
{
    Queue &q = m_queues[conversationId];
    if (!q.wait) {
        q.wait = new QTimer(this);
        q.wait->setSingleShot(true);
        connect(q.wait, &QTimer::timeout, this, [this, conversationId] { pump(conversationId); });
    }
    q.wait->start(ms);
}

void OutboxSender::uploadFirst(const QString &conversationId, const OutboxEntry &entry)
{
    Queue &q = m_queues[conversationId];
    q.inFlight = true;
    if (!m_uploader) {
        api::ApiError none { api::ApiError::Kind::InvalidArgument,
                             0,
                             {},
                             tr("Files cannot be sent here."),
                             0 };
        return onUploaded(conversationId, m_epoch, entry, none);
    }
    QPointer<OutboxSender> guard(this);
    const quint64 epoch = m_epoch;
    m_uploader->upload(
        entry, [guard, conversationId, epoch](const OutboxEntry &uploaded, const api::ApiError &error) {
            if (guard)
                guard->onUploaded(conversationId, epoch, uploaded, error);
        });
}

void OutboxSender::onUploaded(const QString &conversationId, quint64 epoch, const OutboxEntry &uploaded,
                              const api::ApiError &error)
{
    OutboxEntry *entry = find(uploaded.clientId);
    if (epoch != m_epoch || !entry)
        return; // the link changed (replay() starts it again) or it was discarded
    m_queues[conversationId].inFlight = false;
    entry->files = uploaded.files; // the ids of those that went up, kept across a restart
    m_persistence.update(*entry);
    using K = api::ApiError::Kind;
    if (!error.isError())
        return pump(conversationId);
    if (error.kind == K::Network || error.kind == K::Timeout || error.kind == K::Cancelled) {
        // A lost upload starts again, the longer the later, as long as the link is up.
        ++entry->attempts;
        return waitThenPump(conversationId, std::min(30000, 1000 * entry->attempts));
    }
    if (error.kind == K::RateLimited)
        return waitThenPump(conversationId, 1000 * std::max(1, error.retryAfterSeconds));
    // A refusal is a failed send (INTERNAL, a 5xx, a bounded number of times).
    api::AckReply refusal;
    refusal.answered = true;
    refusal.code = error.httpStatus >= 500 ? QStringLiteral("INTERNAL")
        : error.code.isEmpty()             ? QStringLiteral("UPLOAD_REFUSED")
                                           : error.code;
    refusal.message = error.message;
    sendFailed(conversationId, *entry, refusal);
}

void OutboxSender::checkDrained()
{
    if (pendingCount() == 0)
        emit drained();
}

} // namespace ringchat::chat
