// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Notices that the machine slept: the monotonic clock stops during suspend while the
// wall clock keeps going, so a timer that fires late by wall-clock time means we woke
// up (no D-Bus or platform API needed). The chat service then reconnects at once
// instead of waiting for a dead link's heartbeat timeout.

#include <QDateTime>
#include <QElapsedTimer>
#include <QObject>

class QTimer;

namespace ringchat::chat {

class WakeDetector : public QObject
{
    Q_OBJECT
public:
    explicit WakeDetector(QObject *parent = nullptr, int intervalMs = 5000, int thresholdMs = 10000);

signals:
    void woke(qint64 sleptMs);

private:
    void check();

    QTimer *m_timer;
    QElapsedTimer m_monotonic;
    qint64 m_lastWallMs = 0;
    int m_thresholdMs;
};

} // namespace ringchat::chat
