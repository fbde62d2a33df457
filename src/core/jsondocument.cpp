// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/jsondocument.h"

#include <simdjson.h>

#include <cstring>
#include <limits>

namespace ringchat {

namespace dom = simdjson::dom;

// A parser keeps buffers sized for the largest document it has seen; documents
// above this size get a parser of their own so one huge packet does not pin its
// memory for the rest of the process.
constexpr qsizetype kReusedParserBytes = 1 << 20;

struct JsonDocument::Storage
{
    dom::document document;
};

// Converts between JsonView and the parser's element handle.
struct JsonViewAccess
{
    static_assert(sizeof(dom::element) <= sizeof(JsonView::m_raw));
    static_assert(std::is_trivially_copyable_v<dom::element>);

    static dom::element element(const JsonView &view)
    {
        dom::element e;
        std::memcpy(static_cast<void *>(&e), view.m_raw, sizeof e);
        return e;
    }

    static JsonView make(dom::element e)
    {
        JsonView view;
        std::memcpy(view.m_raw, static_cast<const void *>(&e), sizeof e);
        switch (e.type()) {
        case dom::element_type::ARRAY:
            view.m_type = JsonView::Type::Array;
            break;
        case dom::element_type::OBJECT:
            view.m_type = JsonView::Type::Object;
            break;
        case dom::element_type::INT64:
        case dom::element_type::UINT64:
        case dom::element_type::DOUBLE:
            view.m_type = JsonView::Type::Double;
            break;
        case dom::element_type::STRING:
            view.m_type = JsonView::Type::String;
            break;
        case dom::element_type::BOOL:
            view.m_type = JsonView::Type::Bool;
            break;
        case dom::element_type::NULL_VALUE:
            view.m_type = JsonView::Type::Null;
            break;
        }
        return view;
    }
};

namespace {

QByteArrayView bytes(std::string_view s)
{
    return QByteArrayView(s.data(), qsizetype(s.size()));
}

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

// simdjson refuses integers beyond 64 bits, but JavaScript writes any number
// below 1e21 in plain digits (JSON.stringify(1e20) is "100000000000000000000"),
// and QJsonDocument reads those as doubles. So when a number failed, integers of
// 19 digits or more (outside strings) get a ".0" and are read as doubles too.
// Returns an empty array when there is nothing to widen.
QByteArray widenBigIntegers(QByteArrayView text)
{
    QByteArray out;
    bool inString = false;
    qsizetype copied = 0;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (inString) {
            if (c == '\\')
                ++i;
            else if (c == '"')
                inString = false;
            continue;
        }
        if (c == '"') {
            inString = true;
            continue;
        }
        if (!isDigit(c))
            continue;
        const qsizetype start = i;
        while (i + 1 < text.size() && isDigit(text[i + 1]))
            ++i;
        const qsizetype digits = i - start + 1;
        const char next = i + 1 < text.size() ? text[i + 1] : ' ';
        if (next == '.' || next == 'e' || next == 'E') {
            // A fraction or exponent: skip the rest of this number.
            while (i + 1 < text.size()
                   && (isDigit(text[i + 1]) || text[i + 1] == '.' || text[i + 1] == 'e' || text[i + 1] == 'E'
                       || text[i + 1] == '+' || text[i + 1] == '-'))
                ++i;
        } else if (digits >= 19) {
            out.append(text.sliced(copied, i + 1 - copied)).append(".0");
            copied = i + 1;
        }
    }
    if (copied > 0)
        out.append(text.sliced(copied));
    return out;
}

} // namespace

bool JsonView::toBool(bool defaultValue) const
{
    return isBool() ? JsonViewAccess::element(*this).get_bool().value_unsafe() : defaultValue;
}

double JsonView::toDouble(double defaultValue) const
{
    // get_double() also converts the integer forms.
    return isDouble() ? JsonViewAccess::element(*this).get_double().value_unsafe() : defaultValue;
}

QByteArrayView JsonView::utf8() const
{
    if (!isString())
        return {};
    return bytes(JsonViewAccess::element(*this).get_string().value_unsafe());
}

QString JsonView::toString() const
{
    const QByteArrayView s = utf8();
    return QString::fromUtf8(s);
}

JsonView JsonView::value(QLatin1StringView key) const
{
    if (!isObject())
        return {};
    const std::string_view wanted(key.data(), size_t(key.size()));
    JsonView found;
    // Every member is looked at so the last of repeated keys wins, as in QJsonObject.
    const dom::object object = JsonViewAccess::element(*this).get_object().value_unsafe();
    for (const dom::key_value_pair member : object) {
        if (member.key == wanted)
            found = JsonViewAccess::make(member.value);
    }
    return found;
}

JsonView JsonView::at(qsizetype i) const
{
    if (!isArray() || i < 0)
        return {};
    const dom::array array = JsonViewAccess::element(*this).get_array().value_unsafe();
    dom::element e;
    if (array.at(size_t(i)).get(e))
        return {};
    return JsonViewAccess::make(e);
}

qsizetype JsonView::size() const
{
    const dom::element e = JsonViewAccess::element(*this);
    if (isArray()) {
        const dom::array array = e.get_array().value_unsafe();
        return qsizetype(array.size());
    }
    if (isObject()) {
        const dom::object object = e.get_object().value_unsafe();
        return qsizetype(object.size());
    }
    return 0;
}

