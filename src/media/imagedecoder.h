// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Decoding an image that came from the network, safely: only PNG, JPEG, GIF and WebP
// (told from the bytes, never from a name), within dimension and allocation limits,
// and scaled while decoding, so a thumbnail never exists full-size in memory.
// Thread-safe (plain functions): callers run them off the GUI thread.

#include <QImage>
#include <QSize>
#include <QString>

class QIODevice;

namespace ringchat::media {

struct DecodeLimits
{
    int maxSide = 16384;           // pixels on either side
    qint64 maxPixels = 40'000'000; // width × height
};

struct DecodedImage
{
    QImage image;  // null on error
    QString error; // a sentence, empty on success
    bool ok() const { return error.isEmpty(); }
};

// The Qt image format name ("png", "jpeg", "gif", "webp") of the bytes at the start of
// a file, or empty when they are none of the four.
QByteArray allowedImageFormat(const QByteArray &head);

// Decodes `device` (its whole content) to fit within `requested` (keeping the aspect
// ratio, never larger than the image; an invalid size: the image's own size).
DecodedImage decodeImage(QIODevice *device, QSize requested, const DecodeLimits &limits = {});
DecodedImage decodeImageFile(const QString &path, QSize requested, const DecodeLimits &limits = {});

// Qt's own cap on one image's allocation, set once per process (QImageReader's limit
// is process-wide): a decoder that ignores our size check still cannot take more.
inline constexpr int kAllocationLimitMegabytes = 256;

} // namespace ringchat::media
