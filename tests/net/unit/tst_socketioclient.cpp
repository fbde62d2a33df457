// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// SocketIoClient against an in-process server that plays Engine.IO / Socket.IO byte by
// byte over WebSocket and HTTP long-polling.
#include "fakeserver.h"

#include "net/backoff.h"
#include "net/engineioclient.h"
#include "net/socketioclient.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTest>
#include <QUrlQuery>

using namespace ringchat::net;
using ringchat::test::FakeServer;
using ringchat::test::FakeSession;
using ringchat::test::Frame;

namespace {

SocketIoOptions optionsFor(const QUrl &url)
{
    SocketIoOptions options;
    options.serverUrl = url;
    options.auth = QJsonObject { { QStringLiteral("token"), QStringLiteral("t") } };
    options.reconnect.initialDelayMs = 50;
    options.reconnect.maxDelayMs = 200;
    options.randomSeed = 1;
    options.watchNetwork = false;
    return options;
}

QJsonObject obj(const char *json)
{
    return QJsonDocument::fromJson(json).object();
}

QJsonArray arr(const char *json)
{
    return QJsonDocument::fromJson(json).array();
}

} // namespace

class TestSocketIoClient : public QObject
{
    Q_OBJECT
private slots:
    void endpointUrls();
    void plainHttpToRemoteHostIsRefused();
    void connectSendsAuthAndReportsSocketId();
    void pingIsAnsweredWithPong();
    void deadLinkIsDetected();
    void pingsKeepTheLinkAlive();
    void wallClockJumpIsADeadLink();
    void eventsReachHandlers();
    void serverAskedAckIsAnsweredOnce();
    void emitWithAck();
    void ackTimeout();
    void ackErrorOnDisconnect();
    void emitWhileDisconnectedFails();
    void oversizedEmitIsRefused();
    void binaryFromServer();
    void binaryToServerAndBinaryAck();
    void malformedInputReconnects_data();
    void malformedInputReconnects();
    void serverMaySendBeyondItsMaxPayload();
    void parseErrorDuringHandshakeReconnects();
    void connectErrorDoesNotReconnect();
    void serverDisconnectDoesNotReconnect();
    void closePacketReconnects();
    void noopIsIgnored();
    void clientClose();
    void connectionStateRecovery();
    void eventsBeforeConnectReplyAreDelivered();
    void clientCloseOverPollingReachesServer();
    void backoffSequenceIsExact();
    void maxAttemptsGivesUp();
    void retryNowSkipsTheWait();
    void deleteMidHandshake_data();
    void deleteMidHandshake();
    void deleteInsideSignalHandlers();
    void pollingOnly();
    void fallsBackToPollingWhenWebSocketIsRefused();
    void upgradesPollingToWebSocketWithoutLoss();
    void deleteWithPendingPollingRequests();

private:
    // Connects a client to `server` and returns the server side of the session.
    FakeSession *connectClient(SocketIoClient &client, FakeServer &server);
};

FakeSession *TestSocketIoClient::connectClient(SocketIoClient &client, FakeServer &server)
{
    QSignalSpy connected(&client, &SocketIoClient::connected);
    const int before = server.sessions().size();
    client.open();
    if (!connected.wait(5000))
        return nullptr;
    return server.sessions().size() > before ? server.last() : nullptr;
}

void TestSocketIoClient::endpointUrls()
{
    QCOMPARE(EngineIoClient::endpointUrl(QUrl("http://example.org:3000"), "websocket").toString(),
             QStringLiteral("ws://example.org:3000/socket.io/?EIO=4&transport=websocket"));
    QCOMPARE(EngineIoClient::endpointUrl(QUrl("https://example.org/"), "websocket").toString(),
             QStringLiteral("wss://example.org/socket.io/?EIO=4&transport=websocket"));
    QCOMPARE(EngineIoClient::endpointUrl(QUrl("https://example.org/app?x=1"), "polling", "abc").toString(),
             QStringLiteral("https://example.org/socket.io/?EIO=4&transport=polling&sid=abc"));
    QCOMPARE(EngineIoClient::endpointUrl(QUrl("http://127.0.0.1:8080"), "websocket", "s1").toString(),
             QStringLiteral("ws://127.0.0.1:8080/socket.io/?EIO=4&transport=websocket&sid=s1"));
}

void TestSocketIoClient::plainHttpToRemoteHostIsRefused()
{
    // A token must never travel unencrypted off this machine: no connection is even tried.
    SocketIoOptions options;
    options.serverUrl = QUrl(QStringLiteral("http://chat.example.org"));
    options.auth = QJsonObject { { QStringLiteral("token"), QStringLiteral("secret") } };
    SocketIoClient client(options);
    QSignalSpy refused(&client, &SocketIoClient::connectError);
    QSignalSpy states(&client, &SocketIoClient::stateChanged);
    client.open();
    QVERIFY(refused.wait(2000));
    QVERIFY(refused.first().at(0).toString().contains(QStringLiteral("https://")));
    QCOMPARE(refused.first().at(1).toJsonValue().toObject().value(QStringLiteral("code")).toString(),
             QStringLiteral("INSECURE_URL"));
    QCOMPARE(client.state(), SocketIoClient::State::Disconnected);
    QCOMPARE(states.size(), 0);
}

