// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The "attachments" image provider through a real QQmlEngine and the reference
// server: a QML Image of image://attachments/<id>/thumb shows the server's
// thumbnail, .../full the file scaled to its sourceSize, and a decompression bomb,
// a truncated JPEG or an unknown id an error tile (never a failed Image); decoded
// thumbnails are answered from memory the second time, within the byte cap.
#include "serverfiles.h"

#include "media/attachmentimageprovider.h"
#include "media/errortile.h"

#include "testimages.h"

#include <QQmlComponent>
#include <QQmlEngine>
#include <QQuickImageResponse>
#include <QQuickItem>
#include <QQuickTextureFactory>
#include <QTemporaryDir>
#include <QTest>

using namespace ringchat;
using media::AttachmentImageProvider;
using media::FileKind;

namespace {
constexpr int kWait = 30000;
} // namespace

class TestImageProvider : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY(m_server.start());
        m_files = std::make_unique<ServerFiles>(m_server);
        m_cache = std::make_unique<media::FileCache>(&m_files->rest, m_dir.filePath(QStringLiteral("cache")),
                                                     100 << 20);
        const QImage photo = testimages::noise(640, 480);
        m_photo = m_files->upload(m_dir.path(), QStringLiteral("photo.png"),
                                  testimages::encoded(photo, "PNG"), QStringLiteral("image/png"));
        QVERIFY(m_photo.hasThumbnail);
        m_bomb = m_files->upload(m_dir.path(), QStringLiteral("bomb.png"), testimages::bombPng(),
                                 QStringLiteral("image/png"));
        QVERIFY(!m_bomb.id.isEmpty());
        const QByteArray jpeg = testimages::encoded(photo, "JPEG", 90);
        m_truncated = m_files->upload(m_dir.path(), QStringLiteral("cut.jpg"), jpeg.left(jpeg.size() / 2),
                                      QStringLiteral("image/jpeg"));
        QVERIFY(!m_truncated.id.isEmpty());

        // What the app's Files does: the attachment by id, then the cache.
        m_provider = new AttachmentImageProvider(
            this,
            [this](const QString &id, FileKind kind, auto done) {
                ++m_resolved;
                const auto it
                    = std::find_if(m_known.begin(), m_known.end(), [&](const auto &a) { return a.id == id; });
                if (it == m_known.end())
                    return done({}, QStringLiteral("This file is not in any conversation held here."));
                m_cache->fetch(*it, kind, this, [done](const media::CachedFile &f) {
                    done(f.path, f.ok() ? QString() : f.error.message);
                });
            },
            4 << 20);
        m_known = { m_photo, m_bomb, m_truncated };
        m_engine.addImageProvider(AttachmentImageProvider::kName, m_provider); // the engine owns it
    }

    void qmlImageShowsTheServersThumbnail()
    {
        const QSize shown = showInQml(m_photo.id + QStringLiteral("/thumb"), QSize());
        QCOMPARE(shown, QSize(320, 240));
    }

    void qmlImageShowsTheFullImageAtItsSourceSize()
    {
        QCOMPARE(showInQml(m_photo.id + QStringLiteral("/full"), QSize(100, 100)), QSize(100, 75));
    }

    void hostileImagesAreErrorTiles_data()
    {
        QTest::addColumn<QString>("which");
        QTest::addColumn<QString>("sentence");
        QTest::newRow("decompression bomb") << QStringLiteral("bomb") << QStringLiteral("too large");
        QTest::newRow("truncated jpeg") << QStringLiteral("truncated") << QStringLiteral("incomplete");
        QTest::newRow("unknown id") << QStringLiteral("unknown") << QStringLiteral("not in any conversation");
        QTest::newRow("bad address") << QStringLiteral("bad") << QStringLiteral("not valid");
    }
    void hostileImagesAreErrorTiles()
    {
        QFETCH(QString, which);
        QFETCH(QString, sentence);
        const QString id = which == QLatin1StringView("bomb") ? m_bomb.id + QStringLiteral("/full")
            : which == QLatin1StringView("truncated")         ? m_truncated.id + QStringLiteral("/full")
            : which == QLatin1StringView("unknown")           ? QStringLiteral("f_nobodyhasthis/full")
                                                              : QStringLiteral("../etc/passwd");
        // In QML: a Ready image of the tile's size, not an Error.
        QCOMPARE(showInQml(id, QSize(200, 150)), QSize(200, 150));
        // Straight from the provider: the tile with its sentence.
        const QImage image = requestDirectly(id, QSize(200, 150));
        QVERIFY(media::isErrorTile(image));
        QVERIFY2(image.text(QStringLiteral("ringchat-error")).contains(sentence),
                 qPrintable(image.text(QStringLiteral("ringchat-error"))));
    }

    // The second request of a thumbnail is answered from memory: no lookup, no disk.
    void decodedThumbnailsAreHeldInMemory()
    {
        const QString id = m_photo.id + QStringLiteral("/thumb");
        const QImage first = requestDirectly(id, QSize(160, 160));
        QCOMPARE(first.size(), QSize(160, 120));
        const int resolved = m_resolved;
        const QImage second = requestDirectly(id, QSize(160, 160));
        QCOMPARE(m_resolved, resolved);
        QCOMPARE(second.size(), QSize(160, 120));
        QVERIFY(m_provider->memoryCache().count() >= 1);
    }

    // 4 MiB cap: a hundred 160×120 thumbnails (75 KiB each) never hold more.
    void memoryCacheStaysWithinItsCap()
    {
        const QString id = m_photo.id + QStringLiteral("/thumb");
        for (int i = 0; i < 100; ++i)
            requestDirectly(id, QSize(160 + i, 160 + i));
        QVERIFY(m_provider->memoryCache().heldBytes() <= 4 << 20);
        QVERIFY(m_provider->memoryCache().count() < 100);
    }

