#include "appcontroller.h"

#include "modelfactory.h"

#include "api/types.h"
#include "auth/accesstokensource.h"
#include "auth/accountsettings.h"
#include "auth/authsession.h"
#include "auth/secretstore.h"
#include "auth/secretstorefactory.h"
#include "chat/chatservice.h"
#include "chat/storechatcache.h"
#include "core/version.h"
#include "store/chatstore.h"

#include <QClipboard>
#include <QDesktopServices>
#include <QGuiApplication>
#include <QJsonObject>
#include <QQmlEngine>
#include <QSettings>
#include <QStandardPaths>

namespace ringchat::ui {

namespace {
AppController *s_instance = nullptr;

const QString kServerKey = QStringLiteral("server/url");
const QString kThemeKey = QStringLiteral("ui/theme");
const QString kNotificationsKey = QStringLiteral("ui/notifications");
const QString kCloseToTrayKey = QStringLiteral("ui/closeToTray");
const QString kLastConversationKey = QStringLiteral("ui/lastConversation");
}

AppController::AppController(Options options, QObject *parent)
    : QObject(parent)
    , m_options(std::move(options))
{
    QSettings settings;
    m_serverUrl = settings.value(kServerKey, m_options.defaultServerUrl.toString()).toString();
    m_themeMode = settings.value(kThemeKey, QStringLiteral("system")).toString();
    m_notificationsEnabled = settings.value(kNotificationsKey, true).toBool();
    m_closeToTray = settings.value(kCloseToTrayKey, false).toBool();
    m_lastConversationId = settings.value(kLastConversationKey).toString();
}

AppController::~AppController()
{
    stopChat(false);
    if (s_instance == this)
        s_instance = nullptr;
}

void AppController::setInstance(AppController *controller) { s_instance = controller; }
AppController *AppController::instance() { return s_instance; }

AppController *AppController::create(QQmlEngine *, QJSEngine *)
{
    Q_ASSERT_X(s_instance, "AppController::create", "main() must create the controller first");
    // C++ owns it; the engine must not delete it.
    QQmlEngine::setObjectOwnership(s_instance, QQmlEngine::CppOwnership);
    return s_instance;
}

void AppController::start()
{
    // Every connection goes through the proxy, the first ones (restoring the session) included.
    applySavedProxy([this] { restoreAccount(); });
}

void AppController::restoreAccount()
{
    if (!m_options.fixedToken.isEmpty()) {
        // A token from the command line (scripts, screenshots): no browser, no keychain.
        m_fixedTokens = std::make_unique<auth::FixedTokenSource>(m_options.fixedToken);
        const QString userId = chat::ChatService::userIdFromToken(m_options.fixedToken);
        startChat(QUrl(m_serverUrl), userId, QString(), m_fixedTokens.get());
    } else {
        createAuthSession();
        if (m_session->hasSavedSession())
            m_session->restoreSession();
    }
    // Last, so a signed-in start never shows the sign-in page first.
    m_started = true;
    emit startedChanged();
}

void AppController::createAuthSession()
{
    delete m_session; // and its secret store
    auth::AccountSettings accountSettings;
    // The keychain, or the unencrypted file when the user opted in.
    auto *store = auth::createSecretStore(accountSettings, this);
    m_session = new auth::AuthSession(store, accountSettings, this);
    store->setParent(m_session);

    connect(m_session, &auth::AuthSession::stateChanged, this, &AppController::signInStateChanged);
    connect(m_session, &auth::AuthSession::errorStringChanged, this, &AppController::signInStateChanged);
    connect(m_session, &auth::AuthSession::signedIn, this, [this] {
        m_keychainMissing = false;
        startChat(QUrl(m_session->serverUrl()), m_session->userId(), m_session->userName(), m_session);
        emit signInStateChanged();
    });
    connect(m_session, &auth::AuthSession::signInFailed, this, [this] {
        if (m_session->lastError().kind == auth::AuthError::Kind::SecretStore) {
            m_keychainMissing = true;
            emit signInStateChanged();
        }
    });
    connect(m_session, &auth::AuthSession::sessionNotSaved, this, [this] {
        m_keychainMissing = true;
        emit signInStateChanged();
    });
    connect(m_session, &auth::AuthSession::signedOut, this, [this](const QString &) {
        stopChat(true);
    });
}

QString AppController::signInState() const
{
    if (m_chat)
        return QStringLiteral("signedIn");
    if (!m_session)
        return QStringLiteral("signedOut");
    switch (m_session->state()) {
    case auth::AuthSession::State::Discovering: return QStringLiteral("discovering");
    case auth::AuthSession::State::WaitingForBrowser: return QStringLiteral("waiting");
    case auth::AuthSession::State::CompletingSignIn: return QStringLiteral("completing");
    case auth::AuthSession::State::Restoring: return QStringLiteral("restoring");
    case auth::AuthSession::State::SignedIn: return QStringLiteral("completing");
    case auth::AuthSession::State::SigningOut:
    case auth::AuthSession::State::SignedOut: break;
    }
    return QStringLiteral("signedOut");
}

QString AppController::signInError() const
{
    if (!m_session)
        return {};
    if (m_session->lastError().kind == auth::AuthError::Kind::Cancelled)
        return {};
    return m_session->errorString();
}

QString AppController::authorizationUrl() const
{
    return m_session ? m_session->authorizationUrl().toString() : QString();
}

void AppController::setServerUrl(const QString &url)
{
    if (url == m_serverUrl)
        return;
    m_serverUrl = url;
    saveSetting(kServerKey, url);
    emit serverUrlChanged();
}

void AppController::signIn(const QString &serverUrl)
{
    setServerUrl(serverUrl.trimmed());
    if (!m_session)
        createAuthSession();
    m_session->signIn(m_serverUrl);
}

void AppController::cancelSignIn()
{
    if (m_session)
        m_session->cancel();
}

void AppController::signOut()
{
    if (m_session && m_session->isSignedIn()) {
        m_session->signOut(); // signedOut() stops the chat and deletes the cache
        return;
    }
    stopChat(true);
}

void AppController::startChat(const QUrl &server, const QString &userId, const QString &userName,
                              auth::AccessTokenSource *tokens)
{
    stopChat(false);
    m_userId = userId;
    m_userName = userName;

    // The cache: one SQLite file per account and server.
    m_store = std::make_unique<store::ChatStore>();
    QString directory = m_options.dataDirectory;
    if (!directory.isEmpty())
        directory += QStringLiteral("/cache");
    m_store->open(store::ChatStore::databasePath(server, userId, directory), userId);
    m_cache = std::make_unique<chat::StoreChatCache>(m_store.get());

    chat::ChatService::Options options;
    options.serverUrl = server;
    m_chat = std::make_unique<chat::ChatService>(options, tokens, m_cache.get());
    chat::ChatService::setInstance(m_chat.get());
    QQmlEngine::setObjectOwnership(m_chat.get(), QQmlEngine::CppOwnership);

    auto *service = m_chat.get();
    connect(service, &chat::ChatService::statusChanged, this, &AppController::connectionStateChanged);
    connect(service, &chat::ChatService::secondsUntilRetryChanged, this, &AppController::connectionStateChanged);
    connect(service, &chat::ChatService::userChanged, this, [this, service] {
        if (!service->userName().isEmpty() && service->userName() != m_userName) {
            m_userId = service->userId();
            m_userName = service->userName();
            emit accountChanged();
        }
    });
    connect(service, &chat::ChatService::conversationsChanged, this, &AppController::recomputeUnread);
    connect(service, &chat::ChatService::conversationChanged, this, &AppController::recomputeUnread);
    connect(service, &chat::ChatService::typersChanged, this, &AppController::typersChanged);
    connect(service, &chat::ChatService::messageReceived, this, &AppController::onMessageReceived);
    connect(service, &chat::ChatService::authFailed, this, [this](const QString &) {
        // A fixed token cannot be refreshed; a session signs itself out.
        emit connectionStateChanged();
    });

    m_conversations = conversationModel(service);
    QQmlEngine::setObjectOwnership(m_conversations, QQmlEngine::CppOwnership);
    // Asked for before start(), the last-open conversation's page comes with the
    // start-up read: no second store round trip before its first frame.
    if (!m_lastConversationId.isEmpty())
        messages(m_lastConversationId);
    service->start();

    emit accountChanged();
    emit chatChanged();
    emit signedInChanged();
    emit signInStateChanged();
    emit connectionStateChanged();
    recomputeUnread();
}

void AppController::stopChat(bool deleteCache)
{
    if (!m_chat)
        return;
    // First the UI lets go of the service and its models (they die with the service)...
    std::unique_ptr<chat::ChatService> service = std::move(m_chat);
    m_messageModels.clear();
    m_conversations = nullptr;
    m_currentConversationId.clear();
    chat::ChatService::setInstance(nullptr);
    emit chatChanged();
    emit signedInChanged();
    emit signInStateChanged();
    emit connectionStateChanged();
    recomputeUnread();
    // ...then the service, its cache and (on sign-out) the cached messages go.
    service->stop();
    service.reset();
    m_cache.reset();
    if (deleteCache)
        m_store->destroyDatabase();
    m_store.reset();
}

QObject *AppController::chat() const { return m_chat.get(); }

QString AppController::connectionState() const
{
    if (!m_chat)
        return QStringLiteral("offline");
    using S = chat::ConnectionManager::Status;
    switch (m_chat->status()) {
    case S::Offline: return QStringLiteral("offline");
    case S::Connecting: return QStringLiteral("connecting");
    case S::Online: return QStringLiteral("online");
    case S::WaitingToRetry: return QStringLiteral("waiting");
    case S::Paused: return QStringLiteral("paused");
    case S::SignedOut: return QStringLiteral("signedOut");
    }
    return QStringLiteral("offline");
}

int AppController::secondsUntilRetry() const { return m_chat ? m_chat->secondsUntilRetry() : 0; }

void AppController::recomputeUnread()
{
    int total = 0;
    if (m_chat) {
        for (const auto &conversation : m_chat->conversations())
            total += conversation.unreadCount;
    }
    if (total == m_unreadTotal)
        return;
    m_unreadTotal = total;
    emit unreadTotalChanged(total);
}

void AppController::onMessageReceived(const api::Message &message)
{
    if (!m_chat || message.senderId == m_userId || message.type == api::Message::Type::System)
        return;
    const bool looking = m_windowActive && message.conversationId == m_currentConversationId;
    if (!m_notificationsEnabled || looking)
        return;
    QString title = conversationTitle(message.conversationId);
    if (isGroup(message.conversationId))
        title = tr("%1 in %2").arg(message.senderName, title);
    QString text = message.content.simplified();
    if (text.size() > 200)
        text = text.left(200) + QChar(0x2026);
    emit notificationRequested(message.conversationId, title, text);
}

void AppController::setCurrentConversationId(const QString &id)
{
    if (id == m_currentConversationId)
        return;
    if (m_chat && !m_currentConversationId.isEmpty())
        m_chat->userStoppedTyping(m_currentConversationId);
    m_currentConversationId = id;
    if (!id.isEmpty()) {
        m_lastConversationId = id;
        saveSetting(kLastConversationKey, id);
    }
    emit currentConversationIdChanged();
}

void AppController::setWindowActive(bool active)
{
    if (active == m_windowActive)
        return;
    m_windowActive = active;
    emit windowActiveChanged();
}

void AppController::setThemeMode(const QString &mode)
{
    if (mode == m_themeMode || (mode != QLatin1String("system") && mode != QLatin1String("light")
                                && mode != QLatin1String("dark")))
        return;
    m_themeMode = mode;
    saveSetting(kThemeKey, mode);
    emit settingsChanged();
}

void AppController::setNotificationsEnabled(bool on)
{
    if (on == m_notificationsEnabled)
        return;
    m_notificationsEnabled = on;
    saveSetting(kNotificationsKey, on);
    emit settingsChanged();
}

void AppController::setCloseToTray(bool on)
{
    if (on == m_closeToTray)
        return;
    m_closeToTray = on;
    saveSetting(kCloseToTrayKey, on);
    emit settingsChanged();
}

bool AppController::storeUnencrypted() const
{
    return auth::AccountSettings().storeSessionUnencrypted();
}

void AppController::setStoreUnencrypted(bool on)
{
    if (on == storeUnencrypted())
        return;
    auth::AccountSettings().setStoreSessionUnencrypted(on);
    // The choice picks the secret store, so a signed-out session is rebuilt with it now;
    // a signed-in one uses it from the next sign-in.
    if (m_session && !m_session->isSignedIn() && m_session->state() == auth::AuthSession::State::SignedOut) {
        createAuthSession();
        m_keychainMissing = m_keychainMissing && !on;
        emit signInStateChanged();
    }
    emit settingsChanged();
}

void AppController::setTrayAvailable(bool available)
{
    if (available == m_trayAvailable)
        return;
    m_trayAvailable = available;
    emit trayAvailableChanged();
}

QString AppController::appVersion() const { return QString::fromLatin1(kVersion); }

auth::SecretStore *AppController::proxySecrets()
{
    // The same store as the session's: the keychain, or the file the user opted in to
    // (chosen at first use; a change of that choice applies from the next start).
    if (!m_proxySecrets)
        m_proxySecrets = auth::createSecretStore(auth::AccountSettings(), this);
    return m_proxySecrets;
}

void AppController::applySavedProxy(std::function<void()> then)
{
    m_proxy = auth::AccountSettings().proxy();
    const QString key = auth::AccountSettings::proxyPasswordKey(m_proxy);
    if (key.isEmpty()) {
        m_proxy.apply();
        then();
        return;
    }
    proxySecrets()->readSecret(key, [this, then](const auth::SecretStore::Result &r) {
        if (r.ok)
            m_proxy.setCredentials(m_proxy.user(), r.secret);
        else if (!r.notFound)
            m_proxyError = tr("The proxy password could not be read: %1").arg(r.error);
        m_proxy.apply();
        emit proxyChanged();
        then();
    });
}

bool AppController::setProxy(const QString &mode, const QString &url, const QString &user,
                             const QString &password)
{
    QString error;
    std::optional<NetworkProxy> proxy = mode == QLatin1String("manual") ? NetworkProxy::manual(url, &error)
                                                                        : NetworkProxy::parse(mode, &error);
    if (!proxy) {
        m_proxyError = error;
        emit proxyChanged();
        return false;
    }
    if (proxy->mode() == NetworkProxy::Mode::Manual) {
        const QString name = user.trimmed().isEmpty() ? proxy->user() : user.trimmed();
        QString secret = password.isEmpty() ? proxy->password() : password;
        // The password field never shows the saved password: left empty, it keeps it.
        if (secret.isEmpty() && name == m_proxy.user() && proxy->url() == m_proxy.url())
            secret = m_proxy.password();
        proxy->setCredentials(name, secret);
    }

    const QString oldKey = auth::AccountSettings::proxyPasswordKey(m_proxy);
    const QString newKey = auth::AccountSettings::proxyPasswordKey(*proxy);
    if (!oldKey.isEmpty() && oldKey != newKey)
        proxySecrets()->deleteSecret(oldKey, [](const auth::SecretStore::Result &) { });
    if (!newKey.isEmpty() && proxy->hasPassword() && (oldKey != newKey || proxy->password() != m_proxy.password())) {
        proxySecrets()->writeSecret(newKey, proxy->password(), [this](const auth::SecretStore::Result &r) {
            if (r.ok)
                return;
            m_proxyError = tr("The proxy works for now, but its password could not be saved for the next "
                              "start: %1").arg(r.error);
            emit proxyChanged();
        });
    }
    auth::AccountSettings().setProxy(*proxy);
    m_proxy = *proxy;
    m_proxyError.clear();
    m_proxy.apply();
    emit proxyChanged();
    // A connection waiting to retry tries again at once, through the new setting.
    if (m_chat)
        m_chat->retryNow();
    return true;
}

QAbstractItemModel *AppController::messages(const QString &conversationId)
{
    if (!m_chat || conversationId.isEmpty())
        return nullptr;
    auto &model = m_messageModels[conversationId];
    if (!model) {
        model = messageModel(m_chat.get(), conversationId);
        if (model)
            QQmlEngine::setObjectOwnership(model, QQmlEngine::CppOwnership);
    }
    return model;
}

QString AppController::conversationTitle(const QString &conversationId) const
{
    if (!m_chat)
        return {};
    const auto conversation = m_chat->conversation(conversationId);
    if (!conversation)
        return {};
    if (!conversation->title.isEmpty())
        return conversation->title;
    QStringList others;
    for (const auto &p : conversation->participants) {
        if (p.userId != m_userId)
            others << p.name;
    }
    return others.isEmpty() ? tr("Just you") : others.join(QStringLiteral(", "));
}

bool AppController::isGroup(const QString &conversationId) const
{
    if (!m_chat)
        return false;
    const auto conversation = m_chat->conversation(conversationId);
    return conversation && conversation->type == api::Conversation::Type::Group;
}

QStringList AppController::typerNames(const QString &conversationId) const
{
    return m_chat ? m_chat->typerNames(conversationId) : QStringList();
}

QString AppController::presenceText(const QString &conversationId) const
{
    if (!m_chat)
        return {};
    const auto conversation = m_chat->conversation(conversationId);
    if (!conversation)
        return {};
    if (conversation->type == api::Conversation::Type::Group)
        return tr("%n members", "", int(conversation->participants.size()));
    for (const auto &p : conversation->participants) {
        if (p.userId != m_userId)
            return m_chat->presenceText(p.userId);
    }
    return {};
}

void AppController::openConversation(const QString &conversationId)
{
    if (m_chat && !conversationId.isEmpty())
        m_chat->openConversation(conversationId);
}

QString AppController::sendMessage(const QString &conversationId, const QString &text)
{
    return m_chat ? m_chat->sendMessage(conversationId, text) : QString();
}

void AppController::retryMessage(const QString &clientId)
{
    if (m_chat)
        m_chat->retryMessage(clientId);
}

void AppController::discardMessage(const QString &clientId)
{
    if (m_chat)
        m_chat->discardMessage(clientId);
}

void AppController::userTyped(const QString &conversationId)
{
    if (m_chat)
        m_chat->userTyped(conversationId);
}

void AppController::userStoppedTyping(const QString &conversationId)
{
    if (m_chat)
        m_chat->userStoppedTyping(conversationId);
}

void AppController::markVisible(const QString &conversationId, qint64 highestVisibleSeq)
{
    // Read markers only for what is on screen while the window has focus.
    if (m_chat && m_windowActive && highestVisibleSeq > 0)
        m_chat->markVisible(conversationId, highestVisibleSeq);
}

void AppController::noteUserActivity()
{
    if (m_chat)
        m_chat->noteUserActivity();
}

void AppController::retryNow()
{
    if (m_chat)
        m_chat->retryNow();
}

bool AppController::openLink(const QString &url)
{
    const QUrl parsed(url, QUrl::StrictMode);
    const QString scheme = parsed.scheme().toLower();
    if (!parsed.isValid() || (scheme != QLatin1String("http") && scheme != QLatin1String("https"))
        || parsed.host().isEmpty())
        return false;
    return QDesktopServices::openUrl(parsed);
}

void AppController::copyToClipboard(const QString &text)
{
    if (auto *clipboard = QGuiApplication::clipboard())
        clipboard->setText(text);
}

void AppController::saveSetting(const QString &key, const QVariant &value)
{
    QSettings().setValue(key, value);
}

} // namespace ringchat::ui
