// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// ChatService starting from its cache with the server down (a real SQLite file):
// the start-up read holds only each conversation's newest message, and a
// conversation's latest page comes from the cache when its model is asked for
// (or it is opened), offline.

#include "chatclient.h"
#include "seqlists.h"

#include "models/messagelistmodel.h"

#include <QSignalSpy>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

using namespace ringchat;
using chat::ChatService;
using models::MessageListModel;
using ringchat::testing::seqRange;

namespace {

constexpr int kWait = 10000;
const QString kOpened = QStringLiteral("conv-opened");
const QString kOther = QStringLiteral("conv-other");

// A loopback URL nobody listens on: the service stays offline.
QUrl deadServer()
{
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost);
    return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(probe.serverPort()));
}

api::Message message(const QString &conv, qint64 seq, const QString &sender)
{
    api::Message m;
    m.id = QStringLiteral("%1-m%2").arg(conv).arg(seq);
    m.conversationId = conv;
    m.seq = seq;
    m.clientId = QStringLiteral("%1-c%2").arg(conv).arg(seq);
    m.senderId = sender;
    m.senderName = sender;
    m.content = QStringLiteral("%1 message %2").arg(conv).arg(seq);
    m.timestamp = QDateTime::fromMSecsSinceEpoch(1795000000000 + seq * 1000, Qt::UTC);
    return m;
}

api::Conversation conversation(const QString &id, qint64 lastSeq, int unread)
{
    api::Conversation c;
    c.id = id;
    c.createdAt = QDateTime::fromMSecsSinceEpoch(1795000000000, Qt::UTC);
    c.updatedAt = c.createdAt.addSecs(lastSeq);
    c.lastSeq = lastSeq;
    c.unreadCount = unread;
    c.lastMessage = message(id, lastSeq, QStringLiteral("bob"));
    for (const QString &user : { QStringLiteral("alice"), QStringLiteral("bob") }) {
        api::Participant p;
        p.userId = user;
        p.name = user;
        p.joinedAt = c.createdAt;
        c.participants.append(p);
    }
    return c;
}

// Two conversations of `count` messages each (bob and alice in turn).
void seed(ChatClient &client, int count)
{
    QList<api::Message> messages;
    for (const QString &conv : { kOpened, kOther })
        for (qint64 s = 1; s <= count; ++s)
            messages.append(message(conv, s, s % 2 ? QStringLiteral("bob") : QStringLiteral("alice")));
    QVERIFY(
        client.store->upsertConversations({ conversation(kOpened, count, 7), conversation(kOther, count, 3) })
            .result());
    QCOMPARE(client.store->insertMessages(messages).result().inserted, int(messages.size()));
}

QList<qint64> modelSeqs(const MessageListModel *m)
{
    QList<qint64> out;
    for (int r = 0; r < m->rowCount(); ++r)
        out.append(m->data(m->index(r), MessageListModel::SeqRole).toLongLong());
    return out;
}

} // namespace

class TestChatCachedStart : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void pageIsReadFromTheCacheWhenTheModelIsAskedFor()
    {
        QTemporaryDir dir;
        const QUrl server = deadServer();
        {
            ChatClient seeder(server, QStringLiteral("alice"), { QStringLiteral("t") }, dir.path());
            seed(seeder, 120);
        }

        ChatClient alice(server, QStringLiteral("alice"), { QStringLiteral("t") }, dir.path());
        QSignalSpy loaded(alice.service.get(), &ChatService::cacheLoaded);
        alice->start();
        QTRY_COMPARE_WITH_TIMEOUT(loaded.count(), 1, kWait);
        QVERIFY(alice->status() != chat::ConnectionManager::Status::Online);

        // The start-up read: the newest message of each conversation, unread counts as cached.
        QCOMPARE(alice->conversations().size(), 2);
        for (const QString &conv : { kOpened, kOther }) {
            const auto held = alice->messages(conv);
            QCOMPARE(held.size(), 1);
            QCOMPARE(held.first().seq, 120);
            QCOMPARE(alice->highestHeldSeq(conv), 120);
        }
        QCOMPARE(alice->conversation(kOpened)->unreadCount, 7);
        QCOMPARE(alice->conversation(kOther)->unreadCount, 3);

        // Asked for: the model fills with the latest page from the cache, offline.
        QSignalSpy pageLoaded(alice.service.get(), &ChatService::latestPageLoaded);
        MessageListModel *model = alice->messageModel(kOpened);
        QVERIFY(model);
        QTRY_COMPARE_WITH_TIMEOUT(modelSeqs(model), seqRange(71, 120), kWait);
        QCOMPARE(pageLoaded.count(), 1);
        QCOMPARE(pageLoaded.first().first().toString(), kOpened);
        QCOMPARE(alice->messages(kOpened).size(), 50);
        QCOMPARE(alice->messages(kOpened).first().seq, 71);
        QCOMPARE(model->data(model->index(0), MessageListModel::TextRole).toString(),
                 QStringLiteral("conv-opened message 71"));

        // Once only, and only that conversation; unread counts are untouched.
        QVERIFY(alice->messageModel(kOpened) == model);
        alice->openConversation(kOpened);
        QTest::qWait(100);
        QCOMPARE(pageLoaded.count(), 1);
        QCOMPARE(alice->messages(kOther).size(), 1);
        QCOMPARE(alice->conversation(kOpened)->unreadCount, 7);
        QCOMPARE(alice->conversation(kOther)->unreadCount, 3);

        // Opening (without a model, as the CLI does) reads the page too.
        alice->openConversation(kOther);
        QTRY_COMPARE_WITH_TIMEOUT(alice->messages(kOther).size(), 50, kWait);
        QCOMPARE(alice->conversation(kOther)->unreadCount, 3);
    }

    void pageAskedForBeforeStartComesWithTheStartUpRead()
    {
        QTemporaryDir dir;
        const QUrl server = deadServer();
        {
            ChatClient seeder(server, QStringLiteral("alice"), { QStringLiteral("t") }, dir.path());
            seed(seeder, 30);
        }
        ChatClient alice(server, QStringLiteral("alice"), { QStringLiteral("t") }, dir.path());
        MessageListModel *model = alice->messageModel(kOpened); // before start(): nothing held yet
        QCOMPARE(model->rowCount(), 0);
        QSignalSpy loaded(alice.service.get(), &ChatService::cacheLoaded);
        QSignalSpy pageLoaded(alice.service.get(), &ChatService::latestPageLoaded);
        alice->start();
        QTRY_COMPARE_WITH_TIMEOUT(loaded.count(), 1, kWait);
        // No second read: the page came in the start-up read, and the model shows it
        // after one pass of the event loop.
        QCOMPARE(pageLoaded.count(), 1);
        QCOMPARE(alice->messages(kOpened).size(), 30);
        QCOMPARE(alice->messages(kOther).size(), 1);
        QCoreApplication::processEvents();
        QCOMPARE(modelSeqs(model), seqRange(1, 30));
    }
};

QTEST_MAIN(TestChatCachedStart)
#include "tst_chatcachedstart.moc"
