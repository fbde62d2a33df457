#include "net/websocketframe.h"

#include <QCryptographicHash>
#include <QRandomGenerator>
#include <QtEndian>

#include <cstring>

namespace ringchat::net::ws {

namespace {

constexpr QByteArrayView kGuid = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";

bool isControl(Opcode opcode)
{
    return quint8(opcode) & 0x8;
}

// RFC 6455 7.4: 1004-1006 and 1015 are never sent; below 1000 and 1016-2999 are unassigned.
bool isValidCloseCode(quint16 code)
{
    return (code >= 1000 && code <= 1014 && code != 1004 && code != 1005 && code != 1006)
        || (code >= 3000 && code <= 4999);
}

// Case-insensitive search for `token` in a comma-separated header value.
bool hasToken(QByteArrayView value, QByteArrayView token)
{
    while (!value.isEmpty()) {
        qsizetype comma = value.indexOf(',');
        QByteArrayView item = (comma < 0 ? value : value.first(comma)).trimmed();
        if (item.compare(token, Qt::CaseInsensitive) == 0)
            return true;
        if (comma < 0)
            break;
        value = value.sliced(comma + 1);
    }
    return false;
}

} // namespace

QByteArray makeKey()
{
    quint32 words[4];
    QRandomGenerator::global()->fillRange(words);
    return QByteArray(reinterpret_cast<const char *>(words), sizeof(words)).toBase64();
}

QByteArray acceptFor(QByteArrayView key)
{
    QCryptographicHash hash(QCryptographicHash::Sha1);
    hash.addData(key);
    hash.addData(kGuid);
    return hash.result().toBase64();
}

QByteArray handshakeRequest(const QUrl &url, QByteArrayView key)
{
    const bool secure = url.scheme().compare(QLatin1StringView("wss"), Qt::CaseInsensitive) == 0;
    QByteArray target = url.toEncoded(QUrl::RemoveScheme | QUrl::RemoveAuthority | QUrl::RemoveFragment);
    if (!target.startsWith('/'))
        target.prepend('/');
    QByteArray host = url.host(QUrl::FullyEncoded).toLatin1();
    if (host.contains(':'))
        host = '[' + host + ']';   // IPv6 literal
    const int port = url.port();
    if (port != -1 && port != (secure ? 443 : 80))
        host += ':' + QByteArray::number(port);

    QByteArray request;
    request.reserve(256 + target.size());
    request += "GET " + target + " HTTP/1.1\r\n"
               "Host: " + host + "\r\n"
               "Upgrade: websocket\r\n"
               "Connection: Upgrade\r\n"
               "Sec-WebSocket-Key: " + key.toByteArray() + "\r\n"
               "Sec-WebSocket-Version: 13\r\n"
               "\r\n";
    return request;
}

HandshakeReply parseHandshakeReply(QByteArrayView reply, QByteArrayView key)
{
    HandshakeReply result;
    const qsizetype end = reply.first(qMin(reply.size(), kMaxHandshakeReply)).indexOf("\r\n\r\n");
    if (end < 0) {
        if (reply.size() >= kMaxHandshakeReply) {
            result.status = HandshakeReply::Rejected;
            result.error = QStringLiteral("handshake reply header larger than %1 bytes").arg(kMaxHandshakeReply);
        }
        return result;
    }
    result.status = HandshakeReply::Rejected;
    QByteArrayView header = reply.first(end + 2);   // every line ends with CRLF

    qsizetype eol = header.indexOf("\r\n");
    const QByteArrayView statusLine = header.first(eol);
    // "HTTP/1.1 101 Switching Protocols"
    const qsizetype space = statusLine.indexOf(' ');
    const bool switching = statusLine.startsWith("HTTP/1.") && space > 0
        && statusLine.sliced(space + 1).startsWith("101")
        && (statusLine.size() == space + 4 || statusLine.at(space + 4) == ' ');
    if (!switching) {
        result.error = QStringLiteral("handshake refused: ")
            + QString::fromLatin1(statusLine.first(qMin<qsizetype>(100, statusLine.size())));
        return result;
    }

    bool upgrade = false;
    bool connection = false;
    bool accept = false;
    const QByteArray expected = acceptFor(key);
    QByteArrayView rest = header.sliced(eol + 2);
    while (!rest.isEmpty()) {
        eol = rest.indexOf("\r\n");
        const QByteArrayView line = rest.first(eol);
        rest = rest.sliced(eol + 2);
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0)
            continue;
        const QByteArrayView name = line.first(colon).trimmed();
        const QByteArrayView value = line.sliced(colon + 1).trimmed();
        if (name.compare("Upgrade", Qt::CaseInsensitive) == 0) {
            upgrade = upgrade || hasToken(value, "websocket");
        } else if (name.compare("Connection", Qt::CaseInsensitive) == 0) {
            connection = connection || hasToken(value, "upgrade");
        } else if (name.compare("Sec-WebSocket-Accept", Qt::CaseInsensitive) == 0) {
            accept = value == expected;
        } else if ((name.compare("Sec-WebSocket-Extensions", Qt::CaseInsensitive) == 0
                    || name.compare("Sec-WebSocket-Protocol", Qt::CaseInsensitive) == 0)
                   && !value.isEmpty()) {
            // We offered none, so the server may not pick one (its frames would be unreadable).
            result.error = QStringLiteral("handshake: unrequested ") + QString::fromLatin1(name);
            return result;
        }
    }
    if (!upgrade || !connection) {
        result.error = QStringLiteral("handshake: missing Upgrade/Connection headers");
        return result;
    }
    if (!accept) {
        result.error = QStringLiteral("handshake: wrong Sec-WebSocket-Accept");
        return result;
    }
    result.status = HandshakeReply::Accepted;
    result.headerSize = end + 4;
    return result;
}

