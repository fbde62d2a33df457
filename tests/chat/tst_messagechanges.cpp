// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// Receiving message changes (contract v2) against the real reference server: each
// edit, delete and reaction reaches the other client as one message_updated; and
// after a reconnect (a pause, or a SIGKILL while offline and a restart) the
// changes catch-up leaves the client's timelines, cache and models exactly as the
// server has every message. Alice makes the changes with the raw events.
#include "chatclient.h"
#include "referenceserver.h"

#include "api/ackreply.h"
#include "api/restclient.h"
#include "models/conversationlistmodel.h"
#include "models/messagelistmodel.h"
#include "net/socketioclient.h"

#include <QAbstractItemModelTester>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace ringchat;
using chat::ChatService;
using models::MessageListModel;
using Status = chat::ConnectionManager::Status;

namespace {

const QString kConv = QStringLiteral("dm-alice-bob");
constexpr int kWait = 20000; // generous: a slow shared 2-core machine

template <typename T> T awaitFuture(QFuture<T> future)
{
    QDeadlineTimer deadline(kWait);
    while (!future.isFinished() && !deadline.hasExpired())
        QTest::qWait(5);
    if (!future.isFinished())
        qFatal("a future did not finish in time");
    return future.result();
}

// A client event through the socket, and its ack.
api::AckReply emitAndWait(ChatClient &client, const QString &event, const QJsonObject &payload)
{
    std::optional<api::AckReply> reply;
    client->socket()->emitEvent(event, payload,
                                [&](const net::AckResult &r) { reply = api::AckReply::from(r); });
    QDeadlineTimer deadline(kWait);
    while (!reply && !deadline.hasExpired())
        QTest::qWait(5);
    return reply.value_or(api::AckReply {});
}

QJsonObject ref(const api::Message &m)
{
    return { { QStringLiteral("conversationId"), m.conversationId }, { QStringLiteral("messageId"), m.id } };
}

QString reactionsText(const QList<api::Reaction> &reactions)
{
    return QString::fromUtf8(QJsonDocument(api::reactionsToJson(reactions)).toJson(QJsonDocument::Compact));
}

// What the rev governs of a message, one line (a difference names the field). The reply
// preview is left out: it is the server's snapshot of another message when served.
QString stateOf(const api::Message &m)
{
    return QStringLiteral("%1 rev %2 [%3] %4 edited %5 deleted %6 reply %7 %8")
        .arg(m.seq)
        .arg(m.rev)
        .arg(m.content)
        .arg(m.format == api::Message::Format::Markdown ? QStringLiteral("markdown")
                                                        : QStringLiteral("plain"))
        .arg(api::formatTime(m.editedAt), api::formatTime(m.deletedAt), m.replyTo,
             reactionsText(m.reactions));
}

QStringList statesOf(const QList<api::Message> &messages)
{
    QStringList out;
    for (const api::Message &m : messages)
        out.append(stateOf(m));
    return out;
}

// The same, as the message model's roles show it (reactions as emoji and count).
QString rowStateOf(qint64 seq, qint64 rev, const QString &text, bool edited, bool deleted,
                   const QStringList &reactions)
{
    return QStringLiteral("%1 rev %2 [%3] edited %4 deleted %5 %6")
        .arg(seq)
        .arg(rev)
        .arg(text)
        .arg(edited)
        .arg(deleted)
        .arg(reactions.join(u' '));
}

QStringList rowStatesOf(const QList<api::Message> &messages)
{
    QStringList out;
    for (const api::Message &m : messages) {
        QStringList reactions;
        for (const api::Reaction &r : m.reactions)
            reactions.append(QStringLiteral("%1x%2").arg(r.emoji).arg(r.count));
        out.append(rowStateOf(m.seq, m.rev, m.content, m.editedAt.isValid(), m.isDeleted(), reactions));
    }
    return out;
}

QStringList rowStatesOf(const MessageListModel *model)
{
    using Role = MessageListModel::Role;
    QStringList out;
    for (int row = 0; row < model->rowCount(); ++row) {
        const QModelIndex i = model->index(row);
        QStringList reactions;
        for (const QVariant &r : model->data(i, Role::ReactionsRole).toList()) {
            const QVariantMap map = r.toMap();
            reactions.append(QStringLiteral("%1x%2")
                                 .arg(map.value(QStringLiteral("emoji")).toString())
                                 .arg(map.value(QStringLiteral("count")).toInt()));
        }
        out.append(
            rowStateOf(model->data(i, Role::SeqRole).toLongLong(), model->data(i, Role::RevRole).toLongLong(),
                       model->data(i, Role::TextRole).toString(), model->data(i, Role::EditedRole).toBool(),
                       model->data(i, Role::IsDeletedRole).toBool(), reactions));
    }
    return out;
}

// Every message of the conversation as the server has it now.
QList<api::Message> serverMessages(ChatClient &reader)
{
    QList<api::Message> out;
    qint64 cursor = 0;
    for (;;) {
        const auto page
            = awaitFuture(reader->rest()->messages(kConv, api::RestClient::Direction::After, cursor, 200));
        if (!page.ok())
            qFatal("the server's messages: %s", qPrintable(page.error().message));
        out += page.value().items;
        if (!page.value().hasMore || page.value().items.isEmpty())
            return out;
        cursor = page.value().items.last().seq;
    }
}

qint64 serverRev(ChatClient &reader)
{
    const auto list = awaitFuture(reader->rest()->allConversations());
    for (const api::Conversation &c : list.value())
        if (c.id == kConv)
            return c.rev;
    return -1;
}

// What the client's cache file holds (read again until the batched writes are in).
QStringList cachedStates(ChatClient &client)
{
    return statesOf(awaitFuture(client.store->messagesAfter(kConv, 0, 100000)));
}

// Alice, offline to Bob: edits 3 of her messages, deletes 2 and toggles 5 reactions
// (one on a message Bob holds only in his cache after a restart: seq 2), then sends one.
void changeWhileBobIsAway(ChatClient &alice, const QList<api::Message> &hers)
{
    QCOMPARE(hers.size(), 10);
    for (int i : { 0, 1, 2 }) {
        QJsonObject edit = ref(hers.at(i));
        edit.insert(QStringLiteral("content"), QStringLiteral("edited %1").arg(i));
        QVERIFY(emitAndWait(alice, QStringLiteral("edit_message"), edit).ok);
    }
    for (int i : { 3, 4 })
        QVERIFY(emitAndWait(alice, QStringLiteral("delete_message"), ref(hers.at(i))).ok);
    const auto react = [&](const api::Message &m, const QString &emoji, bool on) {
        QJsonObject r = ref(m);
        r.insert(QStringLiteral("emoji"), emoji);
        r.insert(QStringLiteral("on"), on);
        const api::AckReply ack = emitAndWait(alice, QStringLiteral("set_reaction"), r);
        QVERIFY2(ack.ok, qPrintable(ack.code + u' ' + ack.message));
    };
    react(hers.at(5), QStringLiteral("👍"), true);
    react(hers.at(6), QStringLiteral("❤️"), true);
    react(hers.at(0), QStringLiteral("🎉"), true); // on an edited one
    react(hers.at(5), QStringLiteral("👍"), false);
    api::Message bobsSecond;
    bobsSecond.conversationId = kConv;
    bobsSecond.id = serverMessages(alice).at(1).id; // the seeded one alice reacted to with 👍
    react(bobsSecond, QStringLiteral("👍"), false);
    const QString last = alice->sendMessage(kConv, QStringLiteral("after the changes"));
    QVERIFY(!last.isEmpty());
    QTRY_COMPARE_WITH_TIMEOUT(alice->outboxPending(), 0, kWait);
}

QList<qint64> seqsIn(const MessageListModel *model)
{
    QList<qint64> out;
    for (int row = 0; row < model->rowCount(); ++row)
        out.append(model->data(model->index(row), MessageListModel::SeqRole).toLongLong());
    return out;
}

QList<api::Message> only(const QList<api::Message> &messages, const QList<qint64> &seqs)
{
    QList<api::Message> out;
    for (const api::Message &m : messages)
        if (seqs.contains(m.seq))
            out.append(m);
    return out;
}

QList<qint64> seqsOf(const QList<api::Message> &messages)
{
    QList<qint64> out;
    for (const api::Message &m : messages)
        out.append(m.seq);
    return out;
}

// Bob's timelines (what they hold), model (its rows) and whole cache against the
// server, field by field; and his synced rev is the server's, on disk too.
void expectServerState(ChatClient &bob, ChatClient &reader, MessageListModel *model)
{
    const QList<api::Message> server = serverMessages(reader);
    QCOMPARE(server.size(), 14);
    QTRY_COMPARE_WITH_TIMEOUT(bob->highestHeldSeq(kConv), 14, kWait);
    QTRY_COMPARE_WITH_TIMEOUT(statesOf(bob->messages(kConv)),
                              statesOf(only(server, seqsOf(bob->messages(kConv)))), kWait);
    QTRY_COMPARE_WITH_TIMEOUT(
        model->data(model->index(model->rowCount() - 1), MessageListModel::SeqRole).toLongLong(), 14, kWait);
    QTRY_COMPARE_WITH_TIMEOUT(cachedStates(bob), statesOf(server), kWait);
    QTRY_COMPARE_WITH_TIMEOUT(rowStatesOf(model), rowStatesOf(only(server, seqsIn(model))), kWait);
    const qint64 rev = serverRev(reader);
    QVERIFY(rev > 14);
    QTRY_COMPARE_WITH_TIMEOUT(awaitFuture(bob.store->syncedRevs()).value(kConv), rev, kWait);
}

QList<api::Message> alicesOwn(const QList<api::Message> &messages)
{
    QList<api::Message> out;
    for (const api::Message &m : messages)
        if (m.senderId == QLatin1String("alice") && m.seq > 3)
            out.append(m);
    return out;
}

int countEvents(const QSignalSpy &spy, const QString &name)
{
    return int(std::count_if(spy.cbegin(), spy.cend(),
                             [&](const QList<QVariant> &args) { return args.at(0).toString() == name; }));
}

} // namespace

