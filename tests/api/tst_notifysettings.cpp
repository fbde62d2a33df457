// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// Contract v2 notification settings and mentions: their JSON (both parse paths for
// mentions), and the one rule of what a message may do (api::shouldNotify,
// api::countedUnread) at each level, muted and not, mentioned and not.

#include "api/notifysettings.h"
#include "api/types.h"
#include "core/jsondocument.h"

#include <QJsonDocument>
#include <QTest>

using namespace ringchat;
using api::NotifySettings;
using Level = api::NotifySettings::Level;

namespace {
const QDateTime kNow = QDateTime::fromMSecsSinceEpoch(1795000000000, Qt::UTC);

NotifySettings settings(Level level, qint64 mutedForSeconds = 0)
{
    NotifySettings s;
    s.level = level;
    if (mutedForSeconds != 0)
        s.mutedUntil = kNow.addSecs(mutedForSeconds);
    return s;
}

QJsonObject message(const QJsonValue &mentions)
{
    QJsonObject o {
        { "id", "m1" },          { "conversationId", "g1" }, { "seq", 1 },
        { "clientId", "c1" },    { "senderId", "bob" },      { "senderName", "Bob" },
        { "content", "@Alice" }, { "type", "text" },         { "timestamp", "2026-12-06T10:00:00.000Z" }
    };
    if (!mentions.isUndefined())
        o.insert("mentions", mentions);
    return o;
}
} // namespace

class TestNotifySettings : public QObject
{
    Q_OBJECT
private slots:
    void rule_data()
    {
        QTest::addColumn<NotifySettings>("settings");
        QTest::addColumn<bool>("mentionsMe");
        QTest::addColumn<bool>("notifies");
        QTest::addColumn<int>("counted"); // of 5 unread, 2 of them mentions
        QTest::newRow("all") << settings(Level::All) << false << true << 5;
        QTest::newRow("all, mention") << settings(Level::All) << true << true << 5;
        QTest::newRow("mentions") << settings(Level::Mentions) << false << false << 2;
        QTest::newRow("mentions, mention") << settings(Level::Mentions) << true << true << 2;
        QTest::newRow("none") << settings(Level::None) << false << false << 0;
        QTest::newRow("none, mention") << settings(Level::None) << true << false << 0;
        QTest::newRow("all, muted") << settings(Level::All, 60) << true << false << 0;
        QTest::newRow("mentions, muted") << settings(Level::Mentions, 60) << true << false << 0;
        QTest::newRow("all, mute over") << settings(Level::All, -60) << false << true << 5;
        QTest::newRow("mentions, mute over") << settings(Level::Mentions, -1) << true << true << 2;
        NotifySettings endless = settings(Level::All);
        endless.mutedUntil = NotifySettings::mutedForever();
        QTest::newRow("muted until turned on") << endless << true << false << 0;
    }
    void rule()
    {
        QFETCH(NotifySettings, settings);
        QFETCH(bool, mentionsMe);
        QFETCH(bool, notifies);
        QFETCH(int, counted);
        QCOMPARE(api::shouldNotify(settings, mentionsMe, kNow), notifies);
        QCOMPARE(api::countedUnread(settings, 5, 2, kNow), counted);
    }

    void settingsJson()
    {
        QString error;
        QCOMPARE(NotifySettings::fromJson(QJsonValue()), NotifySettings()); // a v1 server's
        auto s = NotifySettings::fromJson(
            QJsonObject { { "notify", "mentions" }, { "mutedUntil", "2026-12-06T11:00:00.000Z" } });
        QVERIFY(s);
        QCOMPARE(s->level, Level::Mentions);
        QCOMPARE(s->mutedUntil, QDateTime(QDate(2026, 12, 6), QTime(11, 0), Qt::UTC));
        QCOMPARE(NotifySettings::fromJson(s->toJson()), s);
        QVERIFY(!NotifySettings::fromJson(QJsonObject { { "notify", "loud" } }, &error));
        QVERIFY(error.contains("notify"));
        QVERIFY(!NotifySettings::fromJson(QJsonObject { { "mutedUntil", "soon" } }, &error));
        QVERIFY(error.contains("mutedUntil"));
        QVERIFY(!NotifySettings::fromJson(QJsonValue(3), &error));
        QVERIFY(NotifySettings::mutedForever().isValid());
        NotifySettings endless;
        endless.mutedUntil = NotifySettings::mutedForever();
        QVERIFY(endless.isMutedForever());
        QVERIFY(!settings(Level::All, 3600).isMutedForever());
    }

    void conversationFields()
    {
        QJsonObject json { { "id", "g1" },
                           { "type", "group" },
                           { "participants", QJsonArray() },
                           { "lastSeq", 3 },
                           { "unreadCount", 2 },
                           { "unreadMentionCount", 1 },
                           { "settings", QJsonObject { { "notify", "none" } } },
                           { "createdAt", "2026-12-06T10:00:00.000Z" },
                           { "updatedAt", "2026-12-06T10:00:00.000Z" } };
        auto c = api::Conversation::fromJson(json);
        QVERIFY(c);
        QCOMPARE(c->unreadMentionCount, 1);
        QCOMPARE(c->settings.level, Level::None);
        QCOMPARE(api::Conversation::fromJson(c->toJson()), c);
        json.insert("settings", QJsonObject { { "notify", 1 } });
        QString error;
        QVERIFY(!api::Conversation::fromJson(json, &error));
        QVERIFY(error.contains("notify"));
    }

    void messageMentions_data()
    {
        QTest::addColumn<QJsonValue>("mentions");
        QTest::addColumn<bool>("valid");
        QTest::addColumn<QStringList>("expected");
        QTest::newRow("absent") << QJsonValue(QJsonValue::Undefined) << true << QStringList();
        QTest::newRow("null") << QJsonValue(QJsonValue::Null) << true << QStringList();
        QTest::newRow("two") << QJsonValue(QJsonArray { "alice", "carol" }) << true
                             << QStringList { "alice", "carol" };
        QTest::newRow("repeated once")
            << QJsonValue(QJsonArray { "alice", "alice" }) << true << QStringList { "alice" };
        QTest::newRow("not a list") << QJsonValue("alice") << false << QStringList();
        QTest::newRow("not ids") << QJsonValue(QJsonArray { 1 }) << false << QStringList();
        QTest::newRow("blank id") << QJsonValue(QJsonArray { "a b" }) << false << QStringList();
    }
    void messageMentions()
    {
        QFETCH(QJsonValue, mentions);
        QFETCH(bool, valid);
        QFETCH(QStringList, expected);
        const QJsonObject json = message(mentions);
        QString error;
        const auto fromObject = api::Message::fromJson(json, &error);
        QCOMPARE(bool(fromObject), valid);
        if (!valid)
            QVERIFY(error.contains("mentions"));
        // The packet path says the same.
        const auto doc = JsonDocument::parse(QJsonDocument(json).toJson());
        QVERIFY(doc);
        QString packetError;
        const auto fromPacket = api::Message::fromJson(doc->root(), &packetError);
        QCOMPARE(bool(fromPacket), valid);
        QCOMPARE(packetError, error);
        if (!valid)
            return;
        QCOMPARE(fromObject->mentions, expected);
        QCOMPARE(fromPacket->mentions, expected);
        QCOMPARE(fromObject->mentionsUser("alice"), expected.contains("alice"));
        QCOMPARE(api::Message::fromJson(fromObject->toJson()), fromObject);
    }
};

QTEST_GUILESS_MAIN(TestNotifySettings)
#include "tst_notifysettings.moc"
