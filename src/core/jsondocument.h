// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A parsed, immutable JSON document and read-only views into it.
//
// Incoming Socket.IO packets are parsed once, here, and fully validated (syntax,
// UTF-8, escapes, nesting); typed readers such as api::Message::fromJson(JsonView)
// then read fields straight from the document, and QJsonValue is built only for
// whoever asks for it. The parser behind it (simdjson) stays in jsondocument.cpp,
// so changing parser later touches this one place.
//
// Behaviour worth knowing:
// - duplicate keys are kept in the document; JsonView::value() returns the last
//   one, as QJsonObject does;
// - numbers are doubles to the reader (isDouble()/toDouble(), as in QJsonValue);
//   integers that fit 64 bits convert to QJsonValue(qint64), others to doubles,
//   like Qt's own parser; integers beyond 64 bits (JavaScript writes 1e20 as
//   "100000000000000000000") are read as doubles too;
// - strings are valid UTF-8; an escaped surrogate without its pair ("\ud800",
//   "\udc00") is refused, as are raw control characters and invalid UTF-8 bytes.

#include <QByteArrayView>
#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QLatin1StringView>
#include <QString>
#include <QVarLengthArray>

#include <array>
#include <cstddef>
#include <memory>
#include <type_traits>

namespace ringchat {

class JsonDocument;

// A value inside a JsonDocument (or "undefined" for a missing key). Cheap to copy;
// valid only while its document lives. The accessors mirror QJsonValue's, so code
// can be written once for both (see api/types.cpp).
class JsonView
{
public:
    enum class Type { Undefined, Null, Bool, Double, String, Array, Object };

    JsonView() = default; // undefined

    Type type() const { return m_type; }
    bool isUndefined() const { return m_type == Type::Undefined; }
    bool isNull() const { return m_type == Type::Null; }
    bool isBool() const { return m_type == Type::Bool; }
    bool isDouble() const { return m_type == Type::Double; }
    bool isString() const { return m_type == Type::String; }
    bool isArray() const { return m_type == Type::Array; }
    bool isObject() const { return m_type == Type::Object; }

    bool toBool(bool defaultValue = false) const;
    double toDouble(double defaultValue = 0) const;
    // A string's UTF-8 bytes (empty for other types); points into the document.
    QByteArrayView utf8() const;
    QString toString() const; // empty for non-strings

    // Object member by key (the last one when a key repeats); undefined when
    // missing or when this is not an object.
    JsonView value(QLatin1StringView key) const;
    JsonView operator[](QLatin1StringView key) const { return value(key); }
    // Array element; undefined when out of range or not an array. Linear in i.
    JsonView at(qsizetype i) const;
    // Number of array elements or object members; 0 for scalars.
    qsizetype size() const;

    // Calls f(JsonView) for each array element, or f(QByteArrayView key, JsonView)
    // for each object member, in document order.
    template <typename F> void forEachElement(F &&f) const;
    template <typename F> void forEachMember(F &&f) const;

    // Deep copies into Qt's JSON types (undefined for the wrong type).
    QJsonValue toQJsonValue() const;
    QJsonArray toArray() const;
    QJsonObject toObject() const;

private:
    friend class JsonDocument;
    friend struct JsonViewAccess;
    // The parser's own handle (a document pointer and a tape index), kept opaque
    // so its headers stay out of ours.
    alignas(void *) std::byte m_raw[2 * sizeof(void *)] {};
    Type m_type = Type::Undefined;

    using ElementFn = void (*)(void *context, JsonView element);
    using MemberFn = void (*)(void *context, QByteArrayView key, JsonView value);
    void visitElements(ElementFn fn, void *context) const;
    void visitMembers(MemberFn fn, void *context) const;
};

// An object's members gathered once, for code that reads many fields: value(key)
// then looks in a small array instead of walking the document for every key. Holds
// views, so it lives no longer than the document. The last repeated key wins.
class JsonMembers
{
public:
    explicit JsonMembers(const JsonView &object);
    JsonView value(QLatin1StringView key) const;

private:
    struct Member
    {
        QByteArrayView key;
        JsonView value;
    };
    // A key's slot: a few of its letters, so a message's keys each get their own.
    static int slotOf(const char *key, qsizetype size);
    QVarLengthArray<Member, 24> m_members; // a v2 Message has about 18
    // By slot, the last member whose key has it (-1: none), so most lookups compare
    // one key; two keys in one slot fall back to a scan.
    std::array<qint16, 64> m_bySlot;
};

// One parsed document. Immutable after parse(); share it with std::shared_ptr so
// views stay valid as long as somebody holds it.
class JsonDocument
{
public:
    // The parser reads up to this many bytes past the end of the text (never using them).
    static constexpr qsizetype kPadding = 64;

    // Parses any JSON text (object, array or scalar). Returns null and sets *error
    // (when given) on anything that is not one valid JSON value. `readableAfter`: how
    // many bytes after the text's end are allocated (e.g. a QByteArray's spare
    // capacity); with kPadding or more the text is parsed where it is, else copied.
    static std::shared_ptr<const JsonDocument> parse(QByteArrayView text, QString *error = nullptr,
                                                     qsizetype readableAfter = 0);

    ~JsonDocument();
    JsonDocument(const JsonDocument &) = delete;
    JsonDocument &operator=(const JsonDocument &) = delete;

    JsonView root() const { return m_root; }

private:
    struct Storage;
    JsonDocument();
    std::unique_ptr<Storage> m_storage;
    JsonView m_root;
};

template <typename F> void JsonView::forEachElement(F &&f) const
{
    using Fn = std::remove_reference_t<F>;
    visitElements([](void *context, JsonView element) { (*static_cast<Fn *>(context))(element); },
                  const_cast<void *>(static_cast<const void *>(&f)));
}

template <typename F> void JsonView::forEachMember(F &&f) const
{
    using Fn = std::remove_reference_t<F>;
    visitMembers(
        [](void *context, QByteArrayView key, JsonView value) { (*static_cast<Fn *>(context))(key, value); },
        const_cast<void *>(static_cast<const void *>(&f)));
}

} // namespace ringchat
