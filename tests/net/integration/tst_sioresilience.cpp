// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The Socket.IO client when the link or the server fails: a killed server and
// the reconnect backoff, a stopped server caught by the Engine.IO heartbeat,
// and connection state recovery after a dropped transport. Each test runs its
// own server.mjs (PrivateServer) because it kills, restarts or stops it.

#include "siotestsupport.h"

#include <QTest>

#include <cmath>

using namespace ringchat::net;
using namespace ringchat::net::test;

namespace {

struct Scheduled
{
    int attempt = 0;
    int delayMs = 0;
    qint64 at = 0;           // ms on the test clock
    int clientAttempt = 0;   // client.attempt() inside the signal
    qint64 msUntilRetry = 0; // client.msUntilRetry() inside the signal
    SocketIoClient::State state {};
};

// Everything the client reports, stamped with the test clock.
struct ClientLog : QObject
{
    explicit ClientLog(SocketIoClient *client)
    {
        clock.start();
        connect(client, &SocketIoClient::connected, this, [this](const QString &id, bool recovered) {
            connectedIds.append(id);
            recoveredFlags.append(recovered);
        });
        connect(client, &SocketIoClient::disconnected, this, [this](const QString &reason) {
            disconnectReasons.append(reason);
            disconnectedAt.append(clock.elapsed());
        });
        connect(client, &SocketIoClient::connectError, this,
                [this](const QString &message) { errors.append(message); });
        connect(client, &SocketIoClient::reconnectScheduled, this, [this, client](int attempt, int delayMs) {
            scheduled.append({ attempt, delayMs, clock.elapsed(), client->attempt(), client->msUntilRetry(),
                               client->state() });
        });
        connect(client, &SocketIoClient::eventReceived, this,
                [this](const QString &event, const Payload &payload) {
                    events.append({ event, payload });
                });
    }
    QList<int> eventNumbers(const QString &name) const
    {
        QList<int> numbers;
        for (const auto &e : events)
            if (e.first == name)
                numbers.append(e.second.args().at(0)[QStringLiteral("n")].toInt(-1));
        return numbers;
    }
    QElapsedTimer clock;
    QStringList connectedIds;
    QList<bool> recoveredFlags;
    QStringList disconnectReasons;
    QList<qint64> disconnectedAt;
    QStringList errors;
    QList<Scheduled> scheduled;
    QList<QPair<QString, Payload>> events;
};

bool isLinkLoss(const QString &reason)
{
    return reason == QLatin1String("transport close") || reason == QLatin1String("transport error");
}

QStringList pingArgs(int intervalMs, int timeoutMs)
{
    return { QStringLiteral("--ping-interval"), QString::number(intervalMs), QStringLiteral("--ping-timeout"),
             QString::number(timeoutMs) };
}

const QStringList kWebsocket { QStringLiteral("websocket") };
const QStringList kPolling { QStringLiteral("polling") };

} // namespace

class TestSioResilience : public QObject
{
    Q_OBJECT

private slots:
    void heartbeatKeepsLinkAlive_data();
    void heartbeatKeepsLinkAlive();
    void killedServerBackoffThenReconnect();
    void givesUpAfterMaxAttempts();
    void retryNowSkipsTheWait();
    void stoppedServerDetectedByPingTimeout_data();
    void stoppedServerDetectedByPingTimeout();
    void destroyingNeverBlocks();
    void oversizeEmitFailsAndKeepsTheLink_data();
    void oversizeEmitFailsAndKeepsTheLink();
    void serverMaySendBeyondItsMaxPayload_data();
    void serverMaySendBeyondItsMaxPayload();
    void connectionStateRecovery_data();
    void connectionStateRecovery();
};

void TestSioResilience::heartbeatKeepsLinkAlive_data()
{
    QTest::addColumn<QStringList>("transports");
    QTest::newRow("websocket") << kWebsocket;
    QTest::newRow("polling") << kPolling;
}

