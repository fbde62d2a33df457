// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "auth/keychainsecretstore.h"

#include <qt6keychain/keychain.h>

#include <QPointer>
#include <QThread>
#include <QTimer>

#include <memory>
#include <utility>

namespace ringchat::auth {

KeychainSecretStore::KeychainSecretStore(QObject *parent)
    : SecretStore(parent)
{
}

void KeychainSecretStore::readSecret(const QString &key, Done done)
{
    run(Op::Read, key, {}, std::move(done));
}

void KeychainSecretStore::writeSecret(const QString &key, const QString &secret, Done done)
{
    run(Op::Write, key, secret, std::move(done));
}

void KeychainSecretStore::deleteSecret(const QString &key, Done done)
{
    run(Op::Delete, key, {}, std::move(done));
}

void KeychainSecretStore::run(Op op, const QString &key, const QString &secret, Done done)
{
    // QtKeychain jobs must start on the store's (GUI) thread; hop there if needed,
    // and always report asynchronously.
    QMetaObject::invokeMethod(
        this,
        [this, op, key, secret, done = std::move(done)] {
            QKeychain::Job *job = nullptr;
            switch (op) {
            case Op::Read:
                job = new QKeychain::ReadPasswordJob(m_service);
                break;
            case Op::Write: {
                auto *write = new QKeychain::WritePasswordJob(m_service);
                write->setTextData(secret);
                job = write;
                break;
            }
            case Op::Delete:
                job = new QKeychain::DeletePasswordJob(m_service);
                break;
            }
            job->setAutoDelete(true);
            job->setInsecureFallback(false); // the plaintext store is a separate, explicit choice
            job->setKey(key);

            // Whichever comes first, the job's answer or the deadline, reports; the other is ignored.
            auto reported = std::make_shared<bool>(false);
            auto report = std::make_shared<Done>(done);

            auto *timer = new QTimer(this);
            timer->setSingleShot(true);
            connect(timer, &QTimer::timeout, this, [timer, reported, report, timeout = m_timeoutMs] {
                timer->deleteLater();
                if (std::exchange(*reported, true))
                    return;
                Result r;
                r.error = QStringLiteral(
                              "The keychain did not answer within %1 seconds. It may be locked and waiting "
                              "for its password: unlock it and try again.")
                              .arg(timeout / 1000);
                (*report)(r);
            });
            timer->start(m_timeoutMs);

            connect(job, &QKeychain::Job::finished, this, [op, timer, reported, report](QKeychain::Job *j) {
                timer->deleteLater();
                if (std::exchange(*reported, true))
                    return;
                Result r;
                if (j->error() == QKeychain::NoError) {
                    r.ok = true;
                    if (op == Op::Read)
                        r.secret = static_cast<QKeychain::ReadPasswordJob *>(j)->textData();
                } else if (j->error() == QKeychain::EntryNotFound) {
                    r.notFound = true;
                    r.ok = op == Op::Delete; // deleting what is not there is success
                    r.error = QStringLiteral("No saved session was found in the keychain.");
                } else {
                    r.error = describeError(j->error(), j->errorString());
                }
                (*report)(r);
            });
            job->start();
        },
        Qt::QueuedConnection);
}

QString KeychainSecretStore::describeError(int keychainError, const QString &detail)
{
    const QString noBackend = QStringLiteral(
        "No keychain is available: install gnome-keyring or KWallet, or allow storing the session "
        "unencrypted in Settings.");
    switch (QKeychain::Error(keychainError)) {
    case QKeychain::NoError:
        return {};
    case QKeychain::EntryNotFound:
        return QStringLiteral("No saved session was found in the keychain.");
    case QKeychain::CouldNotDeleteEntry:
        return QStringLiteral("The saved session could not be removed from the keychain (%1). Remove the "
                              "\"ringchat\" entry with your keychain manager.")
            .arg(detail);
    case QKeychain::AccessDeniedByUser:
        return QStringLiteral(
            "Access to the keychain was denied. Allow Ring Chat to use the keychain and try again.");
    case QKeychain::AccessDenied:
        return QStringLiteral("The keychain refused access (%1). It may be locked: unlock it and try again.")
            .arg(detail);
    case QKeychain::NoBackendAvailable:
        return noBackend;
    case QKeychain::NotImplemented:
        return QStringLiteral(
            "This system's keychain cannot store passwords for Ring Chat. Allow storing the "
            "session unencrypted in Settings.");
    case QKeychain::OtherError:
        break;
    }
    // libsecret reports "no Secret Service on the bus" as a generic error; recognise it.
    if (detail.contains(QLatin1String("org.freedesktop.secrets"))
        || detail.contains(QLatin1String("ServiceUnknown"))
        || detail.contains(QLatin1String("not provided by any .service"))
        || detail.contains(QLatin1String("Cannot autolaunch D-Bus"), Qt::CaseInsensitive)
        || detail.contains(QLatin1String("DBUS_SESSION_BUS_ADDRESS")))
        return noBackend;
    if (detail.contains(QLatin1String("locked"), Qt::CaseInsensitive)
        || detail.contains(QLatin1String("dismissed"), Qt::CaseInsensitive))
        return QStringLiteral("The keychain is locked (%1). Unlock it and try again.").arg(detail);
    return QStringLiteral("The keychain reported an error: %1.")
        .arg(detail.isEmpty() ? QStringLiteral("unknown error") : detail);
}

} // namespace ringchat::auth
