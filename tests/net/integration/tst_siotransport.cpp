// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The WebSocket transport (QWebSocket) against the real socket.io 4.8 server, over ws://
// and over wss:// with a test CA made at test time and trusted by this process only:
// text in every script and large messages both ways, the polling -> wss upgrade, the
// incoming size limit, a refused handshake, and certificates that must be refused
// (untrusted, expired, issued for another host) with a sentence that names the problem.

#include "siotestsupport.h"
#include "testca.h"

#include <QRegularExpression>
#include <QSignalSpy>
#include <QTest>

using namespace ringchat::net;
using namespace ringchat::net::test;

namespace {

const QStringList kWebsocket { QStringLiteral("websocket") };

QUrl tlsUrl(int port)
{
    return QUrl(QStringLiteral("https://127.0.0.1:%1").arg(port));
}

// The ack of `whoami`: {id, transport, recovered, rooms}.
QJsonObject whoami(SocketIoClient &client)
{
    const AckResult result = emitAndWait(client, QStringLiteral("whoami"), Payload());
    return !result.ok() ? QJsonObject() : result.payload.args().at(0).toObject();
}

} // namespace

class TestSioTransport : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void carriesTextAndBinary_data();
    void carriesTextAndBinary();
    void pollingUpgradesToWss();
    void refusedCertificateIsNamed_data();
    void refusedCertificateIsNamed();
    void incomingSizeLimit();
    void refusedHandshakeIsNamed();

private:
    TestCa m_ca;
};

void TestSioTransport::initTestCase()
{
    QVERIFY2(m_ca.create(), qPrintable(m_ca.error()));
    m_ca.trustInThisProcess();
}

void TestSioTransport::carriesTextAndBinary_data()
{
    QTest::addColumn<bool>("tls");
    QTest::newRow("ws://") << false;
    QTest::newRow("wss://") << true;
}

void TestSioTransport::carriesTextAndBinary()
{
    QFETCH(bool, tls);
    const TestCa::Leaf leaf = m_ca.valid();
    PrivateServer server(tls ? QStringList { QStringLiteral("--tls-cert"), leaf.certFile,
                                             QStringLiteral("--tls-key"), leaf.keyFile }
                             : QStringList());
    QVERIFY2(server.start(), qPrintable(server.errorText()));
    SocketIoOptions options = baseOptions(server.port());
    if (tls)
        options.serverUrl = tlsUrl(server.port());
    options.transports = kWebsocket;
    options.upgrade = false;
    SocketIoClient client(options);
    QVERIFY(openAndWait(client));
    QCOMPARE(whoami(client).value(QStringLiteral("transport")).toString(), QStringLiteral("websocket"));

    // Every script and a character outside the BMP survive the UTF-16 round trip.
    const QString text = QStringLiteral("héllo Привіт 你好 ✓ \U0001D11E \"quoted\" \\ end");
    const AckResult echo
        = emitAndWait(client, QStringLiteral("echo"), QJsonObject { { QStringLiteral("text"), text } });
    QVERIFY2(!!echo.ok(), qPrintable(echo.error));
    QCOMPARE(echo.payload.args().at(0).toObject().value(QStringLiteral("text")).toString(), text);

    // Large messages in both directions: a 1 MB string and a 1 MB binary.
    QSignalSpy large(&client, &SocketIoClient::eventReceived);
    const int size = 1024 * 1024;
    client.emitEvent(QStringLiteral("emit_large"),
                     QJsonObject { { QStringLiteral("event"), QStringLiteral("large") },
                                   { QStringLiteral("size"), size } });
    QTRY_COMPARE_WITH_TIMEOUT(large.size(), 1, 20000);
    const Payload payload = large.at(0).at(1).value<Payload>();
    QCOMPARE(payload.args().at(0).toString().size(), size);
    QCOMPARE(binaryAt(payload, payload.args().at(1)), QByteArray(size, char(0xab)));
    const QByteArray blob(size, 'z');
    const AckResult binaryEcho = emitAndWait(client, QStringLiteral("echo"), payloadOf({ blob }));
    QVERIFY2(!!binaryEcho.ok(), qPrintable(binaryEcho.error));
    QCOMPARE(binaryAt(binaryEcho.payload, binaryEcho.payload.args().at(0)), blob);
}

void TestSioTransport::pollingUpgradesToWss()
{
    const TestCa::Leaf leaf = m_ca.valid();
    PrivateServer server(
        { QStringLiteral("--tls-cert"), leaf.certFile, QStringLiteral("--tls-key"), leaf.keyFile });
    QVERIFY2(server.start(), qPrintable(server.errorText()));
    SocketIoOptions options = baseOptions(server.port());
    options.serverUrl = tlsUrl(server.port());
    options.transports = { QStringLiteral("polling"), QStringLiteral("websocket") };
    SocketIoClient client(options);
    QVERIFY(openAndWait(client));
    QTRY_COMPARE_WITH_TIMEOUT(whoami(client).value(QStringLiteral("transport")).toString(),
                              QStringLiteral("websocket"), 10000);
}

