// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The proxy setting: what the user may type, how the System mode reads the
// environment, and what Qt then does with the application-wide proxy.
#include "core/networkproxy.h"

#include "auth/accountsettings.h"

#include <QFile>
#include <QHash>
#include <QTemporaryDir>
#include <QTest>

using ringchat::EnvironmentProxyFactory;
using ringchat::NetworkProxy;

namespace {

QNetworkProxy first(EnvironmentProxyFactory &factory, const QNetworkProxyQuery &query)
{
    const QList<QNetworkProxy> proxies = factory.queryProxy(query);
    return proxies.isEmpty() ? QNetworkProxy(QNetworkProxy::DefaultProxy) : proxies.first();
}

EnvironmentProxyFactory factoryWith(QHash<QByteArray, QString> variables)
{
    return EnvironmentProxyFactory([variables](const char *name) { return variables.value(name); });
}

QNetworkProxyQuery webSocket(const QString &host, int port, const QString &tag = QStringLiteral("https"))
{
    return QNetworkProxyQuery(host, port, tag, QNetworkProxyQuery::TcpSocket);
}

QNetworkProxyQuery request(const QString &url)
{
    return QNetworkProxyQuery(QUrl(url));
}

} // namespace

class TestNetworkProxy : public QObject
{
    Q_OBJECT

private slots:
    void cleanup() { NetworkProxy::none().apply(); }

    void parsesTheThreeModes()
    {
        QString error;
        QCOMPARE(NetworkProxy::parse(QStringLiteral("system"), &error)->mode(), NetworkProxy::Mode::System);
        QCOMPARE(NetworkProxy::parse(QStringLiteral(" None "), &error)->mode(), NetworkProxy::Mode::None);
        const auto http = NetworkProxy::parse(QStringLiteral("http://proxy.example.com:3128"), &error);
        QVERIFY2(http, qPrintable(error));
        QCOMPARE(http->mode(), NetworkProxy::Mode::Manual);
        QCOMPARE(http->url(), QStringLiteral("http://proxy.example.com:3128"));
        QVERIFY(http->user().isEmpty());
        const auto socks = NetworkProxy::parse(QStringLiteral("socks5://10.0.0.1:1080"), &error);
        QVERIFY2(socks, qPrintable(error));
        QCOMPARE(socks->url(), QStringLiteral("socks5://10.0.0.1:1080"));
    }

    void keepsCredentialsOutOfTheUrl()
    {
        QString error;
        const auto proxy
            = NetworkProxy::manual(QStringLiteral("socks5://ann:p%40ss%3Aword@proxy:1080"), &error);
        QVERIFY2(proxy, qPrintable(error));
        QCOMPARE(proxy->user(), QStringLiteral("ann"));
        QVERIFY(proxy->hasPassword());
        QCOMPARE(proxy->url(), QStringLiteral("socks5://proxy:1080"));
    }