void TestSocketIoClient::connectSendsAuthAndReportsSocketId()
{
    FakeServer server;
    QVERIFY(server.listen());
    SocketIoClient client(optionsFor(server.url()));
    QCOMPARE(client.state(), SocketIoClient::State::Disconnected);
    QSignalSpy connected(&client, &SocketIoClient::connected);
    QSignalSpy states(&client, &SocketIoClient::stateChanged);
    client.open();
    QCOMPARE(client.state(), SocketIoClient::State::Connecting);
    client.open(); // no-op while connecting
    QVERIFY(connected.wait(5000));
    QCOMPARE(connected.first().at(0).toString(), QStringLiteral("S1-io"));
    QCOMPARE(connected.first().at(1).toBool(), false);
    QCOMPARE(client.state(), SocketIoClient::State::Connected);
    QCOMPARE(client.socketId(), QStringLiteral("S1-io"));
    QCOMPARE(client.transportName(), QStringLiteral("websocket"));
    QCOMPARE(client.attempt(), 0);
    QCOMPARE(client.msUntilRetry(), -1);
    QCOMPARE(states.size(), 2);
    QCOMPARE(server.sessions().size(), 1);
    QCOMPARE(server.last()->texts("40"), QList<QByteArray> { R"(40{"token":"t"})" });
    const QUrl url = server.requestUrls().first();
    QCOMPARE(url.path(), QStringLiteral("/socket.io/"));
    QCOMPARE(QUrlQuery(url).queryItemValue("EIO"), QStringLiteral("4"));
    QCOMPARE(QUrlQuery(url).queryItemValue("transport"), QStringLiteral("websocket"));
}

void TestSocketIoClient::pingIsAnsweredWithPong()
{
    FakeServer server;
    QVERIFY(server.listen());
    SocketIoClient client(optionsFor(server.url()));
    FakeSession *session = connectClient(client, server);
    QVERIFY(session);
    session->send("2");
    QTRY_COMPARE(session->texts("3").size(), 1);
    QCOMPARE(session->texts("3").first(), QByteArray("3"));
    session->send("2");
    QTRY_COMPARE(session->texts("3").size(), 2);
}

void TestSocketIoClient::deadLinkIsDetected()
{
    FakeServer::Options options;
    options.pingInterval = 150;
    options.pingTimeout = 100;
    FakeServer server(options);
    QVERIFY(server.listen());
    SocketIoClient client(optionsFor(server.url()));
    QVERIFY(connectClient(client, server));
    QSignalSpy disconnected(&client, &SocketIoClient::disconnected);
    QSignalSpy connected(&client, &SocketIoClient::connected);
    QVERIFY(disconnected.wait(3000));
    QCOMPARE(disconnected.first().at(0).toString(), QStringLiteral("ping timeout"));
    // A ping timeout is not final: the client reconnects.
    QVERIFY(connected.wait(5000));
    QCOMPARE(server.sessions().size(), 2);
}

void TestSocketIoClient::pingsKeepTheLinkAlive()
{
    FakeServer::Options options;
    options.pingInterval = 150;
    options.pingTimeout = 150;
    FakeServer server(options);
    QVERIFY(server.listen());
    SocketIoClient client(optionsFor(server.url()));
    FakeSession *session = connectClient(client, server);
    QVERIFY(session);
    QSignalSpy disconnected(&client, &SocketIoClient::disconnected);
    for (int i = 0; i < 10; ++i) {
        QTest::qWait(100);
        session->send("2");
    }
    QCOMPARE(disconnected.size(), 0);
    QCOMPARE(client.state(), SocketIoClient::State::Connected);
    QTRY_COMPARE(session->texts("3").size(), 10);
}

static qint64 g_wallOffset = 0;
static qint64 shiftedWallClock()
{
    return QDateTime::currentMSecsSinceEpoch() + g_wallOffset;
}

void TestSocketIoClient::wallClockJumpIsADeadLink()
{
    // Monotonic timers stand still during suspend; the wall clock jumps. With the default
    // 25 s + 20 s heartbeat, a 60 s jump must be noticed within the 1 s wall-clock check.
    FakeServer server;
    QVERIFY(server.listen());
    SocketIoClient client(optionsFor(server.url()));
    g_wallOffset = 0;
    EngineIoClient::setWallClockForTesting(&shiftedWallClock);
    auto restore = qScopeGuard([] { EngineIoClient::setWallClockForTesting(nullptr); });
    QVERIFY(connectClient(client, server));
    QSignalSpy disconnected(&client, &SocketIoClient::disconnected);
    QTest::qWait(1200);
    QCOMPARE(disconnected.size(), 0);
    g_wallOffset = 60000;
    QVERIFY(disconnected.wait(3000));
    QCOMPARE(disconnected.first().at(0).toString(), QStringLiteral("ping timeout"));
}

void TestSocketIoClient::eventsReachHandlers()
{
    FakeServer server;
    QVERIFY(server.listen());
    SocketIoClient client(optionsFor(server.url()));
    Payload got;
    int calls = 0;
    bool hadReply = true;
    client.on("hello", [&](const Payload &payload, const Reply &reply) {
        got = payload;
        hadReply = bool(reply);
        ++calls;
    });
    QSignalSpy events(&client, &SocketIoClient::eventReceived);
    FakeSession *session = connectClient(client, server);
    QVERIFY(session);
    session->send(R"(42["hello",{"a":1},2,"three"])");
    QVERIFY(events.wait(3000));
    QCOMPARE(calls, 1);
    QCOMPARE(got.args(), arr(R"([{"a":1},2,"three"])"));
    QVERIFY(got.binaries.isEmpty());
    QVERIFY(!hadReply);
    QCOMPARE(events.first().at(0).toString(), QStringLiteral("hello"));
    QCOMPARE(events.first().at(1).value<Payload>().args(), got.args());
    // Events without handler still reach the signal; no-argument events are fine.
    session->send(R"(42["other"])");
    QVERIFY(events.wait(3000));
    QCOMPARE(events.last().at(0).toString(), QStringLiteral("other"));
    QVERIFY(events.last().at(1).value<Payload>().args().isEmpty());
    // Other namespaces are not ours.
    session->send(R"(42/admin,["hello",{}])");
    session->send(R"(42["done"])");
    QVERIFY(events.wait(3000));
    QCOMPARE(calls, 1);
}

