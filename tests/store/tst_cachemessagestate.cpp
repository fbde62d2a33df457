// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The cache's contract v2 message state on real files: the v3 columns (rev, format,
// tombstone, reactions, reply preview) through every read, the rev rule, the synced
// revs, and a version 2 file reopened by this version.

#include "awaitfuture.h"
#include "seqlists.h"
#include "store/cacheschema.h"
#include "store/chatstore.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace ringchat;
using api::Conversation;
using api::Message;
using api::Reaction;
using api::ReplyPreview;
using ringchat::testing::await;
using ringchat::testing::seqRange;
using ringchat::testing::seqsOf;
using store::ChatStore;

namespace {

const QDateTime kT0 = QDateTime::fromMSecsSinceEpoch(1795000000000, Qt::UTC);
const QString kConv = QStringLiteral("c1");

Message message(qint64 seq, qint64 rev = 0)
{
    Message m;
    m.id = QStringLiteral("m-%1").arg(seq);
    m.conversationId = kConv;
    m.seq = seq;
    m.clientId = QStringLiteral("k-%1").arg(seq);
    m.senderId = QStringLiteral("bob");
    m.senderName = QStringLiteral("Bob");
    m.content = QStringLiteral("message %1").arg(seq);
    m.timestamp = kT0.addSecs(seq);
    m.rev = rev;
    return m;
}

QList<Message> range(qint64 from, qint64 to)
{
    QList<Message> out;
    for (qint64 s = from; s <= to; ++s)
        out.append(message(s, s));
    return out;
}

// Every v2 field set.
Message full(qint64 seq, qint64 rev)
{
    Message m = message(seq, rev);
    m.format = Message::Format::Markdown;
    m.content = QStringLiteral("**bold** ünïcødé 🙂");
    m.editedAt = kT0.addSecs(600);
    m.replyTo = QStringLiteral("m-1");
    m.replyPreview = ReplyPreview { QStringLiteral("m-1"),
                                    1,
                                    QStringLiteral("alice"),
                                    QStringLiteral("Alice"),
                                    QStringLiteral("the \"first\" one"),
                                    false };
    m.reactions = { Reaction { QStringLiteral("👍"), 2, { QStringLiteral("alice"), QStringLiteral("bob") } },
                    Reaction { QStringLiteral("❤️"), 1, { QStringLiteral("carol") } } };
    return m;
}

Message tombstone(Message m, qint64 rev)
{
    m.rev = rev;
    m.content.clear();
    m.deletedAt = kT0.addSecs(900);
    m.reactions.clear();
    m.attachments.clear();
    return m;
}

Conversation conversation(const QString &id)
{
    Conversation c;
    c.id = id;
    c.createdAt = kT0;
    c.updatedAt = kT0;
    return c;
}

Message onlyIn(const QList<Message> &list, qint64 seq)
{
    for (const Message &m : list)
        if (m.seq == seq)
            return m;
    qFatal("seq %lld is not in the list", seq);
    return {};
}

} // namespace

class TestCacheMessageState : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString path(const QString &name) const { return m_dir.filePath(name); }

