// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The outbox's kinds (send, edit, delete, react) and the rules for our queued sends,
// on a link the test answers (FakeLink) and a recording cache: each kind goes out as
// its event, in order behind its send, with its target resolved; actions show on the
// rows until answered; refusals roll back with a sentence; lost answers are resent.
// The same against the real server is chat_messageactions.
#include "outboxtestkit.h"

#include "chat/messageactions.h"
#include "chat/ownmessages.h"
#include "chat/timelines.h"

#include <QSet>
#include <QSignalSpy>
#include <QTest>

using namespace ringchat;
using chat::MessageActions;
using chat::OutboxEntry;
using chat::OwnMessages;
using Kind = OutboxEntry::Kind;
using PendingChange = api::Message::PendingChange;

namespace {

const QString kConv = QStringLiteral("conv");
const QString kMe = QStringLiteral("alice");
const QString kThumb = QStringLiteral("\U0001F44D");

api::Message held(const QString &id, qint64 seq, const QString &sender, const QString &content, qint64 rev)
{
    api::Message m;
    m.id = id;
    m.conversationId = kConv;
    m.seq = seq;
    m.clientId = QStringLiteral("client-") + id;
    m.senderId = sender;
    m.senderName = sender;
    m.content = content;
    m.timestamp = QDateTime::currentDateTimeUtc();
    m.rev = rev;
    return m;
}

// The ack of an action or a send: {ok, message}.
QJsonObject ackOf(const api::Message &m)
{
    return { { QStringLiteral("message"), m.toJson() } };
}

} // namespace

class TstOutboxActions : public QObject
{
    Q_OBJECT

    OutboxRecorder m_recorder;
    chat::ChatCache *m_cache = nullptr;
    chat::Timelines m_timelines;
    FakeLink m_link;
    OwnMessages *m_own = nullptr;
    MessageActions *m_actions = nullptr;
    QList<api::Message> m_rows; // rowChanged, in order

    void goOnline()
    {
        m_own->setOnline(true);
        m_own->replay();
    }
    api::Message lastRow() const { return m_rows.isEmpty() ? api::Message {} : m_rows.last(); }

private slots:
    void init()
    {
        m_recorder = OutboxRecorder();
        m_cache = &m_recorder;
        m_timelines = chat::Timelines();
        m_timelines.setOwnUserId(kMe);
        api::Message theirs
            = held(QStringLiteral("m2"), 2, QStringLiteral("bob"), QStringLiteral("hi Alice"), 2);
        theirs.reactions = { { kThumb, 1, { QStringLiteral("bob") } } };
        m_timelines.ingest(kConv, { held(QStringLiteral("m1"), 1, kMe, QStringLiteral("helo"), 1), theirs },
                           chat::Timelines::Source::Cache);
        m_link = FakeLink();
        m_own = new OwnMessages(m_link.emitter(), m_cache, m_timelines, this);
        m_actions = new MessageActions(m_own, m_timelines, this);
        // As the chat service does: the server's state is held before the row shows again.
        connect(m_actions, &MessageActions::serverState, this, [this](const api::Message &m) {
            m_timelines.ingest(m.conversationId, { m }, chat::Timelines::Source::Live);
        });
        m_rows.clear();
        connect(m_actions, &MessageActions::rowChanged, this,
                [this](const QString &, const api::Message &row) { m_rows.append(row); });
    }
    void cleanup()
    {
        delete m_actions;
        delete m_own;
    }

