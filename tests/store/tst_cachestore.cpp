// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The SQLite cache and outbox, through ChatStore, on real files.

#include "awaitfuture.h"
#include "seqlists.h"
#include "store/cachedatabase.h"
#include "store/cacheschema.h"
#include "store/chatstore.h"
#include "store/messagebatch.h"

#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QSet>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

using namespace ringchat;
using api::Conversation;
using api::Message;
using api::Participant;
using ringchat::testing::await;
using ringchat::testing::seqRange;
using ringchat::testing::seqsOf;
using store::ChatStore;
using store::OutboxEntry;

namespace {

const QDateTime kT0 = QDateTime::fromMSecsSinceEpoch(1795000000000, Qt::UTC);

Message message(const QString &conversation, qint64 seq, const QString &sender = QStringLiteral("bob"),
                const QString &clientId = {})
{
    Message m;
    m.id = QStringLiteral("m-%1-%2").arg(conversation).arg(seq);
    m.conversationId = conversation;
    m.seq = seq;
    m.clientId = clientId.isEmpty() ? QStringLiteral("c-%1-%2").arg(conversation).arg(seq) : clientId;
    m.senderId = sender;
    m.senderName = sender == QLatin1StringView("alice") ? QStringLiteral("Alice") : QStringLiteral("Bob");
    m.content = QStringLiteral("message %1").arg(seq);
    m.timestamp = kT0.addSecs(seq);
    return m;
}

QList<Message> range(const QString &conversation, qint64 from, qint64 to)
{
    QList<Message> out;
    for (qint64 s = from; s <= to; ++s)
        out.append(message(conversation, s));
    return out;
}

Conversation conversation(const QString &id)
{
    Conversation c;
    c.id = id;
    c.type = Conversation::Type::Direct;
    c.createdAt = kT0;
    c.updatedAt = kT0.addSecs(60);
    c.lastSeq = 3;
    c.unreadCount = 2;
    Participant a {
        QStringLiteral("alice"), QStringLiteral("Alice"), Participant::Role::Admin, kT0, 3, kT0, true, {}
    };
    Participant b {
        QStringLiteral("bob"), QStringLiteral("Bob"), Participant::Role::Member, kT0, 1, kT0, false,
        kT0.addSecs(5)
    };
    c.participants = { a, b };
    c.lastMessage = message(id, 3);
    return c;
}

} // namespace

class TestCacheStore : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString path(const QString &name) const { return m_dir.filePath(name); }

