// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "auth/oidcdiscovery.h"
#include "auth/serverurl.h"
#include "stubhttpserver.h"

#include <QNetworkAccessManager>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

using namespace ringchat::auth;
using Kind = AuthError::Kind;

namespace {

QByteArray metadata(const QString &base, bool withRevocation = true,
                    const QString &methods = QStringLiteral("[\"S256\"]"))
{
    QString json = QStringLiteral("{\"issuer\":\"%1\",\"authorization_endpoint\":\"%1/auth\","
                                  "\"token_endpoint\":\"%1/token\",\"code_challenge_methods_supported\":%2")
                       .arg(base, methods);
    if (withRevocation)
        json += QStringLiteral(",\"revocation_endpoint\":\"%1/token/revocation\"").arg(base);
    return (json + QLatin1Char('}')).toUtf8();
}

struct Outcome
{
    bool done = false;
    OidcConfiguration config;
    AuthError error;
};

Outcome discover(OidcDiscovery &d, const QUrl &server)
{
    Outcome o;
    d.discover(server, [&o](const OidcConfiguration &c, const AuthError &e) {
        o.done = true;
        o.config = c;
        o.error = e;
    });
    [&] { QTRY_VERIFY_WITH_TIMEOUT(o.done, 10000); }();
    return o;
}

} // namespace

