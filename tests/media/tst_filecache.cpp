// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The disk cache of received files (media/FileCache) and the resumed download
// (api::FileDownload with Range) against the real reference server: one download
// however many ask, a sha256 mismatch leaves no file, the least recently used files
// go first under the cap (and the order survives a restart), the server's
// thumbnails, cancel, and a download that continues where it stopped.
#include "serverfiles.h"

#include "media/filecache.h"
#include "media/imagedecoder.h"

#include "testimages.h"

#include <QDir>
#include <QFileInfo>
#include <QNetworkAccessManager>
#include <QTemporaryDir>
#include <QTest>

using namespace ringchat;
using media::CachedFile;
using media::FileCache;
using media::FileKind;

namespace {
constexpr int kWait = 30000;

// Fetches and waits for the answer.
CachedFile fetchNow(FileCache &cache, const api::Attachment &a, FileKind kind = FileKind::Full)
{
    std::optional<CachedFile> result;
    QObject context;
    cache.fetch(a, kind, &context, [&](const CachedFile &f) { result = f; });
    if (!QTest::qWaitFor([&] { return result.has_value(); }, kWait))
        return { {}, { api::ApiError::Kind::Timeout, 0, {}, QStringLiteral("the test waited too long"), 0 } };
    return *result;
}

bool waitReady(FileCache &cache)
{
    return QTest::qWaitFor([&] { return cache.isReady(); }, kWait);
}
} // namespace

