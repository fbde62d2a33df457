// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Contract v2's Attachment (docs/protocol.md 6.1): a file a message carries, as the
// server describes it. Read with the same checks on both of Message's parse paths.

#include "core/jsondocument.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace ringchat::api {

// The server's limits (docs/protocol.md 6.2, 6.3).
inline constexpr qint64 kMaxAttachmentBytes = 26214400; // 25 MiB: exactly this is accepted
inline constexpr int kMaxAttachmentsPerMessage = 10;

struct Attachment
{
    QString id;      // ^[A-Za-z0-9_-]{1,100}$; empty on our own message until uploaded
    QString name;    // as the sender named it: run it through safeFileName() before any disk use
    qint64 size = 0; // bytes
    QString mimeType;
    QString sha256; // 64 lowercase hex digits of the bytes
    int width = 0;  // both 0 unless the server decoded the image
    int height = 0;
    bool hasThumbnail = false;

    bool hasDimensions() const { return width > 0 && height > 0; }
    static std::optional<Attachment> fromJson(const QJsonObject &json, QString *error = nullptr);
    QJsonObject toJson() const;
    friend bool operator==(const Attachment &, const Attachment &) = default;
};

bool isValidSha256(QStringView hex);
// The sentence that refuses a file of `size` bytes named `name` (over 25 MiB), or
// empty when the server takes that size. The one place the limit is checked.
QString oversizeSentence(const QString &name, qint64 size);

// A message's "attachments" (absent or null: none), for each kind of JSON object.
bool readAttachments(const QJsonObject &message, QList<Attachment> &out, QString *error);
bool readAttachments(const JsonMembers &message, QList<Attachment> &out, QString *error);
// The list as Message::toJson writes it, and back (the cache keeps it as text).
QJsonArray attachmentsToJson(const QList<Attachment> &attachments);
std::optional<QList<Attachment>> attachmentsFromJson(const QJsonArray &json, QString *error = nullptr);

} // namespace ringchat::api
