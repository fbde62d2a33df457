// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QString>

#include <functional>

namespace ringchat::auth {

// Where the refresh token lives between runs. Implementations: the OS keychain
// (default) and an opt-in unencrypted file. Every call reports once, on the
// thread that owns the store, and never before the call returns.
class SecretStore : public QObject
{
    Q_OBJECT
public:
    struct Result
    {
        bool ok = false;
        bool notFound = false; // read/delete of a key that is not there
        QString secret;        // for reads
        QString error;         // words for the user; never contains the secret
    };
    using Done = std::function<void(const Result &)>;

    using QObject::QObject;
    ~SecretStore() override = default;

    virtual void readSecret(const QString &key, Done done) = 0;
    virtual void writeSecret(const QString &key, const QString &secret, Done done) = 0;
    virtual void deleteSecret(const QString &key, Done done) = 0;

    // Shown to the user when the store is less safe than the keychain; empty otherwise.
    virtual QString warning() const { return {}; }
};

} // namespace ringchat::auth
