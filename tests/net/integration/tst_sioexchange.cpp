// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// Events, acks and binary attachments between the Socket.IO client and the real
// socket.io 4.8 server, over every transport setup: WebSocket, long-polling
// (with and without a WebSocket-capable server) and the WebSocket-first client
// falling back to polling.

#include "siotestsupport.h"

#include <QRandomGenerator>
#include <QTest>

using namespace ringchat::net;
using namespace ringchat::net::test;

namespace {

QByteArray allByteValues()
{
    QByteArray bytes;
    for (int i = 0; i < 256; ++i)
        bytes.append(static_cast<char>(i));
    return bytes;
}

QJsonObject placeholder(int num)
{
    return QJsonObject { { QStringLiteral("_placeholder"), true }, { QStringLiteral("num"), num } };
}

// Records the server's events as they arrive (eventReceived and on()).
struct EventLog
{
    QList<QPair<QString, Payload>> events;
    int count(const QString &name) const
    {
        return std::count_if(events.cbegin(), events.cend(), [&](const auto &e) { return e.first == name; });
    }
    Payload first(const QString &name) const
    {
        for (const auto &e : events)
            if (e.first == name)
                return e.second;
        return {};
    }
};

} // namespace

class TestSioExchange : public QObject
{
    Q_OBJECT

private:
    // Creates and connects the client of the current data row.
    std::unique_ptr<SocketIoClient> connectClient();
    void addRows();

private slots:
    void connectsOnExpectedTransport_data() { addRows(); }
    void connectsOnExpectedTransport();
    void echoJson_data() { addRows(); }
    void echoJson();
    void echoNoArguments_data() { addRows(); }
    void echoNoArguments();
    void concurrentAcksMatchTheirEmits_data() { addRows(); }
    void concurrentAcksMatchTheirEmits();
    void serverEvent_data() { addRows(); }
    void serverEvent();
    void serverAsksForAck_data() { addRows(); }
    void serverAsksForAck();
    void serverAsksForBinaryAck_data() { addRows(); }
    void serverAsksForBinaryAck();
    void binaryEcho_data() { addRows(); }
    void binaryEcho();
    void binaryArrivesAsBinary_data() { addRows(); }
    void binaryArrivesAsBinary();
    void emptyBinary_data() { addRows(); }
    void emptyBinary();
    void binaryFromServer_data() { addRows(); }
    void binaryFromServer();
    void largeBinaryEcho_data() { addRows(); }
    void largeBinaryEcho();
    void burstArrivesInOrder_data() { addRows(); }
    void burstArrivesInOrder();
    void ackTimeout_data() { addRows(); }
    void ackTimeout();
};

void TestSioExchange::addRows()
{
    QTest::addColumn<QByteArray>("serverEnv");
    QTest::addColumn<QStringList>("transports");
    QTest::addColumn<bool>("upgrade");
    QTest::addColumn<QString>("expectedTransport");
    const QStringList websocket { QStringLiteral("websocket") };
    const QStringList polling { QStringLiteral("polling") };
    const QStringList websocketFirst { QStringLiteral("websocket"), QStringLiteral("polling") };
    QTest::newRow("websocket") << QByteArray("RINGCHAT_SIO_SERVER_STATE") << websocket << false
                               << QStringLiteral("websocket");
    QTest::newRow("polling") << QByteArray("RINGCHAT_SIO_SERVER_STATE") << polling << false
                             << QStringLiteral("polling");
    QTest::newRow("polling-only server")
        << QByteArray("RINGCHAT_SIO_POLLING_SERVER_STATE") << polling << true << QStringLiteral("polling");
    QTest::newRow("websocket-first client, polling-only server")
        << QByteArray("RINGCHAT_SIO_POLLING_SERVER_STATE") << websocketFirst << true
        << QStringLiteral("polling");
}

std::unique_ptr<SocketIoClient> TestSioExchange::connectClient()
{
    QFETCH(QByteArray, serverEnv);
    QFETCH(QStringList, transports);
    QFETCH(bool, upgrade);
    const int port = fixturePort(serverEnv.constData());
    if (port <= 0)
        return nullptr;
    SocketIoOptions options = baseOptions(port);
    options.transports = transports;
    options.upgrade = upgrade;
    auto client = std::make_unique<SocketIoClient>(options);
    if (!openAndWait(*client))
        return nullptr;
    return client;
}

#define CONNECT_CLIENT(name)                                                                                 \
    auto name = connectClient();                                                                             \
    QVERIFY2(name, "the client did not connect to the test server");

