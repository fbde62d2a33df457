// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// Drafts and the composer's formatting, in the app layer against the real reference
// server: Session with its real cache file and CurrentConversation keep a draft and
// its reply target per conversation, show it in the conversation list, bring it back
// after the app restarts (a new Session on the same data folder), and drop it once
// sent; a sent message is "markdown" only when the setting is on and the text has
// Markdown. Drafts (the debounced writes) on a real ChatStore without a server.
#include "appsessiontest.h"
#include "awaitfuture.h"
#include "referenceserver.h"

#include "app/currentconversation.h"
#include "app/drafts.h"
#include "app/session.h"
#include "app/settings.h"
#include "chat/chatservice.h"
#include "models/conversationlistmodel.h"
#include "store/chatstore.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace ringchat;
using ringchat::testing::await;
using namespace ringchat::app;
using ringchat::testing::kDirect;
using ringchat::testing::kGroup;
using ringchat::testing::kWait;

namespace {

// What the conversation list shows as a conversation's draft.
QString listedDraft(QAbstractItemModel *list, const QString &conversationId)
{
    for (int row = 0; list && row < list->rowCount(); ++row) {
        const QModelIndex index = list->index(row, 0);
        if (index.data(models::ConversationListModel::IdRole).toString() == conversationId)
            return index.data(models::ConversationListModel::DraftTextRole).toString();
    }
    return QStringLiteral("<no row>");
}

// Our message once the server has it (it has an id).
std::optional<api::Message> delivered(chat::ChatService *service, const QString &conversationId,
                                      const QString &clientId)
{
    for (const api::Message &m : service->messages(conversationId)) {
        if (m.clientId == clientId && !m.id.isEmpty())
            return m;
    }
    return std::nullopt;
}

// The app as main() makes it, on one data folder.
struct App
{
    App(Settings *settings, const QString &token, const QString &dataDir)
        : session(settings, { token, dataDir })
        , current(&session, settings)
    {
        session.start();
    }
    Session session;
    CurrentConversation current;
};
} // namespace

class TestDrafts : public QObject
{
    Q_OBJECT

private slots:
    void keptPerConversationAcrossARestart()
    {
        ReferenceServer server({}, QStringLiteral("app_drafts"));
        QVERIFY(server.start());
        QTemporaryDir data;
        const QString token = server.token(QStringLiteral("alice"));
        Settings settings(nullptr);
        settings.setServerUrl(server.url().toString());
        api::Message target;
        const QString groupDraft = QStringLiteral("Half a **thought**\nand a second line");

        {
            App app(&settings, token, data.path());
            QAbstractItemModel *list = app.session.conversations();
            QTRY_COMPARE_WITH_TIMEOUT(list->rowCount(), 3, kWait);
            app.current.setConversationId(kGroup);
            QTRY_VERIFY_WITH_TIMEOUT(!app.session.service()->messages(kGroup).isEmpty(), kWait);
            target = app.session.service()->messages(kGroup).constLast();
            QVERIFY(!target.id.isEmpty());

            // A reply being written in the group...
            QVERIFY(app.current.actions()->startReply(target.id, target.senderName, target.content));
            QSignalSpy draftChanged(&app.current, &CurrentConversation::draftChanged);
            app.current.editDraft(groupDraft);
            QCOMPARE(app.current.draft(), groupDraft);
            QCOMPARE(draftChanged.size(), 1);
            // ...stays behind when another conversation opens, and the list shows it there.
            app.current.setConversationId(kDirect);
            QCOMPARE(app.current.draft(), QString());
            QVERIFY(!app.current.actions()->replying());
            QCOMPARE(listedDraft(list, kGroup), QStringLiteral("Half a **thought**"));
            QCOMPARE(listedDraft(list, kDirect), QString());
            app.current.editDraft(QStringLiteral("Lunch at 12?"));
            // Back: the text and the reply, each conversation its own.
            app.current.setConversationId(kGroup);
            QCOMPARE(app.current.draft(), groupDraft);
            QVERIFY(app.current.actions()->replying());
            QCOMPARE(app.current.actions()->replyToId(), target.id);
            QCOMPARE(app.current.actions()->replySenderName(), target.senderName);
            QCOMPARE(listedDraft(list, kDirect), QStringLiteral("Lunch at 12?"));
            // Typed at the very end, not yet written when the app quits.
            app.current.setConversationId(kDirect);
            app.current.editDraft(QStringLiteral("Lunch at 12:30?"));
        } // the app quits

        {
            App app(&settings, token, data.path());
            QAbstractItemModel *list = app.session.conversations();
            // From the cache file, before any conversation opens.
            QTRY_COMPARE_WITH_TIMEOUT(listedDraft(list, kGroup), QStringLiteral("Half a **thought**"), kWait);
            QCOMPARE(listedDraft(list, kDirect), QStringLiteral("Lunch at 12:30?"));
            app.current.setConversationId(kGroup);
            QCOMPARE(app.current.draft(), groupDraft);
            QVERIFY(app.current.actions()->replying());
            QCOMPARE(app.current.actions()->replyToId(), target.id);
            QCOMPARE(app.current.actions()->replySenderName(), target.senderName);
            QCOMPARE(app.current.actions()->replySnippet(),
                     MessageActionsController::snippetOf(target.content));

            // Sent: a reply, in Markdown, and the draft is gone.
            QTRY_COMPARE_WITH_TIMEOUT(app.session.connectionState(), ConnectionState::Online, kWait);
            QVERIFY(settings.formatMarkdown());
            const QString sent = app.current.send(app.current.draft());
            QVERIFY(!sent.isEmpty());
            QCOMPARE(app.current.draft(), QString());
            QVERIFY(!app.current.actions()->replying());
            QCOMPARE(listedDraft(list, kGroup), QString());
            QTRY_VERIFY_WITH_TIMEOUT(delivered(app.session.service(), kGroup, sent), kWait);
            const api::Message reply = *delivered(app.session.service(), kGroup, sent);
            QCOMPARE(reply.format, api::Message::Format::Markdown);
            QCOMPARE(reply.replyTo, target.id);
            QCOMPARE(reply.content, groupDraft);

            // Text without Markdown goes as plain text; so does everything with the setting off.
            app.current.setConversationId(kDirect);
            QCOMPARE(app.current.draft(), QStringLiteral("Lunch at 12:30?"));
            const QString plainText = app.current.send(app.current.draft());
            settings.setFormatMarkdown(false);
            const QString offText = app.current.send(QStringLiteral("**not** formatted"));
            settings.setFormatMarkdown(true);
            QTRY_VERIFY_WITH_TIMEOUT(delivered(app.session.service(), kDirect, offText), kWait);
            QTRY_VERIFY_WITH_TIMEOUT(delivered(app.session.service(), kDirect, plainText), kWait);
            QCOMPARE(delivered(app.session.service(), kDirect, plainText)->format,
                     api::Message::Format::Plain);
            QCOMPARE(delivered(app.session.service(), kDirect, offText)->format, api::Message::Format::Plain);
        }

        {
            // Sent drafts do not come back.
            App app(&settings, token, data.path());
            QTRY_VERIFY_WITH_TIMEOUT(app.session.drafts() && app.session.drafts()->isLoaded(), kWait);
            QTRY_COMPARE_WITH_TIMEOUT(app.session.conversations()->rowCount(), 3, kWait);
            QCOMPARE(listedDraft(app.session.conversations(), kGroup), QString());
            QCOMPARE(listedDraft(app.session.conversations(), kDirect), QString());
            app.current.setConversationId(kGroup);
            QCOMPARE(app.current.draft(), QString());
            QVERIFY(!app.current.actions()->replying());
        }
    }