class TestDiscovery : public QObject
{
    Q_OBJECT
private slots:
    void serverUrl_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("normalised"); // empty = refused
        QTest::newRow("https") << "https://chat.example.com/"
                               << "https://chat.example.com";
        QTest::newRow("bare host") << "chat.example.com"
                                   << "https://chat.example.com";
        QTest::newRow("case") << "HTTPS://Chat.Example.COM"
                              << "https://chat.example.com";
        QTest::newRow("path prefix") << "https://example.com/ring/"
                                     << "https://example.com/ring";
        QTest::newRow("loopback http") << "http://127.0.0.1:3000"
                                       << "http://127.0.0.1:3000";
        QTest::newRow("loopback other") << "http://127.1.2.3:80"
                                        << "http://127.1.2.3:80";
        QTest::newRow("localhost http") << "http://localhost:3000/"
                                        << "http://localhost:3000";
        QTest::newRow("ipv6 loopback") << "http://[::1]:3000"
                                       << "http://[::1]:3000";
        QTest::newRow("remote http") << "http://chat.example.com"
                                     << "";
        QTest::newRow("lan http") << "http://192.168.1.5:3000"
                                  << "";
        QTest::newRow("localhost lookalike") << "http://localhost.evil.com"
                                             << "";
        QTest::newRow("ftp") << "ftp://chat.example.com"
                             << "";
        QTest::newRow("empty") << "  "
                               << "";
        QTest::newRow("userinfo") << "https://u:p@chat.example.com"
                                  << "";
        QTest::newRow("query") << "https://chat.example.com/?x=1"
                               << "";
        QTest::newRow("garbage") << "https://"
                                 << "";
    }

    void serverUrl()
    {
        QFETCH(QString, input);
        QFETCH(QString, normalised);
        AuthError error;
        const QUrl url = ServerUrl::parse(input, &error);
        if (normalised.isEmpty()) {
            QVERIFY(!url.isValid() || url.isEmpty());
            QCOMPARE(error.kind, Kind::BadServerUrl);
            QVERIFY(!error.message.isEmpty());
        } else {
            QCOMPARE(ServerUrl::key(url), normalised);
            QVERIFY(!error.isError());
        }
    }

    void remoteHttpIsRefusedInWords()
    {
        AuthError error;
        ServerUrl::parse(QStringLiteral("http://chat.example.com"), &error);
        QVERIFY2(error.message.contains(QLatin1String("https://chat.example.com")),
                 qPrintable(error.message));
        QVERIFY2(error.message.contains(QLatin1String("unencrypted")), qPrintable(error.message));
    }

    void parseGood()
    {
        const QUrl server(QStringLiteral("http://127.0.0.1:3000"));
        AuthError error;
        const OidcConfiguration c
            = OidcDiscovery::parse(metadata(QStringLiteral("http://127.0.0.1:3000")), server, &error);
        QVERIFY2(!error.isError(), qPrintable(error.message));
        QVERIFY(c.isValid());
        QCOMPARE(c.tokenEndpoint.toString(), QStringLiteral("http://127.0.0.1:3000/token"));
        QCOMPARE(c.revocationEndpoint.toString(), QStringLiteral("http://127.0.0.1:3000/token/revocation"));
        QCOMPARE(c.issuer, QStringLiteral("http://127.0.0.1:3000"));

        const OidcConfiguration noRevocation
            = OidcDiscovery::parse(metadata(QStringLiteral("http://127.0.0.1:3000"), false), server, &error);
        QVERIFY(noRevocation.isValid());
        QVERIFY(!noRevocation.revocationEndpoint.isValid());
    }

    void parseBad_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("server");
        QTest::newRow("html") << QByteArray("<html>hello</html>") << "http://127.0.0.1:1";
        QTest::newRow("array") << QByteArray("[]") << "http://127.0.0.1:1";
        QTest::newRow("no token endpoint")
            << QByteArray("{\"issuer\":\"x\",\"authorization_endpoint\":\"http://127.0.0.1/a\"}")
            << "http://127.0.0.1:1";
        QTest::newRow("no issuer") << QByteArray(
            "{\"authorization_endpoint\":\"http://127.0.0.1/a\",\"token_endpoint\":\"http://127.0.0.1/t\"}")
                                   << "http://127.0.0.1:1";
        QTest::newRow("plain pkce only")
            << metadata(QStringLiteral("http://127.0.0.1:1"), true, QStringLiteral("[\"plain\"]"))
            << "http://127.0.0.1:1";
        QTest::newRow("http endpoint on https server")
            << metadata(QStringLiteral("http://127.0.0.1:1")) << "https://chat.example.com";
        QTest::newRow("remote http endpoint")
            << metadata(QStringLiteral("http://evil.example.com")) << "http://127.0.0.1:1";
    }

    void parseBad()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, server);
        AuthError error;
        const OidcConfiguration c = OidcDiscovery::parse(json, QUrl(server), &error);
        QCOMPARE(error.kind, Kind::NotRingServer);
        QVERIFY2(error.message.contains(QLatin1String("is not a Ring server")), qPrintable(error.message));
        Q_UNUSED(c);
    }

    void discoverOverHttp()
    {
        StubHttpServer stub([&](const StubRequest &r) -> std::optional<StubResponse> {
            if (r.path == "/.well-known/openid-configuration")
                return StubResponse { 200, metadata(QStringLiteral("http://127.0.0.1:1")) };
            return StubResponse { 404, "{}" };
        });
        QNetworkAccessManager nam;
        OidcDiscovery d(&nam);
        const Outcome o = discover(d, stub.url());
        QVERIFY2(!o.error.isError(), qPrintable(o.error.message));
        QVERIFY(o.config.isValid());
        QCOMPARE(stub.requests.size(), 1);
    }

    void notARingServer()
    {
        StubHttpServer stub([](const StubRequest &) -> std::optional<StubResponse> {
            return StubResponse { 404, "<html>Not found</html>", "text/html" };
        });
        QNetworkAccessManager nam;
        OidcDiscovery d(&nam);
        const Outcome o = discover(d, stub.url());
        QCOMPARE(o.error.kind, Kind::NotRingServer);
        QVERIFY2(o.error.message.contains(QLatin1String("not a Ring server")), qPrintable(o.error.message));
    }

    void serverProblem()
    {
        StubHttpServer stub([](const StubRequest &) -> std::optional<StubResponse> {
            return StubResponse { 503, "" };
        });
        QNetworkAccessManager nam;
        OidcDiscovery d(&nam);
        const Outcome o = discover(d, stub.url());
        QCOMPARE(o.error.kind, Kind::ServerError);
        QVERIFY(o.error.message.contains(QLatin1String("503")));
    }

    void notReachable()
    {
        // A port that was just free: nothing listens there.
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
        const quint16 port = probe.serverPort();
        probe.close();
        QNetworkAccessManager nam;
        OidcDiscovery d(&nam);
        const Outcome o = discover(d, QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port)));
        QCOMPARE(o.error.kind, Kind::Unreachable);
        QVERIFY2(o.error.message.contains(QLatin1String("Cannot reach 127.0.0.1")),
                 qPrintable(o.error.message));
        QVERIFY(o.error.message.contains(QLatin1String("refused")));
    }

    void timesOut()
    {
        StubHttpServer stub([](const StubRequest &) -> std::optional<StubResponse> { return std::nullopt; });
        QNetworkAccessManager nam;
        OidcDiscovery d(&nam);
        d.setTimeoutMs(300);
        const Outcome o = discover(d, stub.url());
        QCOMPARE(o.error.kind, Kind::Timeout);
        QVERIFY(o.error.message.contains(QLatin1String("did not answer in time")));
    }

    void tlsFailure()
    {
        // A server that answers a TLS hello with plain text: the handshake fails.
        QTcpServer plain;
        QVERIFY(plain.listen(QHostAddress::LocalHost, 0));
        connect(&plain, &QTcpServer::newConnection, this, [&plain] {
            while (QTcpSocket *s = plain.nextPendingConnection()) {
                connect(s, &QTcpSocket::readyRead, s, [s] {
                    s->readAll();
                    s->write("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
                    s->disconnectFromHost();
                });
            }
        });
        QNetworkAccessManager nam;
        OidcDiscovery d(&nam);
        const Outcome o = discover(d, QUrl(QStringLiteral("https://127.0.0.1:%1").arg(plain.serverPort())));
        QCOMPARE(o.error.kind, Kind::Tls);
        QVERIFY2(o.error.message.contains(QLatin1String("secure (TLS) connection")),
                 qPrintable(o.error.message));
    }
};

QTEST_GUILESS_MAIN(TestDiscovery)
#include "tst_discovery.moc"