void TestSioResilience::heartbeatKeepsLinkAlive()
{
    // With 300 ms + 300 ms, a client that does not answer pings (or miscounts
    // them) loses the link within a second; 4 s covers many heartbeats.
    QFETCH(QStringList, transports);
    PrivateServer server(pingArgs(300, 300));
    QVERIFY2(server.start(), qPrintable(server.errorText()));
    SocketIoOptions options = baseOptions(server.port());
    options.transports = transports;
    options.upgrade = false;
    SocketIoClient client(options);
    ClientLog log(&client);
    QVERIFY(openAndWait(client));
    QTest::qWait(4000);
    QVERIFY2(log.disconnectReasons.isEmpty(), qPrintable(log.disconnectReasons.join(u',')));
    QCOMPARE(log.connectedIds.size(), 1);
    const AckResult echo = emitAndWait(client, QStringLiteral("echo"), QJsonObject {});
    QVERIFY2(echo.ok(), qPrintable(echo.error));
    // The server saw no disconnect either.
    const auto serverLog = controlGet(server.port(), QStringLiteral("disconnect-log"));
    QVERIFY(serverLog);
    QVERIFY2(serverLog->array().isEmpty(), serverLog->toJson().constData());
}

void TestSioResilience::killedServerBackoffThenReconnect()
{
    // Recovery on, so the client has a pid and an offset to offer after the
    // restart; the new server process has no such session: a fresh one.
    const QStringList serverArgs { QStringLiteral("--recovery"), QStringLiteral("on") };
    PrivateServer server(serverArgs);
    QVERIFY2(server.start(), qPrintable(server.errorText()));
    const int port = server.port();

    SocketIoOptions options = baseOptions(port);
    options.reconnect.initialDelayMs = 100;
    options.reconnect.maxDelayMs = 400;
    options.reconnect.randomizationFactor = 0.5;
    options.connectTimeoutMs = 5000;
    SocketIoClient client(options);
    ClientLog log(&client);
    QVERIFY(openAndWait(client));
    const QString firstId = client.socketId();
    // One event, so the client holds an offset for the recovery attempt.
    client.emitEvent(QStringLiteral("emit_back"),
                     QJsonObject { { QStringLiteral("event"), QStringLiteral("hello") },
                                   { QStringLiteral("args"),
                                     QJsonArray { QJsonObject { { QStringLiteral("n"), 0 } } } } });
    QTRY_COMPARE_WITH_TIMEOUT(log.eventNumbers(QStringLiteral("hello")).size(), 1, 10000);

    AckCatcher pending;
    client.emitEvent(QStringLiteral("hold"), QJsonObject {}, pending.callback(), 60000);
    QTest::qWait(100); // the hold reaches the server

    server.kill();
    QTRY_COMPARE_WITH_TIMEOUT(log.disconnectReasons.size(), 1, 10000);
    QVERIFY2(isLinkLoss(log.disconnectReasons.at(0)), qPrintable(log.disconnectReasons.at(0)));
    // A pending ack fails at once when the link is lost, not at its timeout.
    QTRY_VERIFY_WITH_TIMEOUT(pending.done(), 5000);
    QCOMPARE(pending.result().error, QStringLiteral("disconnected"));
    // Let it fail a few times against the closed port.
    QTRY_VERIFY_WITH_TIMEOUT(log.scheduled.size() >= 5, 20000);
    // An emit while away is answered too ("never silence").
    AckCatcher whileAway;
    client.emitEvent(QStringLiteral("echo"), QJsonObject {}, whileAway.callback());
    QVERIFY(whileAway.wait(5000));
    QCOMPARE(whileAway.result().error, QStringLiteral("disconnected"));
    QVERIFY2(server.start(port), qPrintable(server.errorText()));
    QTRY_COMPARE_WITH_TIMEOUT(log.connectedIds.size(), 2, 20000);
    const int scheduledBeforeReconnect = log.scheduled.size();

    const auto &policy = options.reconnect;
    for (const Scheduled &s : log.scheduled)
        qInfo("reconnectScheduled(%d, %d ms) at %lld ms, msUntilRetry %lld", s.attempt, s.delayMs, s.at,
              s.msUntilRetry);
    for (int i = 0; i < scheduledBeforeReconnect; ++i) {
        const Scheduled &s = log.scheduled.at(i);
        const QString where = QStringLiteral("reconnectScheduled #%1: attempt %2, delay %3 ms")
                                  .arg(i)
                                  .arg(s.attempt)
                                  .arg(s.delayMs);
        QVERIFY2(s.attempt == i + 1, qPrintable(where));
        const double base = std::min<double>(policy.initialDelayMs * std::pow(2.0, i), policy.maxDelayMs);
        const double low = std::floor(base * (1 - policy.randomizationFactor));
        const double high = std::ceil(base * (1 + policy.randomizationFactor));
        QVERIFY2(s.delayMs >= low && s.delayMs <= high,
                 qPrintable(where + QStringLiteral(" not in [%1, %2]").arg(low).arg(high)));
        QVERIFY2(s.state == SocketIoClient::State::Reconnecting, qPrintable(where));
        QVERIFY2(s.clientAttempt == s.attempt, qPrintable(where));
        QVERIFY2(s.msUntilRetry >= 0 && s.msUntilRetry <= s.delayMs,
                 qPrintable(where + QStringLiteral(", msUntilRetry %1").arg(s.msUntilRetry)));
        // The client really waited before the next attempt (coarse timers may
        // fire up to 5% early), and did not sit idle much longer.
        if (i + 1 < scheduledBeforeReconnect) {
            const qint64 gap = log.scheduled.at(i + 1).at - s.at;
            QVERIFY2(gap >= s.delayMs * 0.9 - 10,
                     qPrintable(where + QStringLiteral(", next attempt after %1 ms").arg(gap)));
            QVERIFY2(gap <= s.delayMs + 6000,
                     qPrintable(where + QStringLiteral(", next attempt after %1 ms").arg(gap)));
        }
    }
    QCOMPARE(client.state(), SocketIoClient::State::Connected);
    QCOMPARE(client.attempt(), 0);
    QCOMPARE(client.msUntilRetry(), -1);
    QVERIFY(client.socketId() != firstId);
    QCOMPARE(log.recoveredFlags.at(1), false);
    QVERIFY(!client.recovered());
    const AckResult echo
        = emitAndWait(client, QStringLiteral("echo"), QJsonObject { { QStringLiteral("back"), true } });
    QVERIFY2(echo.ok(), qPrintable(echo.error));
    QTest::qWait(1000);
    QCOMPARE(log.scheduled.size(), scheduledBeforeReconnect);
    QCOMPARE(log.connectedIds.size(), 2);
    QCOMPARE(pending.calls(), 1);
    QCOMPARE(whileAway.calls(), 1);
}

