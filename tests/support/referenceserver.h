// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Starts the project's reference server (server/src/index.js) for one test: the
// demo users, a database file in a temp folder, a free loopback port that is kept
// across restarts, and access tokens minted with the server's own key
// (server/src/token-cli.js). Shared by the api, chat and e2e tests.

#include <QProcess>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>
#include <QUrl>

#include <memory>

class ReferenceServer
{
public:
    // extraEnv: server settings such as CONNECT_RATE_LIMIT or ACCESS_TOKEN_TTL.
    // logName: when set, the server's output is saved to
    // $RINGCHAT_TEST_LOG_DIR/<logName>.server-output at destruction.
    explicit ReferenceServer(QProcessEnvironment extraEnv = {}, QString logName = {});
    ~ReferenceServer();

    ReferenceServer(const ReferenceServer &) = delete;
    ReferenceServer &operator=(const ReferenceServer &) = delete;

    // Starts, or restarts on the same port and database, and waits for the
    // LISTENING line. On false, error() says why (also printed as a warning, with the
    // server's output, for tests that only QVERIFY the result).
    bool start(int timeoutMs = 30000);
    void stop(); // SIGTERM: the server's graceful shutdown
    void kill(); // SIGKILL: no goodbye, nothing flushed beyond what SQLite committed
    // SIGSTOP: frozen where it is (connections stay open, nothing is read) until kill().
    void suspend();

    bool isRunning() const;
    QUrl url() const { return m_url; }
    int port() const { return m_port; }
    QString database() const { return m_database; }
    QString error() const { return m_error; }
    QString log() const { return QString::fromUtf8(m_output); }

    // An access token for a user; extraArgs e.g. {"--ttl", "-10"} or {"--expired"}.
    // Empty, and a warning naming the command, when token-cli fails or takes over 30 s.
    QString token(const QString &user, const QStringList &extraArgs = {}) const;

    // Runs the sqlite3 shell on the server's database and returns its output (at most
    // 30 s; a warning names the query when it fails).
    QString sql(const QString &query) const;

private:
    QProcessEnvironment baseEnvironment() const;
    void saveOutput();
    void fail(const QString &error);

    QTemporaryDir m_dir;
    QString m_database;
    QProcessEnvironment m_extraEnv;
    QString m_logName;
    std::unique_ptr<QProcess> m_process;
    QByteArray m_output;
    QUrl m_url;
    int m_port = 0;
    QString m_error;
};
