// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// Every connection the client opens, through real proxies: Debian's tinyproxy (HTTP
// CONNECT) and microsocks (SOCKS5, with and without a user and password), to the
// reference server over https with a test CA that only this process trusts.
//
// The server is https://ring.test:<port>. Only the proxies resolve ring.test (see
// proxyprocess.h), so a request that reaches the server went through a proxy, and a
// request that bypasses the proxy cannot resolve the name at all.
#include "proxyprocess.h"
#include "referenceserver.h"
#include "testca.h"

#include "api/restclient.h"
#include "auth/accesstokensource.h"
#include "auth/oidcdiscovery.h"
#include "core/networkproxy.h"
#include "net/socketioclient.h"

#include <QElapsedTimer>
#include <QNetworkAccessManager>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <functional>
#include <memory>

using namespace ringchat;

namespace {

const char *const kProxyVariables[] = { "https_proxy", "http_proxy", "all_proxy", "no_proxy",
                                        "HTTPS_PROXY", "HTTP_PROXY", "ALL_PROXY", "NO_PROXY" };
const QString kPlace = QStringLiteral("Settings → Network");

void useManualProxy(const QString &url, const QString &user = {}, const QString &password = {})
{
    QString error;
    auto proxy = NetworkProxy::manual(url, &error);
    QVERIFY2(proxy, qPrintable(error));
    proxy->setCredentials(user, password);
    proxy->apply();
}

// Runs the event loop until done() or 20 s passed (the callers' own deadlines are shorter).
void waitUntil(const std::function<bool()> &done)
{
    QElapsedTimer clock;
    clock.start();
    while (!done() && clock.elapsed() < 20000)
        QTest::qWait(20);
}

struct Discovery
{
    auth::OidcConfiguration configuration;
    auth::AuthError error;
};

Discovery discover(const QUrl &server)
{
    QNetworkAccessManager nam;
    auth::OidcDiscovery discovery(&nam);
    discovery.setTimeoutMs(15000);
    Discovery result;
    bool done = false;
    discovery.discover(server, [&](const auth::OidcConfiguration &c, const auth::AuthError &e) {
        result = { c, e };
        done = true;
    });
    waitUntil([&done] { return done; });
    return result;
}

api::ApiResult<api::User> restMe(const QUrl &server, const QString &token)
{
    auth::FixedTokenSource tokens(token);
    api::RestClient client(server, &tokens);
    client.setTimeout(std::chrono::seconds(15));
    auto future = client.me();
    waitUntil([&future] { return future.isFinished(); });
    return future.isFinished() ? future.result() : api::ApiResult<api::User>();
}

// Connects a SocketIoClient with one transport only. Empty on success, else what happened.
QString socketIoFailure(const QUrl &server, const QString &token, const QString &transport)
{
    net::SocketIoOptions options;
    options.serverUrl = server;
    options.auth = QJsonObject { { QStringLiteral("token"), token } };
    options.transports = { transport };
    options.upgrade = false;
    options.autoReconnect = false;
    options.watchNetwork = false;
    options.connectTimeoutMs = 15000;
    net::SocketIoClient client(options);
    QSignalSpy connected(&client, &net::SocketIoClient::connected);
    QSignalSpy failed(&client, &net::SocketIoClient::connectFailed);
    QSignalSpy refused(&client, &net::SocketIoClient::connectError);
    client.open();
    waitUntil([&] { return !connected.isEmpty() || !failed.isEmpty() || !refused.isEmpty(); });
    if (!connected.isEmpty()) {
        const QString used = client.transportName();
        client.close();
        return used == transport ? QString()
                                 : QStringLiteral("connected over %1, not %2").arg(used, transport);
    }
    QStringList what;
    for (const QVariant &arg : failed.value(0))
        what << arg.toString();
    for (const QVariant &arg : refused.value(0))
        what << arg.toString();
    return what.isEmpty() ? QStringLiteral("no answer in 20 s") : what.join(QStringLiteral(" / "));
}

// The sentence of a WebSocket that failed (the transport's, when it gives one).
QString webSocketSentence(const QUrl &server, const QString &token)
{
    const QString failure = socketIoFailure(server, token, QStringLiteral("websocket"));
    return failure.section(QStringLiteral(" / "), 1);
}

} // namespace

class TestProxy : public QObject
{
    Q_OBJECT

