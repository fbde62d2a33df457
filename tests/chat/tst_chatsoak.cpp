// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// Soak: two CLI clients (alice and bob, `send --stdin`) exchange 2000 messages while
// the server is SIGKILLed and restarted three times, and alice's second device (a
// chat service in this process) edits, deletes and reacts to them all along (contract
// v2, through its outbox). At the end both CLI clients' histories and the server hold
// the same messages: none missing, none duplicated, each sender's in the order
// written, and every message with the same rev, content, tombstone and reactions.
#include "chatclient.h"
#include "clirunner.h"
#include "referenceserver.h"

#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

namespace {
const QString kConv = QStringLiteral("dm-alice-bob");
constexpr int kPerClient = 1000;
constexpr int kKills = 3;

// "seq|clientId|content" lines, by seq.
QStringList serverRows(const ReferenceServer &server)
{
    return server
        .sql(QStringLiteral("SELECT seq || '|' || clientId || '|' || content FROM messages "
                            "WHERE conversationId = '%1' ORDER BY seq")
                 .arg(kConv))
        .split(QLatin1Char('\n'), Qt::SkipEmptyParts);
}

// What must agree about a message (contract v2): "seq|rev|content|deleted|reactions".
QString v2State(const QJsonObject &m)
{
    QStringList reactions;
    for (const QJsonValue &r : m.value(QStringLiteral("reactions")).toArray()) {
        QStringList users;
        for (const QJsonValue &u : r.toObject().value(QStringLiteral("userIds")).toArray())
            users << u.toString();
        users.sort();
        reactions << r.toObject().value(QStringLiteral("emoji")).toString() + QLatin1Char(':')
                + users.join(QLatin1Char(','));
    }
    return QStringLiteral("%1|%2|%3|%4|%5")
        .arg(m.value(QStringLiteral("seq")).toInteger())
        .arg(m.value(QStringLiteral("rev")).toInteger())
        .arg(m.value(QStringLiteral("content")).toString())
        .arg(m.value(QStringLiteral("deletedAt")).isString() ? 1 : 0)
        .arg(reactions.join(QLatin1Char(';')));
}

// The server's own account of the conversation: every message through REST, by seq.
QStringList serverStates(const ReferenceServer &server, const QString &token)
{
    QNetworkAccessManager net;
    QStringList states;
    qint64 cursor = 0;
    for (;;) {
        QNetworkRequest request(server.url().resolved(
            QUrl(QStringLiteral("/api/conversations/%1/messages?direction=after&limit=200&cursor=%2")
                     .arg(kConv)
                     .arg(cursor))));
        request.setRawHeader("Authorization", "Bearer " + token.toUtf8());
        QNetworkReply *reply = net.get(request);
        QEventLoop loop;
        QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
        QTimer::singleShot(30000, &loop, &QEventLoop::quit);
        loop.exec();
        const QJsonObject body = QJsonDocument::fromJson(reply->readAll()).object();
        reply->deleteLater();
        const QJsonArray page = body.value(QStringLiteral("data")).toArray();
        for (const QJsonValue &m : page)
            states << v2State(m.toObject());
        if (page.isEmpty()
            || !body.value(QStringLiteral("pagination")).toObject().value(QStringLiteral("hasMore")).toBool())
            return states;
        cursor = page.last().toObject().value(QStringLiteral("seq")).toInteger();
    }
}

// Alice's second device: every 50 ms one action on a message it holds, through its
// outbox: edit or delete one of alice's, or toggle a reaction on anyone's.
class Actor : public QObject
{
public:
    Actor(ChatClient &client)
        : m_client(client)
    {
        m_timer.setInterval(50);
        QObject::connect(&m_timer, &QTimer::timeout, this, [this] { act(); });
    }
    void start() { m_timer.start(); }
    void stop() { m_timer.stop(); }
    int edits = 0, deletes = 0, reactions = 0;

private:
    void act()
    {
        const QList<ringchat::api::Message> held = m_client->messages(kConv);
        QList<ringchat::api::Message> candidates;
        for (const auto &m : held) {
            if (m.seq > 0 && !m.isDeleted() && !m_deleted.contains(m.id))
                candidates << m;
        }
        if (candidates.isEmpty())
            return;
        auto *random = QRandomGenerator::global();
        const ringchat::api::Message &m = candidates.at(random->bounded(int(candidates.size())));
        const bool own = m.senderId == QLatin1String("alice");
        const int dice = random->bounded(10);
        if (own && dice < 3) {
            if (!m_client->editMessage(kConv, m.id, m.content + QStringLiteral(" (edited)")).isEmpty())
                ++edits;
        } else if (own && dice == 3) {
            if (!m_client->deleteMessage(kConv, m.id).isEmpty()) {
                m_deleted.insert(m.id);
                ++deletes;
            }
        } else {
            const QString emoji = dice % 2 ? QStringLiteral("\U0001F44D") : QStringLiteral("\U0001F389");
            bool mine = false;
            for (const auto &r : m.reactions)
                mine = mine || (r.emoji == emoji && r.userIds.contains(QStringLiteral("alice")));
            if (!m_client->setReaction(kConv, m.id, emoji, !mine).isEmpty())
                ++reactions;
        }
    }

