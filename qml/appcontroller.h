#pragma once
// The QML singleton `App`: the glue between the QML UI and the core. It owns the
// account's lifecycle (sign-in, the chat service, its cache and models), turns
// the core's enums into the words the UI binds to, keeps the UI settings, and
// tells the desktop integration when to notify. The QML never talks to the core
// directly except through the objects this hands out.

#include "api/types.h"
#include "core/networkproxy.h"

#include <QAbstractItemModel>
#include <QHash>
#include <QObject>
#include <QPointer>
#include <QUrl>
#include <QtQml/qqmlregistration.h>

#include "api/types.h"

#include <functional>
#include <memory>

class QQmlEngine;
class QJSEngine;

namespace ringchat::auth {
class AccessTokenSource;
class AuthSession;
class SecretStore;
}
namespace ringchat::chat {
class ChatService;
class StoreChatCache;
}
namespace ringchat::store {
class ChatStore;
}

namespace ringchat::ui {

class AppController : public QObject
{
    Q_OBJECT
    QML_NAMED_ELEMENT(App)
    QML_SINGLETON

    // Account and sign-in.
    Q_PROPERTY(bool signedIn READ isSignedIn NOTIFY signedInChanged)
    // False until start(): the UI shows neither the sign-in page nor the chat before it
    // knows which one (main.cpp calls start() right after loading the QML).
    Q_PROPERTY(bool started READ started NOTIFY startedChanged)
    Q_PROPERTY(QString signInState READ signInState NOTIFY signInStateChanged)
    Q_PROPERTY(QString signInError READ signInError NOTIFY signInStateChanged)
    Q_PROPERTY(QString authorizationUrl READ authorizationUrl NOTIFY signInStateChanged)
    Q_PROPERTY(bool keychainMissing READ keychainMissing NOTIFY signInStateChanged)
    Q_PROPERTY(QString serverUrl READ serverUrl WRITE setServerUrl NOTIFY serverUrlChanged)
    Q_PROPERTY(QString userId READ userId NOTIFY accountChanged)
    Q_PROPERTY(QString userName READ userName NOTIFY accountChanged)

    // The chat: the service (ChatService) and the conversation list model.
    Q_PROPERTY(QObject *chat READ chat NOTIFY chatChanged)
    Q_PROPERTY(QAbstractItemModel *conversations READ conversations NOTIFY chatChanged)
    Q_PROPERTY(QString connectionState READ connectionState NOTIFY connectionStateChanged)
    Q_PROPERTY(int secondsUntilRetry READ secondsUntilRetry NOTIFY connectionStateChanged)
    Q_PROPERTY(int unreadTotal READ unreadTotal NOTIFY unreadTotalChanged)

    // What the user is looking at (the QML sets these).
    Q_PROPERTY(QString currentConversationId READ currentConversationId WRITE setCurrentConversationId NOTIFY currentConversationIdChanged)
    Q_PROPERTY(bool windowActive READ windowActive WRITE setWindowActive NOTIFY windowActiveChanged)

    // Settings.
    Q_PROPERTY(QString themeMode READ themeMode WRITE setThemeMode NOTIFY settingsChanged)
    Q_PROPERTY(bool notificationsEnabled READ notificationsEnabled WRITE setNotificationsEnabled NOTIFY settingsChanged)
    Q_PROPERTY(bool closeToTray READ closeToTray WRITE setCloseToTray NOTIFY settingsChanged)
    Q_PROPERTY(bool storeUnencrypted READ storeUnencrypted WRITE setStoreUnencrypted NOTIFY settingsChanged)
    Q_PROPERTY(QString lastConversationId READ lastConversationId NOTIFY settingsChanged)
    Q_PROPERTY(bool trayAvailable READ trayAvailable NOTIFY trayAvailableChanged)
    Q_PROPERTY(QString appVersion READ appVersion CONSTANT)

    // The proxy of every connection (Settings → Network). The password is write-only.
    Q_PROPERTY(QString proxyMode READ proxyMode NOTIFY proxyChanged)
    Q_PROPERTY(QString proxyUrl READ proxyUrl NOTIFY proxyChanged)
    Q_PROPERTY(QString proxyUser READ proxyUser NOTIFY proxyChanged)
    Q_PROPERTY(bool proxyHasPassword READ proxyHasPassword NOTIFY proxyChanged)
    Q_PROPERTY(QString proxyError READ proxyError NOTIFY proxyChanged)

public:
    struct Options {
        QUrl defaultServerUrl { QStringLiteral("http://127.0.0.1:3000") };
        QString fixedToken;     // --token / RINGCHAT_TOKEN: skip the browser sign-in
        QString dataDirectory;  // where the caches live; empty = the standard place
    };

    explicit AppController(Options options, QObject *parent = nullptr);
    ~AppController() override;

    // QML singleton hook: main() creates the controller and registers it first.
    static void setInstance(AppController *controller);
    static AppController *instance();
    static AppController *create(QQmlEngine *qmlEngine, QJSEngine *jsEngine);

    // Applies the saved proxy (its password read from the keychain first), then restores
    // the saved session (or uses the fixed token). Call once, after the QML loaded.
    void start();

    bool isSignedIn() const { return m_chat != nullptr; }
    QString signInState() const;
    QString signInError() const;
    QString authorizationUrl() const;
    bool keychainMissing() const { return m_keychainMissing; }
    QString serverUrl() const { return m_serverUrl; }
    void setServerUrl(const QString &url);
    QString userId() const { return m_userId; }
    QString userName() const { return m_userName; }