    TestCa m_ca { { QStringLiteral("ring.test"), QStringLiteral("127.0.0.1") } };
    std::unique_ptr<ReferenceServer> m_server;
    QString m_token;
    std::unique_ptr<ProxyProcess> m_tinyproxy;
    std::unique_ptr<ProxyProcess> m_tinyproxyAuth;
    std::unique_ptr<ProxyProcess> m_socks;
    std::unique_ptr<ProxyProcess> m_socksAuth;

    QUrl server() const { return m_server->url(); }
    QString hostPort() const { return QStringLiteral("ring.test:%1").arg(m_server->port()); }

    ProxyProcess *proxy(const QString &name)
    {
        if (name == QLatin1String("tinyproxy"))
            return m_tinyproxy.get();
        if (name == QLatin1String("tinyproxy-auth"))
            return m_tinyproxyAuth.get();
        if (name == QLatin1String("microsocks"))
            return m_socks.get();
        return m_socksAuth.get();
    }

    static std::unique_ptr<ReferenceServer> startServer(const TestCa::Leaf &leaf, const QString &logName)
    {
        QProcessEnvironment env;
        env.insert(QStringLiteral("TLS_CERT"), leaf.certFile);
        env.insert(QStringLiteral("TLS_KEY"), leaf.keyFile);
        env.insert(QStringLiteral("PUBLIC_HOST"), QStringLiteral("ring.test"));
        env.insert(QStringLiteral("CONNECT_RATE_LIMIT"), QStringLiteral("1000"));
        auto server = std::make_unique<ReferenceServer>(env, logName);
        if (!server->start())
            qWarning("%s", qPrintable(server->error()));
        return server;
    }

private slots:
    void initTestCase()
    {
        // The runner's own proxy settings must not leak into the System mode cases.
        for (const char *name : kProxyVariables)
            qunsetenv(name);
        QVERIFY2(m_ca.create(), qPrintable(m_ca.error()));
        m_ca.trustInThisProcess();
        m_server = startServer(m_ca.valid(), QStringLiteral("proxy_integration"));
        QVERIFY2(m_server->isRunning(), qPrintable(m_server->error()));
        QCOMPARE(server().toString(), QStringLiteral("https://%1").arg(hostPort()));
        m_token = m_server->token(QStringLiteral("alice"));
        QVERIFY(!m_token.isEmpty());

        const QStringList names { QStringLiteral("ring.test") };
        m_tinyproxy = std::make_unique<ProxyProcess>(ProxyProcess::Kind::Tinyproxy);
        m_tinyproxyAuth = std::make_unique<ProxyProcess>(ProxyProcess::Kind::Tinyproxy, QStringLiteral("ann"),
                                                         QStringLiteral("tiny-secret"));
        m_socks = std::make_unique<ProxyProcess>(ProxyProcess::Kind::Microsocks);
        m_socksAuth = std::make_unique<ProxyProcess>(ProxyProcess::Kind::Microsocks, QStringLiteral("bob"),
                                                     QStringLiteral("socks-secret"));
        for (ProxyProcess *p : { m_tinyproxy.get(), m_tinyproxyAuth.get(), m_socks.get(), m_socksAuth.get() })
            QVERIFY2(p->start(names), qPrintable(p->error()));
        NetworkProxy::setWhereToConfigure(kPlace);
    }

    void cleanup()
    {
        NetworkProxy::none().apply();
        for (const char *name : kProxyVariables)
            qunsetenv(name);
    }

    void nothingReachesTheServerWithoutAProxy()
    {
        // The premise of every other case: this machine cannot resolve ring.test.
        NetworkProxy::none().apply();
        const auto me = restMe(server(), m_token);
        QVERIFY(!me.ok());
        QCOMPARE(me.error().message,
                 QStringLiteral("Cannot reach %1: the host name was not found. Check the address.")
                     .arg(hostPort()));
    }

    void everyConnectionGoesThroughTheProxy_data()
    {
        QTest::addColumn<QString>("proxyName");
        QTest::addColumn<QString>("user");
        QTest::addColumn<QString>("password");
        QTest::newRow("tinyproxy, HTTP CONNECT") << "tinyproxy" << QString() << QString();
        QTest::newRow("tinyproxy with a user and password") << "tinyproxy-auth"
                                                            << "ann"
                                                            << "tiny-secret";
        QTest::newRow("microsocks, SOCKS5") << "microsocks" << QString() << QString();
        QTest::newRow("microsocks with a user and password") << "microsocks-auth"
                                                             << "bob"
                                                             << "socks-secret";
    }