void TestSioTransport::refusedCertificateIsNamed_data()
{
    QTest::addColumn<QString>("leafName");
    QTest::addColumn<QString>("sentencePattern"); // case-insensitive
    QTest::newRow("untrusted") << QStringLiteral("selfSigned") << QStringLiteral("trust");
    QTest::newRow("expired") << QStringLiteral("expired") << QStringLiteral("expired");
    QTest::newRow("wrong host") << QStringLiteral(
        "wrongHost") << QStringLiteral("127\\.0\\.0\\.1.*(name|host)|(name|host).*127\\.0\\.0\\.1");
}

void TestSioTransport::refusedCertificateIsNamed()
{
    QFETCH(QString, leafName);
    QFETCH(QString, sentencePattern);
    const TestCa::Leaf leaf = leafName == QLatin1String("selfSigned") ? m_ca.selfSigned()
        : leafName == QLatin1String("expired")                        ? m_ca.expired()
                                                                      : m_ca.wrongHost();
    PrivateServer server(
        { QStringLiteral("--tls-cert"), leaf.certFile, QStringLiteral("--tls-key"), leaf.keyFile });
    QVERIFY2(server.start(), qPrintable(server.errorText()));
    SocketIoOptions options = baseOptions(server.port());
    options.serverUrl = tlsUrl(server.port());
    options.autoReconnect = false; // WebSocket first, then polling; both over TLS only
    SocketIoClient client(options);
    QSignalSpy connected(&client, &SocketIoClient::connected);
    QSignalSpy failed(&client, &SocketIoClient::connectFailed);
    client.open();
    QVERIFY(failed.wait(15000));
    const QString sentence = failed.at(0).at(1).toString();
    QVERIFY2(QRegularExpression(sentencePattern, QRegularExpression::CaseInsensitiveOption)
                 .match(sentence)
                 .hasMatch(),
             qPrintable(sentence));
    QTest::qWait(200);
    QCOMPARE(connected.size(), 0);
    QCOMPARE(failed.size(), 1);
}

void TestSioTransport::incomingSizeLimit()
{
    PrivateServer server;
    QVERIFY2(server.start(), qPrintable(server.errorText()));
    SocketIoOptions options = baseOptions(server.port());
    options.transports = kWebsocket;
    options.upgrade = false;
    options.autoReconnect = false;
    options.maxIncomingBytes = 10000;
    SocketIoClient client(options);
    QVERIFY(openAndWait(client));
    QSignalSpy events(&client, &SocketIoClient::eventReceived);
    QSignalSpy disconnected(&client, &SocketIoClient::disconnected);
    client.emitEvent(QStringLiteral("emit_back"),
                     QJsonObject { { QStringLiteral("event"), QStringLiteral("small") },
                                   { QStringLiteral("args"), QJsonArray { QString(9000, u'a') } } });
    QTRY_COMPARE_WITH_TIMEOUT(events.size(), 1, 10000);
    client.emitEvent(QStringLiteral("emit_back"),
                     QJsonObject { { QStringLiteral("event"), QStringLiteral("big") },
                                   { QStringLiteral("args"), QJsonArray { QString(20000, u'a') } } });
    QVERIFY(disconnected.wait(10000));
    QCOMPARE(disconnected.at(0).at(0).toString(), QStringLiteral("parse error"));
    QCOMPARE(events.size(), 1);
}

void TestSioTransport::refusedHandshakeIsNamed()
{
    // A polling-only server refuses the WebSocket handshake (HTTP 400).
    PrivateServer server({ QStringLiteral("--transports"), QStringLiteral("polling") });
    QVERIFY2(server.start(), qPrintable(server.errorText()));
    SocketIoOptions options = baseOptions(server.port());
    options.transports = kWebsocket;
    options.autoReconnect = false;
    SocketIoClient client(options);
    QSignalSpy failed(&client, &SocketIoClient::connectFailed);
    client.open();
    QVERIFY(failed.wait(15000));
    QCOMPARE(failed.at(0).at(0).toString(), QStringLiteral("transport error"));
    const QString sentence = failed.at(0).at(1).toString();
    QVERIFY2(sentence.contains(QLatin1String("127.0.0.1")) && sentence.contains(QLatin1String("400")),
             qPrintable(sentence));
}

QTEST_GUILESS_MAIN(TestSioTransport)
#include "tst_siotransport.moc"
