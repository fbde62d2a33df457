// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// Memory while scrolling through images (issue 15): 500 different thumbnails loaded
// through the "attachments" image provider into QML Images, one after another, each
// Image gone once loaded (as a ListView's delegates scrolled out of view), with the
// provider's memory cache and Qt's pixmap cache as the app has them. Prints the
// process's PSS (/proc/self/smaps_rollup) before and after; the target is at most
// 60 MB above the text-only figure (before). The thumbnails are 320×240 JPEGs made
// here (what the server's thumbnails are), served from a folder by the resolver, so
// the network is not measured.
//
//   ringchat-bench-thumbnails [--quick] [--count N]
// --quick: 40 images, and exit 1 if any is not Ready or is an error tile (for CTest).
#include "media/attachmentimageprovider.h"
#include "media/errortile.h"

#include <QDir>
#include <QFile>
#include <QGuiApplication>
#include <QImage>
#include <QPainter>
#include <QQmlComponent>
#include <QQmlEngine>
#include <QQuickItem>
#include <QTemporaryDir>
#include <QTest>

#include <cstdio>

using ringchat::media::AttachmentImageProvider;
using ringchat::media::FileKind;

namespace {

double pssMegabytes()
{
    QFile f(QStringLiteral("/proc/self/smaps_rollup"));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : f.readAll().split('\n')) {
        if (line.startsWith("Pss:"))
            return line.mid(4).trimmed().split(' ').first().toDouble() / 1024.0;
    }
    return -1;
}

// A different picture each time: a gradient and a few shapes in colours from `i`.
QImage picture(int i)
{
    QImage image(320, 240, QImage::Format_RGB32);
    QPainter p(&image);
    QLinearGradient g(0, 0, 320, 240);
    g.setColorAt(0, QColor::fromHsv((i * 37) % 360, 200, 230));
    g.setColorAt(1, QColor::fromHsv((i * 91 + 120) % 360, 180, 90));
    p.fillRect(image.rect(), g);
    for (int k = 0; k < 12; ++k) {
        p.setBrush(QColor::fromHsv((i * 13 + k * 29) % 360, 255, 255));
        p.drawEllipse(QPoint((i * 7 + k * 53) % 320, (i * 11 + k * 31) % 240), 10 + k * 3, 8 + k * 2);
    }
    return image;
}

} // namespace

int main(int argc, char *argv[])
{
    QGuiApplication app(argc, argv);
    const QStringList args = app.arguments();
    const bool quick = args.contains(QStringLiteral("--quick"));
    int count = quick ? 40 : 500;
    if (const qsizetype at = args.indexOf(QStringLiteral("--count")); at > 0 && at + 1 < args.size())
        count = args.at(at + 1).toInt();

    QTemporaryDir dir;
    for (int i = 0; i < count; ++i) {
        if (!picture(i).save(dir.filePath(QStringLiteral("f_%1.thumb").arg(i)), "JPEG", 85))
            return 2;
    }

    QQmlEngine engine;
    engine.addImageProvider(AttachmentImageProvider::kName,
                            new AttachmentImageProvider(&app, [&dir](const QString &id, FileKind, auto done) {
                                done(dir.filePath(id + QStringLiteral(".thumb")), {});
                            }));
    QQmlComponent component(&engine);
    // As an image bubble: asynchronous, at its shown size.
    component.setData(
        "import QtQuick\nImage { asynchronous: true; sourceSize.width: 240; sourceSize.height: 180 }",
        QUrl());
    // The text-only figure: the engine and QtQuick loaded, no image yet.
    std::unique_ptr<QObject>(component.create());
    QTest::qWait(200);
    const double before = pssMegabytes();

    int failed = 0;
    for (int i = 0; i < count; ++i) {
        std::unique_ptr<QObject> image(component.beginCreate(engine.rootContext()));
        image->setProperty("source", QUrl(QStringLiteral("image://attachments/f_%1/thumb").arg(i)));
        component.completeCreate();
        QTest::qWaitFor([&] { return image->property("status").toInt() != 2; }, 10000); // 2: Loading
        if (image->property("status").toInt() != 1 || image->property("implicitWidth").toInt() != 240)
            ++failed;
    }
    QTest::qWait(200);
    const double after = pssMegabytes();
    std::printf("thumbnails %d failed %d pss_before_mb %.1f pss_after_mb %.1f delta_mb %.1f\n", count, failed,
                before, after, after - before);
    return failed == 0 ? 0 : 1;
}
