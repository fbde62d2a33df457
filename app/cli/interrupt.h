// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Ctrl+C (SIGINT) and SIGTERM as a Qt callback: the signal handler only writes one
// byte to a socket pair, which a QSocketNotifier reads on the event loop.

#include <QObject>

#include <functional>

class QSocketNotifier;

namespace ringchat::cli {

class InterruptNotifier : public QObject
{
public:
    // One at a time: the handler is process-wide. The default handlers come back
    // when it is destroyed.
    explicit InterruptNotifier(std::function<void()> onInterrupt, QObject *parent = nullptr);
    ~InterruptNotifier() override;

private:
    std::function<void()> m_onInterrupt;
    QSocketNotifier *m_notifier = nullptr;
};

} // namespace ringchat::cli
