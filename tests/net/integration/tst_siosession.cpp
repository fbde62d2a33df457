// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// Session life cycle against the real socket.io 4.8 server: auth accepted and
// refused, server- and client-side disconnects (no automatic reconnect), and
// the polling -> WebSocket upgrade.

#include "siotestsupport.h"

#include <QLoggingCategory>
#include <QScopeGuard>
#include <QTest>

using namespace ringchat::net;
using namespace ringchat::net::test;

namespace {

// Everything the client reports, in order, so a test can check what did and
// did not happen.
struct ClientLog : QObject
{
    explicit ClientLog(SocketIoClient *client)
    {
        connect(client, &SocketIoClient::connected, this, [this](const QString &id, bool recovered) {
            connectedIds.append(id);
            recoveredFlags.append(recovered);
        });
        connect(client, &SocketIoClient::disconnected, this,
                [this](const QString &reason) { disconnectReasons.append(reason); });
        connect(client, &SocketIoClient::connectError, this,
                [this](const QString &message, const QJsonValue &data) {
                    errors.append({ message, data });
                });
        connect(client, &SocketIoClient::reconnectScheduled, this, [this](int attempt, int delayMs) {
            reconnects.append({ attempt, delayMs });
        });
    }
    QStringList connectedIds;
    QList<bool> recoveredFlags;
    QStringList disconnectReasons;
    QList<QPair<QString, QJsonValue>> errors;
    QList<QPair<int, int>> reconnects;
};

const QStringList kWebsocket { QStringLiteral("websocket") };
const QStringList kPolling { QStringLiteral("polling") };
const QStringList kPollingThenWebsocket { QStringLiteral("polling"), QStringLiteral("websocket") };

} // namespace

class TestSioSession : public QObject
{
    Q_OBJECT

private:
    void addRows();
    SocketIoOptions rowOptions();

private slots:
    void authRefused_data() { addRows(); }
    void authRefused();
    void serverDisconnect_data() { addRows(); }
    void serverDisconnect();
    void serverDisconnectAndClose_data() { addRows(); }
    void serverDisconnectAndClose();
    void clientClose_data() { addRows(); }
    void clientClose();
    void refusalDuringReconnectStopsRetrying_data() { addRows(); }
    void refusalDuringReconnectStopsRetrying();
    void tokenIsNeverLogged();
    void upgradeToWebsocketLosesNothing();
    void noUpgradeWhenDisabled();
    void pollingOnlyServerIsNeverUpgraded();
};

void TestSioSession::addRows()
{
    QTest::addColumn<QByteArray>("serverEnv");
    QTest::addColumn<QStringList>("transports");
    QTest::newRow("websocket") << QByteArray("RINGCHAT_SIO_SERVER_STATE") << kWebsocket;
    QTest::newRow("polling") << QByteArray("RINGCHAT_SIO_SERVER_STATE") << kPolling;
    QTest::newRow("polling-only server") << QByteArray("RINGCHAT_SIO_POLLING_SERVER_STATE") << kPolling;
}

SocketIoOptions TestSioSession::rowOptions()
{
    QFETCH(QByteArray, serverEnv);
    QFETCH(QStringList, transports);
    SocketIoOptions options = baseOptions(fixturePort(serverEnv.constData()));
    options.transports = transports;
    options.upgrade = false;
    // Short, so that a wrong automatic reconnect would show within the test's wait.
    options.reconnect.initialDelayMs = 100;
    options.reconnect.maxDelayMs = 200;
    return options;
}