private Q_SLOTS:
    void databasePathIsPerAccountAndServer()
    {
        const QUrl server(QStringLiteral("https://chat.example.org"));
        const QString a = ChatStore::databasePath(server, QStringLiteral("alice"), m_dir.path());
        QCOMPARE(a,
                 ChatStore::databasePath(QUrl(QStringLiteral("https://chat.example.org/")),
                                         QStringLiteral("alice"), m_dir.path()));
        QVERIFY(a != ChatStore::databasePath(server, QStringLiteral("bob"), m_dir.path()));
        QVERIFY(a
                != ChatStore::databasePath(QUrl(QStringLiteral("https://other.example.org")),
                                           QStringLiteral("alice"), m_dir.path()));
        QVERIFY(a.startsWith(m_dir.path()));
        QVERIFY(a.endsWith(QStringLiteral(".sqlite")));
        QVERIFY(!a.contains(QStringLiteral("alice")));
    }

    void freshDatabaseHasSchemaAndWal()
    {
        ChatStore store;
        QVERIFY(await(store.open(path(QStringLiteral("fresh.sqlite")), QStringLiteral("alice"))));
        await(store.close());
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("inspect"));
        db.setDatabaseName(path(QStringLiteral("fresh.sqlite")));
        QVERIFY(db.open());
        {
            QSqlQuery q(db);
            QVERIFY(q.exec(QStringLiteral("PRAGMA user_version")) && q.next());
            QCOMPARE(q.value(0).toInt(), store::CacheSchema::kVersion);
            QVERIFY(q.exec(QStringLiteral("PRAGMA journal_mode")) && q.next());
            QCOMPARE(q.value(0).toString(), QStringLiteral("wal"));
            QVERIFY(
                q.exec(QStringLiteral("SELECT name FROM sqlite_master WHERE type='table' ORDER BY name")));
            QStringList tables;
            while (q.next())
                tables << q.value(0).toString();
            // message_search (schema v6, v8) and its FTS5 shadow tables; search_* its state.
            QCOMPARE(tables,
                     (QStringList { "conversations", "drafts", "message_search", "message_search_config",
                                    "message_search_data", "message_search_idx", "messages", "outbox",
                                    "participants", "search_backfill", "search_state" }));
        }
        db.close();
        db = QSqlDatabase();
        QSqlDatabase::removeDatabase(QStringLiteral("inspect"));
    }

    void preparedConnectionSpillsOnlyPastEightMiB()
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("spill"));
        db.setDatabaseName(path(QStringLiteral("spill.sqlite")));
        QVERIFY(db.open());
        {
            QString reason;
            QVERIFY2(store::CacheSchema::prepare(db, &reason), qPrintable(reason));
            QSqlQuery q(db);
            QVERIFY(q.exec(QStringLiteral("PRAGMA cache_spill")) && q.next());
            QCOMPARE(q.value(0).toInt(), 2049); // on, past about 8 MiB
        }
        db.close();
        db = QSqlDatabase();
        QSqlDatabase::removeDatabase(QStringLiteral("spill"));
    }

    void continuationRunsOnTheCallersThread()
    {
        ChatStore store;
        QThread *callerThread = nullptr;
        bool result = false;
        store.open(path(QStringLiteral("thread.sqlite")), QStringLiteral("alice")).then(this, [&](bool ok) {
            callerThread = QThread::currentThread();
            result = ok;
        });
        QTRY_VERIFY(callerThread != nullptr);
        QCOMPARE(callerThread, QThread::currentThread());
        QVERIFY(result);
    }

    // Qt 6.4 crashes (the continuation's promise started twice) when a promise finishes on
    // another thread while then(context, ...) attaches to it: B of the latency test died so
    // under a flood. A store future is finished by its caller's event loop instead, so the
    // two never meet; its result is there before, for blocking readers.
    void futuresAreFinishedOnTheCallersThread()
    {
        ChatStore store;
        QFuture<bool> opened = store.open(path(QStringLiteral("finish.sqlite")), QStringLiteral("alice"));
        QTRY_VERIFY_WITH_TIMEOUT(opened.isResultReadyAt(0), 10000); // note: spins the event loop
        QFuture<store::InsertResult> written = store.insertMessages(range(QStringLiteral("c1"), 1, 3));
        QElapsedTimer waited;
        waited.start();
        while (!written.isResultReadyAt(0) && waited.elapsed() < 10000)
            QThread::msleep(5); // no event loop: the worker sets the result ...
        QVERIFY(written.isResultReadyAt(0));
        QVERIFY(!written.isFinished()); // ... and only this thread finishes the future
        QCOMPARE(written.result().inserted, 3);
        // Continuations attached in step with the worker, as StoreChatCache does under a flood.
        int ran = 0;
        std::function<void()> next = [&] {
            store.insertMessages(range(QStringLiteral("c2"), ran + 1, ran + 1))
                .then(this, [&](const store::InsertResult &) {
                    if (++ran < 2000)
                        next();
                });
        };
        next();
        QTRY_COMPARE_WITH_TIMEOUT(ran, 2000, 60000);
        QTRY_VERIFY(written.isFinished());
    }

    void messagesAreIdempotentAndOrdered()
    {
        ChatStore store;
        QVERIFY(await(store.open(path(QStringLiteral("messages.sqlite")), QStringLiteral("alice"))));
        auto r = await(store.insertMessages(range(QStringLiteral("c1"), 1, 30)));
        QVERIFY(r.ok);
        QCOMPARE(r.inserted, 30);
        r = await(store.insertMessages(range(QStringLiteral("c1"), 20, 40)));
        QCOMPARE(r.inserted, 10);
        QCOMPARE(r.skipped, 11);

        // A message is its (conversation, seq): another copy of seq 5 is skipped whatever
        // its clientId (one message per sender and clientId is the server's rule).
        r = await(store.insertMessages({ message(QStringLiteral("c1"), 5, QStringLiteral("bob"),
                                                 QStringLiteral("another-client-id")) }));
        QCOMPARE(r.inserted, 0);
        QCOMPARE(r.skipped, 1);

        // Invalid rows are skipped, not stored.
        Message bad = message(QStringLiteral("c1"), 0);
        Message badConv = message(QStringLiteral("bad id!"), 50);
        r = await(store.insertMessages({ bad, badConv }));
        QCOMPARE(r.inserted, 0);
        QCOMPARE(r.skipped, 2);

        QCOMPARE(seqsOf(await(store.latestMessages(QStringLiteral("c1"), 5))), seqRange(36, 40));
        QCOMPARE(seqsOf(await(store.messagesBefore(QStringLiteral("c1"), 10, 3))), seqRange(7, 9));
        QCOMPARE(seqsOf(await(store.messagesBefore(QStringLiteral("c1"), 3, 10))), seqRange(1, 2));
        QCOMPARE(seqsOf(await(store.messagesAfter(QStringLiteral("c1"), 37, 10))), seqRange(38, 40));
        QCOMPARE(await(store.highestSeq(QStringLiteral("c1"))), 40);
        QCOMPARE(await(store.highestSeq(QStringLiteral("nothing"))), 0);
        // Giving the page cache back loses nothing: reads and writes go on.
        await(store.releaseMemory());
        QCOMPARE(seqsOf(await(store.latestMessages(QStringLiteral("c1"), 5))), seqRange(36, 40));
        QCOMPARE(await(store.insertMessages(range(QStringLiteral("c1"), 41, 42))).inserted, 2);
        QCOMPARE(await(store.highestSeq(QStringLiteral("c1"))), 42);
        await(store.releaseMemory());
        QCOMPARE(seqsOf(await(store.messagesAfter(QStringLiteral("c1"), 37, 10))), seqRange(38, 42));

        // Round trip of every field.
        Message full = message(QStringLiteral("c2"), 1);
        full.type = Message::Type::System;
        full.replyTo = QStringLiteral("m-x");
        full.content = QStringLiteral("ünïcødé 🙂 <b>not markup</b>");
        QVERIFY(await(store.insertMessages({ full })).inserted == 1);
        const auto loaded = await(store.latestMessages(QStringLiteral("c2"), 10));
        QCOMPARE(loaded.size(), 1);
        QCOMPARE(loaded.first(), full);

        // A newer edit replaces the content; an older or equal one does not.
        Message edited = full;
        edited.content = QStringLiteral("edited");
        edited.editedAt = kT0.addSecs(100);
        r = await(store.insertMessages({ edited }));
        QCOMPARE(r.updated, 1);
        Message stale = edited;
        stale.content = QStringLiteral("stale");
        stale.editedAt = kT0.addSecs(50);
        r = await(store.insertMessages({ stale }));
        QCOMPARE(r.updated, 0);
        QCOMPARE(await(store.latestMessages(QStringLiteral("c2"), 1)).first().content,
                 QStringLiteral("edited"));
    }

    void versionOneFileMigratesKeepingItsRows()
    {
        // A file as version 1 made it (its schema as released, a message and a
        // queued send) opens as the current version with its rows.
        const QString file = path(QStringLiteral("v1.sqlite"));
        {
            QSqlDatabase raw = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("v1"));
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
                  "NOT "
                  "NULL, type INTEGER NOT NULL, reply_to TEXT, timestamp INTEGER, edited_at INTEGER, UNIQUE "
                  "(conversation_id, seq))",
                  "CREATE UNIQUE INDEX messages_client_id ON messages(client_id, sender_id, conversation_id)",
                  "CREATE TABLE outbox (client_id TEXT PRIMARY KEY NOT NULL, conversation_id TEXT NOT NULL, "
                  "content TEXT NOT NULL, type INTEGER NOT NULL, reply_to TEXT, created_at INTEGER NOT NULL, "
                  "attempts INTEGER NOT NULL DEFAULT 0, state INTEGER NOT NULL DEFAULT 0, last_error TEXT)",
                  "CREATE TABLE sync_cursors (conversation_id TEXT PRIMARY KEY NOT NULL, contiguous_seq "
                  "INTEGER NOT NULL)",
                  "INSERT INTO messages VALUES ('c1', 1, 'm1', 'k1', 'bob', 'Bob', 'old', 0, NULL, "
                  "1764230400000, NULL)",
                  "INSERT INTO outbox VALUES ('k2', 'c1', 'queued', 0, NULL, 1764230400000, 0, 0, NULL)",
                  "PRAGMA application_id=1380141140", "PRAGMA user_version=1" })
                QVERIFY2(q.exec(QString::fromLatin1(sql)), qPrintable(q.lastError().text()));
            q.finish();
            raw.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("v1"));
        {
            ChatStore store;
            QSignalSpy moved(&store, &ChatStore::databaseMovedAside);
            QVERIFY(await(store.open(file, QStringLiteral("alice"))));
            QCOMPARE(moved.size(), 0);
            const auto held = await(store.latestMessages(QStringLiteral("c1"), 10));
            QCOMPARE(held.size(), 1);
            QCOMPARE(held.first().content, QStringLiteral("old"));
            QCOMPARE(held.first().rev, 0);
            QVERIFY(!held.first().isDeleted());
            const auto queued = await(store.outbox());
            QCOMPARE(queued.size(), 1);
            QCOMPARE(queued.first().kind, store::OutboxEntry::Kind::Send);
            QCOMPARE(queued.first().content, QStringLiteral("queued"));
        }
        QSqlDatabase raw = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("now"));
        raw.setDatabaseName(file);
        QVERIFY(raw.open());
        {
            QSqlQuery q(raw);
            QVERIFY(q.exec(QStringLiteral("PRAGMA user_version")) && q.next());
            QCOMPARE(q.value(0).toInt(), store::CacheSchema::kVersion);
            QVERIFY(q.exec(QStringLiteral("SELECT count(*) FROM sqlite_master WHERE name='sync_cursors'"))
                    && q.next());
            QCOMPARE(q.value(0).toInt(), 0);
            // v9: the clientId index went; the rows stay.
            QVERIFY(
                q.exec(QStringLiteral("SELECT count(*) FROM sqlite_master WHERE name='messages_client_id'"))
                && q.next());
            QCOMPARE(q.value(0).toInt(), 0);
        }
        raw.close();
        raw = QSqlDatabase();
        QSqlDatabase::removeDatabase(QStringLiteral("now"));
    }

    void outboxLifecycleAndEcho()
    {
        ChatStore store;
        QVERIFY(await(store.open(path(QStringLiteral("outbox.sqlite")), QStringLiteral("alice"))));
        OutboxEntry a;
        a.clientId = QStringLiteral("11111111-aaaa");
        a.conversationId = QStringLiteral("c1");
        a.content = QStringLiteral("first");
        a.createdAt = kT0;
        OutboxEntry b = a;
        b.clientId = QStringLiteral("22222222-bbbb");
        b.content = QStringLiteral("second");
        b.createdAt = kT0.addSecs(1);
        OutboxEntry other = a;
        other.clientId = QStringLiteral("33333333-cccc");
        other.conversationId = QStringLiteral("c2");
        other.createdAt = kT0.addSecs(2);
        QVERIFY(await(store.addToOutbox(a)));
        QVERIFY(await(store.addToOutbox(b)));
        QVERIFY(await(store.addToOutbox(other)));
        // Adding the same clientId again keeps one entry, the first one.
        OutboxEntry again = a;
        again.content = QStringLiteral("changed");
        QVERIFY(await(store.addToOutbox(again)));
        QCOMPARE(await(store.outbox()), (QList<OutboxEntry> { a, b, other }));
        QCOMPARE(await(store.outbox(QStringLiteral("c1"))), (QList<OutboxEntry> { a, b }));

        OutboxEntry failedB = b;
        failedB.state = OutboxEntry::State::Failed;
        failedB.attempts = 3;
        failedB.lastError = QStringLiteral("Rejected.");
        QVERIFY(await(store.updateOutbox(failedB)));
        OutboxEntry unknown = failedB;
        unknown.clientId = QStringLiteral("unknown");
        QVERIFY(!await(store.updateOutbox(unknown)));
        const auto listed = await(store.outbox(QStringLiteral("c1")));
        QCOMPARE(listed.at(1).state, OutboxEntry::State::Failed);
        QCOMPARE(listed.at(1).attempts, 3);
        QCOMPARE(listed.at(1).lastError, QStringLiteral("Rejected."));
        QCOMPARE(listed.at(1).toMessage(QStringLiteral("alice"), QStringLiteral("Alice")).delivery,
                 api::DeliveryState::Failed);

        // Someone else's message with our clientId does not confirm our entry.
        auto r = await(
            store.insertMessages({ message(QStringLiteral("c1"), 1, QStringLiteral("bob"), a.clientId) }));
        QCOMPARE(r.inserted, 1);
        QVERIFY(r.confirmedClientIds.isEmpty());
        // Our own echo does, in the same transaction.
        r = await(
            store.insertMessages({ message(QStringLiteral("c1"), 2, QStringLiteral("alice"), a.clientId) }));
        QCOMPARE(r.confirmedClientIds, QStringList { a.clientId });
        QCOMPARE(await(store.outbox(QStringLiteral("c1"))), (QList<OutboxEntry> { listed.at(1) }));

        QVERIFY(await(store.removeFromOutbox(b.clientId)));
        QVERIFY(!await(store.removeFromOutbox(b.clientId)));
        QCOMPARE(await(store.outbox()), (QList<OutboxEntry> { other }));
    }

    void outboxActionsRoundTrip()
    {
        // Every kind with its own fields comes back as it went in, in order; an update
        // rewrites what changes in an entry's life (content, target, state, emitted).
        ChatStore store;
        QVERIFY(await(store.open(path(QStringLiteral("actions.sqlite")), QStringLiteral("alice"))));
        OutboxEntry send;
        send.clientId = QStringLiteral("send-1");
        send.conversationId = QStringLiteral("c1");
        send.content = QStringLiteral("**bold**");
        send.format = Message::Format::Markdown;
        send.replyTo = QStringLiteral("m7");
        send.createdAt = kT0;
        OutboxEntry edit;
        edit.clientId = QStringLiteral("edit-1");
        edit.conversationId = QStringLiteral("c1");
        edit.kind = OutboxEntry::Kind::Edit;
        edit.targetId = send.clientId; // our unsent message, by its clientId
        edit.content = QStringLiteral("better");
        edit.createdAt = kT0.addMSecs(1);
        OutboxEntry del = edit;
        del.clientId = QStringLiteral("delete-1");
        del.kind = OutboxEntry::Kind::Delete;
        del.targetId = QStringLiteral("m3");
        del.content.clear();
        del.createdAt = kT0.addMSecs(2);
        OutboxEntry react = del;
        react.clientId = QStringLiteral("react-1");
        react.kind = OutboxEntry::Kind::React;
        react.emoji = QStringLiteral("\U0001F44D");
        react.reactionOn = false;
        react.createdAt = kT0.addMSecs(3);
        for (const OutboxEntry &e : { send, edit, del, react })
            QVERIFY(await(store.addToOutbox(e)));
        QCOMPARE(await(store.outbox()), (QList<OutboxEntry> { send, edit, del, react }));

        send.content = QStringLiteral("rewritten");
        send.emitted = true;
        edit.targetId = QStringLiteral("m9"); // the send's ack named it
        edit.attempts = 2;
        QVERIFY(await(store.updateOutbox(send)));
        QVERIFY(await(store.updateOutbox(edit)));
        QCOMPARE(await(store.outbox(QStringLiteral("c1"))), (QList<OutboxEntry> { send, edit, del, react }));
        QVERIFY(await(store.removeFromOutbox(del.clientId)));
        QCOMPARE(await(store.outbox()), (QList<OutboxEntry> { send, edit, react }));
    }

    void conversationsRoundTripAndMarkersOnlyMoveForward()
    {
        ChatStore store;
        QVERIFY(await(store.open(path(QStringLiteral("conversations.sqlite")), QStringLiteral("alice"))));
        Conversation c = conversation(QStringLiteral("c1"));
        Conversation g = conversation(QStringLiteral("g1"));
        g.type = Conversation::Type::Group;
        g.title = QStringLiteral("Team");
        g.lastMessage.reset();
        QVERIFY(await(store.upsertConversations({ c, g })));
        auto loaded = await(store.loadConversations());
        std::sort(loaded.begin(), loaded.end(), [](auto &x, auto &y) { return x.id < y.id; });
        QCOMPARE(loaded.size(), 2);
        QCOMPARE(loaded.at(0), c);
        QCOMPARE(loaded.at(1), g);

        // bob reads up to 3, goes online; the unread count changes.
        Conversation newer = c;
        for (Participant &p : newer.participants) {
            if (p.userId == QLatin1StringView("bob")) {
                p.lastReadSeq = 3;
                p.lastReadAt = kT0.addSecs(9);
                p.isOnline = true;
                p.lastSeen = kT0.addSecs(20);
            }
        }
        newer.unreadCount = 7;
        QVERIFY(await(store.upsertConversations({ newer })));
        // A stale conversation snapshot (bob at 1) does not move the marker back.
        Conversation stale = newer;
        for (Participant &p : stale.participants)
            if (p.userId == QLatin1StringView("bob"))
                p.lastReadSeq = 1;
        QVERIFY(await(store.upsertConversations({ stale })));
        loaded = await(store.loadConversations());
        const Conversation *c1 = nullptr;
        for (const auto &x : loaded)
            if (x.id == QLatin1StringView("c1"))
                c1 = &x;
        QVERIFY(c1);
        QCOMPARE(c1->participant(QStringLiteral("bob"))->lastReadSeq, 3);
        QCOMPARE(c1->participant(QStringLiteral("bob"))->lastReadAt, kT0.addSecs(9));
        QCOMPARE(c1->participant(QStringLiteral("bob"))->isOnline, true);
        QCOMPARE(c1->participant(QStringLiteral("bob"))->lastSeen, kT0.addSecs(20));
        QCOMPARE(c1->unreadCount, 7);
    }

    void garbageFileIsMovedAsideAndRebuilt()
    {
        const QString file = path(QStringLiteral("garbage.sqlite"));
        {
            QFile f(file);
            QVERIFY(f.open(QIODevice::WriteOnly));
            QByteArray junk;
            for (int i = 0; i < 4096; ++i)
                junk.append(char((i * 7919) & 0xff));
            f.write(junk);
        }
        ChatStore store;
        QSignalSpy moved(&store, &ChatStore::databaseMovedAside);
        QVERIFY(await(store.open(file, QStringLiteral("alice"))));
        QTRY_COMPARE(moved.size(), 1);
        const QString aside = moved.first().at(0).toString();
        QVERIFY2(aside.startsWith(file + QStringLiteral(".broken-")), qPrintable(aside));
        QVERIFY(QFile::exists(aside));
        QCOMPARE(QFileInfo(aside).size(), 4096);
        QCOMPARE(await(store.insertMessages(range(QStringLiteral("c1"), 1, 3))).inserted, 3);
    }

    void foreignSqliteFileIsMovedAside()
    {
        const QString file = path(QStringLiteral("foreign.sqlite"));
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("foreign"));
            db.setDatabaseName(file);
            QVERIFY(db.open());
            QSqlQuery q(db);
            QVERIFY(q.exec(QStringLiteral("CREATE TABLE messages (x INTEGER, y TEXT)")));
            QVERIFY(q.exec(QStringLiteral("INSERT INTO messages VALUES (1, 'theirs')")));
            q.finish();
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("foreign"));
        ChatStore store;
        QSignalSpy moved(&store, &ChatStore::databaseMovedAside);
        QVERIFY(await(store.open(file, QStringLiteral("alice"))));
        QTRY_COMPARE(moved.size(), 1);
        QVERIFY(moved.first().at(1).toString().contains(QStringLiteral("another program")));
        QCOMPARE(await(store.insertMessages(range(QStringLiteral("c1"), 1, 2))).inserted, 2);
        QCOMPARE(await(store.latestMessages(QStringLiteral("c1"), 10)).size(), 2);
    }

    void newerSchemaIsMovedAside()
    {
        const QString file = path(QStringLiteral("newer.sqlite"));
        {
            store::CacheDatabase db;
            QVERIFY(db.open(file, QStringLiteral("alice")));
            db.close();
            QSqlDatabase raw = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("newer"));
            raw.setDatabaseName(file);
            QVERIFY(raw.open());
            QSqlQuery q(raw);
            QVERIFY(q.exec(QStringLiteral("PRAGMA user_version=99")));
            q.finish();
            raw.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("newer"));
        store::CacheDatabase db;
        QVERIFY(db.open(file, QStringLiteral("alice")));
        QVERIFY(db.movedAsideReason().contains(QStringLiteral("newer")));
    }

    void onlyWhatThisDeviceHoldsIsWrittenAtFull()
    {
        // The synchronous level each write runs at, read by a trigger inside its statement:
        // what only this device holds (outbox, drafts) is FULL (2), what the server holds
        // NORMAL (1): an fsync per commit only where a power cut could lose it for good.
        const QString file = path(QStringLiteral("levels.sqlite"));
        store::CacheDatabase db;
        QVERIFY(db.open(file, QStringLiteral("alice")));
        QSqlDatabase raw; // the store's own connection: the level is per connection
        for (const QString &name : QSqlDatabase::connectionNames()) {
            if (QSqlDatabase::database(name, false).databaseName() == file)
                raw = QSqlDatabase::database(name, false);
        }
        QVERIFY(raw.isOpen());
        QSqlQuery q(raw);
        QVERIFY(q.exec(QStringLiteral("CREATE TEMP TABLE seen (tbl TEXT, level INTEGER)")));
        for (const char *table : { "outbox", "drafts", "messages", "conversations", "participants" }) {
            for (const char *event : { "INSERT", "UPDATE", "DELETE" }) {
                QVERIFY2(q.exec(QStringLiteral("CREATE TEMP TRIGGER seen_%1_%2 AFTER %2 ON main.%1 BEGIN"
                                               " INSERT INTO seen SELECT '%1', synchronous"
                                               " FROM pragma_synchronous; END")
                                    .arg(QLatin1StringView(table), QLatin1StringView(event))),
                         qPrintable(q.lastError().text()));
            }
        }
        const auto levels = [&] {
            QHash<QString, QSet<int>> out;
            QSqlQuery read(raw);
            if (read.exec(QStringLiteral("SELECT tbl, level FROM seen"))) {
                while (read.next())
                    out[read.value(0).toString()].insert(read.value(1).toInt());
            }
            read.exec(QStringLiteral("DELETE FROM seen"));
            return out;
        };
        OutboxEntry entry;
        entry.clientId = QStringLiteral("11111111-aaaa");
        entry.conversationId = QStringLiteral("c1");
        entry.content = QStringLiteral("first");
        entry.createdAt = kT0;
        store::Draft draft;
        draft.conversationId = QStringLiteral("c1");
        draft.text = QStringLiteral("unsent");
        draft.updatedAt = kT0;
        // Server data first (the level the connection opened with), then interleaved, so a
        // level left behind by the write before would show.
        QVERIFY(db.upsertConversations({ conversation(QStringLiteral("c1")) }));
        QVERIFY(db.addToOutbox(entry));
        entry.content = QStringLiteral("edited");
        QVERIFY(db.updateOutbox(entry));
        QVERIFY(db.insertMessages(range(QStringLiteral("c1"), 1, 3)).ok);
        QVERIFY(db.saveDraft(draft));
        QVERIFY(db.removeFromOutbox(entry.clientId));
        QVERIFY(db.write({ conversation(QStringLiteral("c1")) },
                         store::MessageBatch::from(range(QStringLiteral("c1"), 4, 5)))
                    .ok);
        QHash<QString, QSet<int>> seen = levels();
        QCOMPARE(seen.value(QStringLiteral("outbox")), QSet<int> { 2 });
        QCOMPARE(seen.value(QStringLiteral("drafts")), QSet<int> { 2 });
        QCOMPARE(seen.value(QStringLiteral("messages")), QSet<int> { 1 });
        QCOMPARE(seen.value(QStringLiteral("conversations")), QSet<int> { 1 });
        QCOMPARE(seen.value(QStringLiteral("participants")), QSet<int> { 1 });

        // Emptying the cache empties the outbox and drafts: all of it at FULL.
        QVERIFY(db.addToOutbox(entry));
        levels();
        QVERIFY(db.deleteAll());
        seen = levels();
        QVERIFY(seen.contains(QStringLiteral("outbox")));
        for (const QSet<int> &level : std::as_const(seen))
            QCOMPARE(level, QSet<int> { 2 });
        QVERIFY(q.exec(QStringLiteral("PRAGMA synchronous")) && q.next());
        QCOMPARE(q.value(0).toInt(), 1);
    }

    void reopenKeepsData()
    {
        const QString file = path(QStringLiteral("reopen.sqlite"));
        {
            ChatStore store;
            QVERIFY(await(store.open(file, QStringLiteral("alice"))));
            // Not awaited: the destructor lets queued writes finish.
            for (int batch = 0; batch < 20; ++batch)
                store.insertMessages(range(QStringLiteral("c1"), batch * 500 + 1, batch * 500 + 500));
        }
        ChatStore store;
        QSignalSpy moved(&store, &ChatStore::databaseMovedAside);
        QVERIFY(await(store.open(file, QStringLiteral("alice"))));
        QCOMPARE(seqsOf(await(store.messagesAfter(QStringLiteral("c1"), 0, 20000))), seqRange(1, 10000));
        QCOMPARE(moved.size(), 0);
    }

    void unusableDirectoryFailsCleanly()
    {
        const QString notADirectory = path(QStringLiteral("plain-file"));
        QFile f(notADirectory);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.close();
        ChatStore store;
        QVERIFY(!await(store.open(notADirectory + QStringLiteral("/db.sqlite"), QStringLiteral("alice"))));
        QCOMPARE(await(store.insertMessages(range(QStringLiteral("c1"), 1, 1))).ok, false);
        OutboxEntry entry;
        entry.clientId = QStringLiteral("x");
        entry.conversationId = QStringLiteral("c1");
        entry.content = QStringLiteral("t");
        QVERIFY(!await(store.addToOutbox(entry)));
    }

    void deleteAllAndDestroy()
    {
        const QString file = path(QStringLiteral("signout.sqlite"));
        ChatStore store;
        QVERIFY(await(store.open(file, QStringLiteral("alice"))));
        await(store.insertMessages(range(QStringLiteral("c1"), 1, 10)));
        await(store.upsertConversations({ conversation(QStringLiteral("c1")) }));
        QVERIFY(await(store.deleteAll()));
        QCOMPARE(await(store.highestSeq(QStringLiteral("c1"))), 0);
        QCOMPARE(await(store.loadConversations()).size(), 0);
        QVERIFY(QFile::exists(file));
        QVERIFY(await(store.destroyDatabase()));
        QVERIFY(!QFile::exists(file));
        QVERIFY(!QFile::exists(file + QStringLiteral("-wal")));
        // Closed: calls fail instead of crashing.
        QCOMPARE(await(store.insertMessages(range(QStringLiteral("c1"), 1, 1))).ok, false);
        QVERIFY(await(store.outbox()).isEmpty());
    }

    void largeBatchInOneCall()
    {
        ChatStore store;
        QVERIFY(await(store.open(path(QStringLiteral("flood.sqlite")), QStringLiteral("alice"))));
        const auto batch = range(QStringLiteral("flood"), 1, 20000);
        const auto r = await(store.insertMessages(batch));
        QCOMPARE(r.inserted, 20000);
        QCOMPARE(await(store.highestSeq(QStringLiteral("flood"))), 20000);
        QCOMPARE(seqsOf(await(store.latestMessages(QStringLiteral("flood"), 3))), seqRange(19998, 20000));
    }

    void rowsLargerThanABatchChunkRoundTrip()
    {
        ChatStore store;
        QVERIFY(await(store.open(path(QStringLiteral("big-rows.sqlite")), QStringLiteral("alice"))));
        // Texts of every size, NULL and empty fields, around the batch's 64 KiB chunks.
        QList<Message> batch;
        for (qint64 s = 1; s <= 40; ++s) {
            Message m = message(QStringLiteral("big"), s);
            m.content = QString(int(s * 997), QChar(s % 2 ? u'é' : u'\u4e2d'));
            m.replyTo = s % 3 ? QStringLiteral("m-big-%1").arg(s - 1) : QString();
            m.clientId = s % 5 ? m.clientId : QString();
            batch.append(m);
        }
        QCOMPARE(await(store.insertMessages(batch)).inserted, 40);
        QCOMPARE(await(store.messagesAfter(QStringLiteral("big"), 0, 100)), batch);
    }

    void repeatedSendersAreWrittenOnceAChunk()
    {
        // Shared strings (as the decoder makes them) for the conversation, the senders
        // and their names; contents large enough to fill several 64 KiB chunks.
        const QString conv = QString::fromLatin1("rep");
        const QString bob = QString::fromLatin1("bob"), ann = QString::fromLatin1("ann");
        const QString bobName = QString::fromUtf8("Bob Ø"), annName = QString::fromUtf8("Ann Ж");
        QList<Message> batch;
        for (qint64 s = 1; s <= 60; ++s) {
            Message m = message(conv, s, s % 4 == 0 ? ann : bob);
            m.senderName = s % 4 == 0 ? annName : bobName;
            m.content = QString(int(s % 7 == 0 ? 30000 : 50), QLatin1Char('x'));
            batch.append(m);
        }
        const store::MessageBatch written = store::MessageBatch::from(batch);
        QCOMPARE(written.size(), 60);
        int sharedRows = 0;
        for (qsizetype i = 0; i < written.size(); ++i) {
            const store::MessageBatch::Row &row = written.row(i);
            QCOMPARE(written.text(row, store::MessageBatch::ConversationId), conv.toUtf8());
            QCOMPARE(written.text(row, store::MessageBatch::SenderId), batch[i].senderId.toUtf8());
            QCOMPARE(written.text(row, store::MessageBatch::SenderName), batch[i].senderName.toUtf8());
            if (i > 0 && row.chunk == written.row(i - 1).chunk
                && row.offset[store::MessageBatch::ConversationId]
                    == written.row(i - 1).offset[store::MessageBatch::ConversationId])
                ++sharedRows;
        }
        QVERIFY(written.row(59).chunk > 0);
        QVERIFY2(sharedRows > 40, qPrintable(QString::number(sharedRows)));

        ChatStore store;
        QVERIFY(await(store.open(path(QStringLiteral("repeated.sqlite")), QStringLiteral("alice"))));
        QCOMPARE(await(store.insertMessages(batch)).inserted, 60);
        QCOMPARE(await(store.messagesAfter(conv, 0, 100)), batch);
    }

    void outboxEntrySurvivesAKill()
    {
        const QString file = path(QStringLiteral("crash.sqlite"));
        QProcess child;
        child.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        child.start(QStringLiteral(RINGCHAT_OUTBOX_CHILD), { file, QStringLiteral("crash-client-id") });
        QVERIFY(child.waitForStarted());
        // QTRY evaluates its condition more than once: accumulate the output.
        QByteArray output;
        QTRY_VERIFY_WITH_TIMEOUT((output += child.readAllStandardOutput()).contains("ADDED")
                                     || child.state() == QProcess::NotRunning,
                                 20000);
        QCOMPARE(child.state(), QProcess::Running);
        child.kill(); // SIGKILL: no destructor, no checkpoint, no clean close
        QVERIFY(child.waitForFinished());
        QCOMPARE(child.exitStatus(), QProcess::CrashExit);

        ChatStore store;
        QSignalSpy moved(&store, &ChatStore::databaseMovedAside);
        QVERIFY(await(store.open(file, QStringLiteral("alice"))));
        const auto entries = await(store.outbox());
        QCOMPARE(entries.size(), 1);
        QCOMPARE(entries.first().clientId, QStringLiteral("crash-client-id"));
        QCOMPARE(entries.first().content, QStringLiteral("written before the crash"));
        QCOMPARE(moved.size(), 0);
    }
};

QTEST_GUILESS_MAIN(TestCacheStore)
#include "tst_cachestore.moc"
