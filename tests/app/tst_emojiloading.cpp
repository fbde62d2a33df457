// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The installed emoji data is read on a worker thread: the picker's model and the
// `Emojis` singleton are made at once, empty and not ready, and fill when it is read.
// The "file" here is a named pipe that the test fills only after both are made, so a
// read on the GUI thread would hang this test instead of passing it. Its own process:
// the installed catalog is read once per process.
#include "app/emojidata.h"
#include "app/emojimodel.h"

#include <QAbstractItemModelTester>
#include <QFile>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

using namespace ringchat::app;

class TestEmojiLoading : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_pipe;
    QByteArray m_data; // the real emoji-test.txt

private slots:
    void initTestCase()
    {
        QFile real(QStandardPaths::locate(QStandardPaths::GenericDataLocation,
                                          QStringLiteral("unicode/emoji/emoji-test.txt")));
        QVERIFY2(real.open(QIODevice::ReadOnly),
                 "emoji-test.txt not found: install unicode-data (scripts/setup)");
        m_data = real.readAll();
        m_pipe = m_dir.filePath(QStringLiteral("emoji-test.txt"));
        QCOMPARE(::mkfifo(QFile::encodeName(m_pipe).constData(), 0600), 0);
        qputenv("RINGCHAT_EMOJI_DATA", QFile::encodeName(m_pipe));
    }

    void theCatalogIsReadOffTheGuiThreadAndTheModelsFillWhenItIs()
    {
        const QString thumbsUp = QString::fromUcs4(U"\U0001F44D", 1);
        Emojis emojis;
        EmojiModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
        QSignalSpy modelReady(&model, &EmojiModel::readyChanged);
        QSignalSpy emojisReady(&emojis, &Emojis::readyChanged);
        QSignalSpy counted(&model, &EmojiModel::countChanged);
        // Nothing has been read: the pipe has no writer yet.
        QVERIFY(!model.isReady());
        QCOMPARE(model.rowCount(), 0);
        QVERIFY(model.groups().isEmpty());
        model.setGroup(1); // chosen before the groups are known: kept
        QVERIFY(!emojis.isReady());
        QVERIFY(emojis.quickReactions().isEmpty());
        QCOMPARE(emojis.nameOf(thumbsUp), thumbsUp);

        QFile pipe(m_pipe);
        QVERIFY(pipe.open(QIODevice::WriteOnly)); // the worker has it open for reading
        QCOMPARE(pipe.write(m_data), m_data.size());
        pipe.close();

        QTRY_COMPARE_WITH_TIMEOUT(modelReady.count(), 1, 20000);
        QTRY_COMPARE_WITH_TIMEOUT(emojisReady.count(), 1, 20000);
        QVERIFY(model.isReady());
        QCOMPARE(model.group(), 1);
        QVERIFY(model.groups().size() > 5);
        QVERIFY(model.rowCount() > 100);
        QCOMPARE(counted.count(), 1);
        QCOMPARE(emojis.quickReactions().size(), 6);
        QCOMPARE(emojis.nameOf(thumbsUp), QStringLiteral("Thumbs up"));

        // Made after the read: ready at once.
        EmojiModel later;
        QVERIFY(later.isReady());
        QCOMPARE(later.groups(), model.groups());
        later.setGroup(1);
        QCOMPARE(later.rowCount(), model.rowCount());
    }
};

QTEST_GUILESS_MAIN(TestEmojiLoading)

#include "tst_emojiloading.moc"
