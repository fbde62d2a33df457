#pragma once
// Runs the chat commands' CLI (chat_cli_driver: the same code ringchat-cli runs).

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

inline CliResult runCli(const QUrl &server, const QString &token, const QString &dataDir, const QStringList &args,
                        const QByteArray &input = {}, int timeoutMs = 60000)
{
    QProcess p;
    startCli(p, server, token, dataDir, args);
    p.waitForStarted(10000);
    if (!input.isEmpty())
        p.write(input);
    p.closeWriteChannel();
    CliResult r;
    if (!p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished(5000);
        r.err = QStringLiteral("(timed out) ");
    } else {
        r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    }
    r.out = QString::fromUtf8(p.readAllStandardOutput());
    r.err += QString::fromUtf8(p.readAllStandardError());
    return r;
}
