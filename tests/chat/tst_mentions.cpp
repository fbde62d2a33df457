// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// Mentions and notification levels (contract v2) against the real reference server,
// with real SQLite caches: a mention of me raises the conversation's "@" badge
// (unreadMentionCount) and marks the bubble (mentionsMe), and reading it clears the
// badge; my level and mute set on one device reach my other one (conversation_updated)
// and the tray count there follows them; the CLI's notify and send --mention.
#include "chatclient.h"
#include "clirunner.h"
#include "referenceserver.h"

#include "models/conversationlistmodel.h"
#include "models/messagelistmodel.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace ringchat;
using models::ConversationListModel;

namespace {
const QString kGroup = QStringLiteral("group-ring");
constexpr int kWait = 30000; // generous: a slow shared 2-core machine

QVariant listRole(ChatClient &c, const QString &conversationId, int role)
{
    ConversationListModel *list = c->conversationModel();
    const int row = list->indexOf(conversationId);
    return row < 0 ? QVariant() : list->index(row).data(role);
}

int mentionBadge(ChatClient &c)
{
    return listRole(c, kGroup, ConversationListModel::UnreadMentionCountRole).toInt();
}

QJsonObject json(const QString &line)
{
    return QJsonDocument::fromJson(line.toUtf8()).object();
}

// Reads everything in the group up to its newest message, and waits until the server agrees.
bool readAll(ChatClient &c)
{
    c->markVisible(kGroup, c->highestHeldSeq(kGroup));
    return QTest::qWaitFor([&] { return c->conversation(kGroup)->unreadCount == 0; }, kWait);
}
} // namespace

class TestMentions : public QObject
{
    Q_OBJECT
    ReferenceServer *m_server = nullptr;
    QTemporaryDir m_dir;

    ChatClient *client(const QString &user, const QString &folder)
    {
        return new ChatClient(m_server->url(), user, { m_server->token(user) }, m_dir.filePath(folder));
    }

private slots:
    void initTestCase()
    {
        m_server = new ReferenceServer(ReferenceServer::relaxedLimits());
        QVERIFY(m_server->start());
    }
    void cleanupTestCase() { delete m_server; }

    void mentionBadgeMovesWithMarkRead()
    {
        std::unique_ptr<ChatClient> alice(client(QStringLiteral("alice"), QStringLiteral("a1")));
        std::unique_ptr<ChatClient> bob(client(QStringLiteral("bob"), QStringLiteral("b1")));
        QVERIFY(alice->startSynced(kGroup, 3));
        QVERIFY(bob->startSynced(kGroup, 3));
        QVERIFY(readAll(*alice));
        QCOMPARE(mentionBadge(*alice), 0);

        const QString mentionId = (*bob)->sendMessage(kGroup, QStringLiteral("@Alice Example, the notes?"),
                                                      QString(), false, { QStringLiteral("alice") });
        QVERIFY(!mentionId.isEmpty());
        QTRY_COMPARE_WITH_TIMEOUT(mentionBadge(*alice), 1, kWait);
        (*bob)->sendMessage(kGroup, QStringLiteral("No rush."));
        QTRY_COMPARE_WITH_TIMEOUT((*alice)->conversation(kGroup)->unreadCount, 2, kWait);
        QCOMPARE(mentionBadge(*alice), 1); // a message without a mention leaves the badge

        // The bubble: mentionsMe on the mention only (Bob's own copy never says so).
        const auto held = (*alice)->messages(kGroup);
        const auto mention = std::find_if(held.cbegin(), held.cend(), [](const api::Message &m) {
            return m.content.startsWith(QLatin1String("@Alice"));
        });
        QVERIFY(mention != held.cend());
        QCOMPARE(mention->mentions, QStringList { QStringLiteral("alice") });
        models::MessageListModel *model = (*alice)->messageModel(kGroup);
        int mentionsMe = 0;
        for (int row = 0; row < model->rowCount(); ++row)
            mentionsMe
                += model->index(row, 0).data(models::MessageListModel::MentionsMeRole).toBool() ? 1 : 0;
        QCOMPARE(mentionsMe, 1);
        models::MessageListModel *bobModel = (*bob)->messageModel(kGroup);
        for (int row = 0; row < bobModel->rowCount(); ++row)
            QVERIFY(!bobModel->index(row, 0).data(models::MessageListModel::MentionsMeRole).toBool());

        // Reading up to the mention clears the badge; the server's count agrees (the
        // conversation_updated after mark_read) and the one after it stays unread.
        (*alice)->markVisible(kGroup, mention->seq);
        QTRY_COMPARE_WITH_TIMEOUT(mentionBadge(*alice), 0, kWait);
        QTRY_COMPARE_WITH_TIMEOUT((*alice)->conversation(kGroup)->unreadCount, 1, kWait);
        QTest::qWait(300);
        QCOMPARE(mentionBadge(*alice), 0);

        // A restart reads the badge and the mentions from the cache.
        const qint64 mentionSeq = mention->seq;
        alice.reset(client(QStringLiteral("alice"), QStringLiteral("a1")));
        (*alice)->openConversation(kGroup);
        (*alice)->start();
        (*alice)->stop(); // start() read the cache; no connection
        QTRY_VERIFY_WITH_TIMEOUT((*alice)->isCacheLoaded() && (*alice)->conversation(kGroup).has_value(),
                                 kWait);
        QCOMPARE((*alice)->conversation(kGroup)->unreadCount, 1);
        QCOMPARE(mentionBadge(*alice), 0);
        const auto mentionCached = [&] {
            const auto now = (*alice)->messages(kGroup);
            return std::any_of(now.cbegin(), now.cend(), [&](const api::Message &m) {
                return m.seq == mentionSeq && m.mentionsUser(QStringLiteral("alice"));
            });
        };
        QTRY_VERIFY_WITH_TIMEOUT(mentionCached(), kWait);
    }

