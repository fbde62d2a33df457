// Engine.IO and Socket.IO codec: every packet form of the contract, round trips, and
// malformed input refused without crashing.
#include "net/engineiopacket.h"
#include "net/socketiopacket.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace ringchat::net;

class TestCodec : public QObject {
    Q_OBJECT
private slots:
    void engineTextPackets_data();
    void engineTextPackets();
    void engineRejectsBadFrames();
    void engineOpenPacket();
    void engineOpenPacketRejects_data();
    void engineOpenPacketRejects();
    void pollingPayloadRoundTrip();
    void pollingPayloadRejects_data();
    void pollingPayloadRejects();
    void socketIoDecode_data();
    void socketIoDecode();
    void socketIoRejects_data();
    void socketIoRejects();
    void socketIoRoundTrip_data();
    void socketIoRoundTrip();
    void binaryReassembly();
    void placeholders();
};

void TestCodec::engineTextPackets_data()
{
    QTest::addColumn<QByteArray>("frame");
    QTest::addColumn<int>("type");
    QTest::addColumn<QByteArray>("data");
    QTest::newRow("open") << QByteArray(R"(0{"sid":"x"})") << int('0') << QByteArray(R"({"sid":"x"})");
    QTest::newRow("close") << QByteArray("1") << int('1') << QByteArray();
    QTest::newRow("ping") << QByteArray("2") << int('2') << QByteArray();
    QTest::newRow("probe") << QByteArray("2probe") << int('2') << QByteArray("probe");
    QTest::newRow("pong") << QByteArray("3") << int('3') << QByteArray();
    QTest::newRow("message") << QByteArray(R"(42["a"])") << int('4') << QByteArray(R"(2["a"])");
    QTest::newRow("upgrade") << QByteArray("5") << int('5') << QByteArray();
    QTest::newRow("noop") << QByteArray("6") << int('6') << QByteArray();
}

void TestCodec::engineTextPackets()
{
    QFETCH(QByteArray, frame);
    QFETCH(int, type);
    QFETCH(QByteArray, data);
    const auto packet = eio::decodeText(frame);
    QVERIFY(packet);
    QCOMPARE(int(packet->type), type);
    QCOMPARE(packet->data, data);
    QVERIFY(!packet->binary);
    QCOMPARE(eio::encodeText(packet->type, packet->data), frame);
}

void TestCodec::engineRejectsBadFrames()
{
    QVERIFY(!eio::decodeText(""));
    QVERIFY(!eio::decodeText("7"));
    QVERIFY(!eio::decodeText("x42"));
    QVERIFY(!eio::decodeText(QByteArray("\0", 1)));
    const auto binary = eio::decodeBinary(QByteArray("\x00\x01\xff", 3));
    QVERIFY(binary.binary);
    QCOMPARE(binary.data, QByteArray("\x00\x01\xff", 3));
}

void TestCodec::engineOpenPacket()
{
    const auto info = eio::parseOpen(
        R"({"sid":"lv_VI97HAXpY6yYWAAAC","upgrades":["websocket"],"pingInterval":25000,"pingTimeout":5000,"maxPayload":1000000})");
    QVERIFY(info);
    QCOMPARE(info->sid, QStringLiteral("lv_VI97HAXpY6yYWAAAC"));
    QCOMPARE(info->upgrades, QStringList { QStringLiteral("websocket") });
    QCOMPARE(info->pingInterval, 25000);
    QCOMPARE(info->pingTimeout, 5000);
    QCOMPARE(info->maxPayload, 1000000);
    // maxPayload is optional (older servers); defaults apply.
    const auto minimal = eio::parseOpen(R"({"sid":"a","upgrades":[],"pingInterval":1,"pingTimeout":2})");
    QVERIFY(minimal);
    QCOMPARE(minimal->maxPayload, 1000000);
    QVERIFY(minimal->upgrades.isEmpty());
    // Absurd intervals are clamped so timers cannot overflow.
    const auto huge = eio::parseOpen(R"({"sid":"a","pingInterval":1e300,"pingTimeout":1e300})");
    QVERIFY(huge);
    QCOMPARE(huge->pingInterval, 24 * 3600 * 1000);
}

