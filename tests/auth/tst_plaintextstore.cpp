// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "auth/accountsettings.h"
#include "auth/keychainsecretstore.h"
#include "auth/plaintextsecretstore.h"
#include "auth/secretstorefactory.h"

#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

using namespace ringchat::auth;

namespace {

SecretStore::Result call(const std::function<void(SecretStore::Done)> &op)
{
    SecretStore::Result result;
    bool done = false;
    op([&](const SecretStore::Result &r) {
        result = r;
        done = true;
    });
    if (done)
        qWarning("the store answered inside the call");
    [&] { QTRY_VERIFY(done); }();
    return result;
}

mode_t modeOf(const QString &path)
{
    struct stat st
    {
    };
    ::stat(QFile::encodeName(path).constData(), &st);
    return st.st_mode & 0777;
}

} // namespace

class TestPlaintextStore : public QObject
{
    Q_OBJECT
private slots:
    void writeReadDelete()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("sub/secrets.json"));
        PlaintextSecretStore store(path);
        QVERIFY(store.warning().contains(QLatin1String("unencrypted")));
        QVERIFY(store.warning().contains(path));

        auto r = call([&](auto done) { store.readSecret(QStringLiteral("srv/u1"), done); });
        QVERIFY(!r.ok);
        QVERIFY(r.notFound);

        r = call([&](auto done) {
            store.writeSecret(QStringLiteral("srv/u1"), QStringLiteral("secret-one"), done);
        });
        QVERIFY2(r.ok, qPrintable(r.error));
        r = call([&](auto done) {
            store.writeSecret(QStringLiteral("srv/u2"), QStringLiteral("secret-two"), done);
        });
        QVERIFY(r.ok);
        QCOMPARE(modeOf(path), mode_t(0600));
        QCOMPARE(modeOf(QFileInfo(path).absolutePath()), mode_t(0700));

        r = call([&](auto done) { store.readSecret(QStringLiteral("srv/u1"), done); });
        QVERIFY(r.ok);
        QCOMPARE(r.secret, QStringLiteral("secret-one"));

        r = call(
            [&](auto done) { store.writeSecret(QStringLiteral("srv/u1"), QStringLiteral("rotated"), done); });
        QVERIFY(r.ok);
        QCOMPARE(modeOf(path), mode_t(0600));
        r = call([&](auto done) { store.readSecret(QStringLiteral("srv/u1"), done); });
        QCOMPARE(r.secret, QStringLiteral("rotated"));

        r = call([&](auto done) { store.deleteSecret(QStringLiteral("srv/u1"), done); });
        QVERIFY(r.ok);
        r = call([&](auto done) { store.readSecret(QStringLiteral("srv/u1"), done); });
        QVERIFY(r.notFound);
        r = call([&](auto done) { store.readSecret(QStringLiteral("srv/u2"), done); });
        QCOMPARE(r.secret, QStringLiteral("secret-two"));
        r = call([&](auto done) { store.deleteSecret(QStringLiteral("srv/u2"), done); });
        QVERIFY(r.ok);
        QVERIFY(!QFile::exists(path)); // nothing left behind
        r = call([&](auto done) { store.deleteSecret(QStringLiteral("srv/u2"), done); });
        QVERIFY(r.ok && r.notFound);
    }

    void operationsApplyInOrder()
    {
        QTemporaryDir dir;
        PlaintextSecretStore store(dir.filePath(QStringLiteral("s.json")));
        int finished = 0;
        for (int i = 0; i < 50; ++i)
            store.writeSecret(QStringLiteral("k"), QString::number(i),
                              [&finished](const SecretStore::Result &) { ++finished; });
        QTRY_COMPARE(finished, 50);
        const auto r = call([&](auto done) { store.readSecret(QStringLiteral("k"), done); });
        QCOMPARE(r.secret, QStringLiteral("49"));
    }

    void damagedFileIsReportedNotCrashed()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("s.json"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("{not json");
        f.close();
        PlaintextSecretStore store(path);
        auto r = call([&](auto done) { store.readSecret(QStringLiteral("k"), done); });
        QVERIFY(!r.ok);
        QVERIFY(r.error.contains(QLatin1String("damaged")));
        r = call([&](auto done) { store.writeSecret(QStringLiteral("k"), QStringLiteral("v"), done); });
        QVERIFY(r.ok);
    }

    void plaintextIsOptIn()
    {
        QTemporaryDir dir;
        AccountSettings settings(dir.filePath(QStringLiteral("settings.ini")));
        QVERIFY(!settings.storeSessionUnencrypted());
        QObject owner;
        QVERIFY(qobject_cast<KeychainSecretStore *>(createSecretStore(settings, &owner)));
        settings.setStoreSessionUnencrypted(true);
        QVERIFY(qobject_cast<PlaintextSecretStore *>(createSecretStore(settings, &owner)));
    }

    void keychainErrorsInWords()
    {
        const QString noBackend = KeychainSecretStore::describeError(5 /*NoBackendAvailable*/, QString());
        QVERIFY(
            noBackend.contains(QLatin1String("No keychain is available: install gnome-keyring or KWallet")));
        QVERIFY(noBackend.contains(QLatin1String("unencrypted in Settings")));
        QCOMPARE(
            KeychainSecretStore::describeError(
                7 /*OtherError*/,
                QStringLiteral("The name org.freedesktop.secrets was not provided by any .service files")),
            noBackend);
        QVERIFY(KeychainSecretStore::describeError(3 /*AccessDeniedByUser*/, QString())
                    .contains(QLatin1String("denied")));
        QVERIFY(KeychainSecretStore::describeError(
                    7, QStringLiteral("Cannot create an item in a locked collection"))
                    .contains(QLatin1String("Unlock")));
    }
};

QTEST_GUILESS_MAIN(TestPlaintextStore)
#include "tst_plaintextstore.moc"
