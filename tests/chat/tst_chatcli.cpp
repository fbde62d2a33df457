// The CLI chat commands against the real server: output, exit codes, the durable
// outbox of a killed `send`, tail.
#include "clirunner.h"
#include "referenceserver.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

namespace {
const QString kConv = QStringLiteral("dm-alice-bob");

QJsonObject json(const QString &line)
{
    return QJsonDocument::fromJson(line.toUtf8()).object();
}

QProcessEnvironment serverEnv()
{
    QProcessEnvironment env;
    env.insert(QStringLiteral("CONNECT_RATE_LIMIT"), QStringLiteral("10000"));
    return env;
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
        m_server = new ReferenceServer(serverEnv());
        QVERIFY(m_server->start());
        m_alice = m_server->token(QStringLiteral("alice"));
        m_bob = m_server->token(QStringLiteral("bob"));
        QVERIFY(!m_alice.isEmpty() && !m_bob.isEmpty());
    }
    void cleanupTestCase() { delete m_server; }

    void usageErrors()
    {
        QTemporaryDir dir;
        QCOMPARE(runCli(m_server->url(), m_alice, dir.path(), {QStringLiteral("history")}).exitCode, 2);
        QCOMPARE(runCli(m_server->url(), m_alice, dir.path(), {QStringLiteral("history"), kConv, QStringLiteral("--limit"), QStringLiteral("x")}).exitCode, 2);
        QCOMPARE(runCli(m_server->url(), m_alice, dir.path(), {QStringLiteral("send"), kConv}).exitCode, 2);
        QCOMPARE(runCli(m_server->url(), m_alice, dir.path(), {QStringLiteral("read"), QStringLiteral("bad id!")}).exitCode, 2);
        const CliResult r = runCli(m_server->url(), m_alice, dir.path(), {QStringLiteral("tail"), QStringLiteral("--bogus")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains(QStringLiteral("--bogus")));
    }

    void authErrors()
    {
        QTemporaryDir dir;
        const QString expired = m_server->token(QStringLiteral("alice"), {QStringLiteral("--expired")});
        CliResult r = runCli(m_server->url(), expired, dir.path(), {QStringLiteral("conversations")});
        QCOMPARE(r.exitCode, 3);
        QVERIFY(!r.err.contains(expired)); // never print a token
        r = runCli(m_server->url(), expired, dir.path(), {QStringLiteral("send"), kConv, QStringLiteral("hi")});
        QCOMPARE(r.exitCode, 3);
        r = runCli(m_server->url(), QStringLiteral("not-a-jwt"), dir.path(), {QStringLiteral("typing"), kConv});
        QCOMPARE(r.exitCode, 3);
        r = runCli(m_server->url(), QString(), dir.path(), {QStringLiteral("conversations")});
        QCOMPARE(r.exitCode, 3);
    }

    void listHistoryTypingRead()
    {
        QTemporaryDir dir;
        CliResult r = runCli(m_server->url(), m_alice, dir.path(), {QStringLiteral("conversations")});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.lines().size(), 3);
        for (const QString &line : r.lines())
            QVERIFY(json(line).contains(QStringLiteral("participants")));

        r = runCli(m_server->url(), m_alice, dir.path(), {QStringLiteral("history"), QStringLiteral("group-ring"), QStringLiteral("--limit"), QStringLiteral("2")});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.lines().size(), 2);
        QCOMPARE(json(r.lines().at(0)).value(QStringLiteral("seq")).toInt(), 2);
        QCOMPARE(json(r.lines().at(1)).value(QStringLiteral("content")).toString(), QStringLiteral("Hi all."));

        // bob is not in dm-alice-carol: refused.
        r = runCli(m_server->url(), m_bob, dir.path(), {QStringLiteral("history"), QStringLiteral("dm-alice-carol")});
        QCOMPARE(r.exitCode, 5);
        r = runCli(m_server->url(), m_bob, dir.path(), {QStringLiteral("read"), QStringLiteral("dm-alice-carol")});
        QCOMPARE(r.exitCode, 5);

        r = runCli(m_server->url(), m_bob, dir.path(), {QStringLiteral("typing"), kConv});
        QCOMPARE(r.exitCode, 0);

