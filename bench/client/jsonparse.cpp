// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// JSON parser comparison for the ingest hot path (issue 8): one real
// `42["message_received",{...}]` frame, as bench/server.mjs sends it, parsed and
// turned into an api::Message, again and again, by each candidate parser.
//
// Usage: ringchat-bench-json [ITERATIONS] [VARIANT...]
// Prints one line per variant: ns per frame (wall clock, noisy on a shared
// machine). For repeatable figures count instructions instead:
//   valgrind --tool=callgrind ringchat-bench-json 20000 simdjson-dom
// and divide the difference between two iteration counts by the difference.
//
// Every variant validates the whole frame (a malformed one is refused) except
// "simdjson-ondemand", which is lazy by design and shown only as a reference.
// "qt" is the path before this change (sio::decode with QJsonDocument, then
// Message::fromJson(QJsonObject)); "ringchat" is the path now (sio::decode with
// simdjson, Message::fromJson(JsonView)); both with the full contract checks. The
// others do the bench's own minimal field copy, to compare the parsers alone.

#include "api/types.h"
#include "net/socketioclient.h"
#include "net/socketiopacket.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <rapidjson/document.h>
#include <rapidjson/reader.h>
#include <simdjson.h>

#include <cstdio>
#include <cstring>
#include <functional>
#include <map>
#include <string_view>

using namespace ringchat;

namespace {

// The frame the flood server sends for seq 123456 with 200 characters of content.
QByteArray makeFrame()
{
    const QByteArray content(200, 'x');
    return QByteArray(R"(42["message_received",{"id":"m123456","conversationId":"bench","seq":123456,)"
                      R"("clientId":"00000000-0000-4000-8000-000000123456","senderId":"u-bench",)"
                      R"("senderName":"Bench Sender","content":")")
        + content + R"(","type":"text","timestamp":"2026-01-01T00:00:00.000Z"}])";
}

QString str(std::string_view s)
{
    return QString::fromUtf8(s.data(), qsizetype(s.size()));
}

// The bench's own minimal field copy (no validation beyond types): the same work
// for every parser, so the table compares the parsers.
struct Fields
{
    std::string_view id, conversationId, clientId, senderId, senderName, content, type, timestamp;
    double seq = 0;
};

bool toMessage(const Fields &f, api::Message &m)
{
    m.id = str(f.id);
    m.conversationId = str(f.conversationId);
    m.seq = qint64(f.seq);
    m.clientId = str(f.clientId);
    m.senderId = str(f.senderId);
    m.senderName = str(f.senderName);
    m.content = str(f.content);
    m.type = f.type == "system" ? api::Message::Type::System : api::Message::Type::Text;
    m.timestamp = api::parseTime(str(f.timestamp));
    return m.timestamp.isValid();
}

using Variant = std::function<bool(const QByteArray &frame, api::Message &out)>;

// The path before simdjson: QJsonDocument::fromJson of the packet (what sio::decode
// did), the event checks, then Message::fromJson(QJsonObject).
bool viaQt(const QByteArray &frame, api::Message &out)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(frame.sliced(2), &error);
    if (error.error != QJsonParseError::NoError || !doc.isArray())
        return false;
    const QJsonArray array = doc.array();
    if (array.isEmpty() || !array.at(0).isString())
        return false;
    auto m = api::Message::fromJson(array.at(1).toObject());
    if (!m)
        return false;
    out = std::move(*m);
    return true;
}

// Ours now: sio::decode (one simdjson parse into a shared JsonDocument) and
// Message::fromJson(JsonView) through a Payload, as SocketIoClient and ChatService do,
// with the full validation of both.
bool viaRingChat(const QByteArray &frame, api::Message &out)
{
    auto packet = net::sio::decode(QByteArrayView(frame).sliced(1));
    if (!packet)
        return false;
    const net::Payload payload(std::move(packet->json), 1, packet->view().size() - 1);
    auto m = api::Message::fromJson(payload.arg(0));
    if (!m)
        return false;
    out = std::move(*m);
    return true;
}

// QJsonDocument alone, the same field copy as the others (no sio::decode checks).
bool viaQtPlain(const QByteArray &frame, api::Message &out)
{
    const QJsonDocument doc = QJsonDocument::fromJson(frame.sliced(2));
    if (!doc.isArray())
        return false;
    const QJsonObject o = doc.array().at(1).toObject();
    const QString ts = o.value(QLatin1StringView("timestamp")).toString();
    out.id = o.value(QLatin1StringView("id")).toString();
    out.conversationId = o.value(QLatin1StringView("conversationId")).toString();
    out.seq = qint64(o.value(QLatin1StringView("seq")).toDouble());
    out.clientId = o.value(QLatin1StringView("clientId")).toString();
    out.senderId = o.value(QLatin1StringView("senderId")).toString();
    out.senderName = o.value(QLatin1StringView("senderName")).toString();
    out.content = o.value(QLatin1StringView("content")).toString();
    out.type = o.value(QLatin1StringView("type")).toString() == QLatin1StringView("system")
        ? api::Message::Type::System
        : api::Message::Type::Text;
    out.timestamp = api::parseTime(ts);
    return out.timestamp.isValid();
}

