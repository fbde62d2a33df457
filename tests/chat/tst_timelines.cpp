// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// Timelines: the held state of the chat service, with no I/O. Ingest and its
// duplicates, gaps, the bound, read markers, unread counts, readers and
// delivery state.
#include "chat/timelines.h"
#include "sampletimeline.h"

#include <QTest>

using namespace ringchat;
using chat::Timelines;
using Source = Timelines::Source;
using namespace sample;

namespace {

api::Participant participant(const QString &id, qint64 lastReadSeq = 0)
{
    api::Participant p;
    p.userId = id;
    p.name = id;
    p.lastReadSeq = lastReadSeq;
    return p;
}

api::Conversation conversation(qint64 lastSeq, qint64 aliceRead, qint64 bobRead, int unread)
{
    api::Conversation c;
    c.id = kConv;
    c.createdAt = kT0;
    c.updatedAt = kT0;
    c.lastSeq = lastSeq;
    c.unreadCount = unread;
    c.participants
        = { participant(QStringLiteral("alice"), aliceRead), participant(QStringLiteral("bob"), bobRead) };
    return c;
}

} // namespace

class TstTimelines : public QObject
{
    Q_OBJECT
private slots:
    void ingestAddsEachMessageOnceAndFindsGaps()
    {
        Timelines t;
        t.setOwnUserId(QStringLiteral("alice"));
        t.upsert(conversation(0, 0, 0, 0));
        auto r = t.ingest(kConv, { message(3), message(1), message(2) }, Source::Server);
        QCOMPARE(seqs(r.added), (QList<qint64> { 1, 2, 3 }));
        QVERIFY(r.conversationChanged);
        QVERIFY(!r.gap);
        // Duplicates, another conversation's message and a pending one (seq 0) are not added.
        api::Message elsewhere = message(4);
        elsewhere.conversationId = QStringLiteral("other");
        r = t.ingest(kConv, { message(2), elsewhere, message(0) }, Source::Live);
        QVERIFY(r.added.isEmpty());
        // A live message past a hole: the fill starts after what was held.
        r = t.ingest(kConv, { message(7) }, Source::Live);
        QVERIFY(r.gap);
        QCOMPARE(r.heldBefore, 3);
        // Contiguous live: no gap; the conversation follows the newest.
        r = t.ingest(kConv, { message(8) }, Source::Live);
        QVERIFY(!r.gap);
        QCOMPARE(t.conversation(kConv)->lastSeq, 8);
        QCOMPARE(t.conversation(kConv)->lastMessage->seq, 8);
        QCOMPARE(t.highestHeldSeq(kConv), 8);
        QCOMPARE(t.lowestHeldSeq(kConv), 1);
        // The first live message of a conversation never loaded is a gap too.
        r = t.ingest(QStringLiteral("fresh"), { [] {
                         auto m = message(5);
                         m.conversationId = QStringLiteral("fresh");
                         return m;
                     }() },
                     Source::Live);
        QVERIFY(r.gap);
        QVERIFY(!r.conversationChanged); // not a known conversation
    }

