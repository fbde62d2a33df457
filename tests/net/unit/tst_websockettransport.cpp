// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// WebSocketTransport (Engine.IO over QWebSocket) against peers that misbehave on purpose:
// Qt's QWebSocketServer for close codes and shutdown, and a raw TCP peer that sends exactly
// the bytes a case needs (a refused handshake, a forbidden frame, invalid UTF-8). The same
// transport against the real socket.io server, over ws:// and wss://, is in
// tests/net/integration/tst_siotransport.cpp.
#include "net/websockettransport.h"

#include <QCryptographicHash>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>
#include <QWebSocket>
#include <QWebSocketServer>

using namespace ringchat::net;

namespace {

const qint64 kLimit = 4 * 1024 * 1024; // the transport's message size limit in these tests

const QByteArray kGoodReply = "HTTP/1.1 101 Switching Protocols\r\n"
                              "Upgrade: websocket\r\n"
                              "Connection: Upgrade\r\n"
                              "Sec-WebSocket-Accept: {ACCEPT}\r\n\r\n";

// An unmasked server frame with a payload shorter than 126 bytes.
QByteArray serverFrame(quint8 firstByte, const QByteArray &payload)
{
    return QByteArray(1, char(firstByte)) + char(payload.size()) + payload;
}

// Answers the handshake with `reply` ({ACCEPT} filled in), then sends `frames`.
class RawPeer : public QObject
{
public:
    RawPeer()
    {
        m_server.listen(QHostAddress::LocalHost);
        connect(&m_server, &QTcpServer::newConnection, this, [this] {
            m_socket = m_server.nextPendingConnection();
            connect(m_socket, &QTcpSocket::readyRead, this, &RawPeer::onReadyRead);
        });
    }

    QUrl url() const
    {
        return QUrl(QStringLiteral("ws://127.0.0.1:%1/socket.io/?EIO=4&transport=websocket")
                        .arg(m_server.serverPort()));
    }

    QByteArray reply;
    QByteArray frames;
    bool closeWhenSent = false;

private:
    void onReadyRead()
    {
        m_request += m_socket->readAll();
        if (m_answered || !m_request.contains("\r\n\r\n"))
            return;
        m_answered = true;
        QByteArray key;
        for (const QByteArray &line : m_request.split('\n')) {
            if (line.toLower().startsWith("sec-websocket-key:"))
                key = line.mid(18).trimmed();
        }
        const QByteArray accept
            = QCryptographicHash::hash(key + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11", QCryptographicHash::Sha1)
                  .toBase64();
        m_socket->write(QByteArray(reply).replace("{ACCEPT}", accept) + frames);
        m_socket->flush();
        if (closeWhenSent)
            m_socket->disconnectFromHost();
    }

    QTcpServer m_server;
    QTcpSocket *m_socket = nullptr;
    QByteArray m_request;
    bool m_answered = false;
};

} // namespace

class TestWebSocketTransport : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void carriesPacketsBothWays();
    void reasons_data();
    void reasons();
    void closeCodeIsNamed();
    void messagesUpToTheLimitOnly();
    void shutdownDeliversQueuedPacketsThenClosesNormally();
    void stopDuringHandshakeEmitsNothing();

private:
    QWebSocket *acceptServerSocket();
    // Opens `transport` against the server; the server's side once the transport opened.
    QWebSocket *openAgainstServer(WebSocketTransport &transport);
    QUrl serverUrl() const
    {
        return QUrl(QStringLiteral("ws://127.0.0.1:%1/socket.io/?EIO=4&transport=websocket")
                        .arg(m_server->serverPort()));
    }

    QWebSocketServer *m_server = nullptr;
};

void TestWebSocketTransport::init()
{
    m_server = new QWebSocketServer(QStringLiteral("test"), QWebSocketServer::NonSecureMode, this);
    QVERIFY(m_server->listen(QHostAddress::LocalHost));
}

void TestWebSocketTransport::cleanup()
{
    delete m_server;
    m_server = nullptr;
}

QWebSocket *TestWebSocketTransport::acceptServerSocket()
{
    if (!m_server->hasPendingConnections()) {
        QSignalSpy pending(m_server, &QWebSocketServer::newConnection);
        if (!pending.wait(5000))
            return nullptr;
    }
    QWebSocket *socket = m_server->nextPendingConnection();
    socket->setParent(m_server);
    return socket;
}

