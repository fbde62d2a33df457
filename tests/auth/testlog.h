// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Captures everything a test logs (all Qt message output) into
// $RINGCHAT_TEST_LOG_DIR/<name>.log and records the tokens the test handled in
// <name>.tokens, so that auth_no_token_leak can check no token was ever logged.

#include <QByteArray>
#include <QDir>
#include <QFile>
#include <QString>
#include <QtGlobal>

namespace testlog {

inline QString &logPath()
{
    static QString path;
    return path;
}

inline QString &tokensPath()
{
    static QString path;
    return path;
}

inline QtMessageHandler &previousHandler()
{
    static QtMessageHandler handler = nullptr;
    return handler;
}

inline void append(const QString &path, const QByteArray &line)
{
    if (path.isEmpty())
        return;
    QFile f(path);
    if (f.open(QIODevice::Append))
        f.write(line + '\n');
}

inline void handler(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    append(logPath(), qFormatLogMessage(type, context, message).toUtf8());
    if (previousHandler())
        previousHandler()(type, context, message);
}

// Call first in main() or initTestCase(). Without RINGCHAT_TEST_LOG_DIR nothing is recorded.
inline void install(const QString &name)
{
    const QString dir = qEnvironmentVariable("RINGCHAT_TEST_LOG_DIR");
    if (dir.isEmpty())
        return;
    QDir().mkpath(dir);
    logPath() = dir + QLatin1Char('/') + name + QStringLiteral(".log");
    tokensPath() = dir + QLatin1Char('/') + name + QStringLiteral(".tokens");
    QFile::remove(logPath());
    QFile::remove(tokensPath());
    QFile(logPath()).open(QIODevice::WriteOnly);
    previousHandler() = qInstallMessageHandler(handler);
}

// A token this test saw: it must not appear in any log.
inline void recordToken(const QString &token)
{
    if (!token.isEmpty())
        append(tokensPath(), token.toUtf8());
}

// Output of a child process (e.g. ringchat-cli) that belongs in the checked logs.
inline void appendOutput(const QString &what, const QByteArray &output)
{
    append(logPath(), "---- " + what.toUtf8() + " ----\n" + output);
}

} // namespace testlog
