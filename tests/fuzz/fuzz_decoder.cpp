// libFuzzer target for the net codec: Engine.IO text frames, polling payloads, the open
// packet, Socket.IO packets and binary attachment reassembly. Every decoded Socket.IO
// packet must survive encode -> decode unchanged.
#include "net/engineiopacket.h"
#include "net/socketiopacket.h"

#include <cstdint>
#include <cstdlib>

using namespace ringchat::net;

namespace {

void check(bool condition)
{
    if (!condition)
        std::abort();
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
    check(again->data == packet.data);
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
                check(sio::placeholdersValid(done.data, int(done.binaries.size())));
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
        (void)sio::countPlaceholders(decoded->data);
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
    if (auto packet = sio::decode(input))
        roundTrip(*packet);
    (void)eio::parseOpen(input);
    return 0;
}
