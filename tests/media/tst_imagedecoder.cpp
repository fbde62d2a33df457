// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// Decoding images from the network (media/imagedecoder): the four formats, told by
// their bytes whatever the name; anything else refused; a decompression bomb, an
// oversized image and files cut short give an error, never a crash or an
// out-of-memory kill; scaling happens while decoding. And the error tile.
#include "media/errortile.h"
#include "media/imagedecoder.h"

#include "testimages.h"

#include <QBuffer>
#include <QImageReader>
#include <QTemporaryDir>
#include <QTest>

using namespace ringchat::media;

namespace {
DecodedImage decodeBytes(QByteArray bytes, QSize requested = {})
{
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::ReadOnly);
    return decodeImage(&buffer, requested);
}
} // namespace

class TestImageDecoder : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        // Debian's qt6-image-formats-plugins (scripts/setup installs it).
        QVERIFY2(QImageReader::supportedImageFormats().contains("webp"),
                 "no WebP decoder: install qt6-image-formats-plugins");
    }

    void fourFormatsDecode_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QSize>("size");
        const QImage picture = testimages::noise(64, 48);
        QTest::newRow("png") << testimages::encoded(picture, "PNG") << QSize(64, 48);
        QTest::newRow("jpeg") << testimages::encoded(picture, "JPEG", 80) << QSize(64, 48);
        QTest::newRow("gif") << testimages::gif2x1() << QSize(2, 1);
        QTest::newRow("webp") << testimages::webp1x1() << QSize(1, 1);
    }
    void fourFormatsDecode()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QSize, size);
        const DecodedImage decoded = decodeBytes(bytes);
        QVERIFY2(decoded.ok(), qPrintable(decoded.error));
        QCOMPARE(decoded.image.size(), size);
    }

    void gifPixelsAreRight()
    {
        const DecodedImage decoded = decodeBytes(testimages::gif2x1());
        QVERIFY(decoded.ok());
        QCOMPARE(QColor(decoded.image.pixel(0, 0)), QColor(Qt::red));
        QCOMPARE(QColor(decoded.image.pixel(1, 0)), QColor(Qt::blue));
    }

    // The content decides, never the name: a PNG named .txt decodes, text named .png does not.
    void formatComesFromTheBytes()
    {
        QTemporaryDir dir;
        const QString png = dir.filePath(QStringLiteral("notes.txt"));
        QVERIFY(testimages::noise(10, 10).save(png, "PNG"));
        QVERIFY(decodeImageFile(png, {}).ok());

        const QString text = dir.filePath(QStringLiteral("photo.png"));
        QFile f(text);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("just some text, not an image\n");
        f.close();
        const DecodedImage decoded = decodeImageFile(text, {});
        QVERIFY(!decoded.ok());
        QVERIFY(decoded.image.isNull());
        QVERIFY2(decoded.error.contains(QLatin1StringView("not a PNG, JPEG, GIF or WebP")),
                 qPrintable(decoded.error));
    }

    // Formats Qt reads but the network may not send us.
    void otherFormatsAreRefused_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        const QImage picture = testimages::noise(8, 8);
        QTest::newRow("bmp") << testimages::encoded(picture, "BMP");
        QTest::newRow("ppm") << testimages::encoded(picture, "PPM");
        QTest::newRow("xpm") << testimages::encoded(picture, "XPM");
        QTest::newRow("svg") << QByteArray(
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\"></svg>");
        QTest::newRow("empty") << QByteArray();
    }
    void otherFormatsAreRefused()
    {
        QFETCH(QByteArray, bytes);
        const DecodedImage decoded = decodeBytes(bytes);
        QVERIFY(!decoded.ok());
        QVERIFY(decoded.image.isNull());
    }

    // A few hundred bytes declaring 50000×50000: refused from the header, before
    // anything is allocated; so is anything over a side or the pixel count.
    void decompressionBombIsAnError_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::newRow("50000x50000") << testimages::bombPng();
        QTest::newRow("side over 16384") << testimages::bombPng(16385, 10);
        QTest::newRow("over 40 Mpx") << testimages::bombPng(10000, 5000);
    }
    void decompressionBombIsAnError()
    {
        QFETCH(QByteArray, bytes);
        QVERIFY(bytes.size() < 1000);
        const DecodedImage decoded = decodeBytes(bytes, QSize(320, 320));
        QVERIFY(!decoded.ok());
        QVERIFY(decoded.image.isNull());
        QVERIFY2(decoded.error.contains(QLatin1StringView("too large")), qPrintable(decoded.error));
    }

    // Under the limits the same kind of file decodes (the limit is what refused above).
    void largeButAllowedDecodes()
    {
        const DecodedImage decoded = decodeBytes(testimages::bombPng(4000, 3000, true), QSize(400, 400));
        QVERIFY2(decoded.ok(), qPrintable(decoded.error));
        QCOMPARE(decoded.image.size(), QSize(400, 300));
    }

    void truncatedFilesAreErrors_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        const QImage picture = testimages::noise(320, 240);
        const QByteArray jpeg = testimages::encoded(picture, "JPEG", 90);
        const QByteArray png = testimages::encoded(picture, "PNG");
        const QByteArray webp = testimages::webp1x1();
        QTest::newRow("jpeg at half") << jpeg.left(jpeg.size() / 2);
        QTest::newRow("jpeg without its last bytes") << jpeg.chopped(2);
        QTest::newRow("jpeg header only") << jpeg.left(200);
        QTest::newRow("png at half") << png.left(png.size() / 2);
        QTest::newRow("webp cut") << webp.chopped(6);
    }
    void truncatedFilesAreErrors()
    {
        QFETCH(QByteArray, bytes);
        const DecodedImage decoded = decodeBytes(bytes, QSize(160, 160));
        QVERIFY(!decoded.ok());
        QVERIFY(decoded.image.isNull());
    }

    // The whole file decodes: the cut above is what failed.
    void wholeJpegDecodes()
    {
        const QByteArray jpeg = testimages::encoded(testimages::noise(320, 240), "JPEG", 90);
        QVERIFY(decodeBytes(jpeg).ok());
    }

    void scaledWhileDecoding_data()
    {
        QTest::addColumn<QByteArray>("format");
        QTest::addColumn<QSize>("requested");
        QTest::addColumn<QSize>("expected");
        QTest::newRow("png into a square") << QByteArray("PNG") << QSize(200, 200) << QSize(200, 100);
        QTest::newRow("jpeg into a square") << QByteArray("JPEG") << QSize(200, 200) << QSize(200, 100);
        QTest::newRow("width only") << QByteArray("PNG") << QSize(500, 0) << QSize(500, 250);
        QTest::newRow("height only") << QByteArray("JPEG") << QSize(0, 50) << QSize(100, 50);
        QTest::newRow("never enlarged") << QByteArray("PNG") << QSize(4000, 4000) << QSize(2000, 1000);
        QTest::newRow("no size: as it is") << QByteArray("PNG") << QSize() << QSize(2000, 1000);
    }
    void scaledWhileDecoding()
    {
        QFETCH(QByteArray, format);
        QFETCH(QSize, requested);
        QFETCH(QSize, expected);
        static const QImage picture = testimages::noise(2000, 1000);
        const DecodedImage decoded = decodeBytes(testimages::encoded(picture, format.constData()), requested);
        QVERIFY2(decoded.ok(), qPrintable(decoded.error));
        QCOMPARE(decoded.image.size(), expected);
    }

    void errorTileIsASmallGreyImage()
    {
        const QImage tile = errorTile(QStringLiteral("The image is incomplete."), QSize(200, 150));
        QCOMPARE(tile.size(), QSize(200, 150));
        QVERIFY(isErrorTile(tile));
        QCOMPARE(QColor(tile.pixel(2, 2)), QColor(0x9e, 0x9e, 0x9e));
        QVERIFY(!isErrorTile(testimages::noise(4, 4)));
        QCOMPARE(errorTile(QStringLiteral("x"), QSize()).size(), QSize(240, 160));
        QCOMPARE(errorTile(QStringLiteral("x"), QSize(5000, 5000)).size(), QSize(480, 480));
    }
};

QTEST_MAIN(TestImageDecoder)
#include "tst_imagedecoder.moc"
