// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// Soak: two CLI clients (alice and bob, `send --stdin`) exchange 2000 messages while
// the server is SIGKILLed and restarted three times. At the end both clients'
// histories and the server's database hold the same messages: none missing, none
// duplicated, each sender's in the order written.
#include "clirunner.h"
#include "referenceserver.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

namespace {
const QString kConv = QStringLiteral("dm-alice-bob");
constexpr int kPerClient = 1000;
constexpr int kKills = 3;

QProcessEnvironment serverEnv()
{
    QProcessEnvironment env;
    // Reconnect storms and 2000 messages must not hit the production limits.
    env.insert(QStringLiteral("CONNECT_RATE_LIMIT"), QStringLiteral("100000"));
    env.insert(QStringLiteral("MESSAGE_RATE_BURST"), QStringLiteral("100000"));
    env.insert(QStringLiteral("MESSAGE_RATE_PER_SEC"), QStringLiteral("100000"));
    return env;
}

// "seq|clientId|content" lines, by seq.
QStringList serverRows(const ReferenceServer &server)
{
    return server
        .sql(QStringLiteral("SELECT seq || '|' || clientId || '|' || content FROM messages "
                            "WHERE conversationId = '%1' ORDER BY seq")
                 .arg(kConv))
        .split(QLatin1Char('\n'), Qt::SkipEmptyParts);
}

int serverCount(const ReferenceServer &server)
{
    return server.sql(QStringLiteral("SELECT count(*) FROM messages WHERE conversationId = '%1'").arg(kConv))
        .trimmed()
        .toInt();
}
} // namespace

class TstChatSoak : public QObject
{
    Q_OBJECT
private slots:
    void twoClientsThroughThreeServerKills()
    {
        ReferenceServer server(serverEnv());
        QVERIFY(server.start());
        const QString tokens[2]
            = { server.token(QStringLiteral("alice")), server.token(QStringLiteral("bob")) };
        const QString names[2] = { QStringLiteral("alice"), QStringLiteral("bob") };
        QTemporaryDir dirs[2];
        const int seeded = serverCount(server);

        QProcess clients[2];
        for (int c = 0; c < 2; ++c) {
            startCli(clients[c], server.url(), tokens[c], dirs[c].path(),
                     { QStringLiteral("send"), kConv, QStringLiteral("--stdin"), QStringLiteral("--timeout"),
                       QStringLiteral("120") });
            QVERIFY(clients[c].waitForStarted(10000));
        }
        // Feed the lines in chunks so sending overlaps the kills.
        int written[2] = { 0, 0 };
        QTimer feeder;
        feeder.setInterval(100);
        QObject::connect(&feeder, &QTimer::timeout, [&] {
            for (int c = 0; c < 2; ++c) {
                QByteArray chunk;
                for (int i = 0; i < 50 && written[c] < kPerClient; ++i, ++written[c])
                    chunk += QStringLiteral("%1 %2\n").arg(names[c]).arg(written[c]).toUtf8();
                if (!chunk.isEmpty())
                    clients[c].write(chunk);
                else
                    clients[c].closeWriteChannel();
            }
        });
        feeder.start();

        // Kill the server whenever another ~quarter of the messages has been stored.
        for (int k = 1; k <= kKills; ++k) {
            const int target = seeded + k * (2 * kPerClient) / (kKills + 1);
            QTRY_VERIFY_WITH_TIMEOUT(serverCount(server) >= target, 240000);
            server.kill();
            // The kill must land mid-exchange, or the test proves nothing.
            QVERIFY2(serverCount(server) < seeded + 2 * kPerClient, "the clients finished before the kill");
            QVERIFY(clients[0].state() == QProcess::Running || clients[1].state() == QProcess::Running);
            QTest::qWait(500); // the clients notice and start their backoff
            QVERIFY(server.start());
        }
        for (int c = 0; c < 2; ++c) {
            // (waitForFinished is false for a process that already finished.)
            QVERIFY2(clients[c].state() == QProcess::NotRunning || clients[c].waitForFinished(300000),
                     qPrintable(names[c]));
            QCOMPARE(clients[c].exitStatus(), QProcess::NormalExit);
            const QString err = QString::fromUtf8(clients[c].readAllStandardError());
            QVERIFY2(clients[c].exitCode() == 0, qPrintable(err.right(2000)));
        }
        feeder.stop();

        // The server: every line exactly once, each sender's in order.
        const QStringList rows = serverRows(server);
        QCOMPARE(rows.size(), seeded + 2 * kPerClient);
        QSet<QString> clientIds;
        int next[2] = { 0, 0 };
        for (int i = 0; i < rows.size(); ++i) {
            const QStringList f = rows.at(i).split(QLatin1Char('|'));
            QCOMPARE(f.at(0).toInt(), i + 1);
            clientIds.insert(f.at(1));
            for (int c = 0; c < 2; ++c) {
                if (f.at(2).startsWith(names[c] + QLatin1Char(' '))) {
                    QCOMPARE(f.at(2), QStringLiteral("%1 %2").arg(names[c]).arg(next[c]));
                    ++next[c];
                }
            }
        }
        QCOMPARE(clientIds.size(), rows.size());
        QCOMPARE(next[0], kPerClient);
        QCOMPARE(next[1], kPerClient);

        // Each client's history (its cache, completed by the reconnect sync) is the same.
        for (int c = 0; c < 2; ++c) {
            const CliResult h = runCli(
                server.url(), tokens[c], dirs[c].path(),
                { QStringLiteral("history"), kConv, QStringLiteral("--limit"), QStringLiteral("100000") }, {},
                120000);
            QVERIFY2(h.exitCode == 0, qPrintable(h.err.right(2000)));
            QStringList held;
            for (const QString &line : h.lines()) {
                const QJsonObject m = QJsonDocument::fromJson(line.toUtf8()).object();
                held << QStringLiteral("%1|%2|%3")
                            .arg(m.value(QStringLiteral("seq")).toInt())
                            .arg(m.value(QStringLiteral("clientId")).toString(),
                                 m.value(QStringLiteral("content")).toString());
            }
            QCOMPARE(held.size(), rows.size());
            QCOMPARE(held, rows);
        }
    }
};

QTEST_GUILESS_MAIN(TstChatSoak)
#include "tst_chatsoak.moc"
