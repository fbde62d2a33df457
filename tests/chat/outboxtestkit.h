// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// For the outbox's unit tests: a cache that records the outbox writes, and a link
// that records the events sent and lets the test answer each one.

#include "chat/chatcache.h"
#include "chat/emitevent.h"

#include <QJsonObject>
#include <QList>
#include <QStringList>

class OutboxRecorder final : public ringchat::chat::ChatCache
{
public:
    using OutboxEntry = ringchat::chat::OutboxEntry;
    void load(int, const QHash<QString, int> &, std::function<void(const Snapshot &)>) override { }
    void loadBefore(const QString &, qint64, int,
                    std::function<void(const QList<ringchat::api::Message> &)>) override
    {
    }
    void loadAfter(const QString &, qint64, int,
                   std::function<void(const QList<ringchat::api::Message> &)>) override
    {
    }
    void saveConversations(const QList<ringchat::api::Conversation> &) override { }
    void saveMessages(const QList<ringchat::api::Message> &m) override { messages += m; }
    void saveChanges(const QList<ringchat::api::Message> &m) override { messages += m; }
    void saveSyncedRev(const QString &, qint64) override { }
    // Durable at once unless holdDisk: then durable() waits for releaseDisk().
    void saveOutboxEntry(const OutboxEntry &e, std::function<void()> durable) override
    {
        saved.append(e.clientId);
        entries.append(e);
        if (holdDisk)
            waiting.append(std::move(durable));
        else
            durable();
    }
    void updateOutboxEntry(const OutboxEntry &e) override
    {
        updated.append(e.clientId);
        for (OutboxEntry &held : entries)
            if (held.clientId == e.clientId)
                held = e;
    }
    void removeOutboxEntry(const QString &clientId) override
    {
        removed.append(clientId);
        entries.removeIf([&](const OutboxEntry &e) { return e.clientId == clientId; });
    }
    void destroy() override { }
    void releaseDisk()
    {
        for (const auto &durable : std::exchange(waiting, {}))
            durable();
    }

    QStringList saved, updated, removed;
    QList<OutboxEntry> entries; // what the disk holds
    QList<ringchat::api::Message> messages;
    bool holdDisk = false;
    QList<std::function<void()>> waiting;
};

class FakeLink
{
public:
    struct Sent
    {
        QString event;
        QJsonObject data;
        ringchat::chat::AckHandler ack;
    };

    ringchat::chat::EmitEvent emitter()
    {
        return [this](const QString &event, const QJsonObject &data, ringchat::chat::AckHandler ack) {
            sent.append({ event, data, std::move(ack) });
        };
    }
    QStringList events() const
    {
        QStringList out;
        for (const Sent &s : sent)
            out << s.event;
        return out;
    }
    // The server's answers to sent[i].
    void ok(qsizetype i, const QJsonObject &data = {})
    {
        ringchat::api::AckReply r;
        r.ok = r.answered = true;
        r.data = data;
        r.data.insert(QStringLiteral("ok"), true);
        answer(i, r);
    }
    void refuse(qsizetype i, const QString &code, double retryAfter = 0)
    {
        ringchat::api::AckReply r;
        r.answered = true;
        r.code = code;
        r.message = QStringLiteral("refused: ") + code;
        r.retryAfter = retryAfter;
        answer(i, r);
    }
    void lose(qsizetype i, const QString &reason = QStringLiteral("timeout"))
    {
        ringchat::api::AckReply r;
        r.code = reason;
        answer(i, r);
    }

    QList<Sent> sent;

private:
    void answer(qsizetype i, const ringchat::api::AckReply &r)
    {
        if (auto ack = sent.at(i).ack)
            ack(r);
    }
};