    void aHeldMessageTakesOnlyANewerCopy()
    {
        Timelines t;
        t.setOwnUserId(QStringLiteral("alice"));
        t.upsert(conversation(0, 0, 0, 0));
        QList<api::Message> held = range(1, 5);
        for (api::Message &m : held)
            m.rev = m.seq;
        t.ingest(kConv, held, Source::Server);
        const int unread = t.conversation(kConv)->unreadCount;

        // A higher rev replaces the held state: changed, not added, not unread.
        api::Message edited = message(3);
        edited.rev = 9;
        edited.content = QStringLiteral("edited");
        api::Message stale = message(4);
        stale.rev = 2;
        stale.content = QStringLiteral("stale");
        auto r = t.ingest(kConv, { edited, stale }, Source::Live);
        QVERIFY(r.added.isEmpty());
        QCOMPARE(seqs(r.changed), QList<qint64> { 3 });
        QVERIFY(!r.gap);
        QCOMPARE(t.message(kConv, 3)->content, QStringLiteral("edited"));
        QCOMPARE(t.message(kConv, 4)->content, QStringLiteral("message 4"));
        QCOMPARE(t.conversation(kConv)->unreadCount, unread);
        QVERIFY(!r.conversationChanged); // not the last message

        // The same rev again: nothing. A v1 copy (rev 0) never replaces a v2 state.
        QVERIFY(t.ingest(kConv, { edited }, Source::Server).changed.isEmpty());
        api::Message v1 = message(3);
        v1.editedAt = kT0.addSecs(9999);
        QVERIFY(t.ingest(kConv, { v1 }, Source::Server).changed.isEmpty());

        // A change of the last message changes the conversation (its preview).
        api::Message deleted = message(5);
        deleted.rev = 10;
        deleted.content.clear();
        deleted.deletedAt = kT0.addSecs(60);
        r = t.ingest(kConv, { deleted, message(6) }, Source::Live);
        QCOMPARE(seqs(r.changed), QList<qint64> { 5 });
        QCOMPARE(seqs(r.added), QList<qint64> { 6 });
        api::Message deleted6 = message(6);
        deleted6.rev = 11;
        deleted6.content.clear();
        deleted6.deletedAt = kT0.addSecs(60);
        r = t.ingest(kConv, { deleted6 }, Source::Live);
        QVERIFY(r.conversationChanged);
        QVERIFY(t.conversation(kConv)->lastMessage->isDeleted());

        // A conversation list with an older copy of the last message keeps the newer one.
        api::Conversation listed = conversation(6, 0, 0, 0);
        listed.lastMessage = message(6);
        listed.lastMessage->rev = 6;
        t.upsert(listed);
        QVERIFY(t.conversation(kConv)->lastMessage->isDeleted());

        // Which changes only the cache can hold: below the newest held and not held.
        QVERIFY(!t.isUnheldChange(kConv, message(3))); // held
        QVERIFY(!t.isUnheldChange(kConv, message(7))); // past the newest: a new message
        Timelines bounded(3);
        bounded.ingest(kConv, range(1, 10), Source::Live);
        QVERIFY(bounded.isUnheldChange(kConv, message(2)));
        QVERIFY(!bounded.isUnheldChange(kConv, message(9)));
        QVERIFY(!bounded.isUnheldChange(QStringLiteral("unknown"), message(2)));
    }

    void ownEchoMergesThePendingRow()
    {
        Timelines t;
        t.setOwnUserId(QStringLiteral("alice"));
        const auto r
            = t.ingest(kConv, { message(1, QStringLiteral("alice")), message(2, QStringLiteral("alice")) },
                       Source::Live, [](const QString &clientId) { return clientId == QLatin1String("c2"); });
        QCOMPARE(seqs(r.inserted), QList<qint64> { 1 });
        QCOMPARE(seqs(r.merged), QList<qint64> { 2 });
    }

