// Our RFC 6455 client (ws::FrameDecoder, WebSocketConnection, WebSocketTransport) against
// Qt's QWebSocketServer as a real peer, and against a raw TCP peer that sends exactly the
// bytes each case needs (bad handshakes, forbidden frames), whole or one byte at a time.
#include "net/websocketconnection.h"
#include "net/websocketframe.h"
#include "net/websockettransport.h"

#include <QScopeGuard>
#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QSslConfiguration>
#include <QSslKey>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>
#include <QTimer>
#include <QWebSocket>
#include <QWebSocketServer>
#include <QtEndian>

using namespace ringchat::net;
using Failure = WebSocketConnection::Failure;

namespace {

struct ClientFrame {
    ws::Opcode opcode;
    bool fin;
    QByteArray payload;   // unmasked
};

// Decodes what our client sent after its handshake: masked frames, checked as a server must.
QList<ClientFrame> decodeClientFrames(QByteArrayView bytes, bool *complete = nullptr)
{
    QList<ClientFrame> frames;
    qsizetype pos = 0;
    if (complete)
        *complete = false;
    while (bytes.size() - pos >= 2) {
        const auto *p = reinterpret_cast<const uchar *>(bytes.data() + pos);
        if (!(p[1] & 0x80))
            return frames;   // unmasked: the caller sees the frame missing
        qsizetype header = 2;
        quint64 length = p[1] & 0x7F;
        if (length == 126) {
            header = 4;
            if (bytes.size() - pos < header)
                return frames;
            length = qFromBigEndian<quint16>(p + 2);
        } else if (length == 127) {
            header = 10;
            if (bytes.size() - pos < header)
                return frames;
            length = qFromBigEndian<quint64>(p + 2);
        }
        if (quint64(bytes.size() - pos) < header + 4 + length)
            return frames;
        QByteArray payload(bytes.data() + pos + header + 4, qsizetype(length));
        const char *key = bytes.data() + pos + header;
        for (qsizetype i = 0; i < payload.size(); ++i)
            payload[i] = char(payload[i] ^ key[i % 4]);
        frames.append({ ws::Opcode(p[0] & 0x0F), bool(p[0] & 0x80), payload });
        pos += header + 4 + qsizetype(length);
    }
    if (complete)
        *complete = pos == bytes.size();
    return frames;
}

QByteArray serverFrame(quint8 first, QByteArrayView payload)
{
    QByteArray frame(1, char(first));
    if (payload.size() < 126) {
        frame += char(payload.size());
    } else if (payload.size() <= 0xFFFF) {
        frame += char(126);
        char length[2];
        qToBigEndian(quint16(payload.size()), length);
        frame += QByteArray(length, 2);
    } else {
        frame += char(127);
        char length[8];
        qToBigEndian(quint64(payload.size()), length);
        frame += QByteArray(length, 8);
    }
    return frame + payload.toByteArray();
}

QByteArray closePayload(quint16 code)
{
    char bytes[2];
    qToBigEndian(code, bytes);
    return QByteArray(bytes, 2);
}

// Records everything a WebSocketConnection emits.
struct ConnectionProbe {
    explicit ConnectionProbe(WebSocketConnection &connection)
    {
        QObject::connect(&connection, &WebSocketConnection::opened, [this] { ++opened; });
        QObject::connect(&connection, &WebSocketConnection::messageReceived,
                         [this](QByteArrayView payload, bool binary) {
                             messages.append({ payload.toByteArray(), binary });
                         });
        QObject::connect(&connection, &WebSocketConnection::failed,
                         [this](Failure failure, const QString &, bool beforeOpen) {
                             failures.append({ failure, beforeOpen });
                         });
    }
    int opened = 0;
    QList<QPair<QByteArray, bool>> messages;
    QList<QPair<Failure, bool>> failures;
};

// A TCP peer that answers the handshake with a scripted reply and then sends scripted
// bytes, whole or one byte per event-loop turn. "{ACCEPT}" in the reply becomes the
// right Sec-WebSocket-Accept for the client's key.
class RawPeer : public QObject {
public:
    RawPeer()
    {
        m_server.listen(QHostAddress::LocalHost);
        connect(&m_server, &QTcpServer::newConnection, this, [this] {
            m_socket = m_server.nextPendingConnection();
            m_socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
            connect(m_socket, &QTcpSocket::readyRead, this, &RawPeer::onReadyRead);
            connect(m_socket, &QTcpSocket::disconnected, this, [this] { clientGone = true; });
        });
        m_timer.setInterval(1);
        connect(&m_timer, &QTimer::timeout, this, &RawPeer::sendSome);
    }

    // Blocks on the peer's socket only: the client's socket gets no event-loop pass.
    void waitForClientBytes(int timeoutMs)
    {
        if (m_socket)
            m_socket->waitForReadyRead(timeoutMs);
    }

    QUrl url() const
    {
        return QUrl(QStringLiteral("ws://127.0.0.1:%1/socket.io/?EIO=4&transport=websocket")
                        .arg(m_server.serverPort()));
    }

    QByteArray reply;           // the handshake reply
    QByteArray frames;          // sent right after the reply
    bool byteByByte = false;
    bool closeWhenSent = false; // then the peer ends the TCP connection
    QByteArray request;         // the client's handshake
    QByteArray received;        // what the client sent after its handshake
    bool clientGone = false;

private:
    void onReadyRead()
    {
        const QByteArray data = m_socket->readAll();
        if (m_pending.isNull() && !m_started) {
            request += data;
            const qsizetype end = request.indexOf("\r\n\r\n");
            if (end < 0)
                return;
            received = request.mid(end + 4);
            request.truncate(end + 4);
            QByteArray key;
            for (const QByteArray &line : request.split('\n')) {
                if (line.toLower().startsWith("sec-websocket-key:"))
                    key = line.mid(18).trimmed();
            }
            m_started = true;
            m_pending = QByteArray(reply).replace("{ACCEPT}", ws::acceptFor(key)) + frames;
            if (byteByByte)
                m_timer.start();
            else
                sendSome();
            return;
        }
        received += data;
    }

