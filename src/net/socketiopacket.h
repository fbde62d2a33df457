// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Socket.IO v5 packet codec. Pure functions, no QObject: the client and the fuzzer share them.
//
// Text form: <type>[<attachments>-][<nsp>,][<id>][<json>]
//   0 CONNECT  1 DISCONNECT  2 EVENT  3 ACK  4 CONNECT_ERROR  5 BINARY_EVENT  6 BINARY_ACK

#include "core/jsondocument.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QJsonArray>
#include <QJsonValue>
#include <QList>
#include <QString>

#include <memory>
#include <optional>

namespace ringchat::net::sio {

enum class PacketType : int {
    Connect = 0,
    Disconnect = 1,
    Event = 2,
    Ack = 3,
    ConnectError = 4,
    BinaryEvent = 5,
    BinaryAck = 6,
};

constexpr int kMaxAttachments = 1000; // refuse absurd attachment counts

struct Packet
{
    PacketType type = PacketType::Event;
    QString nsp = QStringLiteral("/");
    qint64 id = -1;      // -1 = no ack id
    int attachments = 0; // binary frames that follow (binary types only)
    // The payload: object for CONNECT / CONNECT_ERROR, array for events / acks.
    // Outgoing packets set `data`; decode() sets `json` instead (the one parse of
    // the packet, shared and immutable) and leaves `data` undefined.
    QJsonValue data { QJsonValue::Undefined };
    std::shared_ptr<const JsonDocument> json;
    QList<QByteArray> binaries; // filled by BinaryReassembler

    // The payload's root, whichever form it is in (undefined when there is none).
    JsonView view() const { return json ? json->root() : JsonView(); }
    // The payload as a QJsonValue (a deep copy when it came from decode()).
    QJsonValue jsonData() const { return json ? json->root().toQJsonValue() : data; }
};

// Decodes one text packet, parsing and validating its JSON completely. Returns
// nullopt and sets *error on any malformed input.
// `readableAfter`: allocated bytes after the text (see JsonDocument::parse).
std::optional<Packet> decode(QByteArrayView text, QString *error = nullptr, qsizetype readableAfter = 0);
// Encodes a packet's text part from `data` (binaries are sent separately, after it).
QByteArray encode(const Packet &packet);

// True when every {"_placeholder":true,"num":N} in `value` has 0 <= N < count (nested too).
bool placeholdersValid(const QJsonValue &value, int count);
bool placeholdersValid(const JsonView &value, int count);
// Number of placeholders in `value` (nested too). Used for outgoing sanity checks.
int countPlaceholders(const QJsonValue &value);

// Collects the binary frames that follow a BINARY_EVENT / BINARY_ACK header.
class BinaryReassembler
{
public:
    enum class Result { Incomplete, Complete, Error };
    // Starts a packet with attachments > 0.
    void start(Packet packet);
    bool active() const { return m_active; }
    // Adds one binary frame. On Complete, take() yields the packet with its binaries.
    Result add(const QByteArray &binary);
    Packet take();
    void reset();

private:
    Packet m_packet;
    bool m_active = false;
};

} // namespace ringchat::net::sio
