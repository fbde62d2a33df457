// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "auth/authsession.h"

#include "auth/authorizationrequest.h"
#include "auth/browserlauncher.h"
#include "auth/loopbackreceiver.h"
#include "auth/refreshpolicy.h"
#include "auth/secretstore.h"
#include "auth/serverurl.h"
#include "auth/tokenidentity.h"

#include <QLoggingCategory>
#include <QNetworkAccessManager>

namespace ringchat::auth {

// Debug and info lines are off unless QT_LOGGING_RULES enables them (the tests do, and check them for
// tokens).
Q_LOGGING_CATEGORY(lcAuth, "ringchat.auth", QtWarningMsg)

AuthSession::AuthSession(SecretStore *store, AccountSettings settings, QObject *parent)
    : AuthSession(store, std::move(settings), Options(), parent)
{
}

AuthSession::AuthSession(SecretStore *store, AccountSettings settings, Options options, QObject *parent)
    : QObject(parent)
    , m_nam(new QNetworkAccessManager(this))
    , m_discovery(new OidcDiscovery(m_nam, this))
    , m_tokens(new TokenClient(m_nam, this))
    , m_store(store)
    , m_settings(std::move(settings))
    , m_options(std::move(options))
{
    m_discovery->setTimeoutMs(m_options.networkTimeoutMs);
    m_tokens->setTimeoutMs(m_options.networkTimeoutMs);
    m_tokens->setClient(m_options.client);

    m_browserTimer.setSingleShot(true);
    connect(&m_browserTimer, &QTimer::timeout, this, [this] {
        failSignIn({ AuthError::Kind::Cancelled,
                     QStringLiteral("No answer from the browser within %1 minutes; the sign-in was stopped. "
                                    "Try again.")
                         .arg(qMax(1, m_options.browserTimeoutMs / 60000)) });
    });
    m_refreshTimer.setSingleShot(true);
    connect(&m_refreshTimer, &QTimer::timeout, this, [this] {
        if (!m_refreshToken.isEmpty())
            refreshAccessToken([](bool, const QString &) {});
    });
}

AuthSession::~AuthSession()
{
    // Nobody may wait forever: pending refreshes learn that the session is gone.
    m_refreshWaiters.finish(false, QStringLiteral("The session was closed."));
}

QString AuthSession::serverUrl() const
{
    return m_server.isValid() ? ServerUrl::key(m_server) : QString();
}

QString AuthSession::secretKey() const
{
    return ServerUrl::key(m_server) + QLatin1Char('/') + m_userId;
}

void AuthSession::setState(State state)
{
    if (m_state == state)
        return;
    qCDebug(lcAuth) << "state" << m_state << "->" << state;
    m_state = state;
    emit stateChanged();
}

void AuthSession::setError(const AuthError &error)
{
    m_lastError = error;
    if (error.isError())
        qCInfo(lcAuth).noquote() << "auth error:" << error.message;
    emit errorStringChanged();
}

void AuthSession::clearError()
{
    if (!m_lastError.isError())
        return;
    m_lastError = {};
    emit errorStringChanged();
}

// ---- sign-in -------------------------------------------------------------------------------

void AuthSession::signIn(const QString &serverUrl)
{
    AuthError error;
    const QUrl server = ServerUrl::parse(serverUrl, &error);
    if (!server.isValid() && m_state == State::SignedIn) {
        // A bad address never ends the session that works.
        setError(error);
        emit signInFailed(error.message);
        return;
    }

    stopSignInMachinery();
    if (m_state == State::SignedIn) {
        // Signing in again replaces the session: the old one ends like a sign-out,
        // without waiting for the server.
        const QString oldToken = m_refreshToken;
        if (!oldToken.isEmpty())
            m_tokens->revoke(oldToken, [](const AuthError &) {});
        if (m_store)
            m_store->deleteSecret(secretKey(), [](const SecretStore::Result &) {});
        forgetSession();
        emit signedOut(QString());
    }
    ++m_generation;
    m_refreshWaiters.finish(false, QStringLiteral("A new sign-in started."));

    if (!server.isValid()) {
        failSignIn(error);
        return;
    }
    if (server != m_server)
        m_config = {};
    m_server = server;
    clearError();
    setState(State::Discovering);
    const quint64 generation = m_generation;
    ensureDiscovered([this, generation](const AuthError &error) {
        if (generation != m_generation)
            return;
        if (error.isError())
            failSignIn(error);
        else
            startBrowserStep();
    });
}

void AuthSession::ensureDiscovered(std::function<void(const AuthError &)> next)
{
    if (m_config.isValid()) {
        next({});
        return;
    }
    const QUrl server = m_server;
    m_discovery->discover(
        server,
        [this, server, next = std::move(next)](const OidcConfiguration &config, const AuthError &error) {
            if (!error.isError() && server == m_server) {
                m_config = config;
                m_tokens->setEndpoints(config.tokenEndpoint, config.revocationEndpoint);
            }
            next(error);
        });
}

void AuthSession::startBrowserStep()
{
    m_receiver = new LoopbackReceiver(this);
    AuthError error;
    if (!m_receiver->listen(&error)) {
        failSignIn(error);
        return;
    }
    m_pkce = Pkce::generate();
    m_stateParam = randomUrlSafeToken(32);
    m_nonce = randomUrlSafeToken(32);
    m_receiver->setExpectedState(m_stateParam);
    m_receiver->setExpectedIssuer(m_config.issuer);
    connect(m_receiver, &LoopbackReceiver::codeReceived, this, &AuthSession::onCodeReceived);
    connect(m_receiver, &LoopbackReceiver::failed, this, &AuthSession::failSignIn);
    connect(m_receiver, &LoopbackReceiver::requestRejected, this, [this](const QString &reason) {
        qCInfo(lcAuth).noquote() << "loopback listener refused a request:" << reason;
        emit callbackRejected(reason);
    });

    const QUrl url = AuthorizationRequest { m_config.authorizationEndpoint,
                                            m_options.client,
                                            m_receiver->redirectUri(),
                                            m_stateParam,
                                            m_nonce,
                                            m_pkce.challenge() }
                         .url();
    m_authorizationUrl = url;

    m_browserTimer.start(m_options.browserTimeoutMs);
    setState(State::WaitingForBrowser);
    qCInfo(lcAuth).noquote() << "waiting for the browser sign-in on" << m_receiver->redirectUri().toString();
    if (!BrowserLauncher::open(url, &error))
        setError(error); // keep waiting: the user can open authorizationUrl by hand
}

void AuthSession::onCodeReceived(const QString &code)
{
    m_browserTimer.stop();
    const QUrl redirectUri = m_receiver->redirectUri();
    m_receiver->stopListening();
    setState(State::CompletingSignIn);
    const quint64 generation = m_generation;
    m_tokens->exchangeCode(code, m_pkce.verifier(), redirectUri,
                           [this, generation](const TokenSet &tokens, const AuthError &error) {
                               if (generation != m_generation)
                                   return;
                               AuthError problem = error;
                               if (!problem.isError() && !adoptTokens(tokens, &problem, true))
                                   m_accessToken.clear();
                               if (problem.isError()) {
                                   failSignIn(problem);
                                   return;
                               }
                               finishSignIn();
                           });
}

bool AuthSession::adoptTokens(const TokenSet &tokens, AuthError *error, bool signingIn)
{
    AuthError problem;
    const TokenIdentity identity = TokenIdentity::read(
        tokens, { m_config.issuer, m_options.client.clientId, signingIn, m_nonce, m_userId }, &problem);
    if (problem.isError()) {
        *error = problem;
        return false;
    }
    if (signingIn)
        m_userId = identity.userId;
    if (!identity.userName.isEmpty())
        m_userName = identity.userName;
    else if (m_userName.isEmpty())
        m_userName = m_userId;

    m_accessToken = tokens.accessToken;
    if (!tokens.refreshToken.isEmpty())
        m_refreshToken = tokens.refreshToken;
    const qint64 expiresIn = identity.expiresInSec;
    m_expiresAt = expiresIn > 0 ? QDateTime::currentDateTimeUtc().addSecs(expiresIn) : QDateTime();
    scheduleRefresh(RefreshPolicy::delayMs(expiresIn));
    return true;
}

void AuthSession::finishSignIn()
{
    stopSignInMachinery();
    const quint64 generation = m_generation;
    const auto complete = [this](const QString &notSaved) {
        setState(State::SignedIn);
        emit accountChanged();
        emit accessTokenChanged();
        qCInfo(lcAuth).noquote() << "signed in to" << serverUrl() << "as" << m_userId;
        if (!notSaved.isEmpty()) {
            setError({ AuthError::Kind::SecretStore, notSaved });
            emit sessionNotSaved(notSaved);
        }
        emit signedIn();
    };
    if (m_refreshToken.isEmpty()) {
        complete(
            QStringLiteral("The server did not grant a lasting session (no refresh token); you will have "
                           "to sign in again next time."));
        return;
    }
    if (!m_store) {
        complete(QStringLiteral("No secret store is set up; the session will not be kept."));
        return;
    }
    const SavedAccount account { serverUrl(), m_userId, m_userName };
    m_store->writeSecret(secretKey(), m_refreshToken,
                         [this, generation, account, complete](const SecretStore::Result &r) {
                             if (generation != m_generation)
                                 return;
                             if (r.ok)
                                 m_settings.setLastAccount(account);
                             complete(r.ok ? QString() : r.error);
                         });
}

void AuthSession::stopSignInMachinery()
{
    m_browserTimer.stop();
    if (m_receiver) {
        m_receiver->stopListening();
        m_receiver->disconnect(this);
        // Let the last page reach the browser before the listener goes away.
        QTimer::singleShot(5000, m_receiver, &QObject::deleteLater);
        m_receiver = nullptr;
    }
    m_pkce = {};
    m_stateParam.clear();
    m_nonce.clear();
    m_authorizationUrl.clear();
}

void AuthSession::failSignIn(const AuthError &error)
{
    stopSignInMachinery();
    ++m_generation;
    m_refreshWaiters.finish(false, error.message);
    forgetSession();
    setError(error);
    setState(State::SignedOut);
    emit signInFailed(error.message);
}

void AuthSession::cancel()
{
    switch (m_state) {
    case State::Discovering:
    case State::WaitingForBrowser:
    case State::CompletingSignIn:
    case State::Restoring:
        failSignIn({ AuthError::Kind::Cancelled, QStringLiteral("Sign-in cancelled.") });
        break;
    default:
        break;
    }
}

// ---- restore -------------------------------------------------------------------------------

bool AuthSession::restoreSession()
{
    if (m_state == State::SignedIn || m_state == State::Restoring)
        return true;
    const SavedAccount account = m_settings.lastAccount();
    if (!account.isValid())
        return false;
    AuthError error;
    const QUrl server = ServerUrl::parse(account.serverUrl, &error);
    if (!server.isValid()) {
        m_settings.clearLastAccount();
        return false;
    }
    stopSignInMachinery();
    ++m_generation;
    if (server != m_server)
        m_config = {};
    m_server = server;
    m_userId = account.userId;
    m_userName = account.userName;
    clearError();
    setState(State::Restoring);
    emit accountChanged();

    if (!m_store) {
        failSignIn(
            { AuthError::Kind::SecretStore, QStringLiteral("No secret store is set up; sign in again.") });
        return true;
    }
    const quint64 generation = m_generation;
    m_store->readSecret(secretKey(), [this, generation](const SecretStore::Result &r) {
        if (generation != m_generation)
            return;
        if (!r.ok) {
            if (r.notFound)
                m_settings.clearLastAccount();
            failSignIn({ AuthError::Kind::SecretStore,
                         r.notFound ? QStringLiteral("Your saved session was not found; sign in again.")
                                    : r.error });
            return;
        }
        m_refreshToken = r.secret;
        refreshAccessToken([](bool, const QString &) {});
    });
    return true;
}

// ---- refresh -------------------------------------------------------------------------------

void AuthSession::refreshAccessToken(RefreshDone done)
{
    if (m_refreshToken.isEmpty() || m_state == State::SigningOut) {
        QTimer::singleShot(0, this, [done = std::move(done)] {
            done(false, QStringLiteral("Not signed in; sign in again."));
        });
        return;
    }
    if (m_refreshWaiters.add(std::move(done)))
        startRefresh();
}

void AuthSession::startRefresh()
{
    m_refreshTimer.stop();
    const quint64 generation = m_generation;

    const auto transientFailure = [this](const AuthError &error) {
        ++m_refreshFailures;
        setError(error);
        if (m_state == State::Restoring) {
            // Offline at start: the account stays signed in and retries.
            setState(State::SignedIn);
        }
        scheduleRefresh(RefreshPolicy::retryDelayMs(m_refreshFailures));
        emit refreshFailed(error.message);
        m_refreshWaiters.finish(false, error.message);
    };

    ensureDiscovered([this, generation, transientFailure](const AuthError &error) {
        if (generation != m_generation)
            return;
        if (error.isError()) {
            transientFailure(error);
            return;
        }
        m_tokens->refresh(
            m_refreshToken,
            [this, generation, transientFailure](const TokenSet &tokens, const AuthError &error) {
                if (generation != m_generation)
                    return;
                AuthError problem = error;
                const QString previousRefreshToken = m_refreshToken;
                if (!problem.isError())
                    adoptTokens(tokens, &problem, false);
                if (problem.kind == AuthError::Kind::InvalidGrant
                    || problem.kind == AuthError::Kind::AccessDenied) {
                    const QString reason = QStringLiteral("You were signed out: %1").arg(problem.message);
                    m_refreshWaiters.finish(false, reason);
                    endSession(reason);
                    return;
                }
                if (problem.isError()) {
                    transientFailure(problem);
                    return;
                }
                m_refreshFailures = 0;
                const auto announce = [this] {
                    const bool restoring = m_state == State::Restoring;
                    clearError();
                    setState(State::SignedIn);
                    emit accountChanged();
                    emit accessTokenChanged();
                    if (restoring) {
                        qCInfo(lcAuth).noquote()
                            << "restored the session for" << m_userId << "on" << serverUrl();
                        emit signedIn();
                    }
                    m_refreshWaiters.finish(true, QString());
                };
                if (m_refreshToken == previousRefreshToken || !m_store) {
                    announce();
                    return;
                }
                // Keep the rotated token before anyone hears of the refresh: the old one no
                // longer works, and a process that exits right after (the CLI) must not lose it.
                m_store->writeSecret(secretKey(), m_refreshToken,
                                     [this, generation, announce](const SecretStore::Result &r) {
                                         if (generation != m_generation)
                                             return;
                                         announce();
                                         if (!r.ok) {
                                             setError({ AuthError::Kind::SecretStore, r.error });
                                             emit sessionNotSaved(r.error);
                                         }
                                     });
            });
    });
}

void AuthSession::scheduleRefresh(qint64 delayMs)
{
    if (delayMs < 0) {
        m_refreshTimer.stop();
        return;
    }
    m_refreshTimer.start(std::chrono::milliseconds(delayMs));
}

// ---- sign-out ------------------------------------------------------------------------------

void AuthSession::endSession(const QString &reason)
{
    const bool deleteSecret = m_store && !m_userId.isEmpty();
    const QString key = secretKey();
    m_settings.clearLastAccount();
    ++m_generation;
    m_refreshWaiters.finish(false, reason);
    forgetSession();
    setError({ AuthError::Kind::InvalidGrant, reason });
    setState(State::SignedOut);
    // Announced once the dead token is gone from the store, so a process may exit then.
    const quint64 generation = m_generation;
    const auto announce = [this, generation, reason](const SecretStore::Result &) {
        if (generation == m_generation)
            emit signedOut(reason);
    };
    if (deleteSecret)
        m_store->deleteSecret(key, announce);
    else
        announce({});
}

void AuthSession::forgetSession()
{
    const bool hadToken = !m_accessToken.isEmpty();
    m_refreshTimer.stop();
    m_accessToken.clear();
    m_refreshToken.clear();
    m_expiresAt = {};
    m_refreshFailures = 0;
    if (!m_userId.isEmpty() || !m_userName.isEmpty()) {
        m_userId.clear();
        m_userName.clear();
        emit accountChanged();
    }
    if (hadToken)
        emit accessTokenChanged();
}

void AuthSession::signOut()
{
    if (m_state == State::SigningOut)
        return;
    stopSignInMachinery();
    ++m_generation;
    m_refreshWaiters.finish(false, QStringLiteral("Signed out."));

    // A saved session that was never restored (e.g. `ringchat-cli logout`) is signed out too.
    if (m_state != State::SignedIn) {
        const SavedAccount account = m_settings.lastAccount();
        AuthError error;
        const QUrl server = account.isValid() ? ServerUrl::parse(account.serverUrl, &error) : QUrl();
        if (!server.isValid()) {
            forgetSession();
            setState(State::SignedOut);
            emit signedOut(QString());
            return;
        }
        if (server != m_server)
            m_config = {};
        m_server = server;
        m_userId = account.userId;
        m_userName = account.userName;
    }
    setState(State::SigningOut);
    const quint64 generation = m_generation;
    const QString key = secretKey();

    // Revoke (RFC 7009) when we have the token and the server offers it, then delete locally.
    const auto finish = [this, generation, key](const AuthError &revokeError) {
        if (generation != m_generation)
            return;
        const auto done = [this, generation, revokeError](const SecretStore::Result &r) {
            if (generation != m_generation)
                return;
            m_settings.clearLastAccount();
            forgetSession();
            if (revokeError.isError())
                setError({ revokeError.kind,
                           QStringLiteral("Signed out on this computer, but the server could not be told: %1")
                               .arg(revokeError.message) });
            else if (!r.ok)
                setError({ AuthError::Kind::SecretStore, r.error });
            else
                clearError();
            setState(State::SignedOut);
            emit signedOut(QString());
        };
        if (m_store)
            m_store->deleteSecret(key, done);
        else
            done({ true, false, {}, {} });
    };
    const auto revoke = [this, generation, finish](const QString &refreshToken) {
        if (refreshToken.isEmpty()) {
            finish({});
            return;
        }
        ensureDiscovered([this, generation, finish, refreshToken](const AuthError &error) {
            if (generation != m_generation)
                return;
            if (error.isError())
                finish(error);
            else
                m_tokens->revoke(refreshToken, finish);
        });
    };

    if (!m_refreshToken.isEmpty() || !m_store) {
        revoke(m_refreshToken);
        return;
    }
    m_store->readSecret(key, [generation, this, revoke](const SecretStore::Result &r) {
        if (generation != m_generation)
            return;
        revoke(r.ok ? r.secret : QString());
    });
}

} // namespace ringchat::auth