void TestSocketIoClient::serverAskedAckIsAnsweredOnce()
{
    FakeServer server;
    QVERIFY(server.listen());
    SocketIoClient client(optionsFor(server.url()));
    client.on("question", [](const Payload &payload, const Reply &reply) {
        QVERIFY(reply);
        reply(Payload { QJsonArray { obj(R"({"ok":true})"), payload.args().at(0) }, {} });
        reply(Payload { QJsonArray { 1 }, {} }); // a second answer is ignored
    });
    FakeSession *session = connectClient(client, server);
    QVERIFY(session);
    session->send(R"(4215["question",{"x":1}])");
    QTRY_COMPARE(session->texts("43").size(), 1);
    QCOMPARE(session->texts("43").first(), QByteArray(R"(4315[{"ok":true},{"x":1}])"));
    QTest::qWait(100);
    QCOMPARE(session->texts("43").size(), 1);
}

void TestSocketIoClient::emitWithAck()
{
    FakeServer server;
    QVERIFY(server.listen());
    SocketIoClient client(optionsFor(server.url()));
    FakeSession *session = connectClient(client, server);
    QVERIFY(session);
    QList<AckResult> results;
    client.emitEvent("send_message", obj(R"({"content":"hi"})"),
                     [&](const AckResult &r) { results.append(r); });
    client.emitEvent("typing_start", obj(R"({"conversationId":"c1"})"));
    client.emitEvent("mark_read", Payload { arr(R"([{"upToSeq":3},"x"])"), {} },
                     [&](const AckResult &r) { results.append(r); });
    QTRY_COMPARE(session->texts("42").size(), 3);
    QCOMPARE(session->texts("42"),
             (QList<QByteArray> { R"(420["send_message",{"content":"hi"}])",
                                  R"(42["typing_start",{"conversationId":"c1"}])",
                                  R"(421["mark_read",{"upToSeq":3},"x"])" }));
    session->send(R"(431[{"ok":true,"lastReadSeq":3}])");
    session->send(R"(430[{"ok":false,"error":{"code":"BAD_REQUEST","message":"m"}}])");
    QTRY_COMPARE(results.size(), 2);
    QVERIFY(results.at(0).ok());
    QCOMPARE(results.at(0).payload.args(), arr(R"([{"ok":true,"lastReadSeq":3}])"));
    QVERIFY(results.at(1).ok()); // an application-level error is still a delivered ack
    QCOMPARE(results.at(1).payload.args().at(0).toObject().value("ok").toBool(), false);
    // A duplicate or unknown ack id is ignored.
    session->send(R"(430[{"ok":true}])");
    session->send(R"(4399[{"ok":true}])");
    QTest::qWait(100);
    QCOMPARE(results.size(), 2);
    QCOMPARE(client.state(), SocketIoClient::State::Connected);
}

void TestSocketIoClient::ackTimeout()
{
    FakeServer server;
    QVERIFY(server.listen());
    SocketIoClient client(optionsFor(server.url()));
    FakeSession *session = connectClient(client, server);
    QVERIFY(session);
    QList<AckResult> results;
    client.emitEvent(
        "slow", QJsonObject {}, [&](const AckResult &r) { results.append(r); }, 150);
    client.emitEvent(
        "fast", QJsonObject {}, [&](const AckResult &r) { results.append(r); }, 5000);
    QTRY_COMPARE(session->texts("42").size(), 2);
    session->send(R"(431[{"ok":true}])");
    QTRY_COMPARE(results.size(), 2);
    QVERIFY(results.at(0).ok());
    QCOMPARE(results.at(1).error, QStringLiteral("timeout"));
    // The late answer finds nobody waiting.
    session->send(R"(430[{"ok":true}])");
    QTest::qWait(100);
    QCOMPARE(results.size(), 2);
}

void TestSocketIoClient::ackErrorOnDisconnect()
{
    FakeServer server;
    QVERIFY(server.listen());
    SocketIoClient client(optionsFor(server.url()));
    FakeSession *session = connectClient(client, server);
    QVERIFY(session);
    QList<AckResult> results;
    QSignalSpy disconnected(&client, &SocketIoClient::disconnected);
    client.emitEvent("a", QJsonObject {}, [&](const AckResult &r) { results.append(r); });
    client.emitEvent("b", QJsonObject {}, [&](const AckResult &r) { results.append(r); });
    QTRY_COMPARE(session->texts("42").size(), 2);
    session->drop();
    QVERIFY(disconnected.wait(3000));
    QCOMPARE(disconnected.first().at(0).toString(), QStringLiteral("transport close"));
    QCOMPARE(results.size(), 2);
    QCOMPARE(results.at(0).error, QStringLiteral("disconnected"));
    QCOMPARE(results.at(1).error, QStringLiteral("disconnected"));
    QCOMPARE(client.state(), SocketIoClient::State::Reconnecting);
}

void TestSocketIoClient::emitWhileDisconnectedFails()
{
    SocketIoClient client(optionsFor(QUrl("http://127.0.0.1:1")));
    QList<AckResult> results;
    client.emitEvent("x", QJsonObject {}, [&](const AckResult &r) { results.append(r); });
    QCOMPARE(results.size(), 0); // never called back from inside emitEvent()
    QTRY_COMPARE(results.size(), 1);
    QCOMPARE(results.first().error, QStringLiteral("disconnected"));
}

void TestSocketIoClient::oversizedEmitIsRefused()
{
    FakeServer::Options options;
    options.maxPayload = 200;
    FakeServer server(options);
    QVERIFY(server.listen());
    SocketIoClient client(optionsFor(server.url()));
    FakeSession *session = connectClient(client, server);
    QVERIFY(session);
    QList<AckResult> results;
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression("exceeds the server's maxPayload"));
    client.emitEvent("big", QJsonObject { { "c", QString(300, 'x') } },
                     [&](const AckResult &r) { results.append(r); });
    client.emitEvent("small", QJsonObject { { "c", "x" } });
    QTRY_COMPARE(results.size(), 1);
    QCOMPARE(results.first().error, QStringLiteral("too large"));
    QTRY_COMPARE(session->texts("42").size(), 1);
    QVERIFY(session->texts("42").first().contains("small"));
    QCOMPARE(client.state(), SocketIoClient::State::Connected);
}

