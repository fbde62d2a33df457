// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// How the UI shows a file: whether it is drawn as an image (the one place that
// decides it, for received attachments and for files about to be sent), its size as
// people read it, and an attachment as the QML map the message rows carry.

#include "api/attachment.h"

#include <QString>
#include <QVariantMap>

namespace ringchat::models {

// The types the app draws as pictures (the server thumbnails, and the client
// decodes, only these).
bool isImageType(const QString &mimeType);
// A received attachment shows inline when it is such a picture whose size the
// server knows (its placeholder has the final size) and that has a thumbnail.
bool showsAsImage(const api::Attachment &attachment);
// "512 bytes", "1.4 MB" (QLocale, traditional 1024 steps as file managers show them).
QString fileSizeText(qint64 bytes);
// {id, name, mimeType, size, sizeText, width, height, isImage}: the `attachments` role.
QVariantMap attachmentToVariant(const api::Attachment &attachment);

} // namespace ringchat::models