class TstMessageChanges : public QObject
{
    Q_OBJECT
private slots:
    void eachChangeReachesTheOtherClientAsOneMessageUpdated()
    {
        ReferenceServer server(ReferenceServer::relaxedLimits(), QStringLiteral("chat_messagechanges-live"));
        QVERIFY(server.start());
        QTemporaryDir dirA, dirB;
        ChatClient alice(server.url(), QStringLiteral("alice"), { server.token(QStringLiteral("alice")) },
                         dirA.path());
        ChatClient bob(server.url(), QStringLiteral("bob"), { server.token(QStringLiteral("bob")) },
                       dirB.path());
        alice->openConversation(kConv);
        bob->openConversation(kConv);
        MessageListModel *model = bob->messageModel(kConv);
        QAbstractItemModelTester tester(model, QAbstractItemModelTester::FailureReportingMode::Fatal);
        models::ConversationListModel *list = bob->conversationModel();
        alice->start();
        bob->start();
        QTRY_VERIFY_WITH_TIMEOUT(alice->isSynced() && bob->isSynced(), kWait);

        QSignalSpy delivered(alice.service.get(), &ChatService::messageDelivered);
        alice->sendMessage(kConv, QStringLiteral("say it again"));
        QTRY_COMPARE_WITH_TIMEOUT(delivered.count(), 1, kWait);
        const api::Message sent = delivered.at(0).at(1).value<api::Message>();
        QTRY_COMPARE_WITH_TIMEOUT(bob->highestHeldSeq(kConv), sent.seq, kWait);
        QTRY_COMPARE_WITH_TIMEOUT(model->rowOfSeq(sent.seq), model->rowCount() - 1, kWait);
        const int row = model->rowOfSeq(sent.seq);
        QSignalSpy events(bob.service.get(), &ChatService::serverEvent);
        using Role = MessageListModel::Role;

        QJsonObject edit = ref(sent);
        edit.insert(QStringLiteral("content"), QStringLiteral("said it better"));
        QVERIFY(emitAndWait(alice, QStringLiteral("edit_message"), edit).ok);
        QTRY_COMPARE_WITH_TIMEOUT(model->data(model->index(row), Role::TextRole).toString(),
                                  QStringLiteral("said it better"), kWait);
        QVERIFY(model->data(model->index(row), Role::EditedAtRole).toDateTime().isValid());
        QCOMPARE(bob->messages(kConv).last().content, QStringLiteral("said it better"));
        QTRY_COMPARE_WITH_TIMEOUT(
            list->data(list->index(list->indexOf(kConv)), models::ConversationListModel::LastMessageTextRole)
                .toString(),
            QStringLiteral("said it better"), kWait);
        QCOMPARE(countEvents(events, QStringLiteral("message_updated")), 1);

        QJsonObject react = ref(sent);
        react.insert(QStringLiteral("emoji"), QStringLiteral("👍"));
        react.insert(QStringLiteral("on"), true);
        QVERIFY(emitAndWait(alice, QStringLiteral("set_reaction"), react).ok);
        QTRY_COMPARE_WITH_TIMEOUT(model->data(model->index(row), Role::ReactionsRole).toList().size(), 1,
                                  kWait);
        const QVariantMap chip = model->data(model->index(row), Role::ReactionsRole).toList().first().toMap();
        QCOMPARE(chip.value(QStringLiteral("emoji")).toString(), QStringLiteral("👍"));
        QCOMPARE(chip.value(QStringLiteral("mine")).toBool(), false);
        QCOMPARE(chip.value(QStringLiteral("names")).toStringList(),
                 QStringList { QStringLiteral("Alice Example") });
        QCOMPARE(countEvents(events, QStringLiteral("message_updated")), 2);

        QVERIFY(emitAndWait(alice, QStringLiteral("delete_message"), ref(sent)).ok);
        QTRY_VERIFY_WITH_TIMEOUT(model->data(model->index(row), Role::IsDeletedRole).toBool(), kWait);
        QCOMPARE(model->data(model->index(row), Role::SeqRole).toLongLong(), sent.seq); // keeps its place
        QCOMPARE(model->data(model->index(row), Role::TextRole).toString(), QString());
        QCOMPARE(model->data(model->index(row), Role::CanDeleteRole).toBool(), false);
        QTRY_COMPARE_WITH_TIMEOUT(
            list->data(list->index(list->indexOf(kConv)), models::ConversationListModel::LastMessageTextRole)
                .toString(),
            QStringLiteral("Message deleted"), kWait);
        QCOMPARE(countEvents(events, QStringLiteral("message_updated")), 3);
        QCOMPARE(countEvents(events, QStringLiteral("message_received")), 0);
        // The sender's own client applies the same events; both caches hold the tombstone.
        QTRY_VERIFY_WITH_TIMEOUT(alice->messages(kConv).last().isDeleted(), kWait);
        QTRY_COMPARE_WITH_TIMEOUT(cachedStates(bob), statesOf(serverMessages(bob)), kWait);
        QTRY_COMPARE_WITH_TIMEOUT(cachedStates(alice), statesOf(serverMessages(alice)), kWait);
        // Live changes, one after another, moved the synced rev with them.
        QTRY_COMPARE_WITH_TIMEOUT(awaitFuture(bob.store->syncedRevs()).value(kConv), serverRev(bob), kWait);
    }

