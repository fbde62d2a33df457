// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Runs ringchat-cli, isolated in a data dir: the chat commands with --server and --token
// (runCli), or any command line (runCliWith).

#include <QProcess>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>
#include <QUrl>

struct CliResult
{
    int exitCode = -1;
    QString out;
    QString err;
    QStringList lines() const { return out.split(QLatin1Char('\n'), Qt::SkipEmptyParts); }
};

inline QProcessEnvironment cliEnvironment(const QString &dataDir)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("RINGCHAT_DATA_DIR"), dataDir);
    // The CLI is quiet by itself; CHAT_CLI_LOG=ringchat.*=true shows its log when debugging a test.
    if (qEnvironmentVariableIsSet("CHAT_CLI_LOG"))
        env.insert(QStringLiteral("QT_LOGGING_RULES"), qEnvironmentVariable("CHAT_CLI_LOG"));
    else
        env.remove(QStringLiteral("QT_LOGGING_RULES"));
    env.remove(QStringLiteral("RINGCHAT_TOKEN"));
    env.remove(QStringLiteral("RINGCHAT_SERVER"));
    // Never the developer's own saved account or settings.
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), dataDir + QStringLiteral("/config"));
    return env;
}

inline QStringList serverAndToken(const QUrl &server, const QString &token)
{
    QStringList all { QStringLiteral("--server"), server.toString() };
    if (!token.isNull())
        all << QStringLiteral("--token") << token;
    return all;
}

inline void startCli(QProcess &p, const QUrl &server, const QString &token, const QString &dataDir,
                     const QStringList &args)
{
    p.setProcessEnvironment(cliEnvironment(dataDir));
    p.start(QStringLiteral(RINGCHAT_CHAT_CLI), serverAndToken(server, token) + args);
}

// Runs `ringchat-cli <arguments>` as given, with `extraEnv` added to cliEnvironment().
// timeoutMs bounds a stuck CLI: its own --timeout defaults to 30 s.
inline CliResult runCliWith(const QStringList &arguments, const QString &dataDir,
                            const QProcessEnvironment &extraEnv = {}, const QByteArray &input = {},
                            int timeoutMs = 60000)
{
    QProcess p;
    QProcessEnvironment env = cliEnvironment(dataDir);
    env.insert(extraEnv);
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(RINGCHAT_CHAT_CLI), arguments);
    CliResult r;
    QStringList shown = arguments; // never a token in a test log
    if (const auto t = shown.indexOf(QStringLiteral("--token")); t >= 0 && t + 1 < shown.size())
        shown[t + 1] = QStringLiteral("...");
    const QString command = QStringLiteral("ringchat-cli ") + shown.join(QLatin1Char(' '));
    if (!p.waitForStarted(10000)) {
        r.err = QStringLiteral("(%1 did not start: %2) ").arg(command, p.errorString());
        qWarning("%s", qPrintable(r.err));
        return r;
    }
    if (!input.isEmpty())
        p.write(input);
    p.closeWriteChannel();
    if (!p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished(5000);
        r.err = QStringLiteral("(%1 did not finish within %2 ms; killed) ").arg(command).arg(timeoutMs);
        qWarning("%s", qPrintable(r.err));
    } else {
        r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    }
    r.out = QString::fromUtf8(p.readAllStandardOutput());
    r.err += QString::fromUtf8(p.readAllStandardError());
    return r;
}

inline CliResult runCli(const QUrl &server, const QString &token, const QString &dataDir,
                        const QStringList &args, const QByteArray &input = {}, int timeoutMs = 60000)
{
    return runCliWith(serverAndToken(server, token) + args, dataDir, {}, input, timeoutMs);
}
