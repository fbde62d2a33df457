// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The field readers of the contract's types (types.cpp, attachment.cpp), internal to
// src/api. Each returns false and sets the error sentence on a type or validity
// mismatch. Keys are Latin-1 so no QString is built for the lookup. They are templates
// over the object type: a QJsonObject (REST, tests, the cache) or the members of an
// object in a parsed packet (JsonMembers, the live path); o.value(key) gives a
// QJsonValue or a JsonView, which answer the same questions. One implementation, so
// both paths validate alike and say the same sentences.

#include "api/types.h"
#include "core/jsondocument.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QString>

#include <cstring>

namespace ringchat::api::fields {

// parseTime() for either kind of JSON string value.
inline QDateTime timeOf(const QJsonValue &v)
{
    return parseTime(v.toString());
}

inline QDateTime timeOf(const JsonView &v)
{
    return parseTimeUtf8(v.utf8());
}

inline void setError(QString *error, const QString &text)
{
    if (error)
        *error = text;
}

// The last text read for one field of the live path (a parsed packet). A flood's
// messages repeat their conversation, sender and sender name: the next one with the
// same UTF-8 shares that QString (no allocation, no conversion, no second validity
// check), and the messages held share one copy. Per thread, as the parsers are.
struct RecentText
{
    QByteArray utf8; // the value as the packet had it (valid, for ids)
    QString text;
};

// Whether v is the text last remembered in `recent` (never for a QJsonValue: REST).
inline bool isRecent(const QJsonValue &, const RecentText *)
{
    return false;
}

inline bool isRecent(const JsonView &v, const RecentText *recent)
{
    return recent && !recent->text.isNull() && v.utf8() == QByteArrayView(recent->utf8);
}

inline void remember(const QJsonValue &, const QString &, RecentText *) { }

inline void remember(const JsonView &v, const QString &text, RecentText *recent)
{
    if (!recent)
        return;
    const QByteArrayView utf8 = v.utf8();
    recent->utf8.resize(utf8.size()); // keeps its buffer when the new text fits
    std::memcpy(recent->utf8.data(), utf8.data(), size_t(utf8.size()));
    recent->text = text;
}

// Shared tail of the string readers: an optional field may be absent or null; anything
// else that is not a string is an error naming the field.
template <typename Value>
bool absentOrNotString(const Value &v, QLatin1StringView key, bool required, const char *what, QString *error)
{
    if (!required && (v.isUndefined() || v.isNull()))
        return true;
    setError(error, QStringLiteral("%1: field \"%2\" must be a string.").arg(QLatin1StringView(what), key));
    return false;
}

template <typename Object>
bool readString(const Object &o, QLatin1StringView key, QString &out, bool required, const char *what,
                QString *error, RecentText *recent = nullptr)
{
    const auto v = o.value(key);
    if (v.isString()) {
        if (isRecent(v, recent)) {
            out = recent->text;
            return true;
        }
        out = v.toString();
        remember(v, out, recent);
        return true;
    }
    return absentOrNotString(v, key, required, what, error);
}

template <typename Object>
bool readTime(const Object &o, QLatin1StringView key, QDateTime &out, bool required, const char *what,
              QString *error)
{
    const auto v = o.value(key);
    if (!required && (v.isUndefined() || v.isNull()))
        return true;
    if (v.isString()) {
        out = timeOf(v);
        if (out.isValid())
            return true;
    }
    setError(
        error,
        QStringLiteral("%1: field \"%2\" must be an ISO-8601 UTC time.").arg(QLatin1StringView(what), key));
    return false;
}

template <typename Object>
bool readCount(const Object &o, QLatin1StringView key, qint64 &out, bool required, qint64 minimum,
               const char *what, QString *error)
{
    const auto v = o.value(key);
    if (!required && (v.isUndefined() || v.isNull()))
        return true;
    if (v.isDouble()) {
        const double d = v.toDouble();
        // 2^53: beyond that a JSON number is no longer an exact integer.
        if (d >= double(minimum) && d <= 9007199254740992.0 && d == double(qint64(d))) {
            out = qint64(d);
            return true;
        }
    }
    setError(error,
             QStringLiteral("%1: field \"%2\" must be an integer of at least %3.")
                 .arg(QLatin1StringView(what), key)
                 .arg(minimum));
    return false;
}

// Whether a string value is exactly `word`: for a parsed packet's value, compared in
// its UTF-8, with no QString made.
inline bool textIs(const QJsonValue &v, QLatin1StringView word)
{
    return v.toString() == word;
}

inline bool textIs(const JsonView &v, QLatin1StringView word)
{
    return v.utf8() == QByteArrayView(word.data(), word.size());
}

// A string field that names one of `words` (type, format): `match` is the index of the
// word it is, -1 for any other string (and when absent, if not required).
template <typename Object>
bool readWord(const Object &o, QLatin1StringView key, std::initializer_list<QLatin1StringView> words,
              int &match, bool required, const char *what, QString *error)
{
    match = -1;
    const auto v = o.value(key);
    if (v.isString()) {
        for (auto word = words.begin(); word != words.end() && match < 0; ++word) {
            if (textIs(v, *word))
                match = int(word - words.begin());
        }
        return true;
    }
    return absentOrNotString(v, key, required, what, error);
}

template <typename Object>
bool readId(const Object &o, QLatin1StringView key, QString &out, bool conversationId, const char *what,
            QString *error, RecentText *recent = nullptr)
{
    const auto v = o.value(key);
    if (v.isString()) {
        if (isRecent(v, recent)) { // checked when it was remembered
            out = recent->text;
            return true;
        }
        out = v.toString();
        if (conversationId ? isValidConversationId(out) : isValidOpaqueId(out)) {
            remember(v, out, recent);
            return true;
        }
    }
    setError(error, QStringLiteral("%1: field \"%2\" is not a valid id.").arg(QLatin1StringView(what), key));
    return false;
}

// Arrays and objects of either kind of JSON (QJsonValue or a parsed packet's JsonView).
template <typename F> void forEachElement(const QJsonValue &v, F &&f)
{
    detail::forEachValue(v.toArray(), f); // types.h's walk, shared with listFromJson
}

template <typename F> void forEachElement(const JsonView &v, F &&f)
{
    detail::forEachValue(v, f);
}

inline QJsonObject membersOf(const QJsonValue &v)
{
    return v.toObject();
}

inline JsonMembers membersOf(const JsonView &v)
{
    return JsonMembers(v);
}

} // namespace ringchat::api::fields
