// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The app layer's message actions (src/app/messageactionscontroller, CurrentConversation's
// `actions`): the reply target and the edit state as properties, the calls they
// make on a real ChatService (offline, so each action stays in its outbox), and the
// refusals shown to the user as a sentence.
#include "app/messageactionscontroller.h"
#include "auth/accesstokensource.h"
#include "chat/chatservice.h"

#include <QGuiApplication>
#include <QSignalSpy>
#include <QStandardItemModel>
#include <QTest>

using namespace ringchat;
using namespace ringchat::app;

namespace {

const QString kConversation = QStringLiteral("dm-alice-bob");

// The roles and the invokable of MessageListModel that the actions read.
class FakeMessages : public QStandardItemModel
{
    Q_OBJECT
public:
    FakeMessages()
    {
        setItemRoleNames({ { Qt::UserRole + 1, "messageId" },
                           { Qt::UserRole + 2, "clientId" },
                           { Qt::UserRole + 3, "text" } });
    }
    void add(const QString &id, const QString &clientId, const QString &text)
    {
        auto *item = new QStandardItem;
        item->setData(id, Qt::UserRole + 1);
        item->setData(clientId, Qt::UserRole + 2);
        item->setData(text, Qt::UserRole + 3);
        appendRow(item);
    }
    int editable = -1;
    Q_INVOKABLE int lastEditableRow() const { return editable; }
};

} // namespace

class TestMessageActionsController : public QObject
{
    Q_OBJECT

private:
    auth::FixedTokenSource m_tokens { QStringLiteral("unused") };
    std::unique_ptr<chat::ChatService> makeService()
    {
        chat::ChatService::Options options;
        options.serverUrl = QUrl(QStringLiteral("http://127.0.0.1:9")); // never started
        return std::make_unique<chat::ChatService>(options, &m_tokens, nullptr);
    }

private slots:
    void replyTargetFollowsStartCancelAndSend()
    {
        auto service = makeService();
        FakeMessages messages;
        MessageActionsController actions;
        actions.setConversation(service.get(), kConversation, &messages);
        QSignalSpy changed(&actions, &MessageActionsController::replyTargetChanged);

        QVERIFY(!actions.startReply(QString(), QStringLiteral("Bob"), QStringLiteral("queued"))); // no id yet
        QVERIFY(actions.startReply(QStringLiteral("m1"), QStringLiteral("Bob"),
                                   QStringLiteral("  Can you check\nthe build?  ")));
        QVERIFY(actions.replying());
        QCOMPARE(actions.replyToId(), QStringLiteral("m1"));
        QCOMPARE(actions.replySenderName(), QStringLiteral("Bob"));
        QCOMPARE(actions.replySnippet(), QStringLiteral("Can you check the build?"));
        QCOMPARE(changed.size(), 1);

        // The next send is the reply, and the quote bar goes.
        QSignalSpy inserted(service.get(), &chat::ChatService::messagesInserted);
        const QString clientId = actions.send(QStringLiteral("Yes, on it"));
        QVERIFY(!clientId.isEmpty());
        QVERIFY(!actions.replying());
        QCOMPARE(changed.size(), 2);
        QCOMPARE(inserted.size(), 1);
        const auto rows = inserted.at(0).at(1).value<QList<api::Message>>();
        QCOMPARE(rows.size(), 1);
        QCOMPARE(rows.at(0).replyTo, QStringLiteral("m1"));
        QCOMPARE(rows.at(0).content, QStringLiteral("Yes, on it"));

        // A plain send after that replies to nothing.
        actions.send(QStringLiteral("And another"));
        QCOMPARE(inserted.size(), 2);
        QVERIFY(inserted.at(1).at(1).value<QList<api::Message>>().at(0).replyTo.isEmpty());

        actions.startReply(QStringLiteral("m2"), QStringLiteral("Carol"), QStringLiteral("x"));
        actions.cancelReply();
        QVERIFY(!actions.replying());
        QCOMPARE(actions.replySenderName(), QString());
    }

    void snippetIsOneLineOfAtMost140Characters()
    {
        QCOMPARE(MessageActionsController::snippetOf(QStringLiteral("a\n\nb\tc")), QStringLiteral("a b c"));
        const QString longText(300, QLatin1Char('x'));
        const QString snippet = MessageActionsController::snippetOf(longText);
        QCOMPARE(snippet.size(), 140);
        QVERIFY(snippet.endsWith(QChar(0x2026)));
        QCOMPARE(MessageActionsController::snippetOf(QString(140, QLatin1Char('y'))),
                 QString(140, QLatin1Char('y')));
    }

