// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The CLI's actions (and a send) whose answer is lost mid-flight, against the real
// reference server: the CLI is connected and its event is on the wire when the server
// stops answering (SIGSTOP, past the CLI's --timeout), or dies (SIGKILL) before or
// after applying it. Each time the CLI exits 4 with the entry still in its outbox;
// the next run replays it, and the server's database shows it done exactly once.
// A relay between the CLI and the server (websocketrelay.h) stops the one event on
// its way, so the moment of the failure is chosen, not raced.
#include "clirunner.h"
#include "referenceserver.h"
#include "serverstate.h"
#include "websocketrelay.h"

#include <QDirIterator>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

namespace {
const QString kConv = QStringLiteral("dm-alice-bob");
const QString kParty = QStringLiteral("\U0001F389");  // 🎉
const QString kRocket = QStringLiteral("\U0001F680"); // 🚀
const QString kText = QStringLiteral("lost answer");
constexpr int kWait = 30000; // generous: a slow shared 2-core machine

enum class Fault {
    Stalled,          // SIGSTOP with the event in its socket, past the CLI's timeout, then SIGCONT
    KilledUnapplied,  // SIGKILL with the event unread in its socket, then a restart
    KilledAfterApply, // the change made, the answer dropped, SIGKILL, then a restart
};

// The rows of the CLI's outbox, in its cache under `dataDir`.
int outboxEntries(const QString &dataDir)
{
    QDirIterator it(dataDir, { QStringLiteral("*.sqlite") }, QDir::Files, QDirIterator::Subdirectories);
    if (!it.hasNext())
        return -1;
    QProcess sqlite;
    sqlite.start(QStringLiteral("sqlite3"), { it.next(), QStringLiteral("SELECT count(*) FROM outbox") });
    if (!sqlite.waitForFinished(30000) || sqlite.exitCode() != 0)
        return -1;
    return sqlite.readAllStandardOutput().trimmed().toInt();
}
// Waits for a CLI started with startCli() while the event loop runs (the relay lives
// in this process), and collects what it said.
CliResult waitForCli(QProcess &cli)
{
    CliResult r;
    if (!QTest::qWaitFor([&] { return cli.state() == QProcess::NotRunning; }, kWait)) {
        cli.kill();
        cli.waitForFinished(5000);
        r.err = QStringLiteral("(did not finish; killed) ");
    } else {
        r.exitCode = cli.exitStatus() == QProcess::NormalExit ? cli.exitCode() : -1;
    }
    r.out = QString::fromUtf8(cli.readAllStandardOutput());
    r.err += QString::fromUtf8(cli.readAllStandardError());
    return r;
}
} // namespace

Q_DECLARE_METATYPE(Fault)

class TstLostAnswers : public QObject
{
    Q_OBJECT
private slots:
    void replayedOnceAfterALostAnswer_data()
    {
        QTest::addColumn<QString>("command");
        QTest::addColumn<QByteArray>("event");
        QTest::addColumn<Fault>("fault");
        const struct
        {
            const char *command, *event;
        } actions[] = { { "edit", "\"edit_message\"" },
                        { "delete", "\"delete_message\"" },
                        { "react", "\"set_reaction\"" },
                        { "send", "\"send_message\"" } };
        const struct
        {
            const char *name;
            Fault fault;
        } faults[] = { { "stalled", Fault::Stalled },
                       { "killed before applying", Fault::KilledUnapplied },
                       { "killed after applying", Fault::KilledAfterApply } };
        for (const auto &a : actions)
            for (const auto &f : faults)
                QTest::addRow("%s, %s", a.command, f.name)
                    << QString::fromLatin1(a.command) << QByteArray(a.event) << f.fault;
    }

    void replayedOnceAfterALostAnswer()
    {
        QFETCH(QString, command);
        QFETCH(QByteArray, event);
        QFETCH(Fault, fault);
        ReferenceServer server(actionServerEnv());
        QVERIFY(server.start());
        WebSocketRelay relay(quint16(server.port()));
        QVERIFY(relay.isListening());
        const QString token = server.token(QStringLiteral("alice"));
        QTemporaryDir dir;
        const QString first = messageId(server, 1, kConv), second = messageId(server, 2, kConv),
                      third = messageId(server, 3, kConv);
        const qint64 revBefore = serverRev(server, kConv);
        QStringList args { QStringLiteral("--timeout"), QStringLiteral("4"), command, kConv };
        if (command == QLatin1String("edit"))
            args << third << kText;
        else if (command == QLatin1String("delete"))
            args << first;
        else if (command == QLatin1String("react"))
            args << second << kParty;
        else
            args << kText;

        // The CLI connects through the relay, which stops its event on the way.
        relay.holdFrameContaining(event);
        QProcess cli;
        startCli(cli, relay.url(), token, dir.path(), args);
        QVERIFY(cli.waitForStarted(10000));
        QTRY_VERIFY_WITH_TIMEOUT(relay.holding(), kWait);
        switch (fault) {
        case Fault::Stalled:
        case Fault::KilledUnapplied:
            server.pause();
            relay.release(); // into the socket of a server that reads nothing
            break;
        case Fault::KilledAfterApply:
            relay.dropReplies();
            relay.release();
            QTRY_COMPARE_WITH_TIMEOUT(serverRev(server, kConv), revBefore + 1, kWait);
            server.kill();
            break;
        }
        if (fault == Fault::KilledUnapplied)
            server.kill();
        CliResult r = waitForCli(cli);
        QCOMPARE(r.exitCode, 4);
        QVERIFY2(r.err.contains(QStringLiteral("stays queued")), qPrintable(r.err));
        QCOMPARE(r.out, QString());
        QCOMPARE(outboxEntries(dir.path()), 1);

        // The server comes back (on the same database); the next run replays the entry
        // before its own reaction.
        if (fault == Fault::Stalled)
            server.resume();
        else
            QVERIFY(server.start());
        relay.passReplies();
        QProcess next;
        startCli(next, relay.url(), token, dir.path(), { QStringLiteral("react"), kConv, second, kRocket });
        r = waitForCli(next);
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QCOMPARE(r.lines().size(), 1); // only its own result
        QCOMPARE(outboxEntries(dir.path()), 0);

        const QStringList rows = serverRows(server, kConv);
        QCOMPARE(serverRev(server, kConv), revBefore + 2); // the lost one and the reaction, once each
        QCOMPARE(rows.at(1).count(kRocket), 1);
        if (command == QLatin1String("edit")) {
            QCOMPARE(rows.at(2), QStringLiteral("3|%1|plain|0|[]").arg(kText));
        } else if (command == QLatin1String("delete")) {
            QCOMPARE(rows.at(0), QStringLiteral("1||plain|1|[]"));
        } else if (command == QLatin1String("react")) {
            QCOMPARE(rows.at(1).count(kParty), 1);
        } else {
            QCOMPARE(rows.size(), 4);
            QCOMPARE(rows.at(3), QStringLiteral("4|%1|plain|0|[]").arg(kText));
        }
    }
};

QTEST_GUILESS_MAIN(TstLostAnswers)
#include "tst_lostanswers.moc"
