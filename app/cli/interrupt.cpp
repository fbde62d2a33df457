// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "interrupt.h"

#include <QSocketNotifier>

#include <csignal>
#include <sys/socket.h>
#include <unistd.h>

namespace ringchat::cli {

namespace {
int s_fds[2] = { -1, -1 }; // [0] written by the handler, [1] read by the notifier

void onSignal(int)
{
    const char c = 1;
    [[maybe_unused]] auto n = ::write(s_fds[0], &c, 1);
}

void setHandler(void (*handler)(int))
{
    struct sigaction sa
    {
    };
    sa.sa_handler = handler;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = SA_RESTART;
    sigaction(SIGINT, &sa, nullptr);
    sigaction(SIGTERM, &sa, nullptr);
}
} // namespace

InterruptNotifier::InterruptNotifier(std::function<void()> onInterrupt, QObject *parent)
    : QObject(parent)
    , m_onInterrupt(std::move(onInterrupt))
{
    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, s_fds) != 0)
        return;
    m_notifier = new QSocketNotifier(s_fds[1], QSocketNotifier::Read, this);
    connect(m_notifier, &QSocketNotifier::activated, this, [this] {
        char c;
        if (::read(s_fds[1], &c, 1) > 0 && m_onInterrupt)
            m_onInterrupt();
    });
    setHandler(onSignal);
}

InterruptNotifier::~InterruptNotifier()
{
    if (!m_notifier)
        return;
    setHandler(SIG_DFL);
    delete m_notifier;
    ::close(s_fds[0]);
    ::close(s_fds[1]);
    s_fds[0] = s_fds[1] = -1;
}

} // namespace ringchat::cli