    void sendSome()
    {
        if (!m_socket)
            return;
        const qsizetype n = byteByByte ? 1 : m_pending.size();
        m_socket->write(m_pending.left(n));
        m_socket->flush();
        m_pending.remove(0, n);
        if (m_pending.isEmpty()) {
            m_timer.stop();
            if (closeWhenSent)
                m_socket->disconnectFromHost();
        }
    }

    QTcpServer m_server;
    QTcpSocket *m_socket = nullptr;
    QByteArray m_pending;
    bool m_started = false;
    QTimer m_timer;
};

// A self-signed certificate for 127.0.0.1 (test only; generated with
// openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -days 36500
// -subj /CN=127.0.0.1 -addext subjectAltName=IP:127.0.0.1).
const char kTestCertificate[] =
    "-----BEGIN CERTIFICATE-----\n"
    "MIIBkDCCATagAwIBAgIUDXB299AefV6ed67d3o6uCBHgYHgwCgYIKoZIzj0EAwIw\n"
    "FDESMBAGA1UEAwwJMTI3LjAuMC4xMCAXDTI2MTEyNzA5MzQ0OFoYDzIxMjYxMTAz\n"
    "MDkzNDQ4WjAUMRIwEAYDVQQDDAkxMjcuMC4wLjEwWTATBgcqhkjOPQIBBggqhkjO\n"
    "PQMBBwNCAATNzv43kND9lwtQbFrXLhcoNi93rJlhGTEtRXyNcbeAXNkPYnbFA1Bv\n"
    "jwA+tYfxJXs8skWci7nJXNEXKFHWg+yoo2QwYjAdBgNVHQ4EFgQUk2b7BDfHL3PD\n"
    "nhHqgTYhgN3H8tswHwYDVR0jBBgwFoAUk2b7BDfHL3PDnhHqgTYhgN3H8tswDwYD\n"
    "VR0TAQH/BAUwAwEB/zAPBgNVHREECDAGhwR/AAABMAoGCCqGSM49BAMCA0gAMEUC\n"
    "IQCRHHHFW5LAkauSbDMHJb8BrBWuPAziz/wAH0qY/4FrWwIgXdH+6dCRt/0Mt04d\n"
    "rgeXqVzx/omaWslhXNkDJYFt1tY=\n"
    "-----END CERTIFICATE-----\n";
const char kTestKey[] =
    "-----BEGIN PRIVATE KEY-----\n"
    "MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgmuirIasORZID3kpt\n"
    "safnhLVpG4oUPycooofuRWoI/56hRANCAATNzv43kND9lwtQbFrXLhcoNi93rJlh\n"
    "GTEtRXyNcbeAXNkPYnbFA1BvjwA+tYfxJXs8skWci7nJXNEXKFHWg+yo\n"
    "-----END PRIVATE KEY-----\n";

const QByteArray kGoodReply = "HTTP/1.1 101 Switching Protocols\r\n"
                              "Upgrade: websocket\r\n"
                              "Connection: Upgrade\r\n"
                              "Sec-WebSocket-Accept: {ACCEPT}\r\n\r\n";

} // namespace

class TestWebSocket : public QObject {
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    // Codec
    void acceptMatchesRfcExample();
    void handshakeRequest_data();
    void handshakeRequest();
    void decoderReassemblesFragmentsAroundPings();
    void decoderRejectsInvalidUtf8_data();
    void decoderRejectsInvalidUtf8();
    void decoderSurvivesRandomInput();

    // Against QWebSocketServer
    void textAndBinaryBothWays();
    void payloadLengths_data();
    void payloadLengths();
    void fragmentedMessagesFromServer();
    void serverPingGetsPong();
    void serverCloseWithCode();
    void ourCloseFlushesFirst();
    void transportCarriesEngineIoPackets();
    void transportShutdownDeliversQueuedPackets();

    // Against a raw peer
    void rejectsBadPeer_data();
    void rejectsBadPeer();
    void byteByByteDelivery();
    void transportReasons_data();
    void transportReasons();
    void stopDuringHandshakeEmitsNothing();
    void shutdownSendsWithoutAnotherEventLoopPass();

    // wss:// against QWebSocketServer in secure mode
    void wssRejectsUntrustedCertificate();
    void wssWithTrustedCertificate();

private:
    QWebSocket *acceptServerSocket();
    QWebSocketServer *startSecureServer();

    QWebSocketServer *m_server = nullptr;
    QList<QWebSocket *> m_serverSockets;
};

void TestWebSocket::init()
{
    m_server = new QWebSocketServer(QStringLiteral("test"), QWebSocketServer::NonSecureMode, this);
    QVERIFY(m_server->listen(QHostAddress::LocalHost));
    m_serverSockets.clear();
    connect(m_server, &QWebSocketServer::newConnection, this, [this] {
        while (QWebSocket *socket = m_server->nextPendingConnection())
            m_serverSockets.append(socket);
    });
}

void TestWebSocket::cleanup()
{
    delete m_server;
    m_server = nullptr;
    qDeleteAll(m_serverSockets);
    m_serverSockets.clear();
}

QWebSocket *TestWebSocket::acceptServerSocket()
{
    if (!QTest::qWaitFor([this] { return !m_serverSockets.isEmpty(); }, 5000))
        return nullptr;
    return m_serverSockets.first();
}

static QUrl serverUrl(QWebSocketServer *server)
{
    return QUrl(QStringLiteral("ws://127.0.0.1:%1/socket.io/?EIO=4&transport=websocket")
                    .arg(server->serverPort()));
}

void TestWebSocket::acceptMatchesRfcExample()
{
    // RFC 6455 section 1.3.
    QCOMPARE(ws::acceptFor("dGhlIHNhbXBsZSBub25jZQ=="), QByteArray("s3pPLMBiTxaQ9kYGzzhZRbK+xOo="));
    const QByteArray key = ws::makeKey();
    QCOMPARE(QByteArray::fromBase64(key).size(), 16);
    QVERIFY(key != ws::makeKey());
}