    void unreadCountsOthersNewMessagesButNotCacheOrHistory()
    {
        Timelines t;
        t.setOwnUserId(QStringLiteral("alice"));
        t.upsert(conversation(2, 2, 0, 0));
        t.ingest(kConv, range(1, 2), Source::Cache);
        t.ingest(kConv, { message(3), message(4, QStringLiteral("alice")) }, Source::Live);
        QCOMPARE(t.conversation(kConv)->unreadCount, 1); // ours does not count
        t.ingest(kConv, range(5, 6), Source::Cache);
        QCOMPARE(t.conversation(kConv)->unreadCount, 1); // the cache's count is already in
        t.ingest(kConv, range(7, 8), Source::Server);    // gap fill
        QCOMPARE(t.conversation(kConv)->unreadCount, 3);
        // Our marker moves: unread is recomputed, counting what is not held.
        auto moved = t.applyReadMarker(kConv, QStringLiteral("alice"), 7, kT0);
        QVERIFY(moved.moved && moved.own);
        QCOMPARE(t.ownMarker(kConv), 7);
        QCOMPARE(t.conversation(kConv)->unreadCount, 1);
        api::Conversation ahead = conversation(20, 0, 0, 0); // the server knows 12 more
        t.upsert(ahead);
        QCOMPARE(t.ownMarker(kConv), 7); // snapshots never move markers back
        QCOMPARE(t.conversation(kConv)->participant(QStringLiteral("alice"))->lastReadSeq, 7);
        t.applyReadMarker(kConv, QStringLiteral("alice"), 8, kT0);
        QCOMPARE(t.conversation(kConv)->unreadCount, 12);
        // Backwards or unknown: nothing moves.
        QVERIFY(!t.applyReadMarker(kConv, QStringLiteral("alice"), 5, kT0).moved);
        QVERIFY(!t.applyReadMarker(kConv, QStringLiteral("zoe"), 9, kT0).moved);
        QVERIFY(!t.applyReadMarker(QStringLiteral("nope"), QStringLiteral("alice"), 9, kT0).moved);
    }

    void readersAndDeliveryState()
    {
        Timelines t;
        t.setOwnUserId(QStringLiteral("alice"));
        t.upsert(conversation(4, 4, 1, 0));
        t.ingest(kConv,
                 { message(1, QStringLiteral("alice")), message(2), message(3, QStringLiteral("alice")),
                   message(4, QStringLiteral("alice")) },
                 Source::Cache);
        QCOMPARE(t.readers(kConv, 1), QStringList { QStringLiteral("bob") });
        QCOMPARE(t.readers(kConv, 2), QStringList { QStringLiteral("alice") }); // bob's own: not him
        QCOMPARE(t.deliveryState(*t.message(kConv, 1)), api::DeliveryState::Read);
        QCOMPARE(t.deliveryState(*t.message(kConv, 3)), api::DeliveryState::Sent);
        QCOMPARE(t.deliveryState(*t.message(kConv, 2)), api::DeliveryState::Sent); // not ours
        // Bob reads up to 4: our 3 and 4 become read (and only ours in the range).
        const auto moved = t.applyReadMarker(kConv, QStringLiteral("bob"), 4, kT0);
        QVERIFY(moved.moved && !moved.own);
        QCOMPARE(seqs(moved.becameRead), (QList<qint64> { 3, 4 }));
        for (const api::Message &m : moved.becameRead)
            QCOMPARE(m.delivery, api::DeliveryState::Read);
        QCOMPARE(t.messages(kConv).at(2).delivery, api::DeliveryState::Read);
    }

    void boundKeepsTheNewestButNotPagesReadBack()
    {
        Timelines t(10);
        t.ingest(kConv, range(1, 25), Source::Server);
        QCOMPARE(t.lowestHeldSeq(kConv), 16);
        QCOMPARE(t.messages(kConv).size(), 10);
        // History read back on purpose stays.
        t.ingest(kConv, range(6, 15), Source::History);
        QCOMPARE(t.lowestHeldSeq(kConv), 6);
        QCOMPARE(t.messages(kConv).size(), 20);
    }

    void conversationsSortByActivity()
    {
        Timelines t;
        api::Conversation a = conversation(0, 0, 0, 0);
        a.id = QStringLiteral("a");
        api::Conversation b = a;
        b.id = QStringLiteral("b");
        b.updatedAt = kT0.addSecs(60);
        t.upsert(a);
        t.upsert(b);
        t.follow(QStringLiteral("followed")); // followed, not known: not listed
        QCOMPARE(t.conversations().size(), 2);
        QCOMPARE(t.conversations().first().id, QStringLiteral("b"));
        QVERIFY(!t.conversation(QStringLiteral("followed")));
        QVERIFY(t.ids().contains(QStringLiteral("followed")));
        t.clear();
        QVERIFY(t.conversations().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TstTimelines)
#include "tst_timelines.moc"
