// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// ringchat-cli against the real server: results on stdout and nothing on stderr, the
// log only with --verbose, refused tokens in words, global options on either side of
// the command, --help, exit codes, the durable outbox of a killed `send`, tail.
#include "clirunner.h"
#include "referenceserver.h"

#include <QDir>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

namespace {
const QString kConv = QStringLiteral("dm-alice-bob");

QJsonObject json(const QString &line)
{
    return QJsonDocument::fromJson(line.toUtf8()).object();
}

// Every line of `out` is a JSON object.
bool onlyJsonLines(const CliResult &r)
{
    for (const QString &line : r.lines())
        if (QJsonDocument::fromJson(line.toUtf8()).isNull())
            return false;
    return true;
}

QProcessEnvironment env(const QString &name, const QString &value)
{
    QProcessEnvironment e;
    e.insert(name, value);
    return e;
}

} // namespace

class TstChatCli : public QObject
{
    Q_OBJECT
    ReferenceServer *m_server = nullptr;
    QString m_alice, m_bob;

private slots:
    void initTestCase()
    {
        m_server = new ReferenceServer(ReferenceServer::relaxedLimits());
        QVERIFY(m_server->start());
        m_alice = m_server->token(QStringLiteral("alice"));
        m_bob = m_server->token(QStringLiteral("bob"));
        QVERIFY(!m_alice.isEmpty() && !m_bob.isEmpty());
    }
    void cleanupTestCase() { delete m_server; }

