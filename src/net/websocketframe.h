#pragma once
// RFC 6455 client-side codec: the opening handshake and the frames. Pure code, no QObject,
// no I/O, so the fuzzer can drive it and WebSocketConnection stays a thin socket loop.

#include <QByteArray>
#include <QByteArrayView>
#include <QString>
#include <QUrl>

#include <initializer_list>

namespace ringchat::net::ws {

enum class Opcode : quint8 {
    Continuation = 0x0,
    Text = 0x1,
    Binary = 0x2,
    Close = 0x8,
    Ping = 0x9,
    Pong = 0xA,
};

// Close codes we send (RFC 6455 7.4.1).
enum CloseCode : quint16 {
    CloseNormal = 1000,
    CloseProtocolError = 1002,
    CloseInvalidData = 1007,
    CloseTooBig = 1009,
};

// ---- Opening handshake ----

// 16 random bytes, base64: the Sec-WebSocket-Key of one handshake.
QByteArray makeKey();
// base64(SHA-1(key + GUID)): what the server must answer in Sec-WebSocket-Accept.
QByteArray acceptFor(QByteArrayView key);
// The GET request that asks `url` (ws:// or wss://) to switch to WebSocket.
QByteArray handshakeRequest(const QUrl &url, QByteArrayView key);

struct HandshakeReply {
    enum Status { NeedMore, Accepted, Rejected } status = NeedMore;
    qsizetype headerSize = 0;      // Accepted: bytes of the HTTP header (frames follow)
    QString error;                 // Rejected: why, for the log
};
// A bounded header: a server that never ends its header must not grow our buffer.
constexpr qsizetype kMaxHandshakeReply = 16 * 1024;
// Checks the server's reply read so far (status 101, Upgrade, Connection, Accept).
HandshakeReply parseHandshakeReply(QByteArrayView reply, QByteArrayView key);

// ---- Frames ----

// Appends one client frame (FIN set, masked with `maskKey`) whose payload is the
// concatenation of `parts`, so a type digit and its data need no joined copy.
void appendFrame(QByteArray &out, Opcode opcode, std::initializer_list<QByteArrayView> parts,
                 quint32 maskKey);
// XORs `data` with the 4-byte key (its bytes in memory order are the key on the wire).
void applyMask(char *data, qsizetype size, quint32 maskKey);

// One decoded event from the server's byte stream.
struct Event {
    enum Kind { NeedMore, Text, Binary, Ping, Pong, Close, Error } kind = NeedMore;
    // Text/Binary: the whole message; Ping/Pong: the payload; Close: the reason text.
    // Points into the decoder's buffer: valid until the next call on the decoder.
    QByteArrayView payload;
    quint16 closeCode = 0;         // Close: the peer's code (1005 when none); Error: ours to send
    QString error;                 // Error: what was wrong, for the log
};

// Incremental decoder of server frames: bytes go in as they arrive, whole messages come
// out. Reassembles fragmented messages (control frames may come in between), rejects
// what RFC 6455 forbids a server to send, and checks that text is UTF-8. After an Error
// every call returns that same Error.
class FrameDecoder {
public:
    explicit FrameDecoder(qint64 maxMessageSize) : m_maxMessageSize(maxMessageSize) {}

    void setMaxMessageSize(qint64 bytes) { m_maxMessageSize = bytes; }
    void append(QByteArrayView bytes);
    // Room for `size` more bytes, to read the socket straight into; then commit(bytesRead).
    char *reserve(qsizetype size);
    void commit(qsizetype size);

    Event next();
    qsizetype bufferedBytes() const { return m_buffer.size() - m_pos; }

private:
    Event fail(quint16 code, QString error);
    Event finishMessage(Opcode opcode, QByteArrayView payload);
    void compact();

    QByteArray m_buffer;           // received, m_pos onwards not decoded yet
    qsizetype m_pos = 0;
    QByteArray m_fragments;        // a fragmented message being reassembled
    Opcode m_fragmentOpcode = Opcode::Continuation; // Continuation: none in progress
    qint64 m_maxMessageSize;
    bool m_failed = false;
    Event m_error;
};

} // namespace ringchat::net::ws