void TestCodec::engineOpenPacketRejects_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::newRow("empty") << QByteArray();
    QTest::newRow("not json") << QByteArray("{sid");
    QTest::newRow("array") << QByteArray(R"(["sid"])");
    QTest::newRow("no sid") << QByteArray(R"({"pingInterval":1})");
    QTest::newRow("empty sid") << QByteArray(R"({"sid":""})");
    QTest::newRow("numeric sid") << QByteArray(R"({"sid":5})");
    QTest::newRow("string interval") << QByteArray(R"({"sid":"a","pingInterval":"5"})");
    QTest::newRow("negative timeout") << QByteArray(R"({"sid":"a","pingTimeout":-5})");
    QTest::newRow("zero payload") << QByteArray(R"({"sid":"a","maxPayload":0})");
    QTest::newRow("upgrades object") << QByteArray(R"({"sid":"a","upgrades":{}})");
}

void TestCodec::engineOpenPacketRejects()
{
    QFETCH(QByteArray, json);
    QVERIFY(!eio::parseOpen(json));
}

void TestCodec::pollingPayloadRoundTrip()
{
    const QByteArray binary("\x01\x02\x03\xfe", 4);
    const QList<eio::Packet> packets {
        { eio::PacketType::Message, R"(2["hello",{"a":1}])", false },
        { eio::PacketType::Message, binary, true },
        { eio::PacketType::Ping, {}, false },
    };
    const QByteArray body = eio::encodePayload(packets);
    QCOMPARE(body, QByteArray("42[\"hello\",{\"a\":1}]\x1e" "bAQID/g==\x1e" "2"));
    const auto decoded = eio::decodePayload(body);
    QVERIFY(decoded);
    QCOMPARE(decoded->size(), 3);
    QCOMPARE(decoded->at(0).data, packets.at(0).data);
    QVERIFY(decoded->at(1).binary);
    QCOMPARE(decoded->at(1).data, binary);
    QCOMPARE(decoded->at(2).type, eio::PacketType::Ping);
    for (const eio::Packet &p : packets)
        QCOMPARE(eio::pollingSize(p), eio::encodeForPolling(p).size());
}

void TestCodec::pollingPayloadRejects_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::newRow("empty") << QByteArray();
    QTest::newRow("empty part") << QByteArray("2\x1e\x1e" "3");
    QTest::newRow("trailing separator") << QByteArray("2\x1e");
    QTest::newRow("bad type") << QByteArray("9");
    QTest::newRow("bad base64") << QByteArray("b!!!!");
}

void TestCodec::pollingPayloadRejects()
{
    QFETCH(QByteArray, body);
    QVERIFY(!eio::decodePayload(body));
}

