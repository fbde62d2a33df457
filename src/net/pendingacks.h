// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "net/payload.h"

#include <QElapsedTimer>
#include <QObject>
#include <QString>
#include <QTimer>

#include <functional>
#include <map>

namespace ringchat::net {

struct AckResult
{
    QString error;   // empty on success; "timeout", "disconnected" or "too large"
    Payload payload; // the server's ack arguments
    bool ok() const { return error.isEmpty(); }
};
using AckCallback = std::function<void(const AckResult &)>;

// The acks SocketIoClient waits for, by ack id. Each callback runs at most once:
// with the server's answer (the caller of take()), with "timeout" when its
// deadline passes, or with the error given to failAll() or failLater().
// A callback may delete the owner of this object (its parent); nothing runs after that.
class PendingAcks : public QObject
{
    Q_OBJECT
public:
    explicit PendingAcks(QObject *parent = nullptr);

    // The id for the next event that asks for an ack.
    qint64 nextId() { return m_nextId++; }
    // Waits for the ack to `id` for `timeoutMs`.
    void add(qint64 id, AckCallback callback, int timeoutMs);
    // The callback waiting for `id`, no longer waiting; empty if unknown or expired.
    AckCallback take(qint64 id);
    // Calls every waiting callback with `error` (the link went down).
    void failAll(const QString &error);
    // Calls `callback` with `error` on a later pass of the event loop: never from
    // inside the caller, whose state may not be ready for it.
    void failLater(AckCallback callback, const QString &error);
    qsizetype size() const { return qsizetype(m_acks.size()); }

private:
    struct Pending
    {
        AckCallback callback;
        qint64 deadline = 0; // m_clock ms
    };
    void arm();
    void expire();

    std::map<qint64, Pending> m_acks;
    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_nextId = 0;
};

} // namespace ringchat::net