    void changesMadeWhileOfflineAreCaughtUpOnReconnect()
    {
        ReferenceServer server(ReferenceServer::relaxedLimits(), QStringLiteral("chat_messagechanges-pause"));
        QVERIFY(server.start());
        QTemporaryDir dirA, dirB;
        ChatClient alice(server.url(), QStringLiteral("alice"), { server.token(QStringLiteral("alice")) },
                         dirA.path());
        ChatClient bob(server.url(), QStringLiteral("bob"), { server.token(QStringLiteral("bob")) },
                       dirB.path());
        bob->openConversation(kConv);
        MessageListModel *model = bob->messageModel(kConv);
        QAbstractItemModelTester tester(model, QAbstractItemModelTester::FailureReportingMode::Fatal);
        alice->start();
        bob->start();
        QTRY_VERIFY_WITH_TIMEOUT(alice->isSynced() && bob->isSynced(), kWait);
        for (int i = 0; i < 10; ++i)
            alice->sendMessage(kConv, QStringLiteral("message %1 from alice").arg(i));
        QTRY_COMPARE_WITH_TIMEOUT(alice->outboxPending(), 0, kWait);
        QTRY_COMPARE_WITH_TIMEOUT(bob->highestHeldSeq(kConv), 13, kWait);

        bob->pause();
        QTRY_COMPARE_WITH_TIMEOUT(bob->status(), Status::Paused, kWait);
        QSignalSpy events(bob.service.get(), &ChatService::serverEvent);
        changeWhileBobIsAway(alice, alicesOwn(serverMessages(alice)));
        QCOMPARE(countEvents(events, QStringLiteral("message_updated")), 0); // away indeed

        bob->resume();
        QTRY_VERIFY_WITH_TIMEOUT(bob->isSynced(), kWait);
        expectServerState(bob, alice, model);
    }