void TestSioResilience::givesUpAfterMaxAttempts()
{
    PrivateServer server;
    QVERIFY2(server.start(), qPrintable(server.errorText()));
    const int port = server.port();
    SocketIoOptions options = baseOptions(port);
    options.reconnect.initialDelayMs = 100;
    options.reconnect.maxDelayMs = 200;
    options.reconnect.maxAttempts = 3;
    options.connectTimeoutMs = 5000;
    SocketIoClient client(options);
    ClientLog log(&client);
    QVERIFY(openAndWait(client));
    server.kill();
    QTRY_VERIFY_WITH_TIMEOUT(
        log.scheduled.size() == 3 && client.state() == SocketIoClient::State::Disconnected, 30000);
    QTest::qWait(1500);
    QCOMPARE(log.scheduled.size(), 3);
    QCOMPARE(log.scheduled.at(2).attempt, 3);
    QCOMPARE(client.state(), SocketIoClient::State::Disconnected);
    QCOMPARE(client.msUntilRetry(), -1);
    // open() starts over once the server is back.
    QVERIFY2(server.start(port), qPrintable(server.errorText()));
    QVERIFY(openAndWait(client));
    QCOMPARE(client.attempt(), 0);
}

void TestSioResilience::retryNowSkipsTheWait()
{
    PrivateServer server;
    QVERIFY2(server.start(), qPrintable(server.errorText()));
    const int port = server.port();
    SocketIoOptions options = baseOptions(port);
    options.reconnect.initialDelayMs = 30000;
    options.reconnect.maxDelayMs = 30000;
    SocketIoClient client(options);
    ClientLog log(&client);
    QVERIFY(openAndWait(client));
    server.kill();
    QTRY_COMPARE_WITH_TIMEOUT(log.scheduled.size(), 1, 10000);
    QVERIFY(client.msUntilRetry() > 10000);
    QVERIFY2(server.start(port), qPrintable(server.errorText()));
    client.retryNow();
    // Far sooner than the 15 s the shortest jittered delay would take.
    QTRY_COMPARE_WITH_TIMEOUT(log.connectedIds.size(), 2, 10000);
    QCOMPARE(client.state(), SocketIoClient::State::Connected);
    QCOMPARE(client.msUntilRetry(), -1);
}

void TestSioResilience::stoppedServerDetectedByPingTimeout_data()
{
    QTest::addColumn<QStringList>("transports");
    QTest::newRow("websocket") << kWebsocket;
    QTest::newRow("polling") << kPolling;
}

