#include "net/socketiopacket.h"

#include <QJsonDocument>
#include <QJsonObject>

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

// Parses any JSON value. QJsonDocument only takes objects and arrays, so scalars are
// wrapped in an array first (rare: only a CONNECT_ERROR from very old servers).
std::optional<QJsonValue> parseJson(QByteArrayView text)
{
    QJsonParseError error;
    const char first = text.front();
    if (first == '{' || first == '[') {
        const QJsonDocument doc = QJsonDocument::fromJson(
            QByteArray::fromRawData(text.data(), text.size()), &error);
        if (error.error != QJsonParseError::NoError)
            return std::nullopt;
        if (doc.isObject())
            return QJsonValue(doc.object());
        return QJsonValue(doc.array());
    }
    QByteArray wrapped;
    wrapped.reserve(text.size() + 2);
    wrapped.append('[').append(text).append(']');
    const QJsonDocument doc = QJsonDocument::fromJson(wrapped, &error);
    if (error.error != QJsonParseError::NoError || !doc.isArray() || doc.array().size() != 1)
        return std::nullopt;
    return doc.array().at(0);
}

bool isReservedEvent(const QString &name)
{
    static const QStringList reserved { QStringLiteral("connect"),
                                        QStringLiteral("connect_error"),
                                        QStringLiteral("disconnect"),
                                        QStringLiteral("disconnecting"),
                                        QStringLiteral("newListener"),
                                        QStringLiteral("removeListener") };
    return reserved.contains(name);
}

bool payloadValid(const Packet &p, QString *error)
{
    switch (p.type) {
    case PacketType::Connect:
        return p.data.isObject() || fail(error, "CONNECT payload is not an object");
    case PacketType::Disconnect:
        return p.data.isUndefined() || fail(error, "DISCONNECT carries a payload");
    case PacketType::ConnectError:
        return p.data.isObject() || p.data.isString()
            || fail(error, "CONNECT_ERROR payload is not an object");
    case PacketType::Event:
    case PacketType::BinaryEvent: {
        if (!p.data.isArray())
            return fail(error, "EVENT payload is not an array");
        const QJsonArray array = p.data.toArray();
        if (array.isEmpty() || !array.at(0).isString())
            return fail(error, "EVENT has no event name");
        if (isReservedEvent(array.at(0).toString()))
            return fail(error, "EVENT uses a reserved name");
        break;
    }
    case PacketType::Ack:
    case PacketType::BinaryAck:
        if (!p.data.isArray())
            return fail(error, "ACK payload is not an array");
        break;
    }
    if ((p.type == PacketType::Ack || p.type == PacketType::BinaryAck) && p.id < 0)
        return fail(error, "ACK without id");
    if (p.type == PacketType::BinaryEvent || p.type == PacketType::BinaryAck) {
        if (!placeholdersValid(p.data, p.attachments))
            return fail(error, "bad binary placeholder");
    }
    return true;
}

bool isPlaceholder(const QJsonObject &object)
{
    return object.value(QLatin1StringView("_placeholder")).toBool(false);
}

template<typename Visit>
bool walkPlaceholders(const QJsonValue &value, int depth, Visit &&visit)
{
    if (depth > 64)   // QJsonDocument already bounds nesting; this keeps recursion finite
        return false;
    if (value.isArray()) {
        for (const QJsonValue &v : value.toArray()) {
            if (!walkPlaceholders(v, depth + 1, visit))
                return false;
        }
    } else if (value.isObject()) {
        const QJsonObject object = value.toObject();
        if (isPlaceholder(object))
            return visit(object);
        for (auto it = object.begin(); it != object.end(); ++it) {
            if (!walkPlaceholders(it.value(), depth + 1, visit))
                return false;
        }
    }
    return true;
}

} // namespace

std::optional<Packet> decode(QByteArrayView text, QString *error)
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
            ++i;   // the comma
    }

    if (i < n && isDigit(text.at(i))) {
        const qsizetype start = i;
        qint64 id = 0;
        while (i < n && isDigit(text.at(i))) {
            if (i - start >= 15) {   // keeps the id exact in a double, as JS sees it
                fail(error, "ack id too long");
                return std::nullopt;
            }
            id = id * 10 + (text.at(i) - '0');
            ++i;
        }
        p.id = id;
    }

    if (i < n) {
        auto json = parseJson(text.sliced(i));
        if (!json) {
            fail(error, "invalid JSON payload");
            return std::nullopt;
        }
        p.data = std::move(*json);
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
    if (p.data.isObject()) {
        out.append(QJsonDocument(p.data.toObject()).toJson(QJsonDocument::Compact));
    } else if (p.data.isArray()) {
        out.append(QJsonDocument(p.data.toArray()).toJson(QJsonDocument::Compact));
    } else if (!p.data.isUndefined() && !p.data.isNull()) {
        const QByteArray wrapped = QJsonDocument(QJsonArray { p.data }).toJson(QJsonDocument::Compact);
        out.append(wrapped.mid(1, wrapped.size() - 2));
    }
    return out;
}

bool placeholdersValid(const QJsonValue &value, int count)
{
    return walkPlaceholders(value, 0, [count](const QJsonObject &object) {
        const QJsonValue num = object.value(QLatin1StringView("num"));
        if (!num.isDouble())
            return false;
        const double d = num.toDouble();
        return d >= 0 && d < count && d == double(int(d));
    });
}

int countPlaceholders(const QJsonValue &value)
{
    int count = 0;
    walkPlaceholders(value, 0, [&count](const QJsonObject &) {
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
    return m_packet.binaries.size() >= m_packet.attachments ? Result::Complete
                                                            : Result::Incomplete;
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
