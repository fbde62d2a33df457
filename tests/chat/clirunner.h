#pragma once
// Runs ringchat-cli's chat commands with --server and --token, isolated in a data dir.

#include <QProcess>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>
#include <QUrl>

struct CliResult {
    int exitCode = -1;
    QString out;
    QString err;
    QStringList lines() const { return out.split(QLatin1Char('\n'), Qt::SkipEmptyParts); }
};

inline QProcessEnvironment cliEnvironment(const QString &dataDir)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("RINGCHAT_DATA_DIR"), dataDir);
    env.insert(QStringLiteral("QT_LOGGING_RULES"), qEnvironmentVariable("CHAT_CLI_LOG", QStringLiteral("ringchat.*.info=false;ringchat.*.debug=false")));
    env.remove(QStringLiteral("RINGCHAT_TOKEN"));
    env.remove(QStringLiteral("RINGCHAT_SERVER"));
    // Never the developer's own saved account or settings.
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), dataDir + QStringLiteral("/config"));
    return env;
}

inline void startCli(QProcess &p, const QUrl &server, const QString &token, const QString &dataDir,
                     const QStringList &args)
{
    p.setProcessEnvironment(cliEnvironment(dataDir));
    QStringList all{QStringLiteral("--server"), server.toString()};
    if (!token.isNull())
        all << QStringLiteral("--token") << token;
    p.start(QStringLiteral(RINGCHAT_CHAT_CLI), all + args);
}

// timeoutMs bounds a stuck CLI: its own --timeout defaults to 30 s.
inline CliResult runCli(const QUrl &server, const QString &token, const QString &dataDir, const QStringList &args,
                        const QByteArray &input = {}, int timeoutMs = 60000)
{
    QProcess p;
    startCli(p, server, token, dataDir, args);
    CliResult r;
    const QString command = QStringLiteral("ringchat-cli --server %1 ").arg(server.toString()) + args.join(QLatin1Char(' '));
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