void TestSioResilience::stoppedServerDetectedByPingTimeout()
{
    QFETCH(QStringList, transports);
    constexpr int pingInterval = 300;
    constexpr int pingTimeout = 300;
    constexpr int slackMs = 1500; // a loaded 2-core machine
    PrivateServer server(pingArgs(pingInterval, pingTimeout));
    QVERIFY2(server.start(), qPrintable(server.errorText()));
    SocketIoOptions options = baseOptions(server.port());
    options.transports = transports;
    options.upgrade = false;
    options.reconnect.initialDelayMs = 100;
    options.reconnect.maxDelayMs = 400;
    options.connectTimeoutMs = 3000;
    SocketIoClient client(options);
    ClientLog log(&client);
    QVERIFY(openAndWait(client));
    QTest::qWait(1000); // a few heartbeats
    QVERIFY(log.disconnectReasons.isEmpty());

    server.pause();
    const qint64 stoppedAt = log.clock.elapsed();
    QTRY_COMPARE_WITH_TIMEOUT(log.disconnectReasons.size(), 1, pingInterval + pingTimeout + 10000);
    const qint64 detectedAfter = log.disconnectedAt.at(0) - stoppedAt;
    QCOMPARE(log.disconnectReasons.at(0), QStringLiteral("ping timeout"));
    // The last ping came at most pingInterval before the stop, so the link is
    // declared dead no sooner than ~pingTimeout and no later than
    // pingInterval + pingTimeout after it (plus scheduling slack).
    QVERIFY2(detectedAfter <= pingInterval + pingTimeout + slackMs,
             qPrintable(QStringLiteral("detected after %1 ms").arg(detectedAfter)));
    QVERIFY2(detectedAfter >= pingTimeout - 100,
             qPrintable(QStringLiteral("declared dead too early: %1 ms").arg(detectedAfter)));
    // A dead link is not a refusal: the client keeps trying.
    QTRY_VERIFY_WITH_TIMEOUT(!log.scheduled.isEmpty(), 10000);
    QCOMPARE(log.scheduled.at(0).attempt, 1);

    // Once the server runs again, the client gets back on its own.
    server.resume();
    QTRY_COMPARE_WITH_TIMEOUT(log.connectedIds.size(), 2, 30000);
    QCOMPARE(client.state(), SocketIoClient::State::Connected);
    const AckResult echo = emitAndWait(client, QStringLiteral("echo"), QJsonObject {});
    QVERIFY2(echo.ok(), qPrintable(echo.error));
    server.kill();
}

void TestSioResilience::destroyingNeverBlocks()
{
    // A stopped server answers nothing: TCP still connects (the kernel's
    // backlog), but no handshake, no close frame. Destroying the client then
    // must not wait for the peer.
    PrivateServer server;
    QVERIFY2(server.start(), qPrintable(server.errorText()));
    QElapsedTimer clock;
    const QStringList setups[] = { kWebsocket, kPolling };
    for (const QStringList &transports : setups) {
        SocketIoOptions options = baseOptions(server.port());
        options.transports = transports;
        options.upgrade = false;
        auto connected = std::make_unique<SocketIoClient>(options);
        QVERIFY(openAndWait(*connected));
        AckCatcher pending;
        connected->emitEvent(QStringLiteral("hold"), QJsonObject {}, pending.callback());
        server.pause();
        auto connecting = std::make_unique<SocketIoClient>(options);
        connecting->open();
        QTest::qWait(300); // its handshake is now stuck in the stopped server
        clock.start();
        connected.reset();
        connecting.reset();
        const qint64 took = clock.elapsed();
        QVERIFY2(took < 1000, qPrintable(QStringLiteral("destruction took %1 ms").arg(took)));
        QTest::qWait(200); // late events for the destroyed clients must not crash
        QVERIFY(pending.calls() <= 1);
        server.resume();
    }
}

void TestSioResilience::oversizeEmitFailsAndKeepsTheLink_data()
{
    QTest::addColumn<QStringList>("transports");
    QTest::newRow("websocket") << kWebsocket;
    QTest::newRow("polling") << kPolling;
}

