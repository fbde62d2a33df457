// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "chat/readreceiptbatcher.h"

#include <QDateTime>
#include <QPointer>
#include <QTimer>

#include <algorithm>

namespace ringchat::chat {

ReadReceiptBatcher::ReadReceiptBatcher(Send send, QObject *parent, int minIntervalMs)
    : QObject(parent)
    , m_send(std::move(send))
    , m_minIntervalMs(minIntervalMs)
{
}

void ReadReceiptBatcher::markVisible(const QString &conversationId, qint64 highestVisibleSeq)
{
    State &st = m_states[conversationId];
    if (highestVisibleSeq <= std::max(st.acked, st.wanted))
        return;
    st.wanted = highestVisibleSeq;
    trySend(conversationId);
}

void ReadReceiptBatcher::setKnownMarker(const QString &conversationId, qint64 lastReadSeq)
{
    State &st = m_states[conversationId];
    st.acked = std::max(st.acked, lastReadSeq);
}

void ReadReceiptBatcher::flush()
{
    const auto ids = m_states.keys();
    for (const QString &id : ids)
        trySend(id);
}

void ReadReceiptBatcher::trySend(const QString &conversationId)
{
    State &st = m_states[conversationId];
    if (st.wanted <= std::max(st.acked, st.handled) || st.inFlight)
        return;
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const qint64 wait = st.lastSendMs + m_minIntervalMs - now;
    if (wait > 0) {
        if (!st.timer) {
            st.timer = new QTimer(this);
            st.timer->setSingleShot(true);
            connect(st.timer, &QTimer::timeout, this, [this, conversationId] { trySend(conversationId); });
        }
        if (!st.timer->isActive())
            st.timer->start(int(wait));
        return;
    }
    st.inFlight = true;
    st.lastSendMs = now;
    const qint64 upTo = st.wanted;
    QPointer<ReadReceiptBatcher> guard(this);
    m_send(conversationId, upTo, [this, guard, conversationId, upTo](bool ok, qint64 lastReadSeq) {
        if (!guard)
            return;
        State &s = m_states[conversationId];
        s.inFlight = false;
        if (!ok)
            return; // kept in `wanted`; flush() after the reconnect sends it again
        // The server may clamp the marker to its last seq: don't ask again for more.
        s.handled = std::max(s.handled, upTo);
        if (lastReadSeq > s.acked) {
            s.acked = lastReadSeq;
            emit markerAcknowledged(conversationId, lastReadSeq);
        }
        trySend(conversationId);
    });
}

} // namespace ringchat::chat