    void killedWhileOfflineAndRestartedCatchesUp()
    {
        ReferenceServer server(ReferenceServer::relaxedLimits(), QStringLiteral("chat_messagechanges-kill"));
        QVERIFY(server.start());
        QTemporaryDir dirA, dirB;
        ChatClient alice(server.url(), QStringLiteral("alice"), { server.token(QStringLiteral("alice")) },
                         dirA.path());
        alice->start();
        QTRY_VERIFY_WITH_TIMEOUT(alice->isSynced(), kWait);
        for (int i = 0; i < 10; ++i)
            alice->sendMessage(kConv, QStringLiteral("message %1 from alice").arg(i));
        QTRY_COMPARE_WITH_TIMEOUT(alice->outboxPending(), 0, kWait);

        // Bob's app in its own process: synced with all 13, then offline, then killed.
        QProcess child;
        child.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        child.start(QStringLiteral(RINGCHAT_CHANGES_CHILD),
                    { server.url().toString(), QStringLiteral("bob"), server.token(QStringLiteral("bob")),
                      dirB.path(), kConv });
        QByteArray output;
        const auto waitFor = [&](const QByteArray &line) {
            QDeadlineTimer deadline(kWait);
            while (!output.contains(line) && !deadline.hasExpired()
                   && child.state() != QProcess::NotRunning) {
                child.waitForReadyRead(100);
                output += child.readAllStandardOutput();
            }
            return output.contains(line);
        };
        QVERIFY2(waitFor("SYNCED 13\n"), output.constData());
        child.write("pause\n");
        QVERIFY2(waitFor("PAUSED\n"), output.constData());
        changeWhileBobIsAway(alice, alicesOwn(serverMessages(alice)));
        child.kill(); // SIGKILL: nothing flushed beyond what SQLite committed
        QVERIFY(child.waitForFinished(kWait));
        QCOMPARE(child.exitStatus(), QProcess::CrashExit);

        // Restarted with a small first page: the older changed messages are only in the
        // cache, which the catch-up updates; scrolling up reads them back as changed.
        ChatService::Options options = ChatClient::fastOptions();
        options.latestPageSize = 5;
        ChatClient bob(server.url(), QStringLiteral("bob"), { server.token(QStringLiteral("bob")) },
                       dirB.path(), options);
        bob->openConversation(kConv);
        MessageListModel *model = bob->messageModel(kConv);
        QAbstractItemModelTester tester(model, QAbstractItemModelTester::FailureReportingMode::Fatal);
        model->setPageSize(3);
        bob->start();
        QTRY_VERIFY_WITH_TIMEOUT(bob->isSynced(), kWait);
        expectServerState(bob, alice, model);
        // The older changed messages were never held: the cache and the model took them.
        QVERIFY(bob->messages(kConv).size() < 14);
        while (!model->atStartOfHistory()) {
            const int before = model->rowCount();
            model->fetchMore({});
            QTRY_VERIFY_WITH_TIMEOUT(model->rowCount() > before || model->atStartOfHistory(), kWait);
        }
        QCOMPARE(rowStatesOf(model), rowStatesOf(serverMessages(alice)));
    }
};

QTEST_MAIN(TstMessageChanges)
#include "tst_messagechanges.moc"
