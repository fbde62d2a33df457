// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Engine.IO v4 packet codec. Pure functions, no QObject, no I/O: the transports and the
// fuzzer share them.

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace ringchat::net::eio {

enum class PacketType : char {
    Open = '0',
    Close = '1',
    Ping = '2',
    Pong = '3',
    Message = '4',
    Upgrade = '5',
    Noop = '6',
};

struct Packet
{
    PacketType type = PacketType::Message;
    QByteArray data;     // text after the type digit, or the raw binary message
    bool binary = false; // a binary message (WebSocket binary frame / "b" + base64)
};

// The JSON of the open packet: 0{"sid":..,"upgrades":[..],"pingInterval":..,...}
struct OpenInfo
{
    QString sid;
    QStringList upgrades;
    int pingInterval = 25000;
    int pingTimeout = 20000;
    qint64 maxPayload = 1000000;
};

constexpr char kRecordSeparator = '\x1e'; // between packets of a polling payload

// One WebSocket text frame -> packet. nullopt when the type is unknown or the frame is empty.
std::optional<Packet> decodeText(QByteArrayView frame);
// The same for a frame the caller gives up: the packet keeps its buffer (no copy).
std::optional<Packet> decodeOwnedText(QByteArray &&frame);
// One WebSocket binary frame is always a binary message.
Packet decodeBinary(const QByteArray &frame);
// A polling response body -> packets. nullopt on any malformed packet.
std::optional<QList<Packet>> decodePayload(QByteArrayView body);
std::optional<OpenInfo> parseOpen(QByteArrayView json);

// Text frame form (type digit + data). Binary packets are sent as-is on WebSocket.
QByteArray encodeText(PacketType type, QByteArrayView data = {});
// Polling form of one packet (binary as "b" + base64), and of a batch.
QByteArray encodeForPolling(const Packet &packet);
QByteArray encodePayload(const QList<Packet> &packets);
// Size of a packet in the polling form, used to respect maxPayload when batching.
qint64 pollingSize(const Packet &packet);

} // namespace ringchat::net::eio
