// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// A notification's actions end to end: bob's messages reach alice's session from the
// real reference server, MessageNotifier words them, DesktopNotifications shows them on
// the real session bus (dbus-run-session) to a test notification server, and what that
// server sends back is done on alice's account by NotificationActions: a click opens
// bob's conversation at the message (loaded around it when outside the window),
// "Mark as read" moves alice's read marker on the server (seen by bob's client), and
// the inline reply reaches bob exactly once, as a reply to the message.
#include "appsessiontest.h"
#include "referenceserver.h"
#include "testnotificationserver.h"

#include "app/currentconversation.h"
#include "app/desktopnotifications.h"
#include "app/messagenotifier.h"
#include "app/notificationactions.h"
#include "app/session.h"
#include "app/settings.h"
#include "models/messagelistmodel.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace ringchat;
using namespace ringchat::app;
using ringchat::testing::kDirect;
using ringchat::testing::kWait;

namespace {
std::optional<api::Message> find(const QList<api::Message> &messages, const QString &content)
{
    for (const api::Message &m : messages) {
        if (m.content == content)
            return m;
    }
    return std::nullopt;
}

qsizetype countOf(const QList<api::Message> &messages, const QString &content)
{
    return std::count_if(messages.cbegin(), messages.cend(),
                         [&](const api::Message &m) { return m.content == content; });
}

qint64 lastReadSeqOf(const std::optional<api::Conversation> &conversation, const QString &userId)
{
    for (const api::Participant &p : conversation ? conversation->participants : QList<api::Participant>()) {
        if (p.userId == userId)
            return p.lastReadSeq;
    }
    return -1;
}
} // namespace

class TestNotificationActions : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY2(QDBusConnection::sessionBus().isConnected(), "needs a session bus (dbus-run-session)");
    }

    void actionsOnTheAccount()
    {
        ReferenceServer server(ReferenceServer::relaxedLimits(), QStringLiteral("app_notificationactions"));
        QVERIFY(server.start());
        TestNotificationServer desktop(
            { QStringLiteral("body"), QStringLiteral("actions"), QStringLiteral("inline-reply") },
            QStringLiteral("notification-server"));

        // Alice's app, as main() and DesktopIntegration put it together.
        QTemporaryDir data;
        Settings settings(nullptr);
        settings.setServerUrl(server.url().toString());
        Session session(&settings, { server.token(QStringLiteral("alice")), data.path() });
        CurrentConversation current(&session, &settings);
        MessageNotifier notifier(&session, &settings, &current);
        DesktopNotifications notifications(QDBusConnection::sessionBus());
        connect(&notifier, &MessageNotifier::notificationRequested, &notifications,
                [&](const QString &conversationId, const QString &title, const QString &text,
                    const QString &messageId, qint64 seq) {
                    notifications.show({ conversationId, messageId, seq, title, text });
                });
        NotificationActions actions(&notifications, &session, &current);
        QSignalSpy raised(&actions, &NotificationActions::raiseRequested);
        QTRY_VERIFY_WITH_TIMEOUT(notifications.isAvailable(), kWait);
        session.start();
        QTRY_COMPARE_WITH_TIMEOUT(session.connectionState(), ConnectionState::Online, kWait);
        QTRY_VERIFY_WITH_TIMEOUT(session.service()->conversation(kDirect).has_value(), kWait);
        chat::ChatService *alice = session.service();
        // The history keeps a small window, so the message is soon outside it.
        models::MessageListModel *history = alice->messageModel(kDirect);
        history->setMaxRows(20);

        ringchat::testing::OtherAccount bobAccount(server, QStringLiteral("bob"));
        chat::ChatService *bob = bobAccount.service();
        bob->openConversation(kDirect);
        bob->start();
        QTRY_COMPARE_WITH_TIMEOUT(bob->status(), chat::ConnectionManager::Status::Online, kWait);
        const auto bobSays = [&](const QString &content) {
            bob->sendMessage(kDirect, content);
            return QTest::qWaitFor([&] { return find(alice->messages(kDirect), content).has_value(); },
                                   kWait);
        };

        // Bob's message: a Notify on the bus, with his name and the text.
        const QString question = QStringLiteral("Are you coming tonight?");
        QVERIFY(bobSays(question));
        QTRY_COMPARE_WITH_TIMEOUT(desktop.shown.size(), 1, kWait);
        QCOMPARE(desktop.shown.at(0).summary, QStringLiteral("Bob Example"));
        QCOMPARE(desktop.shown.at(0).body, question);
        QVERIFY(desktop.shown.at(0).actions.contains(QStringLiteral("inline-reply")));
        const api::Message asked = *find(alice->messages(kDirect), question);

        // Thirty more push it out of the history's window.
        for (int i = 1; i <= 30; ++i)
            QVERIFY(bobSays(QStringLiteral("filler %1").arg(i)));
        QTRY_COMPARE_WITH_TIMEOUT(desktop.shown.size(), 31, kWait);
        QCOMPARE(history->rowOfSeq(asked.seq), -1);
        QVERIFY(current.conversationId().isEmpty());

        // A click: bob's conversation opens at the question, loaded around it.
        QSignalSpy revealed(history, &models::MessageListModel::revealed);
        desktop.invoke(desktop.shown.at(0).id, QStringLiteral("default"));
        QTRY_COMPARE_WITH_TIMEOUT(raised.size(), 1, kWait);
        QCOMPARE(current.conversationId(), kDirect);
        QCOMPARE(current.messages(), static_cast<QAbstractItemModel *>(history));
        QTRY_COMPARE_WITH_TIMEOUT(revealed.size(), 1, kWait);
        const int row = revealed.at(0).at(0).toInt();
        QCOMPARE(history->rowOfSeq(asked.seq), row);
        QCOMPARE(history->index(row).data(models::MessageListModel::IdRole).toString(), asked.id);

        // "Mark as read" on the newest: the server moves alice's marker there, and bob sees it.
        const api::Message newest = *find(alice->messages(kDirect), QStringLiteral("filler 30"));
        QVERIFY(lastReadSeqOf(bob->conversation(kDirect), QStringLiteral("alice")) < newest.seq);
        desktop.invoke(desktop.shown.at(30).id, QStringLiteral("mark-read"));
        QTRY_COMPARE_WITH_TIMEOUT(lastReadSeqOf(bob->conversation(kDirect), QStringLiteral("alice")),
                                  newest.seq, kWait);

        // The inline reply, to the question: bob gets it once, as a reply to it.
        const QString answer = QStringLiteral("Yes, at eight");
        desktop.reply(desktop.shown.at(0).id, answer);
        QTRY_VERIFY_WITH_TIMEOUT(find(bob->messages(kDirect), answer).has_value(), kWait);
        QCOMPARE(find(bob->messages(kDirect), answer)->replyTo, asked.id);
        QCOMPARE(find(bob->messages(kDirect), answer)->senderId, QStringLiteral("alice"));
        QTest::qWait(500); // a second copy would be here by now
        QCOMPARE(countOf(bob->messages(kDirect), answer), 1);
        QCOMPARE(raised.size(), 1); // only the click brings the window up
    }
};

RINGCHAT_APP_TEST_MAIN(TestNotificationActions, "app_notificationactions")
#include "tst_notificationactions.moc"