    void eachKindGoesOutAsItsEvent()
    {
        OutboxEntry send;
        send.kind = Kind::Send;
        send.conversationId = kConv;
        send.clientId = QStringLiteral("k1");
        send.content = QStringLiteral("**hi**");
        send.format = api::Message::Format::Markdown;
        send.replyTo = QStringLiteral("m2");
        chat::OutboxEvent e = chat::outboxEvent(send);
        QCOMPARE(e.name, QStringLiteral("send_message"));
        QCOMPARE(e.payload.value(QStringLiteral("format")).toString(), QStringLiteral("markdown"));
        QCOMPARE(e.payload.value(QStringLiteral("replyTo")).toString(), QStringLiteral("m2"));
        QCOMPARE(e.payload.value(QStringLiteral("clientId")).toString(), QStringLiteral("k1"));
        send.format = api::Message::Format::Plain; // the default is not said (a v1 server knows no format)
        send.replyTo.clear();
        e = chat::outboxEvent(send);
        QVERIFY(!e.payload.contains(QStringLiteral("format")));
        QVERIFY(!e.payload.contains(QStringLiteral("replyTo")));

        OutboxEntry edit;
        edit.kind = Kind::Edit;
        edit.conversationId = kConv;
        edit.targetId = QStringLiteral("m1");
        edit.content = QStringLiteral("hello");
        e = chat::outboxEvent(edit);
        QCOMPARE(e.name, QStringLiteral("edit_message"));
        QCOMPARE(e.payload,
                 (QJsonObject { { QStringLiteral("conversationId"), kConv },
                                { QStringLiteral("messageId"), QStringLiteral("m1") },
                                { QStringLiteral("content"), QStringLiteral("hello") } }));
        OutboxEntry del = edit;
        del.kind = Kind::Delete;
        e = chat::outboxEvent(del);
        QCOMPARE(e.name, QStringLiteral("delete_message"));
        QCOMPARE(e.payload,
                 (QJsonObject { { QStringLiteral("conversationId"), kConv },
                                { QStringLiteral("messageId"), QStringLiteral("m1") } }));
        OutboxEntry react = edit;
        react.kind = Kind::React;
        react.emoji = kThumb;
        react.reactionOn = false;
        e = chat::outboxEvent(react);
        QCOMPARE(e.name, QStringLiteral("set_reaction"));
        QCOMPARE(e.payload,
                 (QJsonObject { { QStringLiteral("conversationId"), kConv },
                                { QStringLiteral("messageId"), QStringLiteral("m1") },
                                { QStringLiteral("emoji"), kThumb },
                                { QStringLiteral("on"), false } }));
    }

    void actionsAreRefusedAtOnceOnlyForBadInput()
    {
        QVERIFY(m_actions->edit(kConv, QStringLiteral("m1"), QStringLiteral("   ")).isEmpty());
        QVERIFY(m_actions->edit(QStringLiteral("bad conv!"), QStringLiteral("m1"), QStringLiteral("x"))
                    .isEmpty());
        QVERIFY(m_actions->remove(kConv, QStringLiteral("has space")).isEmpty());
        QVERIFY(m_actions->react(kConv, QStringLiteral("m2"), QStringLiteral("ok"), true).isEmpty());
        QVERIFY(m_recorder.saved.isEmpty());
        QVERIFY(MessageActions::isValidEmoji(kThumb));
        QVERIFY(MessageActions::isValidEmoji(QStringLiteral("\U0001F44D\U0001F3FD"))); // with a skin tone
        QVERIFY(!MessageActions::isValidEmoji(QString()));
        QVERIFY(!MessageActions::isValidEmoji(QStringLiteral("a")));
        QVERIFY(!MessageActions::isValidEmoji(QStringLiteral("1\u20E3"))); // a digit in it
        QVERIFY(MessageActions::isValidEmoji(QString(9, QChar(0x2764))));  // 27 bytes: fine...
        QVERIFY(!MessageActions::isValidEmoji(kThumb.repeated(9)));        // ...36 bytes: too long
    }

