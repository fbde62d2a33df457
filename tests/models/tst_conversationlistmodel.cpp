// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// ConversationListModel under QAbstractItemModelTester (Fatal).

#include "modelfixtures.h"
#include "models/conversationlistmodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace ringchat;
using namespace fixtures;
using models::ConversationListModel;
using Role = ConversationListModel::Role;

namespace {

Conversation direct(const QString &id, const QString &otherId, const QString &otherName, int minutes)
{
    Conversation c;
    c.id = id;
    c.type = Conversation::Type::Direct;
    c.participants
        = { participant(QStringLiteral("alice"), QStringLiteral("Alice")), participant(otherId, otherName) };
    c.createdAt = kT0;
    c.updatedAt = kT0.addSecs(minutes * 60);
    return c;
}

Conversation group(const QString &id, const QString &title, int minutes)
{
    Conversation c;
    c.id = id;
    c.type = Conversation::Type::Group;
    c.title = title;
    c.participants = { participant(QStringLiteral("alice"), QStringLiteral("Alice")),
                       participant(QStringLiteral("bob"), QStringLiteral("Bob")),
                       participant(QStringLiteral("carol"), QStringLiteral("Carol")) };
    c.createdAt = kT0;
    c.updatedAt = kT0.addSecs(minutes * 60);
    return c;
}

QStringList ids(const ConversationListModel &model)
{
    QStringList out;
    for (const QVariant &v : column(model, Role::IdRole))
        out << v.toString();
    return out;
}

} // namespace

class TestConversationListModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void sortedByActivityWithTitles()
    {
        ConversationListModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
        model.setOwnUserId(QStringLiteral("alice"));
        model.setConversations(
            { direct(QStringLiteral("dm-bob"), QStringLiteral("bob"), QStringLiteral("Bob"), 1),
              group(QStringLiteral("team"), QStringLiteral("Ring team"), 3),
              direct(QStringLiteral("dm-carol"), QStringLiteral("carol"), QStringLiteral("Carol"), 2) });
        QCOMPARE(ids(model), (QStringList { "team", "dm-carol", "dm-bob" }));
        QCOMPARE(model.count(), 3);
        QCOMPARE(model.data(model.index(0), Role::TitleRole).toString(), QStringLiteral("Ring team"));
        QCOMPARE(model.data(model.index(1), Role::TitleRole).toString(), QStringLiteral("Carol"));
        QCOMPARE(model.data(model.index(1), Role::OtherUserIdRole).toString(), QStringLiteral("carol"));
        QCOMPARE(model.data(model.index(0), Role::OtherUserIdRole).toString(), QString());
        QCOMPARE(model.data(model.index(0), Role::TypeRole).toString(), QStringLiteral("group"));
        QCOMPARE(model.data(model.index(0), Role::ParticipantCountRole).toInt(), 3);
        const auto names = model.roleNames();
        QCOMPARE(names.value(Role::TitleRole), QByteArray("title"));
        QCOMPARE(names.value(Role::TypingTextRole), QByteArray("typingText"));
        QCOMPARE(names.value(Role::PresenceRole), QByteArray("presence"));
    }

    void updatedConversationMovesItsRowAndCountsUnread()
    {
        ConversationListModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
        model.setOwnUserId(QStringLiteral("alice"));
        Conversation bob = direct(QStringLiteral("dm-bob"), QStringLiteral("bob"), QStringLiteral("Bob"), 1);
        model.setConversations(
            { bob, group(QStringLiteral("team"), QStringLiteral("Ring team"), 3),
              direct(QStringLiteral("dm-carol"), QStringLiteral("carol"), QStringLiteral("Carol"), 2) });
        QSignalSpy moved(&model, &QAbstractItemModel::rowsMoved);
        QSignalSpy unread(&model, &ConversationListModel::totalUnreadChanged);
        // A new message, as the service passes it on: preview, activity and unread count.
        Message m = message(QStringLiteral("dm-bob"), 1, QStringLiteral("bob"), kT0.addSecs(600));
        m.content = QStringLiteral("first line\nsecond line");
        bob.lastMessage = m;
        bob.lastSeq = 1;
        bob.unreadCount = 1;
        model.upsert(bob);
        QCOMPARE(ids(model), (QStringList { "dm-bob", "team", "dm-carol" }));
        QCOMPARE(moved.size(), 1);
        QCOMPARE(model.data(model.index(0), Role::LastMessageTextRole).toString(),
                 QStringLiteral("first line"));
        QCOMPARE(model.data(model.index(0), Role::LastMessageSenderRole).toString(), QStringLiteral("Bob"));
        QCOMPARE(model.data(model.index(0), Role::UnreadCountRole).toInt(), 1);
        QCOMPARE(model.data(model.index(0), Role::LastActivityRole).toDateTime(), kT0.addSecs(600));
        QCOMPARE(model.totalUnread(), 1);
        QCOMPARE(unread.size(), 1);

        // A snapshot without a last message keeps the preview; moves down as well
        // as up, ties broken by id so the order is total.
        Conversation renamed = group(QStringLiteral("team"), QStringLiteral("Renamed"), 20);
        model.upsert(renamed);
        QCOMPARE(ids(model), (QStringList { "team", "dm-bob", "dm-carol" }));
        QCOMPARE(model.data(model.index(0), Role::TitleRole).toString(), QStringLiteral("Renamed"));
        bob.lastMessage.reset();
        bob.updatedAt = kT0.addSecs(900);
        bob.unreadCount = 0;
        model.upsert(bob);
        QCOMPARE(ids(model), (QStringList { "team", "dm-bob", "dm-carol" }));
        QCOMPARE(model.data(model.index(1), Role::LastMessageTextRole).toString(),
                 QStringLiteral("first line"));
        // The last message deleted: the preview says so, the row keeps its place.
        Message deleted = m;
        deleted.rev = 2;
        deleted.content.clear();
        deleted.deletedAt = kT0.addSecs(700);
        bob.lastMessage = deleted;
        model.upsert(bob);
        QCOMPARE(model.data(model.index(1), Role::LastMessageTextRole).toString(),
                 QStringLiteral("Message deleted"));
        QCOMPARE(model.totalUnread(), 0);
        QCOMPARE(unread.size(), 2);
        model.upsert(group(QStringLiteral("new"), QStringLiteral("New group"), 7));
        QCOMPARE(ids(model), (QStringList { "team", "dm-bob", "new", "dm-carol" }));
        QCOMPARE(model.indexOf(QStringLiteral("new")), 2);
    }

    void filterBySearchString()
    {
        ConversationListModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
        model.setOwnUserId(QStringLiteral("alice"));
        model.setConversations(
            { direct(QStringLiteral("dm-bob"), QStringLiteral("bob"), QStringLiteral("Bob"), 1),
              group(QStringLiteral("team"), QStringLiteral("Ring team"), 3),
              direct(QStringLiteral("dm-carol"), QStringLiteral("carol"), QStringLiteral("Carol"), 2) });
        QSignalSpy filterChanged(&model, &ConversationListModel::filterChanged);
        model.setFilter(QStringLiteral("CAR"));
        QCOMPARE(filterChanged.size(), 1);
        // Carol's chat by title, the group by a participant's name.
        QCOMPARE(ids(model), (QStringList { "team", "dm-carol" }));
        model.setFilter(QStringLiteral("ring"));
        QCOMPARE(ids(model), (QStringList { "team" }));
        // Changes to hidden rows keep them hidden; matching new ones appear in place.
        Conversation bob = direct(QStringLiteral("dm-bob"), QStringLiteral("bob"), QStringLiteral("Bob"), 60);
        bob.unreadCount = 1;
        model.upsert(bob);
        QCOMPARE(ids(model), (QStringList { "team" }));
        model.upsert(group(QStringLiteral("ring2"), QStringLiteral("Ring two"), 30));
        QCOMPARE(ids(model), (QStringList { "ring2", "team" }));
        // Renaming out of the filter removes the row.
        model.upsert(group(QStringLiteral("ring2"), QStringLiteral("Other"), 30));
        QCOMPARE(ids(model), (QStringList { "team" }));
        model.setFilter(QStringLiteral("zzz"));
        QCOMPARE(model.count(), 0);
        model.setFilter(QString());
        QCOMPARE(ids(model), (QStringList { "dm-bob", "ring2", "team", "dm-carol" }));
        QCOMPARE(model.totalUnread(), 1); // counts hidden rows too
    }

    void presenceIsReadFromItsOwner()
    {
        ConversationListModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
        model.setOwnUserId(QStringLiteral("alice"));
        model.setConversations(
            { direct(QStringLiteral("dm-bob"), QStringLiteral("bob"), QStringLiteral("Bob"), 1),
              group(QStringLiteral("team"), QStringLiteral("Ring team"), 3) });
        const int row = model.indexOf(QStringLiteral("dm-bob"));
        // No owner yet: everyone is offline.
        QCOMPARE(model.data(model.index(row), Role::PresenceRole).toString(), QStringLiteral("offline"));
        QHash<QString, ConversationListModel::UserPresence> owner;
        owner.insert(QStringLiteral("bob"), { QStringLiteral("online"), {} });
        model.setPresenceSource([&owner](const QString &id) { return owner.value(id); });
        QCOMPARE(model.data(model.index(row), Role::PresenceRole).toString(), QStringLiteral("online"));
        QCOMPARE(
            model.data(model.index(model.indexOf(QStringLiteral("team"))), Role::PresenceRole).toString(),
            QString());
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QSignalSpy presence(&model, &ConversationListModel::presenceChanged);
        owner[QStringLiteral("bob")].status = QStringLiteral("away");
        model.presenceUpdated(QStringLiteral("bob"));
        QCOMPARE(model.data(model.index(row), Role::PresenceRole).toString(), QStringLiteral("away"));
        QCOMPARE(changed.size(), 1);
        QCOMPARE(presence.size(), 1);
        const QDateTime seen = kT0.addSecs(7200);
        owner[QStringLiteral("bob")] = { QStringLiteral("offline"), seen };
        model.presenceUpdated(QStringLiteral("bob"));
        QCOMPARE(model.data(model.index(row), Role::PresenceRole).toString(), QStringLiteral("offline"));
        QCOMPARE(model.data(model.index(row), Role::LastSeenRole).toDateTime(), seen);
        QCOMPARE(model.presence(QStringLiteral("bob")).value(QStringLiteral("status")).toString(),
                 QStringLiteral("offline"));
        QCOMPARE(model.presence(QStringLiteral("stranger")).value(QStringLiteral("status")).toString(),
                 QStringLiteral("offline"));
        // Someone no row shows: no row changes, the signal still goes.
        changed.clear();
        model.presenceUpdated(QStringLiteral("carol"));
        QCOMPARE(changed.size(), 0);
        QCOMPARE(presence.size(), 3);
    }

    void typingTextFollowsSetTyping()
    {
        ConversationListModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
        model.setOwnUserId(QStringLiteral("alice"));
        model.setConversations({ group(QStringLiteral("team"), QStringLiteral("Ring team"), 3) });
        QSignalSpy typing(&model, &ConversationListModel::typingChanged);
        model.setTyping(QStringLiteral("team"), QStringLiteral("bob"), QStringLiteral("Bob"), true);
        QCOMPARE(model.data(model.index(0), Role::TypingTextRole).toString(),
                 QStringLiteral("Bob is typing…"));
        model.setTyping(QStringLiteral("team"), QStringLiteral("carol"), QStringLiteral("Carol"), true);
        QCOMPARE(model.typingText(QStringLiteral("team")), QStringLiteral("Bob and Carol are typing…"));
        model.setTyping(QStringLiteral("team"), QStringLiteral("dave"), QStringLiteral("Dave"), true);
        // The one sentence rule (models/conversationtext): three typers are all named.
        QCOMPARE(model.typingText(QStringLiteral("team")), QStringLiteral("Bob, Carol and Dave are typing…"));
        model.setTyping(QStringLiteral("team"), QStringLiteral("dave"), QStringLiteral("Dave"), false);
        // Our own typing echo is never shown; a renewal changes nothing.
        model.setTyping(QStringLiteral("team"), QStringLiteral("alice"), QStringLiteral("Alice"), true);
        model.setTyping(QStringLiteral("team"), QStringLiteral("bob"), QStringLiteral("Bob"), true);
        QCOMPARE(model.typingText(QStringLiteral("team")), QStringLiteral("Bob and Carol are typing…"));
        QCOMPARE(typing.size(), 4);
        // Expiry is the chat service's TypingTracker's alone: the model has no clock
        // of its own and keeps a typer until it is told.
        QTest::qWait(200);
        QCOMPARE(model.typingText(QStringLiteral("team")), QStringLiteral("Bob and Carol are typing…"));
        model.setTyping(QStringLiteral("team"), QStringLiteral("bob"), QString(), false);
        model.setTyping(QStringLiteral("team"), QStringLiteral("carol"), QString(), false);
        QCOMPARE(model.data(model.index(0), Role::TypingTextRole).toString(), QString());
        QCOMPARE(typing.size(), 6);
        QCOMPARE(typing.last().at(1).toString(), QString());
    }

    void draftShowsItsFirstLineAndSurvivesAReset()
    {
        ConversationListModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
        model.setOwnUserId(QStringLiteral("alice"));
        model.setConversations(
            { group(QStringLiteral("team"), QStringLiteral("Ring team"), 3),
              direct(QStringLiteral("dm-bob"), QStringLiteral("bob"), QStringLiteral("Bob"), 1) });
        QCOMPARE(model.roleNames().value(Role::DraftTextRole), QByteArray("draftText"));
        QCOMPARE(model.data(model.index(0), Role::DraftTextRole).toString(), QString());
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        // The first line with text, on one line (the one preview rule of conversationtext).
        model.setDraft(QStringLiteral("team"), QStringLiteral("\n  Release   notes\nare ready"));
        QCOMPARE(model.data(model.index(0), Role::DraftTextRole).toString(), QStringLiteral("Release notes"));
        QCOMPARE(changed.size(), 1);
        QCOMPARE(changed.at(0).at(2).value<QList<int>>(), QList<int> { Role::DraftTextRole });
        // The same line again changes nothing; a draft of a conversation not (yet) listed is kept.
        model.setDraft(QStringLiteral("team"), QStringLiteral("Release notes\nchanged below"));
        model.setDraft(QStringLiteral("later"), QStringLiteral("for a conversation still to come"));
        QCOMPARE(changed.size(), 1);
        model.setConversations({ group(QStringLiteral("team"), QStringLiteral("Ring team"), 3),
                                 group(QStringLiteral("later"), QStringLiteral("Later"), 4) });
        QCOMPARE(
            model.data(model.index(model.indexOf(QStringLiteral("later"))), Role::DraftTextRole).toString(),
            QStringLiteral("for a conversation still to come"));
        QCOMPARE(
            model.data(model.index(model.indexOf(QStringLiteral("team"))), Role::DraftTextRole).toString(),
            QStringLiteral("Release notes"));
        // Sent or deleted: the row shows its last message again.
        changed.clear();
        model.setDraft(QStringLiteral("team"), QString());
        QCOMPARE(
            model.data(model.index(model.indexOf(QStringLiteral("team"))), Role::DraftTextRole).toString(),
            QString());
        QCOMPARE(changed.size(), 1);
    }
};

QTEST_MAIN(TestConversationListModel)
#include "tst_conversationlistmodel.moc"
