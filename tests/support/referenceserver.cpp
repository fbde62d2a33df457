// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "referenceserver.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QRegularExpression>

#include <csignal>

#ifndef RINGCHAT_SOURCE_DIR
#error "RINGCHAT_SOURCE_DIR must be defined by the build"
#endif

namespace {
QString serverDir()
{
    return QStringLiteral(RINGCHAT_SOURCE_DIR "/server");
}

QString tail(const QByteArray &output)
{
    return QString::fromUtf8(output.right(3000));
}
} // namespace

ReferenceServer::ReferenceServer(QProcessEnvironment extraEnv, QString logName)
    : m_database(m_dir.filePath(QStringLiteral("server.sqlite")))
    , m_extraEnv(std::move(extraEnv))
    , m_logName(std::move(logName))
{
}

ReferenceServer::~ReferenceServer()
{
    stop();
    saveOutput();
}

QProcessEnvironment ReferenceServer::baseEnvironment() const
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("DATABASE"), m_database);
    env.insert(QStringLiteral("SEED_DEMO"), QStringLiteral("1"));
    for (const QString &key : m_extraEnv.keys())
        env.insert(key, m_extraEnv.value(key));
    return env;
}

bool ReferenceServer::start(int timeoutMs)
{
    kill();
    m_error.clear();
    if (!QFile::exists(serverDir() + QStringLiteral("/node_modules"))) {
        fail(QStringLiteral("server/node_modules is missing: run scripts/setup (npm ci in server/)."));
        return false;
    }
    const qsizetype outputBefore = m_output.size(); // an earlier run's LISTENING line must not count
    m_process = std::make_unique<QProcess>();
    m_process->setWorkingDirectory(serverDir());
    QProcessEnvironment env = baseEnvironment();
    env.insert(QStringLiteral("PORT"), QString::number(m_port));
    m_process->setProcessEnvironment(env);
    m_process->setProcessChannelMode(QProcess::MergedChannels);
    m_process->start(QStringLiteral("node"), { QStringLiteral("src/index.js") });
    if (!m_process->waitForStarted(10000)) {
        fail(QStringLiteral("node src/index.js (in %1) did not start: %2")
                 .arg(serverDir(), m_process->errorString()));
        return false;
    }
    static const QRegularExpression listening(QStringLiteral("^LISTENING (\\S+)$"),
                                              QRegularExpression::MultilineOption);
    QElapsedTimer clock;
    clock.start();
    while (clock.elapsed() < timeoutMs && m_process->state() == QProcess::Running) {
        m_process->waitForReadyRead(200);
        m_output += m_process->readAll();
        const auto match = listening.match(QString::fromUtf8(m_output.mid(outputBefore)));
        if (match.hasMatch()) {
            m_url = QUrl(match.captured(1));
            m_port = m_url.port();
            // Keep draining the output so the pipe never fills up.
            QObject::connect(m_process.get(), &QProcess::readyRead, m_process.get(),
                             [this] { m_output += m_process->readAll(); });
            return true;
        }
    }
    m_output += m_process->readAll();
    const bool exited = m_process->state() == QProcess::NotRunning;
    fail(QStringLiteral("node src/index.js (PORT=%1) %2 without printing LISTENING; its output:\n%3")
             .arg(m_port)
             .arg(exited ? QStringLiteral("exited") : QStringLiteral("ran %1 ms").arg(timeoutMs),
                  tail(m_output.mid(outputBefore))));
    kill();
    return false;
}

void ReferenceServer::stop()
{
    if (!isRunning())
        return;
    m_process->terminate();
    if (!m_process->waitForFinished(5000)) {
        m_output += m_process->readAll();
        qWarning("reference server %s: no exit 5 s after SIGTERM, killing it; its output:\n%s",
                 qPrintable(m_url.toString()), qPrintable(tail(m_output)));
        kill(); // collects the output and drops the process
        return;
    }
    m_output += m_process->readAll();
}

void ReferenceServer::kill()
{
    if (!m_process)
        return;
    if (m_process->state() != QProcess::NotRunning) {
        ::kill(pid_t(m_process->processId()), SIGKILL);
        if (!m_process->waitForFinished(10000))
            qWarning("reference server %s: still running 10 s after SIGKILL", qPrintable(m_url.toString()));
    }
    m_output += m_process->readAll();
    m_process.reset();
}

void ReferenceServer::suspend()
{
    if (isRunning())
        ::kill(pid_t(m_process->processId()), SIGSTOP);
}

bool ReferenceServer::isRunning() const
{
    return m_process && m_process->state() != QProcess::NotRunning;
}

QString ReferenceServer::token(const QString &user, const QStringList &extraArgs) const
{
    QProcess p;
    QProcessEnvironment env = baseEnvironment();
    if (m_url.isValid())
        env.insert(QStringLiteral("ISSUER"), m_url.toString(QUrl::StripTrailingSlash));
    p.setProcessEnvironment(env);
    p.setWorkingDirectory(serverDir());
    const QStringList args = QStringList { QStringLiteral("src/token-cli.js"), user } + extraArgs;
    p.start(QStringLiteral("node"), args);
    const bool finished = p.waitForFinished(30000);
    if (!finished || p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0) {
        if (!finished)
            p.kill();
        p.waitForFinished(5000);
        qWarning("node %s (in %s) %s: %s\nthe server's output:\n%s", qPrintable(args.join(QLatin1Char(' '))),
                 qPrintable(serverDir()),
                 finished ? qPrintable(QStringLiteral("exited %1").arg(p.exitCode()))
                          : "did not finish within 30 s (killed)",
                 p.readAllStandardError().constData(), qPrintable(tail(m_output)));
        return {};
    }
    return QString::fromUtf8(p.readAllStandardOutput()).trimmed();
}

QString ReferenceServer::sql(const QString &query) const
{
    QProcess p;
    p.start(QStringLiteral("sqlite3"), { m_database, query });
    const bool finished = p.waitForFinished(30000);
    if (!finished || p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0) {
        if (!finished)
            p.kill();
        p.waitForFinished(5000);
        qWarning("sqlite3 %s \"%s\" %s: %s %s", qPrintable(m_database), qPrintable(query),
                 finished ? "failed" : "did not finish within 30 s (killed)", qPrintable(p.errorString()),
                 p.readAllStandardError().constData());
    }
    return QString::fromUtf8(p.readAllStandardOutput());
}

void ReferenceServer::fail(const QString &error)
{
    m_error = error;
    qWarning("reference server: %s", qPrintable(error));
}

void ReferenceServer::saveOutput()
{
    const QString dir = qEnvironmentVariable("RINGCHAT_TEST_LOG_DIR");
    if (m_logName.isEmpty() || dir.isEmpty())
        return;
    QDir().mkpath(dir);
    QFile file(dir + QLatin1Char('/') + m_logName + QStringLiteral(".server-output"));
    if (file.open(QIODevice::WriteOnly))
        file.write(m_output);
}
