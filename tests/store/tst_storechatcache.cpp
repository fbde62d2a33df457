// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// StoreChatCache: live messages are gathered and written one transaction at a
// time; every other call goes after them. Real ChatStore on real files.

#include "awaitfuture.h"
#include "chat/storechatcache.h"
#include "seqlists.h"
#include "store/chatstore.h"

#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <QtEndian>

using namespace ringchat;
using api::Message;
using ringchat::testing::await;
using ringchat::testing::seqRange;
using ringchat::testing::seqsOf;
using store::OutboxEntry;

namespace {

const QString kConv = QStringLiteral("c1");

Message message(qint64 seq, const QString &sender = QStringLiteral("bob"), const QString &clientId = {})
{
    Message m;
    m.id = QStringLiteral("m%1").arg(seq);
    m.conversationId = kConv;
    m.seq = seq;
    m.clientId = clientId.isEmpty() ? QStringLiteral("c%1").arg(seq) : clientId;
    m.senderId = sender;
    m.senderName = sender;
    m.content = QStringLiteral("message %1").arg(seq);
    m.timestamp = QDateTime::fromMSecsSinceEpoch(1795000000000 + seq * 1000, Qt::UTC);
    return m;
}

// One saveMessages call per message, as the chat service makes them.
void saveEach(chat::StoreChatCache &cache, qint64 from, qint64 to)
{
    for (qint64 s = from; s <= to; ++s)
        cache.saveMessages({ message(s) });
}

// The transactions committed to a WAL file so far: its frames of the current WAL
// generation (salts as in the header) that end a transaction (a non-zero database
// size after the commit). See https://www.sqlite.org/fileformat2.html#walformat.
int walCommits(const QString &databasePath)
{
    QFile wal(databasePath + QStringLiteral("-wal"));
    if (!wal.open(QIODevice::ReadOnly))
        return 0;
    const QByteArray bytes = wal.readAll();
    if (bytes.size() < 32)
        return 0;
    const auto be32 = [&](qsizetype at) { return qFromBigEndian<quint32>(bytes.constData() + at); };
    const quint32 pageSize = be32(8);
    const QByteArray salts = bytes.mid(16, 8);
    int commits = 0;
    for (qsizetype frame = 32; frame + 24 + qsizetype(pageSize) <= bytes.size(); frame += 24 + pageSize) {
        if (bytes.mid(frame + 8, 8) != salts)
            break; // left over from an earlier generation
        if (be32(frame + 4) != 0)
            ++commits;
    }
    return commits;
}

api::Conversation conversation(const Message &last)
{
    api::Conversation c;
    c.id = kConv;
    c.title = QStringLiteral("the flood");
    c.lastSeq = last.seq;
    c.lastMessage = last;
    api::Participant bob;
    bob.userId = QStringLiteral("bob");
    bob.name = QStringLiteral("Bob");
    bob.lastReadSeq = last.seq;
    c.participants = { bob };
    return c;
}

} // namespace

class TestStoreChatCache : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString path(const QString &name) const { return m_dir.filePath(name); }

