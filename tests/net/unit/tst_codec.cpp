// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// Engine.IO and Socket.IO codec: every packet form of the contract, round trips, and
// malformed input refused without crashing.
#include "net/engineiopacket.h"
#include "net/socketioclient.h"
#include "net/socketiopacket.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <limits>

using namespace ringchat::net;

class TestCodec : public QObject
{
    Q_OBJECT
private slots:
    void engineTextPackets_data();
    void engineTextPackets();
    void engineRejectsBadFrames();
    void engineOwnedTextKeepsItsBuffer();
    void jsonParsedInPlaceWhenPadded();
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
    void malformedJsonRefused_data();
    void malformedJsonRefused();
    void jsonEdgeCasesAccepted();
    void jsonViewReads();
    void jsonMembersFindEveryKey();
    void payloadFromPacket();
    void payloadFromQJsonArray();
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

void TestCodec::engineOwnedTextKeepsItsBuffer()
{
    QByteArray frame = QByteArray(R"(42["m",{"t":"hÃ©"}])");
    frame.reserve(frame.size() + 100);
    const char *afterType = frame.constData() + 1;
    auto packet = eio::decodeOwnedText(std::move(frame));
    QVERIFY(packet);
    QCOMPARE(packet->type, eio::PacketType::Message);
    QCOMPARE(packet->data, QByteArray(R"(2["m",{"t":"hÃ©"}])"));
    QCOMPARE(packet->data.constData(), afterType); // the same buffer, no copy
    QVERIFY(packet->data.capacity() - packet->data.size() >= 64);
    QVERIFY(!eio::decodeOwnedText(QByteArray("7x")));
    QVERIFY(!eio::decodeOwnedText(QByteArray()));
}

void TestCodec::jsonParsedInPlaceWhenPadded()
{
    // Whatever lies after the text (here bytes that would be JSON, or break it) must not
    // change the result: the parser may read the padding but never uses it.
    const QByteArray json = R"({"s":"h\u00e9 \"q\"","n":[1,2.5,-3e2],"t":true})";
    for (const char filler : { ' ', '"', '}', '\0', '\xFF' }) {
        QByteArray buffer = json + QByteArray(ringchat::JsonDocument::kPadding, filler);
        const QByteArrayView text(buffer.constData(), json.size());
        const auto padded = ringchat::JsonDocument::parse(text, nullptr, ringchat::JsonDocument::kPadding);
        const auto copied = ringchat::JsonDocument::parse(text);
        QVERIFY(padded && copied);
        QCOMPARE(padded->root().toObject(), copied->root().toObject());
        QCOMPARE(padded->root().value(QLatin1StringView("s")).toString(), QStringLiteral("h\u00e9 \"q\""));
        // Truncated JSON stays refused, whatever follows it.
        QVERIFY(!ringchat::JsonDocument::parse(text.first(text.size() - 1), nullptr,
                                               ringchat::JsonDocument::kPadding + 1));
    }
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
    QCOMPARE(body,
             QByteArray("42[\"hello\",{\"a\":1}]\x1e"
                        "bAQID/g==\x1e"
                        "2"));
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
    QTest::newRow("empty part") << QByteArray("2\x1e\x1e"
                                              "3");
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

    QTest::newRow("connect reply") << QByteArray(R"(0{"sid":"abc","pid":"p1"})") << 0 << "/" << qint64(-1)
                                   << 0 << QByteArray(R"({"pid":"p1","sid":"abc"})");
    QTest::newRow("disconnect") << QByteArray("1") << 1 << "/" << qint64(-1) << 0 << QByteArray();
    QTest::newRow("event") << QByteArray(R"(2["message_received",{"id":"m1","seq":3}])") << 2 << "/"
                           << qint64(-1) << 0 << QByteArray(R"(["message_received",{"id":"m1","seq":3}])");
    QTest::newRow("event with ack id")
        << QByteArray(R"(212["q",1,"x"])") << 2 << "/" << qint64(12) << 0 << QByteArray(R"(["q",1,"x"])");
    QTest::newRow("ack") << QByteArray(R"(37[{"ok":true}])") << 3 << "/" << qint64(7) << 0
                         << QByteArray(R"([{"ok":true}])");
    QTest::newRow("empty ack") << QByteArray(R"(30[])") << 3 << "/" << qint64(0) << 0 << QByteArray("[]");
    QTest::newRow("connect error") << QByteArray(R"(4{"message":"nope","data":{"code":"INVALID_TOKEN"}})")
                                   << 4 << "/" << qint64(-1) << 0
                                   << QByteArray(R"({"data":{"code":"INVALID_TOKEN"},"message":"nope"})");
    QTest::newRow("binary event") << QByteArray(R"(51-["file",{"_placeholder":true,"num":0}])") << 5 << "/"
                                  << qint64(-1) << 1
                                  << QByteArray(R"(["file",{"_placeholder":true,"num":0}])");
    QTest::newRow("binary event with id")
        << QByteArray(R"(52-9["f",{"a":{"_placeholder":true,"num":1}},[{"_placeholder":true,"num":0}]])") << 5
        << "/" << qint64(9) << 2
        << QByteArray(R"(["f",{"a":{"_placeholder":true,"num":1}},[{"_placeholder":true,"num":0}]])");
    QTest::newRow("binary ack") << QByteArray(R"(61-3[{"_placeholder":true,"num":0}])") << 6 << "/"
                                << qint64(3) << 1 << QByteArray(R"([{"_placeholder":true,"num":0}])");
    QTest::newRow("namespace") << QByteArray(R"(2/admin,["x"])") << 2 << "/admin" << qint64(-1) << 0
                               << QByteArray(R"(["x"])");
    QTest::newRow("namespace with id")
        << QByteArray(R"(2/admin,5["x"])") << 2 << "/admin" << qint64(5) << 0 << QByteArray(R"(["x"])");
    QTest::newRow("namespace disconnect")
        << QByteArray("1/admin,") << 1 << "/admin" << qint64(-1) << 0 << QByteArray();
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
        QVERIFY(packet->jsonData().isUndefined());
        QVERIFY(!packet->json);
    } else {
        const QJsonDocument expected = QJsonDocument::fromJson(json);
        QVERIFY(!expected.isNull());
        // decode() keeps the parsed document; its QJsonValue equals Qt's own parse.
        QVERIFY(packet->json);
        QVERIFY(packet->data.isUndefined());
        QCOMPARE(packet->jsonData(),
                 expected.isArray() ? QJsonValue(expected.array()) : QJsonValue(expected.object()));
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
    QTest::newRow("deep nesting") << QByteArray("2[\"a\"," + QByteArray(5000, '[') + QByteArray(5000, ']')
                                                + "]");
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
    QTest::newRow("binary ack") << QByteArray(
        R"(62-4[{"_placeholder":true,"num":0},{"_placeholder":true,"num":1}])");
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
    QCOMPARE(done.jsonData().toArray().at(1).toObject().value("num").toInt(), 0);
    QCOMPARE(done.view().at(1)[QLatin1StringView("num")].toDouble(), 0.0);
}