    void rowsShowPendingActionsAtOnce()
    {
        const QString edit = m_actions->edit(kConv, QStringLiteral("m1"), QStringLiteral("hello"));
        QVERIFY(!edit.isEmpty());
        QCOMPARE(lastRow().id, QStringLiteral("m1"));
        QCOMPARE(lastRow().content, QStringLiteral("hello"));
        QCOMPARE(lastRow().pendingChange, PendingChange::Edit);

        // Our 👍 joins bob's; another emoji goes last; taking ours off a new one drops it.
        QVERIFY(!m_actions->react(kConv, QStringLiteral("m2"), kThumb, true).isEmpty());
        QCOMPARE(lastRow().pendingChange, PendingChange::React);
        QCOMPARE(lastRow().reactions.size(), 1);
        QCOMPARE(lastRow().reactions.first().count, 2);
        QCOMPARE(lastRow().reactions.first().userIds, (QStringList { QStringLiteral("bob"), kMe }));
        m_actions->react(kConv, QStringLiteral("m2"), QStringLiteral("\U0001F389"), true);
        QCOMPARE(lastRow().reactions.size(), 2);
        QCOMPARE(lastRow().reactions.last().emoji, QStringLiteral("\U0001F389"));
        m_actions->react(kConv, QStringLiteral("m2"), QStringLiteral("\U0001F389"), false);
        QCOMPARE(lastRow().reactions.size(), 1);

        // A delete shows a tombstone (and says so above any other pending change).
        m_actions->remove(kConv, QStringLiteral("m1"));
        QVERIFY(lastRow().isDeleted());
        QVERIFY(lastRow().content.isEmpty());
        QCOMPARE(lastRow().pendingChange, PendingChange::Delete);

        // messages() of the service shows the same: each held row with its overlay.
        QList<api::Message> rows = m_timelines.messages(kConv);
        m_actions->overlay(rows);
        QVERIFY(rows.at(0).isDeleted());
        QCOMPARE(rows.at(1).reactions.first().count, 2);
        QCOMPARE(m_timelines.messages(kConv).at(0).content,
                 QStringLiteral("helo")); // the held state is the server's
        // Found by our clientId as well as by id.
        QCOMPARE(
            m_actions->overlaid(m_timelines.find(kConv, QStringLiteral("client-m1")).value()).pendingChange,
            PendingChange::Delete);
    }

    void theAckIsTheServersStateAndReplacesTheOverlay()
    {
        goOnline();
        QSignalSpy applied(m_actions, &MessageActions::applied);
        const QString id = m_actions->edit(kConv, QStringLiteral("m1"), QStringLiteral("hello"));
        QCOMPARE(m_link.events(), QStringList { QStringLiteral("edit_message") });
        QCOMPARE(m_recorder.saved, QStringList { id }); // on disk before it went out
        QVERIFY(m_recorder.entries.first().emitted);

        api::Message state = held(QStringLiteral("m1"), 1, kMe, QStringLiteral("hello"), 7);
        state.editedAt = QDateTime::currentDateTimeUtc();
        m_link.ok(0, ackOf(state));
        QCOMPARE(applied.count(), 1);
        QCOMPARE(applied.at(0).at(0).toString(), id);
        QCOMPARE(lastRow().content, QStringLiteral("hello"));
        QCOMPARE(lastRow().rev, 7);
        QCOMPARE(lastRow().pendingChange, PendingChange::None);
        QCOMPARE(m_timelines.find(kConv, QStringLiteral("m1"))->rev, 7);
        QVERIFY(m_recorder.entries.isEmpty());
        QCOMPARE(m_own->pendingCount(), 0);
    }