void TestSioSession::authRefused()
{
    SocketIoOptions options = rowOptions();
    QVERIFY(options.serverUrl.port() > 0);
    options.auth = QJsonObject { { QStringLiteral("token"), QStringLiteral("bad") } };
    SocketIoClient client(options);
    ClientLog log(&client);
    client.open();
    QTRY_COMPARE_WITH_TIMEOUT(log.errors.size(), 1, 20000);
    QCOMPARE(log.errors.at(0).first, QStringLiteral("invalid token"));
    QCOMPARE(log.errors.at(0).second.toObject().value(QStringLiteral("code")).toString(),
             QStringLiteral("INVALID_TOKEN"));
    QCOMPARE(client.state(), SocketIoClient::State::Disconnected);
    // A refusal is final until the caller opens again: no reconnect, no retry.
    QTest::qWait(1500);
    QCOMPARE(log.errors.size(), 1);
    QVERIFY2(log.reconnects.isEmpty(), "the client scheduled a reconnect after CONNECT_ERROR");
    QVERIFY(log.connectedIds.isEmpty());
    QCOMPARE(client.msUntilRetry(), -1);
    QCOMPARE(client.state(), SocketIoClient::State::Disconnected);

    // With a good token (a refreshed one), open() connects.
    client.setAuth(QJsonObject { { QStringLiteral("token"), QStringLiteral("good") } });
    client.open();
    QTRY_COMPARE_WITH_TIMEOUT(log.connectedIds.size(), 1, 20000);
    QCOMPARE(client.state(), SocketIoClient::State::Connected);
    QCOMPARE(log.errors.size(), 1);
    const AckResult echo
        = emitAndWait(client, QStringLiteral("echo"), QJsonObject { { QStringLiteral("x"), 1 } });
    QVERIFY2(echo.ok(), qPrintable(echo.error));
}

void TestSioSession::serverDisconnect()
{
    SocketIoClient client(rowOptions());
    ClientLog log(&client);
    QVERIFY(openAndWait(client));
    const QString firstId = client.socketId();
    AckCatcher pending;
    client.emitEvent(QStringLiteral("hold"), QJsonObject {}, pending.callback(), 60000);
    client.emitEvent(QStringLiteral("server_disconnect"), QJsonObject {});
    QTRY_COMPARE_WITH_TIMEOUT(log.disconnectReasons.size(), 1, 15000);
    QCOMPARE(log.disconnectReasons.at(0), QStringLiteral("io server disconnect"));
    QCOMPARE(client.state(), SocketIoClient::State::Disconnected);
    // The pending ack is failed at once, not left hanging until its timeout.
    QTRY_VERIFY_WITH_TIMEOUT(pending.done(), 5000);
    QCOMPARE(pending.result().error, QStringLiteral("disconnected"));
    QTest::qWait(1500);
    QVERIFY2(log.reconnects.isEmpty(), "the client reconnected after \"io server disconnect\"");
    QCOMPARE(log.connectedIds.size(), 1);
    QCOMPARE(log.disconnectReasons.size(), 1);
    QCOMPARE(pending.calls(), 1);

    // The caller may connect again; it is a new session.
    QVERIFY(openAndWait(client));
    QVERIFY(client.socketId() != firstId);
    const AckResult echo = emitAndWait(client, QStringLiteral("echo"), QJsonObject {});
    QVERIFY2(echo.ok(), qPrintable(echo.error));
}

void TestSioSession::serverDisconnectAndClose()
{
    // socket.disconnect(true): the DISCONNECT packet, then the server closes the
    // engine connection too. The transport close that follows must not turn
    // into an automatic reconnect.
    SocketIoClient client(rowOptions());
    ClientLog log(&client);
    QVERIFY(openAndWait(client));
    client.emitEvent(QStringLiteral("server_disconnect"), QJsonObject { { QStringLiteral("close"), true } });
    QTRY_COMPARE_WITH_TIMEOUT(log.disconnectReasons.size(), 1, 15000);
    QCOMPARE(log.disconnectReasons.at(0), QStringLiteral("io server disconnect"));
    QTest::qWait(1500);
    QVERIFY2(log.reconnects.isEmpty(), "the client reconnected after \"io server disconnect\"");
    QCOMPARE(log.disconnectReasons.size(), 1);
    QCOMPARE(log.connectedIds.size(), 1);
    QCOMPARE(client.state(), SocketIoClient::State::Disconnected);
}

void TestSioSession::clientClose()
{
    const SocketIoOptions options = rowOptions();
    SocketIoClient client(options);
    ClientLog log(&client);
    QVERIFY(openAndWait(client));
    const QString id = client.socketId();
    client.close();
    QTRY_COMPARE_WITH_TIMEOUT(log.disconnectReasons.size(), 1, 5000);
    QCOMPARE(log.disconnectReasons.at(0), QStringLiteral("io client disconnect"));
    QCOMPARE(client.state(), SocketIoClient::State::Disconnected);
    // The server saw a clean namespace disconnect (the DISCONNECT packet was sent).
    const int port = options.serverUrl.port();
    QString serverReason;
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            const auto log = controlGet(port, QStringLiteral("disconnect-log"));
            if (!log)
                return false;
            for (const QJsonValue &entry : log->array())
                if (entry[QStringLiteral("id")].toString() == id)
                    serverReason = entry[QStringLiteral("reason")].toString();
            return !serverReason.isEmpty();
        }(),
        10000);
    QCOMPARE(serverReason, QStringLiteral("client namespace disconnect"));
    QTest::qWait(1000);
    QVERIFY(log.reconnects.isEmpty());
    QCOMPARE(log.connectedIds.size(), 1);
}