    void everyConnectionGoesThroughTheProxy()
    {
        QFETCH(QString, proxyName);
        QFETCH(QString, user);
        QFETCH(QString, password);
        ProxyProcess *p = proxy(proxyName);
        useManualProxy(p->url(), user, password);

        int tunnels = p->tunnelsTo(hostPort());
        const Discovery d = discover(server());
        QVERIFY2(!d.error.isError(), qPrintable(d.error.message));
        QCOMPARE(d.configuration.issuer, server().toString());
        QTRY_VERIFY2(p->tunnelsTo(hostPort()) > tunnels, qPrintable(p->log()));

        tunnels = p->tunnelsTo(hostPort());
        const auto me = restMe(server(), m_token);
        QVERIFY2(me.ok(), qPrintable(me.error().message));
        QCOMPARE(me.value().id, QStringLiteral("alice"));
        QTRY_VERIFY2(p->tunnelsTo(hostPort()) > tunnels, qPrintable(p->log()));

        for (const QString &transport : { QStringLiteral("websocket"), QStringLiteral("polling") }) {
            tunnels = p->tunnelsTo(hostPort());
            const QString failure = socketIoFailure(server(), m_token, transport);
            QVERIFY2(failure.isEmpty(), qPrintable(transport + QStringLiteral(": ") + failure));
            QTRY_VERIFY2(p->tunnelsTo(hostPort()) > tunnels,
                         qPrintable(transport + QStringLiteral(": ") + p->log()));
        }
    }

    void systemModeReadsTheEnvironment()
    {
        qputenv("https_proxy", m_tinyproxy->url().toUtf8());
        NetworkProxy().apply();
        int tunnels = m_tinyproxy->tunnelsTo(hostPort());
        const auto me = restMe(server(), m_token);
        QVERIFY2(me.ok(), qPrintable(me.error().message));
        QString failure = socketIoFailure(server(), m_token, QStringLiteral("websocket"));
        QVERIFY2(failure.isEmpty(), qPrintable(failure));
        QTRY_VERIFY(m_tinyproxy->tunnelsTo(hostPort()) >= tunnels + 2);

        // all_proxy, SOCKS5 included, for everything when no https_proxy is set.
        qunsetenv("https_proxy");
        qputenv("ALL_PROXY", m_socks->url().toUtf8());
        tunnels = m_socks->tunnelsTo(hostPort());
        QVERIFY2(!discover(server()).error.isError(), qPrintable(discover(server()).error.message));
        failure = socketIoFailure(server(), m_token, QStringLiteral("websocket"));
        QVERIFY2(failure.isEmpty(), qPrintable(failure));
        QTRY_VERIFY(m_socks->tunnelsTo(hostPort()) >= tunnels + 3);
    }

    void noProxyBypassesTheProxy()
    {
        qputenv("https_proxy", m_tinyproxy->url().toUtf8());
        qputenv("no_proxy", "example.org,.test");
        NetworkProxy().apply();
        const int tunnels = m_tinyproxy->tunnelsTo(hostPort());
        const auto me = restMe(server(), m_token);
        QVERIFY(!me.ok());
        // Straight to ring.test, which only the proxy could have resolved.
        QCOMPARE(me.error().message,
                 QStringLiteral("Cannot reach %1: the host name was not found. Check the address.")
                     .arg(hostPort()));
        QVERIFY(!socketIoFailure(server(), m_token, QStringLiteral("websocket")).isEmpty());
        QTest::qWait(200);
        QCOMPARE(m_tinyproxy->tunnelsTo(hostPort()), tunnels);
    }

    void aClosedProxyPortIsNamed_data()
    {
        QTest::addColumn<QString>("scheme");
        QTest::newRow("http") << "http";
        QTest::newRow("socks5") << "socks5";
    }

    void aClosedProxyPortIsNamed()
    {
        QFETCH(QString, scheme);
        const int port = ProxyProcess::closedPort();
        useManualProxy(QStringLiteral("%1://127.0.0.1:%2").arg(scheme).arg(port));
        const QString sentence
            = QStringLiteral("The proxy 127.0.0.1:%1 refused the connection. Check the proxy in %2.")
                  .arg(port)
                  .arg(kPlace);
        const auto me = restMe(server(), m_token);
        QCOMPARE(me.error().kind, api::ApiError::Kind::Network);
        QCOMPARE(me.error().message, sentence);
        const Discovery d = discover(server());
        QCOMPARE(d.error.kind, auth::AuthError::Kind::Unreachable);
        QCOMPARE(d.error.message, sentence);
        const QString webSocket = webSocketSentence(server(), m_token);
        QCOMPARE(webSocket, sentence);
    }

