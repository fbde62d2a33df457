// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "net/pendingacks.h"

#include <QPointer>

#include <limits>
#include <vector>

namespace ringchat::net {

PendingAcks::PendingAcks(QObject *parent)
    : QObject(parent)
{
    m_clock.start();
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &PendingAcks::expire);
}

void PendingAcks::add(qint64 id, AckCallback callback, int timeoutMs)
{
    m_acks.insert_or_assign(id, Pending { std::move(callback), m_clock.elapsed() + timeoutMs });
    arm();
}

AckCallback PendingAcks::take(qint64 id)
{
    auto it = m_acks.find(id);
    if (it == m_acks.end())
        return {};
    AckCallback callback = std::move(it->second.callback);
    m_acks.erase(it);
    arm();
    return callback;
}

void PendingAcks::failLater(AckCallback callback, const QString &error)
{
    QMetaObject::invokeMethod(
        this,
        [callback = std::move(callback), error] {
            AckResult result;
            result.error = error;
            callback(result);
        },
        Qt::QueuedConnection);
}

void PendingAcks::failAll(const QString &error)
{
    QPointer<PendingAcks> self(this);
    std::map<qint64, Pending> acks;
    acks.swap(m_acks);
    m_timer.stop();
    for (auto &[id, pending] : acks) {
        AckResult result;
        result.error = error;
        pending.callback(result);
        if (!self)
            return;
    }
}

// One timer for all: it fires at the earliest deadline.
void PendingAcks::arm()
{
    if (m_acks.empty()) {
        m_timer.stop();
        return;
    }
    qint64 earliest = std::numeric_limits<qint64>::max();
    for (const auto &[id, pending] : m_acks)
        earliest = qMin(earliest, pending.deadline);
    m_timer.start(
        int(qBound<qint64>(0, earliest - m_clock.elapsed(), qint64(std::numeric_limits<int>::max()))));
}

void PendingAcks::expire()
{
    const qint64 now = m_clock.elapsed();
    std::vector<AckCallback> expired;
    for (auto it = m_acks.begin(); it != m_acks.end();) {
        if (it->second.deadline <= now) {
            expired.push_back(std::move(it->second.callback));
            it = m_acks.erase(it);
        } else {
            ++it;
        }
    }
    arm();
    QPointer<PendingAcks> self(this);
    for (const AckCallback &callback : expired) {
        AckResult result;
        result.error = QStringLiteral("timeout");
        callback(result);
        if (!self)
            return;
    }
}

} // namespace ringchat::net