void TestSioExchange::connectsOnExpectedTransport()
{
    QFETCH(QString, expectedTransport);
    CONNECT_CLIENT(client);
    QVERIFY(!client->socketId().isEmpty());
    QCOMPARE(client->transportName(), expectedTransport);
    QCOMPARE(client->attempt(), 0);
    QCOMPARE(client->msUntilRetry(), -1);
    const AckResult who = emitAndWait(*client, QStringLiteral("whoami"), Payload {});
    QVERIFY2(who.ok(), qPrintable(who.error));
    const QJsonObject server = who.payload.args().at(0).toObject();
    QCOMPARE(server.value(QStringLiteral("id")).toString(), client->socketId());
    QCOMPARE(server.value(QStringLiteral("transport")).toString(), expectedTransport);
}

void TestSioExchange::echoJson()
{
    CONNECT_CLIENT(client);
    const QJsonArray args {
        QJsonObject {
            { QStringLiteral("a"), 1 },
            { QStringLiteral("nested"), QJsonObject { { QStringLiteral("b"), QJsonArray { 1, 2, 3 } } } } },
        QStringLiteral("text with ü, € and \"quotes\"\n and a newline"),
        42,
        3.5,
        true,
        QJsonValue::Null,
        QJsonArray { 1, QStringLiteral("x") },
    };
    const AckResult result = emitAndWait(*client, QStringLiteral("echo"), Payload { args, {} });
    QVERIFY2(result.ok(), qPrintable(result.error));
    QCOMPARE(result.payload.args(), args);
    QVERIFY(result.payload.binaries.isEmpty());
}

void TestSioExchange::echoNoArguments()
{
    CONNECT_CLIENT(client);
    const AckResult result = emitAndWait(*client, QStringLiteral("echo"), Payload {});
    QVERIFY2(result.ok(), qPrintable(result.error));
    QCOMPARE(result.payload.args(), QJsonArray {});
}

void TestSioExchange::concurrentAcksMatchTheirEmits()
{
    CONNECT_CLIENT(client);
    constexpr int count = 30;
    std::vector<AckCatcher> catchers(count);
    for (int i = 0; i < count; ++i)
        client->emitEvent(QStringLiteral("echo"), QJsonObject { { QStringLiteral("n"), i } },
                          catchers[i].callback());
    QVERIFY(QTest::qWaitFor(
        [&] {
            return std::all_of(catchers.cbegin(), catchers.cend(),
                               [](const AckCatcher &c) { return c.done(); });
        },
        20000));
    for (int i = 0; i < count; ++i) {
        QVERIFY2(catchers[i].result().ok(), qPrintable(catchers[i].result().error));
        QCOMPARE(catchers[i].result().payload.args(),
                 (QJsonArray { QJsonObject { { QStringLiteral("n"), i } } }));
        QCOMPARE(catchers[i].calls(), 1);
    }
}

void TestSioExchange::serverEvent()
{
    CONNECT_CLIENT(client);
    EventLog signalLog;
    EventLog handlerLog;
    bool replyOffered = false;
    connect(client.get(), &SocketIoClient::eventReceived, this,
            [&](const QString &event, const Payload &payload) {
                signalLog.events.append({ event, payload });
            });
    client->on(QStringLiteral("news"), [&](const Payload &payload, const Reply &reply) {
        handlerLog.events.append({ QStringLiteral("news"), payload });
        replyOffered = bool(reply);
    });
    const QJsonArray args { QJsonObject { { QStringLiteral("a"), 1 } }, QStringLiteral("b") };
    client->emitEvent(QStringLiteral("emit_back"),
                      QJsonObject { { QStringLiteral("event"), QStringLiteral("news") },
                                    { QStringLiteral("args"), args } });
    QTRY_COMPARE_WITH_TIMEOUT(handlerLog.count(QStringLiteral("news")), 1, 15000);
    QCOMPARE(handlerLog.first(QStringLiteral("news")).args(), args);
    QVERIFY2(!replyOffered, "the server did not ask for an ack, yet the handler got a Reply");
    QTRY_COMPARE_WITH_TIMEOUT(signalLog.count(QStringLiteral("news")), 1, 5000);
    QCOMPARE(signalLog.first(QStringLiteral("news")).args(), args);
}