    void badInputGetsASentence_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("sentence");
        QTest::newRow("ftp") << "ftp://x"
                             << "The proxy type \"ftp\" is not supported: use http:// or socks5://.";
        QTest::newRow("socks4") << "socks4://x:1080"
                                << "The proxy type \"socks4\" is not supported";
        QTest::newRow("https") << "https://proxy:3128"
                               << "A proxy reached over https:// is not supported";
        QTest::newRow("no scheme")
            << "proxy:3128"
            << "\"proxy:3128\" is not a proxy address: write it as http://host:port or "
               "socks5://host:port.";
        QTest::newRow("no port") << "http://proxy"
                                 << "The proxy address \"http://proxy\" has no port: add it, e.g. "
                                    "http://proxy:3128.";
        QTest::newRow("path") << "http://proxy:3128/wpad.dat"
                              << "must have no path";
        QTest::newRow("empty") << ""
                               << "The proxy address is empty";
        QTest::newRow("no host") << "http://:3128"
                                 << "has no host name";
    }

    void badInputGetsASentence()
    {
        QFETCH(QString, input);
        QFETCH(QString, sentence);
        QString error;
        QVERIFY(!NetworkProxy::manual(input, &error));
        QVERIFY2(error.contains(sentence), qPrintable(error));
        QVERIFY(error.endsWith(u'.'));
    }

    void sentencesNeverShowThePassword()
    {
        QString error;
        QVERIFY(!NetworkProxy::manual(QStringLiteral("http://ann:hunter2@proxy"), &error));
        QVERIFY2(error.contains(QLatin1String("\"http://proxy\"")), qPrintable(error));
        QVERIFY(!error.contains(QLatin1String("hunter2")));
        QVERIFY(!NetworkProxy::manual(QStringLiteral("gopher://ann:hunter2@proxy:70"), &error));
        QVERIFY(!error.contains(QLatin1String("hunter2")));
    }

    void environmentPicksTheVariableOfTheScheme()
    {
        auto factory = factoryWith({ { "https_proxy", QStringLiteral("http://secure:3128") },
                                     { "http_proxy", QStringLiteral("http://plain:3128") } });
        QCOMPARE(first(factory, request(QStringLiteral("https://ring.test/api"))).hostName(),
                 QStringLiteral("secure"));
        // Qt 6.4 with libproxy would send a WebSocket (a tcp:// query) to http_proxy.
        QCOMPARE(first(factory, webSocket(QStringLiteral("ring.test"), 443)).hostName(),
                 QStringLiteral("secure"));
        QCOMPARE(first(factory, request(QStringLiteral("wss://ring.test/socket.io/"))).hostName(),
                 QStringLiteral("secure"));
        QCOMPARE(first(factory, request(QStringLiteral("http://ring.test/"))).hostName(),
                 QStringLiteral("plain"));
        QCOMPARE(
            first(factory, webSocket(QStringLiteral("ring.test"), 80, QStringLiteral("http"))).hostName(),
            QStringLiteral("plain"));
    }

    void environmentFallsBackToAllProxyThenHttpProxy()
    {
        auto socks = factoryWith({ { "all_proxy", QStringLiteral("socks5://ann:pw@socks:1081") },
                                   { "http_proxy", QStringLiteral("http://plain:3128") } });
        const QNetworkProxy proxy = first(socks, webSocket(QStringLiteral("ring.test"), 443));
        QCOMPARE(proxy.type(), QNetworkProxy::Socks5Proxy);
        QCOMPARE(proxy.hostName(), QStringLiteral("socks"));
        QCOMPARE(proxy.port(), quint16(1081));
        QCOMPARE(proxy.user(), QStringLiteral("ann"));
        QCOMPARE(proxy.password(), QStringLiteral("pw"));

        auto httpOnly = factoryWith({ { "HTTP_PROXY", QStringLiteral("plain:8080") } });
        const QNetworkProxy fallback = first(httpOnly, request(QStringLiteral("https://ring.test/")));
        QCOMPARE(fallback.type(), QNetworkProxy::HttpProxy);
        QCOMPARE(fallback.hostName(), QStringLiteral("plain"));
        QCOMPARE(fallback.port(), quint16(8080));

        auto noPort = factoryWith({ { "all_proxy", QStringLiteral("socks5h://socks") } });
        QCOMPARE(first(noPort, request(QStringLiteral("https://ring.test/"))).port(), quint16(1080));
    }

    void environmentLowercaseWins()
    {
        auto factory = factoryWith({ { "https_proxy", QStringLiteral("http://lower:1") },
                                     { "HTTPS_PROXY", QStringLiteral("http://upper:2") } });
        QCOMPARE(first(factory, request(QStringLiteral("https://ring.test/"))).hostName(),
                 QStringLiteral("lower"));
    }

    void brokenVariableMeansDirect()
    {
        auto factory = factoryWith({ { "https_proxy", QStringLiteral("ftp://nope:21") } });
        QCOMPARE(first(factory, request(QStringLiteral("https://ring.test/"))).type(),
                 QNetworkProxy::NoProxy);
    }

    void noProxyEntries_data()
    {
        QTest::addColumn<QString>("noProxy");
        QTest::addColumn<QString>("host");
        QTest::addColumn<int>("port");
        QTest::addColumn<bool>("bypassed");
        QTest::newRow("exact") << "ring.test"
                               << "ring.test" << 443 << true;
        QTest::newRow("suffix") << "example.com"
                                << "chat.example.com" << 443 << true;
        QTest::newRow("not a suffix of a label") << "example.com"
                                                 << "badexample.com" << 443 << false;
        QTest::newRow("leading dot") << ".example.com"
                                     << "chat.example.com" << 443 << true;
        QTest::newRow("leading dot, the domain itself") << ".example.com"
                                                        << "example.com" << 443 << true;
        QTest::newRow("star dot") << "*.example.com"
                                  << "a.b.example.com" << 443 << true;
        QTest::newRow("star") << "*"
                              << "anything.org" << 443 << true;
        QTest::newRow("case and spaces") << " foo.org , Ring.TEST "
                                         << "ring.test" << 443 << true;
        QTest::newRow("trailing dot") << "example.com."
                                      << "chat.example.com" << 443 << true;
        QTest::newRow("other host") << "ring.test"
                                    << "other.test" << 443 << false;
        QTest::newRow("ip") << "10.1.2.3"
                            << "10.1.2.3" << 443 << true;
        QTest::newRow("other ip") << "10.1.2.3"
                                  << "10.1.2.4" << 443 << false;
        QTest::newRow("cidr") << "10.0.0.0/8"
                              << "10.200.1.1" << 443 << true;
        QTest::newRow("cidr miss") << "10.0.0.0/8"
                                   << "11.0.0.1" << 443 << false;
        QTest::newRow("cidr is not a name") << "10.0.0.0/8"
                                            << "ring.test" << 443 << false;
        QTest::newRow("ipv6") << "[fd00::1]"
                              << "fd00::1" << 443 << true;
        QTest::newRow("ipv6 cidr") << "fd00::/8"
                                   << "fd12::5" << 443 << true;
        QTest::newRow("port match") << "ring.test:8443"
                                    << "ring.test" << 8443 << true;
        QTest::newRow("port miss") << "ring.test:8443"
                                   << "ring.test" << 443 << false;
        QTest::newRow("empty") << ""
                               << "ring.test" << 443 << false;
    }

    void noProxyEntries()
    {
        QFETCH(QString, noProxy);
        QFETCH(QString, host);
        QFETCH(int, port);
        QFETCH(bool, bypassed);
        QCOMPARE(EnvironmentProxyFactory::bypasses(noProxy, host, port), bypassed);
    }

    void noProxyAppliesToEveryKindOfConnection()
    {
        auto factory = factoryWith({ { "https_proxy", QStringLiteral("http://secure:3128") },
                                     { "NO_PROXY", QStringLiteral(".internal,ring.test:8443") } });
        QCOMPARE(first(factory, request(QStringLiteral("https://chat.internal/"))).type(),
                 QNetworkProxy::NoProxy);
        QCOMPARE(first(factory, webSocket(QStringLiteral("chat.internal"), 443)).type(),
                 QNetworkProxy::NoProxy);
        QCOMPARE(first(factory, request(QStringLiteral("https://ring.test:8443/"))).type(),
                 QNetworkProxy::NoProxy);
        QCOMPARE(first(factory, request(QStringLiteral("https://ring.test/"))).type(),
                 QNetworkProxy::HttpProxy);
    }

    void listeningSocketsNeverUseAProxy()
    {
        auto factory = factoryWith({ { "all_proxy", QStringLiteral("socks5://socks:1080") } });
        QCOMPARE(
            first(factory, QNetworkProxyQuery(quint16(0), QString(), QNetworkProxyQuery::TcpServer)).type(),
            QNetworkProxy::NoProxy);
    }

    void savedSettingKeepsThePasswordOut()
    {
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("settings.ini"));
        ringchat::auth::AccountSettings settings(file);
        QCOMPARE(settings.proxy().mode(), NetworkProxy::Mode::System);

        QString error;
        auto manual = NetworkProxy::manual(QStringLiteral("socks5://proxy.example.com:1080"), &error);
        QVERIFY2(manual, qPrintable(error));
        manual->setCredentials(QStringLiteral("ann"), QStringLiteral("hunter2"));
        settings.setProxy(*manual);
        const NetworkProxy saved = ringchat::auth::AccountSettings(file).proxy();
        QCOMPARE(saved.mode(), NetworkProxy::Mode::Manual);
        QCOMPARE(saved.url(), QStringLiteral("socks5://proxy.example.com:1080"));
        QCOMPARE(saved.user(), QStringLiteral("ann"));
        QVERIFY(!saved.hasPassword());
        QCOMPARE(ringchat::auth::AccountSettings::proxyPasswordKey(saved),
                 QStringLiteral("proxy/ann@proxy.example.com:1080"));
        QFile ini(file);
        QVERIFY(ini.open(QIODevice::ReadOnly));
        QVERIFY(!ini.readAll().contains("hunter2"));

        settings.setProxy(NetworkProxy::none());
        QCOMPARE(ringchat::auth::AccountSettings(file).proxy().mode(), NetworkProxy::Mode::None);
        QVERIFY(ringchat::auth::AccountSettings::proxyPasswordKey(NetworkProxy::none()).isEmpty());
    }

    void applyIsProcessWide()
    {
        QString error;
        auto manual = NetworkProxy::manual(QStringLiteral("http://proxy.example.com:3128"), &error);
        QVERIFY2(manual, qPrintable(error));
        manual->setCredentials(QStringLiteral("ann"), QStringLiteral("pw"));
        manual->apply();
        const QNetworkProxy used = NetworkProxy::proxyFor(QUrl(QStringLiteral("wss://ring.test/socket.io/")));
        QCOMPARE(used.type(), QNetworkProxy::HttpProxy);
        QCOMPARE(NetworkProxy::address(used), QStringLiteral("proxy.example.com:3128"));
        QCOMPARE(used.user(), QStringLiteral("ann"));
        // Qt's own rule: this computer is always reached directly.
        QCOMPARE(NetworkProxy::proxyFor(QUrl(QStringLiteral("http://127.0.0.1:3000"))).type(),
                 QNetworkProxy::NoProxy);
        QCOMPARE(NetworkProxy::proxyFor(QUrl(QStringLiteral("http://localhost:3000"))).type(),
                 QNetworkProxy::NoProxy);

        NetworkProxy::none().apply();
        QCOMPARE(NetworkProxy::proxyFor(QUrl(QStringLiteral("https://ring.test/"))).type(),
                 QNetworkProxy::NoProxy);

        qputenv("https_proxy", "socks5://127.0.0.1:1");
        NetworkProxy().apply();
        const QNetworkProxy system = NetworkProxy::proxyFor(QUrl(QStringLiteral("https://ring.test/")));
        qunsetenv("https_proxy");
        QCOMPARE(system.type(), QNetworkProxy::Socks5Proxy);
    }
};

QTEST_GUILESS_MAIN(TestNetworkProxy)
#include "tst_networkproxy.moc"
