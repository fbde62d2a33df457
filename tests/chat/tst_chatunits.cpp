// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The timing helpers of the chat service, on short timers: typing, receipts, presence.
#include "chat/presencetracker.h"
#include "chat/readreceiptbatcher.h"
#include "chat/typingnotifier.h"
#include "chat/typingtracker.h"

#include <QSignalSpy>
#include <QTest>

using namespace ringchat::chat;

class TstChatUnits : public QObject
{
    Q_OBJECT
private slots:
    void typingNotifierStartsRepeatsAndStops()
    {
        QStringList sent;
        TypingNotifier n([&](const QString &e, const QString &c) { sent << e + QLatin1Char(':') + c; },
                         TypingNotifier::Timing { 400, 250 });
        n.keystroke(QStringLiteral("c1"));
        n.keystroke(QStringLiteral("c1"));
        QCOMPARE(sent, QStringList { QStringLiteral("typing_start:c1") });
        // Keep typing past the repeat interval: a second typing_start, no stop.
        QElapsedTimer t;
        t.start();
        while (t.elapsed() < 600) {
            QTest::qWait(50);
            n.keystroke(QStringLiteral("c1"));
        }
        QCOMPARE(sent.count(QStringLiteral("typing_start:c1")), 2);
        QVERIFY(!sent.contains(QStringLiteral("typing_stop:c1")));
        // Idle: one typing_stop.
        QTRY_COMPARE_WITH_TIMEOUT(sent.count(QStringLiteral("typing_stop:c1")), 1, 5000);
        QVERIFY(!n.isTyping(QStringLiteral("c1")));
        // Explicit stop (send / leave) sends typing_stop once; a second stop sends nothing.
        n.keystroke(QStringLiteral("c2"));
        n.stop(QStringLiteral("c2"));
        n.stop(QStringLiteral("c2"));
        QCOMPARE(sent.count(QStringLiteral("typing_stop:c2")), 1);
        QCOMPARE(sent.last(), QStringLiteral("typing_stop:c2"));
    }

    void typingTrackerExpiresSilentTypers()
    {
        TypingTracker t(nullptr, 300);
        QSignalSpy changed(&t, &TypingTracker::typersChanged);
        t.update(QStringLiteral("c"), QStringLiteral("bob"), QStringLiteral("Bob"), true);
        t.update(QStringLiteral("c"), QStringLiteral("carol"), QStringLiteral("Carol"), true);
        QCOMPARE(t.typerIds(QStringLiteral("c")),
                 (QStringList { QStringLiteral("bob"), QStringLiteral("carol") }));
        QCOMPARE(t.typerNames(QStringLiteral("c")),
                 (QStringList { QStringLiteral("Bob"), QStringLiteral("Carol") }));
        t.update(QStringLiteral("c"), QStringLiteral("carol"), QString(), false);
        QCOMPARE(t.typerIds(QStringLiteral("c")), QStringList { QStringLiteral("bob") });
        // Bob never sends isTyping:false: dropped after the expiry.
        QTRY_VERIFY_WITH_TIMEOUT(t.typerIds(QStringLiteral("c")).isEmpty(), 5000);
        QVERIFY(changed.count() >= 4);
    }

    void receiptsAreBatchedAndOnlyMoveForward()
    {
        struct Call
        {
            QString conv;
            qint64 upTo;
            ReadReceiptBatcher::Done done;
        };
        QList<Call> calls;
        ReadReceiptBatcher b(
            [&](const QString &c, qint64 upTo, ReadReceiptBatcher::Done d) {
                calls.append({ c, upTo, d });
            },
            nullptr, 300);
        b.markVisible(QStringLiteral("c"), 5);
        QCOMPARE(calls.size(), 1);
        QCOMPARE(calls[0].upTo, 5);
        calls[0].done(true, 5);
        // A burst within the interval becomes one request for the highest seq.
        b.markVisible(QStringLiteral("c"), 6);
        b.markVisible(QStringLiteral("c"), 9);
        b.markVisible(QStringLiteral("c"), 7);
        QCOMPARE(calls.size(), 1);
        QTRY_COMPARE_WITH_TIMEOUT(calls.size(), 2, 5000);
        QCOMPARE(calls[1].upTo, 9);
        // Lost on a disconnect: kept, sent again by flush().
        calls[1].done(false, 0);
        b.markVisible(QStringLiteral("c"), 3); // backwards: ignored
        QTest::qWait(400);
        QCOMPARE(calls.size(), 2);
        b.flush();
        QCOMPARE(calls.size(), 3);
        QCOMPARE(calls[2].upTo, 9);
        QSignalSpy acked(&b, &ReadReceiptBatcher::markerAcknowledged);
        calls[2].done(true, 9);
        QCOMPARE(acked.count(), 1);
        QCOMPARE(b.knownMarker(QStringLiteral("c")), 9);
        // The server's marker (another device read further) suppresses requests below it.
        b.setKnownMarker(QStringLiteral("c"), 20);
        b.markVisible(QStringLiteral("c"), 15);
        QTest::qWait(400);
        QCOMPARE(calls.size(), 3);
    }

