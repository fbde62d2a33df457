// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The real Secret Service through QtKeychain. Run by keychain_test.sh, which
// starts a private D-Bus session with an unlocked gnome-keyring (storeReadDelete)
// or with nothing on the bus (noBackend). Not useful on its own.

#include "auth/keychainsecretstore.h"
#include "testlog.h"

#include <QElapsedTimer>
#include <QProcess>
#include <QTest>

using namespace ringchat::auth;

namespace {

SecretStore::Result call(const std::function<void(SecretStore::Done)> &op, int timeoutMs = 30000)
{
    SecretStore::Result result;
    bool done = false;
    op([&](const SecretStore::Result &r) {
        result = r;
        done = true;
    });
    [&] { QTRY_VERIFY_WITH_TIMEOUT(done, timeoutMs); }();
    return result;
}

// What the Secret Service itself holds, asked with another client (libsecret's tool).
QString lookupWithSecretTool(const QString &key)
{
    QProcess p;
    p.start(QStringLiteral("secret-tool"),
            { QStringLiteral("lookup"), QStringLiteral("server"), QStringLiteral("ringchat"),
              QStringLiteral("user"), key });
    p.waitForFinished(20000);
    return QString::fromUtf8(p.readAllStandardOutput());
}

const QString kKey = QStringLiteral("http://127.0.0.1:3000/u-keychain-test");

} // namespace

class TestKeychain : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase()
    {
        testlog::install(QStringLiteral("auth_keychain_")
                         + QString::fromLatin1(qgetenv("KEYCHAIN_TEST_PART")));
    }

    void storeReadDelete()
    {
        KeychainSecretStore store;
        const QString secret = QStringLiteral("kc-") + QString::number(QDateTime::currentMSecsSinceEpoch())
            + QStringLiteral("-refresh");
        testlog::recordToken(secret);

        auto r = call([&](auto done) { store.readSecret(kKey, done); });
        QVERIFY2(r.notFound, qPrintable(r.error));

        r = call([&](auto done) { store.writeSecret(kKey, secret, done); });
        QVERIFY2(r.ok, qPrintable(r.error));
        r = call([&](auto done) { store.readSecret(kKey, done); });
        QVERIFY2(r.ok, qPrintable(r.error));
        QCOMPARE(r.secret, secret);
        QCOMPARE(lookupWithSecretTool(kKey), secret); // really in the Secret Service

        const QString rotated = secret + QStringLiteral("-rotated");
        testlog::recordToken(rotated);
        r = call([&](auto done) { store.writeSecret(kKey, rotated, done); });
        QVERIFY2(r.ok, qPrintable(r.error));
        r = call([&](auto done) { store.readSecret(kKey, done); });
        QCOMPARE(r.secret, rotated);

        r = call([&](auto done) { store.deleteSecret(kKey, done); });
        QVERIFY2(r.ok, qPrintable(r.error));
        r = call([&](auto done) { store.readSecret(kKey, done); });
        QVERIFY(!r.ok);
        QVERIFY(r.notFound);
        QCOMPARE(lookupWithSecretTool(kKey), QString());
    }

    void noBackend()
    {
        KeychainSecretStore store;
        store.setTimeoutMs(20000);
        QElapsedTimer clock;
        clock.start();
        auto r = call([&](auto done) { store.writeSecret(kKey, QStringLiteral("never-stored"), done); });
        QVERIFY(!r.ok);
        QVERIFY(!r.notFound);
        qInfo().noquote() << "no backend, write:" << r.error;
        QVERIFY2(
            r.error.startsWith(QLatin1String("No keychain is available: install gnome-keyring or KWallet")),
            qPrintable(r.error));
        QVERIFY(!r.error.contains(QLatin1String("never-stored")));

        r = call([&](auto done) { store.readSecret(kKey, done); });
        QVERIFY(!r.ok);
        QVERIFY2(r.error.startsWith(QLatin1String("No keychain is available")), qPrintable(r.error));
        QVERIFY2(clock.elapsed() < 20000, "a missing keychain must be reported, not waited out");
    }

    void lockedKeychainTimesOutOrSaysSo()
    {
        // A keyring that is running but locked asks for its password through a
        // prompt nobody answers here: the store must not hang.
        KeychainSecretStore store;
        store.setTimeoutMs(3000);
        const auto r
            = call([&](auto done) { store.writeSecret(kKey, QStringLiteral("locked-secret"), done); }, 15000);
        QVERIFY(!r.ok);
        qInfo().noquote() << "locked keychain, write:" << r.error;
        QVERIFY2(r.error.contains(QLatin1String("unlock"), Qt::CaseInsensitive)
                     || r.error.contains(QLatin1String("did not answer")),
                 qPrintable(r.error));
    }
};

QTEST_GUILESS_MAIN(TestKeychain)
#include "tst_keychain.moc"
