// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// Our actions on messages (contract v2) against the real reference server, with a
// real SQLite cache: each action shows at once, is acked with the server's state and
// reaches the other client as one message_updated; refusals roll the row back with
// a sentence; the outbox cases (an edit or a delete of a queued send, an action
// queued offline) hold across app restarts and reach the server exactly once; and
// the CLI's send --reply-to/--markdown, edit, delete, react, history and tail.
#include "chatclient.h"
#include "clirunner.h"
#include "referenceserver.h"
#include "serverstate.h"

#include "chat/connectionmanager.h"
#include "chat/messageactions.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

using namespace ringchat;
using chat::ChatService;
using Kind = store::OutboxEntry::Kind;
using PendingChange = api::Message::PendingChange;
using Status = chat::ConnectionManager::Status;

namespace {
const QString kConv = QStringLiteral("dm-alice-bob");
const QString kParty = QStringLiteral("\U0001F389"); // 🎉
constexpr int kWait = 20000;                         // generous: a slow shared 2-core machine

std::optional<api::Message> atSeq(const QList<api::Message> &list, qint64 seq)
{
    for (const api::Message &m : list)
        if (m.seq == seq)
            return m;
    return std::nullopt;
}

std::optional<api::Message> byClientId(const QList<api::Message> &list, const QString &clientId)
{
    for (const api::Message &m : list)
        if (m.clientId == clientId)
            return m;
    return std::nullopt;
}

QStringList serverRows(const ReferenceServer &server)
{
    return ::serverRows(server, kConv);
}
qint64 serverRev(const ReferenceServer &server)
{
    return ::serverRev(server, kConv);
}
QString messageId(const ReferenceServer &server, qint64 seq)
{
    return ::messageId(server, seq, kConv);
}

QJsonObject json(const QString &line)
{
    return QJsonDocument::fromJson(line.toUtf8()).object();
}

} // namespace

