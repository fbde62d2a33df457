// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The QML singleton `Session`: sign-in and the signed-in account's lifetime. It
// restores the saved session at start (or uses a fixed token), runs the browser
// sign-in, starts the account's chat (ChatAccount: cache and chat service) once
// signed in, and stops it, deleting the cache, at sign-out. QML reads the states
// and the account's objects from here as typed properties.

#include "app/states.h"
#include "chat/chatservice.h"
#include "chat/searchservice.h"

#include <QAbstractItemModel>
#include <QObject>
#include <QPointer>
#include <QUrl>
#include <QtQml/qqmlregistration.h>

#include <memory>

class QQmlEngine;
class QJSEngine;

namespace ringchat::auth {
class AccessTokenSource;
class AuthSession;
} // namespace ringchat::auth
namespace ringchat::chat {
class ChatAccount;
}
namespace ringchat::models {
class ConversationListModel;
}

namespace ringchat::app {

class Drafts;
class Settings;

class Session : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON

    // False until start(): the UI shows neither the sign-in page nor the chat before it
    // knows which one.
    Q_PROPERTY(bool started READ started NOTIFY startedChanged)
    Q_PROPERTY(ringchat::app::SignInState::Value signInState READ signInState NOTIFY signInStateChanged)
    Q_PROPERTY(QString signInError READ signInError NOTIFY signInStateChanged)
    Q_PROPERTY(QString authorizationUrl READ authorizationUrl NOTIFY signInStateChanged)
    // The keychain could not keep the session: the sign-in page offers the unencrypted file.
    Q_PROPERTY(bool keychainMissing READ keychainMissing NOTIFY signInStateChanged)

    // The signed-in account (empty / null while signed out).
    Q_PROPERTY(bool signedIn READ isSignedIn NOTIFY serviceChanged)
    Q_PROPERTY(QString userId READ userId NOTIFY accountChanged)
    Q_PROPERTY(QString userName READ userName NOTIFY accountChanged)
    Q_PROPERTY(ringchat::chat::ChatService *service READ service NOTIFY serviceChanged)
    Q_PROPERTY(QAbstractItemModel *conversations READ conversations NOTIFY serviceChanged)
    // The account's message search (null while signed out).
    Q_PROPERTY(ringchat::chat::SearchService *search READ search NOTIFY serviceChanged)
    Q_PROPERTY(ringchat::app::ConnectionState::Value connectionState READ connectionState NOTIFY
                   connectionStateChanged)
    Q_PROPERTY(int secondsUntilRetry READ secondsUntilRetry NOTIFY connectionStateChanged)
    // Unread messages in every conversation (the conversation list's count): the window
    // title and the tray show it.
    Q_PROPERTY(int unreadTotal READ unreadTotal NOTIFY unreadTotalChanged)

public:
    struct Options
    {
        QString fixedToken;    // --token / RINGCHAT_TOKEN: no browser sign-in, no keychain
        QString dataDirectory; // where the caches live; empty = the standard place
    };

    Session(Settings *settings, Options options, QObject *parent = nullptr);
    ~Session() override;

    // The QML singleton is the one main() made (see exposeToQml).
    static Session *create(QQmlEngine *qmlEngine, QJSEngine *jsEngine);
    static void exposeToQml(Session *session);

    // Applies the saved proxy, then restores the saved session (or uses the fixed
    // token). Call once, after the QML loaded.
    void start();

    bool started() const { return m_started; }
    SignInState::Value signInState() const;
    QString signInError() const;
    QString authorizationUrl() const;
    bool keychainMissing() const { return m_keychainMissing; }

    bool isSignedIn() const { return m_account != nullptr; }
    QString userId() const { return m_userId; }
    QString userName() const { return m_userName; }
    chat::ChatService *service() const;
    // The signed-in account (null while signed out); it comes and goes with service.
    chat::ChatAccount *account() const { return m_account.get(); }
    chat::SearchService *search() const;
    // The account's unsent drafts (null while signed out); they come and go with service.
    Drafts *drafts() const { return m_drafts.get(); }
    QAbstractItemModel *conversations() const;
    ConnectionState::Value connectionState() const;
    int secondsUntilRetry() const;
    int unreadTotal() const { return m_unreadTotal; }

    // Signs in through the browser at this server (remembered in Settings).
    Q_INVOKABLE void signIn(const QString &serverUrl);
    Q_INVOKABLE void cancelSignIn();
    // Revokes the session and deletes the account's cache.
    Q_INVOKABLE void signOut();

signals:
    void startedChanged();
    void signInStateChanged();
    void accountChanged();
    // The account's chat service came or went (sign-in, sign-out).
    void serviceChanged();
    void connectionStateChanged();
    void unreadTotalChanged(int unread);

private:
    void restoreAccount();
    void createAuthSession();
    void startChat(const QUrl &server, const QString &userId, const QString &userName,
                   auth::AccessTokenSource *tokens);
    void stopChat(bool deleteCache);
    void updateUnreadTotal();

    Settings *m_settings;
    Options m_options;
    auth::AuthSession *m_auth = nullptr;
    std::unique_ptr<auth::AccessTokenSource> m_fixedTokens;
    std::unique_ptr<chat::ChatAccount> m_account;
    std::unique_ptr<Drafts> m_drafts; // declared after m_account: goes (and writes) first
    QPointer<models::ConversationListModel> m_conversations;

    QString m_userId;
    QString m_userName;
    bool m_keychainMissing = false;
    bool m_started = false;
    int m_unreadTotal = 0;
};

} // namespace ringchat::app