    void aRefusalRollsBackAndSaysWhy_data()
    {
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("code");
        QTest::newRow("edit window") << int(Kind::Edit) << QStringLiteral("EDIT_WINDOW_CLOSED");
        QTest::newRow("edit forbidden") << int(Kind::Edit) << QStringLiteral("FORBIDDEN");
        QTest::newRow("delete forbidden") << int(Kind::Delete) << QStringLiteral("FORBIDDEN");
        QTest::newRow("react gone") << int(Kind::React) << QStringLiteral("GONE");
        QTest::newRow("edit not found") << int(Kind::Edit) << QStringLiteral("NOT_FOUND");
        QTest::newRow("react bad request") << int(Kind::React) << QStringLiteral("BAD_REQUEST");
    }
    void aRefusalRollsBackAndSaysWhy()
    {
        QFETCH(int, kind);
        QFETCH(QString, code);
        goOnline();
        QSignalSpy refused(m_actions, &MessageActions::refused);
        const QString target = QStringLiteral("m2");
        if (Kind(kind) == Kind::Edit)
            m_actions->edit(kConv, target, QStringLiteral("changed"));
        else if (Kind(kind) == Kind::Delete)
            m_actions->remove(kConv, target);
        else
            m_actions->react(kConv, target, kThumb, false);
        QCOMPARE(lastRow().pendingChange == PendingChange::None, false);
        m_link.refuse(0, code);
        QCOMPARE(refused.count(), 1);
        QCOMPARE(refused.at(0).at(0).toString(), kConv);
        QCOMPARE(refused.at(0).at(1).toString(), target);
        QCOMPARE(refused.at(0).at(2).toString(), code);
        const QString sentence = refused.at(0).at(3).toString();
        QCOMPARE(sentence, MessageActions::refusalSentence(Kind(kind), code));
        QVERIFY(!sentence.contains(code)); // a sentence for people, not the code
        // Back to the server's state, which the timelines hold.
        QCOMPARE(lastRow(), m_timelines.find(kConv, target).value());
        QVERIFY(m_recorder.entries.isEmpty());
        QCOMPARE(m_link.sent.size(), 1); // not sent again
    }

    void refusalSentencesAreDistinct()
    {
        QSet<QString> seen;
        for (const char *code :
             { "EDIT_WINDOW_CLOSED", "GONE", "FORBIDDEN", "NOT_FOUND", "BAD_REQUEST", "INTERNAL" })
            seen.insert(MessageActions::refusalSentence(Kind::Edit, QLatin1String(code)));
        QCOMPARE(seen.size(), 6);
        QVERIFY(MessageActions::refusalSentence(Kind::Delete, QStringLiteral("SOMETHING_NEW"))
                    .contains(QStringLiteral("SOMETHING_NEW")));
        QVERIFY(MessageActions::refusalSentence(Kind::Delete, QStringLiteral("FORBIDDEN"))
                != MessageActions::refusalSentence(Kind::Edit, QStringLiteral("FORBIDDEN")));
    }

    void lostAnswersAreSentAgainAndRateLimitsWait()
    {
        goOnline();
        m_actions->react(kConv, QStringLiteral("m2"), kThumb, true);
        QCOMPARE(m_link.sent.size(), 1);
        m_link.lose(0, QStringLiteral("timeout"));
        QCOMPARE(m_recorder.entries.size(), 1); // kept for the resend
        QTRY_COMPARE_WITH_TIMEOUT(m_link.sent.size(), 2, 5000);
        QCOMPARE(m_link.sent.at(1).data, m_link.sent.at(0).data);
        m_link.refuse(1, QStringLiteral("RATE_LIMITED"), 0.1);
        QTRY_COMPARE_WITH_TIMEOUT(m_link.sent.size(), 3, 5000);
        // The link goes: nothing is sent until it is back.
        m_own->setOnline(false);
        m_link.lose(2, QStringLiteral("disconnected"));
        QTest::qWait(300);
        QCOMPARE(m_link.sent.size(), 3);
        goOnline();
        QCOMPARE(m_link.sent.size(), 4);
        QCOMPARE(m_link.sent.at(3).data, m_link.sent.at(0).data);
        api::Message state
            = held(QStringLiteral("m2"), 2, QStringLiteral("bob"), QStringLiteral("hi Alice"), 9);
        state.reactions = { { kThumb, 2, { QStringLiteral("bob"), kMe } } };
        m_link.ok(3, ackOf(state));
        QVERIFY(m_recorder.entries.isEmpty());
        QCOMPARE(lastRow().reactions.first().count, 2);
        QCOMPARE(lastRow().pendingChange, PendingChange::None);
    }