void TestCodec::placeholders()
{
    const QJsonValue nested
        = QJsonDocument::fromJson(
              R"([{"a":[{"_placeholder":true,"num":0}],"b":{"_placeholder":true,"num":1}}])")
              .array();
    QCOMPARE(sio::countPlaceholders(nested), 2);
    QVERIFY(sio::placeholdersValid(nested, 2));
    QVERIFY(!sio::placeholdersValid(nested, 1));
    // "_placeholder": false is ordinary data.
    const QJsonValue plain = QJsonDocument::fromJson(R"([{"_placeholder":false,"num":9}])").array();
    QCOMPARE(sio::countPlaceholders(plain), 0);
    QVERIFY(sio::placeholdersValid(plain, 0));
}

// Every kind of broken JSON is refused by decode() itself, before any handler runs
// (the client then disconnects with "parse error").
void TestCodec::malformedJsonRefused_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::newRow("truncated array") << QByteArray(R"(2["m",{"a":1})");
    QTest::newRow("truncated string") << QByteArray(R"(2["m","abc)");
    QTest::newRow("truncated escape") << QByteArray(R"(2["m","abc\)");
    QTest::newRow("truncated number") << QByteArray(R"(2["m",-])");
    QTest::newRow("truncated literal") << QByteArray(R"(2["m",tru])");
    QTest::newRow("missing colon") << QByteArray(R"(2["m",{"a" 1}])");
    QTest::newRow("trailing comma") << QByteArray(R"(2["m",1,])");
    QTest::newRow("single quotes") << QByteArray(R"(2['m'])");
    QTest::newRow("unquoted key") << QByteArray(R"(2["m",{a:1}])");
    QTest::newRow("comment") << QByteArray(R"(2["m"/* x */])");
    QTest::newRow("NaN") << QByteArray(R"(2["m",NaN])");
    QTest::newRow("leading zero") << QByteArray(R"(2["m",012])");
    QTest::newRow("bad escape letter") << QByteArray(R"(2["m","\x41"])");
    QTest::newRow("short unicode escape") << QByteArray(R"(2["m","\u12"])");
    QTest::newRow("non-hex unicode escape") << QByteArray(R"(2["m","\u12g4"])");
    QTest::newRow("lone high surrogate") << QByteArray(R"(2["m","\ud800"])");
    QTest::newRow("high surrogate then letter") << QByteArray(R"(2["m","\ud800\u0041"])");
    QTest::newRow("two high surrogates") << QByteArray(R"(2["m","\ud800\ud800"])");
    QTest::newRow("lone low surrogate") << QByteArray(R"(2["m","\udc00"])");
    QTest::newRow("reversed surrogate pair") << QByteArray(R"(2["m","\ude00\ud83d"])");
    QTest::newRow("lone surrogate in a key") << QByteArray(R"(2["m",{"\ud800":1}])");
    QTest::newRow("raw control character") << QByteArray("2[\"m\",\"a\x01b\"]");
    QTest::newRow("raw newline in string") << QByteArray("2[\"m\",\"a\nb\"]");
    QTest::newRow("invalid UTF-8 byte") << QByteArray("2[\"m\",\"a\xff\"]");
    QTest::newRow("overlong UTF-8") << QByteArray("2[\"m\",\"\xc0\xaf\"]");
    QTest::newRow("truncated UTF-8") << QByteArray("2[\"m\",\"\xe2\x82\"]");
    QTest::newRow("UTF-8 encoded surrogate") << QByteArray("2[\"m\",\"\xed\xa0\x80\"]");
    QTest::newRow("UTF-8 beyond U+10FFFF") << QByteArray("2[\"m\",\"\xf4\x90\x80\x80\"]");
    QTest::newRow("invalid UTF-8 in a key") << QByteArray("2[\"m\",{\"\xff\":1}]");
    QTest::newRow("number too large for a double") << QByteArray(R"(2["m",1e400])");
    QTest::newRow("deep nesting") << QByteArray("2[\"m\"," + QByteArray(2000, '[') + QByteArray(2000, ']')
                                                + "]");
    QTest::newRow("deep object nesting")
        << QByteArray("2[\"m\"," + QByteArray("{\"a\":").repeated(2000) + "1" + QByteArray(2000, '}') + "]");
    QTest::newRow("two values") << QByteArray(R"(2["m"]["n"])");
    QTest::newRow("NUL after value") << QByteArray("2[\"m\"]\0", 7);
    QTest::newRow("NUL between values") << QByteArray("2[\"m\",\0 1]", 10);
    QTest::newRow("big integer with a bad neighbour") << QByteArray(R"(2["m",123456789012345678901,01])");
}