void JsonView::visitElements(ElementFn fn, void *context) const
{
    if (!isArray())
        return;
    const dom::array array = JsonViewAccess::element(*this).get_array().value_unsafe();
    for (const dom::element e : array)
        fn(context, JsonViewAccess::make(e));
}

void JsonView::visitMembers(MemberFn fn, void *context) const
{
    if (!isObject())
        return;
    const dom::object object = JsonViewAccess::element(*this).get_object().value_unsafe();
    for (const dom::key_value_pair member : object)
        fn(context, bytes(member.key), JsonViewAccess::make(member.value));
}

QJsonValue JsonView::toQJsonValue() const
{
    const dom::element e = JsonViewAccess::element(*this);
    switch (m_type) {
    case Type::Undefined:
        return QJsonValue(QJsonValue::Undefined);
    case Type::Null:
        return QJsonValue(QJsonValue::Null);
    case Type::Bool:
        return QJsonValue(e.get_bool().value_unsafe());
    case Type::Double:
        // Like Qt's own parser: integers that fit 64 bits stay integers.
        if (e.type() == dom::element_type::INT64)
            return QJsonValue(qint64(e.get_int64().value_unsafe()));
        return QJsonValue(e.get_double().value_unsafe());
    case Type::String:
        return QJsonValue(toString());
    case Type::Array:
        return toArray();
    case Type::Object:
        return toObject();
    }
    return {};
}

QJsonArray JsonView::toArray() const
{
    QJsonArray out;
    forEachElement([&out](JsonView element) { out.append(element.toQJsonValue()); });
    return out;
}

QJsonObject JsonView::toObject() const
{
    QJsonObject out;
    // insert() replaces, so the last of repeated keys wins, as with QJsonDocument.
    forEachMember([&out](QByteArrayView key, JsonView value) {
        out.insert(QString::fromUtf8(key), value.toQJsonValue());
    });
    return out;
}

int JsonMembers::slotOf(const char *key, qsizetype size)
{
    if (size == 0)
        return 0;
    const auto at = [key](qsizetype i) { return int(uchar(key[i])); };
    return int((size + at(0) + at(size - 1) + 7 * at(size / 2)) & 63);
}

JsonMembers::JsonMembers(const JsonView &object)
{
    m_bySlot.fill(-1);
    object.forEachMember([this](QByteArrayView key, JsonView value) {
        if (m_members.size() < std::numeric_limits<qint16>::max())
            m_bySlot[size_t(slotOf(key.data(), key.size()))] = qint16(m_members.size());
        m_members.append({ key, value });
    });
}

JsonView JsonMembers::value(QLatin1StringView key) const
{
    const auto matches = [&key](QByteArrayView k) {
        return k.size() == key.size() && std::memcmp(k.data(), key.data(), size_t(k.size())) == 0;
    };
    // The slot holds the last member of its keys: if that is the key, no later one is.
    // An empty slot: no such key (beyond the slots' reach, members are only scanned).
    const qint16 slotted = m_bySlot[size_t(slotOf(key.data(), key.size()))];
    if (slotted >= 0 && matches(m_members[slotted].key))
        return m_members[slotted].value;
    if (slotted < 0 && m_members.size() < std::numeric_limits<qint16>::max())
        return {};
    // From the end, so the last of repeated keys wins. Sizes first: most differ.
    for (qsizetype i = m_members.size() - 1; i >= 0; --i) {
        if (matches(m_members[i].key))
            return m_members[i].value;
    }
    return {};
}

JsonDocument::JsonDocument()
    : m_storage(std::make_unique<Storage>())
{
}

JsonDocument::~JsonDocument() = default;

static_assert(JsonDocument::kPadding >= simdjson::SIMDJSON_PADDING);

std::shared_ptr<const JsonDocument> JsonDocument::parse(QByteArrayView text, QString *error,
                                                        qsizetype readableAfter)
{
    // One parser per thread: its scratch buffers are reused from packet to packet,
    // while each document owns only its own tape and strings.
    thread_local dom::parser reused;
    std::shared_ptr<JsonDocument> doc(new JsonDocument);
    dom::element root;
    auto parseInto = [&doc, &root](QByteArrayView json, bool padded) {
        // Without padding after the text, the parser copies it into a padded buffer.
        const bool copy = !padded;
        if (json.size() > kReusedParserBytes) {
            dom::parser own;
            return own.parse_into_document(doc->m_storage->document, json.data(), size_t(json.size()), copy)
                .get(root);
        }
        return reused.parse_into_document(doc->m_storage->document, json.data(), size_t(json.size()), copy)
            .get(root);
    };
    simdjson::error_code code = parseInto(text, readableAfter >= kPadding);
    if (code == simdjson::NUMBER_ERROR) {
        const QByteArray widened = widenBigIntegers(text);
        if (!widened.isEmpty())
            code = parseInto(widened, false);
    }
    if (code != simdjson::SUCCESS) {
        if (error)
            *error = QString::fromLatin1(simdjson::error_message(code));
        return nullptr;
    }
    doc->m_root = JsonViewAccess::make(root);
    return doc;
}

} // namespace ringchat