private Q_SLOTS:
    void burstIsWrittenAndAReadSeesIt()
    {
        store::ChatStore store;
        QVERIFY(await(store.open(path(QStringLiteral("burst.sqlite")), QStringLiteral("alice"))));
        chat::StoreChatCache cache(&store);
        // Nothing written yet (the write waits for the event loop): the read
        // must still come after the pending messages.
        saveEach(cache, 1, 300);
        QList<qint64> loaded;
        bool done = false;
        cache.loadBefore(kConv, 1000, 500, [&](const QList<Message> &page) {
            loaded = seqsOf(page);
            done = true;
        });
        QTRY_VERIFY(done);
        QCOMPARE(loaded, seqRange(1, 300));
    }

    void writesAfterTheOneInFlightKeepTheirOrder()
    {
        store::ChatStore store;
        QVERIFY(await(store.open(path(QStringLiteral("order.sqlite")), QStringLiteral("alice"))));
        chat::StoreChatCache cache(&store);
        saveEach(cache, 1, 100);
        QCoreApplication::processEvents(); // the first batch goes to the store
        saveEach(cache, 101, 200);         // held while that write is in flight
        // Our message: its outbox entry, then its echo. The entry must reach the
        // store after messages 101..200 and before the echo, or the echo would
        // not find it to remove.
        OutboxEntry entry;
        entry.clientId = QStringLiteral("own-1");
        entry.conversationId = kConv;
        entry.content = QStringLiteral("mine");
        entry.createdAt = QDateTime::currentDateTimeUtc();
        bool durable = false;
        cache.saveOutboxEntry(entry, [&] { durable = true; });
        cache.saveMessages({ message(201, QStringLiteral("alice"), QStringLiteral("own-1")) });
        saveEach(cache, 202, 250);
        QTRY_VERIFY(durable);
        QTRY_COMPARE(await(store.highestSeq(kConv)), 250);
        QVERIFY(await(store.outbox()).isEmpty());
        QCOMPARE(seqsOf(await(store.messagesAfter(kConv, 0, 1000))), seqRange(1, 250));
    }

    // What the live events of one event-loop turn saved (the messages and their
    // conversation's updates) is one transaction: one commit, not one per kind.
    void aTurnsMessagesAndConversationUpdatesAreOneCommit()
    {
        const QString file = path(QStringLiteral("turn.sqlite"));
        store::ChatStore store;
        QVERIFY(await(store.open(file, QStringLiteral("alice"))));
        chat::StoreChatCache cache(&store);
        const int before = walCommits(file);
        for (qint64 s = 1; s <= 5; ++s) {
            cache.saveMessages({ message(s) });
            cache.saveConversations({ conversation(message(s)) });
        }
        QCoreApplication::processEvents();           // the turn ends: the write goes to the store
        QCOMPARE(await(store.highestSeq(kConv)), 5); // queued behind the write
        QCOMPARE(walCommits(file) - before, 1);
        // The conversation's last message is the stored row (not copied as JSON).
        const QList<api::Conversation> conversations = await(store.loadConversations());
        QCOMPARE(conversations.size(), 1);
        QVERIFY(conversations.first().lastMessage);
        QCOMPARE(conversations.first().lastMessage->seq, 5);
        QCOMPARE(conversations.first().lastMessage->content, message(5).content);
        QCOMPARE(conversations.first().participants.size(), 1);
        QCOMPARE(conversations.first().participants.first().lastReadSeq, 5);
    }

    // A lone message waits for nothing: its turn ends, and it is written by itself.
    void aLoneMessageIsWrittenAtTheEndOfItsTurn()
    {
        const QString file = path(QStringLiteral("lone.sqlite"));
        store::ChatStore store;
        QVERIFY(await(store.open(file, QStringLiteral("alice"))));
        chat::StoreChatCache cache(&store);
        const int before = walCommits(file);
        cache.saveMessages({ message(1) });
        QCoreApplication::processEvents();
        QCOMPARE(await(store.highestSeq(kConv)), 1);
        QCOMPARE(walCommits(file) - before, 1);
    }

    // A paced flood brings a message a turn: commits are kWriteIntervalMs apart at
    // least (without the interval: about one a message), and nothing is left behind.
    void aTrickleIsWrittenAtMostOncePerInterval()
    {
        const QString file = path(QStringLiteral("trickle.sqlite"));
        store::ChatStore store;
        QVERIFY(await(store.open(file, QStringLiteral("alice"))));
        chat::StoreChatCache cache(&store);
        const int before = walCommits(file);
        QElapsedTimer clock;
        clock.start();
        qint64 seq = 0;
        while (clock.elapsed() < 10 * chat::StoreChatCache::kWriteIntervalMs) {
            cache.saveMessages({ message(++seq) });
            QCoreApplication::processEvents();
            QThread::msleep(1);
        }
        const qint64 elapsed = clock.elapsed();
        QTRY_COMPARE(await(store.highestSeq(kConv)), seq);
        QCOMPARE(seqsOf(await(store.messagesAfter(kConv, 0, 1000))), seqRange(1, seq));
        const int commits = walCommits(file) - before;
        QVERIFY2(seq >= 20, qPrintable(QStringLiteral("only %1 turns").arg(seq)));
        QVERIFY2(
            commits <= elapsed / chat::StoreChatCache::kWriteIntervalMs + 2,
            qPrintable(
                QStringLiteral("%1 commits for %2 messages in %3 ms").arg(commits).arg(seq).arg(elapsed)));
        // After a pause the next message is written when its turn ends again.
        QThread::msleep(2 * chat::StoreChatCache::kWriteIntervalMs);
        QCoreApplication::processEvents(); // the last write's completion
        const int now = walCommits(file);
        cache.saveMessages({ message(++seq) });
        QCoreApplication::processEvents();
        QCOMPARE(await(store.highestSeq(kConv)), seq);
        QCOMPARE(walCommits(file) - now, 1);
    }

    void pendingMessagesAreWrittenWhenTheCacheGoes()
    {
        const QString file = path(QStringLiteral("shutdown.sqlite"));
        {
            store::ChatStore store;
            QVERIFY(await(store.open(file, QStringLiteral("alice"))));
            {
                chat::StoreChatCache cache(&store);
                saveEach(cache, 1, 20);
                QCoreApplication::processEvents();
                saveEach(cache, 21, 40); // in the cache only when it is destroyed
            }
        } // ~ChatStore runs every queued write
        store::ChatStore reopened;
        QVERIFY(await(reopened.open(file, QStringLiteral("alice"))));
        QCOMPARE(seqsOf(await(reopened.messagesAfter(kConv, 0, 1000))), seqRange(1, 40));
    }

    void killDuringAFloodLosesNothingDurable()
    {
        const QString file = path(QStringLiteral("flood-kill.sqlite"));
        QProcess child;
        child.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        child.start(QStringLiteral(RINGCHAT_FLOOD_CHILD), { file });
        QVERIFY(child.waitForStarted());
        // It kills itself the moment the outbox entry is durable, mid-flood.
        QVERIFY(child.waitForFinished(30000));
        QVERIFY(child.readAllStandardOutput().contains("ADDED"));
        QCOMPARE(child.exitStatus(), QProcess::CrashExit);

        store::ChatStore store;
        QVERIFY(await(store.open(file, QStringLiteral("alice"))));
        // The entry was durable when ADDED was printed, and everything saved
        // before it (messages 1..2000) was written before it.
        const auto entries = await(store.outbox());
        QCOMPARE(entries.size(), 1);
        QCOMPARE(entries.first().clientId, QStringLiteral("mid-flood"));
        const qint64 highest = await(store.highestSeq(QStringLiteral("flood")));
        QVERIFY2(highest >= 2000, qPrintable(QString::number(highest)));
        // What was written is a run from 1 without a hole.
        QCOMPARE(seqsOf(await(store.messagesAfter(QStringLiteral("flood"), 0, int(highest) + 10))),
                 seqRange(1, highest));
    }
};

QTEST_GUILESS_MAIN(TestStoreChatCache)
#include "tst_storechatcache.moc"
