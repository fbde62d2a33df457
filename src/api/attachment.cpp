// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "api/attachment.h"

#include "api/jsonfields.h"

#include <QCoreApplication>
#include <QLocale>

namespace ringchat::api {

using namespace fields;

bool isValidSha256(QStringView hex)
{
    if (hex.size() != 64)
        return false;
    return std::all_of(hex.begin(), hex.end(),
                       [](QChar c) { return (c >= u'0' && c <= u'9') || (c >= u'a' && c <= u'f'); });
}

QString oversizeSentence(const QString &name, qint64 size)
{
    if (size <= kMaxAttachmentBytes)
        return QString();
    return QCoreApplication::translate("Attachments",
                                       "%1 is %2 bytes; a file may be at most 25 MiB (%3 bytes).")
        .arg(name, QLocale().toString(size), QLocale().toString(kMaxAttachmentBytes));
}

namespace {

template <typename Object> bool readAttachment(const Object &a, Attachment &out, QString *error)
{
    static constexpr const char *what = "Message attachment";
    qint64 width = 0, height = 0;
    if (!readId(a, QLatin1StringView("id"), out.id, true, what, error)
        || !readString(a, QLatin1StringView("name"), out.name, true, what, error)
        || !readCount(a, QLatin1StringView("size"), out.size, true, 0, what, error)
        || !readString(a, QLatin1StringView("mimeType"), out.mimeType, true, what, error)
        || !readString(a, QLatin1StringView("sha256"), out.sha256, true, what, error)
        || !readCount(a, QLatin1StringView("width"), width, false, 1, what, error)
        || !readCount(a, QLatin1StringView("height"), height, false, 1, what, error))
        return false;
    if (!isValidSha256(out.sha256)) {
        setError(error,
                 QStringLiteral("Message attachment: field \"sha256\" must be 64 lowercase hex digits."));
        return false;
    }
    if (out.size > kMaxAttachmentBytes || width > 65535 || height > 65535) {
        setError(error, QStringLiteral("Message attachment: the size is beyond the contract's limits."));
        return false;
    }
    out.width = int(width);
    out.height = int(height);
    const auto thumbnail = a.value(QLatin1StringView("hasThumbnail"));
    if (!thumbnail.isBool()) {
        setError(error, QStringLiteral("Message attachment: field \"hasThumbnail\" must be true or false."));
        return false;
    }
    out.hasThumbnail = thumbnail.toBool();
    return true;
}

template <typename Object> bool readAttachmentList(const Object &o, QList<Attachment> &out, QString *error)
{
    const auto v = o.value(QLatin1StringView("attachments"));
    if (v.isUndefined() || v.isNull())
        return true;
    if (!v.isArray()) {
        setError(error, QStringLiteral("Message: field \"attachments\" must be an array."));
        return false;
    }
    bool ok = true;
    forEachElement(v, [&](const auto &element) {
        if (!ok)
            return;
        if (!element.isObject()) {
            setError(error, QStringLiteral("Message: an attachment is not an object."));
            ok = false;
            return;
        }
        Attachment attachment;
        ok = readAttachment(membersOf(element), attachment, error);
        if (ok)
            out.append(std::move(attachment));
    });
    return ok;
}

} // namespace

bool readAttachments(const QJsonObject &message, QList<Attachment> &out, QString *error)
{
    return readAttachmentList(message, out, error);
}

bool readAttachments(const JsonMembers &message, QList<Attachment> &out, QString *error)
{
    return readAttachmentList(message, out, error);
}

std::optional<Attachment> Attachment::fromJson(const QJsonObject &json, QString *error)
{
    Attachment a;
    if (!readAttachment(json, a, error))
        return std::nullopt;
    return a;
}

QJsonObject Attachment::toJson() const
{
    // Keys in the contract's order.
    QJsonObject o { { QLatin1StringView("id"), id },
                    { QLatin1StringView("name"), name },
                    { QLatin1StringView("size"), size },
                    { QLatin1StringView("mimeType"), mimeType },
                    { QLatin1StringView("sha256"), sha256 } };
    if (hasDimensions()) {
        o.insert(QLatin1StringView("width"), width);
        o.insert(QLatin1StringView("height"), height);
    }
    o.insert(QLatin1StringView("hasThumbnail"), hasThumbnail);
    return o;
}

QJsonArray attachmentsToJson(const QList<Attachment> &attachments)
{
    QJsonArray list;
    for (const Attachment &a : attachments)
        list.append(a.toJson());
    return list;
}

std::optional<QList<Attachment>> attachmentsFromJson(const QJsonArray &json, QString *error)
{
    QList<Attachment> out;
    if (!readAttachmentList(QJsonObject { { QLatin1StringView("attachments"), json } }, out, error))
        return std::nullopt;
    return out;
}

} // namespace ringchat::api