template <typename Lookup> bool fill(Fields &f, Lookup &&get)
{
    return get("id", f.id) && get("conversationId", f.conversationId) && get("clientId", f.clientId)
        && get("senderId", f.senderId) && get("senderName", f.senderName) && get("content", f.content)
        && get("type", f.type) && get("timestamp", f.timestamp);
}

simdjson::dom::parser &simdParser()
{
    static simdjson::dom::parser parser;
    return parser;
}

bool fromSimdElement(simdjson::dom::element root, api::Message &out)
{
    simdjson::dom::array array;
    if (root.get_array().get(array) || array.size() < 2)
        return false;
    simdjson::dom::object o;
    if (array.at(1).get_object().get(o))
        return false;
    Fields f;
    auto get = [&o](const char *key, std::string_view &v) { return !o[key].get_string().get(v); };
    if (!fill(f, get) || o["seq"].get_double().get(f.seq))
        return false;
    return toMessage(f, out);
}

// simdjson DOM with one reused parser and document (the cheapest DOM use).
bool viaSimdDom(const QByteArray &frame, api::Message &out)
{
    simdjson::dom::element root;
    if (simdParser().parse(frame.constData() + 2, size_t(frame.size() - 2)).get(root))
        return false;
    return fromSimdElement(root, out);
}

// simdjson DOM into a fresh document each frame: what a Payload that owns its
// parsed document costs.
bool viaSimdDomOwned(const QByteArray &frame, api::Message &out)
{
    auto doc = std::make_shared<simdjson::dom::document>();
    simdjson::dom::element root;
    if (simdParser().parse_into_document(*doc, frame.constData() + 2, size_t(frame.size() - 2)).get(root))
        return false;
    return fromSimdElement(root, out);
}

// simdjson On-Demand: lazy, validates only what it reads (reference only).
bool viaSimdOnDemand(const QByteArray &frame, api::Message &out)
{
    static simdjson::ondemand::parser parser;
    simdjson::padded_string padded(frame.constData() + 2, size_t(frame.size() - 2));
    simdjson::ondemand::document doc;
    if (parser.iterate(padded).get(doc))
        return false;
    simdjson::ondemand::array array;
    if (doc.get_array().get(array))
        return false;
    auto it = array.begin();
    std::string_view name;
    if ((*it).get_string().get(name) || name != "message_received")
        return false;
    ++it;
    simdjson::ondemand::object o;
    if ((*it).get_object().get(o))
        return false;
    Fields f;
    for (auto field : o) {
        std::string_view key;
        if (field.unescaped_key().get(key))
            return false;
        auto value = field.value();
        simdjson::error_code e = simdjson::SUCCESS;
        if (key == "seq")
            e = value.get_double().get(f.seq);
        else if (key == "id")
            e = value.get_string().get(f.id);
        else if (key == "conversationId")
            e = value.get_string().get(f.conversationId);
        else if (key == "clientId")
            e = value.get_string().get(f.clientId);
        else if (key == "senderId")
            e = value.get_string().get(f.senderId);
        else if (key == "senderName")
            e = value.get_string().get(f.senderName);
        else if (key == "content")
            e = value.get_string().get(f.content);
        else if (key == "type")
            e = value.get_string().get(f.type);
        else if (key == "timestamp")
            e = value.get_string().get(f.timestamp);
        if (e)
            return false;
    }
    return toMessage(f, out);
}

template <typename Document> bool fromRapid(const Document &doc, api::Message &out)
{
    if (!doc.IsArray() || doc.Size() < 2 || !doc[1].IsObject())
        return false;
    const auto &o = doc[1];
    Fields f;
    auto get = [&o](const char *key, std::string_view &v) {
        auto it = o.FindMember(key);
        if (it == o.MemberEnd() || !it->value.IsString())
            return false;
        v = std::string_view(it->value.GetString(), it->value.GetStringLength());
        return true;
    };
    if (!fill(f, get))
        return false;
    auto seq = o.FindMember("seq");
    if (seq == o.MemberEnd() || !seq->value.IsNumber())
        return false;
    f.seq = seq->value.GetDouble();
    return toMessage(f, out);
}

constexpr unsigned kRapidFlags = rapidjson::kParseValidateEncodingFlag | rapidjson::kParseStopWhenDoneFlag;

// rapidjson DOM, UTF-8 validated, a fresh Document (own allocator) each frame.
bool viaRapidDom(const QByteArray &frame, api::Message &out)
{
    rapidjson::Document doc;
    doc.Parse<kRapidFlags>(frame.constData() + 2, size_t(frame.size() - 2));
    return !doc.HasParseError() && fromRapid(doc, out);
}