void TestSocketIoClient::binaryFromServer()
{
    FakeServer server;
    QVERIFY(server.listen());
    SocketIoClient client(optionsFor(server.url()));
    QSignalSpy events(&client, &SocketIoClient::eventReceived);
    FakeSession *session = connectClient(client, server);
    QVERIFY(session);
    const QByteArray first("\x00\x01\x02\xff", 4);
    session->send(R"(452-["file",{"_placeholder":true,"num":0},{"n":{"_placeholder":true,"num":1}}])");
    session->sendBinary(first);
    QTest::qWait(50);
    QCOMPARE(events.size(), 0); // waits for every attachment
    session->sendBinary("second");
    QVERIFY(events.wait(3000));
    const Payload payload = events.first().at(1).value<Payload>();
    QCOMPARE(payload.binaries, (QList<QByteArray> { first, "second" }));
    QCOMPARE(payload.args(), arr(R"([{"_placeholder":true,"num":0},{"n":{"_placeholder":true,"num":1}}])"));
}

void TestSocketIoClient::binaryToServerAndBinaryAck()
{
    FakeServer server;
    QVERIFY(server.listen());
    SocketIoClient client(optionsFor(server.url()));
    FakeSession *session = connectClient(client, server);
    QVERIFY(session);
    const QByteArray blob("\xde\xad\x00\xbe\xef", 5);
    QList<AckResult> results;
    client.emitEvent("upload",
                     Payload { arr(R"([{"name":"a","data":{"_placeholder":true,"num":0}}])"), { blob } },
                     [&](const AckResult &r) { results.append(r); });
    QTRY_COMPARE(session->binaries().size(), 1);
    QCOMPARE(session->texts("45"),
             QList<QByteArray> { R"(451-0["upload",{"data":{"_placeholder":true,"num":0},"name":"a"}])" });
    QCOMPARE(session->binaries().first(), blob);
    session->send(R"(461-0[{"_placeholder":true,"num":0}])");
    session->sendBinary("reply-bytes");
    QTRY_COMPARE(results.size(), 1);
    QVERIFY(results.first().ok());
    QCOMPARE(results.first().payload.binaries, QList<QByteArray> { "reply-bytes" });
    // And a binary Reply to a server-asked ack.
    client.on("get", [](const Payload &, const Reply &reply) {
        reply(Payload { arr(R"([{"_placeholder":true,"num":0}])"), { QByteArray("ans") } });
    });
    session->send(R"(427["get"])");
    QTRY_COMPARE(session->binaries().size(), 2);
    QCOMPARE(session->texts("46"), QList<QByteArray> { R"(461-7[{"_placeholder":true,"num":0}])" });
    QCOMPARE(session->binaries().last(), QByteArray("ans"));
}

void TestSocketIoClient::malformedInputReconnects_data()
{
    QTest::addColumn<QList<QByteArray>>("frames"); // "B:" prefix = binary frame
    QTest::newRow("bad json") << QList<QByteArray> { "42[\"a\",{" };
    QTest::newRow("unknown engine type") << QList<QByteArray> { "9hello" };
    QTest::newRow("unknown socket type") << QList<QByteArray> { "49" };
    QTest::newRow("event not array") << QList<QByteArray> { R"(42{"a":1})" };
    QTest::newRow("empty frame") << QList<QByteArray> { "" };
    QTest::newRow("stray binary") << QList<QByteArray> { "B:abc" };
    QTest::newRow("text instead of attachment")
        << QList<QByteArray> { R"(451-["a",{"_placeholder":true,"num":0}])", R"(42["b"])" };
    QTest::newRow("bad placeholder") << QList<QByteArray> { R"(451-["a",{"_placeholder":true,"num":4}])" };
    QTest::newRow("oversized") << QList<QByteArray> { "42[\"a\",\"" + QByteArray(300, 'x') + "\"]" };
    QTest::newRow("oversized binary")
        << QList<QByteArray> { R"(451-["a",{"_placeholder":true,"num":0}])", "B:" + QByteArray(300, 'y') };
}

void TestSocketIoClient::malformedInputReconnects()
{
    QFETCH(QList<QByteArray>, frames);
    FakeServer server;
    QVERIFY(server.listen());
    SocketIoOptions clientOptions = optionsFor(server.url());
    clientOptions.maxIncomingBytes = 256;
    SocketIoClient client(clientOptions);
    FakeSession *session = connectClient(client, server);
    QVERIFY(session);
    QList<AckResult> results;
    client.emitEvent("pending", QJsonObject {}, [&](const AckResult &r) { results.append(r); });
    QSignalSpy disconnected(&client, &SocketIoClient::disconnected);
    QSignalSpy connected(&client, &SocketIoClient::connected);
    // The reason is logged as a warning on ringchat.net.
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(".+"));
    for (const QByteArray &frame : frames) {
        if (frame.startsWith("B:"))
            session->sendBinary(frame.mid(2));
        else
            session->send(frame);
    }
    QVERIFY(disconnected.wait(3000));
    QCOMPARE(disconnected.first().at(0).toString(), QStringLiteral("parse error"));
    QCOMPARE(results.size(), 1);
    QCOMPARE(results.first().error, QStringLiteral("disconnected"));
    // Parse errors reconnect.
    QVERIFY(connected.wait(5000));
    QCOMPARE(server.sessions().size(), 2);
    QCOMPARE(client.state(), SocketIoClient::State::Connected);
}

