// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// decodeServerEvent: every server event of docs/protocol.md into its struct, and
// malformed ones refused with a sentence (unknown ones ignored without one).
#include "chat/servereventdecoder.h"
#include "net/socketioclient.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

using namespace ringchat;
using namespace ringchat::chat;

namespace {

net::Payload payload(const QJsonObject &data)
{
    return net::Payload(QJsonArray { data });
}

QJsonObject messageJson(qint64 seq)
{
    return { { QStringLiteral("id"), QStringLiteral("m%1").arg(seq) },
             { QStringLiteral("conversationId"), QStringLiteral("dm-alice-bob") },
             { QStringLiteral("seq"), seq },
             { QStringLiteral("clientId"), QStringLiteral("0b7e1f7a-1b2c-4d5e-8f90-123456789abc") },
             { QStringLiteral("senderId"), QStringLiteral("bob") },
             { QStringLiteral("senderName"), QStringLiteral("Bob") },
             { QStringLiteral("content"), QStringLiteral("hi") },
             { QStringLiteral("type"), QStringLiteral("text") },
             { QStringLiteral("timestamp"), QStringLiteral("2026-01-02T03:04:05.000Z") } };
}

template <typename T> T decoded(const QString &name, const QJsonObject &data)
{
    QString error;
    const auto e = decodeServerEvent(name, payload(data), &error);
    if (!e || !std::holds_alternative<T>(*e))
        qFatal("%s did not decode: %s", qPrintable(name), qPrintable(error));
    return std::get<T>(*e);
}

} // namespace

class TstServerEventDecoder : public QObject
{
    Q_OBJECT
private slots:
    void decodesEveryEvent()
    {
        const auto m = decoded<events::MessageReceived>(QStringLiteral("message_received"), messageJson(7));
        QCOMPARE(m.message.seq, 7);
        QCOMPARE(m.message.senderName, QStringLiteral("Bob"));

        // Contract v2: a message's current state after a change.
        QJsonObject changed = messageJson(7);
        changed.insert(QStringLiteral("rev"), 12);
        changed.insert(QStringLiteral("content"), QString());
        changed.insert(QStringLiteral("deletedAt"), QStringLiteral("2026-01-02T03:05:00.000Z"));
        changed.insert(QStringLiteral("reactions"), QJsonArray());
        const auto updated = decoded<events::MessageUpdated>(QStringLiteral("message_updated"), changed);
        QCOMPARE(updated.message.seq, 7);
        QCOMPARE(updated.message.rev, 12);
        QVERIFY(updated.message.isDeleted());
        QString why;
        QJsonObject broken = messageJson(7);
        broken.insert(QStringLiteral("rev"), -1);
        QVERIFY(!decodeServerEvent(QStringLiteral("message_updated"), payload(broken), &why));
        QVERIFY2(why.startsWith(QStringLiteral("malformed message_updated:")), qPrintable(why));
        QVERIFY2(why.contains(QStringLiteral("rev")), qPrintable(why));

        const auto typing = decoded<events::UserTyping>(
            QStringLiteral("user_typing"),
            { { QStringLiteral("conversationId"), QStringLiteral("dm-alice-bob") },
              { QStringLiteral("userId"), QStringLiteral("bob") },
              { QStringLiteral("userName"), QStringLiteral("Bob") },
              { QStringLiteral("isTyping"), true } });
        QCOMPARE(typing.userName, QStringLiteral("Bob"));
        QVERIFY(typing.isTyping);

        const auto read = decoded<events::MessagesRead>(
            QStringLiteral("messages_read"),
            { { QStringLiteral("conversationId"), QStringLiteral("dm-alice-bob") },
              { QStringLiteral("userId"), QStringLiteral("bob") },
              { QStringLiteral("lastReadSeq"), 12 },
              { QStringLiteral("readAt"), QStringLiteral("2026-01-02T03:04:05.000Z") } });
        QCOMPARE(read.lastReadSeq, 12);
        QCOMPARE(read.readAt, QDateTime(QDate(2026, 1, 2), QTime(3, 4, 5), Qt::UTC));

        const auto away
            = decoded<events::PresenceUpdate>(QStringLiteral("presence_update"),
                                              { { QStringLiteral("userId"), QStringLiteral("bob") },
                                                { QStringLiteral("isOnline"), true },
                                                { QStringLiteral("status"), QStringLiteral("away") } });
        QCOMPARE(away.status, QStringLiteral("away"));
        QVERIFY(!away.lastSeen.isValid());
        // A status the contract does not know is dropped, not passed on.
        const auto odd = decoded<events::PresenceUpdate>(
            QStringLiteral("presence_update"),
            { { QStringLiteral("userId"), QStringLiteral("bob") },
              { QStringLiteral("isOnline"), false },
              { QStringLiteral("status"), QStringLiteral("<b>busy</b>") } });
        QCOMPARE(odd.status, QString());

        const auto connected
            = decoded<events::Connected>(QStringLiteral("connected"),
                                         { { QStringLiteral("userId"), QStringLiteral("alice") },
                                           { QStringLiteral("name"), QStringLiteral("Alice") } });
        QCOMPARE(connected.name, QStringLiteral("Alice"));

        const auto error
            = decoded<events::ServerError>(QStringLiteral("error"),
                                           { { QStringLiteral("code"), QStringLiteral("RATE_LIMITED") },
                                             { QStringLiteral("message"), QStringLiteral("slow") } });
        QCOMPARE(error.code, QStringLiteral("RATE_LIMITED"));
    }