        r = runCli(m_server->url(), m_bob, dir.path(), {QStringLiteral("read"), QStringLiteral("group-ring"), QStringLiteral("--up-to"), QStringLiteral("3")});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(json(r.lines().value(0)).value(QStringLiteral("lastReadSeq")).toInt(), 3);
    }

    void tailStreamsEventsAndSendPrintsTheAck()
    {
        QTemporaryDir dirA, dirB;
        QProcess tail;
        startCli(tail, m_server->url(), m_bob, dirB.path(), {QStringLiteral("tail"), kConv});
        QVERIFY(tail.waitForStarted(10000));
        QString tailErr;
        QTRY_VERIFY_WITH_TIMEOUT((tailErr += QString::fromUtf8(tail.readAllStandardError())).contains(QStringLiteral("Connected.")), 20000);

        CliResult typing = runCli(m_server->url(), m_alice, dirA.path(), {QStringLiteral("typing"), kConv});
        QCOMPARE(typing.exitCode, 0);
        const CliResult sent = runCli(m_server->url(), m_alice, dirA.path(), {QStringLiteral("send"), kConv, QStringLiteral("hello"), QStringLiteral("tail")});
        QCOMPARE(sent.exitCode, 0);
        QCOMPARE(sent.lines().size(), 1);
        const QJsonObject ack = json(sent.lines().first());
        QCOMPARE(ack.value(QStringLiteral("content")).toString(), QStringLiteral("hello tail"));
        QVERIFY(ack.value(QStringLiteral("seq")).toInt() > 3);

        QString out;
        QTRY_VERIFY_WITH_TIMEOUT((out += QString::fromUtf8(tail.readAllStandardOutput())).contains(QStringLiteral("hello tail")), 20000);
        QVERIFY(out.contains(QStringLiteral("\"event\":\"user_typing\"")));
        int received = 0;
        for (const QString &line : out.split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
            const QJsonObject o = json(line);
            QVERIFY2(o.contains(QStringLiteral("event")) && o.contains(QStringLiteral("data")), qPrintable(line));
            if (o.value(QStringLiteral("event")) == QLatin1String("message_received")
                && o.value(QStringLiteral("data")).toObject().value(QStringLiteral("content")) == QLatin1String("hello tail"))
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
                             {QStringLiteral("send"), kConv, QStringLiteral("queued-1"), QStringLiteral("--timeout"), QStringLiteral("2")});
        QCOMPARE(r.exitCode, 4);
        QCOMPARE(runCli(m_server->url(), m_alice, dir.path(), {QStringLiteral("conversations")}).exitCode, 4);

        // A second run is killed (SIGKILL) after queueing two more lines.
        QProcess p;
        startCli(p, m_server->url(), m_alice, dir.path(), {QStringLiteral("send"), kConv, QStringLiteral("--stdin"), QStringLiteral("--timeout"), QStringLiteral("60")});
        QVERIFY(p.waitForStarted(10000));
        p.write("queued-2\nqueued-3\n");
        const QString cacheFile = [&] {
            QDir d(dir.path());
            const auto files = d.entryList({QStringLiteral("*.sqlite")}, QDir::Files);
            return files.isEmpty() ? QString() : d.filePath(files.first());
        }();
        QVERIFY(!cacheFile.isEmpty());
        QByteArray outboxRows;
        QTRY_VERIFY2_WITH_TIMEOUT([&] {
            QProcess q;
            q.start(QStringLiteral("sqlite3"), {cacheFile, QStringLiteral("SELECT content FROM outbox ORDER BY created_at")});
            q.waitForFinished(10000);
            outboxRows = q.readAllStandardOutput() + q.readAllStandardError();
            return outboxRows == "queued-1\nqueued-2\nqueued-3\n";
        }(), (outboxRows + p.readAllStandardError()).constData(), 20000);
        ::kill(pid_t(p.processId()), SIGKILL);
        p.waitForFinished(10000);

        QVERIFY(m_server->start());
        r = runCli(m_server->url(), m_alice, dir.path(), {QStringLiteral("send"), kConv, QStringLiteral("--stdin")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err.right(3000)));
        QStringList contents;
        for (const QString &line : r.lines())
            contents << json(line).value(QStringLiteral("content")).toString();
        QCOMPARE(contents, (QStringList{QStringLiteral("queued-1"), QStringLiteral("queued-2"), QStringLiteral("queued-3")}));
        const QString rows = m_server->sql(QStringLiteral("SELECT content FROM messages WHERE content LIKE 'queued-%' ORDER BY seq"));
        QCOMPARE(rows.trimmed().split(QLatin1Char('\n')),
                 (QStringList{QStringLiteral("queued-1"), QStringLiteral("queued-2"), QStringLiteral("queued-3")}));
        // Nothing left: a further run sends nothing.
        r = runCli(m_server->url(), m_alice, dir.path(), {QStringLiteral("send"), kConv, QStringLiteral("--stdin")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.lines().isEmpty(), qPrintable(r.out + r.err.right(3000)));
        QCOMPARE(m_server->sql(QStringLiteral("SELECT count(*) FROM messages WHERE content LIKE 'queued-%'")).trimmed(), QStringLiteral("3"));

        // --cached reads the cache with the server down.
        m_server->kill();
        r = runCli(m_server->url(), m_alice, dir.path(), {QStringLiteral("history"), kConv, QStringLiteral("--cached"), QStringLiteral("--limit"), QStringLiteral("1000")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains(QStringLiteral("queued-3")));
        QVERIFY(m_server->start());
    }
};

QTEST_GUILESS_MAIN(TstChatCli)
#include "tst_chatcli.moc"