void TestSioExchange::serverAsksForAck()
{
    CONNECT_CLIENT(client);
    QJsonArray received;
    int calls = 0;
    client->on(QStringLiteral("question"), [&](const Payload &payload, const Reply &reply) {
        ++calls;
        received = payload.args();
        if (reply)
            reply(Payload {
                QJsonArray { QJsonObject { { QStringLiteral("answer"), 42 } }, QStringLiteral("x") },
                {} });
    });
    const AckResult result
        = emitAndWait(*client, QStringLiteral("ask"),
                      QJsonObject { { QStringLiteral("event"), QStringLiteral("question") },
                                    { QStringLiteral("args"),
                                      QJsonArray { QJsonObject { { QStringLiteral("q"), 1 } } } } });
    QVERIFY2(result.ok(), qPrintable(result.error));
    QCOMPARE(calls, 1);
    QCOMPARE(received, (QJsonArray { QJsonObject { { QStringLiteral("q"), 1 } } }));
    const QJsonObject report = result.payload.args().at(0).toObject();
    QVERIFY2(report.value(QStringLiteral("ok")).toBool(), qPrintable(toText(report)));
    QCOMPARE(report.value(QStringLiteral("reply")).toArray(),
             (QJsonArray { QJsonObject { { QStringLiteral("answer"), 42 } }, QStringLiteral("x") }));
}

void TestSioExchange::serverAsksForBinaryAck()
{
    CONNECT_CLIENT(client);
    const QByteArray question = allByteValues();
    const QByteArray answer = QByteArray("\x00\xff binary answer \r\n", 19);
    std::optional<QByteArray> receivedBinary;
    client->on(QStringLiteral("blob_question"), [&](const Payload &payload, const Reply &reply) {
        receivedBinary = binaryAt(payload, payload.args().at(0));
        if (reply)
            reply(payloadOf({ answer, QJsonValue(QStringLiteral("tag")) }));
    });
    const AckResult result
        = emitAndWait(*client, QStringLiteral("ask"),
                      QJsonObject { { QStringLiteral("event"), QStringLiteral("blob_question") },
                                    { QStringLiteral("args"), QJsonArray { describedBinary(question) } } });
    QVERIFY2(result.ok(), qPrintable(result.error));
    QVERIFY2(receivedBinary.has_value(), "the server's BINARY_EVENT did not carry a binary");
    QCOMPARE(*receivedBinary, question);
    const QJsonObject report = result.payload.args().at(0).toObject();
    QVERIFY2(report.value(QStringLiteral("ok")).toBool(), qPrintable(toText(report)));
    QCOMPARE(report.value(QStringLiteral("reply")).toArray(),
             (QJsonArray { describedBinary(answer), QStringLiteral("tag") }));
}

void TestSioExchange::binaryEcho()
{
    CONNECT_CLIENT(client);
    const QByteArray b0 = allByteValues();
    const QByteArray b1 = QByteArray("second\x00binary", 13);
    const QByteArray b2 = QByteArray(3000, '\x7f');
    const Payload payload(
        QJsonArray {
            placeholder(0),
            QStringLiteral("mid"),
            QJsonObject { { QStringLiteral("inner"), placeholder(1) },
                          { QStringLiteral("list"), QJsonArray { placeholder(2), 7 } } },
        },
        { b0, b1, b2 });
    const AckResult result = emitAndWait(*client, QStringLiteral("echo"), payload);
    QVERIFY2(result.ok(), qPrintable(result.error));
    const Payload &back = result.payload;
    QVERIFY2(back.args().size() == 3, qPrintable(toText(back)));
    QCOMPARE(back.binaries.size(), 3);
    QCOMPARE(back.args().at(1).toString(), QStringLiteral("mid"));
    QCOMPARE(binaryAt(back, back.args().at(0)), std::optional<QByteArray>(b0));
    const QJsonObject inner = back.args().at(2).toObject();
    QCOMPARE(binaryAt(back, inner.value(QStringLiteral("inner"))), std::optional<QByteArray>(b1));
    QCOMPARE(binaryAt(back, inner.value(QStringLiteral("list")).toArray().at(0)),
             std::optional<QByteArray>(b2));
    QCOMPARE(inner.value(QStringLiteral("list")).toArray().at(1).toInt(), 7);
}

void TestSioExchange::binaryArrivesAsBinary()
{
    CONNECT_CLIENT(client);
    const QByteArray b0 = allByteValues();
    const QByteArray b1 = QByteArrayLiteral("two");
    const Payload payload(QJsonArray { placeholder(0), QStringLiteral("text"),
                                       QJsonObject { { QStringLiteral("k"), placeholder(1) } } },
                          { b0, b1 });
    const AckResult result = emitAndWait(*client, QStringLiteral("inspect"), payload);
    QVERIFY2(result.ok(), qPrintable(result.error));
    // The server saw real binaries where the placeholders were, not JSON objects.
    QCOMPARE(result.payload.args().at(0).toArray(),
             (QJsonArray { describedBinary(b0), QStringLiteral("text"),
                           QJsonObject { { QStringLiteral("k"), describedBinary(b1) } } }));
}