    void writesAreDebouncedAndTypingBeforeTheCacheAnswersWins()
    {
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("drafts.sqlite"));
        {
            store::ChatStore store;
            QVERIFY(await(store.open(file, QStringLiteral("alice"))));
            store::Draft old;
            old.conversationId = QStringLiteral("c1");
            old.text = QStringLiteral("stored long ago");
            QVERIFY(await(store.saveDraft(old)));
            old.conversationId = QStringLiteral("c2");
            old.text = QStringLiteral("kept");
            QVERIFY(await(store.saveDraft(old)));
        }
        store::ChatStore store;
        store.open(file, QStringLiteral("alice"));
        models::ConversationListModel list;
        Drafts drafts(&store, &list);
        drafts.setSaveDelay(300);
        QSignalSpy restored(&drafts, &Drafts::restored);
        // Typed before the cache answered: the typing wins over the stored draft.
        drafts.setText(QStringLiteral("c1"), QStringLiteral("typed now"));
        QTRY_VERIFY(drafts.isLoaded());
        QCOMPARE(restored.size(), 1);
        QCOMPARE(restored.at(0).at(0).toString(), QStringLiteral("c2"));
        QCOMPARE(drafts.draft(QStringLiteral("c1")).text, QStringLiteral("typed now"));
        QCOMPARE(drafts.draft(QStringLiteral("c2")).text, QStringLiteral("kept"));

        // Many keystrokes: one write once the delay has passed, holding the last text.
        for (const QString &text : { QStringLiteral("a"), QStringLiteral("ab"), QStringLiteral("abc") })
            drafts.setText(QStringLiteral("c3"), text);
        const auto storedText = [&](const QString &id) {
            for (const store::Draft &d : await(store.drafts())) {
                if (d.conversationId == id)
                    return d.text;
            }
            return QString();
        };
        QCOMPARE(storedText(QStringLiteral("c3")), QString()); // not yet
        QTRY_COMPARE(storedText(QStringLiteral("c3")), QStringLiteral("abc"));
        QCOMPARE(storedText(QStringLiteral("c1")), QStringLiteral("typed now"));
        // clear() (sent) writes at once.
        drafts.clear(QStringLiteral("c3"));
        QCOMPARE(storedText(QStringLiteral("c3")), QString());
        QVERIFY(drafts.draft(QStringLiteral("c3")).isEmpty());
    }
};

RINGCHAT_APP_TEST_MAIN(TestDrafts, "ringchat-drafts-test")

#include "tst_drafts.moc"