private:
    // Loads `image://attachments/<id>` in a QML Image; its implicit size once Ready
    // (an invalid size when it ends in any other status).
    QSize showInQml(const QString &id, QSize sourceSize)
    {
        QQmlComponent component(&m_engine);
        component.setData(
            QStringLiteral("import QtQuick\nImage { asynchronous: true; cache: false }").toUtf8(), QUrl());
        std::unique_ptr<QObject> image(component.beginCreate(m_engine.rootContext()));
        if (!image) {
            qWarning() << component.errors();
            return {};
        }
        if (sourceSize.isValid())
            image->setProperty("sourceSize", sourceSize);
        image->setProperty("source", QUrl(QStringLiteral("image://attachments/") + id));
        component.completeCreate();
        // Image.Ready is 1, Error 3.
        if (!QTest::qWaitFor([&] { return image->property("status").toInt() != 2; }, kWait))
            return {};
        if (image->property("status").toInt() != 1)
            return {};
        return { qRound(image->property("implicitWidth").toReal()),
                 qRound(image->property("implicitHeight").toReal()) };
    }

    QImage requestDirectly(const QString &id, QSize size)
    {
        std::unique_ptr<QQuickImageResponse> response(m_provider->requestImageResponse(id, size));
        QSignalSpy finished(response.get(), &QQuickImageResponse::finished);
        if (!finished.wait(kWait) && finished.isEmpty())
            return {};
        std::unique_ptr<QQuickTextureFactory> texture(response->textureFactory());
        return texture ? texture->image() : QImage();
    }

    QTemporaryDir m_dir;
    ReferenceServer m_server { ReferenceServer::relaxedLimits(), QStringLiteral("media_imageprovider") };
    std::unique_ptr<ServerFiles> m_files;
    std::unique_ptr<media::FileCache> m_cache;
    api::Attachment m_photo, m_bomb, m_truncated;
    QList<api::Attachment> m_known;
    int m_resolved = 0;
    AttachmentImageProvider *m_provider = nullptr;
    QQmlEngine m_engine;
};

QTEST_MAIN(TestImageProvider)
#include "tst_imageprovider.moc"
