// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The QML singleton `Settings`: what the user chose, kept across runs (QSettings, and
// AccountSettings for what the sign-in needs). Each property saves itself when set.

#include "app/states.h"

#include <QObject>
#include <QtQml/qqmlregistration.h>

#include <optional>

Q_MOC_INCLUDE("app/proxysettings.h")

class QQmlEngine;
class QJSEngine;

namespace ringchat::app {

class ProxySettings;

class Settings : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON
    // The server signed in to last (or given with --server); the sign-in page starts there.
    Q_PROPERTY(QString serverUrl READ serverUrl WRITE setServerUrl NOTIFY serverUrlChanged)
    Q_PROPERTY(
        ringchat::app::ThemeMode::Value themeMode READ themeMode WRITE setThemeMode NOTIFY themeModeChanged)
    Q_PROPERTY(bool notificationsEnabled READ notificationsEnabled WRITE setNotificationsEnabled NOTIFY
                   notificationsEnabledChanged)
    // Notifications say who wrote, never what ("New message"), also when unlocked.
    Q_PROPERTY(bool hideNotificationText READ hideNotificationText WRITE setHideNotificationText NOTIFY
                   hideNotificationTextChanged)
    Q_PROPERTY(bool closeToTray READ closeToTray WRITE setCloseToTray NOTIFY closeToTrayChanged)
    // Send text written with Markdown syntax as format "markdown" (on by default); off:
    // every message goes as plain text.
    Q_PROPERTY(bool formatMarkdown READ formatMarkdown WRITE setFormatMarkdown NOTIFY formatMarkdownChanged)
    // Keep the session in an unencrypted file instead of the keychain (opt-in).
    Q_PROPERTY(
        bool storeUnencrypted READ storeUnencrypted WRITE setStoreUnencrypted NOTIFY storeUnencryptedChanged)
    // The conversation open when the app last ran (CurrentConversation keeps it).
    Q_PROPERTY(QString lastConversationId READ lastConversationId WRITE setLastConversationId NOTIFY
                   lastConversationIdChanged)
    Q_PROPERTY(ringchat::app::ProxySettings *proxy READ proxy CONSTANT)
    // The cap of the received files' disk cache, in MB (default 500; kept within
    // kMinFileCacheMegabytes..kMaxFileCacheMegabytes).
    Q_PROPERTY(int fileCacheMegabytes READ fileCacheMegabytes WRITE setFileCacheMegabytes NOTIFY
                   fileCacheMegabytesChanged)

public:
    static constexpr int kDefaultFileCacheMegabytes = 500;
    static constexpr int kMinFileCacheMegabytes = 50;
    static constexpr int kMaxFileCacheMegabytes = 100000;

    // No default argument: Qt 6.4 would rather construct a QML singleton than call
    // create(), and QML must share main()'s object (see qmlsingleton.h).
    explicit Settings(QObject *parent);
    ~Settings() override;

    // The QML singleton is the one main() made (see exposeToQml).
    static Settings *create(QQmlEngine *qmlEngine, QJSEngine *jsEngine);
    static void exposeToQml(Settings *settings);

    QString serverUrl() const { return m_serverUrl; }
    void setServerUrl(const QString &url);
    ThemeMode::Value themeMode() const { return m_themeMode; }
    void setThemeMode(ThemeMode::Value mode);
    bool notificationsEnabled() const { return m_notificationsEnabled; }
    void setNotificationsEnabled(bool on);
    bool hideNotificationText() const { return m_hideNotificationText; }
    void setHideNotificationText(bool on);
    bool closeToTray() const { return m_closeToTray; }
    void setCloseToTray(bool on);
    bool formatMarkdown() const { return m_formatMarkdown; }
    void setFormatMarkdown(bool on);
    bool storeUnencrypted() const;
    void setStoreUnencrypted(bool on);
    QString lastConversationId() const { return m_lastConversationId; }
    void setLastConversationId(const QString &id);
    ProxySettings *proxy() const { return m_proxy; }
    int fileCacheMegabytes() const { return m_fileCacheMegabytes; }
    void setFileCacheMegabytes(int megabytes);

    // "system", "light", "dark": the words saved and accepted from scripts.
    static QString themeModeName(ThemeMode::Value mode);
    static std::optional<ThemeMode::Value> themeModeFromName(const QString &name);

signals:
    void serverUrlChanged();
    void themeModeChanged();
    void notificationsEnabledChanged();
    void hideNotificationTextChanged();
    void closeToTrayChanged();
    void formatMarkdownChanged();
    void storeUnencryptedChanged();
    void lastConversationIdChanged();
    void fileCacheMegabytesChanged();

private:
    QString m_serverUrl;
    ThemeMode::Value m_themeMode = ThemeMode::System;
    bool m_notificationsEnabled = true;
    bool m_hideNotificationText = false;
    bool m_closeToTray = false;
    bool m_formatMarkdown = true;
    QString m_lastConversationId;
    int m_fileCacheMegabytes = kDefaultFileCacheMegabytes;
    ProxySettings *m_proxy;
};

} // namespace ringchat::app