void TestWebSocket::handshakeRequest_data()
{
    QTest::addColumn<QUrl>("url");
    QTest::addColumn<QByteArray>("requestLine");
    QTest::addColumn<QByteArray>("host");
    QTest::newRow("ws, port") << QUrl("ws://example.org:3000/socket.io/?EIO=4&transport=websocket")
                              << QByteArray("GET /socket.io/?EIO=4&transport=websocket HTTP/1.1")
                              << QByteArray("example.org:3000");
    QTest::newRow("ws, default port") << QUrl("ws://example.org:80/x") << QByteArray("GET /x HTTP/1.1")
                                      << QByteArray("example.org");
    QTest::newRow("wss, default port") << QUrl("wss://example.org/") << QByteArray("GET / HTTP/1.1")
                                       << QByteArray("example.org");
    QTest::newRow("wss, port 80") << QUrl("wss://example.org:80") << QByteArray("GET / HTTP/1.1")
                                  << QByteArray("example.org:80");
    QTest::newRow("ipv6") << QUrl("ws://[::1]:8080/a?b=c%20d") << QByteArray("GET /a?b=c%20d HTTP/1.1")
                          << QByteArray("[::1]:8080");
}

void TestWebSocket::handshakeRequest()
{
    QFETCH(QUrl, url);
    QFETCH(QByteArray, requestLine);
    QFETCH(QByteArray, host);
    const QByteArray request = ws::handshakeRequest(url, "a2V5a2V5a2V5a2V5a2V5aw==");
    QVERIFY(request.endsWith("\r\n\r\n"));
    const QList<QByteArray> lines = request.chopped(2).split('\n');
    QCOMPARE(lines.first(), requestLine + '\r');
    QVERIFY(lines.contains("Host: " + host + '\r'));
    QVERIFY(lines.contains("Upgrade: websocket\r"));
    QVERIFY(lines.contains("Connection: Upgrade\r"));
    QVERIFY(lines.contains("Sec-WebSocket-Key: a2V5a2V5a2V5a2V5a2V5aw==\r"));
    QVERIFY(lines.contains("Sec-WebSocket-Version: 13\r"));
}

void TestWebSocket::decoderReassemblesFragmentsAroundPings()
{
    const QByteArray stream = serverFrame(0x01, "h\xC3") + serverFrame(0x89, "p1")
        + serverFrame(0x00, "\xA9ll") + serverFrame(0x8A, "") + serverFrame(0x80, "o")
        + serverFrame(0x82, QByteArray("\x00\xFF", 2)) + serverFrame(0x88, closePayload(1001) + "bye");
    // Whole, then one byte at a time: the same events.
    for (const qsizetype step : { stream.size(), qsizetype(1) }) {
        ws::FrameDecoder decoder(1024);
        QList<QPair<int, QByteArray>> events;
        quint16 closeCode = 0;
        for (qsizetype pos = 0; pos < stream.size(); pos += step) {
            decoder.append(QByteArrayView(stream).sliced(pos, qMin(step, stream.size() - pos)));
            for (ws::Event e = decoder.next(); e.kind != ws::Event::NeedMore; e = decoder.next()) {
                QVERIFY2(e.kind != ws::Event::Error, qPrintable(e.error));
                events.append({ e.kind, e.payload.toByteArray() });
                if (e.kind == ws::Event::Close) {
                    closeCode = e.closeCode;
                    break;
                }
            }
        }
        const QList<QPair<int, QByteArray>> expected = {
            { ws::Event::Ping, "p1" }, { ws::Event::Pong, "" }, { ws::Event::Text, "h\xC3\xA9llo" },
            { ws::Event::Binary, QByteArray("\x00\xFF", 2) }, { ws::Event::Close, "bye" },
        };
        QCOMPARE(events, expected);
        QCOMPARE(closeCode, quint16(1001));
        QCOMPARE(decoder.bufferedBytes(), 0);
    }
}

void TestWebSocket::decoderRejectsInvalidUtf8_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::newRow("overlong") << QByteArray("ab\xC0\x80");
    QTest::newRow("overlong 3-byte") << QByteArray("\xE0\x80\xAF");
    QTest::newRow("surrogate") << QByteArray("\xED\xA0\x80");
    QTest::newRow("above U+10FFFF") << QByteArray("\xF4\x90\x80\x80");
    QTest::newRow("lone continuation") << QByteArray("abcdefgh\x80");
    QTest::newRow("truncated") << QByteArray("abcdefghijklmnop\xE2\x82");
    QTest::newRow("0xFF") << QByteArray("\xFF");
}

void TestWebSocket::decoderRejectsInvalidUtf8()
{
    QFETCH(QByteArray, text);
    ws::FrameDecoder decoder(1024);
    decoder.append(serverFrame(0x81, text));
    const ws::Event event = decoder.next();
    QCOMPARE(event.kind, ws::Event::Error);
    QCOMPARE(event.closeCode, quint16(ws::CloseInvalidData));
    QCOMPARE(decoder.next().kind, ws::Event::Error);   // stays failed

    // The same bytes split over fragments are rejected too; valid text split mid-character is not.
    ws::FrameDecoder fragmented(1024);
    fragmented.append(serverFrame(0x01, text.left(1)) + serverFrame(0x80, text.mid(1)));
    QCOMPARE(fragmented.next().kind, ws::Event::Error);
    ws::FrameDecoder valid(1024);
    valid.append(serverFrame(0x01, "\xF0\x9D") + serverFrame(0x80, "\x84\x9E"));
    QCOMPARE(valid.next().payload.toByteArray(), QByteArray("\xF0\x9D\x84\x9E"));
}

