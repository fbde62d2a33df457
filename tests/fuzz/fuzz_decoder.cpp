// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer target for the net codec: Engine.IO text frames, polling payloads, the open
// packet, Socket.IO packets (and their JSON, parsed by JsonDocument) and binary
// attachment reassembly. Every decoded Socket.IO packet must survive encode -> decode
// unchanged, and api::Message must read the same from the parsed view as from its
// QJsonObject copy (same result, same error).
#include "api/types.h"
#include "net/engineiopacket.h"
#include "net/socketiopacket.h"

#include <QJsonArray>
#include <QJsonObject>

#include <cstdint>
#include <cstdlib>

using namespace ringchat::net;

namespace {

void check(bool condition)
{
    if (!condition)
        std::abort();
}

// Equal JSON, where numbers are equal when their values are: encode() writes a large
// double in plain digits (4.4444444444444406e18 as "4444444444444440600"), which
// decodes as an integer of the same value.
bool sameJson(const QJsonValue &a, const QJsonValue &b)
{
    if (a.isDouble() && b.isDouble())
        return a.toDouble() == b.toDouble();
    if (a.type() != b.type())
        return false;
    if (a.isArray()) {
        const QJsonArray x = a.toArray(), y = b.toArray();
        if (x.size() != y.size())
            return false;
        for (qsizetype i = 0; i < x.size(); ++i) {
            if (!sameJson(x.at(i), y.at(i)))
                return false;
        }
        return true;
    }
    if (a.isObject()) {
        const QJsonObject x = a.toObject(), y = b.toObject();
        if (x.keys() != y.keys())
            return false;
        for (auto it = x.begin(); it != x.end(); ++it) {
            if (!sameJson(it.value(), y.value(it.key())))
                return false;
        }
        return true;
    }
    return a == b;
}

void roundTrip(const sio::Packet &packet)
{
    const QByteArray encoded = sio::encode(packet);
    QString error;
    const auto again = sio::decode(encoded, &error);
    check(again.has_value());
    check(again->type == packet.type);
    check(again->nsp == packet.nsp);
    check(again->id == packet.id);
    check(again->attachments == packet.attachments);
    check(sameJson(again->jsonData(), packet.jsonData()));
}

// The two ways to read a Message agree on every argument of every event.
void readMessages(const sio::Packet &packet)
{
    const ringchat::JsonView root = packet.view();
    if (!root.isArray())
        return;
    root.forEachElement([](ringchat::JsonView arg) {
        QString viewError, qtError;
        const auto viaView = ringchat::api::Message::fromJson(arg, &viewError);
        const auto viaQt = ringchat::api::Message::fromJson(arg.toObject(), &qtError);
        check(viaView == viaQt);
        check(viewError == qtError);
    });
}

// Feeds Engine.IO packets to a Socket.IO decoder the way the client does.
void feed(const QList<eio::Packet> &packets)
{
    sio::BinaryReassembler reassembler;
    for (const eio::Packet &packet : packets) {
        if (packet.binary) {
            if (reassembler.add(packet.data) == sio::BinaryReassembler::Result::Complete) {
                const sio::Packet done = reassembler.take();
                check(done.binaries.size() == done.attachments);
                check(sio::placeholdersValid(done.view(), int(done.binaries.size())));
                check(sio::placeholdersValid(done.jsonData(), int(done.binaries.size())));
            }
            continue;
        }
        if (packet.type == eio::PacketType::Open) {
            (void)eio::parseOpen(packet.data);
            continue;
        }
        if (packet.type != eio::PacketType::Message)
            continue;
        reassembler.reset();
        auto decoded = sio::decode(packet.data);
        if (!decoded)
            continue;
        roundTrip(*decoded);
        readMessages(*decoded);
        (void)sio::countPlaceholders(decoded->jsonData());
        if (decoded->attachments > 0)
            reassembler.start(std::move(*decoded));
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArrayView input(reinterpret_cast<const char *>(data), qsizetype(size));

    // As a polling response body.
    if (auto packets = eio::decodePayload(input)) {
        feed(*packets);
        const QByteArray body = eio::encodePayload(*packets);
        const auto again = eio::decodePayload(body);
        check(again.has_value() && again->size() == packets->size());
    }

    // As one WebSocket text frame, followed by WebSocket binary frames: the input is split
    // on "\n--\n" into a text frame and binary frames.
    QList<eio::Packet> frames;
    qsizetype start = 0;
    bool first = true;
    while (start <= input.size()) {
        qsizetype end = input.indexOf(QByteArrayView("\n--\n"), start);
        if (end < 0)
            end = input.size();
        const QByteArrayView part = input.sliced(start, end - start);
        if (first) {
            if (auto packet = eio::decodeText(part))
                frames.append(*packet);
            first = false;
        } else {
            frames.append(eio::decodeBinary(part.toByteArray()));
        }
        start = end + 4;
    }
    feed(frames);

    // As a bare Socket.IO packet and as an open packet.
    if (auto packet = sio::decode(input)) {
        roundTrip(*packet);
        readMessages(*packet);
    }
    (void)eio::parseOpen(input);
    return 0;
}