void applyMask(char *data, qsizetype size, quint32 maskKey)
{
    // 8 bytes at a time; a whole number of 4-byte periods, so the tail starts at key byte 0.
    quint64 key8 = (quint64(maskKey) << 32) | maskKey;
    qsizetype i = 0;
    for (; i + 8 <= size; i += 8) {
        quint64 word;
        std::memcpy(&word, data + i, 8);
        word ^= key8;
        std::memcpy(data + i, &word, 8);
    }
    const auto *key = reinterpret_cast<const char *>(&maskKey);
    for (qsizetype k = 0; i < size; ++i, ++k)
        data[i] ^= key[k & 3];
}

void appendFrame(QByteArray &out, Opcode opcode, std::initializer_list<QByteArrayView> parts,
                 quint32 maskKey)
{
    qsizetype length = 0;
    for (QByteArrayView part : parts)
        length += part.size();
    const qsizetype headerSize = 2 + (length < 126 ? 0 : length <= 0xFFFF ? 2 : 8) + 4;
    const qsizetype start = out.size();
    out.resize(start + headerSize + length);
    auto *p = reinterpret_cast<uchar *>(out.data() + start);
    *p++ = 0x80 | quint8(opcode);   // FIN: we never fragment
    if (length < 126) {
        *p++ = 0x80 | uchar(length);
    } else if (length <= 0xFFFF) {
        *p++ = 0x80 | 126;
        qToBigEndian(quint16(length), p);
        p += 2;
    } else {
        *p++ = 0x80 | 127;
        qToBigEndian(quint64(length), p);
        p += 8;
    }
    std::memcpy(p, &maskKey, 4);
    p += 4;
    char *payload = reinterpret_cast<char *>(p);
    char *q = payload;
    for (QByteArrayView part : parts) {
        if (!part.isEmpty())
            std::memcpy(q, part.data(), part.size());
        q += part.size();
    }
    applyMask(payload, length, maskKey);
}

void FrameDecoder::compact()
{
    // Moves the undecoded tail (at most one partial frame) to the front, so the allocation
    // is reused for the next read instead of growing.
    if (m_pos > 0) {
        const qsizetype rest = m_buffer.size() - m_pos;
        if (rest > 0)
            std::memmove(m_buffer.data(), m_buffer.constData() + m_pos, rest);
        m_buffer.resize(rest);
        m_pos = 0;
    }
}

void FrameDecoder::append(QByteArrayView bytes)
{
    compact();
    m_buffer.append(bytes);
}

char *FrameDecoder::reserve(qsizetype size)
{
    compact();
    const qsizetype used = m_buffer.size();
    m_buffer.resize(used + size);
    m_buffer.resize(used);   // capacity stays: commit() grows into it
    return m_buffer.data() + used;
}

void FrameDecoder::commit(qsizetype size)
{
    m_buffer.resize(m_buffer.size() + size);
}

Event FrameDecoder::fail(quint16 code, QString error)
{
    m_failed = true;
    m_error = Event { Event::Error, {}, code, std::move(error) };
    m_buffer.clear();
    m_pos = 0;
    m_fragments.clear();
    return m_error;
}