class TstMessageActions : public QObject
{
    Q_OBJECT
private slots:
    void eachActionShowsAtOnceIsAppliedAndReachesTheOther()
    {
        ReferenceServer server(ReferenceServer::relaxedLimits());
        QVERIFY(server.start());
        QTemporaryDir dirA, dirB;
        ChatClient alice(server.url(), QStringLiteral("alice"), { server.token(QStringLiteral("alice")) },
                         dirA.path());
        ChatClient bob(server.url(), QStringLiteral("bob"), { server.token(QStringLiteral("bob")) },
                       dirB.path());
        QVERIFY(alice.startSynced(kConv, 3));
        QVERIFY(bob.startSynced(kConv, 3));
        QStringList bobEvents;
        QObject::connect(bob.service.get(), &ChatService::serverEvent,
                         [&](const QString &event, const QJsonValue &) { bobEvents << event; });
        QSignalSpy applied(alice.service.get(), &ChatService::actionApplied);
        QSignalSpy updated(alice.service.get(), &ChatService::messageUpdated);
        const auto first = atSeq(alice->messages(kConv), 1).value();
        const auto second = atSeq(alice->messages(kConv), 2).value();
        const auto third = atSeq(alice->messages(kConv), 3).value();
        const qint64 revBefore = serverRev(server);

        // Edit: the row shows it at once, then the server's state.
        const QString edit = alice->editMessage(kConv, third.id, QStringLiteral("Great, see you there!"));
        QVERIFY(!edit.isEmpty());
        auto shown = atSeq(alice->messages(kConv), 3).value();
        QCOMPARE(shown.content, QStringLiteral("Great, see you there!"));
        QCOMPARE(shown.pendingChange, PendingChange::Edit);
        QCOMPARE(updated.last().at(1).value<api::Message>().pendingChange, PendingChange::Edit);
        QTRY_COMPARE_WITH_TIMEOUT(applied.count(), 1, kWait);
        QCOMPARE(applied.at(0).at(0).toString(), edit);
        const auto edited = applied.at(0).at(1).value<api::Message>();
        QCOMPARE(edited.content, QStringLiteral("Great, see you there!"));
        QVERIFY(edited.editedAt.isValid());
        QCOMPARE(edited.rev, revBefore + 1);
        shown = atSeq(alice->messages(kConv), 3).value();
        QCOMPARE(shown.rev, edited.rev);
        QCOMPARE(shown.pendingChange, PendingChange::None);
        QCOMPARE(updated.last().at(1).value<api::Message>().rev, edited.rev);

        // React: our 🎉 joins at once.
        alice->setReaction(kConv, second.id, kParty, true);
        shown = atSeq(alice->messages(kConv), 2).value();
        QCOMPARE(shown.pendingChange, PendingChange::React);
        QCOMPARE(shown.reactions.last().emoji, kParty);
        QCOMPARE(shown.reactions.last().userIds, QStringList { QStringLiteral("alice") });
        QTRY_COMPARE_WITH_TIMEOUT(applied.count(), 2, kWait);
        QCOMPARE(applied.at(1).at(1).value<api::Message>().reactions, shown.reactions);
        QCOMPARE(atSeq(alice->messages(kConv), 2)->pendingChange, PendingChange::None);

        // Delete: a tombstone at once, then the server's.
        alice->deleteMessage(kConv, first.id);
        shown = atSeq(alice->messages(kConv), 1).value();
        QVERIFY(shown.isDeleted());
        QCOMPARE(shown.pendingChange, PendingChange::Delete);
        QTRY_COMPARE_WITH_TIMEOUT(applied.count(), 3, kWait);
        const auto tombstone = applied.at(2).at(1).value<api::Message>();
        QVERIFY(tombstone.isDeleted());
        QVERIFY(tombstone.content.isEmpty());
        QVERIFY(tombstone.reactions.isEmpty());
        QCOMPARE(atSeq(alice->messages(kConv), 1)->rev, tombstone.rev);

        // Each reached bob as one message_updated.
        QTRY_COMPARE_WITH_TIMEOUT(bobEvents.count(QStringLiteral("message_updated")), 3, kWait);

        // A markdown reply: the pending row quotes the held original at once.
        QSignalSpy inserted(alice.service.get(), &ChatService::messagesInserted);
        QSignalSpy delivered(alice.service.get(), &ChatService::messageDelivered);
        const QString reply = alice->sendMessage(kConv, QStringLiteral("**Yes**, I see it"), second.id, true);
        QVERIFY(!reply.isEmpty());
        const auto pending = inserted.last().at(1).value<QList<api::Message>>().first();
        QCOMPARE(pending.format, api::Message::Format::Markdown);
        QCOMPARE(pending.replyTo, second.id);
        QVERIFY(pending.replyPreview.has_value());
        QCOMPARE(pending.replyPreview->seq, 2);
        QCOMPARE(pending.replyPreview->snippet, QStringLiteral("Hi Alice, I can see it."));
        QCOMPARE(pending.replyPreview->senderName, second.senderName);
        QTRY_COMPARE_WITH_TIMEOUT(delivered.count(), 1, kWait);
        const auto stored = delivered.at(0).at(1).value<api::Message>();
        QCOMPARE(stored.format, api::Message::Format::Markdown);
        QCOMPARE(stored.replyTo, second.id);
        QCOMPARE(stored.replyPreview->snippet, pending.replyPreview->snippet);
        QCOMPARE(alice->outboxPending(), 0);

        // The server holds exactly that.
        const QStringList rows = serverRows(server);
        QCOMPARE(rows.size(), 4);
        QCOMPARE(rows.at(0), QStringLiteral("1||plain|1|[]"));
        QVERIFY2(rows.at(1).endsWith(QStringLiteral("[{\"emoji\":\"\U0001F44D\",\"userIds\":[\"alice\"]},"
                                                    "{\"emoji\":\"%1\",\"userIds\":[\"alice\"]}]")
                                         .arg(kParty)),
                 qPrintable(rows.at(1)));
        QCOMPARE(rows.at(2), QStringLiteral("3|Great, see you there!|plain|0|[]"));
        QCOMPARE(rows.at(3), QStringLiteral("4|**Yes**, I see it|markdown|0|[]"));
        QCOMPARE(serverRev(server), revBefore + 4);
    }

