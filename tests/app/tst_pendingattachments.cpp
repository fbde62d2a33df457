// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The files chosen for the next message (PendingAttachments): adding, removing, what
// they weigh, the sentences that stop a send before any upload, and Ctrl+V of copied
// files and of an image through the real clipboard (offscreen).
#include "app/pendingattachments.h"
#include "models/attachmentview.h"
#include "sparsefile.h"

#include <QClipboard>
#include <QFile>
#include <QGuiApplication>
#include <QImage>
#include <QImageReader>
#include <QMimeData>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

using ringchat::app::PendingAttachments;

class TestPendingAttachments : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

    QString makeFile(const QString &name, qint64 size)
    {
        return ringchat::testing::makeSparseFile(QDir(m_dir.path()), name, size);
    }
    static QVariant roleOf(const PendingAttachments &files, int row, const QByteArray &name)
    {
        return files.index(row).data(files.roleNames().key(name));
    }

private slots:
    void addsRemovesAndSaysWhatTheyWeigh()
    {
        const QString a = makeFile(QStringLiteral("notes.txt"), 1000);
        const QString b = makeFile(QStringLiteral("photo.png"), 2048);
        PendingAttachments files;
        QSignalSpy changed(&files, &PendingAttachments::changed);
        QCOMPARE(files.summary(), QString());

        QCOMPARE(files.addUrls({ QUrl::fromLocalFile(a), QUrl::fromLocalFile(b),
                                 QUrl(QStringLiteral("https://example.org/x.png")) }),
                 2);
        QCOMPARE(files.count(), 2);
        QCOMPARE(files.paths(), (QStringList { a, b }));
        QCOMPARE(roleOf(files, 0, "name").toString(), QStringLiteral("notes.txt"));
        QCOMPARE(roleOf(files, 0, "isImage").toBool(), false);
        QCOMPARE(roleOf(files, 1, "isImage").toBool(), true);
        QCOMPARE(roleOf(files, 1, "url").toUrl(), QUrl::fromLocalFile(b));
        QCOMPARE(roleOf(files, 1, "sizeText").toString(), ringchat::models::fileSizeText(2048));
        QCOMPARE(files.summary(), QStringLiteral("2 files, %1").arg(ringchat::models::fileSizeText(3048)));
        QCOMPARE(files.problem(), QString());

        // The same file twice is listed once.
        QCOMPARE(files.addPaths({ a }), 0);
        QCOMPARE(files.count(), 2);

        files.remove(0);
        QCOMPARE(files.paths(), QStringList { b });
        QCOMPARE(files.summary(), QStringLiteral("1 file, %1").arg(ringchat::models::fileSizeText(2048)));
        files.remove(5); // no such row: nothing happens
        QCOMPARE(files.count(), 1);
        files.clear();
        QCOMPARE(files.count(), 0);
        QVERIFY(changed.count() >= 3);
    }

    void theLimitIsSaidBeforeAnyUpload()
    {
        const QString exact = makeFile(QStringLiteral("exact.bin"), 26214400);
        const QString over = makeFile(QStringLiteral("over.bin"), 26214401);
        PendingAttachments files;
        files.addPaths({ exact });
        QCOMPARE(files.problem(), QString()); // exactly 25 MiB is accepted
        files.addPaths({ over });
        QVERIFY2(files.problem().contains(QStringLiteral("over.bin")), qPrintable(files.problem()));
        QVERIFY2(files.problem().contains(QStringLiteral("25 MiB")), qPrintable(files.problem()));
        files.remove(1);
        QCOMPARE(files.problem(), QString());

        QStringList eleven;
        for (int i = 0; i < 11; ++i)
            eleven << makeFile(QStringLiteral("f%1.txt").arg(i), 10);
        PendingAttachments many;
        many.addPaths(eleven);
        QVERIFY2(many.problem().contains(QStringLiteral("10")), qPrintable(many.problem()));
    }

    void pastesCopiedFiles()
    {
        const QString a = makeFile(QStringLiteral("report.pdf"), 300);
        auto *data = new QMimeData;
        data->setUrls({ QUrl::fromLocalFile(a) });
        data->setText(a); // file managers add the names as text too
        QGuiApplication::clipboard()->setMimeData(data);

        PendingAttachments files;
        QVERIFY(files.paste());
        QCOMPARE(files.paths(), QStringList { a });
        QVERIFY(!files.saving());
    }

    void pastesAnImageAsPng()
    {
        QTemporaryDir folder;
        QImage picture(40, 30, QImage::Format_RGB32);
        picture.fill(Qt::red);
        auto *data = new QMimeData;
        data->setImageData(picture);
        QGuiApplication::clipboard()->setMimeData(data);

        PendingAttachments files;
        files.setPasteFolder(folder.filePath(QStringLiteral("pasted")));
        QVERIFY(files.paste());
        QVERIFY(files.saving()); // written off the GUI thread
        QTRY_COMPARE(files.count(), 1);
        QVERIFY(!files.saving());
        const QString path = files.paths().constFirst();
        QVERIFY2(path.startsWith(folder.filePath(QStringLiteral("pasted/pasted-image-"))), qPrintable(path));
        QVERIFY(path.endsWith(QStringLiteral(".png")));
        QImageReader reader(path);
        QCOMPARE(reader.format(), QByteArray("png"));
        QCOMPARE(reader.size(), QSize(40, 30));
        QCOMPARE(roleOf(files, 0, "isImage").toBool(), true);

        // A second paste is a second file.
        QVERIFY(files.paste());
        QTRY_COMPARE(files.count(), 2);
        QVERIFY(files.paths().at(0) != files.paths().at(1));
    }

    void textIsLeftToTheTextField()
    {
        auto *data = new QMimeData;
        data->setText(QStringLiteral("just words"));
        QGuiApplication::clipboard()->setMimeData(data);
        PendingAttachments files;
        QVERIFY(!files.paste());
        QCOMPARE(files.count(), 0);
        QVERIFY(!files.saving());
    }

    void aPasteThatCannotBeWrittenSaysWhy()
    {
        const QString blocker = makeFile(QStringLiteral("not-a-folder"), 1);
        PendingAttachments files;
        files.setPasteFolder(blocker + QStringLiteral("/pasted")); // under a file: cannot be made
        QSignalSpy failed(&files, &PendingAttachments::pasteFailed);
        QImage picture(4, 4, QImage::Format_RGB32);
        picture.fill(Qt::blue);
        QMimeData data;
        data.setImageData(picture);
        QVERIFY(files.paste(&data));
        QTRY_COMPARE(failed.count(), 1);
        QVERIFY(failed.at(0).at(0).toString().contains(QStringLiteral("could not be saved")));
        QCOMPARE(files.count(), 0);
        QVERIFY(!files.saving());
    }
};

QTEST_MAIN(TestPendingAttachments)
#include "tst_pendingattachments.moc"