void TestSocketIoClient::parseErrorDuringHandshakeReconnects()
{
    FakeServer::Options options;
    options.autoConnect = false;
    FakeServer server(options);
    QVERIFY(server.listen());
    int sessions = 0;
    connect(&server, &FakeServer::sessionOpened, this, [&](FakeSession *session) {
        const bool bad = ++sessions == 1;
        connect(session, &FakeSession::frameReceived, session, [session, bad](const Frame &frame) {
            if (frame.data.startsWith("40"))
                session->send(bad ? QByteArray("40[\"not an object\"]") : QByteArray(R"(40{"sid":"ok"})"));
        });
    });
    SocketIoClient client(optionsFor(server.url()));
    QSignalSpy failed(&client, &SocketIoClient::connectFailed);
    QSignalSpy connected(&client, &SocketIoClient::connected);
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression("malformed Socket.IO packet"));
    client.open();
    QVERIFY(connected.wait(5000));
    QCOMPARE(failed.size(), 1);
    QCOMPARE(failed.first().at(0).toString(), QStringLiteral("parse error"));
    QCOMPARE(connected.first().at(0).toString(), QStringLiteral("ok"));
}

void TestSocketIoClient::serverMaySendBeyondItsMaxPayload()
{
    // maxPayload limits what the server accepts; what it sends may be larger.
    FakeServer::Options options;
    options.maxPayload = 256;
    FakeServer server(options);
    QVERIFY(server.listen());
    SocketIoClient client(optionsFor(server.url()));
    QSignalSpy events(&client, &SocketIoClient::eventReceived);
    FakeSession *session = connectClient(client, server);
    QVERIFY(session);
    session->send("42[\"big\",\"" + QByteArray(5000, 'x') + "\"]");
    QVERIFY(events.wait(3000));
    QCOMPARE(events.first().at(1).value<Payload>().args().at(0).toString().size(), 5000);
    QCOMPARE(client.state(), SocketIoClient::State::Connected);
}

void TestSocketIoClient::connectErrorDoesNotReconnect()
{
    FakeServer::Options options;
    options.autoConnect = false;
    FakeServer server(options);
    QVERIFY(server.listen());
    connect(&server, &FakeServer::sessionOpened, this, [](FakeSession *session) {
        connect(session, &FakeSession::frameReceived, session, [session](const Frame &frame) {
            if (frame.data.startsWith("40"))
                session->send(R"(44{"message":"invalid token","data":{"code":"INVALID_TOKEN"}})");
        });
    });
    SocketIoClient client(optionsFor(server.url()));
    QSignalSpy errors(&client, &SocketIoClient::connectError);
    QSignalSpy connected(&client, &SocketIoClient::connected);
    QSignalSpy scheduled(&client, &SocketIoClient::reconnectScheduled);
    client.open();
    QVERIFY(errors.wait(3000));
    QCOMPARE(errors.first().at(0).toString(), QStringLiteral("invalid token"));
    QCOMPARE(errors.first().at(1).toJsonValue().toObject().value("code").toString(),
             QStringLiteral("INVALID_TOKEN"));
    QCOMPARE(client.state(), SocketIoClient::State::Disconnected);
    QCOMPARE(client.msUntilRetry(), -1);
    QTest::qWait(500); // ten times the reconnect delay
    QCOMPARE(server.sessions().size(), 1);
    QCOMPARE(scheduled.size(), 0);
    QCOMPARE(connected.size(), 0);
    // The caller may try again with new credentials.
    client.setAuth(QJsonObject { { "token", "fresh" } });
    server.options().autoConnect = true;
    client.open();
    QTRY_COMPARE(connected.size(), 1);
    QCOMPARE(server.last()->texts("40").first(), QByteArray(R"(40{"token":"fresh"})"));
}

void TestSocketIoClient::serverDisconnectDoesNotReconnect()
{
    FakeServer server;
    QVERIFY(server.listen());
    SocketIoClient client(optionsFor(server.url()));
    FakeSession *session = connectClient(client, server);
    QVERIFY(session);
    QSignalSpy disconnected(&client, &SocketIoClient::disconnected);
    QSignalSpy scheduled(&client, &SocketIoClient::reconnectScheduled);
    session->send("41");
    QVERIFY(disconnected.wait(3000));
    QCOMPARE(disconnected.first().at(0).toString(), QStringLiteral("io server disconnect"));
    QCOMPARE(client.state(), SocketIoClient::State::Disconnected);
    QTest::qWait(500);
    QCOMPARE(server.sessions().size(), 1);
    QCOMPARE(scheduled.size(), 0);
    QVERIFY(connectClient(client, server));
}

void TestSocketIoClient::closePacketReconnects()
{
    FakeServer server;
    QVERIFY(server.listen());
    SocketIoClient client(optionsFor(server.url()));
    FakeSession *session = connectClient(client, server);
    QVERIFY(session);
    QSignalSpy disconnected(&client, &SocketIoClient::disconnected);
    QSignalSpy connected(&client, &SocketIoClient::connected);
    QSignalSpy scheduled(&client, &SocketIoClient::reconnectScheduled);
    session->send("1");
    QVERIFY(disconnected.wait(3000));
    QCOMPARE(disconnected.first().at(0).toString(), QStringLiteral("transport close"));
    QCOMPARE(client.state(), SocketIoClient::State::Reconnecting);
    QCOMPARE(scheduled.size(), 1);
    QCOMPARE(scheduled.first().at(0).toInt(), 1);
    QCOMPARE(client.attempt(), 1);
    QVERIFY(connected.wait(3000));
    QCOMPARE(client.attempt(), 0);
    QCOMPARE(server.sessions().size(), 2);
}

void TestSocketIoClient::noopIsIgnored()
{
    FakeServer server;
    QVERIFY(server.listen());
    SocketIoClient client(optionsFor(server.url()));
    QSignalSpy events(&client, &SocketIoClient::eventReceived);
    FakeSession *session = connectClient(client, server);
    QVERIFY(session);
    session->send("6");
    session->send("3"); // unsolicited pong: ignored too
    session->send(R"(42["after"])");
    QVERIFY(events.wait(3000));
    QCOMPARE(client.state(), SocketIoClient::State::Connected);
}