    void levelsSyncBetweenTwoDevicesAndTheTrayFollows()
    {
        std::unique_ptr<ChatClient> phone(client(QStringLiteral("alice"), QStringLiteral("a2")));
        std::unique_ptr<ChatClient> desk(client(QStringLiteral("alice"), QStringLiteral("a3")));
        std::unique_ptr<ChatClient> bob(client(QStringLiteral("bob"), QStringLiteral("b2")));
        QVERIFY(phone->startSynced(kGroup, 3));
        QVERIFY(desk->startSynced(kGroup, 3));
        QVERIFY(bob->startSynced(kGroup, 3));
        QVERIFY(readAll(*desk));
        (*bob)->sendMessage(kGroup, QStringLiteral("One"));
        (*bob)->sendMessage(kGroup, QStringLiteral("@Alice Example two"), QString(), false,
                            { QStringLiteral("alice") });
        (*bob)->sendMessage(kGroup, QStringLiteral("Three"));
        QTRY_COMPARE_WITH_TIMEOUT((*desk)->conversation(kGroup)->unreadCount, 3, kWait);
        QTRY_COMPARE_WITH_TIMEOUT(mentionBadge(*desk), 1, kWait);
        ConversationListModel *tray = (*desk)->conversationModel();
        const int others = tray->totalUnread() - 3; // the other conversations' share

        // "Mentions only" on the phone: the desk hears of it; its tray counts the mention only.
        QVERIFY((*phone)->setNotifyLevel(kGroup, QStringLiteral("mentions")));
        QTRY_COMPARE_WITH_TIMEOUT((*desk)->conversation(kGroup)->settings.level,
                                  api::NotifySettings::Level::Mentions, kWait);
        QTRY_COMPARE_WITH_TIMEOUT(tray->totalUnread(), others + 1, kWait);
        QCOMPARE(listRole(*desk, kGroup, ConversationListModel::NotifyLevelRole).toString(),
                 QStringLiteral("mentions"));

        // Muted for an hour: nothing counts, the row says muted; then unmuted at "none".
        QVERIFY((*phone)->setNotifyLevel(kGroup, QStringLiteral("all"), 60));
        QTRY_VERIFY_WITH_TIMEOUT(listRole(*desk, kGroup, ConversationListModel::MutedRole).toBool(), kWait);
        QCOMPARE(tray->totalUnread(), others);
        const QDateTime until = (*desk)->conversation(kGroup)->settings.mutedUntil;
        QVERIFY(qAbs(QDateTime::currentDateTimeUtc().addSecs(3600).secsTo(until)) < 120);
        QVERIFY((*phone)->setNotifyLevel(kGroup, QStringLiteral("none")));
        QTRY_COMPARE_WITH_TIMEOUT((*desk)->conversation(kGroup)->settings.level,
                                  api::NotifySettings::Level::None, kWait);
        QVERIFY(!listRole(*desk, kGroup, ConversationListModel::MutedRole).toBool());
        QCOMPARE(tray->totalUnread(), others);

        // Back to all: every unread message counts again.
        QVERIFY((*phone)->setNotifyLevel(kGroup, QStringLiteral("all")));
        QTRY_COMPARE_WITH_TIMEOUT(tray->totalUnread(), others + 3, kWait);
        QVERIFY(!(*phone)->setNotifyLevel(kGroup, QStringLiteral("loud")));
    }

