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

template <typename Object>
bool readString(const Object &o, QLatin1StringView key, QString &out, bool required, const char *what,
                QString *error)
{
    const auto v = o.value(key);
    if (v.isString()) {
        out = v.toString();
        return true;
    }
    if (!required && (v.isUndefined() || v.isNull()))
        return true;
    setError(error, QStringLiteral("%1: field \"%2\" must be a string.").arg(QLatin1StringView(what), key));
    return false;
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

template <typename Object>
bool readId(const Object &o, QLatin1StringView key, QString &out, bool conversationId, const char *what,
            QString *error)
{
    const auto v = o.value(key);
    if (v.isString()) {
        out = v.toString();
        if (conversationId ? isValidConversationId(out) : isValidOpaqueId(out))
            return true;
    }
    setError(error, QStringLiteral("%1: field \"%2\" is not a valid id.").arg(QLatin1StringView(what), key));
    return false;
}

// Arrays and objects of either kind of JSON (QJsonValue or a parsed packet's JsonView).
template <typename F> void forEachElement(const QJsonValue &v, F &&f)
{
    const QJsonArray array = v.toArray();
    for (const QJsonValue &e : array)
        f(e);
}

template <typename F> void forEachElement(const JsonView &v, F &&f)
{
    v.forEachElement(f);
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
