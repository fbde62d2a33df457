// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// What a token response must say before the session takes it: the id token's
// issuer, audience and nonce; a user id on sign-in, the same account on refresh;
// the name, and the lifetime from expires_in or else the access token's exp.
// Also the authorization URL the browser opens.
#include "auth/authorizationrequest.h"
#include "auth/tokenidentity.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>
#include <QUrlQuery>

using namespace ringchat::auth;

namespace {

const QString kIssuer = QStringLiteral("https://id.example.org");
const QString kClient = QStringLiteral("ringchat-desktop");
const QByteArray kNonce = QByteArrayLiteral("n-0S6_WzA2Mj");

// An unsigned JWT with these claims (the signature is never checked here).
QString jwt(const QJsonObject &claims)
{
    const auto part = [](const QJsonObject &o) {
        return QJsonDocument(o)
            .toJson(QJsonDocument::Compact)
            .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
    };
    return QString::fromLatin1(part({ { "alg", "none" } }) + '.' + part(claims) + ".sig");
}

QJsonObject idClaims(const QString &sub = QStringLiteral("u-alice"))
{
    return { { "iss", kIssuer },
             { "aud", kClient },
             { "nonce", QString::fromLatin1(kNonce) },
             { "sub", sub },
             { "name", "Alice" } };
}

TokenIdentity::Expected signIn()
{
    return { kIssuer, kClient, true, kNonce, {} };
}

TokenIdentity::Expected refreshOf(const QString &userId)
{
    return { kIssuer, kClient, false, {}, userId };
}

TokenSet withIdToken(const QJsonObject &claims)
{
    TokenSet tokens;
    tokens.accessToken = QStringLiteral("opaque-access");
    tokens.idToken = jwt(claims);
    tokens.expiresInSec = 300;
    return tokens;
}

} // namespace

class TestTokenIdentity : public QObject
{
    Q_OBJECT
private slots:
    void signInReadsTheIdToken()
    {
        AuthError error;
        const TokenIdentity id = TokenIdentity::read(withIdToken(idClaims()), signIn(), &error);
        QVERIFY(!error.isError());
        QCOMPARE(id.userId, QStringLiteral("u-alice"));
        QCOMPARE(id.userName, QStringLiteral("Alice"));
        QCOMPARE(id.expiresInSec, 300);
    }

    void idTokenMismatchIsRefused_data()
    {
        QTest::addColumn<QString>("claim");
        QTest::addColumn<QJsonValue>("value");
        QTest::newRow("other issuer") << "iss" << QJsonValue("https://evil.example.org");
        QTest::newRow("other audience") << "aud" << QJsonValue("someone-else");
        QTest::newRow("audience list without us") << "aud" << QJsonValue(QJsonArray { "a", "b" });
        QTest::newRow("other nonce") << "nonce" << QJsonValue("replayed");
        QTest::newRow("no nonce") << "nonce" << QJsonValue();
    }
    void idTokenMismatchIsRefused()
    {
        QFETCH(QString, claim);
        QFETCH(QJsonValue, value);
        QJsonObject claims = idClaims();
        if (value.isNull())
            claims.remove(claim);
        else
            claims.insert(claim, value);
        AuthError error;
        const TokenIdentity id = TokenIdentity::read(withIdToken(claims), signIn(), &error);
        QCOMPARE(error.kind, AuthError::Kind::ServerError);
        QVERIFY(error.message.contains(QStringLiteral("identity token")));
        QVERIFY(id.userId.isEmpty());
    }

    void audienceMayBeAList()
    {
        QJsonObject claims = idClaims();
        claims.insert("aud", QJsonArray { "urn:ringchat:api", kClient });
        AuthError error;
        QCOMPARE(TokenIdentity::read(withIdToken(claims), signIn(), &error).userId,
                 QStringLiteral("u-alice"));
        QVERIFY(!error.isError());
    }