    void cliNotifyAndSendMention()
    {
        QTemporaryDir dir;
        const QString token = m_server->token(QStringLiteral("alice"));
        CliResult r = runCli(m_server->url(), token, dir.path(),
                             { QStringLiteral("notify"), kGroup, QStringLiteral("mentions"),
                               QStringLiteral("--for"), QStringLiteral("90") });
        QCOMPARE(r.exitCode, 0);
        QJsonObject settings = json(r.lines().value(0)).value(QStringLiteral("settings")).toObject();
        QCOMPARE(settings.value(QStringLiteral("notify")).toString(), QStringLiteral("mentions"));
        const QDateTime until = api::parseTime(settings.value(QStringLiteral("mutedUntil")).toString());
        QVERIFY(qAbs(QDateTime::currentDateTimeUtc().addSecs(90 * 60).secsTo(until)) < 120);

        r = runCli(m_server->url(), token, dir.path(),
                   { QStringLiteral("notify"), kGroup, QStringLiteral("all") });
        QCOMPARE(r.exitCode, 0);
        settings = json(r.lines().value(0)).value(QStringLiteral("settings")).toObject();
        QCOMPARE(settings.value(QStringLiteral("notify")).toString(), QStringLiteral("all"));
        QVERIFY(!settings.contains(QStringLiteral("mutedUntil"))); // --for absent: the mute is lifted

        for (const QStringList &bad :
             { QStringList { QStringLiteral("notify"), kGroup, QStringLiteral("loud") },
               QStringList { QStringLiteral("notify"), kGroup },
               QStringList { QStringLiteral("notify"), kGroup, QStringLiteral("all"), QStringLiteral("--for"),
                             QStringLiteral("0") } }) {
            r = runCli(m_server->url(), token, dir.path(), bad);
            QCOMPARE(r.exitCode, 2);
            QVERIFY(!r.err.isEmpty());
        }
        // bob is not in dm-alice-carol: refused by the server.
        r = runCli(m_server->url(), m_server->token(QStringLiteral("bob")), dir.path(),
                   { QStringLiteral("notify"), QStringLiteral("dm-alice-carol"), QStringLiteral("none") });
        QCOMPARE(r.exitCode, 5);

        r = runCli(m_server->url(), token, dir.path(),
                   { QStringLiteral("send"), kGroup, QStringLiteral("@Bob @Carol look"),
                     QStringLiteral("--mention"), QStringLiteral("bob"), QStringLiteral("--mention=carol") });
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(json(r.lines().value(0)).value(QStringLiteral("mentions")).toArray(),
                 (QJsonArray { QStringLiteral("bob"), QStringLiteral("carol") }));
        // Someone not in the conversation: the server refuses the message.
        r = runCli(m_server->url(), token, QTemporaryDir().path(),
                   { QStringLiteral("send"), QStringLiteral("dm-alice-bob"), QStringLiteral("hi"),
                     QStringLiteral("--mention"), QStringLiteral("carol") });
        QCOMPARE(r.exitCode, 5);
    }
};

QTEST_GUILESS_MAIN(TestMentions)
#include "tst_mentions.moc"
