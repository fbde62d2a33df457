// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/attachmentview.h"

#include "api/imagetypes.h"

#include <QLocale>

namespace ringchat::models {

bool isImageType(const QString &mimeType)
{
    return !api::shownImageFormat(mimeType).isEmpty();
}

bool showsAsImage(const api::Attachment &attachment)
{
    return isImageType(attachment.mimeType) && attachment.hasDimensions() && attachment.hasThumbnail
        && !attachment.id.isEmpty();
}

QString fileSizeText(qint64 bytes)
{
    return QLocale().formattedDataSize(qMax<qint64>(bytes, 0), 1, QLocale::DataSizeTraditionalFormat);
}

QVariantMap attachmentToVariant(const api::Attachment &a)
{
    return { { QStringLiteral("id"), a.id },
             { QStringLiteral("name"), a.name },
             { QStringLiteral("mimeType"), a.mimeType },
             { QStringLiteral("size"), a.size },
             { QStringLiteral("sizeText"), fileSizeText(a.size) },
             { QStringLiteral("width"), a.width },
             { QStringLiteral("height"), a.height },
             { QStringLiteral("isImage"), showsAsImage(a) } };
}

} // namespace ringchat::models