    ChatClient &m_client;
    QTimer m_timer;
    QSet<QString> m_deleted;
};

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
        // Reconnect storms and 2000 messages must not hit the production limits.
        ReferenceServer server(ReferenceServer::relaxedLimits({}, 100000));
        QVERIFY(server.start());
        const QString tokens[2]
            = { server.token(QStringLiteral("alice")), server.token(QStringLiteral("bob")) };
        const QString names[2] = { QStringLiteral("alice"), QStringLiteral("bob") };
        QTemporaryDir dirs[2];
        const int seeded = serverCount(server);

        // Alice's second device acts on the messages as they come, through the kills.
        QTemporaryDir actorDir;
        ChatClient actorClient(server.url(), QStringLiteral("alice"), { tokens[0] }, actorDir.path());
        actorClient->start();
        actorClient->openConversation(kConv);
        Actor actor(actorClient);
        actor.start();

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
        // The actor's last actions reach the server (its outbox empties).
        actor.stop();
        QTRY_VERIFY_WITH_TIMEOUT(actorClient->isSynced() && actorClient->outboxPending() == 0, 120000);
        QVERIFY2(actor.edits >= 5 && actor.deletes >= 2 && actor.reactions >= 20,
                 qPrintable(QStringLiteral("edits %1, deletes %2, reactions %3")
                                .arg(actor.edits)
                                .arg(actor.deletes)
                                .arg(actor.reactions)));

        // The server: every line exactly once, each sender's in order.
        const QStringList rows = serverRows(server);
        QCOMPARE(rows.size(), seeded + 2 * kPerClient);
        QSet<QString> clientIds;
        int next[2] = { 0, 0 };
        for (int i = 0; i < rows.size(); ++i) {
            const QStringList f = rows.at(i).split(QLatin1Char('|'));
            QCOMPARE(f.at(0).toInt(), i + 1);
            clientIds.insert(f.at(1));
            // Each line as written, or as the actor edited it, or deleted ("").
            for (int c = 0; c < 2; ++c) {
                const QString written = QStringLiteral("%1 %2").arg(names[c]).arg(next[c]);
                if (f.at(2).startsWith(names[c] + QLatin1Char(' ')) || (f.at(2).isEmpty() && i >= seeded)) {
                    if (!f.at(2).isEmpty())
                        QVERIFY2(f.at(2) == written
                                     || f.at(2).startsWith(written + QStringLiteral(" (edited)")),
                                 qPrintable(f.at(2)));
                    ++next[c];
                    break;
                }
            }
        }
        QCOMPARE(clientIds.size(), rows.size());
        QCOMPARE(next[0], kPerClient);
        QCOMPARE(next[1], kPerClient);

        // Each client's history (its cache, completed by the reconnect sync and its
        // changes catch-up) is the same, down to each message's rev, content,
        // tombstone and reactions.
        const QStringList serverV2 = serverStates(server, tokens[0]);
        QCOMPARE(serverV2.size(), rows.size());
        for (int c = 0; c < 2; ++c) {
            const CliResult h = runCli(
                server.url(), tokens[c], dirs[c].path(),
                { QStringLiteral("history"), kConv, QStringLiteral("--limit"), QStringLiteral("100000") }, {},
                120000);
            QVERIFY2(h.exitCode == 0, qPrintable(h.err.right(2000)));
            QStringList held, heldV2;
            for (const QString &line : h.lines()) {
                const QJsonObject m = QJsonDocument::fromJson(line.toUtf8()).object();
                held << QStringLiteral("%1|%2|%3")
                            .arg(m.value(QStringLiteral("seq")).toInt())
                            .arg(m.value(QStringLiteral("clientId")).toString(),
                                 m.value(QStringLiteral("content")).toString());
                heldV2 << v2State(m);
            }
            QCOMPARE(held.size(), rows.size());
            QCOMPARE(held, rows);
            QCOMPARE(heldV2, serverV2);
        }
    }
};

QTEST_GUILESS_MAIN(TstChatSoak)
#include "tst_chatsoak.moc"