    void refusalsRollTheRowBackAndSayWhy()
    {
        ReferenceServer server(ReferenceServer::relaxedLimits(
            { { QStringLiteral("EDIT_WINDOW_S"), QStringLiteral("1") } })); // a 1 s edit window
        QVERIFY(server.start());
        QTemporaryDir dir;
        ChatClient alice(server.url(), QStringLiteral("alice"), { server.token(QStringLiteral("alice")) },
                         dir.path());
        QVERIFY(alice.startSynced(kConv, 3));
        alice->openConversation(QStringLiteral("dm-alice-carol"));
        QTRY_VERIFY_WITH_TIMEOUT(alice->messages(QStringLiteral("dm-alice-carol")).size() == 3, kWait);
        QSignalSpy refused(alice.service.get(), &ChatService::actionRefused);
        QSignalSpy applied(alice.service.get(), &ChatService::actionApplied);
        const QStringList rowsBefore = serverRows(server);
        const qint64 revBefore = serverRev(server);
        const auto bobs = atSeq(alice->messages(kConv), 2).value();
        const auto ours = atSeq(alice->messages(kConv), 3).value();
        const auto tombstone = atSeq(alice->messages(QStringLiteral("dm-alice-carol")), 2).value();
        QVERIFY(tombstone.isDeleted());
        QTest::qWait(1500); // past the window for the seeded messages

        struct Case
        {
            QString conv;
            Kind kind;
            api::Message target;
            QString code;
        };
        api::Message unknown = ours;
        unknown.id = QStringLiteral("no-such-message");
        const QList<Case> cases {
            { kConv, Kind::Edit, ours, QStringLiteral("EDIT_WINDOW_CLOSED") },
            { kConv, Kind::Edit, bobs, QStringLiteral("FORBIDDEN") },
            { kConv, Kind::Delete, bobs, QStringLiteral("FORBIDDEN") }, // not a group: only the sender
            { QStringLiteral("dm-alice-carol"), Kind::React, tombstone, QStringLiteral("GONE") },
            { QStringLiteral("dm-alice-carol"), Kind::Edit, tombstone, QStringLiteral("FORBIDDEN") },
            { kConv, Kind::Delete, unknown, QStringLiteral("NOT_FOUND") },
        };
        for (const Case &c : cases) {
            const int n = int(refused.count());
            const QString id = c.kind == Kind::Edit
                ? alice->editMessage(c.conv, c.target.id, QStringLiteral("new"))
                : c.kind == Kind::Delete ? alice->deleteMessage(c.conv, c.target.id)
                                         : alice->setReaction(c.conv, c.target.id, kParty, true);
            QVERIFY(!id.isEmpty());
            if (c.target.seq > 0 && c.target.id == atSeq(alice->messages(c.conv), c.target.seq)->id)
                QVERIFY(atSeq(alice->messages(c.conv), c.target.seq)->pendingChange != PendingChange::None);
            QTRY_COMPARE_WITH_TIMEOUT(refused.count(), n + 1, kWait);
            const QList<QVariant> r = refused.last();
            QCOMPARE(r.at(0).toString(), c.conv);
            QCOMPARE(r.at(1).toString(), c.target.id);
            QCOMPARE(r.at(2).toString(), c.code);
            QCOMPARE(r.at(3).toString(), chat::MessageActions::refusalSentence(c.kind, c.code));
            // The row is the server's again.
            const auto row = atSeq(alice->messages(c.conv), c.target.seq).value();
            QCOMPARE(row.pendingChange, PendingChange::None);
            QCOMPARE(row.content, c.target.content);
            QCOMPARE(row.reactions, c.target.reactions);
            QCOMPARE(row.isDeleted(), c.target.isDeleted());
        }
        QCOMPARE(applied.count(), 0);
        QCOMPARE(alice->outboxPending(), 0);
        QCOMPARE(serverRows(server), rowsBefore);
        QCOMPARE(serverRev(server), revBefore);
    }

