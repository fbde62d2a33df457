// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "auth/secretstore.h"

namespace ringchat::auth {

// The OS keychain through QtKeychain (Secret Service on Linux, Keychain on macOS,
// Credential Manager on Windows). Service "ringchat"; the key is chosen by the caller.
// Jobs are created on the thread that owns the store (the GUI thread), and each
// has a deadline because a keychain can hang (e.g. waiting for an unlock prompt).
class KeychainSecretStore : public SecretStore
{
    Q_OBJECT
public:
    explicit KeychainSecretStore(QObject *parent = nullptr);

    void setTimeoutMs(int ms) { m_timeoutMs = ms; }
    void setService(const QString &service) { m_service = service; }

    void readSecret(const QString &key, Done done) override;
    void writeSecret(const QString &key, const QString &secret, Done done) override;
    void deleteSecret(const QString &key, Done done) override;

    // QKeychain::Error + its text -> what the user can do about it.
    static QString describeError(int keychainError, const QString &detail);

private:
    enum class Op { Read, Write, Delete };
    void run(Op op, const QString &key, const QString &secret, Done done);

    QString m_service = QStringLiteral("ringchat");
    int m_timeoutMs = 20000;
};

} // namespace ringchat::auth