void TestSioSession::refusalDuringReconnectStopsRetrying()
{
    // The token goes bad while connected (setAuth), then the link drops: the
    // automatic reconnect is refused, and a refusal ends the retrying.
    const SocketIoOptions options = rowOptions();
    const int port = options.serverUrl.port();
    SocketIoClient client(options);
    ClientLog log(&client);
    QVERIFY(openAndWait(client));
    client.setAuth(QJsonObject { { QStringLiteral("token"), QStringLiteral("bad") } });
    const auto dropped = controlGet(port, QStringLiteral("drop?id=%1&mode=close").arg(client.socketId()));
    QVERIFY(dropped && dropped->object().value(QStringLiteral("ok")).toBool());
    QTRY_COMPARE_WITH_TIMEOUT(log.disconnectReasons.size(), 1, 10000);
    QVERIFY2(log.disconnectReasons.at(0) == QLatin1String("transport close")
                 || log.disconnectReasons.at(0) == QLatin1String("transport error"),
             qPrintable(log.disconnectReasons.at(0)));
    QTRY_COMPARE_WITH_TIMEOUT(log.errors.size(), 1, 15000);
    QCOMPARE(log.errors.at(0).second.toObject().value(QStringLiteral("code")).toString(),
             QStringLiteral("INVALID_TOKEN"));
    QVERIFY(!log.reconnects.isEmpty());
    const int scheduled = log.reconnects.size();
    QTest::qWait(1500);
    QCOMPARE(log.reconnects.size(), scheduled);
    QCOMPARE(log.errors.size(), 1);
    QCOMPARE(client.state(), SocketIoClient::State::Disconnected);
    QCOMPARE(client.msUntilRetry(), -1);
    // A refreshed token and open() bring it back.
    client.setAuth(QJsonObject { { QStringLiteral("token"), QStringLiteral("good") } });
    QVERIFY(openAndWait(client));
}

namespace {
QStringList g_logLines;
void collectLog(QtMsgType, const QMessageLogContext &context, const QString &message)
{
    g_logLines.append(QString::fromUtf8(context.category ? context.category : "") + u' ' + message);
}
} // namespace

void TestSioSession::tokenIsNeverLogged()
{
    const QString secret = QStringLiteral("good-s3cr3t-7f1e9a");
    const int port = fixturePort("RINGCHAT_SIO_SERVER_STATE");
    QVERIFY(port > 0);
    QLoggingCategory::setFilterRules(QStringLiteral("*.debug=true"));
    g_logLines.clear();
    const QtMessageHandler previous = qInstallMessageHandler(collectLog);
    const auto restore = qScopeGuard([previous] {
        qInstallMessageHandler(previous);
        QLoggingCategory::setFilterRules(QString());
    });
    {
        SocketIoOptions options = baseOptions(port);
        options.transports = kPollingThenWebsocket; // polling, upgrade, websocket
        options.reconnect.initialDelayMs = 100;
        options.auth = QJsonObject { { QStringLiteral("token"), secret } };
        SocketIoClient client(options);
        ClientLog log(&client);
        QVERIFY(openAndWait(client));
        QTRY_COMPARE_WITH_TIMEOUT(client.transportName(), QStringLiteral("websocket"), 15000);
        // A reconnect sends the token again; a refusal echoes nothing of it either.
        QVERIFY(controlGet(port, QStringLiteral("drop?id=%1&mode=close").arg(client.socketId())));
        QTRY_COMPARE_WITH_TIMEOUT(log.connectedIds.size(), 2, 15000);
        client.setAuth(QJsonObject { { QStringLiteral("token"), QStringLiteral("bad-") + secret } });
        client.close();
        bool refused = false;
        connect(&client, &SocketIoClient::connectError, this, [&refused] { refused = true; });
        client.open();
        QTRY_VERIFY_WITH_TIMEOUT(refused, 15000);
    }
    qInstallMessageHandler(previous);
    // The net layer's debug output was captured, or the check would prove nothing.
    QVERIFY2(std::any_of(g_logLines.cbegin(), g_logLines.cend(),
                         [](const QString &line) { return line.startsWith(u"ringchat.net"); }),
             "no ringchat.net log output captured");
    for (const QString &line : std::as_const(g_logLines))
        QVERIFY2(!line.contains(QStringLiteral("s3cr3t")), qPrintable(line));
}

