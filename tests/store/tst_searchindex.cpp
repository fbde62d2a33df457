// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The full-text index of the cache, through ChatStore on real files: each word a prefix,
// case-insensitive, Ukrainian; in step with edits and deletes; filters; one conversation's
// hits in order; and a cache from before the index (schema v5) indexed in the background.

#include "awaitfuture.h"
#include "rawsql.h"
#include "store/cacheschema.h"
#include "store/chatstore.h"
#include "store/searchtext.h"

#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace ringchat;
using api::Message;
using ringchat::testing::await;
using ringchat::testing::execRaw;
using store::ChatStore;
using store::LocalSearchRequest;

namespace {

const QDateTime kT0 = QDateTime::fromMSecsSinceEpoch(1795000000000, Qt::UTC);

Message message(const QString &conversation, qint64 seq, const QString &content,
                const QString &sender = QStringLiteral("bob"))
{
    Message m;
    m.id = QStringLiteral("m-%1-%2").arg(conversation).arg(seq);
    m.conversationId = conversation;
    m.seq = seq;
    m.rev = seq;
    m.senderId = sender;
    m.senderName = sender;
    m.content = content;
    m.timestamp = kT0.addSecs(seq * 60);
    return m;
}

// The ids a search finds, most recently stored first.
QStringList idsFound(ChatStore &store, const QString &query, LocalSearchRequest request = {})
{
    request.terms = store::searchTerms(query);
    QStringList ids;
    for (const Message &m : await(store.searchMessages(request)))
        ids.append(m.id);
    return ids;
}

} // namespace

class TestSearchIndex : public QObject
{
    Q_OBJECT

private slots:
    void init()
    {
        QVERIFY(m_dir.isValid());
        m_file = m_dir.filePath(QStringLiteral("c%1.sqlite").arg(++m_files));
    }

    void eachWordIsACaseInsensitivePrefix()
    {
        ChatStore store;
        QVERIFY(await(store.open(m_file, QStringLiteral("alice"))));
        QCOMPARE(await(store.insertMessages({ message("c1", 1, "Deploying the Release tonight"),
                                              message("c1", 2, "release notes are ready"),
                                              message("c1", 3, "nothing to see") }))
                     .inserted,
                 3);
        QCOMPARE(idsFound(store, "rel"), (QStringList { "m-c1-2", "m-c1-1" }));
        QCOMPARE(idsFound(store, "RELEASE"), (QStringList { "m-c1-2", "m-c1-1" }));
        // Every word is required; each is a prefix of some word.
        QCOMPARE(idsFound(store, "dep rel"), QStringList { "m-c1-1" });
        QCOMPARE(idsFound(store, "release xyz"), QStringList());
        // Inside a word is not a prefix.
        QCOMPARE(idsFound(store, "lease"), QStringList());
        // FTS syntax in the query is only words.
        QCOMPARE(idsFound(store, "\"rel* OR nothing"), QStringList());
        QCOMPARE(idsFound(store, "NOT"), (QStringList { "m-c1-3", "m-c1-2" }));
        QCOMPARE(idsFound(store, "!!!"), QStringList());
    }

    void ukrainianAndLatinDiacritics()
    {
        ChatStore store;
        QVERIFY(await(store.open(m_file, QStringLiteral("alice"))));
        QVERIFY(await(store.insertMessages({ message("c1", 1, QStringLiteral("Привіт, ЇЖАЧОК у ґанку")),
                                             message("c1", 2, QStringLiteral("Його кафе: Café Noël")),
                                             message("c1", 3, QStringLiteral("иго")) }))
                    .ok);
        QCOMPARE(idsFound(store, QStringLiteral("привіт")), QStringList { "m-c1-1" });
        QCOMPARE(idsFound(store, QStringLiteral("їжач")), QStringList { "m-c1-1" });
        QCOMPARE(idsFound(store, QStringLiteral("Ґанок")),
                 QStringList()); // "ґанку" is not a prefix match of "ґанок"
        QCOMPARE(idsFound(store, QStringLiteral("ґан")), QStringList { "m-c1-1" });
        QCOMPARE(idsFound(store, QStringLiteral("йог")), QStringList { "m-c1-2" }); // й is not и
        QCOMPARE(idsFound(store, QStringLiteral("cafe noel")), QStringList { "m-c1-2" });
        QCOMPARE(idsFound(store, QStringLiteral("КАФ")), QStringList { "m-c1-2" });
    }

