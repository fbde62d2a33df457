// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/proxysettings.h"

#include "auth/accountsettings.h"
#include "auth/secretstore.h"
#include "auth/secretstorefactory.h"

namespace ringchat::app {

ProxySettings::ProxySettings(QObject *parent)
    : QObject(parent)
    , m_proxy(auth::AccountSettings().proxy())
{
}

auth::SecretStore *ProxySettings::secrets()
{
    // The same store as the session's: the keychain, or the file the user opted in to
    // (chosen at first use; a change of that choice applies from the next start).
    if (!m_secrets)
        m_secrets = auth::createSecretStore(auth::AccountSettings(), this);
    return m_secrets;
}

void ProxySettings::applySaved(std::function<void()> then)
{
    m_proxy = auth::AccountSettings().proxy();
    const QString key = auth::AccountSettings::proxyPasswordKey(m_proxy);
    if (key.isEmpty()) {
        m_proxy.apply();
        then();
        return;
    }
    secrets()->readSecret(key, [this, then](const auth::SecretStore::Result &r) {
        if (r.ok)
            m_proxy.setCredentials(m_proxy.user(), r.secret);
        else if (!r.notFound)
            m_error = tr("The proxy password could not be read: %1").arg(r.error);
        m_proxy.apply();
        emit changed();
        then();
    });
}

bool ProxySettings::set(const QString &mode, const QString &url, const QString &user, const QString &password)
{
    QString error;
    std::optional<NetworkProxy> proxy = mode == QLatin1String("manual") ? NetworkProxy::manual(url, &error)
                                                                        : NetworkProxy::parse(mode, &error);
    if (!proxy) {
        m_error = error;
        emit changed();
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
        secrets()->deleteSecret(oldKey, [](const auth::SecretStore::Result &) {});
    if (!newKey.isEmpty() && proxy->hasPassword()
        && (oldKey != newKey || proxy->password() != m_proxy.password())) {
        secrets()->writeSecret(newKey, proxy->password(), [this](const auth::SecretStore::Result &r) {
            if (r.ok)
                return;
            m_error = tr("The proxy works for now, but its password could not be saved for the next "
                         "start: %1")
                          .arg(r.error);
            emit changed();
        });
    }
    auth::AccountSettings().setProxy(*proxy);
    m_proxy = *proxy;
    m_error.clear();
    m_proxy.apply();
    emit changed();
    emit applied();
    return true;
}

} // namespace ringchat::app
