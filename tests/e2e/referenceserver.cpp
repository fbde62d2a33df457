#include "referenceserver.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QRegularExpression>

#ifndef RINGCHAT_SOURCE_DIR
#error "RINGCHAT_SOURCE_DIR must be defined by the build"
#endif

ReferenceServer::ReferenceServer(QString name, QProcessEnvironment extraEnv)
    : m_name(std::move(name)), m_env(std::move(extraEnv))
{
}

ReferenceServer::~ReferenceServer()
{
    if (m_process.state() != QProcess::NotRunning) {
        m_process.terminate();
        if (!m_process.waitForFinished(5000)) {
            m_process.kill();
            m_process.waitForFinished(2000);
        }
    }
    const QString dir = qEnvironmentVariable("RINGCHAT_TEST_LOG_DIR");
    if (!dir.isEmpty()) {
        QDir().mkpath(dir);
        QFile f(dir + QLatin1Char('/') + m_name + QStringLiteral(".server-output"));
        if (f.open(QIODevice::WriteOnly))
            f.write(m_output + m_process.readAll());
    }
}

bool ReferenceServer::start(int timeoutMs)
{
    const QString serverDir = QStringLiteral(RINGCHAT_SOURCE_DIR "/server");
    if (!QFile::exists(serverDir + QStringLiteral("/node_modules"))) {
        m_error = QStringLiteral("server/node_modules is missing: run scripts/setup (npm ci in server/).");
        return false;
    }
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("PORT"), QStringLiteral("0"));
    env.insert(QStringLiteral("DATABASE"), QStringLiteral(":memory:"));
    env.insert(QStringLiteral("SEED_DEMO"), QStringLiteral("1"));
    for (const QString &key : m_env.keys())
        env.insert(key, m_env.value(key));
    m_process.setProcessEnvironment(env);
    m_process.setWorkingDirectory(serverDir);
    m_process.setProcessChannelMode(QProcess::MergedChannels);
    m_process.start(QStringLiteral("node"), { QStringLiteral("src/index.js") });
    if (!m_process.waitForStarted(10000)) {
        m_error = QStringLiteral("node did not start: %1").arg(m_process.errorString());
        return false;
    }
    static const QRegularExpression listening(QStringLiteral("^LISTENING (\\S+)$"), QRegularExpression::MultilineOption);
    static const QRegularExpression keys(QStringLiteral("^KEYS_DIR (.+)$"), QRegularExpression::MultilineOption);
    QElapsedTimer clock;
    clock.start();
    while (clock.elapsed() < timeoutMs && m_process.state() == QProcess::Running) {
        m_process.waitForReadyRead(200);
        m_output += m_process.readAll();
        const auto k = keys.match(QString::fromUtf8(m_output));
        if (k.hasMatch())
            m_keysDir = k.captured(1).trimmed();
        const auto m = listening.match(QString::fromUtf8(m_output));
        if (m.hasMatch()) {
            m_url = QUrl(m.captured(1));
            return true;
        }
    }
    m_error = QStringLiteral("the reference server did not print LISTENING: %1").arg(QString::fromUtf8(m_output.right(2000)));
    return false;
}

QString ReferenceServer::mintToken(const QString &user, const QStringList &extraArgs) const
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("KEYS_DIR"), m_keysDir);
    env.insert(QStringLiteral("ISSUER"), m_url.toString());
    env.insert(QStringLiteral("DATABASE"), QStringLiteral(":memory:"));
    p.setProcessEnvironment(env);
    p.setWorkingDirectory(QStringLiteral(RINGCHAT_SOURCE_DIR "/server"));
    p.start(QStringLiteral("node"), QStringList { QStringLiteral("src/token-cli.js"), user } + extraArgs);
    p.waitForFinished(20000);
    return QString::fromUtf8(p.readAllStandardOutput()).trimmed();
}
