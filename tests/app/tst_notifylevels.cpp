// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// MessageNotifier and the notification levels against the real reference server: in a
// "mentions only" group a plain message stays quiet and a mention notifies; muted,
// nothing does; "Hide message text" and a locked session keep the text out.
#include "appsessiontest.h"
#include "referenceserver.h"

#include "app/currentconversation.h"
#include "app/messagenotifier.h"
#include "app/session.h"
#include "app/settings.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace ringchat;
using namespace ringchat::app;
using ringchat::testing::kGroup;
using ringchat::testing::kWait;

class TestNotifyLevels : public QObject
{
    Q_OBJECT

private slots:
    void mentionNotifiesInMentionsOnly()
    {
        ReferenceServer server({}, QStringLiteral("app_notifylevels"));
        QVERIFY(server.start());
        QTemporaryDir data;
        Settings settings(nullptr);
        settings.setServerUrl(server.url().toString());
        Session session(&settings, { server.token(QStringLiteral("alice")), data.path() });
        CurrentConversation current(&session, &settings);
        MessageNotifier notifier(&session, &settings, &current);
        bool locked = false;
        notifier.setLockedSource([&] { return locked; });
        QSignalSpy notifications(&notifier, &MessageNotifier::notificationRequested);
        session.start();
        QTRY_COMPARE_WITH_TIMEOUT(session.connectionState(), ConnectionState::Online, kWait);
        QTRY_VERIFY_WITH_TIMEOUT(session.service()->conversation(kGroup).has_value(), kWait);

        ringchat::testing::OtherAccount bob(server, QStringLiteral("bob"));
        bob.service()->openConversation(kGroup);
        bob.service()->start();
        QTRY_COMPARE_WITH_TIMEOUT(bob.service()->status(), chat::ConnectionManager::Status::Online, kWait);

        QVERIFY(session.service()->setNotifyLevel(kGroup, QStringLiteral("mentions")));
        QTRY_COMPARE_WITH_TIMEOUT(session.service()->conversation(kGroup)->settings.level,
                                  api::NotifySettings::Level::Mentions, kWait);
        const auto holds = [&](const QString &content) {
            const auto messages = session.service()->messages(kGroup);
            return std::any_of(messages.cbegin(), messages.cend(),
                               [&](const api::Message &m) { return m.content == content; });
        };
        const auto bobSays = [&](const QString &content, bool mention) {
            bob.service()->sendMessage(kGroup, content, QString(), false,
                                       mention ? QStringList { QStringLiteral("alice") } : QStringList());
            return QTest::qWaitFor([&] { return holds(content); }, kWait);
        };

        // A plain message: quiet. A mention: one notification, with its text and message.
        QVERIFY(bobSays(QStringLiteral("Lunch?"), false));
        QTest::qWait(200);
        QCOMPARE(notifications.size(), 0);
        QVERIFY(bobSays(QStringLiteral("@Alice Example your review, please"), true));
        QTRY_COMPARE_WITH_TIMEOUT(notifications.size(), 1, kWait);
        QCOMPARE(notifications.at(0).at(0).toString(), kGroup);
        QCOMPARE(notifications.at(0).at(1).toString(), QStringLiteral("Bob Example in Ring team"));
        QCOMPARE(notifications.at(0).at(2).toString(), QStringLiteral("@Alice Example your review, please"));
        QVERIFY(!notifications.at(0).at(3).toString().isEmpty());
        QVERIFY(notifications.at(0).at(4).toLongLong() > 0);

        // Locked, or text hidden by the setting: who, never what.
        locked = true;
        QVERIFY(bobSays(QStringLiteral("@Alice Example secret plan"), true));
        QTRY_COMPARE_WITH_TIMEOUT(notifications.size(), 2, kWait);
        QCOMPARE(notifications.at(1).at(2).toString(), QStringLiteral("Mentioned you"));
        locked = false;
        settings.setHideNotificationText(true);
        QVERIFY(bobSays(QStringLiteral("@Alice Example another secret"), true));
        QTRY_COMPARE_WITH_TIMEOUT(notifications.size(), 3, kWait);
        QCOMPARE(notifications.at(2).at(2).toString(), QStringLiteral("Mentioned you"));
        settings.setHideNotificationText(false);

        // Muted: not even a mention notifies.
        QVERIFY(session.service()->setNotifyLevel(kGroup, QStringLiteral("all"), 60));
        QTRY_VERIFY_WITH_TIMEOUT(
            session.service()->conversation(kGroup)->settings.isMuted(QDateTime::currentDateTimeUtc()),
            kWait);
        QVERIFY(bobSays(QStringLiteral("@Alice Example are you there?"), true));
        QVERIFY(bobSays(QStringLiteral("Anyone?"), false));
        QTest::qWait(200);
        QCOMPARE(notifications.size(), 3);
    }
};

RINGCHAT_APP_TEST_MAIN(TestNotifyLevels, "app_notifylevels")
#include "tst_notifylevels.moc"