void TestCodec::malformedJsonRefused()
{
    QFETCH(QByteArray, text);
    QString error;
    QVERIFY(!sio::decode(text, &error));
    QCOMPARE(error, QStringLiteral("invalid JSON payload"));
}

// What the decoder accepts at the edges, and what it makes of it.
void TestCodec::jsonEdgeCasesAccepted()
{
    auto arg1 = [](const QByteArray &text) {
        QString error;
        const auto packet = sio::decode(text, &error);
        if (!packet)
            qWarning() << text << error;
        return packet ? packet->jsonData().toArray().at(1) : QJsonValue(QJsonValue::Undefined);
    };
    // A surrogate pair is one character; an escaped NUL is kept.
    QCOMPARE(arg1(R"(2["m","\ud83d\ude00\u0000"])"), QJsonValue(QStringLiteral("\U0001F600") + QChar(0)));
    // Raw 4-byte UTF-8 and the largest code point.
    QCOMPARE(arg1("2[\"m\",\"\xf0\x9f\x98\x80\xf4\x8f\xbf\xbf\"]"),
             QJsonValue(QStringLiteral("\U0001F600\U0010FFFF")));
    // Nesting well past what a chat event needs.
    QVERIFY(arg1("2[\"m\"," + QByteArray(500, '[') + QByteArray(500, ']') + "]").isArray());
    // Big numbers: integers past 64 bits become doubles; past double range is refused (above).
    QCOMPARE(arg1(R"(2["m",123456789012345678901234567890])").toDouble(), 1.2345678901234568e29);
    QCOMPARE(arg1(R"(2["m",100000000000000000000])").toDouble(), 1e20); // JSON.stringify(1e20)
    QCOMPARE(arg1(R"(2["m",[-99999999999999999999,"12345678901234567890",1e5]])"),
             QJsonDocument::fromJson(R"([-99999999999999999999,"12345678901234567890",1e5])").array());
    QCOMPARE(arg1(R"(2["m",18446744073709551615])").toDouble(), 18446744073709551615.0);
    QCOMPARE(arg1(R"(2["m",-9223372036854775808])").toInteger(), std::numeric_limits<qint64>::min());
    QCOMPARE(arg1(R"(2["m",1.7976931348623157e308])").toDouble(), 1.7976931348623157e308);
    QCOMPARE(arg1(R"(2["m",1e-400])").toDouble(), 0.0);
    // Numbers convert to the same QJsonValue as QJsonDocument makes, and survive
    // encode -> decode as the same number (Qt writes a large double in plain digits,
    // which reads back as an integer of the same value).
    for (const char *number : { "42", "-9007199254740991", "9007199254740993", "4444444444444440.5e3",
                                "-9223372036854775807", "18446744073709551615", "-0", "-0.0", "1E2" }) {
        const QByteArray text = QByteArray("[") + number + "]";
        const auto packet = sio::decode("2[\"m\"," + QByteArray(number) + "]");
        QVERIFY2(packet, number);
        const QJsonValue ours = packet->jsonData().toArray().at(1);
        QCOMPARE(ours, QJsonDocument::fromJson(text).array().at(0));
        const auto again = sio::decode(sio::encode(*packet));
        QVERIFY2(again, number);
        QCOMPARE(again->jsonData().toArray().at(1).toDouble(), ours.toDouble());
    }
    // Duplicate keys: kept in the document; readers see the last, as QJsonObject does.
    const QJsonValue dup = arg1(R"(2["m",{"k":1,"k":2}])");
    QCOMPARE(dup.toObject().value("k").toInt(), 2);
    QCOMPARE(dup.toObject().size(), 1);
    QCOMPARE(dup, QJsonDocument::fromJson(R"([{"k":1,"k":2}])").array().at(0));
    // Whitespace around the payload.
    QVERIFY(arg1("2 [\"m\" , 1 ]\n").isDouble());
    // CONNECT_ERROR may be a bare string (old servers).
    const auto error = sio::decode(R"(4"not authorized")");
    QVERIFY(error);
    QCOMPARE(error->jsonData(), QJsonValue(QStringLiteral("not authorized")));
}