    void anEditOfAQueuedSendRewritesItAcrossRestarts()
    {
        ReferenceServer server(ReferenceServer::relaxedLimits());
        QVERIFY(server.start());
        QTemporaryDir dir;
        const QString token = server.token(QStringLiteral("alice"));
        QString clientId;
        {
            ChatClient alice(server.url(), QStringLiteral("alice"), { token }, dir.path());
            QVERIFY(alice.startSynced(kConv, 3));
            server.kill();
            QTRY_VERIFY_WITH_TIMEOUT(alice->status() != Status::Online, kWait);
            clientId = alice->sendMessage(kConv, QStringLiteral("teh plan"));
        } // the app quits with the message queued
        {
            ChatClient alice(server.url(), QStringLiteral("alice"), { token }, dir.path());
            alice->openConversation(kConv);
            alice->start();
            QTRY_VERIFY_WITH_TIMEOUT(byClientId(alice->messages(kConv), clientId).has_value(), kWait);
            QCOMPARE(alice->editMessage(kConv, clientId, QStringLiteral("the plan")), clientId);
            const auto row = byClientId(alice->messages(kConv), clientId).value();
            QCOMPARE(row.content, QStringLiteral("the plan"));
            QCOMPARE(row.delivery, api::DeliveryState::Sending);
            QCOMPARE(alice->outboxPending(), 1); // the send, rewritten: no edit queued
        }                                        // and quits again before the server is back
        QVERIFY(server.start());
        ChatClient alice(server.url(), QStringLiteral("alice"), { token }, dir.path());
        alice->openConversation(kConv);
        alice->start();
        QTRY_VERIFY_WITH_TIMEOUT(alice->isCacheLoaded(), kWait); // the outbox is read back
        QTRY_COMPARE_WITH_TIMEOUT(alice->outboxPending(), 0, kWait);
        QTRY_VERIFY_WITH_TIMEOUT(alice->isSynced(), kWait);
        const auto stored = byClientId(alice->messages(kConv), clientId).value();
        QCOMPARE(stored.seq, 4);
        QCOMPARE(stored.content, QStringLiteral("the plan"));
        QVERIFY(!stored.editedAt.isValid()); // the server never saw "teh plan"
        QCOMPARE(server
                     .sql(QStringLiteral("SELECT content || '|' || (editedAt IS NULL) FROM messages WHERE "
                                         "clientId = '%1'")
                              .arg(clientId))
                     .trimmed(),
                 QStringLiteral("the plan|1"));
    }

    void aDeleteOfAQueuedSendTakesItOutAcrossRestarts()
    {
        ReferenceServer server(ReferenceServer::relaxedLimits());
        QVERIFY(server.start());
        QTemporaryDir dir;
        const QString token = server.token(QStringLiteral("alice"));
        QString clientId;
        {
            ChatClient alice(server.url(), QStringLiteral("alice"), { token }, dir.path());
            QVERIFY(alice.startSynced(kConv, 3));
            server.kill();
            QTRY_VERIFY_WITH_TIMEOUT(alice->status() != Status::Online, kWait);
            clientId = alice->sendMessage(kConv, QStringLiteral("never mind"));
        }
        {
            ChatClient alice(server.url(), QStringLiteral("alice"), { token }, dir.path());
            QSignalSpy removed(alice.service.get(), &ChatService::messageRemoved);
            alice->openConversation(kConv);
            alice->start();
            QTRY_VERIFY_WITH_TIMEOUT(byClientId(alice->messages(kConv), clientId).has_value(), kWait);
            QCOMPARE(alice->deleteMessage(kConv, clientId), clientId);
            QCOMPARE(removed.count(), 1);
            QVERIFY(!byClientId(alice->messages(kConv), clientId).has_value());
            QCOMPARE(alice->outboxPending(), 0);
        }
        QVERIFY(server.start());
        ChatClient alice(server.url(), QStringLiteral("alice"), { token }, dir.path());
        QVERIFY(alice.startSynced(kConv, 3));
        QTest::qWait(500); // anything left would go out now
        QCOMPARE(alice->messages(kConv).size(), 3);
        QVERIFY(!byClientId(alice->messages(kConv), clientId).has_value());
        QCOMPARE(serverRows(server).size(), 3); // nothing reached the server
    }

