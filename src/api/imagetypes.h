// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The image types Ring Chat shows from the network (contract v2 §6: the four the
// server makes thumbnails of): their MIME type and Qt's image format name. The
// models ask it of an attachment's declared type, the decoder of the bytes' own.

#include <QByteArray>
#include <QLatin1StringView>
#include <QString>

#include <array>
#include <utility>

namespace ringchat::api {

inline constexpr std::array<std::pair<QLatin1StringView, const char *>, 4> kShownImageTypes { {
    { QLatin1StringView("image/png"), "png" },
    { QLatin1StringView("image/jpeg"), "jpeg" },
    { QLatin1StringView("image/gif"), "gif" },
    { QLatin1StringView("image/webp"), "webp" },
} };

// Qt's format name for a shown image type, or empty.
inline QByteArray shownImageFormat(const QString &mimeType)
{
    for (const auto &[mime, format] : kShownImageTypes)
        if (mimeType == mime)
            return format;
    return {};
}

} // namespace ringchat::api
