// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The reconnect delay sequence: exact numbers for a fixed seed, the cap, and no jitter.
#include "net/backoff.h"

#include <QTest>

using namespace ringchat::net;

class TestBackoff : public QObject
{
    Q_OBJECT
private slots:
    void withoutJitterDoubles()
    {
        Backoff backoff(1000, 5000, 0.0, 1);
        QList<int> delays;
        for (int i = 0; i < 6; ++i)
            delays.append(backoff.nextDelay());
        QCOMPARE(delays, (QList<int> { 1000, 2000, 4000, 5000, 5000, 5000 }));
        QCOMPARE(backoff.attempts(), 6);
        backoff.reset();
        QCOMPARE(backoff.nextDelay(), 1000);
    }

    void fixedSeedIsExact()
    {
        // Checked against an independent Python implementation of mt19937_64 and the
        // socket.io-client formula (cap raised so the jitter shows at every step).
        Backoff backoff(1000, 100000, 0.5, 42);
        QList<int> delays;
        for (int i = 0; i < 8; ++i)
            delays.append(backoff.nextDelay());
        QCOMPARE(delays, (QList<int> { 1377, 1361, 5504, 8545, 23226, 30495, 82386, 100000 }));
        // The same seed gives the same sequence.
        Backoff again(1000, 100000, 0.5, 42);
        for (int expected : std::as_const(delays))
            QCOMPARE(again.nextDelay(), expected);
    }

    void defaultsAreCapped()
    {
        // The project defaults: 1000 ms first delay, 5000 ms cap, factor 0.5.
        Backoff backoff(1000, 5000, 0.5, 42);
        QList<int> delays;
        for (int i = 0; i < 5; ++i)
            delays.append(backoff.nextDelay());
        QCOMPARE(delays, (QList<int> { 1377, 1361, 5000, 5000, 5000 }));
    }

    void jitterStaysInBounds()
    {
        Backoff backoff(1000, 5000, 0.5, 7);
        for (int round = 0; round < 200; ++round) {
            backoff.reset();
            for (int attempt = 0; attempt < 6; ++attempt) {
                const double base = 1000.0 * (1 << attempt);
                const int delay = backoff.nextDelay();
                QVERIFY(delay >= qMin(5000, int(base * 0.5)));
                QVERIFY(delay <= qMin(5000, int(base * 1.5)));
            }
        }
    }

    void manyAttemptsDoNotOverflow()
    {
        Backoff backoff(1000, 5000, 0.5, 3);
        for (int i = 0; i < 1000; ++i) {
            const int delay = backoff.nextDelay();
            QVERIFY(delay >= 0 && delay <= 5000);
        }
    }

    void randomSeedsDiffer()
    {
        // Seed 0 means "random": two generators should not produce the same 10 delays.
        Backoff a(1000, 100000, 0.5, 0);
        Backoff b(1000, 100000, 0.5, 0);
        bool differ = false;
        for (int i = 0; i < 10; ++i)
            differ = differ || a.nextDelay() != b.nextDelay();
        QVERIFY(differ);
    }
};

QTEST_GUILESS_MAIN(TestBackoff)
#include "tst_backoff.moc"