    void editStateAndEditLast()
    {
        auto service = makeService();
        FakeMessages messages;
        messages.add(QStringLiteral("m1"), QString(), QStringLiteral("first"));
        messages.add(QString(), QStringLiteral("c2"), QStringLiteral("queued one"));
        MessageActionsController actions;
        actions.setConversation(service.get(), kConversation, &messages);
        QSignalSpy changed(&actions, &MessageActionsController::editingChanged);

        QVERIFY(!actions.editLast()); // nothing editable
        QVERIFY(!actions.editing());
        messages.editable = 1;
        QVERIFY(actions.editLast());
        QCOMPARE(actions.editingKey(), QStringLiteral("c2")); // queued: its clientId
        QCOMPARE(actions.editingText(), QStringLiteral("queued one"));
        messages.editable = 0;
        QVERIFY(actions.editLast());
        QCOMPARE(actions.editingKey(), QStringLiteral("m1"));
        QCOMPARE(changed.size(), 2);

        // The same text again just ends the edit, and asks nothing of the service.
        QVERIFY(actions.saveEdit(QStringLiteral(" first ")));
        QVERIFY(!actions.editing());
        QVERIFY(actions.notice().isEmpty());

        // Empty text is refused with a sentence; the edit goes on.
        actions.startEdit(QStringLiteral("m1"), QStringLiteral("first"));
        QVERIFY(!actions.saveEdit(QStringLiteral("   ")));
        QVERIFY(actions.editing());
        QVERIFY(actions.notice().contains(QLatin1String("cannot be empty")));

        actions.cancelEdit();
        QVERIFY(!actions.editing());
        QCOMPARE(actions.editingKey(), QString());

        // Replying ends an edit; opening another conversation ends both.
        actions.startEdit(QStringLiteral("m1"), QStringLiteral("first"));
        actions.startReply(QStringLiteral("m1"), QStringLiteral("Bob"), QStringLiteral("first"));
        QVERIFY(!actions.editing());
        actions.startEdit(QStringLiteral("m1"), QStringLiteral("first"));
        actions.setConversation(service.get(), QStringLiteral("group-ring"), &messages);
        QVERIFY(!actions.editing());
        QVERIFY(!actions.replying());
    }

    // An action the service refuses at once (a key that cannot be a message id; an unknown
    // message is refused by the server, and that sentence is tested below) is said, not lost silently.
    void refusedAtOnceBecomesANotice()
    {
        auto service = makeService();
        FakeMessages messages;
        MessageActionsController actions;
        actions.setNoticeDuration(50);
        actions.setConversation(service.get(), kConversation, &messages);
        QSignalSpy notices(&actions, &MessageActionsController::noticeChanged);

        QVERIFY(!actions.deleteMessage(QStringLiteral("not an id")));
        QCOMPARE(actions.notice(), QStringLiteral("This message could not be deleted."));
        QVERIFY(!actions.react(QStringLiteral("not an id"), QStringLiteral("x"), true));
        QCOMPARE(actions.notice(), QStringLiteral("The reaction could not be saved."));
        actions.startEdit(QStringLiteral("not an id"), QStringLiteral("old"));
        QVERIFY(!actions.saveEdit(QStringLiteral("new")));
        QCOMPARE(actions.notice(), QStringLiteral("This message can no longer be edited."));
        QVERIFY(actions.editing());
        // The sentence goes after a while.
        QTRY_VERIFY(actions.notice().isEmpty());

        // Nothing to act on: no call, no sentence.
        QVERIFY(!actions.react(QString(), QStringLiteral("x"), true));
        QVERIFY(!actions.deleteMessage(QString()));
        QVERIFY(actions.notice().isEmpty());
    }

    // The server's refusal, maybe long after the action left the outbox.
    void serverRefusalIsShownAsItsSentence()
    {
        auto service = makeService();
        MessageActionsController actions;
        actions.setConversation(service.get(), kConversation, nullptr);
        emit service->actionRefused(
            kConversation, QStringLiteral("m1"), QStringLiteral("EDIT_WINDOW_CLOSED"),
            QStringLiteral("This message can no longer be edited: 15 minutes have passed."));
        QCOMPARE(actions.notice(),
                 QStringLiteral("This message can no longer be edited: 15 minutes have passed."));
        actions.dismissNotice();
        QVERIFY(actions.notice().isEmpty());
        // Without a service or a conversation nothing is sent.
        MessageActionsController idle;
        QVERIFY(idle.send(QStringLiteral("x")).isEmpty());
        QVERIFY(!idle.startReply(QStringLiteral("m1"), QStringLiteral("Bob"), QStringLiteral("x")));
        QVERIFY(!idle.editLast());
    }
};

int main(int argc, char *argv[])
{
    QGuiApplication app(argc, argv);
    TestMessageActionsController test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_messageactionscontroller.moc"
