// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "net/socketiopacket.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <iterator>

namespace ringchat::net::sio {

namespace {

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

bool fail(QString *error, const char *reason)
{
    if (error)
        *error = QString::fromLatin1(reason);
    return false;
}

bool isReservedEvent(QByteArrayView name)
{
    static constexpr QByteArrayView reserved[] { "connect",       "connect_error", "disconnect",
                                                 "disconnecting", "newListener",   "removeListener" };
    return std::find(std::begin(reserved), std::end(reserved), name) != std::end(reserved);
}

bool payloadValid(const Packet &p, QString *error)
{
    const JsonView data = p.view();
    switch (p.type) {
    case PacketType::Connect:
        return data.isObject() || fail(error, "CONNECT payload is not an object");
    case PacketType::Disconnect:
        return data.isUndefined() || fail(error, "DISCONNECT carries a payload");
    case PacketType::ConnectError:
        return data.isObject() || data.isString() || fail(error, "CONNECT_ERROR payload is not an object");
    case PacketType::Event:
    case PacketType::BinaryEvent: {
        if (!data.isArray())
            return fail(error, "EVENT payload is not an array");
        const JsonView name = data.at(0);
        if (!name.isString())
            return fail(error, "EVENT has no event name");
        if (isReservedEvent(name.utf8()))
            return fail(error, "EVENT uses a reserved name");
        break;
    }
    case PacketType::Ack:
    case PacketType::BinaryAck:
        if (!data.isArray())
            return fail(error, "ACK payload is not an array");
        break;
    }
    if ((p.type == PacketType::Ack || p.type == PacketType::BinaryAck) && p.id < 0)
        return fail(error, "ACK without id");
    if (p.type == PacketType::BinaryEvent || p.type == PacketType::BinaryAck) {
        if (!placeholdersValid(data, p.attachments))
            return fail(error, "bad binary placeholder");
    }
    return true;
}

// Children of an array or object, for QJsonValue and JsonView alike.
template <typename F> void forEachChild(const QJsonValue &value, F &&f)
{
    if (value.isArray()) {
        for (const QJsonValue &v : value.toArray())
            f(v);
    } else if (value.isObject()) {
        const QJsonObject object = value.toObject();
        for (auto it = object.begin(); it != object.end(); ++it)
            f(it.value());
    }
}

template <typename F> void forEachChild(const JsonView &value, F &&f)
{
    if (value.isArray())
        value.forEachElement(f);
    else if (value.isObject())
        value.forEachMember([&f](QByteArrayView, JsonView v) { f(v); });
}

// Visits each {"_placeholder":true,...} object; false as soon as visit() says so.
template <typename Value, typename Visit> bool walkPlaceholders(const Value &value, int depth, Visit &&visit)
{
    if (depth > 64) // the parsers bound nesting too; this keeps our recursion short
        return false;
    if (value.isObject() && value[QLatin1StringView("_placeholder")].toBool(false))
        return visit(value);
    bool ok = true;
    forEachChild(value, [&](const Value &child) { ok = ok && walkPlaceholders(child, depth + 1, visit); });
    return ok;
}

template <typename Value> bool placeholdersInRange(const Value &value, int count)
{
    return walkPlaceholders(value, 0, [count](const Value &object) {
        const auto num = object[QLatin1StringView("num")];
        if (!num.isDouble())
            return false;
        const double d = num.toDouble();
        return d >= 0 && d < count && d == double(int(d));
    });
}

} // namespace

std::optional<Packet> decode(QByteArrayView text, QString *error, qsizetype readableAfter)
{
    if (text.isEmpty()) {
        fail(error, "empty packet");
        return std::nullopt;
    }
    Packet p;
    qsizetype i = 0;
    const char typeChar = text.at(i++);
    if (typeChar < '0' || typeChar > '6') {
        fail(error, "unknown packet type");
        return std::nullopt;
    }
    p.type = PacketType(typeChar - '0');
    const qsizetype n = text.size();

    if (p.type == PacketType::BinaryEvent || p.type == PacketType::BinaryAck) {
        const qsizetype start = i;
        qint64 count = 0;
        while (i < n && isDigit(text.at(i))) {
            count = count * 10 + (text.at(i) - '0');
            if (count > kMaxAttachments) {
                fail(error, "too many attachments");
                return std::nullopt;
            }
            ++i;
        }
        if (i == start || i >= n || text.at(i) != '-') {
            fail(error, "illegal attachments");
            return std::nullopt;
        }
        ++i;
        p.attachments = int(count);
    }

    if (i < n && text.at(i) == '/') {
        const qsizetype start = i;
        while (i < n && text.at(i) != ',')
            ++i;
        p.nsp = QString::fromUtf8(text.sliced(start, i - start));
        if (i < n)
            ++i; // the comma
    }

    if (i < n && isDigit(text.at(i))) {
        const qsizetype start = i;
        qint64 id = 0;
        while (i < n && isDigit(text.at(i))) {
            if (i - start >= 15) { // keeps the id exact in a double, as JS sees it
                fail(error, "ack id too long");
                return std::nullopt;
            }
            id = id * 10 + (text.at(i) - '0');
            ++i;
        }
        p.id = id;
    }

    if (i < n) {
        // The one parse of the payload: complete validation here, typed reads later.
        p.json = JsonDocument::parse(text.sliced(i), nullptr, readableAfter);
        if (!p.json) {
            fail(error, "invalid JSON payload");
            return std::nullopt;
        }
    }

    if (!payloadValid(p, error))
        return std::nullopt;
    return p;
}

QByteArray encode(const Packet &p)
{
    QByteArray out;
    out.append(char('0' + int(p.type)));
    if (p.type == PacketType::BinaryEvent || p.type == PacketType::BinaryAck) {
        out.append(QByteArray::number(p.attachments));
        out.append('-');
    }
    if (!p.nsp.isEmpty() && p.nsp != QLatin1StringView("/")) {
        out.append(p.nsp.toUtf8());
        out.append(',');
    }
    if (p.id >= 0)
        out.append(QByteArray::number(p.id));
    const QJsonValue data = p.jsonData();
    if (data.isObject()) {
        out.append(QJsonDocument(data.toObject()).toJson(QJsonDocument::Compact));
    } else if (data.isArray()) {
        out.append(QJsonDocument(data.toArray()).toJson(QJsonDocument::Compact));
    } else if (!data.isUndefined() && !data.isNull()) {
        const QByteArray wrapped = QJsonDocument(QJsonArray { data }).toJson(QJsonDocument::Compact);
        out.append(wrapped.mid(1, wrapped.size() - 2));
    }
    return out;
}

bool placeholdersValid(const QJsonValue &value, int count)
{
    return placeholdersInRange(value, count);
}

bool placeholdersValid(const JsonView &value, int count)
{
    return placeholdersInRange(value, count);
}

int countPlaceholders(const QJsonValue &value)
{
    int count = 0;
    walkPlaceholders(value, 0, [&count](const QJsonValue &) {
        ++count;
        return true;
    });
    return count;
}

void BinaryReassembler::start(Packet packet)
{
    m_packet = std::move(packet);
    m_packet.binaries.clear();
    m_packet.binaries.reserve(m_packet.attachments);
    m_active = true;
}

BinaryReassembler::Result BinaryReassembler::add(const QByteArray &binary)
{
    if (!m_active)
        return Result::Error;
    m_packet.binaries.append(binary);
    return m_packet.binaries.size() >= m_packet.attachments ? Result::Complete : Result::Incomplete;
}

Packet BinaryReassembler::take()
{
    m_active = false;
    return std::move(m_packet);
}

void BinaryReassembler::reset()
{
    m_active = false;
    m_packet = Packet();
}

} // namespace ringchat::net::sio