void TestSocketIoClient::clientClose()
{
    FakeServer server;
    QVERIFY(server.listen());
    SocketIoClient client(optionsFor(server.url()));
    FakeSession *session = connectClient(client, server);
    QVERIFY(session);
    QSignalSpy disconnected(&client, &SocketIoClient::disconnected);
    QList<AckResult> results;
    client.emitEvent("x", QJsonObject {}, [&](const AckResult &r) { results.append(r); });
    client.close();
    QCOMPARE(disconnected.size(), 1);
    QCOMPARE(disconnected.first().at(0).toString(), QStringLiteral("io client disconnect"));
    QCOMPARE(results.size(), 1);
    QCOMPARE(results.first().error, QStringLiteral("disconnected"));
    QCOMPARE(client.state(), SocketIoClient::State::Disconnected);
    QTRY_VERIFY(session->texts("41").size() == 1);
    QTest::qWait(300);
    QCOMPARE(server.sessions().size(), 1);
}

void TestSocketIoClient::connectionStateRecovery()
{
    FakeServer::Options options;
    options.pid = QStringLiteral("P1");
    FakeServer server(options);
    QVERIFY(server.listen());
    SocketIoClient client(optionsFor(server.url()));
    QSignalSpy connected(&client, &SocketIoClient::connected);
    QSignalSpy events(&client, &SocketIoClient::eventReceived);
    FakeSession *session = connectClient(client, server);
    QVERIFY(session);
    QCOMPARE(connected.first().at(1).toBool(), false);
    QCOMPARE(client.recoveryPid(), QStringLiteral("P1"));
    // The server appends the offset to events without ack; the client keeps it and strips it.
    session->send(R"(42["message_received",{"seq":1},"off-1"])");
    session->send(R"(42["message_received",{"seq":2},"off-2"])");
    session->send(R"(423["asks",{"seq":3},"not-an-offset"])");
    QTRY_COMPARE(events.size(), 3);
    QCOMPARE(events.at(0).at(1).value<Payload>().args(), arr(R"([{"seq":1}])"));
    QCOMPARE(events.at(1).at(1).value<Payload>().args(), arr(R"([{"seq":2}])"));
    QCOMPARE(events.at(2).at(1).value<Payload>().args(), arr(R"([{"seq":3},"not-an-offset"])"));
    QCOMPARE(client.lastOffset(), QStringLiteral("off-2"));
    session->drop();
    QVERIFY(connected.wait(5000));
    QCOMPARE(server.sessions().size(), 2);
    QCOMPARE(server.last()->texts("40").first(),
             QByteArray(R"(40{"offset":"off-2","pid":"P1","token":"t"})"));
    QCOMPARE(connected.last().at(1).toBool(), true);
    QVERIFY(client.recovered());
    // A different pid means the session was not recovered.
    server.options().pid = QStringLiteral("P2");
    server.last()->drop();
    QVERIFY(connected.wait(5000));
    QCOMPARE(connected.last().at(1).toBool(), false);
    QVERIFY(!client.recovered());
    QCOMPARE(client.recoveryPid(), QStringLiteral("P2"));
    QVERIFY(client.lastOffset().isEmpty());
}

void TestSocketIoClient::eventsBeforeConnectReplyAreDelivered()
{
    // socket.io replays the missed packets of a recovered session before its CONNECT
    // reply; they must be delivered (after connected()), in order, not dropped.
    FakeServer::Options options;
    options.autoConnect = false;
    options.pid = QStringLiteral("P1");
    FakeServer server(options);
    QVERIFY(server.listen());
    connect(&server, &FakeServer::sessionOpened, this, [](FakeSession *session) {
        connect(session, &FakeSession::frameReceived, session, [session](const Frame &frame) {
            if (!frame.data.startsWith("40"))
                return;
            session->send(R"(42["missed",{"n":1},"o1"])");
            session->send(R"(451-["missed",{"n":2,"b":{"_placeholder":true,"num":0}},"o2"])");
            session->sendBinary("bin");
            session->send(R"(40{"sid":"s","pid":"P1"})");
            session->send(R"(42["live",{"n":3},"o3"])");
        });
    });
    SocketIoClient client(optionsFor(server.url()));
    QStringList order;
    connect(&client, &SocketIoClient::connected, this, [&] { order << QStringLiteral("connected"); });
    connect(&client, &SocketIoClient::eventReceived, this, [&](const QString &event, const Payload &payload) {
        order << event + QString::number(payload.args().at(0).toObject().value("n").toInt());
        QCOMPARE(payload.args().size(), 1); // offsets stripped
    });
    client.open();
    QTRY_COMPARE(order.size(), 4);
    QCOMPARE(order, (QStringList { "connected", "missed1", "missed2", "live3" }));
    QCOMPARE(client.lastOffset(), QStringLiteral("o3"));
}

void TestSocketIoClient::clientCloseOverPollingReachesServer()
{
    FakeServer server;
    QVERIFY(server.listen());
    SocketIoOptions options = optionsFor(server.url());
    options.transports = QStringList { "polling" };
    SocketIoClient client(options);
    FakeSession *session = connectClient(client, server);
    QVERIFY(session);
    QTest::qWait(50); // a GET is held by the server
    client.close();
    QCOMPARE(client.state(), SocketIoClient::State::Disconnected);
    // The DISCONNECT and the Engine.IO close packet still reach the server.
    QTRY_COMPARE(session->texts("41").size(), 1);
    QTRY_COMPARE(session->texts("1").size(), 1);
}

static quint16 closedPort()
{
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost, 0);
    const quint16 port = probe.serverPort();
    probe.close();
    return port;
}

