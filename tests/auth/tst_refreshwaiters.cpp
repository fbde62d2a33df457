// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// One refresh request for everyone who asks while it is out; each waiter hears
// its result once, and one that asks again from its callback starts a new round.
#include "auth/refreshwaiters.h"

#include <QTest>

using namespace ringchat::auth;

class TestRefreshWaiters : public QObject
{
    Q_OBJECT
private slots:
    void onlyTheFirstWaiterStartsARequest()
    {
        RefreshWaiters waiters;
        QStringList heard;
        const auto note = [&](const QString &who) {
            return [&heard, who](bool ok, const QString &error) {
                heard << who + (ok ? QStringLiteral(":ok") : QStringLiteral(":") + error);
            };
        };
        QVERIFY(waiters.add(note("a")));
        QVERIFY(!waiters.add(note("b")));
        QVERIFY(!waiters.add({})); // an empty callback is allowed and skipped
        waiters.finish(false, QStringLiteral("offline"));
        QCOMPARE(heard, (QStringList { "a:offline", "b:offline" }));
        waiters.finish(true, {}); // nobody waits any more
        QCOMPARE(heard.size(), 2);
        QVERIFY(waiters.add(note("c"))); // a new round
        waiters.finish(true, {});
        QCOMPARE(heard.last(), QStringLiteral("c:ok"));
    }

    void askingAgainFromACallbackStartsANewRound()
    {
        RefreshWaiters waiters;
        bool startedAgain = false;
        int secondRound = 0;
        waiters.add([&](bool, const QString &) {
            startedAgain = waiters.add([&](bool ok, const QString &) { secondRound += ok ? 1 : 100; });
        });
        waiters.finish(false, QStringLiteral("expired"));
        QVERIFY(startedAgain);
        QCOMPARE(secondRound, 0); // not answered by the round that just ended
        waiters.finish(true, {});
        QCOMPARE(secondRound, 1);
    }
};

QTEST_GUILESS_MAIN(TestRefreshWaiters)
#include "tst_refreshwaiters.moc"
