// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "net/engineiopacket.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace ringchat::net::eio {

namespace {

bool isKnownType(char c)
{
    return c >= '0' && c <= '6';
}

// Reads a positive integer field, clamped to a sane range so a hostile open packet
// can't make timers overflow.
std::optional<qint64> positiveNumber(const QJsonObject &object, QLatin1StringView key, qint64 fallback,
                                     qint64 max)
{
    const QJsonValue value = object.value(key);
    if (value.isUndefined())
        return fallback;
    if (!value.isDouble())
        return std::nullopt;
    const double d = value.toDouble();
    if (!(d > 0))
        return std::nullopt;
    return d > double(max) ? max : qint64(d);
}

} // namespace

std::optional<Packet> decodeText(QByteArrayView frame)
{
    if (frame.isEmpty() || !isKnownType(frame.front()))
        return std::nullopt;
    Packet packet;
    packet.type = PacketType(frame.front());
    packet.data = frame.sliced(1).toByteArray();
    return packet;
}

std::optional<Packet> decodeOwnedText(QByteArray &&frame)
{
    if (frame.isEmpty() || !isKnownType(frame.front()))
        return std::nullopt;
    Packet packet;
    packet.type = PacketType(frame.front());
    frame.remove(0, 1); // on an unshared buffer Qt 6 moves the start: no copy
    packet.data = std::move(frame);
    return packet;
}

Packet decodeBinary(const QByteArray &frame)
{
    return Packet { PacketType::Message, frame, true };
}

std::optional<QList<Packet>> decodePayload(QByteArrayView body)
{
    QList<Packet> packets;
    if (body.isEmpty())
        return std::nullopt;
    qsizetype start = 0;
    while (start <= body.size()) {
        qsizetype end = body.indexOf(kRecordSeparator, start);
        if (end < 0)
            end = body.size();
        const QByteArrayView part = body.sliced(start, end - start);
        if (part.isEmpty())
            return std::nullopt;
        if (part.front() == 'b') {
            auto decoded = QByteArray::fromBase64Encoding(part.sliced(1).toByteArray(),
                                                          QByteArray::AbortOnBase64DecodingErrors);
            if (!decoded)
                return std::nullopt;
            packets.append(Packet { PacketType::Message, std::move(*decoded), true });
        } else {
            auto packet = decodeText(part);
            if (!packet)
                return std::nullopt;
            packets.append(std::move(*packet));
        }
        start = end + 1;
    }
    return packets;
}

std::optional<OpenInfo> parseOpen(QByteArrayView json)
{
    QJsonParseError error;
    const QJsonDocument doc
        = QJsonDocument::fromJson(QByteArray::fromRawData(json.data(), json.size()), &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        return std::nullopt;
    const QJsonObject object = doc.object();
    OpenInfo info;
    const QJsonValue sid = object.value(QLatin1StringView("sid"));
    if (!sid.isString() || sid.toString().isEmpty())
        return std::nullopt;
    info.sid = sid.toString();
    const QJsonValue upgrades = object.value(QLatin1StringView("upgrades"));
    if (upgrades.isArray()) {
        for (const QJsonValue &u : upgrades.toArray()) {
            if (u.isString())
                info.upgrades.append(u.toString());
        }
    } else if (!upgrades.isUndefined()) {
        return std::nullopt;
    }
    constexpr qint64 kMaxMs = 24 * 3600 * 1000; // a day
    const auto interval = positiveNumber(object, QLatin1StringView("pingInterval"), 25000, kMaxMs);
    const auto timeout = positiveNumber(object, QLatin1StringView("pingTimeout"), 20000, kMaxMs);
    const auto maxPayload = positiveNumber(object, QLatin1StringView("maxPayload"), 1000000, qint64(1) << 40);
    if (!interval || !timeout || !maxPayload)
        return std::nullopt;
    info.pingInterval = int(*interval);
    info.pingTimeout = int(*timeout);
    info.maxPayload = *maxPayload;
    return info;
}

QByteArray encodeText(PacketType type, QByteArrayView data)
{
    QByteArray out;
    out.reserve(data.size() + 1);
    out.append(char(type));
    out.append(data);
    return out;
}

QByteArray encodeForPolling(const Packet &packet)
{
    if (packet.binary)
        return 'b' + packet.data.toBase64();
    return encodeText(packet.type, packet.data);
}

QByteArray encodePayload(const QList<Packet> &packets)
{
    QByteArray out;
    for (qsizetype i = 0; i < packets.size(); ++i) {
        if (i > 0)
            out.append(kRecordSeparator);
        out.append(encodeForPolling(packets.at(i)));
    }
    return out;
}

qint64 pollingSize(const Packet &packet)
{
    if (packet.binary)
        return 1 + (packet.data.size() + 2) / 3 * 4;
    return 1 + packet.data.size();
}

} // namespace ringchat::net::eio