    void aReactionToggledBackBeforeItWentOutCancelsOut()
    {
        const QString party = QStringLiteral("\U0001F389");
        // On then off, and off then on (Bob's thumb is not ours: off is a no-op there).
        const QString on = m_actions->react(kConv, QStringLiteral("m2"), party, true);
        QCOMPARE(lastRow().reactions.size(), 2);
        QCOMPARE(m_actions->react(kConv, QStringLiteral("m2"), party, false), on);
        const QString off = m_actions->react(kConv, QStringLiteral("m2"), kThumb, false);
        QCOMPARE(m_actions->react(kConv, QStringLiteral("m2"), kThumb, true), off);
        QVERIFY(m_recorder.entries.isEmpty());
        QCOMPARE(m_recorder.removed, (QStringList { on, off }));
        QCOMPARE(m_own->pendingCount(), 0);
        QCOMPARE(lastRow().reactions.size(), 1); // the server's state again
        QCOMPARE(lastRow().pendingChange, PendingChange::None);
        // Two toggles the same way do not cancel out.
        m_actions->react(kConv, QStringLiteral("m2"), party, true);
        m_actions->react(kConv, QStringLiteral("m2"), party, true);
        QCOMPARE(m_recorder.entries.size(), 2);

        // Across a restart: the entry read back from the disk cancels out the same way.
        const QList<OutboxEntry> onDisk = { m_recorder.entries.first() };
        cleanup();
        init();
        m_own->restore(onDisk);
        QCOMPARE(m_actions->react(kConv, QStringLiteral("m2"), party, false), onDisk.first().clientId);
        QCOMPARE(m_own->pendingCount(), 0);
        goOnline();
        QVERIFY(m_link.sent.isEmpty()); // nothing reaches the server
    }

    void aReactionToggledBackAfterItWentOutFollowsIt()
    {
        goOnline();
        const QString on = m_actions->react(kConv, QStringLiteral("m2"), kThumb, true);
        QCOMPARE(m_link.events(), QStringList { QStringLiteral("set_reaction") }); // no answer yet
        const QString off = m_actions->react(kConv, QStringLiteral("m2"), kThumb, false);
        QVERIFY(off != on);
        QCOMPARE(m_own->pendingCount(), 2);
        api::Message state
            = held(QStringLiteral("m2"), 2, QStringLiteral("bob"), QStringLiteral("hi Alice"), 3);
        state.reactions = { { kThumb, 2, { QStringLiteral("bob"), kMe } } };
        m_link.ok(0, ackOf(state));
        QCOMPARE(m_link.events(),
                 (QStringList { QStringLiteral("set_reaction"), QStringLiteral("set_reaction") }));
        QCOMPARE(m_link.sent.at(0).data.value(QStringLiteral("on")).toBool(), true);
        QCOMPARE(m_link.sent.at(1).data.value(QStringLiteral("on")).toBool(), false);

        // Across a restart: an entry that went out before it (emitted) is followed too.
        OutboxEntry sent = m_recorder.entries.first();
        QVERIFY(sent.emitted);
        cleanup();
        init();
        m_own->restore({ sent });
        QVERIFY(m_actions->react(kConv, QStringLiteral("m2"), kThumb, true) != sent.clientId);
        QCOMPARE(m_own->pendingCount(), 2);
        goOnline();
        m_link.ok(0, ackOf(state));
        QCOMPARE(m_link.sent.size(), 2);
        QCOMPARE(m_link.sent.at(0).data.value(QStringLiteral("on")).toBool(), false);
        QCOMPARE(m_link.sent.at(1).data.value(QStringLiteral("on")).toBool(), true);
    }