void TestSioSession::upgradeToWebsocketLosesNothing()
{
    SocketIoOptions options = baseOptions(fixturePort("RINGCHAT_SIO_SERVER_STATE"));
    QVERIFY(options.serverUrl.port() > 0);
    options.transports = kPollingThenWebsocket;
    options.upgrade = true;
    SocketIoClient client(options);
    ClientLog log(&client);
    constexpr int count = 30;
    std::vector<AckCatcher> catchers(count);
    // Emit the moment the session opens, while the upgrade probe runs.
    connect(&client, &SocketIoClient::connected, this, [&] {
        for (int i = 0; i < count; ++i)
            client.emitEvent(QStringLiteral("echo"), QJsonObject { { QStringLiteral("n"), i } },
                             catchers[i].callback());
    });
    client.open();
    QTRY_COMPARE_WITH_TIMEOUT(log.connectedIds.size(), 1, 20000);
    QTRY_COMPARE_WITH_TIMEOUT(client.transportName(), QStringLiteral("websocket"), 15000);
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
    }
    const AckResult who = emitAndWait(client, QStringLiteral("whoami"), Payload {});
    QVERIFY2(who.ok(), qPrintable(who.error));
    QCOMPARE(who.payload.args().at(0)[QStringLiteral("transport")].toString(), QStringLiteral("websocket"));
    QCOMPARE(who.payload.args().at(0)[QStringLiteral("id")].toString(), client.socketId());
    // Binary still works over the upgraded transport.
    const AckResult blob
        = emitAndWait(client, QStringLiteral("echo"), payloadOf({ QByteArray("\x01\x02\x03", 3) }));
    QVERIFY2(blob.ok(), qPrintable(blob.error));
    QCOMPARE(binaryAt(blob.payload, blob.payload.args().at(0)),
             std::optional<QByteArray>(QByteArray("\x01\x02\x03", 3)));
    QCOMPARE(log.connectedIds.size(), 1);
    QVERIFY(log.disconnectReasons.isEmpty());
    for (const AckCatcher &c : catchers)
        QCOMPARE(c.calls(), 1);
}

void TestSioSession::noUpgradeWhenDisabled()
{
    SocketIoOptions options = baseOptions(fixturePort("RINGCHAT_SIO_SERVER_STATE"));
    QVERIFY(options.serverUrl.port() > 0);
    options.transports = kPollingThenWebsocket;
    options.upgrade = false;
    SocketIoClient client(options);
    QVERIFY(openAndWait(client));
    QCOMPARE(client.transportName(), QStringLiteral("polling"));
    QTest::qWait(2000);
    QCOMPARE(client.transportName(), QStringLiteral("polling"));
    const AckResult who = emitAndWait(client, QStringLiteral("whoami"), Payload {});
    QVERIFY2(who.ok(), qPrintable(who.error));
    QCOMPARE(who.payload.args().at(0)[QStringLiteral("transport")].toString(), QStringLiteral("polling"));
}

void TestSioSession::pollingOnlyServerIsNeverUpgraded()
{
    SocketIoOptions options = baseOptions(fixturePort("RINGCHAT_SIO_POLLING_SERVER_STATE"));
    QVERIFY(options.serverUrl.port() > 0);
    options.transports = kPollingThenWebsocket;
    options.upgrade = true;
    SocketIoClient client(options);
    ClientLog log(&client);
    QVERIFY(openAndWait(client));
    QTest::qWait(2000);
    QCOMPARE(client.transportName(), QStringLiteral("polling"));
    const AckResult echo
        = emitAndWait(client, QStringLiteral("echo"), QJsonObject { { QStringLiteral("after"), 2 } });
    QVERIFY2(echo.ok(), qPrintable(echo.error));
    QCOMPARE(log.connectedIds.size(), 1);
    QVERIFY(log.disconnectReasons.isEmpty());
}

QTEST_GUILESS_MAIN(TestSioSession)
#include "tst_siosession.moc"