void TestSioResilience::oversizeEmitFailsAndKeepsTheLink()
{
    // The server closes the connection on a packet beyond its maxPayload; the
    // client knows the limit from the handshake and refuses to send it.
    QFETCH(QStringList, transports);
    PrivateServer server({ QStringLiteral("--max-payload"), QStringLiteral("100000") });
    QVERIFY2(server.start(), qPrintable(server.errorText()));
    SocketIoOptions options = baseOptions(server.port());
    options.transports = transports;
    options.upgrade = false;
    SocketIoClient client(options);
    ClientLog log(&client);
    QVERIFY(openAndWait(client));
    AckCatcher tooBig;
    client.emitEvent(QStringLiteral("echo"), payloadOf({ QByteArray(200000, 'x') }), tooBig.callback());
    QVERIFY(tooBig.wait(10000));
    QCOMPARE(tooBig.result().error, QStringLiteral("too large"));
    // Under the limit still works, on the same connection.
    const QByteArray fits(50000, 'y');
    const AckResult echo = emitAndWait(client, QStringLiteral("echo"), payloadOf({ fits }));
    QVERIFY2(echo.ok(), qPrintable(echo.error));
    QCOMPARE(binaryAt(echo.payload, echo.payload.args().at(0)), std::optional<QByteArray>(fits));
    QVERIFY2(log.disconnectReasons.isEmpty(), qPrintable(log.disconnectReasons.join(u',')));
    QCOMPARE(log.connectedIds.size(), 1);
    QCOMPARE(tooBig.calls(), 1);
}

void TestSioResilience::serverMaySendBeyondItsMaxPayload_data()
{
    oversizeEmitFailsAndKeepsTheLink_data();
}

void TestSioResilience::serverMaySendBeyondItsMaxPayload()
{
    // maxPayload is what the server accepts, not what it sends: socket.io sends
    // bigger packets, and the socket.io JS client takes them.
    QFETCH(QStringList, transports);
    PrivateServer server({ QStringLiteral("--max-payload"), QStringLiteral("100000") });
    QVERIFY2(server.start(), qPrintable(server.errorText()));
    SocketIoOptions options = baseOptions(server.port());
    options.transports = transports;
    options.upgrade = false;
    SocketIoClient client(options);
    ClientLog log(&client);
    QVERIFY(openAndWait(client));
    std::optional<Payload> large;
    client.on(QStringLiteral("large"), [&](const Payload &payload, const Reply &) { large = payload; });
    client.emitEvent(QStringLiteral("emit_large"),
                     QJsonObject { { QStringLiteral("event"), QStringLiteral("large") },
                                   { QStringLiteral("size"), 150000 } });
    QTRY_VERIFY_WITH_TIMEOUT(large.has_value() || !log.disconnectReasons.isEmpty(), 15000);
    QVERIFY2(log.disconnectReasons.isEmpty(), qPrintable(log.disconnectReasons.join(u',')));
    QVERIFY(large.has_value());
    QCOMPARE(large->args().at(0).toString().size(), 150000);
    QCOMPARE(binaryAt(*large, large->args().at(1)), std::optional<QByteArray>(QByteArray(150000, '\xab')));
}

void TestSioResilience::connectionStateRecovery_data()
{
    QTest::addColumn<QStringList>("transports");
    QTest::addColumn<QString>("mode");
    QTest::newRow("websocket, engine close") << kWebsocket << QStringLiteral("close");
    QTest::newRow("websocket, TCP reset") << kWebsocket << QStringLiteral("terminate");
    QTest::newRow("polling, engine close") << kPolling << QStringLiteral("close");
    // The test itself drops the link and emits over the HTTP control API while
    // the client waits out a long backoff, then calls retryNow().
    QTest::newRow("websocket, away over HTTP") << kWebsocket << QStringLiteral("http");
    QTest::newRow("polling, away over HTTP") << kPolling << QStringLiteral("http");
}

static bool controlEmit(int port, const QString &room, const QString &event, int n)
{
    const QString args = QStringLiteral("[{\"n\":%1}]").arg(n);
    const auto answer = controlGet(port,
                                   QStringLiteral("emit?room=%1&event=%2&args=%3")
                                       .arg(QString::fromLatin1(QUrl::toPercentEncoding(room)), event,
                                            QString::fromLatin1(QUrl::toPercentEncoding(args))));
    return answer && answer->object().value(QStringLiteral("ok")).toBool();
}