void TestSocketIoClient::backoffSequenceIsExact()
{
    SocketIoOptions options = optionsFor(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(closedPort())));
    options.reconnect.initialDelayMs = 20;
    options.reconnect.maxDelayMs = 300;
    options.randomSeed = 99;
    SocketIoClient client(options);
    QSignalSpy scheduled(&client, &SocketIoClient::reconnectScheduled);
    QSignalSpy failed(&client, &SocketIoClient::connectFailed);
    client.open();
    QVERIFY(scheduled.wait(3000));
    QCOMPARE(client.state(), SocketIoClient::State::Reconnecting);
    QCOMPARE(client.attempt(), 1);
    QVERIFY(client.msUntilRetry() >= 0);
    QVERIFY(client.msUntilRetry() <= scheduled.first().at(1).toInt());
    QTRY_VERIFY_WITH_TIMEOUT(scheduled.size() >= 6, 10000);
    Backoff expected(20, 300, 0.5, 99);
    for (int i = 0; i < 6; ++i) {
        QCOMPARE(scheduled.at(i).at(0).toInt(), i + 1);
        QCOMPARE(scheduled.at(i).at(1).toInt(), expected.nextDelay());
    }
    QVERIFY(failed.size() >= 6);
    client.close();
    QCOMPARE(client.state(), SocketIoClient::State::Disconnected);
    QCOMPARE(client.msUntilRetry(), -1);
}

void TestSocketIoClient::maxAttemptsGivesUp()
{
    SocketIoOptions options = optionsFor(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(closedPort())));
    options.reconnect.initialDelayMs = 10;
    options.reconnect.maxAttempts = 3;
    SocketIoClient client(options);
    QSignalSpy scheduled(&client, &SocketIoClient::reconnectScheduled);
    QSignalSpy gaveUp(&client, &SocketIoClient::reconnectFailed);
    client.open();
    QVERIFY(gaveUp.wait(5000));
    QCOMPARE(scheduled.size(), 3);
    QCOMPARE(client.state(), SocketIoClient::State::Disconnected);
}

void TestSocketIoClient::retryNowSkipsTheWait()
{
    FakeServer::Options serverOptions;
    serverOptions.allowWebSocket = false;
    serverOptions.allowPolling = false;
    FakeServer server(serverOptions);
    QVERIFY(server.listen());
    SocketIoOptions options = optionsFor(server.url());
    options.reconnect.initialDelayMs = 60000;
    options.reconnect.maxDelayMs = 60000;
    SocketIoClient client(options);
    QSignalSpy scheduled(&client, &SocketIoClient::reconnectScheduled);
    QSignalSpy connected(&client, &SocketIoClient::connected);
    client.open();
    QVERIFY(scheduled.wait(3000));
    QVERIFY(client.msUntilRetry() > 20000);
    server.options().allowWebSocket = true;
    client.retryNow();
    QVERIFY(connected.wait(3000));
    QCOMPARE(client.transportName(), QStringLiteral("websocket"));
}

void TestSocketIoClient::deleteMidHandshake_data()
{
    QTest::addColumn<QString>("when");
    QTest::addColumn<QString>("transport");
    for (const char *transport : { "websocket", "polling" }) {
        QTest::addRow("tcp connected, %s", transport) << "tcp" << transport;
        QTest::addRow("open packet, %s", transport) << "open" << transport;
        QTest::addRow("connect sent, %s", transport) << "connect" << transport;
    }
}

void TestSocketIoClient::deleteMidHandshake()
{
    QFETCH(QString, when);
    QFETCH(QString, transport);
    FakeServer::Options serverOptions;
    serverOptions.autoConnect = false;
    serverOptions.sendOpen = when != QLatin1StringView("tcp");
    FakeServer server(serverOptions);
    QVERIFY(server.listen());
    SocketIoOptions options = optionsFor(server.url());
    options.transports = QStringList { transport };
    auto *client = new SocketIoClient(options);
    QPointer<SocketIoClient> guard(client);
    bool deleted = false;
    auto kill = [&] {
        if (!deleted) {
            deleted = true;
            delete client;
        }
    };
    if (when == QLatin1StringView("tcp"))
        connect(&server, &FakeServer::tcpConnected, this, kill);
    else if (when == QLatin1StringView("open"))
        connect(&server, &FakeServer::sessionOpened, this, kill);
    else
        connect(&server, &FakeServer::sessionOpened, this, [&](FakeSession *session) {
            connect(session, &FakeSession::frameReceived, this, [&](const Frame &f) {
                if (f.data.startsWith("40"))
                    kill();
            });
        });
    client->open();
    QTRY_VERIFY_WITH_TIMEOUT(deleted, 5000);
    QVERIFY(!guard);
    QTest::qWait(200); // let the deferred deletions and socket events run
}

void TestSocketIoClient::deleteInsideSignalHandlers()
{
    FakeServer server;
    QVERIFY(server.listen());
    {
        auto *client = new SocketIoClient(optionsFor(server.url()));
        QPointer<SocketIoClient> guard(client);
        connect(client, &SocketIoClient::connected, client, [client] { delete client; });
        client->open();
        QTRY_VERIFY(!guard);
    }
    {
        auto *client = new SocketIoClient(optionsFor(server.url()));
        QPointer<SocketIoClient> guard(client);
        client->on("bye", [client](const Payload &, const Reply &) { delete client; });
        FakeSession *session = connectClient(*client, server);
        QVERIFY(session);
        session->send(R"(42["bye"])");
        session->send(R"(42["after"])");
        QTRY_VERIFY(!guard);
    }
    {
        auto *client = new SocketIoClient(optionsFor(server.url()));
        QPointer<SocketIoClient> guard(client);
        FakeSession *session = connectClient(*client, server);
        QVERIFY(session);
        connect(client, &SocketIoClient::disconnected, client, [client] { delete client; });
        client->emitEvent("x", QJsonObject {}, [](const AckResult &) {});
        session->send("42[bad");
        QTRY_VERIFY(!guard);
    }
    {
        auto *client = new SocketIoClient(optionsFor(server.url()));
        QPointer<SocketIoClient> guard(client);
        FakeSession *session = connectClient(*client, server);
        QVERIFY(session);
        client->emitEvent("x", QJsonObject {}, [client](const AckResult &) { delete client; });
        client->emitEvent("y", QJsonObject {}, [](const AckResult &) { QFAIL("called after delete"); });
        session->drop();
        QTRY_VERIFY(!guard);
    }
    QTest::qWait(100);
}