    void editsAndDeletesStayInStep()
    {
        ChatStore store;
        QVERIFY(await(store.open(m_file, QStringLiteral("alice"))));
        QVERIFY(await(store.insertMessages(
                          { message("c1", 1, "old words here"), message("c1", 2, "doomed text") }))
                    .ok);
        Message edited = message("c1", 1, "fresh wording");
        edited.rev = 10;
        edited.editedAt = kT0.addSecs(3600);
        Message tombstone = message("c1", 2, "");
        tombstone.rev = 11;
        tombstone.deletedAt = kT0.addSecs(3600);
        QCOMPARE(await(store.insertMessages({ edited, tombstone })).updated, 2);
        QCOMPARE(idsFound(store, "old"), QStringList());
        QCOMPARE(idsFound(store, "here"), QStringList());
        QCOMPARE(idsFound(store, "fresh wor"), QStringList { "m-c1-1" });
        QCOMPARE(idsFound(store, "doomed"), QStringList());
        QCOMPARE(idsFound(store, "text"), QStringList());
        // An older copy arriving late changes nothing (the rev rule), in the index too.
        QVERIFY(await(store.insertMessages({ message("c1", 1, "old words here") })).ok);
        QCOMPARE(idsFound(store, "old"), QStringList());
        // Emptying the cache empties the index.
        QVERIFY(await(store.deleteAll()));
        QCOMPARE(idsFound(store, "fresh"), QStringList());
        QVERIFY(await(store.insertMessages({ message("c1", 1, "fresh again") })).ok);
        QCOMPARE(idsFound(store, "fresh"), QStringList { "m-c1-1" });
    }

    void filtersAndLimit()
    {
        ChatStore store;
        QVERIFY(await(store.open(m_file, QStringLiteral("alice"))));
        QList<Message> list;
        for (int seq = 1; seq <= 6; ++seq)
            list.append(message(seq % 2 ? "c1" : "c2", seq, "lunch plans", seq <= 3 ? "bob" : "carol"));
        QVERIFY(await(store.insertMessages(list)).ok);
        LocalSearchRequest r;
        r.conversationIds = QStringList { "c1" };
        QCOMPARE(idsFound(store, "lunch", r), (QStringList { "m-c1-5", "m-c1-3", "m-c1-1" }));
        r = {};
        r.senderIds = QStringList { "carol" };
        QCOMPARE(idsFound(store, "lunch", r), (QStringList { "m-c2-6", "m-c1-5", "m-c2-4" }));
        r = {};
        r.before = kT0.addSecs(3 * 60);    // seq 1, 2
        r.notBefore = kT0.addSecs(2 * 60); // seq 2 on
        QCOMPARE(idsFound(store, "lunch", r), QStringList { "m-c2-2" });
        r = {};
        r.limit = 2;
        QCOMPARE(idsFound(store, "lunch", r), (QStringList { "m-c2-6", "m-c1-5" }));
    }

    void oneConversationsHitsInOrder()
    {
        ChatStore store;
        QVERIFY(await(store.open(m_file, QStringLiteral("alice"))));
        // Stored out of order (an older page came later): the hits still go by seq.
        QVERIFY(
            await(store.insertMessages({ message("c1", 5, "bug five"), message("c2", 1, "bug elsewhere") }))
                .ok);
        QVERIFY(await(store.insertMessages({ message("c1", 1, "bug one"), message("c1", 2, "no"),
                                             message("c1", 3, "Bugs three") }))
                    .ok);
        const auto hits = await(store.searchConversation("c1", store::searchTerms(u"bug")));
        QCOMPARE(hits.size(), 3);
        QCOMPARE(hits.at(0).seq, 1);
        QCOMPARE(hits.at(1).seq, 3);
        QCOMPARE(hits.at(2).messageId, QStringLiteral("m-c1-5"));
    }

