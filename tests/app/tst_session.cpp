// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The app layer against the real reference server: Session signs in with a fixed
// token and runs the account (ChatAccount: real SQLite cache, real socket), and
// CurrentConversation, the conversation list and MessageNotifier follow what another
// user (Bob, a second ChatAccount) does: presence, typing, messages, read markers.
#include "appsessiontest.h"
#include "referenceserver.h"

#include "app/currentconversation.h"
#include "app/messagenotifier.h"
#include "app/session.h"
#include "app/settings.h"
#include "models/conversationlistmodel.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace ringchat;
using namespace ringchat::app;
using ringchat::testing::kDirect;
using ringchat::testing::kGroup;
using ringchat::testing::kWait;

namespace {

QString listTitle(QAbstractItemModel *list, const QString &conversationId)
{
    for (int row = 0; row < list->rowCount(); ++row) {
        const QModelIndex index = list->index(row, 0);
        if (index.data(models::ConversationListModel::IdRole).toString() == conversationId)
            return index.data(models::ConversationListModel::TitleRole).toString();
    }
    return {};
}

bool holds(chat::ChatService *service, const QString &conversationId, const QString &content)
{
    const auto messages = service->messages(conversationId);
    return std::any_of(messages.cbegin(), messages.cend(),
                       [&](const api::Message &m) { return m.content == content; });
}
} // namespace

class TestSession : public QObject
{
    Q_OBJECT

private slots:
    void accountFollowsTheServer()
    {
        QProcessEnvironment env;
        env.insert(QStringLiteral("TYPING_TIMEOUT_MS"), QStringLiteral("60000"));
        ReferenceServer server(env, QStringLiteral("app_session"));
        QVERIFY(server.start());
        QTemporaryDir data;

        Settings settings(nullptr);
        settings.setServerUrl(server.url().toString());
        Session session(&settings, { server.token(QStringLiteral("alice")), data.path() });
        CurrentConversation current(&session, &settings);
        MessageNotifier notifier(&session, &settings, &current);
        QSignalSpy notifications(&notifier, &MessageNotifier::notificationRequested);

        session.start();
        QVERIFY(session.started());
        QCOMPARE(session.signInState(), SignInState::SignedIn);
        QVERIFY(session.isSignedIn());
        QCOMPARE(session.userId(), QStringLiteral("alice"));
        QTRY_COMPARE_WITH_TIMEOUT(session.connectionState(), ConnectionState::Online, kWait);
        QAbstractItemModel *list = session.conversations();
        QVERIFY(list);
        QTRY_COMPARE_WITH_TIMEOUT(list->rowCount(), 3, kWait);

        // The header and the list name a conversation the same way.
        current.setConversationId(kGroup);
        QCOMPARE(current.title(), QStringLiteral("Ring team"));
        QVERIFY(current.isGroup());
        QCOMPARE(current.subtitle(), QStringLiteral("3 members"));
        QVERIFY(current.messages());
        QSignalSpy titleChanged(&current, &CurrentConversation::titleChanged);
        current.setConversationId(kDirect);
        QCOMPARE(titleChanged.size(), 1);
        QCOMPARE(current.title(), QStringLiteral("Bob Example"));
        QCOMPARE(listTitle(list, kDirect), current.title());
        QVERIFY(!current.isGroup());
        QCOMPARE(settings.lastConversationId(), kDirect);
        QCOMPARE(current.restorableId(), kDirect);

        // Bob comes online: the header's presence follows by itself.
        ringchat::testing::OtherAccount bob(server, QStringLiteral("bob"));
        bob.service()->start();
        QTRY_COMPARE_WITH_TIMEOUT(bob.service()->status(), chat::ConnectionManager::Status::Online, kWait);
        QTRY_COMPARE_WITH_TIMEOUT(current.subtitle(), QStringLiteral("online"), kWait);

        // Bob types: the typers and the sentence, with their change signal.
        bob.service()->openConversation(kDirect);
        QSignalSpy typersChanged(&current, &CurrentConversation::typersChanged);
        bob.service()->userTyped(kDirect);
        QTRY_COMPARE_WITH_TIMEOUT(current.typers(), QStringList { QStringLiteral("Bob Example") }, kWait);
        QCOMPARE(current.typingText(), QStringLiteral("Bob Example is typing…"));
        QVERIFY(typersChanged.size() >= 1);
        bob.service()->userStoppedTyping(kDirect);
        QTRY_VERIFY_WITH_TIMEOUT(current.typers().isEmpty(), kWait);
        QCOMPARE(current.typingText(), QString());

        // A message elsewhere while the window has no focus: one notification, and the
        // one unread total moves.
        const int unreadBefore = session.unreadTotal();
        bob.service()->openConversation(kGroup);
        bob.service()->sendMessage(kGroup, QStringLiteral("Release notes are ready."));
        QTRY_COMPARE_WITH_TIMEOUT(notifications.size(), 1, kWait);
        QCOMPARE(notifications.at(0).at(0).toString(), kGroup);
        QCOMPARE(notifications.at(0).at(1).toString(), QStringLiteral("Bob Example in Ring team"));
        QCOMPARE(notifications.at(0).at(2).toString(), QStringLiteral("Release notes are ready."));
        QTRY_COMPARE_WITH_TIMEOUT(session.unreadTotal(), unreadBefore + 1, kWait);

        // In the open conversation with the window focused: no notification; reading
        // it (the read marker) takes its unread count back off the total.
        current.setWindowActive(true);
        bob.service()->sendMessage(kDirect, QStringLiteral("On it."));
        QTRY_VERIFY_WITH_TIMEOUT(holds(session.service(), kDirect, QStringLiteral("On it.")), kWait);
        QTest::qWait(200);
        QCOMPARE(notifications.size(), 1);
        current.markVisible(session.service()->highestHeldSeq(kDirect));
        QTRY_COMPARE_WITH_TIMEOUT(session.service()->conversation(kDirect)->unreadCount, 0, kWait);
        const auto serviceTotal = [&] {
            int total = 0;
            for (const api::Conversation &c : session.service()->conversations())
                total += c.unreadCount;
            return total;
        };
        QTRY_COMPARE_WITH_TIMEOUT(session.unreadTotal(), serviceTotal(), kWait);

        // Sending goes to the open conversation.
        const QString clientId = current.send(QStringLiteral("Thanks!"));
        QVERIFY(!clientId.isEmpty());
        QTRY_VERIFY_WITH_TIMEOUT(holds(bob.service(), kDirect, QStringLiteral("Thanks!")), kWait);

        // Sign-out: nothing of the account stays.
        QSignalSpy serviceChanged(&session, &Session::serviceChanged);
        session.signOut();
        QCOMPARE(serviceChanged.size(), 1);
        QVERIFY(!session.isSignedIn());
        QCOMPARE(session.service(), nullptr);
        QCOMPARE(session.connectionState(), ConnectionState::Offline);
        QCOMPARE(session.unreadTotal(), 0);
        QCOMPARE(current.conversationId(), QString());
        QCOMPARE(current.title(), QString());
        QCOMPARE(current.messages(), nullptr);
        QCOMPARE(current.restorableId(), QString());
    }
};

RINGCHAT_APP_TEST_MAIN(TestSession, "ringchat-session-test")

#include "tst_session.moc"
