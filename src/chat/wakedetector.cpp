// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "chat/wakedetector.h"

#include <QTimer>

namespace ringchat::chat {

WakeDetector::WakeDetector(QObject *parent, int intervalMs, int thresholdMs)
    : QObject(parent)
    , m_timer(new QTimer(this))
    , m_thresholdMs(thresholdMs)
{
    m_timer->setInterval(intervalMs);
    connect(m_timer, &QTimer::timeout, this, &WakeDetector::check);
    m_monotonic.start();
    m_lastWallMs = QDateTime::currentMSecsSinceEpoch();
    m_timer->start();
}

void WakeDetector::check()
{
    const qint64 wall = QDateTime::currentMSecsSinceEpoch();
    const qint64 mono = m_monotonic.restart();
    const qint64 wallElapsed = wall - m_lastWallMs;
    m_lastWallMs = wall;
    // Wall time ran ahead of monotonic time: suspended for the difference.
    if (wallElapsed - mono > m_thresholdMs)
        emit woke(wallElapsed - mono);
}

} // namespace ringchat::chat