QWebSocket *TestWebSocketTransport::openAgainstServer(WebSocketTransport &transport)
{
    QSignalSpy opened(&transport, &Transport::opened);
    transport.open(serverUrl());
    QWebSocket *server = acceptServerSocket();
    return server && (opened.size() == 1 || opened.wait(5000)) ? server : nullptr;
}

void TestWebSocketTransport::carriesPacketsBothWays()
{
    WebSocketTransport transport(kLimit);
    QSignalSpy received(&transport, &Transport::packetReceived);
    QWebSocket *server = openAgainstServer(transport);
    QVERIFY(server);

    QSignalSpy serverText(server, &QWebSocket::textMessageReceived);
    QSignalSpy serverBinary(server, &QWebSocket::binaryMessageReceived);
    const QByteArray utf8 = "[\"say\",\"h\xC3\xA9llo \xE2\x9C\x93 \xF0\x9D\x84\x9E\"]";
    transport.send({ { eio::PacketType::Message, utf8, false },
                     { eio::PacketType::Message, QByteArray("\x00\xFF", 2), true } });
    QTRY_COMPARE(serverBinary.size(), 1);
    QCOMPARE(serverText.size(), 1);
    QCOMPARE(serverText.at(0).at(0).toString(), QStringLiteral("4") + QString::fromUtf8(utf8));
    QCOMPARE(serverBinary.at(0).at(0).toByteArray(), QByteArray("\x00\xFF", 2));

    server->sendTextMessage(QStringLiteral("2probe"));
    server->sendTextMessage(QStringLiteral("4") + QString::fromUtf8(utf8));
    server->sendBinaryMessage(QByteArray("\x01\x02", 2));
    QTRY_COMPARE(received.size(), 3);
    const auto packet = [&](int i) { return received.at(i).at(0).value<eio::Packet>(); };
    QCOMPARE(packet(0).type, eio::PacketType::Ping);
    QCOMPARE(packet(0).data, QByteArray("probe"));
    QCOMPARE(packet(1).type, eio::PacketType::Message);
    QCOMPARE(packet(1).data, utf8); // the UTF-16 round trip gives back the same bytes
    QVERIFY(packet(2).binary);
    QCOMPARE(packet(2).data, QByteArray("\x01\x02", 2));
}

void TestWebSocketTransport::reasons_data()
{
    QTest::addColumn<QByteArray>("reply");
    QTest::addColumn<QByteArray>("frames");
    QTest::addColumn<bool>("closeWhenSent");
    QTest::addColumn<QString>("reason");
    QTest::addColumn<bool>("beforeOpen");
    QTest::addColumn<QString>("sentenceHas"); // empty: no sentence expected
    QTest::newRow("refused handshake")
        << QByteArray("HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\n\r\n") << QByteArray() << false
        << QStringLiteral("transport error") << true << QStringLiteral("127.0.0.1");
    QTest::newRow("closed before reply")
        << QByteArray() << QByteArray() << true << QStringLiteral("transport error") << true
        << QStringLiteral("127.0.0.1");
    QTest::newRow("close frame 1000") << kGoodReply << serverFrame(0x88, QByteArray("\x03\xE8", 2)) << false
                                      << QStringLiteral("transport close") << false << QString();
    QTest::newRow("TCP closed") << kGoodReply << QByteArray() << true << QStringLiteral("transport close")
                                << false << QString();
    QTest::newRow("reserved opcode") << kGoodReply << serverFrame(0x83, "4") << false
                                     << QStringLiteral("parse error") << false << QStringLiteral("1002");
    QTest::newRow("invalid UTF-8") << kGoodReply << serverFrame(0x81, "4\xFF") << false
                                   << QStringLiteral("parse error") << false << QStringLiteral("1007");
    QTest::newRow("unknown Engine.IO type") << kGoodReply << serverFrame(0x81, "9x") << false
                                            << QStringLiteral("parse error") << false << QString();
}