void TestWebSocket::decoderSurvivesRandomInput()
{
    // Mutated valid streams and plain noise, in random chunks: every call ends in NeedMore
    // or Error and never reads outside the buffer (the ASan build checks that).
    const QByteArray valid = serverFrame(0x01, "4\xC3") + serverFrame(0x89, "p") + serverFrame(0x80, "\xA9")
        + serverFrame(0x82, QByteArray(200, 'b')) + serverFrame(0x81, "4ok") + serverFrame(0x88, closePayload(1000));
    QRandomGenerator random(42);
    int errors = 0;
    for (int round = 0; round < 3000; ++round) {
        QByteArray input = valid;
        if (round % 3 == 0) {
            input = QByteArray(random.bounded(1, 400), Qt::Uninitialized);
            for (char &c : input)
                c = char(random.bounded(256));
        } else {
            for (int flips = random.bounded(1, 4); flips > 0; --flips)
                input[random.bounded(int(input.size()))] = char(random.bounded(256));
        }
        ws::FrameDecoder decoder(1000);
        bool failed = false;
        for (qsizetype pos = 0; pos < input.size() && !failed;) {
            const qsizetype chunk = qMin<qsizetype>(random.bounded(1, 64), input.size() - pos);
            decoder.append(QByteArrayView(input).sliced(pos, chunk));
            pos += chunk;
            for (ws::Event e = decoder.next(); e.kind != ws::Event::NeedMore; e = decoder.next()) {
                if (e.kind == ws::Event::Error) {
                    failed = true;
                    ++errors;
                    break;
                }
                QVERIFY(e.payload.size() <= 1000);
                if (e.kind == ws::Event::Text)
                    QVERIFY(e.payload.isValidUtf8());
            }
        }
    }
    QVERIFY(errors > 1000);   // the noise is mostly rejected
}

void TestWebSocket::textAndBinaryBothWays()
{
    WebSocketConnection client;
    ConnectionProbe probe(client);
    client.open(serverUrl(m_server));
    QWebSocket *server = acceptServerSocket();
    QVERIFY(server);
    QTRY_COMPARE(probe.opened, 1);
    QSignalSpy serverText(server, &QWebSocket::textMessageReceived);
    QSignalSpy serverBinary(server, &QWebSocket::binaryMessageReceived);

    const QString text = QStringLiteral("h\u00e9llo \u20ac \U0001D11E \u4e2d\u6587");
    QByteArray binary;
    for (int i = 0; i < 256; ++i)
        binary += char(i);
    server->sendTextMessage(text);
    server->sendBinaryMessage(binary);
    QTRY_COMPARE(probe.messages.size(), 2);
    QCOMPARE(probe.messages.at(0), qMakePair(text.toUtf8(), false));
    QCOMPARE(probe.messages.at(1), qMakePair(binary, true));

    QByteArray frames;
    const QByteArray utf8 = text.toUtf8();
    ws::appendFrame(frames, ws::Opcode::Text, { QByteArrayView(utf8).first(3), QByteArrayView(utf8).sliced(3) },
                    WebSocketConnection::maskKey());
    ws::appendFrame(frames, ws::Opcode::Binary, { binary }, WebSocketConnection::maskKey());
    client.write(frames);
    QTRY_COMPARE(serverText.size(), 1);
    QTRY_COMPARE(serverBinary.size(), 1);
    QCOMPARE(serverText.at(0).at(0).toString(), text);
    QCOMPARE(serverBinary.at(0).at(0).toByteArray(), binary);
    QVERIFY(probe.failures.isEmpty());
}

void TestWebSocket::payloadLengths_data()
{
    QTest::addColumn<int>("length");
    for (int length : { 0, 1, 125, 126, 127, 65535, 65536, 1024 * 1024 })
        QTest::addRow("%d", length) << length;
}

void TestWebSocket::payloadLengths()
{
    QFETCH(int, length);
    WebSocketConnection client;
    ConnectionProbe probe(client);
    client.open(serverUrl(m_server));
    QWebSocket *server = acceptServerSocket();
    QVERIFY(server);
    QTRY_COMPARE(probe.opened, 1);
    QSignalSpy serverText(server, &QWebSocket::textMessageReceived);
    QSignalSpy serverBinary(server, &QWebSocket::binaryMessageReceived);

    QByteArray text(length, 'x');
    for (int i = 0; i < length; ++i)
        text[i] = char('a' + i % 26);
    QByteArray binary = text;
    if (length > 0)
        binary[length - 1] = '\0';
    server->sendTextMessage(QString::fromLatin1(text));
    server->sendBinaryMessage(binary);
    QTRY_COMPARE_WITH_TIMEOUT(probe.messages.size(), 2, 10000);
    QCOMPARE(probe.messages.at(0).first.size(), length);
    QVERIFY(probe.messages.at(0) == qMakePair(text, false));
    QVERIFY(probe.messages.at(1) == qMakePair(binary, true));

    QByteArray frames;
    ws::appendFrame(frames, ws::Opcode::Text, { text }, WebSocketConnection::maskKey());
    ws::appendFrame(frames, ws::Opcode::Binary, { binary }, WebSocketConnection::maskKey());
    client.write(frames);
    QTRY_COMPARE_WITH_TIMEOUT(serverBinary.size(), 1, 10000);
    QCOMPARE(serverText.size(), 1);
    QVERIFY(serverText.at(0).at(0).toString() == QString::fromLatin1(text));
    QVERIFY(serverBinary.at(0).at(0).toByteArray() == binary);
    QVERIFY(probe.failures.isEmpty());
}

void TestWebSocket::fragmentedMessagesFromServer()
{
    WebSocketConnection client;
    ConnectionProbe probe(client);
    client.open(serverUrl(m_server));
    QWebSocket *server = acceptServerSocket();
    QVERIFY(server);
    QTRY_COMPARE(probe.opened, 1);
    server->setOutgoingFrameSize(7);   // Qt's server splits every message into 7-byte frames
    const QString text = QStringLiteral("\u00e9\u00e9\u00e9\u20ac\u20ac \U0001D11E\U0001D11E fragmented text");
    const QByteArray binary = QByteArray("binary message in several frames");
    server->sendTextMessage(text);
    server->ping("between");
    server->sendBinaryMessage(binary);
    QTRY_COMPARE(probe.messages.size(), 2);
    QCOMPARE(probe.messages.at(0), qMakePair(text.toUtf8(), false));
    QCOMPARE(probe.messages.at(1), qMakePair(binary, true));
    QVERIFY(probe.failures.isEmpty());
}