Event FrameDecoder::finishMessage(Opcode opcode, QByteArrayView payload)
{
    if (opcode == Opcode::Text) {
        if (!payload.isValidUtf8())
            return fail(CloseInvalidData, QStringLiteral("text message is not valid UTF-8"));
        return Event { Event::Text, payload, 0, {} };
    }
    return Event { Event::Binary, payload, 0, {} };
}

Event FrameDecoder::next()
{
    if (m_failed)
        return m_error;
    if (m_fragmentOpcode == Opcode::Continuation && !m_fragments.isEmpty())
        m_fragments.clear();   // the reassembled message handed out by the last call

    // A loop, not recursion: a burst of tiny fragments must not grow the stack.
    for (;;) {
        const auto *p = reinterpret_cast<const uchar *>(m_buffer.constData() + m_pos);
        const qsizetype available = m_buffer.size() - m_pos;
        if (available < 2)
            return {};
        const bool fin = p[0] & 0x80;
        const auto opcode = Opcode(p[0] & 0x0F);
        if (p[0] & 0x70)
            return fail(CloseProtocolError, QStringLiteral("RSV bits set without an extension"));
        switch (opcode) {
        case Opcode::Continuation:
        case Opcode::Text:
        case Opcode::Binary:
        case Opcode::Close:
        case Opcode::Ping:
        case Opcode::Pong:
            break;
        default:
            return fail(CloseProtocolError, QStringLiteral("unknown opcode %1").arg(int(opcode)));
        }
        if (p[1] & 0x80)
            return fail(CloseProtocolError, QStringLiteral("masked frame from the server"));
        const quint8 length7 = p[1] & 0x7F;
        if (isControl(opcode) && (!fin || length7 > 125))
            return fail(CloseProtocolError, QStringLiteral("fragmented or oversized control frame"));
        if (opcode == Opcode::Continuation && m_fragmentOpcode == Opcode::Continuation)
            return fail(CloseProtocolError, QStringLiteral("continuation frame without a message"));
        if ((opcode == Opcode::Text || opcode == Opcode::Binary) && m_fragmentOpcode != Opcode::Continuation)
            return fail(CloseProtocolError, QStringLiteral("new message inside a fragmented one"));

        qsizetype headerSize = 2;
        quint64 length = length7;
        if (length7 == 126) {
            headerSize = 4;
            if (available < headerSize)
                return {};
            length = qFromBigEndian<quint16>(p + 2);
        } else if (length7 == 127) {
            headerSize = 10;
            if (available < headerSize)
                return {};
            length = qFromBigEndian<quint64>(p + 2);
            if (length >> 63)
                return fail(CloseProtocolError, QStringLiteral("64-bit length with the top bit set"));
        }
        // Checked before waiting for the payload, so a huge length is never buffered.
        if (!isControl(opcode) && length + quint64(m_fragments.size()) > quint64(m_maxMessageSize))
            return fail(CloseTooBig, QStringLiteral("message larger than %1 bytes").arg(m_maxMessageSize));
        if (quint64(available - headerSize) < length)
            return {};

        const QByteArrayView payload(m_buffer.constData() + m_pos + headerSize, qsizetype(length));
        m_pos += headerSize + qsizetype(length);

        switch (opcode) {
        case Opcode::Ping:
            return Event { Event::Ping, payload, 0, {} };
        case Opcode::Pong:
            return Event { Event::Pong, payload, 0, {} };
        case Opcode::Close: {
            if (payload.size() == 1)
                return fail(CloseProtocolError, QStringLiteral("close frame with a 1-byte payload"));
            if (payload.isEmpty())
                return Event { Event::Close, {}, 1005, {} };
            const quint16 code = qFromBigEndian<quint16>(payload.data());
            if (!isValidCloseCode(code))
                return fail(CloseProtocolError, QStringLiteral("invalid close code %1").arg(code));
            const QByteArrayView reason = payload.sliced(2);
            if (!reason.isValidUtf8())
                return fail(CloseInvalidData, QStringLiteral("close reason is not valid UTF-8"));
            return Event { Event::Close, reason, code, {} };
        }
        case Opcode::Text:
        case Opcode::Binary:
            if (fin)
                return finishMessage(opcode, payload);   // the common case: no copy
            m_fragmentOpcode = opcode;
            m_fragments = payload.toByteArray();
            continue;
        case Opcode::Continuation:
        default:
            m_fragments.append(payload);
            if (!fin)
                continue;
            const Opcode messageOpcode = std::exchange(m_fragmentOpcode, Opcode::Continuation);
            return finishMessage(messageOpcode, m_fragments);   // cleared at the next call
        }
    }
}

} // namespace ringchat::net::ws