    QObject *chat() const;
    chat::ChatService *chatService() const { return m_chat.get(); }
    QAbstractItemModel *conversations() const { return m_conversations; }
    QString connectionState() const;
    int secondsUntilRetry() const;
    int unreadTotal() const { return m_unreadTotal; }

    QString currentConversationId() const { return m_currentConversationId; }
    void setCurrentConversationId(const QString &id);
    bool windowActive() const { return m_windowActive; }
    void setWindowActive(bool active);

    QString themeMode() const { return m_themeMode; }
    void setThemeMode(const QString &mode);
    bool notificationsEnabled() const { return m_notificationsEnabled; }
    void setNotificationsEnabled(bool on);
    bool closeToTray() const { return m_closeToTray; }
    void setCloseToTray(bool on);
    bool storeUnencrypted() const;
    void setStoreUnencrypted(bool on);
    QString lastConversationId() const { return m_lastConversationId; }
    bool trayAvailable() const { return m_trayAvailable; }
    bool started() const { return m_started; }
    void setTrayAvailable(bool available);
    QString appVersion() const;

    QString proxyMode() const { return m_proxy.modeName(); }
    QString proxyUrl() const { return m_proxy.url(); }
    QString proxyUser() const { return m_proxy.user(); }
    bool proxyHasPassword() const { return m_proxy.hasPassword(); }
    QString proxyError() const { return m_proxyError; }
    // mode "system", "none" or "manual" (with url, and user and password if the proxy asks
    // for them; an empty password keeps the saved one). Saves it (the password in the
    // keychain) and applies it to every connection from now on; false and proxyError when
    // the address is not usable.
    Q_INVOKABLE bool setProxy(const QString &mode, const QString &url, const QString &user,
                              const QString &password);

    // Sign-in.
    Q_INVOKABLE void signIn(const QString &serverUrl);
    Q_INVOKABLE void cancelSignIn();
    Q_INVOKABLE void signOut();

    // The messages of one conversation (made by the chat service on first use).
    Q_INVOKABLE QAbstractItemModel *messages(const QString &conversationId);
    Q_INVOKABLE QString conversationTitle(const QString &conversationId) const;
    Q_INVOKABLE bool isGroup(const QString &conversationId) const;
    Q_INVOKABLE QStringList typerNames(const QString &conversationId) const;
    Q_INVOKABLE QString presenceText(const QString &conversationId) const;

    // Actions.
    Q_INVOKABLE void openConversation(const QString &conversationId);
    Q_INVOKABLE QString sendMessage(const QString &conversationId, const QString &text);
    Q_INVOKABLE void retryMessage(const QString &clientId);
    Q_INVOKABLE void discardMessage(const QString &clientId);
    Q_INVOKABLE void userTyped(const QString &conversationId);
    Q_INVOKABLE void userStoppedTyping(const QString &conversationId);
    Q_INVOKABLE void markVisible(const QString &conversationId, qint64 highestVisibleSeq);
    Q_INVOKABLE void noteUserActivity();
    Q_INVOKABLE void retryNow();
    // Opens only http(s) URLs, in the system browser.
    Q_INVOKABLE bool openLink(const QString &url);
    Q_INVOKABLE void copyToClipboard(const QString &text);

signals:
    void signedInChanged();
    void signInStateChanged();
    void serverUrlChanged();
    void accountChanged();
    void chatChanged();
    void connectionStateChanged();
    void unreadTotalChanged(int unread);
    void currentConversationIdChanged();
    void windowActiveChanged();
    void settingsChanged();
    void trayAvailableChanged();
    void startedChanged();
    void proxyChanged();
    void typersChanged(const QString &conversationId);
    // A message arrived in a conversation the user is not looking at.
    void notificationRequested(const QString &conversationId, const QString &title, const QString &text);
    // Something asks for the window (a second launch, the tray, a notification).
    void raiseRequested();
    // Open this conversation (from a notification).
    void conversationRequested(const QString &conversationId);

private:
    void restoreAccount();
    void applySavedProxy(std::function<void()> then);
    auth::SecretStore *proxySecrets();
    void createAuthSession();
    void startChat(const QUrl &server, const QString &userId, const QString &userName,
                   auth::AccessTokenSource *tokens);
    void stopChat(bool deleteCache);
    void onMessageReceived(const api::Message &message);
    void recomputeUnread();
    void saveSetting(const QString &key, const QVariant &value);

    Options m_options;
    auth::AuthSession *m_session = nullptr;
    std::unique_ptr<auth::AccessTokenSource> m_fixedTokens;
    std::unique_ptr<store::ChatStore> m_store;
    std::unique_ptr<chat::StoreChatCache> m_cache;
    std::unique_ptr<chat::ChatService> m_chat;
    QAbstractItemModel *m_conversations = nullptr;
    QHash<QString, QPointer<QAbstractItemModel>> m_messageModels;

    QString m_serverUrl;
    QString m_userId;
    QString m_userName;
    bool m_keychainMissing = false;
    int m_unreadTotal = 0;
    QString m_currentConversationId;
    bool m_windowActive = false;
    QString m_themeMode;
    bool m_notificationsEnabled = true;
    bool m_closeToTray = false;
    bool m_trayAvailable = false;
    bool m_started = false;
    QString m_lastConversationId;
    NetworkProxy m_proxy;
    QString m_proxyError;
    auth::SecretStore *m_proxySecrets = nullptr; // made on first use
};

} // namespace ringchat::ui
