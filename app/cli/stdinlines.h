// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Standard input as lines, read on the event loop (for send --stdin).

#include <QByteArray>
#include <QString>

#include <functional>

class QObject;
class QSocketNotifier;

namespace ringchat::cli {

class StdinLines
{
public:
    using OnLine = std::function<void(const QString &)>;
    using OnEnd = std::function<void()>;

    // onLine gets each line without its "\n" or "\r\n"; onEnd runs once at end of input.
    StdinLines(QObject *parent, OnLine onLine, OnEnd onEnd);

private:
    void readSome();
    void emitLine(QByteArray line);

    QSocketNotifier *m_notifier;
    OnLine m_onLine;
    OnEnd m_onEnd;
    QByteArray m_buffer;
};

} // namespace ringchat::cli
