// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// OutgoingEvents: what goes out besides messages (join/leave of open conversations,
// typing, mark_read), on a link the test answers. The same against the real server
// is in chat_service.
#include "outboxtestkit.h"

#include "chat/outgoingevents.h"
#include "chat/readreceiptbatcher.h"
#include "chat/typingnotifier.h"

#include <QSignalSpy>
#include <QTest>

using namespace ringchat;
using chat::OutgoingEvents;

namespace {
const QString kConv = QStringLiteral("conv");
QJsonObject conv(const QString &id)
{
    return { { QStringLiteral("conversationId"), id } };
}
} // namespace

class TstOutgoingEvents : public QObject
{
    Q_OBJECT
private slots:
    void openConversationsAreJoinedAndJoinedAgainAfterAReconnect()
    {
        FakeLink link;
        OutgoingEvents out(link.emitter(), { 3000, 1500, 50 });
        out.open(kConv, false); // offline: joined later
        QVERIFY(link.sent.isEmpty());
        QVERIFY(out.isOpen(kConv));
        out.open(QStringLiteral("other"), true);
        QCOMPARE(link.events(), QStringList { QStringLiteral("join_conversation") });
        QCOMPARE(link.sent.at(0).data, conv(QStringLiteral("other")));

        QList<QPair<QString, chat::JoinReply>> joined;
        connect(&out, &OutgoingEvents::joined, this, [&](const QString &id, const chat::JoinReply &r) {
            joined.append({ id, r });
        });
        link.ok(0, { { QStringLiteral("typing"), QJsonArray { QStringLiteral("bob") } } });
        QCOMPARE(joined.size(), 1);
        QCOMPARE(joined.at(0).first, QStringLiteral("other"));
        QCOMPARE(joined.at(0).second.typing, QStringList { QStringLiteral("bob") });

        link.sent.clear();
        out.rejoinOpen(); // the link is back
        QCOMPARE(link.events(),
                 (QStringList { QStringLiteral("join_conversation"), QStringLiteral("join_conversation") }));
        QSignalSpy refused(&out, &OutgoingEvents::refused);
        link.refuse(0, QStringLiteral("FORBIDDEN"));
        QCOMPARE(refused.count(), 1);
        QCOMPARE(refused.at(0).at(0).toString(), QStringLiteral("FORBIDDEN"));
        link.lose(1, QStringLiteral("disconnected")); // no answer: nothing to say
        QCOMPARE(refused.count(), 1);
        QCOMPARE(joined.size(), 1);

        // Closing stops our typing and leaves (when online); a closed one is not rejoined.
        link.sent.clear();
        out.typing()->keystroke(kConv);
        out.close(kConv, true);
        QCOMPARE(link.events(),
                 (QStringList { QStringLiteral("typing_start"), QStringLiteral("typing_stop"),
                                QStringLiteral("leave_conversation") }));
        QVERIFY(!out.isOpen(kConv));
        link.sent.clear();
        out.rejoinOpen();
        QCOMPARE(link.sent.size(), 1);
        QCOMPARE(link.sent.at(0).data, conv(QStringLiteral("other")));
        out.forgetOpen();
        link.sent.clear();
        out.rejoinOpen();
        QVERIFY(link.sent.isEmpty());
    }

    void stopTypingStopsEveryOpenConversation()
    {
        FakeLink link;
        OutgoingEvents out(link.emitter(), { 3000, 1500, 50 });
        out.open(QStringLiteral("a"), false);
        out.open(QStringLiteral("b"), false);
        out.typing()->keystroke(QStringLiteral("a"));
        out.typing()->keystroke(QStringLiteral("b"));
        link.sent.clear();
        out.stopTyping();
        QCOMPARE(link.events(),
                 (QStringList { QStringLiteral("typing_stop"), QStringLiteral("typing_stop") }));
        QVERIFY(!out.typing()->isTyping(QStringLiteral("a")));
    }

    void readMarkersGoOutAsMarkReadWithTheServersAnswer()
    {
        FakeLink link;
        OutgoingEvents out(link.emitter(), { 3000, 1500, 50 });
        QSignalSpy acked(out.receipts(), &chat::ReadReceiptBatcher::markerAcknowledged);
        out.receipts()->markVisible(kConv, 7);
        QTRY_COMPARE_WITH_TIMEOUT(link.sent.size(), 1, 2000);
        QCOMPARE(link.sent.at(0).event, QStringLiteral("mark_read"));
        QCOMPARE(link.sent.at(0).data.value(QStringLiteral("upToSeq")).toInt(), 7);
        link.ok(0, { { QStringLiteral("lastReadSeq"), 7 } });
        QCOMPARE(acked.count(), 1);
        QCOMPARE(acked.at(0).at(1).toLongLong(), 7);
    }
};

QTEST_GUILESS_MAIN(TstOutgoingEvents)
#include "tst_outgoingevents.moc"