void TestSioExchange::emptyBinary()
{
    CONNECT_CLIENT(client);
    const AckResult seen
        = emitAndWait(*client, QStringLiteral("inspect"), payloadOf({ QByteArray(), QJsonValue(1) }));
    QVERIFY2(seen.ok(), qPrintable(seen.error));
    QCOMPARE(seen.payload.args().at(0).toArray(), (QJsonArray { describedBinary({}), 1 }));
    const AckResult back
        = emitAndWait(*client, QStringLiteral("echo"), payloadOf({ QByteArray(), QJsonValue(1) }));
    QVERIFY2(back.ok(), qPrintable(back.error));
    QCOMPARE(back.payload.binaries.size(), 1);
    QCOMPARE(binaryAt(back.payload, back.payload.args().at(0)), std::optional<QByteArray>(QByteArray()));
}

void TestSioExchange::binaryFromServer()
{
    CONNECT_CLIENT(client);
    const QByteArray b0 = allByteValues();
    const QByteArray b1 = QByteArray(70000, 'z');
    std::optional<Payload> blob;
    client->on(QStringLiteral("blob"), [&](const Payload &payload, const Reply &) { blob = payload; });
    client->emitEvent(
        QStringLiteral("emit_back"),
        QJsonObject {
            { QStringLiteral("event"), QStringLiteral("blob") },
            { QStringLiteral("args"),
              QJsonArray { describedBinary(b0), QJsonObject { { QStringLiteral("k"), describedBinary(b1) } },
                           QStringLiteral("t") } } });
    QTRY_VERIFY_WITH_TIMEOUT(blob.has_value(), 15000);
    QVERIFY2(blob->args().size() == 3, qPrintable(toText(*blob)));
    QCOMPARE(blob->binaries.size(), 2);
    QCOMPARE(binaryAt(*blob, blob->args().at(0)), std::optional<QByteArray>(b0));
    QCOMPARE(binaryAt(*blob, blob->args().at(1).toObject().value(QStringLiteral("k"))),
             std::optional<QByteArray>(b1));
    QCOMPARE(blob->args().at(2).toString(), QStringLiteral("t"));
}

void TestSioExchange::largeBinaryEcho()
{
    CONNECT_CLIENT(client);
    QByteArray big(1024 * 1024, Qt::Uninitialized);
    QRandomGenerator random(7);
    for (char &c : big)
        c = static_cast<char>(random.bounded(256));
    const AckResult result = emitAndWait(*client, QStringLiteral("echo"), payloadOf({ big }), 30000);
    QVERIFY2(result.ok(), qPrintable(result.error));
    QCOMPARE(result.payload.binaries.size(), 1);
    QVERIFY(binaryAt(result.payload, result.payload.args().at(0)) == big);
}

void TestSioExchange::burstArrivesInOrder()
{
    CONNECT_CLIENT(client);
    constexpr int count = 200;
    QList<int> seen;
    client->on(QStringLiteral("tick"), [&](const Payload &payload, const Reply &) {
        seen.append(payload.args().at(0).toObject().value(QStringLiteral("i")).toInt(-1));
    });
    client->emitEvent(QStringLiteral("burst"),
                      QJsonObject { { QStringLiteral("event"), QStringLiteral("tick") },
                                    { QStringLiteral("count"), count } });
    QTRY_COMPARE_WITH_TIMEOUT(seen.size(), count, 20000);
    for (int i = 0; i < count; ++i)
        QCOMPARE(seen.at(i), i);
    QTest::qWait(300);
    QCOMPARE(seen.size(), count); // nothing twice
}

void TestSioExchange::ackTimeout()
{
    CONNECT_CLIENT(client);
    AckCatcher held;
    QElapsedTimer clock;
    clock.start();
    client->emitEvent(QStringLiteral("hold"), QJsonObject {}, held.callback(), 300);
    QVERIFY(held.wait(10000));
    QCOMPARE(held.result().error, QStringLiteral("timeout"));
    QVERIFY2(clock.elapsed() >= 250, qPrintable(QString::number(clock.elapsed())));
    QTest::qWait(500);
    QCOMPARE(held.calls(), 1);
    // The connection is still usable.
    QCOMPARE(client->state(), SocketIoClient::State::Connected);
    const AckResult after
        = emitAndWait(*client, QStringLiteral("echo"), QJsonObject { { QStringLiteral("still"), true } });
    QVERIFY2(after.ok(), qPrintable(after.error));
}

QTEST_GUILESS_MAIN(TestSioExchange)
#include "tst_sioexchange.moc"