    void anEditOfAnUnsentSendRewritesIt()
    {
        QSignalSpy updated(m_own, &OwnMessages::rowUpdated);
        const QString clientId = m_own->send(kConv, QStringLiteral("teh typo"));
        QCOMPARE(m_actions->edit(kConv, clientId, QStringLiteral("the typo")), clientId);
        QCOMPARE(m_recorder.saved, QStringList { clientId }); // no edit entry
        QCOMPARE(m_recorder.entries.first().content, QStringLiteral("the typo"));
        QCOMPARE(updated.count(), 1);
        QCOMPARE(updated.at(0).at(1).value<api::Message>().content, QStringLiteral("the typo"));
        goOnline();
        QCOMPARE(m_link.events(), QStringList { QStringLiteral("send_message") });
        QCOMPARE(m_link.sent.first().data.value(QStringLiteral("content")).toString(),
                 QStringLiteral("the typo"));
    }

    void aDeleteOfAnUnsentSendTakesItOut()
    {
        QSignalSpy removed(m_own, &OwnMessages::rowRemoved);
        const QString clientId = m_own->send(kConv, QStringLiteral("oops"));
        m_actions->react(kConv, clientId, kThumb, true); // waits for the send
        QCOMPARE(m_actions->remove(kConv, clientId), clientId);
        QCOMPARE(removed.count(), 1);
        QVERIFY(m_recorder.entries.isEmpty()); // the send and the reaction on it
        QCOMPARE(m_own->pendingCount(), 0);
        goOnline();
        QVERIFY(m_link.sent.isEmpty()); // nothing reaches the server
    }

    void anActionOnASendInFlightFollowsItWithTheId()
    {
        goOnline();
        m_recorder.holdDisk = true; // the action's save has not reached the disk yet
        const QString clientId = m_own->send(kConv, QStringLiteral("first words"));
        QCOMPARE(m_link.events(), QStringList { QStringLiteral("send_message") }); // a send does not wait
        const QString edit = m_actions->edit(kConv, clientId, QStringLiteral("better words"));
        QVERIFY(edit != clientId); // gone out: an edit, not a rewrite
        QCOMPARE(m_recorder.entries.last().targetId, clientId);
        // The pending row shows the edit already.
        QCOMPARE(lastRow().clientId, clientId);
        QCOMPARE(lastRow().content, QStringLiteral("better words"));

        api::Message stored = held(QStringLiteral("m3"), 3, kMe, QStringLiteral("first words"), 3);
        stored.clientId = clientId;
        m_link.ok(0, ackOf(stored));
        QCOMPARE(m_recorder.entries.size(), 1);
        QCOMPARE(m_recorder.entries.first().targetId, QStringLiteral("m3")); // resolved, on disk
        QCOMPARE(m_link.sent.size(), 1); // the edit waits for its own save
        m_recorder.releaseDisk();
        QCOMPARE(m_link.events(),
                 (QStringList { QStringLiteral("send_message"), QStringLiteral("edit_message") }));
        QCOMPARE(m_link.sent.at(1).data.value(QStringLiteral("messageId")).toString(), QStringLiteral("m3"));
    }

    void aSendThatGoesOutAtOnceIsWrittenOnce()
    {
        goOnline();
        const QString first = m_own->send(kConv, QStringLiteral("straight out"));
        QCOMPARE(m_link.events(), QStringList { QStringLiteral("send_message") });
        QCOMPARE(m_recorder.saved, QStringList { first });
        QVERIFY(m_recorder.updated.isEmpty()); // one write, already marked as gone out
        QVERIFY(m_recorder.entries.first().emitted);

        // One behind it waits for the first's answer: saved as queued, marked when it goes.
        const QString second = m_own->send(kConv, QStringLiteral("behind it"));
        QCOMPARE(m_link.sent.size(), 1);
        QCOMPARE(m_recorder.saved, (QStringList { first, second }));
        QVERIFY(!m_recorder.entries.last().emitted);
        api::Message stored = held(QStringLiteral("m3"), 3, kMe, QStringLiteral("straight out"), 3);
        stored.clientId = first;
        m_link.ok(0, ackOf(stored));
        QCOMPARE(m_link.sent.size(), 2);
        QCOMPARE(m_recorder.updated, QStringList { second });
        QCOMPARE(m_recorder.entries.size(), 1);
        QVERIFY(m_recorder.entries.first().emitted);
    }