    // A trickle (a message a write) is indexed in batches, not a write at a time; a search
    // indexes what waits first, so a message is found right after its write, also when
    // edited or deleted while it waited.
    void aTrickleIsIndexedInBatchesAndFoundAtOnce()
    {
        ChatStore store;
        QVERIFY(await(store.open(m_file, QStringLiteral("alice"))));
        for (int seq = 1; seq <= 5; ++seq)
            QVERIFY(await(store.insertMessages({ message("c1", seq, QStringLiteral("trickle %1").arg(seq)) }))
                        .ok);
        Message edited = message("c1", 4, "rewritten");
        edited.rev = 20;
        Message gone = message("c1", 5, QString());
        gone.rev = 21;
        gone.deletedAt = kT0;
        QVERIFY(await(store.insertMessages({ edited, gone })).ok);
        QCOMPARE(indexedUpTo(), 0); // nothing indexed yet: five rows wait
        QCOMPARE(idsFound(store, "trick"), (QStringList { "m-c1-3", "m-c1-2", "m-c1-1" }));
        QCOMPARE(idsFound(store, "rewr"), QStringList { "m-c1-4" });
        QCOMPARE(indexedUpTo(), 5); // the search indexed them
        QVERIFY(await(store.insertMessages({ message("c1", 6, "trickle six") })).ok);
        QCOMPARE(await(store.searchConversation("c1", store::searchTerms(u"six"))).size(), 1);
        // A batch of more than 256 waiting rows is indexed with its write.
        QList<Message> many;
        for (int seq = 7; seq <= 300; ++seq)
            many.append(message("c1", seq, QStringLiteral("bulk")));
        QVERIFY(await(store.insertMessages(many)).ok);
        QCOMPARE(indexedUpTo(), 300);
    }

    void aVersion5CacheIsIndexedInTheBackgroundWithProgress()
    {
        const int count = 2 * ChatStore::kSearchIndexChunk + 123;
        {
            ChatStore store;
            QVERIFY(await(store.open(m_file, QStringLiteral("alice"))));
            QList<Message> list;
            for (int seq = 1; seq <= count; ++seq)
                list.append(message("c1", seq,
                                    seq % 100 ? QStringLiteral("filler %1").arg(seq)
                                              : QStringLiteral("needle %1").arg(seq)));
            QCOMPARE(await(store.insertMessages(list)).inserted, count);
        }
        // The file as version 5 left it: no index.
        execRaw(m_file,
                testing::kDropSearchIndex + testing::kDropMentionColumns
                    + QStringList { "PRAGMA user_version=5" });

        ChatStore store;
        QSignalSpy progress(&store, &ChatStore::searchIndexProgress);
        QSignalSpy moved(&store, &ChatStore::databaseMovedAside);
        QVERIFY(await(store.open(m_file, QStringLiteral("alice"))));
        QCOMPARE(moved.size(), 0);
        // Work queued right after open() runs before the build has finished: the store
        // answers meanwhile and says the index is not complete.
        const store::SearchIndexProgress early = await(store.searchIndexState());
        QCOMPARE(early.total, count);
        QVERIFY(!early.complete());
        // A message stored and edited during the build is found by its new words only.
        QVERIFY(await(store.insertMessages({ message("c1", count + 1, "needle newcomer") })).ok);
        Message oldEdited = message("c1", 7, "needle edited");
        oldEdited.rev = count + 10;
        oldEdited.editedAt = kT0;
        QVERIFY(await(store.insertMessages({ oldEdited })).ok);

        QTRY_VERIFY_WITH_TIMEOUT(!progress.isEmpty() && progress.last().at(0).toLongLong() == count, 30000);
        QCOMPARE(progress.size(), 3); // one signal a chunk
        QCOMPARE(progress.at(0).at(0).toLongLong(), ChatStore::kSearchIndexChunk);
        for (const auto &args : progress)
            QCOMPARE(args.at(1).toLongLong(), count);
        QVERIFY(await(store.searchIndexState()).complete());

        LocalSearchRequest all;
        all.limit = 1000;
        const QStringList needles = idsFound(store, "needle", all);
        QCOMPARE(needles.size(), count / 100 + 2);
        QVERIFY(needles.contains(QStringLiteral("m-c1-%1").arg(count + 1)));
        QVERIFY(needles.contains(QStringLiteral("m-c1-7")));
        const QStringList fillers = idsFound(store, "filler 7", all); // 70, 700, 7000 ... still
        QVERIFY(!fillers.isEmpty());
        QVERIFY(!fillers.contains(QStringLiteral("m-c1-7"))); // edited away
        QCOMPARE(idsFound(store, QStringLiteral("filler %1").arg(count - 1)),
                 QStringList { QStringLiteral("m-c1-%1").arg(count - 1) });

        // Reopened, there is nothing left to build.
        ChatStore again;
        QSignalSpy againProgress(&again, &ChatStore::searchIndexProgress);
        store.close().waitForFinished();
        QVERIFY(await(again.open(m_file, QStringLiteral("alice"))));
        QVERIFY(await(again.searchIndexState()).complete());
        QCoreApplication::processEvents();
        QCOMPARE(againProgress.size(), 0);
        QCOMPARE(idsFound(again, "needle", all).size(), count / 100 + 2);
    }