    void refreshDoesNotCheckTheNonce()
    {
        QJsonObject claims = idClaims();
        claims.remove("nonce");
        AuthError error;
        TokenIdentity::read(withIdToken(claims), refreshOf(QStringLiteral("u-alice")), &error);
        QVERIFY(!error.isError());
    }

    void signInNeedsAUserId()
    {
        QJsonObject claims = idClaims();
        claims.remove("sub");
        AuthError error;
        TokenIdentity::read(withIdToken(claims), signIn(), &error);
        QCOMPARE(error.kind, AuthError::Kind::ServerError);
    }

    void refreshForAnotherAccountIsRefused()
    {
        AuthError error;
        TokenIdentity::read(withIdToken(idClaims(QStringLiteral("u-mallory"))),
                            refreshOf(QStringLiteral("u-alice")), &error);
        QCOMPARE(error.kind, AuthError::Kind::InvalidGrant);
    }

    void withoutIdTokenTheAccessTokenSpeaks()
    {
        // A refresh answer with no id token and no expires_in: the access token's
        // claims name the user and its exp gives the lifetime.
        TokenSet tokens;
        tokens.accessToken = jwt({ { "sub", "u-alice" },
                                   { "preferred_username", "alice" },
                                   { "exp", double(QDateTime::currentSecsSinceEpoch() + 600) } });
        AuthError error;
        const TokenIdentity id = TokenIdentity::read(tokens, refreshOf(QStringLiteral("u-alice")), &error);
        QVERIFY(!error.isError());
        QCOMPARE(id.userName, QStringLiteral("alice"));
        QVERIFY2(id.expiresInSec > 590 && id.expiresInSec <= 600,
                 qPrintable(QString::number(id.expiresInSec)));
    }

    void opaqueTokensOnRefreshKeepTheAccount()
    {
        TokenSet tokens;
        tokens.accessToken = QStringLiteral("opaque");
        AuthError error;
        const TokenIdentity id = TokenIdentity::read(tokens, refreshOf(QStringLiteral("u-alice")), &error);
        QVERIFY(!error.isError());
        QVERIFY(id.userId.isEmpty());
        QCOMPARE(id.expiresInSec, -1);
    }

    void authorizationUrlKeepsTheEndpointsQueryAndEscapes()
    {
        AuthorizationRequest request;
        request.endpoint = QUrl(QStringLiteral("https://id.example.org/auth?tenant=a%26b"));
        request.client.scope = QStringLiteral("openid profile offline_access");
        request.redirectUri = QUrl(QStringLiteral("http://127.0.0.1:4711/callback"));
        request.state = QByteArrayLiteral("st&te=1");
        request.nonce = kNonce;
        request.codeChallenge = QByteArrayLiteral("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM");
        const QUrl url = request.url();
        QCOMPARE(url.host(), QStringLiteral("id.example.org"));
        QCOMPARE(url.path(), QStringLiteral("/auth"));
        const QUrlQuery q(url);
        QCOMPARE(q.queryItemValue("tenant", QUrl::FullyDecoded), QStringLiteral("a&b"));
        QCOMPARE(q.queryItemValue("state", QUrl::FullyDecoded), QStringLiteral("st&te=1"));
        QCOMPARE(q.queryItemValue("redirect_uri", QUrl::FullyDecoded),
                 QStringLiteral("http://127.0.0.1:4711/callback"));
        QCOMPARE(q.queryItemValue("scope", QUrl::FullyDecoded),
                 QStringLiteral("openid profile offline_access"));
        QCOMPARE(q.queryItemValue("nonce"), QString::fromLatin1(kNonce));
        QCOMPARE(q.queryItemValue("code_challenge_method"), QStringLiteral("S256"));
        QCOMPARE(q.queryItemValue("prompt"), QStringLiteral("consent"));
    }
};

QTEST_GUILESS_MAIN(TestTokenIdentity)
#include "tst_tokenidentity.moc"