void TestCodec::jsonViewReads()
{
    const auto doc = ringchat::JsonDocument::parse(
        R"({"s":"h\u00e9","n":2.5,"i":-3,"t":true,"f":false,"z":null,"a":[1,"x",{}],"o":{"k":"v"},"k":1,"k":9})");
    QVERIFY(doc);
    const ringchat::JsonView root = doc->root();
    using L = QLatin1StringView;
    QVERIFY(root.isObject());
    QCOMPARE(root.size(), 10);
    QCOMPARE(root.value(L("s")).toString(), QStringLiteral("hé"));
    QCOMPARE(root.value(L("s")).utf8(), QByteArrayView("h\xc3\xa9"));
    QCOMPARE(root.value(L("n")).toDouble(), 2.5);
    QCOMPARE(root.value(L("i")).toDouble(), -3.0);
    QVERIFY(root.value(L("t")).isBool() && root.value(L("t")).toBool());
    QVERIFY(root.value(L("f")).isBool() && !root.value(L("f")).toBool(true));
    QVERIFY(root.value(L("z")).isNull());
    QVERIFY(root.value(L("missing")).isUndefined());
    QCOMPARE(root.value(L("k")).toDouble(), 9.0);
    const ringchat::JsonView array = root.value(L("a"));
    QCOMPARE(array.size(), 3);
    QCOMPARE(array.at(1).toString(), QStringLiteral("x"));
    QVERIFY(array.at(2).isObject());
    QVERIFY(array.at(3).isUndefined());
    QVERIFY(array.at(-1).isUndefined());
    QVERIFY(array.value(L("k")).isUndefined()); // not an object
    QCOMPARE(root.value(L("o"))[L("k")].toString(), QStringLiteral("v"));
    // Wrong-type reads give the defaults, like QJsonValue.
    QCOMPARE(root.value(L("s")).toDouble(7), 7.0);
    QVERIFY(root.value(L("n")).toString().isEmpty());
    QVERIFY(root.value(L("n")).utf8().isEmpty());
    QCOMPARE(root.value(L("n")).size(), 0);
    QVERIFY(!root.value(L("z")).toBool());
    // The deep copy equals Qt's parse of the same text (last duplicate wins there too).
    QCOMPARE(
        root.toQJsonValue(),
        QJsonValue(
            QJsonDocument::fromJson(
                R"({"s":"h\u00e9","n":2.5,"i":-3,"t":true,"f":false,"z":null,"a":[1,"x",{}],"o":{"k":"v"},"k":1,"k":9})")
                .object()));
    QString error;
    QVERIFY(!ringchat::JsonDocument::parse("{", &error));
    QVERIFY(!error.isEmpty());
    QVERIFY(!ringchat::JsonDocument::parse("", &error));
    QVERIFY(!ringchat::JsonDocument::parse("   ", &error));
}