void TestWebSocketTransport::reasons()
{
    QFETCH(QByteArray, reply);
    QFETCH(QByteArray, frames);
    QFETCH(bool, closeWhenSent);
    QFETCH(QString, reason);
    QFETCH(bool, beforeOpen);
    QFETCH(QString, sentenceHas);
    RawPeer peer;
    peer.reply = reply;
    peer.frames = frames;
    peer.closeWhenSent = closeWhenSent;
    WebSocketTransport transport(kLimit);
    QSignalSpy failed(&transport, &Transport::failed);
    transport.open(peer.url());
    QVERIFY(failed.wait(10000));
    QCOMPARE(failed.first().at(0).toString(), reason);
    QCOMPARE(failed.first().at(1).toBool(), beforeOpen);
    const QString sentence = failed.first().at(2).toString();
    if (sentenceHas.isEmpty())
        QVERIFY2(sentence.isEmpty(), qPrintable(sentence));
    else
        QVERIFY2(sentence.contains(sentenceHas), qPrintable(sentence));
    QTest::qWait(50);
    QCOMPARE(failed.size(), 1); // exactly once
}

void TestWebSocketTransport::closeCodeIsNamed()
{
    WebSocketTransport transport(kLimit);
    QSignalSpy failed(&transport, &Transport::failed);
    QWebSocket *server = openAgainstServer(transport);
    QVERIFY(server);
    server->close(QWebSocketProtocol::CloseCode(4001), QStringLiteral("maintenance"));
    QVERIFY(failed.wait(5000));
    QCOMPARE(failed.first().at(0).toString(), QStringLiteral("transport close"));
    QCOMPARE(failed.first().at(1).toBool(), false);
    const QString sentence = failed.first().at(2).toString();
    QVERIFY2(sentence.contains(QLatin1String("4001")) && sentence.contains(QLatin1String("maintenance")),
             qPrintable(sentence));
}

void TestWebSocketTransport::messagesUpToTheLimitOnly()
{
    // The read buffer is bounded, yet holds a whole message of the largest allowed size.
    WebSocketTransport transport(kLimit);
    QSignalSpy received(&transport, &Transport::packetReceived);
    QSignalSpy failed(&transport, &Transport::failed);
    QWebSocket *server = openAgainstServer(transport);
    QVERIFY(server);
    const QString largest = QStringLiteral("4") + QString(kLimit - 1, u'x');
    server->sendTextMessage(largest);
    QTRY_COMPARE_WITH_TIMEOUT(received.size(), 1, 10000);
    QCOMPARE(received.at(0).at(0).value<eio::Packet>().data.size(), kLimit - 1);
    QVERIFY(failed.isEmpty());
    server->sendTextMessage(largest + QLatin1Char('x'));
    QVERIFY(failed.wait(10000));
    QCOMPARE(failed.first().at(0).toString(), QStringLiteral("parse error"));
    QVERIFY2(failed.first().at(2).toString().contains(QLatin1String("1009")),
             qPrintable(failed.first().at(2).toString()));
    QCOMPARE(received.size(), 1);
}

void TestWebSocketTransport::shutdownDeliversQueuedPacketsThenClosesNormally()
{
    auto *transport = new WebSocketTransport(kLimit);
    QWebSocket *server = openAgainstServer(*transport);
    QVERIFY(server);
    QSignalSpy serverText(server, &QWebSocket::textMessageReceived);
    QSignalSpy serverGone(server, &QWebSocket::disconnected);
    const QByteArray big(2 * 1024 * 1024, 'b'); // more than the kernel takes at once
    transport->send({ { eio::PacketType::Message, big, false }, { eio::PacketType::Close, {}, false } });
    transport->shutdown(); // deletes itself
    QTRY_COMPARE_WITH_TIMEOUT(serverGone.size(), 1, 10000);
    QCOMPARE(serverText.size(), 2);
    QCOMPARE(serverText.at(0).at(0).toString().size(), big.size() + 1);
    QCOMPARE(serverText.at(1).at(0).toString(), QStringLiteral("1"));
    QCOMPARE(server->closeCode(), QWebSocketProtocol::CloseCodeNormal);
}

void TestWebSocketTransport::stopDuringHandshakeEmitsNothing()
{
    RawPeer peer; // never answers: no reply set
    WebSocketTransport transport(kLimit);
    QSignalSpy failed(&transport, &Transport::failed);
    QSignalSpy opened(&transport, &Transport::opened);
    transport.open(peer.url());
    QTest::qWait(100);
    transport.stop();
    QTest::qWait(100);
    QCOMPARE(failed.size(), 0);
    QCOMPARE(opened.size(), 0);
}

QTEST_GUILESS_MAIN(TestWebSocketTransport)
#include "tst_websockettransport.moc"