void TestCodec::socketIoDecode_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<int>("type");
    QTest::addColumn<QString>("nsp");
    QTest::addColumn<qint64>("id");
    QTest::addColumn<int>("attachments");
    QTest::addColumn<QByteArray>("json");

    QTest::newRow("connect reply") << QByteArray(R"(0{"sid":"abc","pid":"p1"})") << 0 << "/" << qint64(-1) << 0
                                   << QByteArray(R"({"pid":"p1","sid":"abc"})");
    QTest::newRow("disconnect") << QByteArray("1") << 1 << "/" << qint64(-1) << 0 << QByteArray();
    QTest::newRow("event") << QByteArray(R"(2["message_received",{"id":"m1","seq":3}])") << 2 << "/"
                           << qint64(-1) << 0 << QByteArray(R"(["message_received",{"id":"m1","seq":3}])");
    QTest::newRow("event with ack id") << QByteArray(R"(212["q",1,"x"])") << 2 << "/" << qint64(12) << 0
                                       << QByteArray(R"(["q",1,"x"])");
    QTest::newRow("ack") << QByteArray(R"(37[{"ok":true}])") << 3 << "/" << qint64(7) << 0
                         << QByteArray(R"([{"ok":true}])");
    QTest::newRow("empty ack") << QByteArray(R"(30[])") << 3 << "/" << qint64(0) << 0 << QByteArray("[]");
    QTest::newRow("connect error") << QByteArray(R"(4{"message":"nope","data":{"code":"INVALID_TOKEN"}})") << 4
                                   << "/" << qint64(-1) << 0
                                   << QByteArray(R"({"data":{"code":"INVALID_TOKEN"},"message":"nope"})");
    QTest::newRow("binary event") << QByteArray(R"(51-["file",{"_placeholder":true,"num":0}])") << 5 << "/"
                                  << qint64(-1) << 1 << QByteArray(R"(["file",{"_placeholder":true,"num":0}])");
    QTest::newRow("binary event with id")
        << QByteArray(R"(52-9["f",{"a":{"_placeholder":true,"num":1}},[{"_placeholder":true,"num":0}]])") << 5
        << "/" << qint64(9) << 2
        << QByteArray(R"(["f",{"a":{"_placeholder":true,"num":1}},[{"_placeholder":true,"num":0}]])");
    QTest::newRow("binary ack") << QByteArray(R"(61-3[{"_placeholder":true,"num":0}])") << 6 << "/" << qint64(3)
                                << 1 << QByteArray(R"([{"_placeholder":true,"num":0}])");
    QTest::newRow("namespace") << QByteArray(R"(2/admin,["x"])") << 2 << "/admin" << qint64(-1) << 0
                               << QByteArray(R"(["x"])");
    QTest::newRow("namespace with id") << QByteArray(R"(2/admin,5["x"])") << 2 << "/admin" << qint64(5) << 0
                                       << QByteArray(R"(["x"])");
    QTest::newRow("namespace disconnect") << QByteArray("1/admin,") << 1 << "/admin" << qint64(-1) << 0
                                          << QByteArray();
    QTest::newRow("unicode") << QByteArray(R"(2["m",{"c":"héllo ✓ \u0000"}])") << 2 << "/" << qint64(-1) << 0
                             << QByteArray(R"(["m",{"c":"héllo ✓ \u0000"}])");
}

void TestCodec::socketIoDecode()
{
    QFETCH(QByteArray, text);
    QFETCH(int, type);
    QFETCH(QString, nsp);
    QFETCH(qint64, id);
    QFETCH(int, attachments);
    QFETCH(QByteArray, json);
    QString error;
    const auto packet = sio::decode(text, &error);
    QVERIFY2(packet, qPrintable(error));
    QCOMPARE(int(packet->type), type);
    QCOMPARE(packet->nsp, nsp);
    QCOMPARE(packet->id, id);
    QCOMPARE(packet->attachments, attachments);
    if (json.isEmpty()) {
        QVERIFY(packet->data.isUndefined());
    } else {
        const QJsonDocument expected = QJsonDocument::fromJson(json);
        QVERIFY(!expected.isNull());
        QCOMPARE(packet->data, expected.isArray() ? QJsonValue(expected.array()) : QJsonValue(expected.object()));
    }
}

void TestCodec::socketIoRejects_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::newRow("empty") << QByteArray();
    QTest::newRow("unknown type") << QByteArray("7");
    QTest::newRow("letter type") << QByteArray(R"(x["a"])");
    QTest::newRow("truncated json") << QByteArray(R"(2["a",{)");
    QTest::newRow("garbage after json") << QByteArray(R"(2["a"]x)");
    QTest::newRow("event object") << QByteArray(R"(2{"a":1})");
    QTest::newRow("event empty array") << QByteArray("2[]");
    QTest::newRow("event numeric name") << QByteArray("2[1]");
    QTest::newRow("event no payload") << QByteArray("2");
    QTest::newRow("reserved event") << QByteArray(R"(2["disconnect"])");
    QTest::newRow("connect array") << QByteArray(R"(0["x"])");
    QTest::newRow("connect empty") << QByteArray("0");
    QTest::newRow("disconnect payload") << QByteArray("1{}");
    QTest::newRow("ack without id") << QByteArray("3[]");
    QTest::newRow("ack object") << QByteArray(R"(31{"a":1})");
    QTest::newRow("connect error number") << QByteArray("45");
    QTest::newRow("binary no dash") << QByteArray(R"(51["a"])");
    QTest::newRow("binary no count") << QByteArray(R"(5-["a"])");
    QTest::newRow("binary letters") << QByteArray(R"(5a-["a"])");
    QTest::newRow("binary huge count") << QByteArray(R"(599999999999999999999-["a"])");
    QTest::newRow("placeholder out of range") << QByteArray(R"(51-["a",{"_placeholder":true,"num":1}])");
    QTest::newRow("placeholder negative") << QByteArray(R"(51-["a",{"_placeholder":true,"num":-1}])");
    QTest::newRow("placeholder fraction") << QByteArray(R"(52-["a",{"_placeholder":true,"num":0.5}])");
    QTest::newRow("placeholder string num") << QByteArray(R"(51-["a",{"_placeholder":true,"num":"0"}])");
    QTest::newRow("id overflow") << QByteArray(R"(21234567890123456789["a"])");
    QTest::newRow("deep nesting") << QByteArray("2[\"a\"," + QByteArray(5000, '[') + QByteArray(5000, ']') + "]");
}

