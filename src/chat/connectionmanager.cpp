// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "chat/connectionmanager.h"

#include "auth/accesstokensource.h"
#include "chat/wakedetector.h"
#include "net/socketioclient.h"

#include <QJsonObject>
#include <QLoggingCategory>
#include <QPointer>
#include <QTimer>

#include <algorithm>
#include <cmath>

Q_DECLARE_LOGGING_CATEGORY(lcChat)

namespace ringchat::chat {

using net::SocketIoClient;

ConnectionManager::ConnectionManager(SocketIoClient *client, auth::AccessTokenSource *tokens, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_tokens(tokens)
    , m_waitTimer(new QTimer(this))
    , m_countdownTimer(new QTimer(this))
{
    m_waitTimer->setSingleShot(true);
    connect(m_waitTimer, &QTimer::timeout, this, &ConnectionManager::openWithCurrentToken);
    m_countdownTimer->setInterval(250);
    connect(m_countdownTimer, &QTimer::timeout, this, &ConnectionManager::updateCountdown);

    connect(m_client, &SocketIoClient::stateChanged, this, &ConnectionManager::updateStatus);
    connect(m_client, &SocketIoClient::reconnectScheduled, this, &ConnectionManager::updateStatus);
    connect(m_client, &SocketIoClient::connected, this, [this](const QString &, bool recovered) {
        m_refreshedSinceConnect = false;
        setLastError(QString());
        updateStatus();
        emit online(recovered);
    });
    // After a suspend the old link is dead even if nobody told us: reconnect now.
    connect(new WakeDetector(this), &WakeDetector::woke, this, [this](qint64 sleptMs) {
        qCInfo(lcChat) << "woke up after" << sleptMs << "ms; reconnecting";
        resume();
    });
    connect(m_client, &SocketIoClient::connectError, this, &ConnectionManager::onConnectError);
    connect(m_client, &SocketIoClient::disconnected, this, &ConnectionManager::onDisconnected);
    connect(m_client, &SocketIoClient::connectFailed, this,
            [this](const QString &reason, const QString &sentence) {
                setLastError(sentence.isEmpty() ? reason : sentence);
            });
}

void ConnectionManager::start()
{
    m_running = true;
    m_paused = false;
    m_signedOut = false;
    openWithCurrentToken();
}

void ConnectionManager::stop()
{
    m_running = false;
    m_waitTimer->stop();
    m_client->close();
    updateStatus();
}

void ConnectionManager::pause()
{
    if (!m_running || m_paused)
        return;
    m_paused = true;
    m_waitTimer->stop();
    m_client->close();
    updateStatus();
}

void ConnectionManager::resume()
{
    if (!m_running)
        return;
    m_paused = false;
    retryNow();
}

void ConnectionManager::retryNow()
{
    if (!m_running || m_paused || m_signedOut || m_refreshing)
        return;
    if (m_waitTimer->isActive()) {
        m_waitTimer->stop();
        openWithCurrentToken();
    } else if (m_client->state() == SocketIoClient::State::Disconnected) {
        openWithCurrentToken();
    } else {
        m_client->retryNow();
    }
    updateStatus();
}

void ConnectionManager::openWithCurrentToken()
{
    if (!m_running || m_paused || m_signedOut)
        return;
    const QString token = m_tokens->accessToken();
    if (token.isEmpty()) {
        m_signedOut = true;
        setLastError(tr("You are signed out."));
        updateStatus();
        emit authFailed(m_lastError);
        return;
    }
    m_client->setAuth(QJsonObject { { QStringLiteral("token"), token } });
    m_client->open();
    updateStatus();
}

void ConnectionManager::onConnectError(const QString &message, const QJsonValue &data)
{
    const QJsonObject d = data.toObject();
    const QString code = d.value(QStringLiteral("code")).toString();
    setLastError(message.isEmpty() ? code : message);
    if (!m_running || m_paused)
        return updateStatus();

    if (code == QLatin1String("TOKEN_EXPIRED") || code == QLatin1String("INVALID_TOKEN")) {
        if (m_refreshedSinceConnect) {
            // A fresh token was refused too: nothing more we can do without the user.
            m_signedOut = true;
            updateStatus();
            emit authFailed(m_lastError);
            return;
        }
        refreshTokenThenConnect();
    } else if (code == QLatin1String("INSECURE_URL")) {
        updateStatus(); // retrying cannot help: the address must change
    } else if (code == QLatin1String("RATE_LIMITED")) {
        const double retryAfter = d.value(QStringLiteral("retryAfter")).toDouble(1);
        waitThenConnect(std::max(1000, int(std::ceil(retryAfter * 1000))));
    } else {
        waitThenConnect(m_fallbackRetryMs);
    }
}

void ConnectionManager::onDisconnected(const QString &reason)
{
    // The client reconnects by itself except when the server (or we) ended the session.
    if (reason == QLatin1String("io server disconnect") && m_running && !m_paused)
        waitThenConnect(std::min(m_fallbackRetryMs, 1000));
    else
        updateStatus();
}

void ConnectionManager::refreshTokenThenConnect()
{
    m_refreshing = true;
    m_refreshedSinceConnect = true;
    updateStatus();
    m_tokens->refreshAccessToken(
        [this, guard = QPointer<ConnectionManager>(this)](bool ok, const QString &error) {
            if (!guard)
                return;
            m_refreshing = false;
            if (!ok) {
                m_signedOut = true;
                setLastError(error);
                updateStatus();
                emit authFailed(error);
                return;
            }
            openWithCurrentToken();
        });
}

void ConnectionManager::waitThenConnect(int ms)
{
    m_waitTimer->start(ms);
    updateStatus();
}

void ConnectionManager::updateStatus()
{
    Status s;
    const auto clientState = m_client->state();
    if (clientState == SocketIoClient::State::Connected)
        s = Status::Online;
    else if (m_signedOut)
        s = Status::SignedOut;
    else if (!m_running)
        s = Status::Offline;
    else if (m_paused)
        s = Status::Paused;
    else if (m_waitTimer->isActive())
        s = Status::WaitingToRetry;
    else if (m_refreshing || clientState == SocketIoClient::State::Connecting)
        s = Status::Connecting;
    else if (clientState == SocketIoClient::State::Reconnecting)
        s = m_client->msUntilRetry() > 0 ? Status::WaitingToRetry : Status::Connecting;
    else
        s = Status::Offline;

    if (s == Status::WaitingToRetry)
        m_countdownTimer->start();
    else
        m_countdownTimer->stop();
    if (s != m_status) {
        m_status = s;
        emit statusChanged(s);
    }
    updateCountdown();
}

void ConnectionManager::updateCountdown()
{
    int seconds = 0;
    if (m_status == Status::WaitingToRetry) {
        qint64 ms = m_waitTimer->isActive() ? m_waitTimer->remainingTime() : m_client->msUntilRetry();
        if (ms <= 0 && m_client->state() == SocketIoClient::State::Reconnecting && !m_waitTimer->isActive()) {
            // The client's timer fired: the attempt is under way.
            updateStatus();
            return;
        }
        seconds = int((std::max<qint64>(ms, 0) + 999) / 1000);
    }
    if (seconds != m_secondsUntilRetry) {
        m_secondsUntilRetry = seconds;
        emit secondsUntilRetryChanged(seconds);
    }
}

void ConnectionManager::setLastError(const QString &error)
{
    if (error == m_lastError)
        return;
    m_lastError = error;
    emit lastErrorChanged(error);
}

} // namespace ringchat::chat