    // The first page comes from the newest rows read directly and the rest from the
    // index (SearchIndex::find): hits on both sides of that line, all of them, in order.
    void hitsBeyondTheNewestRowsComeFromTheIndex()
    {
        ChatStore store;
        QVERIFY(await(store.open(m_file, QStringLiteral("alice"))));
        const int count = 5000; // more than the rows read directly
        QList<Message> list;
        QStringList expected;
        for (int seq = 1; seq <= count; ++seq) {
            const bool hit = seq % 97 == 0;
            list.append(
                message("c1", seq, hit ? QStringLiteral("Деплой %1").arg(seq) : QStringLiteral("filler")));
            if (hit)
                expected.prepend(QStringLiteral("m-c1-%1").arg(seq));
        }
        QVERIFY(await(store.insertMessages(list)).ok);
        LocalSearchRequest all;
        all.limit = 1000;
        QCOMPARE(idsFound(store, "деп", all), expected);
        LocalSearchRequest page;
        page.limit = 40; // more than the newest rows hold
        QCOMPARE(idsFound(store, "ДЕПЛ", page), expected.mid(0, 40));
        // A deleted message is not found on either side.
        Message gone = message("c1", 97, QString());
        gone.rev = count + 1;
        gone.deletedAt = kT0;
        Message goneNew = message("c1", 97 * 51, QString());
        goneNew.rev = count + 2;
        goneNew.deletedAt = kT0;
        QVERIFY(await(store.insertMessages({ gone, goneNew })).ok);
        expected.removeAll(QStringLiteral("m-c1-97"));
        expected.removeAll(QStringLiteral("m-c1-%1").arg(97 * 51));
        QCOMPARE(idsFound(store, "деплой", all), expected);
    }

    // A cache whose index v6 built (with prefix indexes) gets the v8 index, built again in
    // the background: until then the rows it held are not in the new index.
    void aVersion7IndexIsBuiltAgain()
    {
        const int count = ChatStore::kSearchIndexChunk + 3000;
        {
            ChatStore store;
            QVERIFY(await(store.open(m_file, QStringLiteral("alice"))));
            QList<Message> list;
            for (int seq = 1; seq <= count; ++seq)
                list.append(
                    message("c1", seq, seq % 100 ? QStringLiteral("filler") : QStringLiteral("needle")));
            QCOMPARE(await(store.insertMessages(list)).inserted, count);
        }
        // The file as v7 left it: v6's index, every row in it.
        execRaw(m_file,
                { "DROP TABLE message_search",
                  "CREATE VIRTUAL TABLE message_search USING fts5 (content, content = 'messages',"
                  " content_rowid = 'rowid', tokenize = \"unicode61 remove_diacritics 2\", prefix = '1 2')",
                  "INSERT INTO message_search (message_search) VALUES ('rebuild')",
                  "PRAGMA user_version=7" });

        ChatStore store;
        QSignalSpy progress(&store, &ChatStore::searchIndexProgress);
        QVERIFY(await(store.open(m_file, QStringLiteral("alice"))));
        QCOMPARE(await(store.searchIndexState()).total, count);
        QTRY_VERIFY_WITH_TIMEOUT(!progress.isEmpty() && progress.last().at(0).toLongLong() == count, 30000);
        {
            QSqlDatabase raw = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("v8"));
            raw.setDatabaseName(m_file);
            QVERIFY(raw.open());
            QSqlQuery q(raw);
            QVERIFY(q.exec(QStringLiteral("SELECT sql FROM sqlite_master WHERE name = 'message_search'"))
                    && q.next());
            QVERIFY(q.value(0).toString().contains(QLatin1StringView("detail = none")));
            raw.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("v8"));
        LocalSearchRequest all;
        all.limit = 1000;
        QCOMPARE(idsFound(store, "need", all).size(), count / 100);
        QCOMPARE(idsFound(store, "NEEDLE", all).last(), QStringLiteral("m-c1-100"));
    }

private:
    // search_state.indexed_upto of the current file, read with a connection of its own.
    qint64 indexedUpTo() const
    {
        qint64 upto = -1;
        {
            QSqlDatabase raw = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("upto"));
            raw.setDatabaseName(m_file);
            QSqlQuery q(raw);
            if (raw.open() && q.exec(QStringLiteral("SELECT indexed_upto FROM search_state")) && q.next())
                upto = q.value(0).toLongLong();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("upto"));
        return upto;
    }

    QTemporaryDir m_dir;
    QString m_file;
    int m_files = 0;
};

QTEST_GUILESS_MAIN(TestSearchIndex)
#include "tst_searchindex.moc"