// JsonMembers (the decoders' field reader) answers as a scan would: every key of many
// (most sharing a slot with another), the last of repeated keys, nothing for absent keys.
void TestCodec::jsonMembersFindEveryKey()
{
    QByteArray text = "{";
    QHash<QByteArray, int> last;
    for (int i = 0; i < 300; ++i) {
        // Keys of every length from 0, some repeated later with another value.
        const QByteArray key = i < 200
            ? QByteArray::number(i * 7919, 36).left(i % 9) + QByteArray::number(i)
            : QByteArray::number((i - 200) * 2 * 7919, 36).left(((i - 200) * 2) % 9)
                + QByteArray::number((i - 200) * 2);
        text += (i ? "," : "") + ("\"" + key + "\":") + QByteArray::number(i);
        last[key] = i;
    }
    text += R"(,"":-1})";
    last[""] = -1;
    const auto doc = ringchat::JsonDocument::parse(text);
    QVERIFY(doc);
    const ringchat::JsonMembers members(doc->root());
    for (auto it = last.cbegin(); it != last.cend(); ++it) {
        const QLatin1StringView key(it.key());
        QCOMPARE(members.value(key).toDouble(-2), double(it.value()));
    }
    for (const char *absent : { "id", "x", "seq", "conversationId", "199x", "zzzzzzzzzzzz" })
        QVERIFY(members.value(QLatin1StringView(absent)).isUndefined());
    QVERIFY(ringchat::JsonMembers(doc->root().value(QLatin1StringView("0")))
                .value(QLatin1StringView("0"))
                .isUndefined());
}

// An incoming payload reads straight from the packet's document; args() is made
// once and shared by every copy; copies keep the document alive.
void TestCodec::payloadFromPacket()
{
    Payload payload;
    {
        auto packet = sio::decode(R"(2["news",{"n":1},"two",[3]])");
        QVERIFY(packet);
        payload = Payload(std::move(packet->json), 1, 3);
    } // the packet is gone; the payload holds the document
    QCOMPARE(payload.size(), 3);
    QCOMPARE(payload.arg(0)[QLatin1StringView("n")].toDouble(), 1.0);
    QCOMPARE(payload.arg(1).toString(), QStringLiteral("two"));
    QVERIFY(payload.arg(2).isArray());
    QVERIFY(payload.arg(3).isUndefined());
    QVERIFY(payload.arg(-1).isUndefined());
    const Payload copy = payload;
    QCOMPARE(copy.args(), QJsonDocument::fromJson(R"([{"n":1},"two",[3]])").array());
    QCOMPARE(&copy.args(), &payload.args()); // converted once, shared
    // A window of the array (the client drops the event name and a recovery offset).
    auto packet = sio::decode(R"(2["news",{"n":1},"offset-7"])");
    QVERIFY(packet);
    const Payload window(packet->json, 1, 1);
    QCOMPARE(window.size(), 1);
    QVERIFY(window.arg(1).isUndefined());
    QCOMPARE(window.args(), QJsonDocument::fromJson(R"([{"n":1}])").array());
    QVERIFY(Payload().isEmpty());
    QVERIFY(Payload().args().isEmpty());
    QVERIFY(Payload().arg(0).isUndefined());
}

// A payload built from a QJsonArray (outgoing, or a test's) answers arg() too.
void TestCodec::payloadFromQJsonArray()
{
    const QJsonArray args { QJsonObject { { "seq", 4 } }, QStringLiteral("é") };
    const Payload payload(args, { QByteArray("bin") });
    QCOMPARE(payload.args(), args);
    QCOMPARE(payload.size(), 2);
    QCOMPARE(payload.binaries, QList<QByteArray> { QByteArray("bin") });
    QCOMPARE(payload.arg(0)[QLatin1StringView("seq")].toDouble(), 4.0);
    QCOMPARE(payload.arg(1).toString(), QStringLiteral("é"));
    QVERIFY(payload.arg(2).isUndefined());
}

QTEST_GUILESS_MAIN(TestCodec)
#include "tst_codec.moc"
