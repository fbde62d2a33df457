// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Keeps one Socket.IO connection alive for the signed-in user: connects with the
// access token, refreshes it on TOKEN_EXPIRED, honours RATE_LIMITED's retryAfter,
// reconnects after the server drops us, pauses over a system suspend, and
// reconnects at once when the machine wakes (WakeDetector).
// It exposes one user-facing status and the countdown to the next attempt.

#include <QElapsedTimer>
#include <QObject>
#include <QString>

class QTimer;

namespace ringchat::auth {
class AccessTokenSource;
}
namespace ringchat::net {
class SocketIoClient;
}

namespace ringchat::chat {

class ConnectionManager : public QObject
{
    Q_OBJECT
    Q_PROPERTY(Status status READ status NOTIFY statusChanged)
    Q_PROPERTY(int secondsUntilRetry READ secondsUntilRetry NOTIFY secondsUntilRetryChanged)
    Q_PROPERTY(QString lastError READ lastError NOTIFY lastErrorChanged)

public:
    enum class Status {
        Offline,        // not started, or stopped
        Connecting,     // an attempt is under way
        Online,         // connected; events flow
        WaitingToRetry, // an attempt failed; secondsUntilRetry counts down
        Paused,         // system suspended; resume() reconnects at once
        SignedOut,      // the token was refused and could not be refreshed
    };
    Q_ENUM(Status)

    ConnectionManager(net::SocketIoClient *client, auth::AccessTokenSource *tokens,
                      QObject *parent = nullptr);

    Status status() const { return m_status; }
    int secondsUntilRetry() const { return m_secondsUntilRetry; }
    QString lastError() const { return m_lastError; }

    void start();    // connect with the current access token
    void stop();     // disconnect; no reconnect until start()
    void pause();    // going to sleep: drop the link, stop retrying
    void resume();   // woke up or the network came back: connect at once
    void retryNow(); // skip the remaining wait

    // Extra wait (besides the client's own backoff) used after an unknown refusal
    // or a server-side disconnect. Tests shorten it.
    void setFallbackRetryMs(int ms) { m_fallbackRetryMs = ms; }

signals:
    void statusChanged(ringchat::chat::ConnectionManager::Status status);
    void secondsUntilRetryChanged(int seconds);
    void lastErrorChanged(const QString &error);
    // Emitted after every successful CONNECT: the caller resynchronises.
    void online(bool recovered);
    void authFailed(const QString &error);

private:
    void onConnectError(const QString &message, const QJsonValue &data);
    void onDisconnected(const QString &reason);
    void refreshTokenThenConnect();
    void waitThenConnect(int ms);
    void openWithCurrentToken();
    void updateStatus();
    void updateCountdown();
    void setLastError(const QString &error);

    net::SocketIoClient *m_client;
    auth::AccessTokenSource *m_tokens;
    Status m_status = Status::Offline;
    int m_secondsUntilRetry = 0;
    QString m_lastError;
    bool m_running = false;
    bool m_paused = false;
    bool m_signedOut = false;
    bool m_refreshing = false;
    bool m_refreshedSinceConnect = false; // one refresh per failure streak, then give up
    int m_fallbackRetryMs = 3000;
    QTimer *m_waitTimer;      // our own waits (rate limit, server disconnect)
    QTimer *m_countdownTimer; // ticks the user-visible countdown
};

} // namespace ringchat::chat