private Q_SLOTS:
    // Schema v4: a message's attachments through the reads, found by id for a download,
    // gone with the tombstone; a queued send's files through the outbox.
    void attachmentsAndOutboxFilesRoundTrip()
    {
        ChatStore store;
        QVERIFY(await(store.open(path(QStringLiteral("files.sqlite")), QStringLiteral("alice"))));
        QVERIFY(await(store.upsertConversations({ conversation(kConv) })));
        Message withFiles = message(1, 1);
        withFiles.content.clear();
        withFiles.attachments = { { QStringLiteral("f_1"), QStringLiteral("a.png"), 10,
                                    QStringLiteral("image/png"), QString(64, u'a'), 64, 32, true },
                                  { QStringLiteral("f_2"), QStringLiteral("b.txt"), 3,
                                    QStringLiteral("text/plain"), QString(64, u'b'), 0, 0, false } };
        QCOMPARE(await(store.insertMessages({ withFiles, message(2, 2) })).inserted, 2);
        QCOMPARE(onlyIn(await(store.latestMessages(kConv, 10)), 1), withFiles);
        QCOMPARE(await(store.attachment(QStringLiteral("f_2"))), withFiles.attachments.at(1));
        QCOMPARE(await(store.attachment(QStringLiteral("f_3"))), std::nullopt);
        // A tombstone has no files: its attachments are gone from the cache too.
        QCOMPARE(await(store.insertMessages({ tombstone(withFiles, 5) })).updated, 1);
        QVERIFY(onlyIn(await(store.latestMessages(kConv, 10)), 1).attachments.isEmpty());
        QCOMPARE(await(store.attachment(QStringLiteral("f_2"))), std::nullopt);

        store::OutboxEntry e;
        e.clientId = QStringLiteral("send-1");
        e.conversationId = kConv;
        e.createdAt = kT0;
        e.files
            = { { QStringLiteral("/data/send-1/0-a.png"), QStringLiteral("a.png"),
                  QStringLiteral("image/png"), 10, QString(64, u'a'), QStringLiteral("key-1"), QString() } };
        QVERIFY(await(store.addToOutbox(e)));
        QCOMPARE(await(store.outbox()), QList<store::OutboxEntry> { e });
        e.files[0].attachmentId = QStringLiteral("f_9"); // uploaded
        QVERIFY(await(store.updateOutbox(e)));
        QCOMPARE(await(store.outbox()), QList<store::OutboxEntry> { e });
    }

    void v3ColumnsRoundTripThroughEveryRead()
    {
        ChatStore store;
        QVERIFY(await(store.open(path(QStringLiteral("columns.sqlite")), QStringLiteral("alice"))));
        QVERIFY(await(store.upsertConversations({ conversation(kConv) })));
        QList<Message> messages = range(1, 9);
        messages[4] = full(5, 20);
        messages[6] = tombstone(full(7, 21), 22);
        QCOMPARE(await(store.insertMessages(messages)).inserted, 9);

        // The latest page, a page before, a page after, and the conversation's last message.
        for (const QList<Message> &page :
             { await(store.latestMessages(kConv, 20)), await(store.messagesBefore(kConv, 8, 10)),
               await(store.messagesAfter(kConv, 4, 10)) }) {
            QCOMPARE(onlyIn(page, 5), messages[4]);
            QCOMPARE(onlyIn(page, 7), messages[6]);
            QCOMPARE(onlyIn(page, 6), messages[5]); // no JSON: no reactions, no preview
            QVERIFY(!onlyIn(page, 6).replyPreview);
        }
        QCOMPARE(onlyIn(await(store.latestMessages(kConv, 20)), 7).content, QString());
        QVERIFY(onlyIn(await(store.latestMessages(kConv, 20)), 7).isDeleted());

        // The newest stored message is the conversation's last one, changes included.
        const Message last = tombstone(full(9, 23), 30);
        QCOMPARE(await(store.insertMessages({ last })).updated, 1);
        const auto conversations = await(store.loadConversations());
        QCOMPARE(conversations.size(), 1);
        QVERIFY(conversations.first().lastMessage);
        QCOMPARE(*conversations.first().lastMessage, last);
    }

    void aStoredMessageTakesOnlyANewerState()
    {
        ChatStore store;
        QVERIFY(await(store.open(path(QStringLiteral("revs.sqlite")), QStringLiteral("alice"))));
        QCOMPARE(await(store.insertMessages(range(1, 5))).inserted, 5);

        // Higher rev: replaced (an edit, then reactions, then a delete).
        Message edited = message(3, 10);
        edited.content = QStringLiteral("edited");
        edited.editedAt = kT0.addSecs(100);
        Message reacted = edited;
        reacted.rev = 11;
        reacted.reactions = { Reaction { QStringLiteral("🎉"), 1, { QStringLiteral("alice") } } };
        auto r = await(store.insertMessages({ edited, reacted }));
        QCOMPARE(r.inserted, 0);
        QCOMPARE(r.updated, 2);
        QCOMPARE(onlyIn(await(store.latestMessages(kConv, 10)), 3), reacted);

        // Lower or equal rev: kept as it is, even with a later editedAt.
        Message stale = edited;
        stale.content = QStringLiteral("stale");
        stale.editedAt = kT0.addSecs(5000);
        r = await(store.insertMessages({ stale, reacted }));
        QCOMPARE(r.updated, 0);
        QCOMPARE(r.skipped, 2);
        QCOMPARE(onlyIn(await(store.latestMessages(kConv, 10)), 3), reacted);

        // A v1 copy (rev 0) never replaces a v2 state; between v1 copies the later editedAt wins.
        Message v1 = message(3);
        v1.content = QStringLiteral("v1 edit");
        v1.editedAt = kT0.addSecs(9000);
        QCOMPARE(await(store.insertMessages({ v1 })).updated, 0);
        Message v1Row = message(40);
        QCOMPARE(await(store.insertMessages({ v1Row })).inserted, 1);
        Message v1Edit = v1Row;
        v1Edit.content = QStringLiteral("v1 edit");
        v1Edit.editedAt = kT0.addSecs(9000);
        QCOMPARE(await(store.insertMessages({ v1Edit })).updated, 1);
        Message v1Older = v1Row;
        v1Older.content = QStringLiteral("v1 older");
        v1Older.editedAt = kT0.addSecs(8000);
        QCOMPARE(await(store.insertMessages({ v1Older })).updated, 0);
        // ...and a v2 copy replaces a v1 row.
        Message v2 = v1Edit;
        v2.rev = 1;
        v2.content = QStringLiteral("now v2");
        QCOMPARE(await(store.insertMessages({ v2 })).updated, 1);
        QCOMPARE(onlyIn(await(store.latestMessages(kConv, 10)), 40).content, QStringLiteral("now v2"));

        // A tombstone replaces the row in place (seq stays, no content).
        QCOMPARE(await(store.insertMessages({ tombstone(reacted, 12) })).updated, 1);
        const Message dead = onlyIn(await(store.latestMessages(kConv, 10)), 3);
        QVERIFY(dead.isDeleted());
        QCOMPARE(dead.content, QString());
        QVERIFY(dead.reactions.isEmpty());
        QCOMPARE(seqsOf(await(store.messagesBefore(kConv, 6, 10))), seqRange(1, 5));

        // Changes only (updateOnly): a stored row takes them, a missing one is not added.
        store::MessageBatch changes;
        Message changed4 = message(4, 30);
        changed4.content = QStringLiteral("changed");
        changes.append({ changed4, message(20, 31) }, true);
        r = await(store.insertMessages(std::move(changes)));
        QCOMPARE(r.inserted, 0);
        QCOMPARE(r.updated, 1);
        QCOMPARE(r.skipped, 1);
        QCOMPARE(onlyIn(await(store.latestMessages(kConv, 10)), 4).content, QStringLiteral("changed"));
        QCOMPARE(await(store.messagesAfter(kConv, 5, 100)).size(), 1); // only seq 40
    }

    void syncedRevsMoveOnlyForward()
    {
        const QString file = path(QStringLiteral("synced.sqlite"));
        {
            ChatStore store;
            QVERIFY(await(store.open(file, QStringLiteral("alice"))));
            QVERIFY(await(
                store.upsertConversations({ conversation(kConv), conversation(QStringLiteral("c2")) })));
            QVERIFY(await(store.syncedRevs()).isEmpty());
            QVERIFY(await(store.advanceSyncedRev(kConv, 12)));
            QVERIFY(await(store.advanceSyncedRev(kConv, 7))); // never back
            // With a batch: after its rows, in its transaction.
            store::MessageBatch batch;
            batch.append(range(1, 3));
            batch.advanceSyncedRev(QStringLiteral("c2"), 3);
            batch.advanceSyncedRev(QStringLiteral("c2"), 2);
            QVERIFY(!batch.isEmpty());
            QCOMPARE(await(store.insertMessages(std::move(batch))).inserted, 3);
            store::MessageBatch onlyRevs;
            onlyRevs.advanceSyncedRev(kConv, 15);
            QVERIFY(!onlyRevs.isEmpty());
            QVERIFY(await(store.insertMessages(std::move(onlyRevs))).ok);
            // A conversation upsert keeps it.
            QVERIFY(await(store.upsertConversations({ conversation(kConv) })));
        }
        ChatStore reopened;
        QVERIFY(await(reopened.open(file, QStringLiteral("alice"))));
        const QHash<QString, qint64> revs = await(reopened.syncedRevs());
        QCOMPARE(revs.value(kConv), 15);
        QCOMPARE(revs.value(QStringLiteral("c2")), 3);
        QCOMPARE(revs.size(), 2);
        QVERIFY(await(reopened.deleteAll()));
        QVERIFY(await(reopened.syncedRevs()).isEmpty());
    }

    void versionTwoFileReopensWithItsRows()
    {
        // A file as version 2 made it: rows without the v3 columns open as v1 state
        // (rev 0, plain, not deleted, synced rev 0) and take v2 states from then on.
        const QString file = path(QStringLiteral("v2.sqlite"));
        {
            QSqlDatabase raw = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("v2"));
            raw.setDatabaseName(file);
            QVERIFY(raw.open());
            QSqlQuery q(raw);
            for (
                const char *sql :
                { "CREATE TABLE conversations (id TEXT PRIMARY KEY NOT NULL, type INTEGER NOT NULL, title "
                  "TEXT, last_seq INTEGER NOT NULL DEFAULT 0, unread_count INTEGER NOT NULL DEFAULT 0, "
                  "created_at INTEGER, updated_at INTEGER, last_message TEXT)",
                  "CREATE TABLE participants (conversation_id TEXT NOT NULL, user_id TEXT NOT NULL, name "
                  "TEXT NOT NULL, role INTEGER NOT NULL, joined_at INTEGER, last_read_seq INTEGER NOT NULL "
                  "DEFAULT 0, last_read_at INTEGER, is_online INTEGER NOT NULL DEFAULT 0, last_seen INTEGER, "
                  "PRIMARY KEY (conversation_id, user_id)) WITHOUT ROWID",
                  "CREATE INDEX participants_user ON participants(user_id)",
                  "CREATE TABLE messages (conversation_id TEXT NOT NULL, seq INTEGER NOT NULL, id TEXT NOT "
                  "NULL, client_id TEXT, sender_id TEXT NOT NULL, sender_name TEXT NOT NULL, content TEXT "
                  "NOT NULL, type INTEGER NOT NULL, reply_to TEXT, timestamp INTEGER, edited_at INTEGER, "
                  "UNIQUE (conversation_id, seq))",
                  "CREATE UNIQUE INDEX messages_client_id ON messages(client_id, sender_id, conversation_id)",
                  "CREATE TABLE outbox (client_id TEXT PRIMARY KEY NOT NULL, conversation_id TEXT NOT NULL, "
                  "content TEXT NOT NULL, type INTEGER NOT NULL, reply_to TEXT, created_at INTEGER NOT NULL, "
                  "attempts INTEGER NOT NULL DEFAULT 0, state INTEGER NOT NULL DEFAULT 0, last_error TEXT)",
                  "INSERT INTO conversations (id, type) VALUES ('c1', 0)",
                  "INSERT INTO messages VALUES ('c1', 1, 'm-1', 'k-1', 'bob', 'Bob', 'old one', 0, NULL, "
                  "1795000001000, NULL)",
                  "INSERT INTO messages VALUES ('c1', 2, 'm-2', 'k-2', 'bob', 'Bob', 'old two', 0, 'm-1', "
                  "1795000002000, 1795000009000)",
                  "PRAGMA application_id=1380141140", "PRAGMA user_version=2" })
                QVERIFY2(q.exec(QString::fromLatin1(sql)), qPrintable(q.lastError().text()));
            q.finish();
            raw.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("v2"));

        ChatStore store;
        QVERIFY(await(store.open(file, QStringLiteral("alice"))));
        auto held = await(store.latestMessages(kConv, 10));
        QCOMPARE(seqsOf(held), seqRange(1, 2));
        for (const Message &m : held) {
            QCOMPARE(m.rev, 0);
            QCOMPARE(m.format, Message::Format::Plain);
            QVERIFY(!m.isDeleted());
            QVERIFY(m.reactions.isEmpty());
            QVERIFY(!m.replyPreview);
        }
        QCOMPARE(held.at(1).replyTo, QStringLiteral("m-1"));
        QCOMPARE(held.at(1).editedAt, QDateTime::fromMSecsSinceEpoch(1795000009000, Qt::UTC));
        QVERIFY(await(store.syncedRevs()).isEmpty());
        QCOMPARE(await(store.loadConversations()).first().lastMessage->content, QStringLiteral("old two"));

        // The server's v2 copy of an old row replaces it (the rev is higher than 0).
        const Message now = full(2, 4);
        QCOMPARE(await(store.insertMessages({ now })).updated, 1);
        QCOMPARE(await(store.latestMessages(kConv, 10)).at(1), now);
        QVERIFY(await(store.advanceSyncedRev(kConv, 4)));
        QCOMPARE(await(store.syncedRevs()).value(kConv), 4);
    }
};

QTEST_GUILESS_MAIN(TestCacheMessageState)
#include "tst_cachemessagestate.moc"