    void serverDownBehindTheProxy_data()
    {
        QTest::addColumn<QString>("proxyName");
        QTest::addColumn<QString>("sentence");
        QTest::newRow("tinyproxy")
            << "tinyproxy"
            << "The proxy 127.0.0.1:%1 did not open a connection to ring.test:%2: the server may "
               "be down, or the proxy does not allow connections to it.";
        QTest::newRow("microsocks")
            << "microsocks"
            << "Cannot reach ring.test:%2 through the proxy 127.0.0.1:%1: the connection was "
               "refused. Is the server running?";
    }

    void serverDownBehindTheProxy()
    {
        QFETCH(QString, proxyName);
        QFETCH(QString, sentence);
        ProxyProcess *p = proxy(proxyName);
        useManualProxy(p->url());
        const int port = ProxyProcess::closedPort();
        const QUrl down(QStringLiteral("https://ring.test:%1").arg(port));
        sentence = sentence.arg(p->port()).arg(port);
        const auto me = restMe(down, m_token);
        QCOMPARE(me.error().message, sentence);
        QCOMPARE(discover(down).error.message, sentence);
        const QString webSocket = webSocketSentence(down, m_token);
        QCOMPARE(webSocket, sentence);
    }

    void proxyCredentialsAreNamed_data()
    {
        QTest::addColumn<QString>("proxyName");
        QTest::addColumn<QString>("user");
        QTest::addColumn<QString>("password");
        QTest::addColumn<QString>("problem");
        QTest::newRow("tinyproxy, none given")
            << "tinyproxy-auth" << QString() << QString()
            << "needs a user name and password: set them in Settings → Network.";
        // tinyproxy answers a wrong password with 401, not 407: Qt cannot tell it from other errors.
        QTest::newRow("tinyproxy, wrong password")
            << "tinyproxy-auth"
            << "ann"
            << "wrong"
            << "did not open a connection to %1: it may have refused the user "
               "name and password, or the server may be down. Check the proxy "
               "in Settings → Network.";
        QTest::newRow("microsocks, none given")
            << "microsocks-auth" << QString() << QString()
            << "needs a user name and password: set them in Settings → Network.";
        QTest::newRow("microsocks, wrong password")
            << "microsocks-auth"
            << "bob"
            << "wrong"
            << "refused the user name and password. Check the proxy in "
               "Settings → Network.";
    }

    void proxyCredentialsAreNamed()
    {
        QFETCH(QString, proxyName);
        QFETCH(QString, user);
        QFETCH(QString, password);
        QFETCH(QString, problem);
        ProxyProcess *p = proxy(proxyName);
        useManualProxy(p->url(), user, password);
        const QString sentence
            = QStringLiteral("The proxy 127.0.0.1:%1 %2").arg(p->port()).arg(problem.arg(hostPort()));
        const auto me = restMe(server(), m_token);
        QVERIFY(!me.ok());
        QCOMPARE(me.error().message, sentence);
        const Discovery d = discover(server());
        QCOMPARE(d.error.message, sentence);
        const QString webSocket = webSocketSentence(server(), m_token);
        QCOMPARE(webSocket, sentence);
    }

    void refusedCertificatesAreNamed_data()
    {
        QTest::addColumn<QString>("leafName");
        QTest::addColumn<QString>("problem");
        QTest::newRow("expired") << "expired"
                                 << "the server's certificate expired on 2020-02-01.";
        QTest::newRow("wrong host")
            << "wrong-host"
            << "the server's certificate was issued for other names than ring.test (other.test).";
        QTest::newRow("self-signed") << "self-signed"
                                     << "the server's certificate is self-signed, so its issuer is "
                                        "untrusted.";
        QTest::newRow("untrusted issuer") << "untrusted"
                                          << "the server's certificate comes from an untrusted issuer "
                                             "(Ring Chat Test CA).";
    }

