// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "auth/plaintextsecretstore.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QPointer>
#include <QSaveFile>
#include <QStandardPaths>

namespace ringchat::auth {

Q_LOGGING_CATEGORY(lcPlaintext, "ringchat.auth.plaintext", QtWarningMsg)

namespace {

constexpr auto kOwnerOnly = QFileDevice::ReadOwner | QFileDevice::WriteOwner;

struct Loaded
{
    QJsonObject secrets;
    QString error;
};

Loaded load(const QString &path)
{
    QFile file(path);
    if (!file.exists())
        return {};
    if (!file.open(QIODevice::ReadOnly))
        return { {},
                 QStringLiteral("The session file %1 cannot be read: %2.").arg(path, file.errorString()) };
    const QJsonDocument doc = QJsonDocument::fromJson(file.read(1 << 20));
    if (!doc.isObject())
        return { {}, QStringLiteral("The session file %1 is damaged; sign in again.").arg(path) };
    return { doc.object(), {} };
}

QString save(const QString &path, const QJsonObject &secrets)
{
    const QFileInfo info(path);
    QDir().mkpath(info.absolutePath());
    QFile::setPermissions(info.absolutePath(),
                          QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return QStringLiteral("The session file %1 cannot be written: %2.").arg(path, file.errorString());
    // Owner-only before any secret byte is written (the temporary file becomes the file).
    if (!file.setPermissions(kOwnerOnly))
        return QStringLiteral("Cannot restrict the permissions of %1; the session was not saved.").arg(path);
    file.write(QJsonDocument(secrets).toJson(QJsonDocument::Compact));
    if (!file.commit())
        return QStringLiteral("The session file %1 cannot be written: %2.").arg(path, file.errorString());
    QFile::setPermissions(path, kOwnerOnly);
    return {};
}

} // namespace

PlaintextSecretStore::PlaintextSecretStore(const QString &filePath, QObject *parent)
    : SecretStore(parent)
    , m_filePath(filePath.isEmpty() ? defaultFilePath() : filePath)
{
    m_pool.setMaxThreadCount(1); // one writer: operations happen in the order they were asked
    qCWarning(lcPlaintext).noquote() << warning();
}

PlaintextSecretStore::~PlaintextSecretStore()
{
    m_pool.waitForDone();
}

QString PlaintextSecretStore::defaultFilePath()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)
        + QStringLiteral("/session-secrets.json");
}

QString PlaintextSecretStore::warning() const
{
    return QStringLiteral("Your session is stored unencrypted in %1 (readable only by your user account). "
                          "Anyone who can read your files can use your Ring Chat account; use a keychain "
                          "where you can.")
        .arg(m_filePath);
}

void PlaintextSecretStore::runInPool(std::function<Result()> work, Done done)
{
    QPointer<PlaintextSecretStore> self(this);
    m_pool.start([self, work = std::move(work), done = std::move(done)]() mutable {
        Result result = work();
        if (!self)
            return;
        // Report on the store's thread.
        QMetaObject::invokeMethod(
            self.data(), [result, done = std::move(done)] { done(result); }, Qt::QueuedConnection);
    });
}

void PlaintextSecretStore::readSecret(const QString &key, Done done)
{
    runInPool(
        [path = m_filePath, key] {
            Result r;
            const Loaded loaded = load(path);
            if (!loaded.error.isEmpty()) {
                r.error = loaded.error;
            } else if (!loaded.secrets.contains(key)) {
                r.notFound = true;
                r.error = QStringLiteral("No saved session was found in %1.").arg(path);
            } else {
                r.ok = true;
                r.secret = loaded.secrets.value(key).toString();
            }
            return r;
        },
        std::move(done));
}

void PlaintextSecretStore::writeSecret(const QString &key, const QString &secret, Done done)
{
    runInPool(
        [path = m_filePath, key, secret] {
            Result r;
            Loaded loaded = load(path);
            loaded.secrets.insert(key, secret); // a damaged file is replaced
            r.error = save(path, loaded.secrets);
            r.ok = r.error.isEmpty();
            return r;
        },
        std::move(done));
}

void PlaintextSecretStore::deleteSecret(const QString &key, Done done)
{
    runInPool(
        [path = m_filePath, key] {
            Result r;
            Loaded loaded = load(path);
            if (!loaded.secrets.contains(key)) {
                r.ok = true;
                r.notFound = true;
                return r;
            }
            loaded.secrets.remove(key);
            r.error = loaded.secrets.isEmpty()
                ? (QFile::remove(path) ? QString()
                                       : QStringLiteral("The session file %1 cannot be removed.").arg(path))
                : save(path, loaded.secrets);
            r.ok = r.error.isEmpty();
            return r;
        },
        std::move(done));
}

} // namespace ringchat::auth
