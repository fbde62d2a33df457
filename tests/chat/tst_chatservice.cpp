// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// ChatService against the real reference server: two users, offline queue across a
// restart, gap fill, the cache at start with the server down, token refresh.
#include "chatclient.h"
#include "referenceserver.h"

#include "chat/connectionmanager.h"
#include "chat/presencetracker.h"
#include "models/conversationlistmodel.h"
#include "models/messagelistmodel.h"
#include "net/socketioclient.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace ringchat;
using chat::ChatService;
using Status = chat::ConnectionManager::Status;

namespace {
const QString kConv = QStringLiteral("dm-alice-bob");
constexpr int kWait = 20000; // generous: a slow shared 2-core machine

// The server keeps a typer for a minute: expiry must come from the client's 6 s rule
// (1.5 s here).
QProcessEnvironment serverEnv()
{
    return ReferenceServer::relaxedLimits(
        { { QStringLiteral("TYPING_TIMEOUT_MS"), QStringLiteral("60000") } });
}

int countClientId(const QList<api::Message> &list, const QString &clientId)
{
    return int(std::count_if(list.begin(), list.end(),
                             [&](const api::Message &m) { return m.clientId == clientId; }));
}

const api::Message *findClientId(const QList<api::Message> &list, const QString &clientId)
{
    for (const api::Message &m : list)
        if (m.clientId == clientId)
            return &m;
    return nullptr;
}
} // namespace

