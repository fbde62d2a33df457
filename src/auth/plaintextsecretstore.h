// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "auth/secretstore.h"

#include <QThreadPool>

namespace ringchat::auth {

// The explicit opt-in for machines without a keychain: secrets in a JSON file
// readable only by the user (0600, in a 0700 folder). Anyone who can read the
// user's files can use the session, which warning() says in words. File work
// runs on a private one-thread pool, so calls are applied in order.
class PlaintextSecretStore : public SecretStore
{
    Q_OBJECT
public:
    // filePath empty = <AppDataLocation>/session-secrets.json
    explicit PlaintextSecretStore(const QString &filePath = {}, QObject *parent = nullptr);
    ~PlaintextSecretStore() override;

    QString filePath() const { return m_filePath; }
    static QString defaultFilePath();

    void readSecret(const QString &key, Done done) override;
    void writeSecret(const QString &key, const QString &secret, Done done) override;
    void deleteSecret(const QString &key, Done done) override;
    QString warning() const override;

private:
    void runInPool(std::function<Result()> work, Done done);

    QString m_filePath;
    QThreadPool m_pool;
};

} // namespace ringchat::auth