    void presenceDescribesLastSeenAndGoesAway()
    {
        QStringList sent;
        PresenceTracker p([&](const QString &s) { sent << s; }, nullptr, 300);
        const QDateTime now = QDateTime::currentDateTimeUtc();
        p.update(QStringLiteral("bob"), false, QString(), now.addSecs(-5 * 60));
        QCOMPARE(p.describe(QStringLiteral("bob"), now), QStringLiteral("last seen 5 min ago"));
        p.update(QStringLiteral("bob"), true, QStringLiteral("away"), QDateTime());
        QCOMPARE(p.describe(QStringLiteral("bob"), now), QStringLiteral("away"));
        // A participant list only knows "online": a known away stays.
        p.update(QStringLiteral("bob"), true, QString(), QDateTime());
        QCOMPARE(p.describe(QStringLiteral("bob"), now), QStringLiteral("away"));
        p.update(QStringLiteral("bob"), true, QStringLiteral("online"), QDateTime());
        QCOMPARE(p.describe(QStringLiteral("bob"), now), QStringLiteral("online"));
        p.update(QStringLiteral("bob"), false, QString(), now.addSecs(-3 * 3600));
        QCOMPARE(p.describe(QStringLiteral("bob"), now), QStringLiteral("last seen 3 h ago"));
        QCOMPARE(p.describe(QStringLiteral("nobody"), now), QStringLiteral("offline"));

        // No input for the away delay: away; input: online again.
        QCOMPARE(p.ownStatus(), QStringLiteral("online"));
        QTRY_COMPARE_WITH_TIMEOUT(p.ownStatus(), QStringLiteral("away"), 5000);
        QCOMPARE(sent, QStringList { QStringLiteral("away") });
        p.noteUserActivity();
        QCOMPARE(p.ownStatus(), QStringLiteral("online"));
        QCOMPARE(sent, (QStringList { QStringLiteral("away"), QStringLiteral("online") }));
        p.noteUserActivity();
        QCOMPARE(sent.size(), 2);
    }

    void presenceComesFromParticipantsAndIsNeverOurs()
    {
        PresenceTracker p([](const QString &) {});
        p.setOwnUserId(QStringLiteral("alice"));
        const QDateTime seen = QDateTime::currentDateTimeUtc().addSecs(-600);
        ringchat::api::Conversation c;
        c.id = QStringLiteral("dm-alice-bob");
        for (const QString &id : { QStringLiteral("alice"), QStringLiteral("bob") }) {
            ringchat::api::Participant person;
            person.userId = id;
            person.isOnline = true;
            person.lastSeen = seen;
            c.participants.append(person);
        }
        // A cached conversation is too old to say anyone is online; its last-seen holds.
        p.updateFrom(c, false);
        QVERIFY(!p.presence(QStringLiteral("bob")).isOnline);
        QCOMPARE(p.presence(QStringLiteral("bob")).lastSeen, seen);
        p.updateFrom(c, true);
        QVERIFY(p.presence(QStringLiteral("bob")).isOnline);
        // Nothing about us is kept, from either way in; nor for an empty id.
        p.update(QStringLiteral("alice"), true, QStringLiteral("away"), QDateTime());
        p.update(QString(), true, QString(), QDateTime());
        QVERIFY(!p.contains(QStringLiteral("alice")));
        QVERIFY(!p.contains(QString()));
    }
};

QTEST_GUILESS_MAIN(TstChatUnits)
#include "tst_chatunits.moc"