    void actionsQueuedOfflineGoOutOnceAfterARestart()
    {
        ReferenceServer server(ReferenceServer::relaxedLimits());
        QVERIFY(server.start());
        QTemporaryDir dir;
        const QString token = server.token(QStringLiteral("alice"));
        const qint64 revBefore = serverRev(server);
        api::Message second, third;
        QString clientId;
        {
            ChatClient alice(server.url(), QStringLiteral("alice"), { token }, dir.path());
            QVERIFY(alice.startSynced(kConv, 3));
            second = atSeq(alice->messages(kConv), 2).value();
            third = atSeq(alice->messages(kConv), 3).value();
            server.kill();
            QTRY_VERIFY_WITH_TIMEOUT(alice->status() != Status::Online, kWait);
            QVERIFY(!alice->editMessage(kConv, third.id, QStringLiteral("Edited offline")).isEmpty());
            QVERIFY(!alice->setReaction(kConv, second.id, kParty, true).isEmpty());
            // A send and an action on it, both queued.
            clientId = alice->sendMessage(kConv, QStringLiteral("queued"));
            QVERIFY(!alice->setReaction(kConv, clientId, kParty, true).isEmpty());
            QCOMPARE(alice->outboxPending(), 4);
        }
        ChatClient alice(server.url(), QStringLiteral("alice"), { token }, dir.path());
        alice->openConversation(kConv);
        alice->start();
        // Before the server is back, the rows show what is queued.
        QTRY_VERIFY_WITH_TIMEOUT(atSeq(alice->messages(kConv), 2).has_value()
                                     && atSeq(alice->messages(kConv), 3).has_value(),
                                 kWait);
        QCOMPARE(alice->outboxPending(), 4);
        QCOMPARE(atSeq(alice->messages(kConv), 3)->content, QStringLiteral("Edited offline"));
        QCOMPARE(atSeq(alice->messages(kConv), 3)->pendingChange, PendingChange::Edit);
        QCOMPARE(atSeq(alice->messages(kConv), 2)->reactions.last().emoji, kParty);
        const auto queued = byClientId(alice->messages(kConv), clientId).value();
        QCOMPARE(queued.pendingChange, PendingChange::React);

        QVERIFY(server.start());
        QTRY_COMPARE_WITH_TIMEOUT(alice->outboxPending(), 0, kWait);
        QTRY_VERIFY_WITH_TIMEOUT(alice->isSynced(), kWait);
        const QStringList rows = serverRows(server);
        QCOMPARE(rows.size(), 4);
        QCOMPARE(rows.at(2), QStringLiteral("3|Edited offline|plain|0|[]"));
        QCOMPARE(rows.at(1).count(kParty), 1);
        QCOMPARE(rows.at(3),
                 QStringLiteral("4|queued|plain|0|[{\"emoji\":\"%1\",\"userIds\":[\"alice\"]}]").arg(kParty));
        QCOMPARE(serverRev(server), revBefore + 4); // each once: edit, reaction, message, reaction
        const auto shown = atSeq(alice->messages(kConv), 3).value();
        QCOMPARE(shown.content, QStringLiteral("Edited offline"));
        QCOMPARE(shown.pendingChange, PendingChange::None);
    }

    void aReactionToggledBackWhileQueuedCancelsOutAcrossARestart()
    {
        ReferenceServer server(ReferenceServer::relaxedLimits());
        QVERIFY(server.start());
        QTemporaryDir dir;
        const QString token = server.token(QStringLiteral("alice"));
        const qint64 revBefore = serverRev(server);
        const QStringList rowsBefore = serverRows(server);
        QString second;
        {
            ChatClient alice(server.url(), QStringLiteral("alice"), { token }, dir.path());
            QVERIFY(alice.startSynced(kConv, 3));
            second = atSeq(alice->messages(kConv), 2)->id;
            server.kill();
            QTRY_VERIFY_WITH_TIMEOUT(alice->status() != Status::Online, kWait);
            QVERIFY(!alice->setReaction(kConv, second, kParty, true).isEmpty());
            QCOMPARE(alice->outboxPending(), 1);
        } // the app quits with the reaction queued
        QVERIFY(server.start());
        server.pause(); // up, but it answers nothing: the app starts offline
        ChatClient alice(server.url(), QStringLiteral("alice"), { token }, dir.path());
        alice->openConversation(kConv);
        alice->start();
        QTRY_VERIFY_WITH_TIMEOUT(alice->isCacheLoaded() && atSeq(alice->messages(kConv), 2).has_value(),
                                 kWait);
        QCOMPARE(alice->outboxPending(), 1);
        QVERIFY(!alice->setReaction(kConv, second, kParty, false).isEmpty());
        QCOMPARE(alice->outboxPending(), 0);                             // neither goes out
        QCOMPARE(atSeq(alice->messages(kConv), 2)->reactions.size(), 1); // Alice's thumbs up, as before
        server.resume();
        QTRY_VERIFY_WITH_TIMEOUT(alice->isSynced(), kWait);
        QTest::qWait(500); // anything left would go out now
        QCOMPARE(serverRev(server), revBefore);
        QCOMPARE(serverRows(server), rowsBefore);
    }

