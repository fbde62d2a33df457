// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The proxy of every connection (Settings → Network): the saved choice, its password
// in the secret store, and applying it process-wide (NetworkProxy::apply) so sign-in,
// REST and the socket all use it. The password never comes back out.

#include "core/networkproxy.h"

#include <QObject>
#include <QtQml/qqmlregistration.h>

#include <functional>

namespace ringchat::auth {
class SecretStore;
}

namespace ringchat::app {

class ProxySettings : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Settings.proxy is the one proxy setting.")
    Q_PROPERTY(QString mode READ mode NOTIFY changed) // "system", "none" or "manual"
    Q_PROPERTY(QString url READ url NOTIFY changed)
    Q_PROPERTY(QString user READ user NOTIFY changed)
    Q_PROPERTY(bool hasPassword READ hasPassword NOTIFY changed)
    Q_PROPERTY(QString error READ error NOTIFY changed) // why the last change did not work

public:
    explicit ProxySettings(QObject *parent = nullptr);

    QString mode() const { return m_proxy.modeName(); }
    QString url() const { return m_proxy.url(); }
    QString user() const { return m_proxy.user(); }
    bool hasPassword() const { return m_proxy.hasPassword(); }
    QString error() const { return m_error; }

    // Applies the saved setting, its password read from the secret store first; then
    // calls `then`. Once, before the first connection.
    void applySaved(std::function<void()> then);

    // mode "system", "none" or "manual" (with url, and user and password if the proxy
    // asks for them; an empty password keeps the saved one). Saves it (the password in
    // the secret store) and applies it from now on; false and error() when the address
    // is not usable.
    Q_INVOKABLE bool set(const QString &mode, const QString &url, const QString &user,
                         const QString &password);

signals:
    void changed();
    // A new setting is in force: connections waiting to retry may try again now.
    void applied();

private:
    auth::SecretStore *secrets();

    NetworkProxy m_proxy;
    QString m_error;
    auth::SecretStore *m_secrets = nullptr; // made on first use
};

} // namespace ringchat::app
