// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Images made at test time for the media tests: the four formats, a decompression
// bomb (a tiny PNG that declares 50000×50000 pixels) and files cut short.

#include <QBuffer>
#include <QByteArray>
#include <QColor>
#include <QImage>
#include <QRandomGenerator>
#include <QtEndian>

namespace testimages {

inline quint32 crc32(const QByteArray &data)
{
    quint32 crc = 0xFFFFFFFFu;
    for (const char c : data) {
        crc ^= quint8(c);
        for (int k = 0; k < 8; ++k)
            crc = (crc >> 1) ^ (0xEDB88320u & (0u - (crc & 1u)));
    }
    return ~crc;
}

inline QByteArray pngChunk(const QByteArray &type, const QByteArray &data)
{
    QByteArray out(4, Qt::Uninitialized);
    qToBigEndian<quint32>(quint32(data.size()), out.data());
    const QByteArray body = type + data;
    out += body;
    QByteArray crc(4, Qt::Uninitialized);
    qToBigEndian<quint32>(crc32(body), crc.data());
    return out + crc;
}

// A valid PNG header declaring width × height 8-bit grey pixels, with a few bytes of
// pixel data: a few hundred bytes that would take width × height bytes decoded.
// `whole`: every row's bytes (all black), so the file decodes when allowed to.
inline QByteArray bombPng(quint32 width = 50000, quint32 height = 50000, bool whole = false)
{
    QByteArray ihdr(13, '\0');
    qToBigEndian<quint32>(width, ihdr.data());
    qToBigEndian<quint32>(height, ihdr.data() + 4);
    ihdr[8] = 8;                                                          // bit depth
    ihdr[9] = 0;                                                          // greyscale
    const qsizetype raw = whole ? qsizetype(height) * (width + 1) : 4096; // a filter byte a row
    const QByteArray idat = qCompress(QByteArray(raw, '\0')).mid(4); // zlib stream without Qt's size prefix
    return QByteArray("\x89PNG\r\n\x1a\n", 8) + pngChunk("IHDR", ihdr) + pngChunk("IDAT", idat)
        + pngChunk("IEND", {});
}

// A photo-like picture (noise does not compress: a real file's worth of bytes).
inline QImage noise(int width, int height)
{
    QImage image(width, height, QImage::Format_RGB32);
    for (int y = 0; y < height; ++y) {
        auto *line = reinterpret_cast<quint32 *>(image.scanLine(y));
        for (int x = 0; x < width; ++x)
            line[x] = 0xFF000000u | (QRandomGenerator::global()->generate() & 0x00FFFFFFu);
    }
    return image;
}

inline QByteArray encoded(const QImage &image, const char *format, int quality = -1)
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    if (!image.save(&buffer, format, quality))
        qFatal("cannot encode %s", format);
    return bytes;
}

// Qt writes no GIF: a 2×1 one, by hand (a red and a blue pixel).
inline QByteArray gif2x1()
{
    return QByteArray::fromHex("474946383961" // GIF89a
                               "02000100"
                               "80"
                               "0000" // 2×1, a 2-colour global table
                               "ff0000"
                               "0000ff" // red, blue
                               "2c"
                               "00000000"
                               "02000100"
                               "00" // image descriptor
                               "02"
                               "02"
                               "4400"
                               "00" // LZW: 2 pixels, indexes 0 and 1
                               "3b");
}

// A 1×1 lossless WebP (Qt writes WebP only with the plugin; this needs none to make).
inline QByteArray webp1x1()
{
    return QByteArray::fromBase64("UklGRhoAAABXRUJQVlA4TA0AAAAvAAAAEAcQERGIiP4HAA==");
}

} // namespace testimages