    void aReactionToggledBackAfterItWentOutFollowsItAcrossARestart()
    {
        ReferenceServer server(ReferenceServer::relaxedLimits());
        QVERIFY(server.start());
        QTemporaryDir dir;
        const QString token = server.token(QStringLiteral("alice"));
        const qint64 revBefore = serverRev(server);
        QString second;
        {
            ChatClient alice(server.url(), QStringLiteral("alice"), { token }, dir.path());
            QVERIFY(alice.startSynced(kConv, 3));
            second = atSeq(alice->messages(kConv), 2)->id;
            server.pause(); // the reaction goes out, and no answer comes
            QVERIFY(!alice->setReaction(kConv, second, kParty, true).isEmpty());
            QTest::qWait(300);
            QCOMPARE(alice->outboxPending(), 1);
        } // the app quits with the reaction sent and not answered
        ChatClient alice(server.url(), QStringLiteral("alice"), { token }, dir.path());
        alice->openConversation(kConv);
        alice->start();
        QTRY_VERIFY_WITH_TIMEOUT(alice->isCacheLoaded() && atSeq(alice->messages(kConv), 2).has_value(),
                                 kWait);
        QVERIFY(!alice->setReaction(kConv, second, kParty, false).isEmpty());
        QCOMPARE(alice->outboxPending(), 2); // the server may have the first: both go, in order
        server.resume();
        QTRY_COMPARE_WITH_TIMEOUT(alice->outboxPending(), 0, kWait);
        QTRY_VERIFY_WITH_TIMEOUT(alice->isSynced(), kWait);
        QCOMPARE(serverRows(server).at(1).count(kParty), 0);
        QCOMPARE(serverRev(server), revBefore + 2);                      // on, then off
        QCOMPARE(atSeq(alice->messages(kConv), 2)->reactions.size(), 1); // Alice's thumbs up, as before
    }

    void cliSendReplyEditReactDeleteHistoryAndTail()
    {
        ReferenceServer server(ReferenceServer::relaxedLimits());
        QVERIFY(server.start());
        const QString alice = server.token(QStringLiteral("alice"));
        const QString bob = server.token(QStringLiteral("bob"));
        QTemporaryDir dirA, dirB;
        QProcess tail;
        startCli(tail, server.url(), bob, dirB.path(), { QStringLiteral("tail"), kConv });
        QVERIFY(tail.waitForStarted(10000));
        QString tailErr;
        QTRY_VERIFY_WITH_TIMEOUT((tailErr += QString::fromUtf8(tail.readAllStandardError()))
                                     .contains(QStringLiteral("Connected.")),
                                 kWait);
        const QString second = messageId(server, 2), third = messageId(server, 3),
                      first = messageId(server, 1);

        CliResult r = runCli(server.url(), alice, dirA.path(),
                             { QStringLiteral("send"), kConv, QStringLiteral("*agreed*"),
                               QStringLiteral("--reply-to"), second, QStringLiteral("--markdown") });
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.lines().size(), 1);
        QJsonObject m = json(r.lines().first());
        QCOMPARE(m.value(QStringLiteral("replyTo")).toString(), second);
        QCOMPARE(m.value(QStringLiteral("format")).toString(), QStringLiteral("markdown"));
        QCOMPARE(m.value(QStringLiteral("replyPreview")).toObject().value(QStringLiteral("seq")).toInt(), 2);

