// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/settings.h"

#include "app/proxysettings.h"
#include "app/qmlsingleton.h"
#include "auth/accountsettings.h"
#include "core/defaultserver.h"

#include <QSettings>

#include <algorithm>

namespace ringchat::app {

namespace {
const QString kServerKey = QStringLiteral("server/url");
const QString kThemeKey = QStringLiteral("ui/theme");
const QString kNotificationsKey = QStringLiteral("ui/notifications");
const QString kHideNotificationTextKey = QStringLiteral("ui/hideNotificationText");
const QString kCloseToTrayKey = QStringLiteral("ui/closeToTray");
const QString kFormatMarkdownKey = QStringLiteral("compose/markdown");
const QString kLastConversationKey = QStringLiteral("ui/lastConversation");
const QString kFileCacheKey = QStringLiteral("files/cacheMegabytes");

int boundedCacheMegabytes(int megabytes)
{
    return std::clamp(megabytes, Settings::kMinFileCacheMegabytes, Settings::kMaxFileCacheMegabytes);
}
} // namespace

Settings::Settings(QObject *parent)
    : QObject(parent)
    , m_proxy(new ProxySettings(this))
{
    QSettings settings;
    m_serverUrl = settings.value(kServerKey, defaultServerUrl()).toString();
    m_themeMode = themeModeFromName(settings.value(kThemeKey).toString()).value_or(ThemeMode::System);
    m_notificationsEnabled = settings.value(kNotificationsKey, true).toBool();
    m_hideNotificationText = settings.value(kHideNotificationTextKey, false).toBool();
    m_closeToTray = settings.value(kCloseToTrayKey, false).toBool();
    m_formatMarkdown = settings.value(kFormatMarkdownKey, true).toBool();
    m_lastConversationId = settings.value(kLastConversationKey).toString();
    m_fileCacheMegabytes
        = boundedCacheMegabytes(settings.value(kFileCacheKey, kDefaultFileCacheMegabytes).toInt());
}

Settings::~Settings() = default;

Settings *Settings::create(QQmlEngine *, QJSEngine *)
{
    return QmlSingleton<Settings>::instance();
}
void Settings::exposeToQml(Settings *settings)
{
    QmlSingleton<Settings>::expose(settings);
}

void Settings::setServerUrl(const QString &url)
{
    if (url == m_serverUrl)
        return;
    m_serverUrl = url;
    QSettings().setValue(kServerKey, url);
    emit serverUrlChanged();
}

void Settings::setThemeMode(ThemeMode::Value mode)
{
    if (mode == m_themeMode)
        return;
    m_themeMode = mode;
    QSettings().setValue(kThemeKey, themeModeName(mode));
    emit themeModeChanged();
}

void Settings::setNotificationsEnabled(bool on)
{
    if (on == m_notificationsEnabled)
        return;
    m_notificationsEnabled = on;
    QSettings().setValue(kNotificationsKey, on);
    emit notificationsEnabledChanged();
}

void Settings::setHideNotificationText(bool on)
{
    if (on == m_hideNotificationText)
        return;
    m_hideNotificationText = on;
    QSettings().setValue(kHideNotificationTextKey, on);
    emit hideNotificationTextChanged();
}

void Settings::setCloseToTray(bool on)
{
    if (on == m_closeToTray)
        return;
    m_closeToTray = on;
    QSettings().setValue(kCloseToTrayKey, on);
    emit closeToTrayChanged();
}

void Settings::setFormatMarkdown(bool on)
{
    if (on == m_formatMarkdown)
        return;
    m_formatMarkdown = on;
    QSettings().setValue(kFormatMarkdownKey, on);
    emit formatMarkdownChanged();
}

bool Settings::storeUnencrypted() const
{
    return auth::AccountSettings().storeSessionUnencrypted();
}

void Settings::setStoreUnencrypted(bool on)
{
    if (on == storeUnencrypted())
        return;
    auth::AccountSettings().setStoreSessionUnencrypted(on);
    emit storeUnencryptedChanged();
}

void Settings::setLastConversationId(const QString &id)
{
    if (id == m_lastConversationId)
        return;
    m_lastConversationId = id;
    QSettings().setValue(kLastConversationKey, id);
    emit lastConversationIdChanged();
}

void Settings::setFileCacheMegabytes(int megabytes)
{
    megabytes = boundedCacheMegabytes(megabytes);
    if (megabytes == m_fileCacheMegabytes)
        return;
    m_fileCacheMegabytes = megabytes;
    QSettings().setValue(kFileCacheKey, megabytes);
    emit fileCacheMegabytesChanged();
}

QString Settings::themeModeName(ThemeMode::Value mode)
{
    switch (mode) {
    case ThemeMode::Light:
        return QStringLiteral("light");
    case ThemeMode::Dark:
        return QStringLiteral("dark");
    case ThemeMode::System:
        break;
    }
    return QStringLiteral("system");
}

std::optional<ThemeMode::Value> Settings::themeModeFromName(const QString &name)
{
    for (ThemeMode::Value mode : { ThemeMode::System, ThemeMode::Light, ThemeMode::Dark }) {
        if (name == themeModeName(mode))
            return mode;
    }
    return std::nullopt;
}

} // namespace ringchat::app