void TestSioResilience::connectionStateRecovery()
{
    QFETCH(QStringList, transports);
    QFETCH(QString, mode);
    PrivateServer server({ QStringLiteral("--recovery"), QStringLiteral("on") });
    QVERIFY2(server.start(), qPrintable(server.errorText()));
    const int port = server.port();
    SocketIoOptions options = baseOptions(port);
    options.transports = transports;
    options.upgrade = false;
    const bool overHttp = mode == QLatin1String("http");
    options.reconnect.initialDelayMs = overHttp ? 60000 : 100;
    options.reconnect.maxDelayMs = overHttp ? 60000 : 400;
    SocketIoClient client(options);
    ClientLog log(&client);
    QVERIFY(openAndWait(client));
    const QString id = client.socketId();
    QVERIFY(!client.recovered());
    QCOMPARE(log.recoveredFlags.at(0), false);
    QVERIFY2(!client.recoveryPid().isEmpty(), "the server's CONNECT carried a pid");

    const AckResult joined = emitAndWait(client, QStringLiteral("join"),
                                         QJsonObject { { QStringLiteral("room"), QStringLiteral("r1") } });
    QVERIFY2(joined.ok(), qPrintable(joined.error));
    // An event through the room gives the client its first offset.
    QVERIFY(controlEmit(port, QStringLiteral("r1"), QStringLiteral("before"), 0));
    QTRY_COMPARE_WITH_TIMEOUT(log.eventNumbers(QStringLiteral("before")), QList<int> { 0 }, 10000);
    QVERIFY2(!client.lastOffset().isEmpty(), "no offset recorded from a room event");

    // The server cuts the connection, then emits to the room and to the socket
    // while the client is away.
    const auto missed = [](const QString &room, int n) {
        return QJsonObject { { QStringLiteral("room"), room },
                             { QStringLiteral("event"), QStringLiteral("missed") },
                             { QStringLiteral("args"),
                               QJsonArray { QJsonObject { { QStringLiteral("n"), n } } } } };
    };
    if (overHttp) {
        QVERIFY(controlGet(port, QStringLiteral("drop?id=%1&mode=close").arg(id)));
        QTRY_COMPARE_WITH_TIMEOUT(log.disconnectReasons.size(), 1, 15000);
        QTRY_COMPARE_WITH_TIMEOUT(log.scheduled.size(), 1, 10000);
        QVERIFY(controlEmit(port, QStringLiteral("r1"), QStringLiteral("missed"), 1));
        QVERIFY(controlEmit(port, QStringLiteral("r1"), QStringLiteral("missed"), 2));
        QVERIFY(controlEmit(port, id, QStringLiteral("missed"), 3));
        QCOMPARE(log.connectedIds.size(), 1); // still away
        client.retryNow();
    } else {
        client.emitEvent(QStringLiteral("drop"),
                         QJsonObject { { QStringLiteral("mode"), mode },
                                       { QStringLiteral("then"),
                                         QJsonArray { missed(QStringLiteral("r1"), 1),
                                                      missed(QStringLiteral("r1"), 2), missed(id, 3) } } });
        QTRY_COMPARE_WITH_TIMEOUT(log.disconnectReasons.size(), 1, 15000);
    }
    QVERIFY2(isLinkLoss(log.disconnectReasons.at(0)), qPrintable(log.disconnectReasons.at(0)));
    QTRY_COMPARE_WITH_TIMEOUT(log.connectedIds.size(), 2, 20000);
    QCOMPARE(log.connectedIds.at(1), id);
    QCOMPARE(log.recoveredFlags.at(1), true);
    QVERIFY(client.recovered());
    QTRY_COMPARE_WITH_TIMEOUT(log.eventNumbers(QStringLiteral("missed")), (QList<int> { 1, 2, 3 }), 10000);

    // The server agrees, and the room membership survived.
    const AckResult who = emitAndWait(client, QStringLiteral("whoami"), Payload {});
    QVERIFY2(who.ok(), qPrintable(who.error));
    QCOMPARE(who.payload.args().at(0)[QStringLiteral("recovered")].toBool(), true);
    QVERIFY(who.payload.args().at(0)[QStringLiteral("rooms")].toArray().contains(QStringLiteral("r1")));
    // Live events flow again; nothing arrived twice.
    QVERIFY(controlEmit(port, QStringLiteral("r1"), QStringLiteral("missed"), 4));
    QTRY_COMPARE_WITH_TIMEOUT(log.eventNumbers(QStringLiteral("missed")), (QList<int> { 1, 2, 3, 4 }), 10000);
    QTest::qWait(300);
    QCOMPARE(log.eventNumbers(QStringLiteral("before")), QList<int> { 0 });
    QCOMPARE(log.eventNumbers(QStringLiteral("missed")), (QList<int> { 1, 2, 3, 4 }));
    QCOMPARE(log.connectedIds.size(), 2);
}

QTEST_GUILESS_MAIN(TestSioResilience)
#include "tst_sioresilience.moc"
