// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Shared helpers of the Socket.IO integration tests: the test server (a CTest
// fixture or a private process), its HTTP control API, and small waits.

#include "net/socketioclient.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QString>
#include <QStringList>

#include <memory>
#include <optional>
#include <variant>

namespace ringchat::net::test {

// Port of a fixture server whose state file ({"port", "pid"}) is named by the
// environment variable `envName`; 0 (and a warning) when there is none.
int fixturePort(const char *envName);

QUrl serverUrl(int port);

// A private server.mjs under QProcess, for tests that kill, restart or stop it.
// The process dies with the test: stdin watch + PR_SET_PDEATHSIG, and the
// destructor SIGCONTs and SIGKILLs it.
class PrivateServer
{
public:
    explicit PrivateServer(QStringList extraArgs = {});
    ~PrivateServer();
    PrivateServer(const PrivateServer &) = delete;
    PrivateServer &operator=(const PrivateServer &) = delete;

    // Starts on `port` (0 = free port). False, with the server's output in
    // errorText(), when it did not print "LISTENING <port>" in time.
    bool start(int port = 0);
    void kill();   // SIGKILL and reap
    void pause();  // SIGSTOP
    void resume(); // SIGCONT
    bool isRunning() const;
    int port() const { return m_port; }
    QUrl url() const { return serverUrl(m_port); }
    QString errorText() const { return m_error; }

private:
    QStringList m_args;
    std::unique_ptr<QProcess> m_process;
    int m_port = 0;
    bool m_paused = false;
    QString m_error;
};

// GET http://127.0.0.1:port/control/<path>; the JSON answer, or nullopt (and a
// warning naming the URL and what went wrong).
std::optional<QJsonDocument> controlGet(int port, const QString &pathAndQuery, int timeoutMs = 10000);

// Options every test starts from: the server URL, auth {token:"good"}, fixed
// random seed, no network watching (the tests want only the server's doing).
SocketIoOptions baseOptions(int port);

// Collects the ack of one emit. The callback stays valid after the catcher is
// gone (a late ack must not touch freed memory).
class AckCatcher
{
public:
    AckCallback callback();
    bool wait(int timeoutMs = 15000); // true once the ack (or its error) came
    bool done() const { return m_state->result.has_value(); }
    int calls() const { return m_state->calls; }
    const AckResult &result() const { return *m_state->result; }

private:
    struct State
    {
        int calls = 0;
        std::optional<AckResult> result;
    };
    std::shared_ptr<State> m_state = std::make_shared<State>();
};

// Emits `event` with `payload` and waits for the ack; the AckResult, or an
// AckResult with error "test: no ack for <event> within <timeoutMs> ms".
AckResult emitAndWait(SocketIoClient &client, const QString &event, const Payload &payload,
                      int timeoutMs = 15000);
AckResult emitAndWait(SocketIoClient &client, const QString &event, const QJsonObject &arg,
                      int timeoutMs = 15000);

// Opens the client and waits for `connected`; false on connectError/timeout (a
// timeout also warns).
bool openAndWait(SocketIoClient &client, int timeoutMs = 20000);

// The binary a placeholder {"_placeholder":true,"num":N} stands for, or nullopt
// when `value` is not a placeholder or N is out of range.
std::optional<QByteArray> binaryAt(const Payload &payload, const QJsonValue &value);

// A payload built from args where each QByteArray becomes a placeholder.
Payload payloadOf(std::initializer_list<std::variant<QJsonValue, QByteArray>> items);

// The server's description of a binary ({"$binary": base64}) of `bytes`.
QJsonObject describedBinary(const QByteArray &bytes);

QString toText(const QJsonValue &value);
QString toText(const Payload &payload);

} // namespace ringchat::net::test
