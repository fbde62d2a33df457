// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "auth/pkce.h"

#include <QSet>
#include <QTest>

using namespace ringchat::auth;

class TestPkce : public QObject
{
    Q_OBJECT
private slots:
    void rfc7636AppendixB()
    {
        // RFC 7636 appendix B: the example verifier and its S256 challenge.
        const QByteArray verifier = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
        QCOMPARE(Pkce::challengeFor(verifier), QByteArray("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"));
        const Pkce p = Pkce::fromVerifier(verifier);
        QCOMPARE(p.verifier(), verifier);
        QCOMPARE(p.challenge(), QByteArray("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"));
        QCOMPARE(Pkce::method(), QByteArray("S256"));
    }

    void generatedVerifiersAreValidAndDistinct()
    {
        QSet<QByteArray> seen;
        for (int i = 0; i < 1000; ++i) {
            const Pkce p = Pkce::generate();
            QVERIFY2(Pkce::isValidVerifier(p.verifier()), p.verifier().constData());
            QCOMPARE(p.verifier().size(), 43); // 32 bytes of entropy
            QCOMPARE(p.challenge(), Pkce::challengeFor(p.verifier()));
            QVERIFY(!p.challenge().contains('='));
            seen.insert(p.verifier());
        }
        QCOMPARE(seen.size(), 1000);
    }

    void randomTokensUseAllBits()
    {
        // Every base64url character position should vary: a generator stuck on
        // zero bytes (e.g. a wrong fillRange size) would leave a constant tail.
        QSet<char> lastChars;
        for (int i = 0; i < 200; ++i) {
            const QByteArray t = randomUrlSafeToken(32);
            QCOMPARE(t.size(), 43);
            lastChars.insert(t.at(41));
        }
        QVERIFY(lastChars.size() > 10);
        QCOMPARE(randomUrlSafeToken(15).size(), 20); // sizes not a multiple of 4 work too
        QVERIFY(randomUrlSafeToken(15) != randomUrlSafeToken(15));
    }

    void verifierValidation_data()
    {
        QTest::addColumn<QByteArray>("verifier");
        QTest::addColumn<bool>("valid");
        QTest::newRow("43 chars") << QByteArray(43, 'a') << true;
        QTest::newRow("128 chars") << QByteArray(128, '~') << true;
        QTest::newRow("42 chars") << QByteArray(42, 'a') << false;
        QTest::newRow("129 chars") << QByteArray(129, 'a') << false;
        QTest::newRow("bad char") << QByteArray(42, 'a') + '+' << false;
        QTest::newRow("unreserved") << QByteArray("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOP-._~0123456789")
                                    << true;
    }

    void verifierValidation()
    {
        QFETCH(QByteArray, verifier);
        QFETCH(bool, valid);
        QCOMPARE(Pkce::isValidVerifier(verifier), valid);
    }

    void constantTimeEquality()
    {
        QVERIFY(constantTimeEquals("abc", "abc"));
        QVERIFY(!constantTimeEquals("abc", "abd"));
        QVERIFY(!constantTimeEquals("abc", "abcd"));
        QVERIFY(!constantTimeEquals("", "a"));
        QVERIFY(constantTimeEquals("", ""));
    }
};

QTEST_GUILESS_MAIN(TestPkce)
#include "tst_pkce.moc"
