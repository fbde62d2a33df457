// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The words about a conversation (models/conversationtext): the one title rule the
// list, the header and notifications share, the subtitle, the typing sentence and
// the search fold.
#include "models/conversationlistmodel.h"
#include "models/conversationtext.h"

#include <QTest>

using namespace ringchat;
using api::Conversation;
using api::Participant;

namespace {

Participant person(const QString &id, const QString &name)
{
    Participant p;
    p.userId = id;
    p.name = name;
    return p;
}

Conversation conversation(Conversation::Type type, const QString &title, const QList<Participant> &people)
{
    Conversation c;
    c.id = QStringLiteral("c1");
    c.type = type;
    c.title = title;
    c.participants = people;
    return c;
}

const Participant kAlice = person(QStringLiteral("alice"), QStringLiteral("Alice Example"));
const Participant kBob = person(QStringLiteral("bob"), QStringLiteral("Bob Example"));
const Participant kCarol = person(QStringLiteral("carol"), QStringLiteral("Carol Example"));

} // namespace

class TestConversationText : public QObject
{
    Q_OBJECT

private slots:
    void title_data()
    {
        QTest::addColumn<Conversation>("conversation");
        QTest::addColumn<QString>("title");
        const auto direct = Conversation::Type::Direct;
        const auto group = Conversation::Type::Group;
        QTest::newRow("direct: the other person")
            << conversation(direct, {}, { kAlice, kBob }) << "Bob Example";
        // A title on a direct chat does not hide who it is with.
        QTest::newRow("direct with a title")
            << conversation(direct, QStringLiteral("Plans"), { kBob, kAlice }) << "Bob Example";
        QTest::newRow("group: its title")
            << conversation(group, QStringLiteral("Ring team"), { kAlice, kBob, kCarol }) << "Ring team";
        QTest::newRow("group without a title")
            << conversation(group, {}, { kAlice, kBob, kCarol }) << "Bob Example, Carol Example";
        QTest::newRow("nobody else") << conversation(group, {}, { kAlice }) << "Just you";
        QTest::newRow("direct, alone") << conversation(direct, {}, { kAlice }) << "Just you";
    }
    void title()
    {
        QFETCH(Conversation, conversation);
        QFETCH(QString, title);
        QCOMPARE(models::conversationTitle(conversation, QStringLiteral("alice")), title);
        // The list shows the same title (its row, and titleOf for filtered-out rows).
        models::ConversationListModel list;
        list.setOwnUserId(QStringLiteral("alice"));
        list.setConversations({ conversation });
        QCOMPARE(list.data(list.index(0), models::ConversationListModel::TitleRole).toString(), title);
        QCOMPARE(list.titleOf(conversation), title);
    }

    void otherParticipant()
    {
        const Conversation direct = conversation(Conversation::Type::Direct, {}, { kAlice, kBob });
        QCOMPARE(models::otherParticipant(direct, QStringLiteral("alice"))->userId, QStringLiteral("bob"));
        QCOMPARE(models::otherParticipant(direct, QStringLiteral("bob"))->userId, QStringLiteral("alice"));
        const Conversation group = conversation(Conversation::Type::Group, {}, { kAlice, kBob });
        QCOMPARE(models::otherParticipant(group, QStringLiteral("alice")), nullptr);
    }

    void subtitle()
    {
        const Conversation group = conversation(Conversation::Type::Group, {}, { kAlice, kBob, kCarol });
        QCOMPARE(models::conversationSubtitle(group, QStringLiteral("online")), QStringLiteral("3 members"));
        const Conversation direct = conversation(Conversation::Type::Direct, {}, { kAlice, kBob });
        QCOMPARE(models::conversationSubtitle(direct, QStringLiteral("last seen 5 min ago")),
                 QStringLiteral("last seen 5 min ago"));
    }

    void typingSentence_data()
    {
        QTest::addColumn<QStringList>("names");
        QTest::addColumn<QString>("sentence");
        QTest::newRow("nobody") << QStringList() << QString();
        QTest::newRow("one") << QStringList { "Bob" } << "Bob is typing…";
        QTest::newRow("two") << QStringList { "Bob", "Carol" } << "Bob and Carol are typing…";
        QTest::newRow("three") << QStringList { "Bob", "Carol", "Dave" } << "Bob, Carol and Dave are typing…";
        QTest::newRow("four") << QStringList { "Bob", "Carol", "Dave", "Eve" }
                              << "Bob, Carol and 2 others are typing…";
        QTest::newRow("five") << QStringList { "Bob", "Carol", "Dave", "Eve", "Frank" }
                              << "Bob, Carol and 3 others are typing…";
        // A name is text, never a placeholder: "%2" stays "%2".
        QTest::newRow("placeholders in names") << QStringList { "%2", "%1" } << "%2 and %1 are typing…";
        QTest::newRow("markup in a name") << QStringList { "<b>Mallory</b>" } << "<b>Mallory</b> is typing…";
    }
    void typingSentence()
    {
        QFETCH(QStringList, names);
        QFETCH(QString, sentence);
        QCOMPARE(models::typingSentence(names), sentence);
    }

    void messagePreview()
    {
        ringchat::api::Message m;
        m.content = QStringLiteral("\n  first   line \nsecond line");
        QCOMPARE(models::messagePreview(m), QStringLiteral("first line"));
        m.content = QString(200, u'x');
        QCOMPARE(models::messagePreview(m), QString(159, u'x') + u'…');
        // A tombstone says so (its content is empty).
        m.content.clear();
        m.deletedAt = QDateTime::currentDateTimeUtc();
        QCOMPARE(models::messagePreview(m), QStringLiteral("Message deleted"));
    }

    void fold_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("folded");
        QTest::newRow("case") << "Bob EXAMPLE"
                              << "bob example";
        QTest::newRow("accents") << "Zoë Ångström"
                                 << "zoe angstrom";
        QTest::newRow("compatibility forms") << "ﬁle"
                                             << "file";
    }
    void fold()
    {
        QFETCH(QString, text);
        QFETCH(QString, folded);
        QCOMPARE(models::foldForSearch(text), folded);
    }
};

QTEST_GUILESS_MAIN(TestConversationText)

#include "tst_conversationtext.moc"
