// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Turns "the user can see up to seq N" reports into mark_read requests: at most
// one per conversation every 500 ms, only ever moving the marker forward, and
// retried after a reconnect when one was lost.

#include <QHash>
#include <QObject>
#include <QString>

#include <functional>

class QTimer;

namespace ringchat::chat {

class ReadReceiptBatcher : public QObject
{
    Q_OBJECT
public:
    // done(ok, lastReadSeq) must be called once per send.
    using Done = std::function<void(bool ok, qint64 lastReadSeq)>;
    using Send = std::function<void(const QString &conversationId, qint64 upToSeq, Done done)>;

    explicit ReadReceiptBatcher(Send send, QObject *parent = nullptr, int minIntervalMs = 500);

    void markVisible(const QString &conversationId, qint64 highestVisibleSeq);
    // The marker the server already holds for us (from a conversation or messages_read).
    void setKnownMarker(const QString &conversationId, qint64 lastReadSeq);
    qint64 knownMarker(const QString &conversationId) const { return m_states.value(conversationId).acked; }
    // Send whatever is pending now (after a reconnect).
    void flush();

signals:
    void markerAcknowledged(const QString &conversationId, qint64 lastReadSeq);

private:
    struct State
    {
        qint64 acked = 0;      // the server confirmed this marker
        qint64 wanted = 0;     // the highest seq the user has seen
        qint64 handled = 0;    // the highest upToSeq the server accepted
        qint64 lastSendMs = 0; // for the 500 ms spacing
        bool inFlight = false;
        QTimer *timer = nullptr;
    };
    void trySend(const QString &conversationId);

    Send m_send;
    int m_minIntervalMs;
    QHash<QString, State> m_states;
};

} // namespace ringchat::chat
