#pragma once
// Starts the project's reference server (server/src/index.js) for a test: a temp
// database file, a free port (kept across restarts), tokens minted with its CLI.

#include <QDir>
#include <QElapsedTimer>
#include <QProcess>
#include <QProcessEnvironment>
#include <QRegularExpression>
#include <QString>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

#include <csignal>

class ReferenceServer
{
public:
    explicit ReferenceServer(QProcessEnvironment extraEnv = {})
        : m_extra(std::move(extraEnv))
    {
        m_database = m_dir.filePath(QStringLiteral("server.sqlite"));
    }
    ~ReferenceServer() { kill(); }

    ReferenceServer(const ReferenceServer &) = delete;
    ReferenceServer &operator=(const ReferenceServer &) = delete;

    QString database() const { return m_database; }
    QUrl url() const { return m_url; }
    int port() const { return m_port; }
    bool isRunning() const { return m_process && m_process->state() != QProcess::NotRunning; }
    QString log() const { return m_log; }

    // Starts (or restarts on the same port) and waits for the LISTENING line.
    bool start(int timeoutMs = 30000)
    {
        kill();
        m_log.clear(); // the previous run's LISTENING line must not count
        m_process = std::make_unique<QProcess>();
        m_process->setWorkingDirectory(QStringLiteral(RINGCHAT_SERVER_DIR));
        QProcessEnvironment env = baseEnvironment();
        env.insert(QStringLiteral("PORT"), QString::number(m_port));
        env.insert(QStringLiteral("SEED_DEMO"), QStringLiteral("1"));
        for (const QString &key : m_extra.keys())
            env.insert(key, m_extra.value(key));
        m_process->setProcessEnvironment(env);
        m_process->setProcessChannelMode(QProcess::MergedChannels);
        m_process->start(QStringLiteral("node"), {QStringLiteral("src/index.js")});
        if (!m_process->waitForStarted(10000))
            return false;
        static const QRegularExpression listening(QStringLiteral("^LISTENING (\\S+)$"),
                                                  QRegularExpression::MultilineOption);
        QElapsedTimer timer;
        timer.start();
        while (timer.elapsed() < timeoutMs) {
            if (m_process->waitForReadyRead(200) || m_process->bytesAvailable())
                m_log += QString::fromUtf8(m_process->readAll());
            const auto match = listening.match(m_log);
            if (match.hasMatch()) {
                m_url = QUrl(match.captured(1));
                m_port = m_url.port();
                // Keep draining the log so the pipe never fills up.
                QObject::connect(m_process.get(), &QProcess::readyRead, m_process.get(),
                                 [this] { m_log += QString::fromUtf8(m_process->readAll()); });
                return true;
            }
            if (m_process->state() == QProcess::NotRunning)
                break;
        }
        qWarning("reference server did not start:\n%s", qPrintable(m_log));
        return false;
    }

    // SIGKILL: no goodbye to the clients, no flush beyond what SQLite committed.
    void kill()
    {
        if (!m_process)
            return;
        if (m_process->state() != QProcess::NotRunning) {
            ::kill(pid_t(m_process->processId()), SIGKILL);
            m_process->waitForFinished(10000);
        }
        m_process.reset();
    }

    // An access token for a demo user (1 hour).
    QString token(const QString &user, const QStringList &extra = {}) const
    {
        QProcess p;
        p.setWorkingDirectory(QStringLiteral(RINGCHAT_SERVER_DIR));
        p.setProcessEnvironment(baseEnvironment());
        p.start(QStringLiteral("node"), QStringList{QStringLiteral("src/token-cli.js"), user} + extra);
        if (!p.waitForFinished(30000) || p.exitCode() != 0) {
            qWarning("token-cli failed: %s", p.readAllStandardError().constData());
            return QString();
        }
        return QString::fromUtf8(p.readAllStandardOutput()).trimmed();
    }

    // Runs sqlite3 on the server's database; returns stdout.
    QString sql(const QString &query) const
    {
        QProcess p;
        p.start(QStringLiteral("sqlite3"), {m_database, query});
        p.waitForFinished(30000);
        return QString::fromUtf8(p.readAllStandardOutput());
    }

private:
    QProcessEnvironment baseEnvironment() const
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("DATABASE"), m_database);
        return env;
    }

    QTemporaryDir m_dir;
    QString m_database;
    QProcessEnvironment m_extra;
    std::unique_ptr<QProcess> m_process;
    QString m_log;
    QUrl m_url;
    int m_port = 0;
};