class TstChatService : public QObject
{
    Q_OBJECT
private slots:
    void twoUsersSendTypeReadAndPresence()
    {
        ReferenceServer server(serverEnv());
        QVERIFY(server.start());
        QTemporaryDir dirA, dirB;
        ChatClient alice(server.url(), QStringLiteral("alice"), { server.token(QStringLiteral("alice")) },
                         dirA.path());
        ChatClient bob(server.url(), QStringLiteral("bob"), { server.token(QStringLiteral("bob")) },
                       dirB.path());
        alice->openConversation(kConv);
        bob->openConversation(kConv);
        alice->start();
        bob->start();
        QTRY_VERIFY_WITH_TIMEOUT(alice->isSynced() && bob->isSynced(), kWait);
        QCOMPARE(alice->status(), Status::Online);
        QVERIFY(bob->conversation(kConv).has_value());
        QTRY_COMPARE_WITH_TIMEOUT(bob->messages(kConv).size(), 3, kWait); // the seeded ones
        const int bobUnreadBefore = bob->conversation(kConv)->unreadCount;

        // Optimistic send: a "sending" row at once, then "sent" with the server's seq.
        QSignalSpy inserted(alice.service.get(), &ChatService::messagesInserted);
        QSignalSpy delivered(alice.service.get(), &ChatService::messageDelivered);
        const QString clientId = alice->sendMessage(kConv, QStringLiteral("Hello Bob"));
        QVERIFY(!clientId.isEmpty());
        QCOMPARE(inserted.count(), 1);
        const auto pending = inserted.at(0).at(1).value<QList<api::Message>>();
        QCOMPARE(pending.size(), 1);
        QCOMPARE(pending.first().delivery, api::DeliveryState::Sending);
        QCOMPARE(pending.first().clientId, clientId);
        QTRY_COMPARE_WITH_TIMEOUT(delivered.count(), 1, kWait);
        const auto sentMsg = delivered.at(0).at(1).value<api::Message>();
        QCOMPARE(sentMsg.seq, 4);
        QCOMPARE(sentMsg.delivery, api::DeliveryState::Sent);

        // Bob gets it once; alice holds it once (ack and echo merged by clientId).
        QTRY_VERIFY_WITH_TIMEOUT(findClientId(bob->messages(kConv), clientId), kWait);
        QTest::qWait(300); // let a late echo arrive: it must not add a row
        QCOMPARE(countClientId(bob->messages(kConv), clientId), 1);
        QCOMPARE(countClientId(alice->messages(kConv), clientId), 1);
        QCOMPARE(alice->outboxPending(), 0);
        QTRY_COMPARE_WITH_TIMEOUT(bob->conversation(kConv)->unreadCount, bobUnreadBefore + 1, kWait);

        // Typing: appears for bob, and goes when alice sends.
        alice->userTyped(kConv);
        QTRY_COMPARE_WITH_TIMEOUT(bob->typers(kConv), QStringList { QStringLiteral("alice") }, kWait);
        QCOMPARE(bob->typerNames(kConv), QStringList { QStringLiteral("Alice Example") });
        const QString second = alice->sendMessage(kConv, QStringLiteral("typed this"));
        QTRY_VERIFY_WITH_TIMEOUT(bob->typers(kConv).isEmpty(), kWait);
        QTRY_VERIFY_WITH_TIMEOUT(findClientId(bob->messages(kConv), second), kWait);

        // A typing_start never followed by a stop (the server here keeps it for a
        // minute): bob drops alice after the expiry.
        alice->socket()->emitEvent(QStringLiteral("typing_start"),
                                   QJsonObject { { QStringLiteral("conversationId"), kConv } });
        QTRY_COMPARE_WITH_TIMEOUT(bob->typers(kConv), QStringList { QStringLiteral("alice") }, kWait);
        QElapsedTimer shown;
        shown.start();
        QTRY_VERIFY_WITH_TIMEOUT(bob->typers(kConv).isEmpty(), kWait);
        QVERIFY2(shown.elapsed() >= 1000, "a typer must stay until the expiry");

        // Read receipts: bob sees the messages; alice's become "read", bob's unread count 0.
        const qint64 last = bob->highestHeldSeq(kConv);
        QCOMPARE(last, 5);
        QCOMPARE(alice->deliveryState(*findClientId(alice->messages(kConv), clientId)),
                 api::DeliveryState::Sent);
        bob->markVisible(kConv, last - 1);
        bob->markVisible(kConv, last);
        QTRY_COMPARE_WITH_TIMEOUT(alice->deliveryState(*findClientId(alice->messages(kConv), second)),
                                  api::DeliveryState::Read, kWait);
        QCOMPARE(alice->readers(kConv, last), QStringList { QStringLiteral("bob") });
        QTRY_COMPARE_WITH_TIMEOUT(bob->conversation(kConv)->unreadCount, 0, kWait);
        QCOMPARE(findClientId(alice->messages(kConv), second)->delivery, api::DeliveryState::Read);

        // Presence: bob is online for alice; when bob quits he is offline with a last-seen time.
        QTRY_VERIFY_WITH_TIMEOUT(alice->presence()->presence(QStringLiteral("bob")).isOnline, kWait);
        QCOMPARE(alice->presenceText(QStringLiteral("bob")), QStringLiteral("online"));
        bob.service.reset();
        QTRY_VERIFY_WITH_TIMEOUT(!alice->presence()->presence(QStringLiteral("bob")).isOnline, kWait);
        QVERIFY(alice->presence()->presence(QStringLiteral("bob")).lastSeen.isValid());
        QCOMPARE(alice->presenceText(QStringLiteral("bob")), QStringLiteral("last seen just now"));
    }