class TestFileCache : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY(m_server.start());
        m_files = std::make_unique<ServerFiles>(m_server);
    }
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
    }

    void manyAskersShareOneDownload()
    {
        const QByteArray bytes = ServerFiles::randomBytes(300 * 1024);
        const api::Attachment a = m_files->upload(m_dir->path(), QStringLiteral("report.pdf"), bytes);
        QVERIFY(!a.id.isEmpty());
        FileCache cache(&m_files->rest, m_dir->filePath(QStringLiteral("cache")), 100 << 20);
        QVERIFY(waitReady(cache));
        QSignalSpy requests(m_files->rest.network(), &QNetworkAccessManager::finished);

        QList<CachedFile> answers;
        QObject context;
        for (int i = 0; i < 3; ++i)
            cache.fetch(a, FileKind::Full, &context, [&](const CachedFile &f) { answers.append(f); });
        QVERIFY(cache.isDownloading(a.id));
        QVERIFY(QTest::qWaitFor([&] { return answers.size() == 3; }, kWait));
        QCOMPARE(requests.size(), 1);
        for (const CachedFile &f : answers) {
            QVERIFY2(f.ok(), qPrintable(f.error.message));
            QCOMPARE(f.path, answers.first().path);
        }
        // Named by its safe name in the attachment's folder, checked.
        QCOMPARE(QFileInfo(answers.first().path).fileName(), QStringLiteral("report.pdf"));
        QCOMPARE(ServerFiles::sha256Of(answers.first().path), a.sha256);
        QCOMPARE(cache.usedBytes(), bytes.size());

        // Held now: no request at all.
        const CachedFile again = fetchNow(cache, a);
        QCOMPARE(again.path, answers.first().path);
        QCOMPARE(requests.size(), 1);
    }

    void sha256MismatchLeavesNoFile()
    {
        api::Attachment a
            = m_files->upload(m_dir->path(), QStringLiteral("data.bin"), ServerFiles::randomBytes(50000));
        QVERIFY(!a.id.isEmpty());
        a.sha256 = QString(64, u'a'); // what the message said differs from the bytes
        FileCache cache(&m_files->rest, m_dir->filePath(QStringLiteral("cache")), 100 << 20);
        const CachedFile f = fetchNow(cache, a);
        QCOMPARE(f.error.kind, api::ApiError::Kind::Integrity);
        QVERIFY(f.path.isEmpty());
        QCOMPARE(cache.usedBytes(), 0);
        const QDir folder(m_dir->filePath(QStringLiteral("cache/") + a.id));
        QVERIFY2(folder.entryList(QDir::Files | QDir::Hidden).isEmpty(),
                 qPrintable(folder.entryList(QDir::Files | QDir::Hidden).join(u' ')));
    }

    void leastRecentlyUsedGoFirst()
    {
        const qsizetype size = 100 * 1024;
        QList<api::Attachment> files;
        for (const char *name : { "a.bin", "b.bin", "c.bin" }) {
            files.append(
                m_files->upload(m_dir->path(), QString::fromLatin1(name), ServerFiles::randomBytes(size)));
            QVERIFY(!files.last().id.isEmpty());
        }
        const auto &[a, b, c] = std::tie(files[0], files[1], files[2]);
        const QString folder = m_dir->filePath(QStringLiteral("cache"));
        QString pathA, pathB, pathC;
        {
            FileCache cache(&m_files->rest, folder, 250 * 1024); // room for two
            pathA = fetchNow(cache, a).path;
            pathB = fetchNow(cache, b).path;
            QVERIFY(!pathA.isEmpty() && !pathB.isEmpty());
            QVERIFY(!cache.heldPath(a, FileKind::Full).isEmpty()); // a used after b
            pathC = fetchNow(cache, c).path;
            QVERIFY(!pathC.isEmpty());
            QCOMPARE(cache.usedBytes(), 2 * size);
            QVERIFY(cache.heldPath(b, FileKind::Full).isEmpty());
            QTRY_VERIFY(!QFileInfo::exists(pathB)); // removed on the cache's worker
            QVERIFY(QFileInfo::exists(pathA));
            QVERIFY(QFileInfo::exists(pathC));
        }
        // A restart reads what the folder holds.
        FileCache cache(&m_files->rest, folder, 250 * 1024);
        QVERIFY(waitReady(cache));
        QCOMPARE(cache.usedBytes(), 2 * size);
        QVERIFY(cache.heldPath(b, FileKind::Full).isEmpty());
        QCOMPARE(cache.heldPath(a, FileKind::Full), pathA);
        QCOMPARE(cache.heldPath(c, FileKind::Full), pathC); // c is the most recent now
        // A smaller cap (the setting changed) evicts at once.
        cache.setCapBytes(150 * 1024);
        QCOMPARE(cache.usedBytes(), size);
        QVERIFY(cache.heldPath(a, FileKind::Full).isEmpty());
        QTRY_VERIFY(!QFileInfo::exists(pathA));
        QVERIFY(QFileInfo::exists(pathC));
    }

    void thumbnailsComeFromTheServer()
    {
        const QByteArray png = testimages::encoded(testimages::noise(640, 480), "PNG");
        const api::Attachment a
            = m_files->upload(m_dir->path(), QStringLiteral("photo.png"), png, QStringLiteral("image/png"));
        QVERIFY(a.hasThumbnail);
        FileCache cache(&m_files->rest, m_dir->filePath(QStringLiteral("cache")), 100 << 20);
        const CachedFile thumb = fetchNow(cache, a, FileKind::Thumbnail);
        QVERIFY2(thumb.ok(), qPrintable(thumb.error.message));
        const media::DecodedImage decoded = media::decodeImageFile(thumb.path, {});
        QVERIFY2(decoded.ok(), qPrintable(decoded.error));
        QCOMPARE(decoded.image.size(), QSize(320, 240));

        // A file without one is an error, asked of nobody.
        api::Attachment none = a;
        none.hasThumbnail = false;
        QVERIFY(!fetchNow(cache, none, FileKind::Thumbnail).ok());
    }

    void cancelAnswersEveryAsker()
    {
        const api::Attachment a
            = m_files->upload(m_dir->path(), QStringLiteral("big.bin"), ServerFiles::randomBytes(2 << 20));
        QVERIFY(!a.id.isEmpty());
        FileCache cache(&m_files->rest, m_dir->filePath(QStringLiteral("cache")), 100 << 20);
        QVERIFY(waitReady(cache));
        QList<CachedFile> answers;
        QObject context;
        for (int i = 0; i < 2; ++i)
            cache.fetch(a, FileKind::Full, &context, [&](const CachedFile &f) { answers.append(f); });
        cache.cancel(a.id);
        QVERIFY(QTest::qWaitFor([&] { return answers.size() == 2; }, kWait));
        for (const CachedFile &f : answers)
            QCOMPARE(f.error.kind, api::ApiError::Kind::Cancelled);
        QVERIFY(!cache.isDownloading(a.id));
        QCOMPARE(cache.usedBytes(), 0);
    }

    // A part already on disk: only the rest is asked for (Range), and the whole is checked.
    void downloadResumesWhereItStopped()
    {
        const QByteArray bytes = ServerFiles::randomBytes(400 * 1024);
        const api::Attachment a = m_files->upload(m_dir->path(), QStringLiteral("movie.bin"), bytes);
        QVERIFY(!a.id.isEmpty());
        const QString target = downloadPath(QStringLiteral("movie.bin"));
        const qsizetype held = 150 * 1024;
        writePart(target, bytes.left(held));

        api::FileDownload d(&m_files->rest, a, target);
        d.setResumable(true);
        QSignalSpy progress(&d, &api::FileTransfer::progress);
        QSignalSpy done(&d, &api::FileTransfer::finished);
        d.start();
        QVERIFY(done.wait(kWait));
        QVERIFY2(!d.error().isError(), qPrintable(d.error().message));
        QCOMPARE(d.resumedFrom(), held);
        QVERIFY(!progress.isEmpty());
        QVERIFY(progress.first().at(0).toLongLong() >= held); // counts what was held
        QCOMPARE(progress.last().at(1).toLongLong(), bytes.size());
        QCOMPARE(ServerFiles::sha256Of(target), a.sha256);
        QVERIFY(!QFileInfo::exists(api::FileDownload::partPath(target)));
    }

    // Proof that the server sent only the rest: a held part of the right length but
    // the wrong bytes fails the check (a whole answer would have replaced it), and
    // nothing is left behind.
    void resumedBytesAreChecked()
    {
        const QByteArray bytes = ServerFiles::randomBytes(200 * 1024);
        const api::Attachment a = m_files->upload(m_dir->path(), QStringLiteral("x.bin"), bytes);
        QVERIFY(!a.id.isEmpty());
        const QString target = downloadPath(QStringLiteral("x.bin"));
        writePart(target, QByteArray(64 * 1024, 'z'));

        api::FileDownload d(&m_files->rest, a, target);
        d.setResumable(true);
        QSignalSpy done(&d, &api::FileTransfer::finished);
        d.start();
        QVERIFY(done.wait(kWait));
        QCOMPARE(d.error().kind, api::ApiError::Kind::Integrity);
        QVERIFY(!QFileInfo::exists(target));
        QVERIFY(!QFileInfo::exists(api::FileDownload::partPath(target)));

        // The next try starts from nothing and succeeds.
        api::FileDownload again(&m_files->rest, a, target);
        again.setResumable(true);
        QSignalSpy doneAgain(&again, &api::FileTransfer::finished);
        again.start();
        QVERIFY(doneAgain.wait(kWait));
        QVERIFY2(!again.error().isError(), qPrintable(again.error().message));
        QCOMPARE(again.resumedFrom(), 0);
        QCOMPARE(ServerFiles::sha256Of(target), a.sha256);
    }

private:
    // Apart from the uploaded originals.
    QString downloadPath(const QString &name) const
    {
        QDir().mkpath(m_dir->filePath(QStringLiteral("out")));
        return m_dir->filePath(QStringLiteral("out/") + name);
    }
    static void writePart(const QString &target, const QByteArray &bytes)
    {
        QFile part(api::FileDownload::partPath(target));
        QVERIFY(part.open(QIODevice::WriteOnly));
        QCOMPARE(part.write(bytes), bytes.size());
    }

    ReferenceServer m_server { ReferenceServer::relaxedLimits(), QStringLiteral("media_filecache") };
    std::unique_ptr<ServerFiles> m_files;
    std::unique_ptr<QTemporaryDir> m_dir;
};

QTEST_MAIN(TestFileCache)
#include "tst_filecache.moc"