    void usageErrors()
    {
        QTemporaryDir dir;
        QCOMPARE(runCli(m_server->url(), m_alice, dir.path(), { QStringLiteral("history") }).exitCode, 2);
        QCOMPARE(runCli(m_server->url(), m_alice, dir.path(),
                        { QStringLiteral("history"), kConv, QStringLiteral("--limit"), QStringLiteral("x") })
                     .exitCode,
                 2);
        QCOMPARE(runCli(m_server->url(), m_alice, dir.path(), { QStringLiteral("send"), kConv }).exitCode, 2);
        QCOMPARE(runCli(m_server->url(), m_alice, dir.path(),
                        { QStringLiteral("read"), QStringLiteral("bad id!") })
                     .exitCode,
                 2);
        const CliResult r = runCli(m_server->url(), m_alice, dir.path(),
                                   { QStringLiteral("tail"), QStringLiteral("--bogus") });
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains(QStringLiteral("--bogus")));
    }

    // A token the server refuses is named as refused, with the reason, on every path
    // (REST, the socket, the socket after opening the cache); never "not signed in".
    void refusedTokens_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<bool>("fromEnvironment");
        QTest::addColumn<QString>("command");
        QTest::addColumn<QString>("reason");
        const QString expired = QStringLiteral("it expired at 20");
        const QString invalid = QStringLiteral("it is invalid (not issued by this server");
        const QString malformed = QStringLiteral("it is invalid (not a well-formed access token");
        QTest::newRow("expired --token, conversations") << "expired" << false << "conversations" << expired;
        QTest::newRow("expired RINGCHAT_TOKEN, typing") << "expired" << true << "typing" << expired;
        QTest::newRow("expired --token, send") << "expired" << false << "send" << expired;
        QTest::newRow("expired --token, whoami") << "expired" << false << "whoami" << expired;
        QTest::newRow("forged --token, conversations") << "forged" << false << "conversations" << invalid;
        QTest::newRow("forged RINGCHAT_TOKEN, read") << "forged" << true << "read" << invalid;
        QTest::newRow("not a JWT, typing") << "garbage" << false << "typing" << malformed;
        QTest::newRow("not a JWT, send") << "garbage" << true << "send" << malformed;
    }

    void refusedTokens()
    {
        QFETCH(QString, kind);
        QFETCH(bool, fromEnvironment);
        QFETCH(QString, command);
        QFETCH(QString, reason);
        QString token = QStringLiteral("not-a-jwt");
        if (kind == QLatin1String("expired")) {
            token = m_server->token(QStringLiteral("alice"), { QStringLiteral("--expired") });
        } else if (kind == QLatin1String("forged")) {
            // alice's claims with a signature the server did not make.
            token = m_alice;
            const qsizetype at = token.size() - 10;
            token[at] = token.at(at) == QLatin1Char('A') ? QLatin1Char('B') : QLatin1Char('A');
        }
        QStringList args { command };
        if (command != QLatin1String("conversations") && command != QLatin1String("whoami"))
            args << kConv;
        if (command == QLatin1String("send"))
            args << QStringLiteral("hi");
        QTemporaryDir dir;
        const QStringList server { QStringLiteral("--server"), m_server->url().toString() };
        const CliResult r = fromEnvironment
            ? runCliWith(server + args, dir.path(), env(QStringLiteral("RINGCHAT_TOKEN"), token))
            : runCliWith(server + QStringList { QStringLiteral("--token"), token } + args, dir.path());
        QCOMPARE(r.exitCode, 3);
        const QString from = fromEnvironment ? QStringLiteral("RINGCHAT_TOKEN") : QStringLiteral("--token");
        QVERIFY2(r.err.contains(QStringLiteral("The access token from %1 was refused: %2").arg(from, reason)),
                 qPrintable(r.err));
        QVERIFY2(
            r.err.contains(QStringLiteral("ringchat-cli --server %1 login").arg(m_server->url().toString())),
            qPrintable(r.err));
        QVERIFY2(!r.err.contains(QStringLiteral("Not signed in")), qPrintable(r.err));
        QVERIFY(!r.err.contains(token)); // never print a token
        QVERIFY(r.out.isEmpty());
        QCOMPARE(r.err.count(QLatin1Char('\n')), 1); // one sentence, no log lines
    }

    void noTokenIsNotSignedIn()
    {
        QTemporaryDir dir;
        const CliResult r
            = runCli(m_server->url(), QString(), dir.path(), { QStringLiteral("conversations") });
        QCOMPARE(r.exitCode, 3);
        QVERIFY2(r.err.contains(QStringLiteral("Not signed in to %1. Run: ringchat-cli --server %1 login")
                                    .arg(m_server->url().toString())),
                 qPrintable(r.err));
    }

    // Results on stdout, nothing on stderr: no log lines unless --verbose.
    void quietOnSuccess()
    {
        QTemporaryDir dir;
        const QList<QStringList> commands {
            { QStringLiteral("conversations") },
            { QStringLiteral("history"), QStringLiteral("group-ring"), QStringLiteral("--limit"),
              QStringLiteral("2") },
            { QStringLiteral("send"), kConv, QStringLiteral("quiet please") },
            { QStringLiteral("typing"), kConv },
            { QStringLiteral("read"), kConv },
            { QStringLiteral("whoami"), QStringLiteral("--json") },
        };
        for (const QStringList &command : commands) {
            const CliResult r = runCli(m_server->url(), m_alice, dir.path(), command);
            const QString what = command.join(QLatin1Char(' ')) + QStringLiteral(": ") + r.err;
            QVERIFY2(r.exitCode == 0, qPrintable(what));
            QVERIFY2(r.err.isEmpty(), qPrintable(what));
            QVERIFY2(!r.lines().isEmpty() && onlyJsonLines(r), qPrintable(command.join(' ') + ": " + r.out));
        }
    }

    void verboseShowsTheLog()
    {
        QTemporaryDir dir;
        for (const QStringList &args :
             { QStringList { QStringLiteral("--verbose"), QStringLiteral("typing"), kConv },
               QStringList { QStringLiteral("typing"), kConv, QStringLiteral("--verbose") } }) {
            const CliResult r = runCli(m_server->url(), m_bob, dir.path(), args);
            QCOMPARE(r.exitCode, 0);
            QVERIFY2(r.err.contains(QStringLiteral("ringchat.net: opening \"websocket\" transport")),
                     qPrintable(r.err));
            QCOMPARE(r.lines().size(), 1); // the log stays off stdout
            QVERIFY(onlyJsonLines(r));
        }
    }

    // --server, --token, --data-dir, --timeout, --proxy and --verbose before the
    // command, after it, or mixed, with a value as the next argument or after "=".
    void globalOptionsOnEitherSide()
    {
        QTemporaryDir dir;
        const QString url = m_server->url().toString();
        const QStringList global { QStringLiteral("--server"),   url,
                                   QStringLiteral("--token"),    m_alice,
                                   QStringLiteral("--data-dir"), dir.path(),
                                   QStringLiteral("--timeout"),  QStringLiteral("20"),
                                   QStringLiteral("--proxy"),    QStringLiteral("none") };
        const QStringList history { QStringLiteral("history"), QStringLiteral("group-ring"),
                                    QStringLiteral("--limit"), QStringLiteral("2") };
        const QList<QStringList> lines {
            global + history,
            history + global,
            QStringList { QStringLiteral("--server=") + url, QStringLiteral("--timeout=20") }
                + history.mid(0, 2)
                + QStringList { QStringLiteral("--token"), m_alice,
                                QStringLiteral("--data-dir=") + dir.path() }
                + history.mid(2),
        };
        // The default data dir (RINGCHAT_DATA_DIR) is elsewhere: --data-dir must be used.
        QTemporaryDir elsewhere;
        for (const QStringList &line : lines) {
            const CliResult r = runCliWith(line, elsewhere.path());
            QVERIFY2(r.exitCode == 0, qPrintable(r.err));
            QVERIFY2(r.err.isEmpty(), qPrintable(r.err));
            QCOMPARE(r.lines().size(), 2);
            QCOMPARE(json(r.lines().at(1)).value(QStringLiteral("content")).toString(),
                     QStringLiteral("Hi all."));
        }
        QVERIFY(!QDir(dir.path()).entryList({ QStringLiteral("*.sqlite") }, QDir::Files).isEmpty());
        QVERIFY(QDir(elsewhere.path()).entryList({ QStringLiteral("*.sqlite") }, QDir::Files).isEmpty());

        // An option the CLI does not know is refused before the command, and by the command after
        // it.
        CliResult r = runCliWith({ QStringLiteral("--bogus"), QStringLiteral("conversations") }, dir.path());
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.startsWith(QStringLiteral("ringchat-cli: Unknown option --bogus")), qPrintable(r.err));
        r = runCliWith({ QStringLiteral("--timeout"), QStringLiteral("0"), QStringLiteral("conversations") },
                       dir.path());
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(QStringLiteral("--timeout")), qPrintable(r.err));
        // After "--" a word that looks like an option is the command's: here, the text sent.
        r = runCli(m_server->url(), m_alice, dir.path(),
                   { QStringLiteral("send"), kConv, QStringLiteral("--"), QStringLiteral("--verbose") });
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QCOMPARE(json(r.lines().value(0)).value(QStringLiteral("content")).toString(),
                 QStringLiteral("--verbose"));
        QVERIFY2(r.err.isEmpty(), qPrintable(r.err));
    }

    void helpListsEachExitCodeOnce()
    {
        QTemporaryDir dir;
        const CliResult r = runCliWith({ QStringLiteral("--help") }, dir.path());
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.err.isEmpty());
        QVERIFY2(r.out.startsWith(QStringLiteral("Usage: ringchat-cli [OPTIONS] COMMAND [ARGS...]\n")),
                 qPrintable(r.out));
        QVERIFY(!r.out.contains(QStringLiteral(RINGCHAT_CHAT_CLI))); // not the build path
        QCOMPARE(r.out.count(QStringLiteral("Exit codes")), 1);
        // Each code 0..5 once, as "  N  meaning" lines, and nowhere else as a list.
        const QRegularExpression codeLine(QStringLiteral("^  (\\d)  \\S"),
                                          QRegularExpression::MultilineOption);
        QStringList codes;
        for (auto it = codeLine.globalMatch(r.out); it.hasNext();)
            codes << it.next().captured(1);
        QCOMPARE(codes, (QStringList { "0", "1", "2", "3", "4", "5" }));
        for (const char *option :
             { "--server", "--token", "--data-dir", "--timeout", "--proxy", "--verbose" })
            QVERIFY2(r.out.contains(QStringLiteral("\n  %1").arg(option)), qPrintable(option));
        for (const char *command :
             { "login", "logout", "whoami", "conversations", "history", "send", "tail", "typing", "read" })
            QVERIFY2(r.out.contains(QStringLiteral("\n  %1").arg(command)), qPrintable(command));

        // A usage error says what is wrong and shows the usage line, on stderr.
        const CliResult none = runCliWith({}, dir.path());
        QCOMPARE(none.exitCode, 2);
        QVERIFY(none.out.isEmpty());
        QVERIFY2(none.err.contains(QStringLiteral("No command given.\nUsage: ringchat-cli [OPTIONS]")),
                 qPrintable(none.err));
    }

    void listHistoryTypingRead()
    {
        QTemporaryDir dir;
        CliResult r = runCli(m_server->url(), m_alice, dir.path(), { QStringLiteral("conversations") });
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.lines().size(), 3);
        for (const QString &line : r.lines())
            QVERIFY(json(line).contains(QStringLiteral("participants")));

        r = runCli(m_server->url(), m_alice, dir.path(),
                   { QStringLiteral("history"), QStringLiteral("group-ring"), QStringLiteral("--limit"),
                     QStringLiteral("2") });
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.lines().size(), 2);
        QCOMPARE(json(r.lines().at(0)).value(QStringLiteral("seq")).toInt(), 2);
        QCOMPARE(json(r.lines().at(1)).value(QStringLiteral("content")).toString(),
                 QStringLiteral("Hi all."));

        // bob is not in dm-alice-carol: refused.
        r = runCli(m_server->url(), m_bob, dir.path(),
                   { QStringLiteral("history"), QStringLiteral("dm-alice-carol") });
        QCOMPARE(r.exitCode, 5);
        r = runCli(m_server->url(), m_bob, dir.path(),
                   { QStringLiteral("read"), QStringLiteral("dm-alice-carol") });
        QCOMPARE(r.exitCode, 5);

        r = runCli(m_server->url(), m_bob, dir.path(), { QStringLiteral("typing"), kConv });
        QCOMPARE(r.exitCode, 0);

        r = runCli(m_server->url(), m_bob, dir.path(),
                   { QStringLiteral("read"), QStringLiteral("group-ring"), QStringLiteral("--up-to"),
                     QStringLiteral("3") });
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(json(r.lines().value(0)).value(QStringLiteral("lastReadSeq")).toInt(), 3);
    }

    void tailStreamsEventsAndSendPrintsTheAck()
    {
        QTemporaryDir dirA, dirB;
        QProcess tail;
        startCli(tail, m_server->url(), m_bob, dirB.path(), { QStringLiteral("tail"), kConv });
        QVERIFY(tail.waitForStarted(10000));
        QString tailErr;
        QTRY_VERIFY_WITH_TIMEOUT((tailErr += QString::fromUtf8(tail.readAllStandardError()))
                                     .contains(QStringLiteral("Connected.")),
                                 20000);

        CliResult typing = runCli(m_server->url(), m_alice, dirA.path(), { QStringLiteral("typing"), kConv });
        QCOMPARE(typing.exitCode, 0);
        const CliResult sent
            = runCli(m_server->url(), m_alice, dirA.path(),
                     { QStringLiteral("send"), kConv, QStringLiteral("hello"), QStringLiteral("tail") });
        QCOMPARE(sent.exitCode, 0);
        QCOMPARE(sent.lines().size(), 1);
        const QJsonObject ack = json(sent.lines().first());
        QCOMPARE(ack.value(QStringLiteral("content")).toString(), QStringLiteral("hello tail"));
        QVERIFY(ack.value(QStringLiteral("seq")).toInt() > 3);

        QString out;
        QTRY_VERIFY_WITH_TIMEOUT(
            (out += QString::fromUtf8(tail.readAllStandardOutput())).contains(QStringLiteral("hello tail")),
            20000);
        QVERIFY(out.contains(QStringLiteral("\"event\":\"user_typing\"")));
        int received = 0;
        for (const QString &line : out.split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
            const QJsonObject o = json(line);
            QVERIFY2(o.contains(QStringLiteral("event")) && o.contains(QStringLiteral("data")),
                     qPrintable(line));
            if (o.value(QStringLiteral("event")) == QLatin1String("message_received")
                && o.value(QStringLiteral("data")).toObject().value(QStringLiteral("content"))
                    == QLatin1String("hello tail"))
                ++received;
        }
        QCOMPARE(received, 1);
        ::kill(pid_t(tail.processId()), SIGINT);
        QVERIFY(tail.state() == QProcess::NotRunning || tail.waitForFinished(20000));
        QCOMPARE(tail.exitCode(), 0);
    }

    void killedSendDeliversExactlyOnceOnNextRun()
    {
        QTemporaryDir dir;
        // Server down: the CLI gives up (network) but keeps the message queued.
        m_server->kill();
        CliResult r = runCli(m_server->url(), m_alice, dir.path(),
                             { QStringLiteral("send"), kConv, QStringLiteral("queued-1"),
                               QStringLiteral("--timeout"), QStringLiteral("2") });
        QCOMPARE(r.exitCode, 4);
        QCOMPARE(runCli(m_server->url(), m_alice, dir.path(), { QStringLiteral("conversations") }).exitCode,
                 4);

        // A second run is killed (SIGKILL) after queueing two more lines.
        QProcess p;
        startCli(p, m_server->url(), m_alice, dir.path(),
                 { QStringLiteral("send"), kConv, QStringLiteral("--stdin"), QStringLiteral("--timeout"),
                   QStringLiteral("60") });
        QVERIFY(p.waitForStarted(10000));
        p.write("queued-2\nqueued-3\n");
        const QString cacheFile = [&] {
            QDir d(dir.path());
            const auto files = d.entryList({ QStringLiteral("*.sqlite") }, QDir::Files);
            return files.isEmpty() ? QString() : d.filePath(files.first());
        }();
        QVERIFY(!cacheFile.isEmpty());
        QByteArray outboxRows;
        QTRY_VERIFY2_WITH_TIMEOUT(
            [&] {
                QProcess q;
                q.start(QStringLiteral("sqlite3"),
                        { cacheFile, QStringLiteral("SELECT content FROM outbox ORDER BY created_at") });
                q.waitForFinished(10000);
                outboxRows = q.readAllStandardOutput() + q.readAllStandardError();
                return outboxRows == "queued-1\nqueued-2\nqueued-3\n";
            }(),
            (outboxRows + p.readAllStandardError()).constData(), 20000);
        ::kill(pid_t(p.processId()), SIGKILL);
        p.waitForFinished(10000);

        QVERIFY(m_server->start());
        r = runCli(m_server->url(), m_alice, dir.path(),
                   { QStringLiteral("send"), kConv, QStringLiteral("--stdin") });
        QVERIFY2(r.exitCode == 0, qPrintable(r.err.right(3000)));
        QStringList contents;
        for (const QString &line : r.lines())
            contents << json(line).value(QStringLiteral("content")).toString();
        QCOMPARE(contents,
                 (QStringList { QStringLiteral("queued-1"), QStringLiteral("queued-2"),
                                QStringLiteral("queued-3") }));
        const QString rows = m_server->sql(
            QStringLiteral("SELECT content FROM messages WHERE content LIKE 'queued-%' ORDER BY seq"));
        QCOMPARE(rows.trimmed().split(QLatin1Char('\n')),
                 (QStringList { QStringLiteral("queued-1"), QStringLiteral("queued-2"),
                                QStringLiteral("queued-3") }));
        // Nothing left: a further run sends nothing.
        r = runCli(m_server->url(), m_alice, dir.path(),
                   { QStringLiteral("send"), kConv, QStringLiteral("--stdin") });
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.lines().isEmpty(), qPrintable(r.out + r.err.right(3000)));
        QCOMPARE(m_server->sql(QStringLiteral("SELECT count(*) FROM messages WHERE content LIKE 'queued-%'"))
                     .trimmed(),
                 QStringLiteral("3"));

        // --cached reads the cache with the server down.
        m_server->kill();
        r = runCli(m_server->url(), m_alice, dir.path(),
                   { QStringLiteral("history"), kConv, QStringLiteral("--cached"), QStringLiteral("--limit"),
                     QStringLiteral("1000") });
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains(QStringLiteral("queued-3")));
        QVERIFY(m_server->start());
    }
};

QTEST_GUILESS_MAIN(TstChatCli)
#include "tst_chatcli.moc"
