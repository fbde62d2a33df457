// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "media/imagedecoder.h"

#include "api/imagetypes.h"

#include <QCoreApplication>
#include <QFile>
#include <QImageReader>
#include <QMimeDatabase>

#include <mutex>

namespace ringchat::media {

namespace {

DecodedImage failure(const QString &sentence)
{
    return { QImage(), sentence };
}

// A file cut short decodes "successfully" in some of Qt's handlers (libjpeg fills the
// rest with grey): the container's own end marks a whole file.
bool looksComplete(const QByteArray &format, QIODevice *device)
{
    if (device->isSequential())
        return true; // nothing to look at: the decoder's own checks only
    const qint64 size = device->size();
    const qint64 pos = device->pos();
    const auto tail = [&](qint64 n) {
        device->seek(std::max<qint64>(0, size - n));
        const QByteArray bytes = device->read(n);
        device->seek(pos);
        return bytes;
    };
    if (format == "jpeg") // an EOI marker (FF D9) near the end; scan data never holds one
        return tail(1024).contains("\xFF\xD9");
    if (format == "png")
        return tail(64).contains("IEND");
    if (format == "webp") { // the RIFF size covers the whole file
        device->seek(4);
        const QByteArray riffSize = device->read(4);
        device->seek(pos);
        if (riffSize.size() != 4)
            return false;
        const auto b = [&](int i) { return qint64(uchar(riffSize.at(i))); };
        return 8 + (b(0) | b(1) << 8 | b(2) << 16 | b(3) << 24) <= size;
    }
    return true; // GIF: Qt's handler stops at a missing block by itself
}

// The size to decode to: `image` fitted within `requested` (either side may be 0:
// bounded by the other only), never enlarged.
QSize fitted(QSize image, QSize requested)
{
    if (requested.width() <= 0 && requested.height() <= 0)
        return image;
    const qreal sx = requested.width() > 0 ? qreal(requested.width()) / image.width() : 1e9;
    const qreal sy = requested.height() > 0 ? qreal(requested.height()) / image.height() : 1e9;
    const qreal scale = std::min({ sx, sy, qreal(1) });
    return QSize(std::max(1, qRound(image.width() * scale)), std::max(1, qRound(image.height() * scale)));
}

} // namespace

QByteArray allowedImageFormat(const QByteArray &head)
{
    const QMimeType type = QMimeDatabase().mimeTypeForData(head);
    for (const auto &[mime, format] : api::kShownImageTypes)
        if (type.inherits(QString(mime)))
            return format;
    return {};
}

DecodedImage decodeImage(QIODevice *device, QSize requested, const DecodeLimits &limits)
{
    static std::once_flag allocationLimit;
    std::call_once(allocationLimit, [] { QImageReader::setAllocationLimit(kAllocationLimitMegabytes); });

    const QByteArray format = allowedImageFormat(device->peek(64));
    if (format.isEmpty())
        return failure(QCoreApplication::translate("ringchat::media::ImageDecoder",
                                                   "This file is not a PNG, JPEG, GIF or WebP image."));
    if (!QImageReader::supportedImageFormats().contains(format))
        return failure(
            QCoreApplication::translate("ringchat::media::ImageDecoder",
                                        "Images of this type cannot be shown here (no %1 decoder).")
                .arg(QString::fromLatin1(format).toUpper()));
    if (!looksComplete(format, device))
        return failure(
            QCoreApplication::translate("ringchat::media::ImageDecoder", "The image is incomplete."));

    // Only the one handler for the format the bytes declare: no other plugin sniffs them.
    QImageReader reader(device, format);
    reader.setAutoDetectImageFormat(false);
    reader.setAutoTransform(true);
    const QSize size = reader.size(); // the header only
    if (!size.isValid() || size.isEmpty())
        return failure(
            QCoreApplication::translate("ringchat::media::ImageDecoder", "The image could not be read."));
    if (size.width() > limits.maxSide || size.height() > limits.maxSide
        || qint64(size.width()) * size.height() > limits.maxPixels)
        return failure(QCoreApplication::translate("ringchat::media::ImageDecoder",
                                                   "The image is too large to show (%1 × %2 pixels).")
                           .arg(size.width())
                           .arg(size.height()));

    // Scaling applies before the EXIF turn: fit the turned box.
    const bool turned = reader.transformation() & QImageIOHandler::TransformationRotate90;
    const QSize target = fitted(size, turned ? requested.transposed() : requested);
    if (target != size)
        reader.setScaledSize(target);
    QImage image;
    if (!reader.read(&image) || image.isNull())
        return failure(
            QCoreApplication::translate("ringchat::media::ImageDecoder", "The image could not be decoded."));
    return { image, {} };
}

DecodedImage decodeImageFile(const QString &path, QSize requested, const DecodeLimits &limits)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return failure(
            QCoreApplication::translate("ringchat::media::ImageDecoder", "The image file cannot be read."));
    return decodeImage(&file, requested, limits);
}

} // namespace ringchat::media
