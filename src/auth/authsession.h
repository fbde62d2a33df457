// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "auth/accesstokensource.h"
#include "auth/accountsettings.h"
#include "auth/autherror.h"
#include "auth/oidcdiscovery.h"
#include "auth/pkce.h"
#include "auth/refreshwaiters.h"
#include "auth/tokenclient.h"

#include <QDateTime>
#include <QObject>
#include <QPointer>
#include <QTimer>
#include <QUrl>

class QNetworkAccessManager;

namespace ringchat::auth {

class LoopbackReceiver;
class SecretStore;

// The signed-in user's session: browser sign-in (authorization code + PKCE to a
// loopback listener), the access token in memory, the rotating refresh token in
// the secret store, refresh before expiry and on demand, and sign-out.
// Implements AccessTokenSource for the REST client and the chat socket.
// Everything runs on the thread that owns it (the GUI thread).
//
// Owners: connect signedOut() to disconnect the chat socket, accessTokenChanged()
// to use the new token on the next CONNECT.
class AuthSession : public QObject, public AccessTokenSource
{
    Q_OBJECT
    Q_PROPERTY(State state READ state NOTIFY stateChanged)
    Q_PROPERTY(bool signedIn READ isSignedIn NOTIFY stateChanged)
    Q_PROPERTY(QString userId READ userId NOTIFY accountChanged)
    Q_PROPERTY(QString userName READ userName NOTIFY accountChanged)
    Q_PROPERTY(QString serverUrl READ serverUrl NOTIFY accountChanged)
    Q_PROPERTY(QString errorString READ errorString NOTIFY errorStringChanged)
    // The page the browser was sent to, for a "copy link" fallback; empty when not waiting.
    Q_PROPERTY(QUrl authorizationUrl READ authorizationUrl NOTIFY stateChanged)

public:
    enum class State {
        SignedOut,
        Discovering,       // reading the server's sign-in configuration
        WaitingForBrowser, // the user signs in in the browser; cancel() stops waiting
        CompletingSignIn,  // exchanging the code for tokens, saving the session
        Restoring,         // getting a fresh access token for the saved account
        SignedIn,
        SigningOut,
    };
    Q_ENUM(State)

    struct Options
    {
        OAuthClientConfig client;
        int browserTimeoutMs = 5 * 60 * 1000;
        int networkTimeoutMs = 30000;
    };

    // The store and settings decide where the session is kept. The store is not owned.
    AuthSession(SecretStore *store, AccountSettings settings, QObject *parent = nullptr);
    AuthSession(SecretStore *store, AccountSettings settings, Options options, QObject *parent = nullptr);
    ~AuthSession() override;

    State state() const { return m_state; }
    bool isSignedIn() const { return m_state == State::SignedIn; }
    QString userId() const { return m_userId; }
    QString userName() const { return m_userName; }
    QString serverUrl() const;
    QString errorString() const { return m_lastError.message; }
    AuthError lastError() const { return m_lastError; }
    QUrl authorizationUrl() const { return m_authorizationUrl; }
    QDateTime accessTokenExpiry() const { return m_expiresAt; }

    // Starts the browser sign-in. Result: signedIn() or signInFailed().
    Q_INVOKABLE void signIn(const QString &serverUrl);
    // Stops a sign-in in progress (the browser wait, or a restore).
    Q_INVOKABLE void cancel();
    // Revokes the refresh token, deletes it from the store and forgets the account.
    // Result: signedOut("") (errorString says when the server could not be told).
    Q_INVOKABLE void signOut();
    // Restores the last account from settings and the secret store, without a
    // browser. Returns false (and does nothing) when no account was saved.
    // Result: signedIn(), signedOut(reason) (the server ended the session),
    // signInFailed() (store problem) or refreshFailed() (offline: stays signed in and retries).
    Q_INVOKABLE bool restoreSession();
    bool hasSavedSession() const { return m_settings.lastAccount().isValid(); }

    // AccessTokenSource
    QString accessToken() const override { return m_accessToken; }
    // Concurrent calls share one request. A refused refresh token signs out.
    void refreshAccessToken(RefreshDone done) override;

signals:
    void stateChanged();
    void accountChanged();
    void errorStringChanged();
    void signedIn();
    void signInFailed(const QString &message);
    // The session ended: by signOut() (reason empty) or because the server no
    // longer accepts it (reason in words). Disconnect from the chat server.
    void signedOut(const QString &reason);
    void accessTokenChanged();
    // A refresh failed for a reason that may pass (network); the session stays and retries.
    void refreshFailed(const QString &message);
    // A request reached the loopback listener and was refused (wrong state, malformed);
    // the sign-in goes on waiting.
    void callbackRejected(const QString &reason);
    // The session works but could not be saved for the next start (keychain problem).
    void sessionNotSaved(const QString &message);

private:
    void setState(State state);
    void setError(const AuthError &error);
    void clearError();
    void startBrowserStep();
    void onCodeReceived(const QString &code);
    void failSignIn(const AuthError &error);
    void stopSignInMachinery();
    bool adoptTokens(const TokenSet &tokens, AuthError *error, bool requireIdToken);
    void finishSignIn();
    void ensureDiscovered(std::function<void(const AuthError &)> next);
    void startRefresh();
    void endSession(const QString &reason);
    void forgetSession();
    void scheduleRefresh(qint64 delayMs);
    QString secretKey() const;

    QNetworkAccessManager *m_nam;
    OidcDiscovery *m_discovery;
    TokenClient *m_tokens;
    QPointer<SecretStore> m_store;
    AccountSettings m_settings;
    Options m_options;

    State m_state = State::SignedOut;
    AuthError m_lastError;
    quint64 m_generation = 0; // bumped whenever work in flight must be ignored

    // The server and its configuration.
    QUrl m_server;
    OidcConfiguration m_config;

    // One browser sign-in.
    LoopbackReceiver *m_receiver = nullptr;
    Pkce m_pkce;
    QByteArray m_stateParam;
    QByteArray m_nonce;
    QUrl m_authorizationUrl;
    QTimer m_browserTimer;

    // The session.
    QString m_userId;
    QString m_userName;
    QString m_accessToken;
    QString m_refreshToken;
    QDateTime m_expiresAt;
    QTimer m_refreshTimer;
    int m_refreshFailures = 0;
    RefreshWaiters m_refreshWaiters; // one refresh request at a time
};

} // namespace ringchat::auth
