// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/session.h"

#include "app/drafts.h"
#include "app/proxysettings.h"
#include "app/qmlsingleton.h"
#include "app/settings.h"
#include "auth/accesstokensource.h"
#include "auth/accountsettings.h"
#include "auth/authsession.h"
#include "auth/jwtclaims.h"
#include "auth/secretstorefactory.h"
#include "chat/chataccount.h"
#include "models/conversationlistmodel.h"

#include <QQmlEngine>

namespace ringchat::app {

Session::Session(Settings *settings, Options options, QObject *parent)
    : QObject(parent)
    , m_settings(settings)
    , m_options(std::move(options))
{
    // The unencrypted-file choice picks the secret store, so a signed-out session is
    // rebuilt with it now; a signed-in one uses it from the next sign-in.
    connect(settings, &Settings::storeUnencryptedChanged, this, [this] {
        if (m_auth && !m_auth->isSignedIn() && m_auth->state() == auth::AuthSession::State::SignedOut) {
            createAuthSession();
            m_keychainMissing = m_keychainMissing && !m_settings->storeUnencrypted();
            emit signInStateChanged();
        }
    });
    // A connection waiting to retry tries again at once, through the new proxy.
    connect(settings->proxy(), &ProxySettings::applied, this, [this] {
        if (auto *chat = service())
            chat->retryNow();
    });
}

Session::~Session()
{
    stopChat(false);
}

Session *Session::create(QQmlEngine *, QJSEngine *)
{
    return QmlSingleton<Session>::instance();
}
void Session::exposeToQml(Session *session)
{
    QmlSingleton<Session>::expose(session);
}

void Session::start()
{
    // Every connection goes through the proxy, the first ones (restoring the session) included.
    m_settings->proxy()->applySaved([this] { restoreAccount(); });
}

void Session::restoreAccount()
{
    if (!m_options.fixedToken.isEmpty()) {
        // A token from the command line (scripts, screenshots): no browser, no keychain.
        m_fixedTokens = std::make_unique<auth::FixedTokenSource>(m_options.fixedToken);
        const QString userId = auth::jwtClaims(m_options.fixedToken).value(QStringLiteral("sub")).toString();
        startChat(QUrl(m_settings->serverUrl()), userId, QString(), m_fixedTokens.get());
    } else {
        createAuthSession();
        if (m_auth->hasSavedSession())
            m_auth->restoreSession();
    }
    // Last, so a signed-in start never shows the sign-in page first.
    m_started = true;
    emit startedChanged();
}

void Session::createAuthSession()
{
    delete m_auth; // and its secret store
    auth::AccountSettings accountSettings;
    // The keychain, or the unencrypted file when the user opted in.
    auto *store = auth::createSecretStore(accountSettings, this);
    m_auth = new auth::AuthSession(store, accountSettings, this);
    store->setParent(m_auth);

    connect(m_auth, &auth::AuthSession::stateChanged, this, &Session::signInStateChanged);
    connect(m_auth, &auth::AuthSession::errorStringChanged, this, &Session::signInStateChanged);
    connect(m_auth, &auth::AuthSession::signedIn, this, [this] {
        m_keychainMissing = false;
        startChat(QUrl(m_auth->serverUrl()), m_auth->userId(), m_auth->userName(), m_auth);
        emit signInStateChanged();
    });
    connect(m_auth, &auth::AuthSession::signInFailed, this, [this] {
        if (m_auth->lastError().kind == auth::AuthError::Kind::SecretStore) {
            m_keychainMissing = true;
            emit signInStateChanged();
        }
    });
    connect(m_auth, &auth::AuthSession::sessionNotSaved, this, [this] {
        m_keychainMissing = true;
        emit signInStateChanged();
    });
    connect(m_auth, &auth::AuthSession::signedOut, this, [this](const QString &) { stopChat(true); });
}

SignInState::Value Session::signInState() const
{
    if (m_account)
        return SignInState::SignedIn;
    if (!m_auth)
        return SignInState::SignedOut;
    using S = auth::AuthSession::State;
    switch (m_auth->state()) {
    case S::Discovering:
        return SignInState::Discovering;
    case S::WaitingForBrowser:
        return SignInState::WaitingForBrowser;
    case S::Restoring:
        return SignInState::Restoring;
    // Signed in, the chat not started yet: still completing.
    case S::CompletingSignIn:
    case S::SignedIn:
        return SignInState::Completing;
    case S::SigningOut:
    case S::SignedOut:
        break;
    }
    return SignInState::SignedOut;
}

QString Session::signInError() const
{
    if (!m_auth || m_auth->lastError().kind == auth::AuthError::Kind::Cancelled)
        return {};
    return m_auth->errorString();
}

QString Session::authorizationUrl() const
{
    return m_auth ? m_auth->authorizationUrl().toString() : QString();
}

void Session::signIn(const QString &serverUrl)
{
    m_settings->setServerUrl(serverUrl.trimmed());
    if (!m_auth)
        createAuthSession();
    m_auth->signIn(m_settings->serverUrl());
}

void Session::cancelSignIn()
{
    if (m_auth)
        m_auth->cancel();
}

void Session::signOut()
{
    if (m_auth && m_auth->isSignedIn()) {
        m_auth->signOut(); // signedOut() stops the chat and deletes the cache
        return;
    }
    stopChat(true);
}

chat::ChatService *Session::service() const
{
    return m_account ? m_account->service() : nullptr;
}

chat::SearchService *Session::search() const
{
    return m_account ? m_account->search() : nullptr;
}

QAbstractItemModel *Session::conversations() const
{
    return m_conversations;
}

ConnectionState::Value Session::connectionState() const
{
    if (!m_account)
        return ConnectionState::Offline;
    using S = chat::ConnectionManager::Status;
    switch (m_account->service()->status()) {
    case S::Offline:
        return ConnectionState::Offline;
    case S::Connecting:
        return ConnectionState::Connecting;
    case S::Online:
        return ConnectionState::Online;
    case S::WaitingToRetry:
        return ConnectionState::WaitingToRetry;
    case S::Paused:
        return ConnectionState::Paused;
    case S::SignedOut:
        return ConnectionState::SignedOut;
    }
    return ConnectionState::Offline;
}

int Session::secondsUntilRetry() const
{
    return m_account ? m_account->service()->secondsUntilRetry() : 0;
}

void Session::startChat(const QUrl &server, const QString &userId, const QString &userName,
                        auth::AccessTokenSource *tokens)
{
    stopChat(false);
    m_userId = userId;
    m_userName = userName;

    chat::ChatAccount::Options options;
    options.serverUrl = server;
    options.userId = userId;
    if (!m_options.dataDirectory.isEmpty())
        options.cacheDirectory = m_options.dataDirectory + QStringLiteral("/cache");
    m_account = std::make_unique<chat::ChatAccount>(options, tokens);

    chat::ChatService *service = m_account->service();
    QQmlEngine::setObjectOwnership(service, QQmlEngine::CppOwnership);
    connect(service, &chat::ChatService::statusChanged, this, &Session::connectionStateChanged);
    connect(service, &chat::ChatService::secondsUntilRetryChanged, this, &Session::connectionStateChanged);
    connect(service, &chat::ChatService::authFailed, this, &Session::connectionStateChanged);
    connect(service, &chat::ChatService::userChanged, this, [this, service] {
        if (!service->userName().isEmpty() && service->userName() != m_userName) {
            m_userId = service->userId();
            m_userName = service->userName();
            emit accountChanged();
        }
    });

    m_conversations = service->conversationModel();
    QQmlEngine::setObjectOwnership(m_conversations, QQmlEngine::CppOwnership);
    connect(m_conversations, &models::ConversationListModel::totalUnreadChanged, this,
            &Session::updateUnreadTotal);
    // Read from the cache before the service's start-up read: the drafts are there
    // when the conversations first show.
    m_drafts = std::make_unique<Drafts>(m_account->store(), m_conversations);
    // Asked for before start(), the last-open conversation's page comes with the
    // start-up read: no second store round trip before its first frame.
    if (!m_settings->lastConversationId().isEmpty())
        service->messageModel(m_settings->lastConversationId());
    service->start();

    emit accountChanged();
    emit serviceChanged();
    emit signInStateChanged();
    emit connectionStateChanged();
    updateUnreadTotal();
}

void Session::stopChat(bool deleteCache)
{
    if (!m_account)
        return;
    // First the UI lets go of the service and its models (they die with the service)...
    std::unique_ptr<chat::ChatAccount> account = std::move(m_account);
    m_drafts.reset(); // writes what waits, while the store is still there
    m_conversations = nullptr;
    emit serviceChanged();
    emit signInStateChanged();
    emit connectionStateChanged();
    updateUnreadTotal();
    // ...then the service, its cache and (on sign-out) the cached messages go.
    if (deleteCache)
        account->forgetCache();
}

void Session::updateUnreadTotal()
{
    const int total = m_conversations ? m_conversations->totalUnread() : 0;
    if (total == m_unreadTotal)
        return;
    m_unreadTotal = total;
    emit unreadTotalChanged(total);
}

} // namespace ringchat::app
