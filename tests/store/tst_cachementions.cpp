// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The cache's mentions step (contract v2) on real files: a message's mentions through
// the reads and gone with its tombstone, a queued send's mentions, and a conversation's
// unread mention count and notification settings across reopening.

#include "awaitfuture.h"
#include "store/chatstore.h"

#include <QTemporaryDir>
#include <QTest>

using namespace ringchat;
using api::Conversation;
using api::Message;
using api::NotifySettings;
using ringchat::testing::await;
using store::ChatStore;

namespace {

const QDateTime kT0 = QDateTime::fromMSecsSinceEpoch(1795000000000, Qt::UTC);
const QString kConv = QStringLiteral("g1");

Message message(qint64 seq, const QStringList &mentions)
{
    Message m;
    m.id = QStringLiteral("m-%1").arg(seq);
    m.conversationId = kConv;
    m.seq = seq;
    m.rev = seq;
    m.senderId = QStringLiteral("bob");
    m.senderName = QStringLiteral("Bob");
    m.content = QStringLiteral("@Alice message %1").arg(seq);
    m.timestamp = kT0.addSecs(seq);
    m.mentions = mentions;
    return m;
}

} // namespace

class TestCacheMentions : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;

private Q_SLOTS:
    void mentionsAndSettingsSurviveReopening()
    {
        const QString path = m_dir.filePath(QStringLiteral("mentions.sqlite"));
        Conversation c;
        c.id = kConv;
        c.type = Conversation::Type::Group;
        c.createdAt = kT0;
        c.updatedAt = kT0;
        c.unreadMentionCount = 2;
        c.settings.level = NotifySettings::Level::Mentions;
        c.settings.mutedUntil = kT0.addSecs(3600);
        const Message mentioning = message(1, { QStringLiteral("alice"), QStringLiteral("carol") });
        store::OutboxEntry queued;
        queued.clientId = QStringLiteral("send-1");
        queued.conversationId = kConv;
        queued.content = QStringLiteral("@Bob hi");
        queued.createdAt = kT0;
        queued.mentions = { QStringLiteral("bob") };
        {
            ChatStore store;
            QVERIFY(await(store.open(path, QStringLiteral("alice"))));
            QVERIFY(await(store.upsertConversations({ c })));
            QCOMPARE(await(store.insertMessages({ mentioning, message(2, {}) })).inserted, 2);
            QVERIFY(await(store.addToOutbox(queued)));
            await(store.close());
        }
        ChatStore store;
        QVERIFY(await(store.open(path, QStringLiteral("alice"))));
        const QList<Conversation> loaded = await(store.loadConversations());
        QCOMPARE(loaded.size(), 1);
        QCOMPARE(loaded.first().unreadMentionCount, 2);
        QCOMPARE(loaded.first().settings, c.settings);
        const QList<Message> held = await(store.latestMessages(kConv, 10));
        QCOMPARE(held.size(), 2);
        QCOMPARE(held.at(0).mentions, mentioning.mentions);
        QVERIFY(held.at(1).mentions.isEmpty());
        QCOMPARE(await(store.outbox()), QList<store::OutboxEntry> { queued });

        // A tombstone mentions nobody; unmuting and "all" replace the settings.
        Message gone = mentioning;
        gone.rev = 9;
        gone.content.clear();
        gone.deletedAt = kT0.addSecs(60);
        gone.mentions.clear();
        QCOMPARE(await(store.insertMessages({ gone })).updated, 1);
        QVERIFY(await(store.latestMessages(kConv, 10)).at(0).mentions.isEmpty());
        c.settings = NotifySettings();
        c.unreadMentionCount = 0;
        QVERIFY(await(store.upsertConversations({ c })));
        QCOMPARE(await(store.loadConversations()).first().settings, NotifySettings());
        QCOMPARE(await(store.loadConversations()).first().unreadMentionCount, 0);
    }
};

QTEST_GUILESS_MAIN(TestCacheMentions)
#include "tst_cachementions.moc"