void TestWebSocket::serverPingGetsPong()
{
    WebSocketConnection client;
    ConnectionProbe probe(client);
    client.open(serverUrl(m_server));
    QWebSocket *server = acceptServerSocket();
    QVERIFY(server);
    QTRY_COMPARE(probe.opened, 1);
    QSignalSpy pong(server, &QWebSocket::pong);
    server->ping("are you there");
    QTRY_COMPARE(pong.size(), 1);
    QCOMPARE(pong.at(0).at(1).toByteArray(), QByteArray("are you there"));
}

void TestWebSocket::serverCloseWithCode()
{
    WebSocketConnection client;
    ConnectionProbe probe(client);
    client.open(serverUrl(m_server));
    QWebSocket *server = acceptServerSocket();
    QVERIFY(server);
    QTRY_COMPARE(probe.opened, 1);
    QSignalSpy serverGone(server, &QWebSocket::disconnected);
    server->close(QWebSocketProtocol::CloseCodeGoingAway, QStringLiteral("restarting"));
    QTRY_COMPARE(probe.failures.size(), 1);
    QCOMPARE(probe.failures.first(), qMakePair(Failure::PeerClosed, false));
    QTRY_COMPARE(serverGone.size(), 1);   // our close frame answered theirs
    QTest::qWait(50);
    QCOMPARE(probe.failures.size(), 1);
}

void TestWebSocket::ourCloseFlushesFirst()
{
    WebSocketConnection client;
    ConnectionProbe probe(client);
    client.open(serverUrl(m_server));
    QWebSocket *server = acceptServerSocket();
    QVERIFY(server);
    QTRY_COMPARE(probe.opened, 1);
    QSignalSpy serverBinary(server, &QWebSocket::binaryMessageReceived);
    QSignalSpy serverGone(server, &QWebSocket::disconnected);
    QByteArray frames;
    const QByteArray big(2 * 1024 * 1024, 'b');   // more than the kernel takes at once
    ws::appendFrame(frames, ws::Opcode::Binary, { big }, WebSocketConnection::maskKey());
    client.write(frames);
    client.close();
    QVERIFY(!client.isOpen());
    QTRY_COMPARE_WITH_TIMEOUT(serverGone.size(), 1, 10000);
    QCOMPARE(serverBinary.size(), 1);
    QVERIFY(serverBinary.at(0).at(0).toByteArray() == big);
    QCOMPARE(server->closeCode(), QWebSocketProtocol::CloseCodeNormal);
    QVERIFY(probe.failures.isEmpty());   // close() emits nothing
}

void TestWebSocket::transportCarriesEngineIoPackets()
{
    WebSocketTransport transport;
    QSignalSpy opened(&transport, &Transport::opened);
    QSignalSpy packets(&transport, &Transport::packetReceived);
    QSignalSpy failed(&transport, &Transport::failed);
    transport.open(serverUrl(m_server));
    QWebSocket *server = acceptServerSocket();
    QVERIFY(server);
    QTRY_COMPARE(opened.size(), 1);
    QSignalSpy serverText(server, &QWebSocket::textMessageReceived);
    QSignalSpy serverBinary(server, &QWebSocket::binaryMessageReceived);

    server->sendTextMessage(QStringLiteral("4[\"m\",\"\u00e9\"]"));
    server->sendTextMessage(QStringLiteral("2"));
    server->sendBinaryMessage(QByteArray("\x01\x02", 2));
    QTRY_COMPARE(packets.size(), 3);
    const auto packet = [&](int i) { return packets.at(i).at(0).value<eio::Packet>(); };
    QCOMPARE(packet(0).type, eio::PacketType::Message);
    QCOMPARE(packet(0).data, QStringLiteral("[\"m\",\"\u00e9\"]").toUtf8());
    QCOMPARE(packet(1).type, eio::PacketType::Ping);
    QVERIFY(packet(2).binary);
    QCOMPARE(packet(2).data, QByteArray("\x01\x02", 2));

    transport.send({ { eio::PacketType::Pong, {}, false },
                     { eio::PacketType::Message, QStringLiteral("[\"\u20ac\"]").toUtf8(), false },
                     { eio::PacketType::Message, QByteArray("\xFF\x00", 2), true } });
    QTRY_COMPARE(serverBinary.size(), 1);
    QCOMPARE(serverText.size(), 2);
    QCOMPARE(serverText.at(0).at(0).toString(), QStringLiteral("3"));
    QCOMPARE(serverText.at(1).at(0).toString(), QStringLiteral("4[\"\u20ac\"]"));
    QCOMPARE(serverBinary.at(0).at(0).toByteArray(), QByteArray("\xFF\x00", 2));
    QVERIFY(failed.isEmpty());
}

void TestWebSocket::transportShutdownDeliversQueuedPackets()
{
    QPointer<WebSocketTransport> transport = new WebSocketTransport;
    QSignalSpy opened(transport.data(), &Transport::opened);
    transport->open(serverUrl(m_server));
    QWebSocket *server = acceptServerSocket();
    QVERIFY(server);
    QTRY_COMPARE(opened.size(), 1);
    QSignalSpy serverText(server, &QWebSocket::textMessageReceived);
    QSignalSpy serverGone(server, &QWebSocket::disconnected);
    QList<eio::Packet> packets;
    for (int i = 0; i < 200; ++i)
        packets.append({ eio::PacketType::Message, QByteArray(10000, char('a' + i % 26)), false });
    packets.append({ eio::PacketType::Close, {}, false });
    transport->send(packets);
    transport->shutdown();
    QTRY_VERIFY(transport.isNull());
    QTRY_COMPARE_WITH_TIMEOUT(serverGone.size(), 1, 10000);
    QCOMPARE(serverText.size(), 201);
    QCOMPARE(serverText.last().at(0).toString(), QStringLiteral("1"));
    QCOMPARE(server->closeCode(), QWebSocketProtocol::CloseCodeNormal);
}

