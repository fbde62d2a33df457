#pragma once

// Starts the project's reference server (server/src/index.js) on a free
// loopback port with an in-memory database and the demo users, and mints
// access tokens with its own signing key (server/src/token-cli.js).

#include <QProcess>
#include <QProcessEnvironment>
#include <QRegularExpression>
#include <QString>
#include <QTest>
#include <QUrl>

class ReferenceServer
{
public:
    ~ReferenceServer() { stop(); }

    // extraEnv: e.g. {"MESSAGE_RATE_BURST", "1"}.
    bool start(const QList<std::pair<QString, QString>> &extraEnv = {})
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("PORT"), QStringLiteral("0"));
        env.insert(QStringLiteral("DATABASE"), QStringLiteral(":memory:"));
        env.insert(QStringLiteral("SEED_DEMO"), QStringLiteral("1"));
        for (const auto &[key, value] : extraEnv)
            env.insert(key, value);
        m_process.setProcessEnvironment(env);
        m_process.setWorkingDirectory(QStringLiteral(RINGCHAT_SERVER_DIR));
        m_process.setProcessChannelMode(QProcess::SeparateChannels);
        m_process.start(QStringLiteral("node"), { QStringLiteral("src/index.js") });
        if (!m_process.waitForStarted(10000))
            return false;
        QByteArray out;
        const QRegularExpression listening(
            QStringLiteral("^LISTENING (\\S+)$"), QRegularExpression::MultilineOption);
        QElapsedTimer timer;
        timer.start();
        while (timer.elapsed() < 30000 && m_process.state() == QProcess::Running) {
            m_process.waitForReadyRead(200);
            out += m_process.readAllStandardOutput();
            const QString text = QString::fromUtf8(out);
            const auto match = listening.match(text);
            if (match.hasMatch()) {
                m_url = QUrl(match.captured(1));
                m_keysDir = QRegularExpression(
                    QStringLiteral("^KEYS_DIR (.+)$"), QRegularExpression::MultilineOption)
                                .match(text)
                                .captured(1)
                                .trimmed();
                m_issuer = QRegularExpression(
                    QStringLiteral("^ISSUER (\\S+)$"), QRegularExpression::MultilineOption)
                               .match(text)
                               .captured(1);
                return true;
            }
        }
        qWarning("Reference server did not start: %s %s", out.constData(),
            m_process.readAllStandardError().constData());
        return false;
    }

    void stop()
    {
        if (m_process.state() != QProcess::NotRunning) {
            m_process.terminate();
            if (!m_process.waitForFinished(5000)) {
                m_process.kill();
                m_process.waitForFinished(2000);
            }
        }
    }

    QUrl url() const { return m_url; }

    // An access token for a demo user; ttlSeconds < 0 gives an expired one.
    QString mintToken(const QString &user, int ttlSeconds = 3600) const
    {
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("DATABASE"), QStringLiteral(":memory:"));
        env.insert(QStringLiteral("KEYS_DIR"), m_keysDir);
        env.insert(QStringLiteral("ISSUER"), m_issuer);
        p.setProcessEnvironment(env);
        p.setWorkingDirectory(QStringLiteral(RINGCHAT_SERVER_DIR));
        p.start(QStringLiteral("node"),
            { QStringLiteral("src/token-cli.js"), user, QStringLiteral("--ttl"),
                QString::number(ttlSeconds) });
        if (!p.waitForFinished(20000) || p.exitCode() != 0) {
            qWarning("token-cli failed: %s", p.readAllStandardError().constData());
            return {};
        }
        return QString::fromUtf8(p.readAllStandardOutput()).trimmed();
    }

private:
    QProcess m_process;
    QUrl m_url;
    QString m_keysDir;
    QString m_issuer;
};
