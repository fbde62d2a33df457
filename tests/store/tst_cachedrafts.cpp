// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// Drafts in the cache, through ChatStore, on real files: saved, read back, replaced,
// cleared, kept across reopening the file, and the schema step that adds them.

#include "awaitfuture.h"
#include "rawsql.h"
#include "store/chatstore.h"

#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace ringchat;
using ringchat::testing::await;
using ringchat::testing::execRaw;
using store::ChatStore;
using store::Draft;

namespace {

const QDateTime kT0 = QDateTime::fromMSecsSinceEpoch(1795000000000, Qt::UTC);

Draft draft(const QString &conversationId, const QString &text, int second = 0)
{
    Draft d;
    d.conversationId = conversationId;
    d.text = text;
    d.updatedAt = kT0.addSecs(second);
    return d;
}

} // namespace

class TestCacheDrafts : public QObject
{
    Q_OBJECT

private slots:
    void init() { QVERIFY(m_dir.isValid()); }

    void savedReadReplacedAndCleared()
    {
        ChatStore store;
        QVERIFY(await(store.open(m_dir.filePath(QStringLiteral("a.sqlite")), QStringLiteral("alice"))));
        QVERIFY(await(store.drafts()).isEmpty());

        Draft reply = draft(QStringLiteral("c2"), QStringLiteral("Да, зараз гляну.\nSecond line 🚀"), 2);
        reply.replyToId = QStringLiteral("m-7");
        reply.replySenderName = QStringLiteral("Bob");
        reply.replySnippet = QStringLiteral("Can you check the build?");
        QVERIFY(await(store.saveDraft(draft(QStringLiteral("c1"), QStringLiteral("hello"), 1))));
        QVERIFY(await(store.saveDraft(reply)));
        QCOMPARE(await(store.drafts()),
                 (QList<Draft> { draft(QStringLiteral("c1"), QStringLiteral("hello"), 1), reply }));

        // One draft per conversation: a later save replaces it (and orders it last).
        const Draft newer = draft(QStringLiteral("c1"), QStringLiteral("hello again"), 3);
        QVERIFY(await(store.saveDraft(newer)));
        QCOMPARE(await(store.drafts()), (QList<Draft> { reply, newer }));

        // A reply with no text yet is still a draft.
        Draft replyOnly = reply;
        replyOnly.text.clear();
        QVERIFY(await(store.saveDraft(replyOnly)));
        QCOMPARE(await(store.drafts()).constFirst().text, QString());
        QCOMPARE(await(store.drafts()).constFirst().replyToId, QStringLiteral("m-7"));

        // Empty: gone (the message was sent, or the text deleted).
        QVERIFY(await(store.saveDraft(draft(QStringLiteral("c2"), {}))));
        QCOMPARE(await(store.drafts()), QList<Draft> { newer });
        // Clearing what is not there is no error.
        QVERIFY(await(store.saveDraft(draft(QStringLiteral("c9"), {}))));
        // A draft names its conversation.
        QVERIFY(!await(store.saveDraft(draft(QString(), QStringLiteral("x")))));
    }

    void surviveReopeningTheFile()
    {
        const QString file = m_dir.filePath(QStringLiteral("b.sqlite"));
        Draft d = draft(QStringLiteral("c1"), QStringLiteral("unsent **words**"), 5);
        d.replyToId = QStringLiteral("m-1");
        d.replySenderName = QStringLiteral("Carol");
        d.replySnippet = QStringLiteral("Lunch?");
        {
            ChatStore store;
            QVERIFY(await(store.open(file, QStringLiteral("alice"))));
            // Not awaited: the store finishes queued writes before it closes.
            store.saveDraft(d);
            store.saveDraft(draft(QStringLiteral("c2"), QStringLiteral("gone")));
            store.saveDraft(draft(QStringLiteral("c2"), {}));
        }
        ChatStore store;
        QVERIFY(await(store.open(file, QStringLiteral("alice"))));
        QCOMPARE(await(store.drafts()), QList<Draft> { d });
        // Emptying the cache takes the drafts too.
        QVERIFY(await(store.deleteAll()));
        QVERIFY(await(store.drafts()).isEmpty());
    }

    void aVersion3FileGetsTheTableAndKeepsItsData()
    {
        const QString file = m_dir.filePath(QStringLiteral("v3.sqlite"));
        {
            ChatStore store;
            QVERIFY(await(store.open(file, QStringLiteral("alice"))));
            Message m;
            m.id = QStringLiteral("m1");
            m.conversationId = QStringLiteral("c1");
            m.seq = 1;
            m.senderId = QStringLiteral("bob");
            m.senderName = QStringLiteral("Bob");
            m.content = QStringLiteral("kept");
            m.timestamp = kT0;
            QCOMPARE(await(store.insertMessages(QList<Message> { m })).inserted, 1);
        }
        // The file as version 3 left it: without the drafts table (v4), the
        // attachment columns (v5), the search index (v6) and the mention columns (v7).
        execRaw(file,
                testing::kDropSearchIndex + testing::kDropMentionColumns
                    + QStringList { QStringLiteral("DROP TABLE drafts"),
                                    QStringLiteral("ALTER TABLE messages DROP COLUMN attachments"),
                                    QStringLiteral("ALTER TABLE outbox DROP COLUMN files"),
                                    QStringLiteral("PRAGMA user_version=3") });

        ChatStore store;
        QSignalSpy moved(&store, &ChatStore::databaseMovedAside);
        QVERIFY(await(store.open(file, QStringLiteral("alice"))));
        QCOMPARE(moved.size(), 0);
        QCOMPARE(await(store.latestMessages(QStringLiteral("c1"), 10)).constFirst().content,
                 QStringLiteral("kept"));
        QVERIFY(await(store.drafts()).isEmpty());
        QVERIFY(await(store.saveDraft(draft(QStringLiteral("c1"), QStringLiteral("now it keeps drafts")))));
        QCOMPARE(await(store.drafts()).size(), 1);
    }

private:
    using Message = api::Message;
    QTemporaryDir m_dir;
};

QTEST_GUILESS_MAIN(TestCacheDrafts)

#include "tst_cachedrafts.moc"