        r = runCli(
            server.url(), alice, dirA.path(),
            { QStringLiteral("edit"), kConv, third, QStringLiteral("Great,"), QStringLiteral("edited") });
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.err.isEmpty(), qPrintable(r.err));
        QCOMPARE(r.lines().size(), 1);
        m = json(r.lines().first());
        QCOMPARE(m.value(QStringLiteral("content")).toString(), QStringLiteral("Great, edited"));
        QVERIFY(m.contains(QStringLiteral("editedAt")));

        r = runCli(server.url(), alice, dirA.path(), { QStringLiteral("react"), kConv, second, kParty });
        QCOMPARE(r.exitCode, 0);
        m = json(r.lines().value(0));
        QCOMPARE(m.value(QStringLiteral("reactions"))
                     .toArray()
                     .last()
                     .toObject()
                     .value(QStringLiteral("emoji"))
                     .toString(),
                 kParty);
        r = runCli(server.url(), alice, dirA.path(),
                   { QStringLiteral("react"), kConv, second, kParty, QStringLiteral("--off") });
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(json(r.lines().value(0)).value(QStringLiteral("reactions")).toArray().size(), 1);

        r = runCli(server.url(), alice, dirA.path(), { QStringLiteral("delete"), kConv, first });
        QCOMPARE(r.exitCode, 0);
        m = json(r.lines().value(0));
        QVERIFY(m.contains(QStringLiteral("deletedAt")));
        QCOMPARE(m.value(QStringLiteral("content")).toString(), QString());

        // history: the v2 fields, the tombstone included (from the server: a new data dir).
        QTemporaryDir dirH;
        r = runCli(server.url(), alice, dirH.path(), { QStringLiteral("history"), kConv });
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.lines().size(), 4);
        const QJsonObject tomb = json(r.lines().at(0));
        QVERIFY(tomb.contains(QStringLiteral("deletedAt")));
        QCOMPARE(tomb.value(QStringLiteral("content")).toString(), QString());
        QCOMPARE(tomb.value(QStringLiteral("reactions")).toArray().size(), 0);
        const QJsonObject reacted = json(r.lines().at(1));
        QCOMPARE(reacted.value(QStringLiteral("reactions")).toArray().size(), 1);
        QVERIFY(reacted.contains(QStringLiteral("rev")));
        QCOMPARE(json(r.lines().at(3)).value(QStringLiteral("format")).toString(),
                 QStringLiteral("markdown"));

        // A refusal exits 5 and names the code.
        r = runCli(server.url(), alice, dirA.path(),
                   { QStringLiteral("edit"), kConv, second, QStringLiteral("mine now") });
        QCOMPARE(r.exitCode, 5);
        QVERIFY2(r.err.contains(QStringLiteral("FORBIDDEN")), qPrintable(r.err));
        QVERIFY(r.out.isEmpty());
        r = runCli(server.url(), alice, dirA.path(),
                   { QStringLiteral("react"), kConv, second, QStringLiteral("ok") });
        QCOMPARE(r.exitCode, 2);

        // tail printed each change as message_updated: edit, react on, react off, delete.
        QString out;
        QTRY_VERIFY_WITH_TIMEOUT((out += QString::fromUtf8(tail.readAllStandardOutput()))
                                         .count(QStringLiteral("\"event\":\"message_updated\""))
                                     == 4,
                                 kWait);
        for (const QString &line : out.split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
            const QJsonObject o = json(line);
            if (o.value(QStringLiteral("event")) == QLatin1String("message_updated"))
                QVERIFY(o.value(QStringLiteral("data")).toObject().contains(QStringLiteral("rev")));
        }
        ::kill(pid_t(tail.processId()), SIGINT);
        QVERIFY(tail.state() == QProcess::NotRunning || tail.waitForFinished(kWait));
    }

    void cliActionWithoutAnAnswerStaysQueuedForTheNextRun()
    {
        ReferenceServer server(ReferenceServer::relaxedLimits());
        QVERIFY(server.start());
        const QString alice = server.token(QStringLiteral("alice"));
        QTemporaryDir dir;
        const QString second = messageId(server, 2), third = messageId(server, 3);
        const qint64 revBefore = serverRev(server);
        server.stop();
        CliResult r = runCli(server.url(), alice, dir.path(),
                             { QStringLiteral("--timeout"), QStringLiteral("2"), QStringLiteral("edit"),
                               kConv, third, QStringLiteral("said while away") });
        QCOMPARE(r.exitCode, 4);
        QVERIFY2(r.err.contains(QStringLiteral("stays queued")), qPrintable(r.err));
        QVERIFY(r.out.isEmpty());

        QVERIFY(server.start());
        r = runCli(server.url(), alice, dir.path(), { QStringLiteral("react"), kConv, second, kParty });
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.lines().size(), 1); // only its own result
        QCOMPARE(serverRows(server).at(2), QStringLiteral("3|said while away|plain|0|[]"));
        QCOMPARE(serverRev(server), revBefore + 2); // the edit and the reaction, once each

        // Again: nothing left to replay.
        r = runCli(server.url(), alice, dir.path(),
                   { QStringLiteral("react"), kConv, second, kParty, QStringLiteral("--off") });
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(serverRev(server), revBefore + 3);
    }
};

QTEST_GUILESS_MAIN(TstMessageActions)
#include "tst_messageactions.moc"
