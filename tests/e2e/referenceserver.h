#pragma once

// Starts the project's reference server (server/src/index.js) on a free loopback
// port for one test, with an in-memory database and the demo users, and stops it
// when destroyed. Its output goes to <log dir>/<name>.server-output (not a
// checked log: it is the server's, not the client's).

#include <QProcess>
#include <QProcessEnvironment>
#include <QString>
#include <QUrl>

class ReferenceServer
{
public:
    explicit ReferenceServer(QString name, QProcessEnvironment extraEnv = {});
    ~ReferenceServer();

    // Waits for the LISTENING line; false (and error()) when the server did not start.
    bool start(int timeoutMs = 30000);
    QUrl url() const { return m_url; }
    QString keysDir() const { return m_keysDir; }
    QString error() const { return m_error; }

    // A token minted by server/src/token-cli.js (the same signing key).
    QString mintToken(const QString &user, const QStringList &extraArgs = {}) const;

private:
    QString m_name;
    QProcessEnvironment m_env;
    QProcess m_process;
    QUrl m_url;
    QString m_keysDir;
    QString m_error;
    QByteArray m_output;
};