    void refusesMalformedEventsWithASentence_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QJsonObject>("data");
        QJsonObject noSeq = messageJson(1);
        noSeq.remove(QStringLiteral("seq"));
        QTest::newRow("message without seq") << QStringLiteral("message_received") << noSeq;
        QTest::newRow("typing without user")
            << QStringLiteral("user_typing")
            << QJsonObject { { QStringLiteral("conversationId"), QStringLiteral("dm-alice-bob") } };
        QTest::newRow("typing in a bad conversation id")
            << QStringLiteral("user_typing")
            << QJsonObject { { QStringLiteral("conversationId"), QStringLiteral("../etc") },
                             { QStringLiteral("userId"), QStringLiteral("bob") } };
        QTest::newRow("read without a seq")
            << QStringLiteral("messages_read")
            << QJsonObject { { QStringLiteral("conversationId"), QStringLiteral("dm-alice-bob") },
                             { QStringLiteral("userId"), QStringLiteral("bob") } };
        QTest::newRow("read with a negative seq")
            << QStringLiteral("messages_read")
            << QJsonObject { { QStringLiteral("conversationId"), QStringLiteral("dm-alice-bob") },
                             { QStringLiteral("userId"), QStringLiteral("bob") },
                             { QStringLiteral("lastReadSeq"), -3 } };
        QTest::newRow("presence without user")
            << QStringLiteral("presence_update") << QJsonObject { { QStringLiteral("isOnline"), true } };
        QTest::newRow("conversation without id") << QStringLiteral("conversation_updated") << QJsonObject {};
    }

    void refusesMalformedEventsWithASentence()
    {
        QFETCH(QString, name);
        QFETCH(QJsonObject, data);
        QString error;
        QVERIFY(!decodeServerEvent(name, payload(data), &error));
        QVERIFY(!error.isEmpty());
        QVERIFY(error.contains(name));
    }

    void ignoresUnknownEventsSilently()
    {
        QString error;
        QVERIFY(!decodeServerEvent(QStringLiteral("reaction_added"), payload({}), &error));
        QVERIFY(error.isEmpty());
        QVERIFY(!decodeServerEvent(QStringLiteral("message_received"), net::Payload(), &error));
        QVERIFY(!error.isEmpty()); // known, but empty
    }

    void joinReply()
    {
        const JoinReply r = decodeJoinReply(QJsonObject {
            { QStringLiteral("ok"), true },
            { QStringLiteral("typing"), QJsonArray { QStringLiteral("bob"), QString(), 42 } },
        });
        QVERIFY(!r.conversation); // absent: nothing to upsert
        QCOMPARE(r.typing, QStringList { QStringLiteral("bob") });
    }
};

QTEST_GUILESS_MAIN(TstServerEventDecoder)
#include "tst_servereventdecoder.moc"