    void refusedCertificatesAreNamed()
    {
        QFETCH(QString, leafName);
        QFETCH(QString, problem);
        // A CA this process does not trust, for the untrusted issuer.
        TestCa stranger({ QStringLiteral("ring.test") });
        QVERIFY2(stranger.create(), qPrintable(stranger.error()));
        const TestCa::Leaf leaf = leafName == QLatin1String("expired") ? m_ca.expired()
            : leafName == QLatin1String("wrong-host")                  ? m_ca.wrongHost()
            : leafName == QLatin1String("self-signed")                 ? m_ca.selfSigned()
                                                                       : stranger.valid();
        auto refusing = startServer(leaf, QStringLiteral("proxy_tls_") + leafName);
        QVERIFY2(refusing->isRunning(), qPrintable(refusing->error()));
        useManualProxy(m_tinyproxy->url());

        const QString where = QStringLiteral("ring.test:%1").arg(refusing->port());
        QString sentence = QStringLiteral("The secure connection to %1 failed: %2").arg(where, problem);
        if (leafName == QLatin1String("untrusted"))
            sentence += QStringLiteral(" The proxy %1 may be intercepting secure connections.")
                            .arg(m_tinyproxy->url().mid(7));

        const Discovery d = discover(refusing->url());
        QCOMPARE(d.error.kind, auth::AuthError::Kind::Tls);
        QCOMPARE(d.error.message, sentence);
        const auto me = restMe(refusing->url(), m_token);
        QCOMPARE(me.error().kind, api::ApiError::Kind::Tls);
        QCOMPARE(me.error().message, sentence);
        const QString webSocket = webSocketSentence(refusing->url(), m_token);
        QCOMPARE(webSocket, sentence);
        QVERIFY(!socketIoFailure(refusing->url(), m_token, QStringLiteral("polling")).isEmpty());

        // Only tunnels went out: the proxy saw no plain request, the server no plain text.
        const QString proxyLog = m_tinyproxy->log();
        QVERIFY2(proxyLog.contains(QStringLiteral("CONNECT %1 HTTP").arg(where)), qPrintable(proxyLog));
        QVERIFY2(!proxyLog.contains(QLatin1String("GET http"))
                     && !proxyLog.contains(QLatin1String("POST http")),
                 qPrintable(proxyLog));
        refusing->stop();
        QVERIFY2(!refusing->log().contains(QLatin1String("plain http request")), qPrintable(refusing->log()));
    }

    void cliNamesTheProxyThatRefused_data()
    {
        QTest::addColumn<bool>("fromEnvironment");
        QTest::newRow("--proxy") << false;
        QTest::newRow("RINGCHAT_PROXY") << true;
    }

    void cliNamesTheProxyThatRefused()
    {
        QFETCH(bool, fromEnvironment);
        const int port = ProxyProcess::closedPort();
        const QString proxyUrl = QStringLiteral("http://127.0.0.1:%1").arg(port);
        QTemporaryDir home;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("RINGCHAT_TOKEN"), m_token);
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), home.path());
        env.insert(QStringLiteral("RINGCHAT_DATA_DIR"), home.path());
        QStringList args { QStringLiteral("--server"), server().toString(), QStringLiteral("conversations") };
        if (fromEnvironment)
            env.insert(QStringLiteral("RINGCHAT_PROXY"), proxyUrl);
        else
            args = QStringList { QStringLiteral("--proxy"), proxyUrl } + args;
        QProcess cli;
        cli.setProcessEnvironment(env);
        cli.start(QStringLiteral(RINGCHAT_CLI), args);
        QVERIFY(cli.waitForFinished(60000));
        const QString err = QString::fromUtf8(cli.readAllStandardError());
        QCOMPARE(cli.exitCode(), 4);
        QVERIFY2(err.contains(QStringLiteral("The proxy 127.0.0.1:%1 refused the connection.").arg(port)),
                 qPrintable(err));
    }

    void cliRefusesABadProxyValue()
    {
        QProcess cli;
        cli.start(QStringLiteral(RINGCHAT_CLI),
                  { QStringLiteral("--proxy"), QStringLiteral("ftp://x"), QStringLiteral("--server"),
                    server().toString(), QStringLiteral("conversations") });
        QVERIFY(cli.waitForFinished(30000));
        QCOMPARE(cli.exitCode(), 2);
        QCOMPARE(
            QString::fromUtf8(cli.readAllStandardError()).trimmed(),
            QStringLiteral(
                "ringchat-cli: --proxy: The proxy type \"ftp\" is not supported: use http:// or socks5://."));
    }
};

QTEST_GUILESS_MAIN(TestProxy)
#include "tst_proxy.moc"