    void modelsFollowTheService()
    {
        using models::ConversationListModel;
        using models::MessageListModel;
        ReferenceServer server(serverEnv());
        QVERIFY(server.start());
        QTemporaryDir dirA, dirB;
        ChatClient alice(server.url(), QStringLiteral("alice"), { server.token(QStringLiteral("alice")) },
                         dirA.path());
        ChatClient bob(server.url(), QStringLiteral("bob"), { server.token(QStringLiteral("bob")) },
                       dirB.path());
        alice->openConversation(kConv);
        bob->openConversation(kConv);
        alice->start();
        bob->start();
        QTRY_VERIFY_WITH_TIMEOUT(alice->isSynced() && bob->isSynced(), kWait);
        QTRY_COMPARE_WITH_TIMEOUT(alice->messages(kConv).size(), 3, kWait);
        QTRY_COMPARE_WITH_TIMEOUT(bob->messages(kConv).size(), 3, kWait);

        ConversationListModel *bobList = bob->conversationModel();
        MessageListModel *aliceMsgs = alice->messageModel(kConv);
        MessageListModel *bobMsgs = bob->messageModel(kConv);
        QAbstractItemModelTester t1(bobList, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester t2(aliceMsgs, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester t3(bobMsgs, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(bobList->rowCount(), 2); // dm-alice-bob and group-ring
        QCOMPARE(aliceMsgs->rowCount(), 3);
        QCOMPARE(bobMsgs->rowCount(), 3);
        const int unreadBefore
            = bobList->data(bobList->index(bobList->indexOf(kConv)), ConversationListModel::UnreadCountRole)
                  .toInt();

        const QString clientId = alice->sendMessage(kConv, QStringLiteral("model row"));
        QCOMPARE(aliceMsgs->rowCount(), 4);
        const auto stateOf = [&](MessageListModel *m) {
            for (int r = 0; r < m->rowCount(); ++r)
                if (m->data(m->index(r), MessageListModel::ClientIdRole).toString() == clientId)
                    return m->data(m->index(r), MessageListModel::DeliveryStateRole).toString();
            return QString();
        };
        QCOMPARE(stateOf(aliceMsgs), QStringLiteral("sending"));
        QTRY_COMPARE_WITH_TIMEOUT(stateOf(aliceMsgs), QStringLiteral("sent"), kWait);
        QTRY_COMPARE_WITH_TIMEOUT(bobMsgs->rowCount(), 4, kWait);
        QTest::qWait(300);
        QCOMPARE(aliceMsgs->rowCount(), 4); // ack and echo: one row
        QTRY_COMPARE_WITH_TIMEOUT(
            bobList->data(bobList->index(bobList->indexOf(kConv)), ConversationListModel::UnreadCountRole)
                .toInt(),
            unreadBefore + 1, kWait);
        QCOMPARE(
            bobList->data(bobList->index(bobList->indexOf(kConv)), ConversationListModel::LastMessageTextRole)
                .toString(),
            QStringLiteral("model row"));

        bob->markVisible(kConv, 4);
        QTRY_COMPARE_WITH_TIMEOUT(stateOf(aliceMsgs), QStringLiteral("read"), kWait);
        QTRY_COMPARE_WITH_TIMEOUT(
            bobList->data(bobList->index(bobList->indexOf(kConv)), ConversationListModel::UnreadCountRole)
                .toInt(),
            0, kWait);

        // Typing shows in bob's list; presence of alice too.
        alice->userTyped(kConv);
        QTRY_VERIFY_WITH_TIMEOUT(!bobList->typingText(kConv).isEmpty(), kWait);
        QCOMPARE(bobList->presence(QStringLiteral("alice")).value(QStringLiteral("status")).toString(),
                 QStringLiteral("online"));
    }

    void rateLimitedSendsWaitAndFailedOnesRetryOrDiscard()
    {
        QProcessEnvironment env = serverEnv();
        env.insert(QStringLiteral("MESSAGE_RATE_BURST"), QStringLiteral("2"));
        env.insert(QStringLiteral("MESSAGE_RATE_PER_SEC"), QStringLiteral("2"));
        ReferenceServer server(env);
        QVERIFY(server.start());
        QTemporaryDir dir;
        ChatClient bob(server.url(), QStringLiteral("bob"), { server.token(QStringLiteral("bob")) },
                       dir.path());
        QVERIFY(bob.startSynced(kConv));

        // Over the rate: RATE_LIMITED acks are waited out, never failures.
        QSignalSpy failed(bob.service.get(), &ChatService::messageFailed);
        QStringList ids;
        for (int i = 0; i < 6; ++i)
            ids << bob->sendMessage(kConv, QStringLiteral("burst %1").arg(i));
        QTRY_COMPARE_WITH_TIMEOUT(bob->outboxPending(), 0, 60000);
        QCOMPARE(failed.count(), 0);
        const QString rows = server.sql(
            QStringLiteral("SELECT clientId FROM messages WHERE conversationId='%1' AND seq > 3 ORDER BY seq")
                .arg(kConv));
        QCOMPARE(rows.trimmed().split(QLatin1Char('\n')), ids);

        // Refused (bob is not in dm-alice-carol): failed, Retry fails again, Discard removes it.
        QTest::qWait(1500); // let the rate bucket refill
        const QString refused
            = bob->sendMessage(QStringLiteral("dm-alice-carol"), QStringLiteral("not mine"));
        QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, kWait);
        QCOMPARE(failed.at(0).at(0).toString(), refused);
        QCOMPARE(bob->messages(QStringLiteral("dm-alice-carol")).last().delivery, api::DeliveryState::Failed);
        QCOMPARE(bob->outboxPending(), 0);
        QVERIFY(bob->retryMessage(refused));
        QCOMPARE(bob->messages(QStringLiteral("dm-alice-carol")).last().delivery,
                 api::DeliveryState::Sending);
        QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 2, kWait);
        QSignalSpy removed(bob.service.get(), &ChatService::messageRemoved);
        QVERIFY(bob->discardMessage(refused));
        QCOMPARE(removed.count(), 1);
        QVERIFY(bob->messages(QStringLiteral("dm-alice-carol")).isEmpty());
        QCOMPARE(
            server.sql(QStringLiteral("SELECT count(*) FROM messages WHERE content='not mine'")).trimmed(),
            QStringLiteral("0"));
    }

    void countdownAndRetryNowWhileTheServerIsDown()
    {
        ReferenceServer server(serverEnv());
        QVERIFY(server.start());
        const QString token = server.token(QStringLiteral("alice"));
        server.kill();
        QTemporaryDir dir;
        ChatService::Options options = ChatClient::fastOptions();
        // A long wait (10 to 30 s with the jitter), so "Retry now" is what connects.
        options.reconnectInitialMs = 20000;
        options.reconnectMaxMs = 20000;
        ChatClient alice(server.url(), QStringLiteral("alice"), { token }, dir.path(), options);
        QSignalSpy countdown(alice.service.get(), &ChatService::secondsUntilRetryChanged);
        alice->start();
        QTRY_COMPARE_WITH_TIMEOUT(alice->status(), Status::WaitingToRetry, kWait);
        QVERIFY(alice->secondsUntilRetry() > 0);
        QVERIFY(alice->secondsUntilRetry() <= 30);
        QTRY_VERIFY_WITH_TIMEOUT(countdown.count() >= 2, kWait); // it ticks
        QVERIFY(server.start());
        QCOMPARE(alice->status(), Status::WaitingToRetry);
        alice->retryNow();
        QTRY_COMPARE_WITH_TIMEOUT(alice->status(), Status::Online, 8000); // well before the wait ends
        QCOMPARE(alice->secondsUntilRetry(), 0);
        QTRY_VERIFY_WITH_TIMEOUT(alice->isSynced(), kWait);
    }

    void offlineQueueIsDeliveredOnceAfterRestart()
    {
        ReferenceServer server(serverEnv());
        QVERIFY(server.start());
        QTemporaryDir dir;
        const QString token = server.token(QStringLiteral("alice"));
        QStringList clientIds;
        {
            ChatClient alice(server.url(), QStringLiteral("alice"), { token }, dir.path());
            QVERIFY(alice.startSynced(kConv));
            server.kill();
            QTRY_VERIFY_WITH_TIMEOUT(alice->status() != Status::Online, kWait);
            for (int i = 1; i <= 3; ++i)
                clientIds << alice->sendMessage(kConv, QStringLiteral("queued %1").arg(i));
            const auto held = alice->messages(kConv);
            QCOMPARE(held.size(), 6);
            QCOMPARE(held.last().delivery, api::DeliveryState::Sending);
            QCOMPARE(alice->outboxPending(), 3);
        } // the app quits with the messages queued

        ChatClient alice(server.url(), QStringLiteral("alice"), { token }, dir.path());
        alice->openConversation(kConv); // its page comes from the cache after the start-up read
        alice->start();
        QTRY_VERIFY_WITH_TIMEOUT(alice->isCacheLoaded(), kWait);
        // Before the network answers: the queued messages show, in order, as sending.
        QTRY_COMPARE_WITH_TIMEOUT(alice->messages(kConv).size(), 6, kWait);
        QList<api::Message> shown = alice->messages(kConv);
        for (int i = 0; i < 3; ++i) {
            QCOMPARE(shown.at(3 + i).clientId, clientIds.at(i));
            QCOMPARE(shown.at(3 + i).delivery, api::DeliveryState::Sending);
        }
        QCOMPARE(alice->outboxPending(), 3);

        QVERIFY(server.start()); // same database, same port
        QTRY_COMPARE_WITH_TIMEOUT(alice->outboxPending(), 0, kWait);
        QTRY_VERIFY_WITH_TIMEOUT(alice->isSynced(), kWait);
        shown = alice->messages(kConv);
        QCOMPARE(shown.size(), 6);
        for (int i = 0; i < 3; ++i) {
            QCOMPARE(shown.at(3 + i).clientId, clientIds.at(i));
            QCOMPARE(shown.at(3 + i).seq, 4 + i);
            QCOMPARE(shown.at(3 + i).delivery, api::DeliveryState::Sent);
        }
        // The server stored each exactly once, in order.
        const QString rows = server.sql(
            QStringLiteral("SELECT seq || ' ' || clientId FROM messages WHERE conversationId='%1'"
                           " AND seq > 3 ORDER BY seq")
                .arg(kConv));
        QCOMPARE(rows.trimmed().split(QLatin1Char('\n')),
                 (QStringList { QStringLiteral("4 ") + clientIds[0], QStringLiteral("5 ") + clientIds[1],
                                QStringLiteral("6 ") + clientIds[2] }));
    }

    void gapFillAfterReconnectHoldsEveryMessageOnce()
    {
        ReferenceServer server(serverEnv());
        QVERIFY(server.start());
        QTemporaryDir dirA, dirB;
        ChatClient alice(server.url(), QStringLiteral("alice"), { server.token(QStringLiteral("alice")) },
                         dirA.path());
        ChatClient bob(server.url(), QStringLiteral("bob"), { server.token(QStringLiteral("bob")) },
                       dirB.path());
        bob->openConversation(kConv);
        alice->start();
        bob->start();
        QTRY_VERIFY_WITH_TIMEOUT(alice->isSynced() && bob->isSynced(), kWait);
        QTRY_COMPARE_WITH_TIMEOUT(bob->highestHeldSeq(kConv), 3, kWait);

        bob->pause(); // e.g. the laptop sleeps
        QTRY_COMPARE_WITH_TIMEOUT(bob->status(), Status::Paused, kWait);
        QSet<QString> sent;
        for (int i = 0; i < 500; ++i)
            sent.insert(alice->sendMessage(kConv, QStringLiteral("gap %1").arg(i)));
        QTRY_COMPARE_WITH_TIMEOUT(alice->outboxPending(), 0, 120000);
        QCOMPARE(bob->highestHeldSeq(kConv), 3);

        bob->resume();
        QTRY_COMPARE_WITH_TIMEOUT(bob->highestHeldSeq(kConv), 503, 60000);
        QTRY_VERIFY_WITH_TIMEOUT(bob->isSynced(), kWait);
        const QList<api::Message> held = bob->messages(kConv);
        QCOMPARE(held.size(), 503);
        QSet<QString> got;
        for (int i = 0; i < held.size(); ++i) {
            QCOMPARE(held.at(i).seq, i + 1); // no gap, no duplicate
            got.insert(held.at(i).clientId);
        }
        QVERIFY(sent.isEmpty() == false && (got & sent) == sent);
        // And the cache on disk holds them too, once the cache's batched write (the
        // next event-loop pass after the last page) is done: read until it is.
        qsizetype onDisk = -1;
        bool reading = false;
        const auto stored = [&] {
            if (!reading) {
                reading = true;
                bob.store->messagesAfter(kConv, 0, 10000)
                    .then(bob.service.get(), [&](const QList<api::Message> &l) {
                        onDisk = l.size();
                        reading = false;
                    });
            }
            return onDisk;
        };
        QTRY_COMPARE_WITH_TIMEOUT(stored(), 503, kWait);
    }

    void historyPagesFromTheServerAreCachedForTheModelAndTheCli()
    {
        ReferenceServer server(serverEnv());
        QVERIFY(server.start());
        QTemporaryDir dirA, dirB;
        {
            ChatClient bob(server.url(), QStringLiteral("bob"), { server.token(QStringLiteral("bob")) },
                           dirB.path());
            bob->start();
            QTRY_VERIFY_WITH_TIMEOUT(bob->isSynced(), kWait);
            for (int i = 0; i < 60; ++i)
                bob->sendMessage(kConv, QStringLiteral("history %1").arg(i));
            QTRY_COMPARE_WITH_TIMEOUT(bob->outboxPending(), 0, 60000);
        }
        ChatService::Options options = ChatClient::fastOptions();
        options.latestPageSize = 20;
        ChatClient alice(server.url(), QStringLiteral("alice"), { server.token(QStringLiteral("alice")) },
                         dirA.path(), options);
        QVERIFY(alice.startSynced(kConv));
        QTRY_COMPARE_WITH_TIMEOUT(alice->highestHeldSeq(kConv), 63, kWait);
        QCOMPARE(alice->messages(kConv).first().seq, 44); // the latest page only

        // The model pages back through the service: nothing cached before 44, so the server.
        models::MessageListModel *model = alice->messageModel(kConv);
        QAbstractItemModelTester tester(model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model->firstSeq(), 44);
        model->fetchMore({}); // the tester may have asked already: one request at a time
        QTRY_VERIFY_WITH_TIMEOUT(model->atStartOfHistory(), kWait);
        QCOMPARE(model->firstSeq(), 1);
        QCOMPARE(model->rowCount(), 63);
        // ... and the page it got is in the cache now.
        std::optional<QList<api::Message>> cached;
        alice.store->messagesBefore(kConv, 44, 100)
            .then(alice.service.get(), [&](const QList<api::Message> &l) { cached = l; });
        QTRY_VERIFY_WITH_TIMEOUT(cached.has_value(), kWait);
        QCOMPARE(cached->size(), 43);

        // The CLI's path is the same one: with the server gone, the cache answers.
        server.kill();
        std::optional<std::pair<bool, int>> older;
        alice->fetchOlder(kConv, 10, [&](bool ok, int added) { older = { ok, added }; });
        QTRY_VERIFY_WITH_TIMEOUT(older.has_value(), kWait);
        QCOMPARE(*older, std::make_pair(true, 10));
        QCOMPARE(alice->messages(kConv).first().seq, 34);
    }

    void cacheServesConversationsAndHistoryWithServerDown()
    {
        ReferenceServer server(serverEnv());
        QVERIFY(server.start());
        QTemporaryDir dir;
        const QString token = server.token(QStringLiteral("alice"));
        {
            ChatClient alice(server.url(), QStringLiteral("alice"), { token }, dir.path());
            alice->openConversation(kConv);
            alice->openConversation(QStringLiteral("group-ring"));
            alice->start();
            QTRY_VERIFY_WITH_TIMEOUT(alice->isSynced(), kWait);
            QTRY_COMPARE_WITH_TIMEOUT(alice->messages(QStringLiteral("group-ring")).size(), 3, kWait);
            QTRY_COMPARE_WITH_TIMEOUT(alice->messages(kConv).size(), 3, kWait);
        }
        server.kill();

        ChatClient alice(server.url(), QStringLiteral("alice"), { token }, dir.path());
        QSignalSpy loaded(alice.service.get(), &ChatService::cacheLoaded);
        alice->openConversation(kConv); // its page comes from the cache (the others' newest message only)
        alice->start();
        QTRY_COMPARE_WITH_TIMEOUT(loaded.count(), 1, kWait);
        QCOMPARE(alice->conversations().size(), 3);
        QStringList ids;
        for (const auto &c : alice->conversations())
            ids << c.id;
        ids.sort();
        QCOMPARE(ids,
                 (QStringList { kConv, QStringLiteral("dm-alice-carol"), QStringLiteral("group-ring") }));
        QCOMPARE(alice->messages(QStringLiteral("group-ring")).size(), 1);
        QTRY_COMPARE_WITH_TIMEOUT(alice->messages(kConv).size(), 3, kWait);
        const auto history = alice->messages(kConv);
        QCOMPARE(history.first().content, QStringLiteral("Hi Bob! Ring Chat is up."));
        QVERIFY(alice->status() != Status::Online);
        // Queueing works offline too.
        QVERIFY(!alice->sendMessage(kConv, QStringLiteral("later")).isEmpty());
        QCOMPARE(alice->messages(kConv).last().delivery, api::DeliveryState::Sending);
    }

    void expiredTokenIsRefreshedAndBadTokenSignsOut()
    {
        ReferenceServer server(serverEnv());
        QVERIFY(server.start());
        QTemporaryDir dir;
        ChatClient alice(server.url(), QStringLiteral("alice"),
                         { server.token(QStringLiteral("alice"), { QStringLiteral("--expired") }),
                           server.token(QStringLiteral("alice")) },
                         dir.path());
        alice->start();
        QTRY_COMPARE_WITH_TIMEOUT(alice->status(), Status::Online, kWait);
        QCOMPARE(alice.tokens.refreshes, 1);

        // An expired token that cannot be refreshed: signed out, no endless retries.
        QTemporaryDir dir2;
        ChatClient stale(server.url(), QStringLiteral("alice"),
                         { server.token(QStringLiteral("alice"), { QStringLiteral("--expired") }) },
                         dir2.path());
        QSignalSpy authFailed(stale.service.get(), &ChatService::authFailed);
        stale->start();
        QTRY_COMPARE_WITH_TIMEOUT(authFailed.count(), 1, kWait);
        QCOMPARE(stale->status(), Status::SignedOut);
    }

    void connectRateLimitShowsCountdown()
    {
        QProcessEnvironment env = serverEnv();
        env.insert(QStringLiteral("CONNECT_RATE_LIMIT"), QStringLiteral("1"));
        ReferenceServer server(env);
        QVERIFY(server.start());
        const QString token = server.token(QStringLiteral("alice"));
        QTemporaryDir d1, d2;
        ChatClient first(server.url(), QStringLiteral("alice"), { token }, d1.path());
        first->start();
        QTRY_COMPARE_WITH_TIMEOUT(first->status(), Status::Online, kWait);
        ChatClient second(server.url(), QStringLiteral("alice"), { token }, d2.path());
        second->start();
        QTRY_COMPARE_WITH_TIMEOUT(second->status(), Status::WaitingToRetry, kWait);
        QVERIFY(second->secondsUntilRetry() > 0);
        QVERIFY(second->connection()->lastError().size() > 0);
    }
};

QTEST_GUILESS_MAIN(TstChatService)
#include "tst_chatservice.moc"