void TestCodec::socketIoRejects()
{
    QFETCH(QByteArray, text);
    QString error;
    QVERIFY(!sio::decode(text, &error));
    QVERIFY(!error.isEmpty());
}

void TestCodec::socketIoRoundTrip_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::newRow("connect auth") << QByteArray(R"(0{"token":"t"})");
    QTest::newRow("connect recovery") << QByteArray(R"(0{"offset":"o1","pid":"p1","token":"t"})");
    QTest::newRow("disconnect") << QByteArray("1");
    QTest::newRow("event") << QByteArray(R"(2["send_message",{"content":"hi"}])");
    QTest::newRow("event ack") << QByteArray(R"(20["join_conversation",{"conversationId":"c1"}])");
    QTest::newRow("ack") << QByteArray(R"(315[{"ok":true}])");
    QTest::newRow("binary event") << QByteArray(R"(51-0["up",{"_placeholder":true,"num":0}])");
    QTest::newRow("binary ack") << QByteArray(R"(62-4[{"_placeholder":true,"num":0},{"_placeholder":true,"num":1}])");
    QTest::newRow("namespace") << QByteArray(R"(2/chat,["x"])");
}

void TestCodec::socketIoRoundTrip()
{
    QFETCH(QByteArray, text);
    const auto packet = sio::decode(text);
    QVERIFY(packet);
    QCOMPARE(sio::encode(*packet), text);
}

void TestCodec::binaryReassembly()
{
    auto packet = sio::decode(R"(52-["f",{"_placeholder":true,"num":0},{"_placeholder":true,"num":1}])");
    QVERIFY(packet);
    sio::BinaryReassembler reassembler;
    QVERIFY(!reassembler.active());
    QCOMPARE(reassembler.add("x"), sio::BinaryReassembler::Result::Error);
    reassembler.start(*packet);
    QVERIFY(reassembler.active());
    QCOMPARE(reassembler.add("first"), sio::BinaryReassembler::Result::Incomplete);
    QCOMPARE(reassembler.add("second"), sio::BinaryReassembler::Result::Complete);
    const sio::Packet done = reassembler.take();
    QVERIFY(!reassembler.active());
    QCOMPARE(done.binaries, (QList<QByteArray> { "first", "second" }));
    QCOMPARE(done.data.toArray().at(1).toObject().value("num").toInt(), 0);
}

void TestCodec::placeholders()
{
    const QJsonValue nested = QJsonDocument::fromJson(
        R"([{"a":[{"_placeholder":true,"num":0}],"b":{"_placeholder":true,"num":1}}])").array();
    QCOMPARE(sio::countPlaceholders(nested), 2);
    QVERIFY(sio::placeholdersValid(nested, 2));
    QVERIFY(!sio::placeholdersValid(nested, 1));
    // "_placeholder": false is ordinary data.
    const QJsonValue plain = QJsonDocument::fromJson(R"([{"_placeholder":false,"num":9}])").array();
    QCOMPARE(sio::countPlaceholders(plain), 0);
    QVERIFY(sio::placeholdersValid(plain, 0));
}

QTEST_GUILESS_MAIN(TestCodec)
#include "tst_codec.moc"
