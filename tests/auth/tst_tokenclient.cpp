// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "auth/tokenclient.h"
#include "stubhttpserver.h"

#include <QNetworkAccessManager>
#include <QTest>

using namespace ringchat::auth;
using Kind = AuthError::Kind;

namespace {

struct Outcome
{
    bool done = false;
    TokenSet tokens;
    AuthError error;
};

} // namespace

class TestTokenClient : public QObject
{
    Q_OBJECT
private slots:
    void errorMapping_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("words");
        QTest::newRow("invalid_grant")
            << 400
            << QByteArray(R"({"error":"invalid_grant","error_description":"grant request is invalid"})")
            << int(Kind::InvalidGrant) << "Sign in again";
        QTest::newRow("access_denied")
            << 400 << QByteArray(R"({"error":"access_denied"})") << int(Kind::AccessDenied) << "denied";
        QTest::newRow("invalid_client") << 401 << QByteArray(R"({"error":"invalid_client"})")
                                        << int(Kind::ServerError) << "does not accept this app";
        QTest::newRow("invalid_target") << 400 << QByteArray(R"({"error":"invalid_target"})")
                                        << int(Kind::ServerError) << "requested access";
        QTest::newRow("server_error") << 500 << QByteArray(R"({"error":"server_error"})")
                                      << int(Kind::ServerError) << "Try again later";
        QTest::newRow("bare 502") << 502 << QByteArray("<html>Bad gateway</html>") << int(Kind::ServerError)
                                  << "HTTP 502";
        QTest::newRow("429") << 429 << QByteArray() << int(Kind::ServerError) << "too many requests";
        QTest::newRow("unknown code")
            << 400 << QByteArray(R"({"error":"weird_thing"})") << int(Kind::ServerError) << "weird_thing";
        QTest::newRow("bare 404") << 404 << QByteArray() << int(Kind::ServerError) << "HTTP 404";
    }

    void errorMapping()
    {
        QFETCH(int, status);
        QFETCH(QByteArray, body);
        QFETCH(int, kind);
        QFETCH(QString, words);
        const AuthError e = TokenClient::describeErrorResponse(status, body);
        QCOMPARE(int(e.kind), kind);
        QVERIFY2(e.message.contains(words, Qt::CaseInsensitive), qPrintable(e.message));
        QVERIFY(e.message.endsWith(QLatin1Char('.'))); // a sentence
    }

    void parseTokens()
    {
        AuthError e;
        TokenSet t = TokenClient::parseTokenResponse(
            200,
            R"({"access_token":"at","refresh_token":"rt","id_token":"it","token_type":"Bearer","expires_in":300,"scope":"openid"})",
            &e);
        QVERIFY(!e.isError());
        QCOMPARE(t.accessToken, QStringLiteral("at"));
        QCOMPARE(t.refreshToken, QStringLiteral("rt"));
        QCOMPARE(t.idToken, QStringLiteral("it"));
        QCOMPARE(t.expiresInSec, 300);

        t = TokenClient::parseTokenResponse(200, R"({"access_token":"at","token_type":"bearer"})", &e);
        QVERIFY(!e.isError());
        QCOMPARE(t.expiresInSec, -1);
        QVERIFY(t.refreshToken.isEmpty());

        TokenClient::parseTokenResponse(200, "not json", &e);
        QCOMPARE(e.kind, Kind::ServerError);
        TokenClient::parseTokenResponse(200, R"({"token_type":"Bearer"})", &e);
        QCOMPARE(e.kind, Kind::ServerError);
        TokenClient::parseTokenResponse(200, R"({"access_token":"secret-at","token_type":"mac"})", &e);
        QCOMPARE(e.kind, Kind::ServerError);
        QVERIFY(!e.message.contains(QLatin1String("secret-at")));
        TokenClient::parseTokenResponse(400, R"({"error":"invalid_grant"})", &e);
        QCOMPARE(e.kind, Kind::InvalidGrant);
    }

    void requestsCarryTheRightFields()
    {
        StubHttpServer stub([](const StubRequest &r) -> std::optional<StubResponse> {
            if (r.path == "/token")
                return StubResponse {
                    200, R"({"access_token":"A","refresh_token":"R2","token_type":"Bearer","expires_in":60})"
                };
            if (r.path == "/revoke")
                return StubResponse { 200, "" };
            return StubResponse { 404, "" };
        });
        QNetworkAccessManager nam;
        TokenClient client(&nam);
        client.setEndpoints(QUrl(stub.url().toString() + QStringLiteral("/token")),
                            QUrl(stub.url().toString() + QStringLiteral("/revoke")));

        Outcome o;
        client.exchangeCode(QStringLiteral("c0de+/="), "verifier-123",
                            QUrl(QStringLiteral("http://127.0.0.1:5555/callback")),
                            [&o](const TokenSet &t, const AuthError &e) {
                                o = { true, t, e };
                            });
        QTRY_VERIFY(o.done);
        QVERIFY2(!o.error.isError(), qPrintable(o.error.message));
        QCOMPARE(o.tokens.refreshToken, QStringLiteral("R2"));
        const StubRequest &x = stub.requests.at(0);
        QCOMPARE(x.method, QByteArray("POST"));
        QCOMPARE(x.headers.value("content-type"), QByteArray("application/x-www-form-urlencoded"));
        QCOMPARE(x.formValue(QStringLiteral("grant_type")), QStringLiteral("authorization_code"));
        QCOMPARE(x.formValue(QStringLiteral("code")), QStringLiteral("c0de+/="));
        QCOMPARE(x.formValue(QStringLiteral("code_verifier")), QStringLiteral("verifier-123"));
        QCOMPARE(x.formValue(QStringLiteral("redirect_uri")),
                 QStringLiteral("http://127.0.0.1:5555/callback"));
        QCOMPARE(x.formValue(QStringLiteral("client_id")), QStringLiteral("ringchat-desktop"));
        QCOMPARE(x.formValue(QStringLiteral("resource")), QStringLiteral("urn:ringchat:api"));

        o = {};
        client.refresh(QStringLiteral("R1"), [&o](const TokenSet &t, const AuthError &e) {
            o = { true, t, e };
        });
        QTRY_VERIFY(o.done);
        const StubRequest &y = stub.requests.at(1);
        QCOMPARE(y.formValue(QStringLiteral("grant_type")), QStringLiteral("refresh_token"));
        QCOMPARE(y.formValue(QStringLiteral("refresh_token")), QStringLiteral("R1"));

        bool revoked = false;
        client.revoke(QStringLiteral("R2"), [&revoked](const AuthError &e) { revoked = !e.isError(); });
        QTRY_VERIFY(revoked);
        const StubRequest &z = stub.requests.at(2);
        QCOMPARE(z.path, QByteArray("/revoke"));
        QCOMPARE(z.formValue(QStringLiteral("token")), QStringLiteral("R2"));
        QCOMPARE(z.formValue(QStringLiteral("token_type_hint")), QStringLiteral("refresh_token"));
    }

    void invalidGrantOverHttp()
    {
        StubHttpServer stub([](const StubRequest &) -> std::optional<StubResponse> {
            return StubResponse {
                400, R"({"error":"invalid_grant","error_description":"grant request is invalid"})"
            };
        });
        QNetworkAccessManager nam;
        TokenClient client(&nam);
        client.setEndpoints(QUrl(stub.url().toString() + QStringLiteral("/token")), {});
        Outcome o;
        client.refresh(QStringLiteral("old"), [&o](const TokenSet &t, const AuthError &e) {
            o = { true, t, e };
        });
        QTRY_VERIFY(o.done);
        QCOMPARE(o.error.kind, Kind::InvalidGrant);
        QVERIFY(o.tokens.accessToken.isEmpty());
    }

    void timeoutIsReported()
    {
        StubHttpServer stub([](const StubRequest &) -> std::optional<StubResponse> { return std::nullopt; });
        QNetworkAccessManager nam;
        TokenClient client(&nam);
        client.setTimeoutMs(300);
        client.setEndpoints(QUrl(stub.url().toString() + QStringLiteral("/token")), {});
        Outcome o;
        client.refresh(QStringLiteral("r"), [&o](const TokenSet &t, const AuthError &e) {
            o = { true, t, e };
        });
        QTRY_VERIFY_WITH_TIMEOUT(o.done, 5000);
        QCOMPARE(o.error.kind, Kind::Timeout);
        QVERIFY(o.error.isTransient());
    }

    void revokeWithoutEndpointSucceedsAtOnce()
    {
        QNetworkAccessManager nam;
        TokenClient client(&nam);
        bool called = false;
        client.revoke(QStringLiteral("r"), [&called](const AuthError &e) { called = !e.isError(); });
        QVERIFY(called);
        QVERIFY(!client.hasRevocationEndpoint());
    }

    void noCallbackAfterDestruction()
    {
        StubHttpServer stub([](const StubRequest &) -> std::optional<StubResponse> {
            return StubResponse { 200, R"({"access_token":"A","token_type":"Bearer"})" };
        });
        QNetworkAccessManager nam;
        bool called = false;
        {
            TokenClient client(&nam);
            client.setEndpoints(QUrl(stub.url().toString() + QStringLiteral("/token")), {});
            client.refresh(QStringLiteral("r"),
                           [&called](const TokenSet &, const AuthError &) { called = true; });
        }
        QTest::qWait(300);
        QVERIFY(!called);
    }
};

QTEST_GUILESS_MAIN(TestTokenClient)
#include "tst_tokenclient.moc"