    void anActionWaitsWhileItsSendHasFailed()
    {
        goOnline();
        const QString clientId = m_own->send(kConv, QStringLiteral("first"));
        m_actions->edit(kConv, clientId, QStringLiteral("second"));
        m_link.refuse(0, QStringLiteral("BAD_REQUEST"));
        QCOMPARE(m_own->unsentState(clientId), api::DeliveryState::Failed);
        QCOMPARE(m_link.sent.size(), 1); // the edit waits for its send
        QVERIFY(m_own->retry(clientId));
        QCOMPARE(m_link.events(),
                 (QStringList { QStringLiteral("send_message"), QStringLiteral("send_message") }));
        api::Message stored = held(QStringLiteral("m3"), 3, kMe, QStringLiteral("first"), 3);
        stored.clientId = clientId;
        m_link.ok(1, ackOf(stored));
        QCOMPARE(m_link.events().last(), QStringLiteral("edit_message"));
        QCOMPARE(m_link.sent.last().data.value(QStringLiteral("messageId")).toString(), QStringLiteral("m3"));

        // Failed again, then discarded: the actions on it go too.
        const QString other = m_own->send(kConv, QStringLiteral("third"));
        m_actions->react(kConv, other, kThumb, true);
        m_link.ok(2, ackOf(held(QStringLiteral("m3"), 3, kMe, QStringLiteral("second"), 4)));
        m_link.refuse(3, QStringLiteral("FORBIDDEN"));
        QVERIFY(m_own->discard(other));
        QVERIFY(m_recorder.entries.isEmpty());
        QCOMPARE(m_link.sent.size(), 4);
    }

    void restoredEntriesKeepTheirOrder()
    {
        OutboxEntry send;
        send.clientId = QStringLiteral("k1");
        send.conversationId = kConv;
        send.content = QStringLiteral("queued");
        send.createdAt = QDateTime(QDate(2026, 1, 1), QTime(12, 0), Qt::UTC);
        send.emitted = true; // it went out before the app stopped
        OutboxEntry react = send;
        react.clientId = QStringLiteral("a1");
        react.kind = Kind::React;
        react.targetId = QStringLiteral("k1");
        react.emoji = kThumb;
        react.createdAt = send.createdAt.addSecs(1);
        m_own->restore({ react, send });
        // An edit of a send that went out is an edit, even after a restart.
        QVERIFY(m_actions->edit(kConv, QStringLiteral("k1"), QStringLiteral("edited"))
                != QStringLiteral("k1"));
        goOnline();
        QCOMPARE(m_link.events(), QStringList { QStringLiteral("send_message") });
        api::Message stored = held(QStringLiteral("m3"), 3, kMe, QStringLiteral("queued"), 3);
        stored.clientId = QStringLiteral("k1");
        m_link.ok(0, ackOf(stored));
        QCOMPARE(m_link.events().last(), QStringLiteral("set_reaction"));
        m_link.ok(1, ackOf(stored));
        QCOMPARE(m_link.events().last(), QStringLiteral("edit_message"));
        QCOMPARE(m_link.sent.last().data.value(QStringLiteral("messageId")).toString(), QStringLiteral("m3"));
    }

    void aTargetTheAckDidNotNameIsFoundInTheTimelines()
    {
        // The app stopped between the send's ack and the update of the action's target.
        OutboxEntry del;
        del.clientId = QStringLiteral("a1");
        del.conversationId = kConv;
        del.kind = Kind::Delete;
        del.targetId = QStringLiteral("client-m1"); // m1's clientId
        del.createdAt = QDateTime::currentDateTimeUtc();
        m_own->restore({ del });
        goOnline();
        QCOMPARE(m_link.sent.first().data.value(QStringLiteral("messageId")).toString(),
                 QStringLiteral("m1"));
        QVERIFY(m_recorder.updated.contains(QStringLiteral("a1"))); // the resolved target is written
    }
};

QTEST_GUILESS_MAIN(TstOutboxActions)
#include "tst_outboxactions.moc"