void TestSocketIoClient::pollingOnly()
{
    FakeServer server;
    QVERIFY(server.listen());
    SocketIoOptions options = optionsFor(server.url());
    options.transports = QStringList { "polling" };
    SocketIoClient client(options);
    QSignalSpy events(&client, &SocketIoClient::eventReceived);
    FakeSession *session = connectClient(client, server);
    QVERIFY(session);
    QCOMPARE(client.transportName(), QStringLiteral("polling"));
    QCOMPARE(session->transport, QStringLiteral("polling"));
    // Every request carries EIO=4 and transport=polling; all but the first carry the sid.
    const QList<QUrl> urls = server.requestUrls();
    QVERIFY(urls.size() >= 2);
    QCOMPARE(QUrlQuery(urls.first()).queryItemValue("transport"), QStringLiteral("polling"));
    QVERIFY(!QUrlQuery(urls.first()).hasQueryItem("sid"));
    QCOMPARE(QUrlQuery(urls.at(1)).queryItemValue("sid"), session->sid);
    // Events both ways, several packets in one response, binary as base64.
    QList<AckResult> results;
    client.emitEvent("e1", QJsonObject { { "n", 1 } }, [&](const AckResult &r) { results.append(r); });
    client.emitEvent("bin",
                     Payload { arr(R"([{"_placeholder":true,"num":0}])"), { QByteArray("\x00\x01", 2) } });
    QTRY_COMPARE(session->binaries().size(), 1);
    QCOMPARE(session->binaries().first(), QByteArray("\x00\x01", 2));
    QCOMPARE(session->texts("42").first(), QByteArray(R"(420["e1",{"n":1}])"));
    session->send("2");
    session->send(R"(430[{"ok":true}])");
    session->send(R"(451-["file",{"_placeholder":true,"num":0}])");
    session->sendBinary(QByteArray("\xff\x00", 2));
    QTRY_COMPARE(results.size(), 1);
    QVERIFY(results.first().ok());
    QTRY_COMPARE(events.size(), 1);
    QCOMPARE(events.first().at(1).value<Payload>().binaries.first(), QByteArray("\xff\x00", 2));
    QTRY_COMPARE(session->texts("3").size(), 1);
    // The server ending the session is a transport close.
    QSignalSpy disconnected(&client, &SocketIoClient::disconnected);
    session->send("1");
    QVERIFY(disconnected.wait(3000));
    QCOMPARE(disconnected.first().at(0).toString(), QStringLiteral("transport close"));
}

void TestSocketIoClient::fallsBackToPollingWhenWebSocketIsRefused()
{
    FakeServer::Options serverOptions;
    serverOptions.allowWebSocket = false;
    FakeServer server(serverOptions);
    QVERIFY(server.listen());
    SocketIoClient client(optionsFor(server.url()));
    QVERIFY(connectClient(client, server));
    QCOMPARE(client.transportName(), QStringLiteral("polling"));
}

void TestSocketIoClient::upgradesPollingToWebSocketWithoutLoss()
{
    FakeServer::Options serverOptions;
    serverOptions.upgrades = QStringList { "websocket" };
    FakeServer server(serverOptions);
    QVERIFY(server.listen());
    SocketIoOptions options = optionsFor(server.url());
    options.transports = QStringList { "polling", "websocket" };
    SocketIoClient client(options);
    QSignalSpy events(&client, &SocketIoClient::eventReceived);
    QList<int> acked;
    FakeSession *session = nullptr;
    connect(&client, &SocketIoClient::connected, this, [&] {
        // Emit a burst while the probe is under way.
        for (int i = 0; i < 30; ++i)
            client.emitEvent("n", QJsonObject { { "i", i } }, [&acked, i](const AckResult &r) {
                if (r.ok())
                    acked.append(i);
            });
    });
    session = connectClient(client, server);
    QVERIFY(session);
    QTRY_VERIFY(session->upgraded);
    QTRY_COMPARE(client.transportName(), QStringLiteral("websocket"));
    QTRY_COMPARE(session->texts("42").size(), 30);
    const QList<QByteArray> sent = session->texts("42");
    for (int i = 0; i < 30; ++i)
        QCOMPARE(sent.at(i),
                 QByteArray("42") + QByteArray::number(i) + R"(["n",{"i":)" + QByteArray::number(i) + "}]");
    QCOMPARE(session->texts("2probe").size(), 1);
    QCOMPARE(session->texts("5").size(), 1);
    for (int i = 0; i < 30; ++i)
        session->send("43" + QByteArray::number(i) + "[]");
    QTRY_COMPARE(acked.size(), 30);
    session->send(R"(42["over-ws"])");
    QVERIFY(events.wait(3000));
    session->send("2");
    QTRY_COMPARE(session->texts("3").size(), 1);
    QCOMPARE(client.state(), SocketIoClient::State::Connected);
}

void TestSocketIoClient::deleteWithPendingPollingRequests()
{
    FakeServer server;
    QVERIFY(server.listen());
    SocketIoOptions options = optionsFor(server.url());
    options.transports = QStringList { "polling" };
    auto *client = new SocketIoClient(options);
    QPointer<SocketIoClient> guard(client);
    FakeSession *session = connectClient(*client, server);
    QVERIFY(session);
    client->emitEvent("x", QJsonObject {}, [](const AckResult &) {}); // a POST in flight
    QTest::qWait(50);                                                 // a GET is held
    delete client;
    QVERIFY(!guard);
    QTest::qWait(200);
}

QTEST_GUILESS_MAIN(TestSocketIoClient)
#include "tst_socketioclient.moc"
