// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The ack bookkeeping of SocketIoClient: each callback runs once, with the answer,
// "timeout" at its own deadline, or the error of a dropped link; never from inside
// the call that fails it; and nothing runs after a callback deletes the owner.
#include "net/pendingacks.h"

#include <QElapsedTimer>
#include <QPointer>
#include <QTest>

using namespace ringchat::net;

class TestPendingAcks : public QObject
{
    Q_OBJECT
private slots:
    void idsCountUp()
    {
        PendingAcks acks;
        QCOMPARE(acks.nextId(), 0);
        QCOMPARE(acks.nextId(), 1);
        QCOMPARE(acks.nextId(), 2);
    }

    void takeHandsOverTheCallbackOnce()
    {
        PendingAcks acks;
        QStringList calls;
        acks.add(
            7, [&](const AckResult &r) { calls << (r.ok() ? QStringLiteral("ok") : r.error); }, 10000);
        QVERIFY(!acks.take(8)); // unknown id
        const AckCallback callback = acks.take(7);
        QVERIFY(callback);
        QVERIFY(!acks.take(7)); // answered already
        QCOMPARE(acks.size(), 0);
        callback(AckResult {});
        QCOMPARE(calls, QStringList { QStringLiteral("ok") });
    }

    void eachExpiresAtItsOwnDeadline()
    {
        PendingAcks acks;
        QStringList calls;
        QElapsedTimer clock;
        clock.start();
        qint64 shortAt = -1;
        acks.add(
            1, [&](const AckResult &r) { calls << QStringLiteral("long:") + r.error; }, 400);
        acks.add(
            2,
            [&](const AckResult &r) {
                shortAt = clock.elapsed();
                calls << QStringLiteral("short:") + r.error;
            },
            50);
        QTRY_COMPARE_WITH_TIMEOUT(calls, QStringList { QStringLiteral("short:timeout") }, 2000);
        QVERIFY2(shortAt >= 50 && shortAt < 350, qPrintable(QString::number(shortAt)));
        QCOMPARE(acks.size(), 1);
        QVERIFY(!acks.take(2)); // expired: a late answer finds nothing
        QTRY_COMPARE_WITH_TIMEOUT(calls.size(), 2, 2000);
        QCOMPARE(calls.at(1), QStringLiteral("long:timeout"));
        QCOMPARE(acks.size(), 0);
    }

    void answeredAckNeverTimesOut()
    {
        PendingAcks acks;
        int calls = 0;
        acks.add(
            1, [&](const AckResult &) { ++calls; }, 30);
        QVERIFY(acks.take(1));
        QTest::qWait(120);
        QCOMPARE(calls, 0);
    }

    void failAllCallsEveryWaiterWithTheError()
    {
        PendingAcks acks;
        QStringList errors;
        for (qint64 id = 0; id < 3; ++id)
            acks.add(
                id, [&](const AckResult &r) { errors << r.error; }, 50);
        acks.failAll(QStringLiteral("disconnected"));
        QCOMPARE(errors, QStringList(3, QStringLiteral("disconnected")));
        QCOMPARE(acks.size(), 0);
        QTest::qWait(120); // and no timeout follows
        QCOMPARE(errors.size(), 3);
    }

    void failLaterWaitsForTheEventLoop()
    {
        PendingAcks acks;
        QString error;
        acks.failLater([&](const AckResult &r) { error = r.error; }, QStringLiteral("too large"));
        QVERIFY(error.isEmpty());
        QTRY_COMPARE(error, QStringLiteral("too large"));
    }

    void aCallbackMayDeleteTheOwner()
    {
        auto *owner = new QObject;
        auto *acks = new PendingAcks(owner);
        int calls = 0;
        acks->add(
            1,
            [&](const AckResult &) {
                ++calls;
                delete owner;
            },
            10000);
        acks->add(
            2, [&](const AckResult &) { ++calls; }, 10000);
        QPointer<PendingAcks> watch(acks);
        acks->failAll(QStringLiteral("disconnected"));
        QVERIFY(!watch);
        QCOMPARE(calls, 1);
    }
};

QTEST_GUILESS_MAIN(TestPendingAcks)
#include "tst_pendingacks.moc"
