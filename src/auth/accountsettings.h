// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/networkproxy.h"

#include <QString>

#include <memory>

class QSettings;

namespace ringchat::auth {

// The non-secret pointer to the last account, enough to find its refresh token
// in the secret store at the next start.
struct SavedAccount
{
    QString serverUrl;
    QString userId;
    QString userName;

    bool isValid() const { return !serverUrl.isEmpty() && !userId.isEmpty(); }
};

// Account and security settings in QSettings. An explicit file path is for tests
// and tools that must not touch the user's settings.
class AccountSettings
{
public:
    explicit AccountSettings(QString filePath = {});

    SavedAccount lastAccount() const;
    void setLastAccount(const SavedAccount &account);
    void clearLastAccount();

    // The opt-in for PlaintextSecretStore ("store the session unencrypted"); off by default.
    bool storeSessionUnencrypted() const;
    void setStoreSessionUnencrypted(bool on);

    // The proxy setting without its password, which lives in the secret store under
    // proxyPasswordKey(). System when nothing (or nothing usable) is saved.
    NetworkProxy proxy() const;
    void setProxy(const NetworkProxy &proxy);
    // "proxy/<user>@<host:port>"; empty when the setting has no user.
    static QString proxyPasswordKey(const NetworkProxy &proxy);

private:
    std::unique_ptr<QSettings> open() const;
    QString m_filePath;
};

} // namespace ringchat::auth
