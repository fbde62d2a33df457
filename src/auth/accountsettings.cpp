// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "auth/accountsettings.h"

#include <QLoggingCategory>
#include <QSettings>

Q_LOGGING_CATEGORY(lcSettings, "ringchat.auth.settings")

namespace ringchat::auth {

namespace {
const QString kServer = QStringLiteral("account/serverUrl");
const QString kUserId = QStringLiteral("account/userId");
const QString kUserName = QStringLiteral("account/userName");
const QString kUnencrypted = QStringLiteral("security/storeSessionUnencrypted");
const QString kProxyMode = QStringLiteral("network/proxyMode");
const QString kProxyUrl = QStringLiteral("network/proxyUrl");
const QString kProxyUser = QStringLiteral("network/proxyUser");
} // namespace

AccountSettings::AccountSettings(QString filePath)
    : m_filePath(std::move(filePath))
{
}

std::unique_ptr<QSettings> AccountSettings::open() const
{
    if (m_filePath.isEmpty())
        return std::make_unique<QSettings>();
    return std::make_unique<QSettings>(m_filePath, QSettings::IniFormat);
}

SavedAccount AccountSettings::lastAccount() const
{
    const auto s = open();
    return { s->value(kServer).toString(), s->value(kUserId).toString(), s->value(kUserName).toString() };
}

void AccountSettings::setLastAccount(const SavedAccount &account)
{
    const auto s = open();
    s->setValue(kServer, account.serverUrl);
    s->setValue(kUserId, account.userId);
    s->setValue(kUserName, account.userName);
}

void AccountSettings::clearLastAccount()
{
    const auto s = open();
    s->remove(QStringLiteral("account"));
}

bool AccountSettings::storeSessionUnencrypted() const
{
    return open()->value(kUnencrypted, false).toBool();
}

void AccountSettings::setStoreSessionUnencrypted(bool on)
{
    open()->setValue(kUnencrypted, on);
}

NetworkProxy AccountSettings::proxy() const
{
    const auto s = open();
    const QString mode = s->value(kProxyMode).toString();
    if (mode == QLatin1String("none"))
        return NetworkProxy::none();
    if (mode != QLatin1String("manual"))
        return NetworkProxy();
    QString error;
    std::optional<NetworkProxy> proxy = NetworkProxy::manual(s->value(kProxyUrl).toString(), &error);
    if (!proxy) {
        qCWarning(lcSettings) << "the saved proxy is not usable, using the system's:" << error;
        return NetworkProxy();
    }
    proxy->setCredentials(s->value(kProxyUser).toString(), {});
    return *proxy;
}

void AccountSettings::setProxy(const NetworkProxy &proxy)
{
    const auto s = open();
    s->setValue(kProxyMode, proxy.modeName());
    if (proxy.mode() == NetworkProxy::Mode::Manual) {
        s->setValue(kProxyUrl, proxy.url());
        s->setValue(kProxyUser, proxy.user());
    } else {
        s->remove(kProxyUrl);
        s->remove(kProxyUser);
    }
}

QString AccountSettings::proxyPasswordKey(const NetworkProxy &proxy)
{
    if (proxy.mode() != NetworkProxy::Mode::Manual || proxy.user().isEmpty())
        return {};
    return QStringLiteral("proxy/%1@%2").arg(proxy.user(), proxy.url().section(QStringLiteral("://"), 1));
}

} // namespace ringchat::auth