// rapidjson in-situ: strings stay in (a copy of) the frame.
bool viaRapidInsitu(const QByteArray &frame, api::Message &out)
{
    QByteArray copy(frame.constData() + 2, frame.size() - 2);
    rapidjson::Document doc;
    doc.ParseInsitu<kRapidFlags>(copy.data());
    return !doc.HasParseError() && fromRapid(doc, out);
}

// rapidjson SAX: one pass, the handler keeps the nine fields (strings copied
// into the Message as they come).
struct SaxMessage : rapidjson::BaseReaderHandler<rapidjson::UTF8<>, SaxMessage>
{
    api::Message *m = nullptr;
    int depth = 0;
    std::string key; // copied: the reader's buffer is reused for the value
    QString timestamp;
    bool Default() { return true; }
    bool StartObject() { return ++depth, true; }
    bool EndObject(rapidjson::SizeType) { return --depth, true; }
    bool StartArray() { return ++depth, true; }
    bool EndArray(rapidjson::SizeType) { return --depth, true; }
    bool Key(const char *s, rapidjson::SizeType n, bool)
    {
        key.assign(s, n);
        return true;
    }
    bool Uint(unsigned v) { return Double(v); }
    bool Int(int v) { return Double(v); }
    bool Uint64(uint64_t v) { return Double(double(v)); }
    bool Int64(int64_t v) { return Double(double(v)); }
    bool Double(double d)
    {
        if (depth == 2 && key == "seq")
            m->seq = qint64(d);
        return true;
    }
    bool String(const char *s, rapidjson::SizeType n, bool)
    {
        if (depth != 2)
            return true;
        const QString v = QString::fromUtf8(s, n);
        if (key == "id")
            m->id = v;
        else if (key == "conversationId")
            m->conversationId = v;
        else if (key == "clientId")
            m->clientId = v;
        else if (key == "senderId")
            m->senderId = v;
        else if (key == "senderName")
            m->senderName = v;
        else if (key == "content")
            m->content = v;
        else if (key == "type")
            m->type
                = v == QLatin1StringView("system") ? api::Message::Type::System : api::Message::Type::Text;
        else if (key == "timestamp")
            timestamp = v;
        return true;
    }
};

bool viaRapidSax(const QByteArray &frame, api::Message &out)
{
    SaxMessage handler;
    handler.m = &out;
    rapidjson::Reader reader;
    rapidjson::StringStream in(frame.constData() + 2);
    if (reader.Parse<kRapidFlags>(in, handler).IsError())
        return false;
    out.timestamp = api::parseTime(handler.timestamp);
    return out.timestamp.isValid();
}

} // namespace

int main(int argc, char **argv)
{
    const std::map<std::string, Variant> variants {
        { "qt", viaQt },
        { "ringchat", viaRingChat },
        { "qt-plain", viaQtPlain },
        { "simdjson-dom", viaSimdDom },
        { "simdjson-dom-owned", viaSimdDomOwned },
        { "simdjson-ondemand", viaSimdOnDemand },
        { "rapidjson-dom", viaRapidDom },
        { "rapidjson-insitu", viaRapidInsitu },
        { "rapidjson-sax", viaRapidSax },
    };
    const long iterations = argc > 1 ? std::atol(argv[1]) : 200000;
    std::vector<std::string> chosen;
    for (int i = 2; i < argc; ++i)
        chosen.push_back(argv[i]);
    if (chosen.empty())
        for (const auto &[name, fn] : variants)
            chosen.push_back(name);

    const QByteArray frame = makeFrame();
    int failures = 0;
    for (const std::string &name : chosen) {
        auto it = variants.find(name);
        if (it == variants.end()) {
            std::fprintf(stderr, "unknown variant %s\n", name.c_str());
            return 2;
        }
        api::Message m;
        // Every variant must produce the same message.
        if (!it->second(frame, m) || m.seq != 123456 || m.content.size() != 200
            || m.clientId != QLatin1StringView("00000000-0000-4000-8000-000000123456")
            || !m.timestamp.isValid()) {
            std::fprintf(stderr, "%s: wrong result (seq %lld, content %lld)\n", name.c_str(),
                         static_cast<long long>(m.seq), static_cast<long long>(m.content.size()));
            ++failures;
            continue;
        }
        QElapsedTimer clock;
        clock.start();
        long ok = 0;
        for (long i = 0; i < iterations; ++i)
            ok += it->second(frame, m);
        const double ns = double(clock.nsecsElapsed()) / double(iterations);
        std::printf("%-20s %8.1f ns/frame  (%ld ok, frame %lld bytes)\n", name.c_str(), ns, ok,
                    static_cast<long long>(frame.size()));
    }
    return failures ? 1 : 0;
}
