// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "chat/outboxsender.h"

#include "net/socketioclient.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QPointer>
#include <QTimer>

#include <algorithm>
#include <cmath>

namespace ringchat::chat {

QJsonObject sendPayload(const OutboxEntry &e)
{
    QJsonObject o {
        { QStringLiteral("conversationId"), e.conversationId },
        { QStringLiteral("clientId"), e.clientId },
        { QStringLiteral("content"), e.content },
        { QStringLiteral("type"),
          e.type == api::Message::Type::System ? QStringLiteral("system") : QStringLiteral("text") },
    };
    if (!e.replyTo.isEmpty())
        o.insert(QStringLiteral("replyTo"), e.replyTo);
    return o;
}

OutboxSender::OutboxSender(net::SocketIoClient *client, Persistence persistence, QObject *parent)
    : QObject(parent)
    , m_client(client)
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
    // Sent without waiting for the disk (an fsync, ~1-30 ms when the disk is busy):
    // the store writes the entry before its removal on the ack, and a crash before
    // it reached the disk loses nothing the server took (the gap fill brings it back,
    // the clientId keeps a resend single).
    m_persistence.save(entry, [] {});
    pump(entry.conversationId);
}

void OutboxSender::setOnline(bool online)
{
    if (online == m_online)
        return;
    m_online = online;
    ++m_epoch;
    if (!online) {
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
    const OutboxEntry copy = *e;
    // Persist the reset so a restart does not bring the failure back.
    m_persistence.update(copy);
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

QList<OutboxEntry> OutboxSender::entries() const
{
    QList<OutboxEntry> out;
    for (const Queue &q : m_queues)
        out += q.entries;
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

void OutboxSender::sendHead(const QString &conversationId)
{
    Queue &q = m_queues[conversationId];
    // The first entry that has not failed.
    const OutboxEntry *head = nullptr;
    for (const OutboxEntry &e : q.entries) {
        if (e.state == OutboxEntry::State::Failed)
            continue;
        head = &e;
        break;
    }
    if (!head)
        return;
    q.inFlight = true;
    const QString clientId = head->clientId;
    const quint64 epoch = m_epoch;
    QPointer<OutboxSender> guard(this);
    m_client->emitEvent(QStringLiteral("send_message"), sendPayload(*head),
                        [guard, conversationId, clientId, epoch](const net::AckResult &r) {
                            if (!guard)
                                return;
                            guard->onAck(conversationId, clientId, epoch, api::AckReply::from(r));
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
        QString error;
        auto stored = api::Message::fromJson(ack.data.value(QStringLiteral("message")).toObject(), &error);
        if (entry) {
            q.entries.removeIf([&](const OutboxEntry &e) { return e.clientId == clientId; });
            m_persistence.remove(clientId);
            if (stored) {
                stored->delivery = api::DeliveryState::Sent;
                emit delivered(clientId, *stored);
            } else {
                // Stored by the server, but the ack is unreadable: the gap fill brings it.
                emit delivered(clientId, api::Message {});
            }
        }
        if (current)
            pump(conversationId);
        checkDrained();
        return;
    }
    if (!entry || !current)
        return;

    const QString &code = ack.code;
    if (!ack.answered && code == QLatin1String("disconnected"))
        return; // replay() after the reconnect

    if (code == QLatin1String("RATE_LIMITED")) {
        const double retryAfter = ack.retryAfter > 0 ? ack.retryAfter : 1;
        waitThenPump(conversationId, std::max(100, int(std::ceil(retryAfter * 1000))));
        return;
    }
    const bool transient = code == QLatin1String("timeout") || code == QLatin1String("INTERNAL");
    if (transient && ++entry->attempts < kMaxAttempts) {
        waitThenPump(conversationId, 1000 * entry->attempts);
        return;
    }
    entry->state = OutboxEntry::State::Failed;
    entry->lastError = ack.answered ? ack.message : tr("The server did not answer.");
    if (entry->lastError.isEmpty())
        entry->lastError = code;
    const OutboxEntry copy = *entry;
    m_persistence.update(copy);
    emit failed(clientId, copy.lastError);
    pump(conversationId);
    checkDrained();
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

void OutboxSender::checkDrained()
{
    if (pendingCount() == 0)
        emit drained();
}

} // namespace ringchat::chat
