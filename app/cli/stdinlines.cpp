// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "stdinlines.h"

#include <QSocketNotifier>

#include <cerrno>
#include <unistd.h>

namespace ringchat::cli {

StdinLines::StdinLines(QObject *parent, OnLine onLine, OnEnd onEnd)
    : m_notifier(new QSocketNotifier(STDIN_FILENO, QSocketNotifier::Read, parent))
    , m_onLine(std::move(onLine))
    , m_onEnd(std::move(onEnd))
{
    QObject::connect(m_notifier, &QSocketNotifier::activated, m_notifier, [this] { readSome(); });
}

void StdinLines::readSome()
{
    char buf[65536];
    const ssize_t n = ::read(STDIN_FILENO, buf, sizeof buf);
    if (n < 0 && (errno == EINTR || errno == EAGAIN))
        return;
    if (n <= 0) {
        m_notifier->setEnabled(false);
        if (!m_buffer.isEmpty())
            emitLine(m_buffer);
        m_buffer.clear();
        m_onEnd();
        return;
    }
    m_buffer.append(buf, n);
    qsizetype nl;
    while ((nl = m_buffer.indexOf('\n')) >= 0) {
        emitLine(m_buffer.left(nl));
        m_buffer.remove(0, nl + 1);
    }
}

void StdinLines::emitLine(QByteArray line)
{
    if (line.endsWith('\r'))
        line.chop(1);
    m_onLine(QString::fromUtf8(line));
}

} // namespace ringchat::cli
