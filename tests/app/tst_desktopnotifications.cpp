// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// DesktopNotifications over a real session bus (the test runs under
// dbus-run-session) with a test notification server on it: what Notify is given
// (title, escaped body, the actions, "Reply" only with `inline-reply`), and the
// server's ActionInvoked / NotificationReplied / NotificationClosed coming back as
// open, mark-read and reply requests for the right message.
#include "app/desktopnotifications.h"

#include "testnotificationserver.h"

#include <QDBusConnection>
#include <QSignalSpy>
#include <QTest>

using namespace ringchat::app;

class TestDesktopNotifications : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY2(QDBusConnection::sessionBus().isConnected(), "needs a session bus (dbus-run-session)");
    }

    void actionsComeBackForTheirMessage()
    {
        TestNotificationServer server(
            { QStringLiteral("body"), QStringLiteral("actions"), QStringLiteral("inline-reply") },
            QStringLiteral("server-1"));
        DesktopNotifications notifications(QDBusConnection::sessionBus());
        QTRY_VERIFY(notifications.isAvailable());
        QVERIFY(notifications.canReply());

        QSignalSpy shown(&notifications, &DesktopNotifications::shown);
        notifications.show({ QStringLiteral("group-ring"), QStringLiteral("m7"), 7,
                             QStringLiteral("Bob in Ring team"), QStringLiteral("<b>5 < 6</b>") });
        notifications.show({ QStringLiteral("dm-alice-bob"), QStringLiteral("m9"), 9, QStringLiteral("Bob"),
                             QStringLiteral("hi") });
        QTRY_COMPARE(shown.size(), 2);
        QCOMPARE(server.shown.at(0).summary, QStringLiteral("Bob in Ring team"));
        QCOMPARE(server.shown.at(0).body,
                 QStringLiteral("&lt;b&gt;5 &lt; 6&lt;/b&gt;")); // plain text, escaped
        const QStringList actions = server.shown.at(0).actions;
        QCOMPARE(actions.size(), 6);
        QCOMPARE(actions.at(0), QStringLiteral("default"));
        QCOMPARE(actions.at(2), QStringLiteral("mark-read"));
        QCOMPARE(actions.at(4), QStringLiteral("inline-reply"));

        QSignalSpy opened(&notifications, &DesktopNotifications::openRequested);
        QSignalSpy read(&notifications, &DesktopNotifications::markReadRequested);
        QSignalSpy replied(&notifications, &DesktopNotifications::replyRequested);
        server.invoke(1, QStringLiteral("default"));
        QTRY_COMPARE(opened.size(), 1);
        QCOMPARE(opened.at(0).at(0).toString(), QStringLiteral("group-ring"));
        QCOMPARE(opened.at(0).at(1).toString(), QStringLiteral("m7"));
        QCOMPARE(opened.at(0).at(2).toLongLong(), 7);
        server.invoke(2, QStringLiteral("mark-read"));
        QTRY_COMPARE(read.size(), 1);
        QCOMPARE(read.at(0).at(0).toString(), QStringLiteral("dm-alice-bob"));
        QCOMPARE(read.at(0).at(1).toLongLong(), 9);
        server.reply(1, QStringLiteral("On it"));
        QTRY_COMPARE(replied.size(), 1);
        QCOMPARE(replied.at(0).at(0).toString(), QStringLiteral("group-ring"));
        QCOMPARE(replied.at(0).at(1).toString(), QStringLiteral("m7"));
        QCOMPARE(replied.at(0).at(2).toString(), QStringLiteral("On it"));

        // Another program's notification, and one closed since: nothing happens.
        server.invoke(42, QStringLiteral("default"));
        server.close(1, 2);
        server.invoke(1, QStringLiteral("default"));
        server.invoke(2, QStringLiteral("default")); // still open
        QTRY_COMPARE(opened.size(), 2);
        QTest::qWait(100);
        QCOMPARE(opened.size(), 2);
        QCOMPARE(opened.at(1).at(0).toString(), QStringLiteral("dm-alice-bob"));
    }

    void noInlineReplyNoReplyAction()
    {
        TestNotificationServer server({ QStringLiteral("body"), QStringLiteral("actions") },
                                      QStringLiteral("server-2"));
        DesktopNotifications notifications(QDBusConnection::sessionBus());
        QTRY_VERIFY(notifications.isAvailable());
        QVERIFY(!notifications.canReply());
        QSignalSpy shown(&notifications, &DesktopNotifications::shown);
        notifications.show(
            { QStringLiteral("g"), QStringLiteral("m1"), 1, QStringLiteral("t"), QStringLiteral("x") });
        QTRY_COMPARE(shown.size(), 1);
        QVERIFY(!server.shown.at(0).actions.contains(QStringLiteral("inline-reply")));
    }

    void noServerNotAvailable()
    {
        DesktopNotifications notifications(QDBusConnection::sessionBus());
        QTest::qWait(500); // the capabilities call fails: no service on this bus
        QVERIFY(!notifications.isAvailable());
    }
};

QTEST_GUILESS_MAIN(TestDesktopNotifications)
#include "tst_desktopnotifications.moc"