void TestWebSocket::rejectsBadPeer_data()
{
    QTest::addColumn<QByteArray>("reply");
    QTest::addColumn<QByteArray>("frames");
    QTest::addColumn<bool>("closeWhenSent");
    QTest::addColumn<qint64>("maxMessageSize");
    QTest::addColumn<Failure>("failure");
    QTest::addColumn<bool>("beforeOpen");
    QTest::addColumn<int>("closeCode");   // what our close frame must say; 0: none, -1: empty
    QTest::addColumn<bool>("byteByByte");

    const QByteArray good = kGoodReply;
    const qint64 limit = 1 << 20;
    struct Row {
        const char *name;
        QByteArray reply;
        QByteArray frames;
        bool closeWhenSent;
        qint64 maxMessageSize;
        Failure failure;
        bool beforeOpen;
        int closeCode;
    };
    QByteArray padding;
    while (padding.size() <= ws::kMaxHandshakeReply)
        padding += "X-Padding: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\r\n";
    const QList<Row> rows = {
        { "wrong accept", QByteArray(good).replace("{ACCEPT}", "s3pPLMBiTxaQ9kYGzzhZRbK+xOo="), {}, false,
          limit, Failure::Network, true, 0 },
        { "status 200", "HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n", {}, false, limit, Failure::Network,
          true, 0 },
        { "status 400", "HTTP/1.1 400 Bad Request\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                        "Sec-WebSocket-Accept: {ACCEPT}\r\n\r\n", {}, false, limit, Failure::Network, true, 0 },
        { "no upgrade header", QByteArray(good).replace("Upgrade: websocket\r\n", ""), {}, false, limit,
          Failure::Network, true, 0 },
        { "no connection header", QByteArray(good).replace("Connection: Upgrade\r\n", ""), {}, false, limit,
          Failure::Network, true, 0 },
        { "unrequested extension", QByteArray(good).replace("\r\n\r\n", "\r\nSec-WebSocket-Extensions: "
                                                                        "permessage-deflate\r\n\r\n"),
          {}, false, limit, Failure::Network, true, 0 },
        { "oversized header", "HTTP/1.1 101 Switching Protocols\r\n" + padding, {}, false, limit,
          Failure::Network, true, 0 },
        { "garbage", QByteArray("\xFF\xFE\x00garbage\r\n\r\n", 14), {}, false, limit, Failure::Network, true, 0 },
        { "closed mid-handshake", "HTTP/1.1 101 Switching Protocols\r\nUpgr", {}, true, limit,
          Failure::Network, true, 0 },
        { "masked server frame", good, QByteArray("\x81\x81\x01\x02\x03\x04\x60", 7), false, limit,
          Failure::Protocol, false, ws::CloseProtocolError },
        { "RSV1 set", good, serverFrame(0xC1, "4x"), false, limit, Failure::Protocol, false,
          ws::CloseProtocolError },
        { "RSV3 set", good, serverFrame(0x92, "4x"), false, limit, Failure::Protocol, false,
          ws::CloseProtocolError },
        { "unknown opcode", good, serverFrame(0x83, "x"), false, limit, Failure::Protocol, false,
          ws::CloseProtocolError },
        { "fragmented ping", good, serverFrame(0x09, "x"), false, limit, Failure::Protocol, false,
          ws::CloseProtocolError },
        { "126-byte ping", good, serverFrame(0x89, QByteArray(126, 'p')), false, limit, Failure::Protocol,
          false, ws::CloseProtocolError },
        { "continuation without start", good, serverFrame(0x80, "x"), false, limit, Failure::Protocol, false,
          ws::CloseProtocolError },
        { "new message inside fragmented", good, serverFrame(0x01, "4a") + serverFrame(0x81, "4b"), false,
          limit, Failure::Protocol, false, ws::CloseProtocolError },
        { "invalid UTF-8", good, serverFrame(0x81, "4\xC0\x80"), false, limit, Failure::Protocol, false,
          ws::CloseInvalidData },
        { "64-bit length, top bit", good, QByteArray("\x82\x7F\x80\x00\x00\x00\x00\x00\x00\x01", 10), false,
          limit, Failure::Protocol, false, ws::CloseProtocolError },
        // Only the header is sent: the length alone must fail, nothing is waited for or allocated.
        { "64-bit length above the limit", good, QByteArray("\x82\x7F\x00\x00\x00\x01\x00\x00\x00\x00", 10),
          false, qint64(256) * 1024 * 1024, Failure::Protocol, false,
          ws::CloseTooBig },
        { "fragments above the limit", good, serverFrame(0x01, QByteArray(600, 'a'))
                                                 + serverFrame(0x00, QByteArray(600, 'a')),
          false, 1000, Failure::Protocol, false, ws::CloseTooBig },
        { "close with 1-byte payload", good, serverFrame(0x88, "x"), false, limit, Failure::Protocol, false,
          ws::CloseProtocolError },
        { "close code 1005 on the wire", good, serverFrame(0x88, closePayload(1005)), false, limit,
          Failure::Protocol, false, ws::CloseProtocolError },
        { "close code 2000", good, serverFrame(0x88, closePayload(2000)), false, limit, Failure::Protocol,
          false, ws::CloseProtocolError },
        { "peer closes mid-frame", good, QByteArray("\x81\x7E\x01\x00" "4abc", 8), true, limit,
          Failure::PeerClosed, false, 0 },
        { "peer closes mid-header", good, QByteArray("\x81\x7F\x00\x00", 4), true, limit,
          Failure::PeerClosed, false, 0 },
        { "close frame", good, serverFrame(0x88, closePayload(4000) + "bye"), false, limit,
          Failure::PeerClosed, false, 4000 },
        { "empty close frame", good, serverFrame(0x88, ""), false, limit, Failure::PeerClosed, false, -1 },
    };
    for (const Row &row : rows) {
        for (const bool byteByByte : { false, true }) {
            if (byteByByte && row.reply.size() + row.frames.size() > 2000)
                continue;   // one byte per millisecond: keep the slow rows short
            QTest::addRow("%s%s", row.name, byteByByte ? ", byte by byte" : "")
                << row.reply << row.frames << row.closeWhenSent << row.maxMessageSize << row.failure
                << row.beforeOpen << row.closeCode << byteByByte;
        }
    }
}

void TestWebSocket::rejectsBadPeer()
{
    QFETCH(QByteArray, reply);
    QFETCH(QByteArray, frames);
    QFETCH(bool, closeWhenSent);
    QFETCH(qint64, maxMessageSize);
    QFETCH(Failure, failure);
    QFETCH(bool, beforeOpen);
    QFETCH(int, closeCode);
    QFETCH(bool, byteByByte);

    RawPeer peer;
    peer.reply = reply;
    peer.frames = frames;
    peer.closeWhenSent = closeWhenSent;
    peer.byteByByte = byteByByte;
    WebSocketConnection client;
    client.setMaxMessageSize(maxMessageSize);
    ConnectionProbe probe(client);
    client.open(peer.url());
    QTRY_COMPARE_WITH_TIMEOUT(probe.failures.size(), 1, 20000);
    QCOMPARE(probe.failures.first(), qMakePair(failure, beforeOpen));
    QCOMPARE(probe.opened, beforeOpen ? 0 : 1);
    QVERIFY(probe.messages.isEmpty());
    QTRY_VERIFY(peer.clientGone);   // the client ends the connection (or saw it end)
    QCOMPARE(probe.failures.size(), 1);

    // A protocol error or a close frame gets our close frame, with the code that says why.
    const QList<ClientFrame> sent = decodeClientFrames(peer.received);
    if (closeCode == 0) {
        QVERIFY(sent.isEmpty());
    } else {
        QCOMPARE(sent.size(), 1);
        QCOMPARE(sent.first().opcode, ws::Opcode::Close);
        if (closeCode < 0)
            QCOMPARE(sent.first().payload, QByteArray());
        else
            QCOMPARE(qFromBigEndian<quint16>(sent.first().payload.constData()), quint16(closeCode));
    }
}

void TestWebSocket::byteByByteDelivery()
{
    // Fragments, a ping between them and a 2-byte-length frame, one byte per turn.
    RawPeer peer;
    peer.reply = kGoodReply;
    peer.frames = serverFrame(0x01, "4h\xC3") + serverFrame(0x89, "ping!") + serverFrame(0x80, "\xA9")
        + serverFrame(0x82, QByteArray(300, 'z')) + serverFrame(0x81, "4done");
    peer.byteByByte = true;
    WebSocketConnection client;
    ConnectionProbe probe(client);
    client.open(peer.url());
    QTRY_COMPARE_WITH_TIMEOUT(probe.messages.size(), 3, 20000);
    QCOMPARE(probe.messages.at(0), qMakePair(QByteArray("4h\xC3\xA9"), false));
    QCOMPARE(probe.messages.at(1), qMakePair(QByteArray(300, 'z'), true));
    QCOMPARE(probe.messages.at(2), qMakePair(QByteArray("4done"), false));
    QVERIFY(probe.failures.isEmpty());
    QVERIFY(peer.request.startsWith("GET /socket.io/?EIO=4&transport=websocket HTTP/1.1\r\n"));
    const QList<ClientFrame> sent = decodeClientFrames(peer.received);
    QCOMPARE(sent.size(), 1);
    QCOMPARE(sent.first().opcode, ws::Opcode::Pong);
    QVERIFY(sent.first().fin);
    QCOMPARE(sent.first().payload, QByteArray("ping!"));
}

void TestWebSocket::transportReasons_data()
{
    QTest::addColumn<QByteArray>("reply");
    QTest::addColumn<QByteArray>("frames");
    QTest::addColumn<bool>("closeWhenSent");
    QTest::addColumn<QString>("reason");
    QTest::addColumn<bool>("beforeOpen");
    QTest::newRow("refused handshake") << QByteArray("HTTP/1.1 403 Forbidden\r\n\r\n") << QByteArray() << false
                                       << QStringLiteral("transport error") << true;
    QTest::newRow("closed before reply") << QByteArray() << QByteArray() << true << QStringLiteral("transport error") << true;
    QTest::newRow("close frame") << kGoodReply << serverFrame(0x88, closePayload(1000)) << false
                                 << QStringLiteral("transport close") << false;
    QTest::newRow("TCP closed") << kGoodReply << QByteArray() << true << QStringLiteral("transport close") << false;
    QTest::newRow("bad frame") << kGoodReply << serverFrame(0xC1, "4") << false << QStringLiteral("parse error") << false;
    QTest::newRow("invalid UTF-8") << kGoodReply << serverFrame(0x81, "4\xFF") << false << QStringLiteral("parse error")
                                   << false;
    QTest::newRow("unknown Engine.IO type") << kGoodReply << serverFrame(0x81, "9x") << false << QStringLiteral("parse error")
                                            << false;
}

void TestWebSocket::transportReasons()
{
    QFETCH(QByteArray, reply);
    QFETCH(QByteArray, frames);
    QFETCH(bool, closeWhenSent);
    QFETCH(QString, reason);
    QFETCH(bool, beforeOpen);
    RawPeer peer;
    peer.reply = reply;
    peer.frames = frames;
    peer.closeWhenSent = closeWhenSent;
    WebSocketTransport transport;
    QSignalSpy failed(&transport, &Transport::failed);
    transport.open(peer.url());
    QTRY_COMPARE(failed.size(), 1);
    QCOMPARE(failed.first().at(0).toString(), reason);
    QCOMPARE(failed.first().at(1).toBool(), beforeOpen);
    QTest::qWait(20);
    QCOMPARE(failed.size(), 1);
}

void TestWebSocket::stopDuringHandshakeEmitsNothing()
{
    // Stopped while connecting, and while waiting for the reply: nothing more, no crash.
    RawPeer silent;
    for (const int waitMs : { 0, 50 }) {
        auto *transport = new WebSocketTransport;
        QSignalSpy failed(transport, &Transport::failed);
        QSignalSpy opened(transport, &Transport::opened);
        transport->open(silent.url());
        QTest::qWait(waitMs);
        transport->stop();
        transport->deleteLater();
        QTest::qWait(50);
        QVERIFY(failed.isEmpty());
        QVERIFY(opened.isEmpty());
    }
    // An unreachable port fails before open, so polling may be tried next.
    QTcpServer closed;
    QVERIFY(closed.listen(QHostAddress::LocalHost));
    const quint16 port = closed.serverPort();
    closed.close();
    WebSocketTransport transport;
    QSignalSpy failed(&transport, &Transport::failed);
    transport.open(QUrl(QStringLiteral("ws://127.0.0.1:%1/").arg(port)));
    QTRY_COMPARE(failed.size(), 1);
    QCOMPARE(failed.first().at(0).toString(), QStringLiteral("transport error"));
    QCOMPARE(failed.first().at(1).toBool(), true);
}

void TestWebSocket::shutdownSendsWithoutAnotherEventLoopPass()
{
    // An app that closes and then blocks (or exits) must still say goodbye: the last packet
    // and the close frame are handed to the kernel inside shutdown().
    RawPeer peer;
    peer.reply = kGoodReply;
    auto *transport = new WebSocketTransport;
    QSignalSpy opened(transport, &Transport::opened);
    transport->open(peer.url());
    QTRY_COMPARE(opened.size(), 1);
    transport->send({ { eio::PacketType::Close, {}, false } });
    transport->shutdown();
    QElapsedTimer clock;
    clock.start();
    while (decodeClientFrames(peer.received).size() < 2 && clock.elapsed() < 5000)
        peer.waitForClientBytes(100);
    const QList<ClientFrame> sent = decodeClientFrames(peer.received);
    QCOMPARE(sent.size(), 2);
    QCOMPARE(sent.at(0).payload, QByteArray("1"));
    QCOMPARE(sent.at(1).opcode, ws::Opcode::Close);
    QCOMPARE(sent.at(1).payload, closePayload(ws::CloseNormal));
}

QWebSocketServer *TestWebSocket::startSecureServer()
{
    auto *server = new QWebSocketServer(QStringLiteral("tls"), QWebSocketServer::SecureMode, this);
    QSslConfiguration config = QSslConfiguration::defaultConfiguration();
    config.setLocalCertificate(QSslCertificate(kTestCertificate));
    config.setPrivateKey(QSslKey(kTestKey, QSsl::Ec));
    config.setPeerVerifyMode(QSslSocket::VerifyNone);   // the server does not ask for client certs
    server->setSslConfiguration(config);
    if (!server->listen(QHostAddress::LocalHost)) {
        delete server;
        return nullptr;
    }
    connect(server, &QWebSocketServer::newConnection, this, [this, server] {
        while (QWebSocket *socket = server->nextPendingConnection())
            m_serverSockets.append(socket);
    });
    return server;
}

void TestWebSocket::wssRejectsUntrustedCertificate()
{
    // A certificate no CA vouches for is a transport error before open, never ignored.
    QScopedPointer<QWebSocketServer> server(startSecureServer());
    QVERIFY(server);
    WebSocketConnection client;
    ConnectionProbe probe(client);
    client.open(QUrl(QStringLiteral("wss://127.0.0.1:%1/").arg(server->serverPort())));
    QTRY_COMPARE_WITH_TIMEOUT(probe.failures.size(), 1, 10000);
    QCOMPARE(probe.failures.first(), qMakePair(Failure::Network, true));
    QCOMPARE(probe.opened, 0);
    QVERIFY(m_serverSockets.isEmpty());
}

void TestWebSocket::wssWithTrustedCertificate()
{
    const QSslConfiguration saved = QSslConfiguration::defaultConfiguration();
    auto restore = qScopeGuard([&] { QSslConfiguration::setDefaultConfiguration(saved); });
    QSslConfiguration trusting = saved;
    trusting.addCaCertificate(QSslCertificate(kTestCertificate));
    QSslConfiguration::setDefaultConfiguration(trusting);

    QScopedPointer<QWebSocketServer> server(startSecureServer());
    QVERIFY(server);
    WebSocketConnection client;
    ConnectionProbe probe(client);
    client.open(QUrl(QStringLiteral("wss://127.0.0.1:%1/socket.io/?EIO=4").arg(server->serverPort())));
    QWebSocket *peer = acceptServerSocket();
    QVERIFY(peer);
    QTRY_COMPARE_WITH_TIMEOUT(probe.opened, 1, 10000);
    QSignalSpy serverText(peer, &QWebSocket::textMessageReceived);
    peer->sendTextMessage(QStringLiteral("\u00e9 over TLS"));
    QTRY_COMPARE(probe.messages.size(), 1);
    QCOMPARE(probe.messages.first(), qMakePair(QStringLiteral("\u00e9 over TLS").toUtf8(), false));
    QByteArray frame;
    ws::appendFrame(frame, ws::Opcode::Text, { "back" }, WebSocketConnection::maskKey());
    client.write(frame);
    QTRY_COMPARE(serverText.size(), 1);
    QCOMPARE(serverText.first().first().toString(), QStringLiteral("back"));
    QVERIFY(probe.failures.isEmpty());
}

QTEST_GUILESS_MAIN(TestWebSocket)
#include "tst_websocket.moc"
