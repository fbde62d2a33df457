// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The contract types: parsing what the server sends, refusing what it must not.

#include "api/types.h"

#include <QJsonDocument>
#include <QTest>

using namespace ringchat::api;

namespace {

QJsonObject json(const char *text)
{
    return QJsonDocument::fromJson(QByteArray(text)).object();
}

// The live path: the same JSON parsed once into a JsonDocument, read through a view.
std::optional<Message> messageViaView(const QByteArray &text, QString *error = nullptr)
{
    const auto doc = ringchat::JsonDocument::parse(text);
    if (!doc)
        qFatal("test JSON does not parse: %s", text.constData());
    return Message::fromJson(doc->root(), error);
}

std::optional<Message> messageViaView(const QJsonObject &o, QString *error = nullptr)
{
    return messageViaView(QJsonDocument(o).toJson(QJsonDocument::Compact), error);
}

std::optional<Conversation> conversationViaView(const QJsonObject &o, QString *error = nullptr)
{
    const auto doc = ringchat::JsonDocument::parse(QJsonDocument(o).toJson(QJsonDocument::Compact));
    if (!doc)
        qFatal("test JSON does not parse");
    return Conversation::fromJson(doc->root(), error);
}

const char *const kMessage
    = R"({"id":"67e6db95-3b75-4c4c-9078-e459a65a3e67","conversationId":"group-ring","seq":3,
  "clientId":"seed-group-ring-3","senderId":"carol","senderName":"Carol Example","content":"Hi all.",
  "type":"text","timestamp":"2026-11-27T07:00:24.246Z"})";

const char *const kConversation = R"({"id":"group-ring","type":"group","title":"Ring team",
  "participants":[{"userId":"alice","name":"Alice Example","role":"admin","joinedAt":"2026-11-27T07:00:24.246Z",
  "lastReadSeq":1,"isOnline":false,"lastReadAt":"2026-11-27T07:00:24.246Z"},
  {"userId":"bob","name":"Bob Example","role":"member","joinedAt":"2026-11-27T07:00:24.246Z","lastReadSeq":2,
  "isOnline":true,"lastSeen":"2026-11-27T07:01:00.000Z"}],
  "lastSeq":3,"rev":3,"unreadCount":2,"unreadMentionCount":0,"settings":{"notify":"all"},"createdAt":"2026-11-27T07:00:24.246Z","updatedAt":"2026-11-27T07:00:24.246Z",
  "lastMessage":{"id":"m3","conversationId":"group-ring","seq":3,"clientId":"c3","senderId":"carol",
  "senderName":"Carol Example","content":"Hi all.","type":"text","timestamp":"2026-11-27T07:00:24.246Z",
  "rev":3,"format":"plain","reactions":[],"attachments":[]}})";

} // namespace

class TestTypes : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parseTimeFastPathMatchesQt_data()
    {
        QTest::addColumn<QString>("text");
        QTest::newRow("epoch") << "1970-01-01T00:00:00.000Z";
        QTest::newRow("now") << "2026-11-27T07:00:24.246Z";
        QTest::newRow("leap day") << "2024-02-29T23:59:59.999Z";
        QTest::newRow("y2k") << "2000-01-01T00:00:00.001Z";
        QTest::newRow("before epoch") << "1969-12-31T23:59:59.500Z";
        QTest::newRow("far") << "2999-12-31T12:34:56.789Z";
    }
    void parseTimeFastPathMatchesQt()
    {
        QFETCH(QString, text);
        const QDateTime parsed = parseTime(text);
        QVERIFY(parsed.isValid());
        QCOMPARE(parsed.timeSpec(), Qt::UTC);
        QCOMPARE(parsed, QDateTime::fromString(text, Qt::ISODateWithMs));
        QCOMPARE(formatTime(parsed), text);
    }

    void parseTimeOtherForms()
    {
        QCOMPARE(parseTime(QStringLiteral("2026-11-27T08:00:24.246+01:00")),
                 parseTime(QStringLiteral("2026-11-27T07:00:24.246Z")));
        QCOMPARE(parseTime(QStringLiteral("2026-11-27T07:00:24Z")),
                 parseTime(QStringLiteral("2026-11-27T07:00:24.000Z")));
    }

    void parseTimeRejects_data()
    {
        QTest::addColumn<QString>("text");
        QTest::newRow("empty") << "";
        QTest::newRow("garbage") << "yesterday";
        QTest::newRow("no zone") << "2026-11-27T07:00:24.246";
        QTest::newRow("feb 30") << "2026-02-30T07:00:24.246Z";
        QTest::newRow("feb 29 non-leap") << "2025-02-29T07:00:24.246Z";
        QTest::newRow("month 13") << "2026-13-01T07:00:24.246Z";
        QTest::newRow("hour 24") << "2026-11-27T24:00:24.246Z";
        QTest::newRow("minute 60") << "2026-11-27T07:60:24.246Z";
        QTest::newRow("letters") << "2026-1a-27T07:00:24.246Z";
        QTest::newRow("sign in digits") << "2026-11-27T07:00:-4.246Z";
        QTest::newRow("date only") << "2026-11-27";
    }
    void parseTimeRejects()
    {
        QFETCH(QString, text);
        QVERIFY(!parseTime(text).isValid());
    }

    void ids()
    {
        QVERIFY(isValidConversationId(u"group-ring"));
        QVERIFY(isValidConversationId(u"A_b-9"));
        QVERIFY(isValidConversationId(QString(100, u'a')));
        QVERIFY(!isValidConversationId(QString(101, u'a')));
        QVERIFY(!isValidConversationId(u""));
        QVERIFY(!isValidConversationId(u"a/b"));
        QVERIFY(!isValidConversationId(u"a b"));
        QVERIFY(!isValidConversationId(u"../etc"));
        QVERIFY(!isValidConversationId(u"é"));
        QVERIFY(isValidOpaqueId(u"67e6db95-3b75-4c4c-9078-e459a65a3e67"));
        QVERIFY(!isValidOpaqueId(u""));
        QVERIFY(!isValidOpaqueId(u"a b"));
        QVERIFY(!isValidOpaqueId(u"a\nb"));
        QVERIFY(!isValidOpaqueId(QString(201, u'x')));
        QVERIFY(isValidContent(u" hi "));
        QVERIFY(!isValidContent(u"   \n\t"));
        QVERIFY(isValidContent(QString(10000, u'x')));
        QVERIFY(!isValidContent(QString(10001, u'x')));
    }

    void messageParsesAndRoundTrips()
    {
        QString error;
        const auto m = Message::fromJson(json(kMessage), &error);
        QVERIFY2(m, qPrintable(error));
        QCOMPARE(m->id, QStringLiteral("67e6db95-3b75-4c4c-9078-e459a65a3e67"));
        QCOMPARE(m->conversationId, QStringLiteral("group-ring"));
        QCOMPARE(m->seq, 3);
        QCOMPARE(m->clientId, QStringLiteral("seed-group-ring-3"));
        QCOMPARE(m->senderId, QStringLiteral("carol"));
        QCOMPARE(m->senderName, QStringLiteral("Carol Example"));
        QCOMPARE(m->content, QStringLiteral("Hi all."));
        QCOMPARE(m->type, Message::Type::Text);
        QCOMPARE(m->timestamp, QDateTime(QDate(2026, 11, 27), QTime(7, 0, 24, 246), Qt::UTC));
        QVERIFY(!m->editedAt.isValid());
        QVERIFY(m->replyTo.isEmpty());
        QCOMPARE(m->delivery, DeliveryState::Sent);
        QVERIFY(!m->isPending());
        QCOMPARE(Message::fromJson(m->toJson()), m);
        // A v1 message: toJson adds the v2 fields at their defaults.
        QJsonObject v2Defaults = json(kMessage);
        v2Defaults.insert(QStringLiteral("rev"), 0);
        v2Defaults.insert(QStringLiteral("format"), QStringLiteral("plain"));
        v2Defaults.insert(QStringLiteral("reactions"), QJsonArray());
        v2Defaults.insert(QStringLiteral("attachments"), QJsonArray());
        QCOMPARE(m->toJson(), v2Defaults);

        QJsonObject withOptionals = json(kMessage);
        withOptionals.insert(QStringLiteral("replyTo"), QStringLiteral("m1"));
        withOptionals.insert(QStringLiteral("editedAt"), QStringLiteral("2026-11-27T08:00:00.000Z"));
        withOptionals.insert(QStringLiteral("type"), QStringLiteral("system"));
        const auto m2 = Message::fromJson(withOptionals);
        QVERIFY(m2);
        QCOMPARE(m2->replyTo, QStringLiteral("m1"));
        QCOMPARE(m2->type, Message::Type::System);
        QVERIFY(m2->editedAt.isValid());
        QCOMPARE(Message::fromJson(m2->toJson()), m2);
        // Unknown fields are ignored (newer servers may add some).
        withOptionals.insert(QStringLiteral("someFutureField"), QJsonArray { 1, 2 });
        QVERIFY(Message::fromJson(withOptionals));
        // null optional fields are the same as absent.
        QJsonObject nulls = json(kMessage);
        nulls.insert(QStringLiteral("replyTo"), QJsonValue::Null);
        nulls.insert(QStringLiteral("editedAt"), QJsonValue::Null);
        QVERIFY(Message::fromJson(nulls));

        // The view path (parsed packet) gives the very same messages.
        QCOMPARE(messageViaView(QByteArray(kMessage)), m);
        for (const QJsonObject &o : { json(kMessage), withOptionals, nulls }) {
            const auto viaView = messageViaView(o);
            QVERIFY(viaView);
            QCOMPARE(viaView, Message::fromJson(o));
        }
    }

    void messageVersionTwoFields()
    {
        // Contract v2: rev, format, a reply's preview, reactions; and a tombstone.
        QJsonObject o = json(kMessage);
        o.insert(QStringLiteral("rev"), 12);
        o.insert(QStringLiteral("format"), QStringLiteral("markdown"));
        o.insert(QStringLiteral("replyTo"), QStringLiteral("m1"));
        o.insert(QStringLiteral("replyPreview"),
                 QJsonObject { { "messageId", "m1" },
                               { "seq", 1 },
                               { "senderId", "alice" },
                               { "senderName", "Alice Example" },
                               { "snippet", "Hello \U0001F600" },
                               { "deleted", false } });
        o.insert(QStringLiteral("reactions"),
                 QJsonArray { QJsonObject { { "emoji", "\U0001F44D" },
                                            { "count", 2 },
                                            { "userIds", QJsonArray { "alice", "bob" } } },
                              QJsonObject { { "emoji", "\u2764\uFE0F" },
                                            { "count", 1 },
                                            { "userIds", QJsonArray { "carol" } } } });
        o.insert(QStringLiteral("attachments"), QJsonArray());
        o.insert(QStringLiteral("mentions"), QJsonArray());
        QString error;
        const auto m = Message::fromJson(o, &error);
        QVERIFY2(m, qPrintable(error));
        QCOMPARE(m->rev, 12);
        QCOMPARE(m->format, Message::Format::Markdown);
        QVERIFY(m->replyPreview);
        QCOMPARE(m->replyPreview->messageId, QStringLiteral("m1"));
        QCOMPARE(m->replyPreview->seq, 1);
        QCOMPARE(m->replyPreview->senderName, QStringLiteral("Alice Example"));
        QCOMPARE(m->replyPreview->snippet, QStringLiteral("Hello \U0001F600"));
        QVERIFY(!m->replyPreview->deleted);
        QCOMPARE(m->reactions.size(), 2);
        QCOMPARE(m->reactions[0].emoji, QStringLiteral("\U0001F44D"));
        QCOMPARE(m->reactions[0].count, 2);
        QCOMPARE(m->reactions[0].userIds, (QStringList { "alice", "bob" }));
        QCOMPARE(m->reactions[1].emoji, QStringLiteral("\u2764\uFE0F"));
        QVERIFY(!m->isDeleted());
        QCOMPARE(messageViaView(o), m);
        QCOMPARE(Message::fromJson(m->toJson()), m);

        // A tombstone: content "", deletedAt set, no reactions.
        QJsonObject tombstone = json(kMessage);
        tombstone.insert(QStringLiteral("content"), QString());
        tombstone.insert(QStringLiteral("deletedAt"), QStringLiteral("2026-11-27T08:00:00.000Z"));
        tombstone.insert(QStringLiteral("rev"), 13);
        const auto t = Message::fromJson(tombstone, &error);
        QVERIFY2(t, qPrintable(error));
        QVERIFY(t->isDeleted());
        QCOMPARE(t->content, QString());
        QCOMPARE(messageViaView(tombstone), t);
        QCOMPARE(Message::fromJson(t->toJson()), t);

        // An unknown format (a newer server's) reads as plain text.
        o.insert(QStringLiteral("format"), QStringLiteral("asciidoc"));
        QCOMPARE(Message::fromJson(o)->format, Message::Format::Plain);

        // Conversation.rev, 0 from a v1 server.
        QJsonObject c = json(kConversation);
        c.remove(QStringLiteral("rev"));
        QCOMPARE(Conversation::fromJson(c)->rev, 0);
        c.insert(QStringLiteral("rev"), 40);
        QCOMPARE(Conversation::fromJson(c)->rev, 40);
        QCOMPARE(Conversation::fromJson(Conversation::fromJson(c)->toJson())->rev, 40);
    }

    // Things only the text form can say, read the same way by both paths.
    void messageFromViewEdgeCases()
    {
        auto both = [](const QByteArray &text) -> std::optional<Message> {
            QString viewError, qtError;
            const auto viaView = messageViaView(text, &viewError);
            const auto viaQt = Message::fromJson(QJsonDocument::fromJson(text).object(), &qtError);
            if (viaView != viaQt || viewError != qtError) {
                qWarning() << "view:" << viewError << "Qt:" << qtError;
                return std::nullopt;
            }
            return viaView;
        };
        // Escapes and non-ASCII content (JSON text: "caf\u00e9 \ud83d\ude00 \"q\"\n✓").
        auto m = both(
            QByteArray(kMessage).replace(R"("Hi all.")", "\"caf\\u00e9 \\ud83d\\ude00 \\\"q\\\"\\n✓\""));
        QVERIFY(m);
        QCOMPARE(m->content, QStringLiteral("café \U0001F600 \"q\"\n✓"));
        // 3.0 is the integer 3.
        m = both(QByteArray(kMessage).replace(R"("seq":3)", R"("seq":3.0)"));
        QVERIFY(m);
        QCOMPARE(m->seq, 3);
        // A repeated key: the last one counts, as in QJsonObject.
        m = both(QByteArray(kMessage).replace(R"("seq":3)", R"("seq":1,"seq":7)"));
        QVERIFY(m);
        QCOMPARE(m->seq, 7);
        // Beyond 2^53 a number is no longer an exact integer.
        QString error;
        QVERIFY(
            !messageViaView(QByteArray(kMessage).replace(R"("seq":3)", R"("seq":9007199254740994)"), &error));
        QCOMPARE(error, QStringLiteral("Message: field \"seq\" must be an integer of at least 1."));
        // Not an object at all: the same sentence as an empty QJsonObject gives.
        QString qtError;
        QVERIFY(!Message::fromJson(QJsonObject(), &qtError));
        for (const QByteArray &notObject : { QByteArray("[1]"), QByteArray("\"x\""), QByteArray("null") }) {
            QVERIFY(!messageViaView(notObject, &error));
            QCOMPARE(error, qtError);
        }
    }

    void messageFromViewRepeatedTexts()
    {
        // A flood repeats the conversation, sender and sender name: the next message shares
        // the previous one's strings, and anything else is still read and checked anew.
        const auto first = messageViaView(kMessage);
        const auto second = messageViaView(QByteArray(kMessage).replace(R"("seq":3)", R"("seq":4)"));
        QVERIFY(first && second);
        QCOMPARE(second->conversationId, QStringLiteral("group-ring"));
        QCOMPARE(second->senderId, QStringLiteral("carol"));
        QCOMPARE(second->senderName, QStringLiteral("Carol Example"));
        QVERIFY(second->senderId.isSharedWith(first->senderId));
        const auto other = messageViaView(QByteArray(kMessage)
                                              .replace(R"("carol")", R"("dave")")
                                              .replace("Carol Example", "Dave")
                                              .replace("group-ring", "direct-1"));
        QVERIFY(other);
        QCOMPARE(other->conversationId, QStringLiteral("direct-1"));
        QCOMPARE(other->senderId, QStringLiteral("dave"));
        QCOMPARE(other->senderName, QStringLiteral("Dave"));
        QString error;
        QVERIFY(!messageViaView(QByteArray(kMessage).replace("group-ring", "group ring"), &error));
        QCOMPARE(error, QStringLiteral("Message: field \"conversationId\" is not a valid id."));
        QVERIFY(!messageViaView(QByteArray(kMessage).replace(R"("carol")", R"("car ol")"), &error));
        QCOMPARE(error, QStringLiteral("Message: field \"senderId\" is not a valid id."));
        // After a refused one, the valid text is read again.
        const auto again = messageViaView(kMessage);
        QVERIFY(again);
        QCOMPARE(again->conversationId, QStringLiteral("group-ring"));
        QCOMPARE(again->senderId, QStringLiteral("carol"));
    }

    void messageRejects_data()
    {
        QTest::addColumn<QString>("field");
        QTest::addColumn<QJsonValue>("value"); // Undefined removes the field
        const QJsonValue missing(QJsonValue::Undefined);
        QTest::newRow("no id") << "id" << missing;
        QTest::newRow("numeric id") << "id" << QJsonValue(5);
        QTest::newRow("empty id") << "id" << QJsonValue(QString());
        QTest::newRow("no conversation") << "conversationId" << missing;
        QTest::newRow("bad conversation id") << "conversationId" << QJsonValue(QStringLiteral("a/b"));
        QTest::newRow("seq string") << "seq" << QJsonValue(QStringLiteral("3"));
        QTest::newRow("seq zero") << "seq" << QJsonValue(0);
        QTest::newRow("seq negative") << "seq" << QJsonValue(-4);
        QTest::newRow("seq fraction") << "seq" << QJsonValue(2.5);
        QTest::newRow("seq huge") << "seq" << QJsonValue(1e300);
        QTest::newRow("no seq") << "seq" << missing;
        QTest::newRow("no clientId") << "clientId" << missing;
        QTest::newRow("clientId with space") << "clientId" << QJsonValue(QStringLiteral("a b"));
        QTest::newRow("no sender") << "senderId" << missing;
        QTest::newRow("sender null") << "senderId" << QJsonValue(QJsonValue::Null);
        QTest::newRow("senderName number") << "senderName" << QJsonValue(1);
        QTest::newRow("no content") << "content" << missing;
        QTest::newRow("empty content") << "content" << QJsonValue(QString());
        QTest::newRow("blank content") << "content" << QJsonValue(QStringLiteral("  \n "));
        QTest::newRow("long content") << "content" << QJsonValue(QString(10001, u'x'));
        QTest::newRow("content object") << "content" << QJsonValue(QJsonObject { { "html", "<b>" } });
        QTest::newRow("bad type") << "type" << QJsonValue(QStringLiteral("html"));
        QTest::newRow("no type") << "type" << missing;
        QTest::newRow("bad timestamp") << "timestamp" << QJsonValue(QStringLiteral("now"));
        QTest::newRow("numeric timestamp") << "timestamp" << QJsonValue(1700000000000.0);
        QTest::newRow("local timestamp")
            << "timestamp" << QJsonValue(QStringLiteral("2026-11-27T07:00:24.246"));
        QTest::newRow("bad editedAt") << "editedAt" << QJsonValue(QStringLiteral("2026-02-30T00:00:00.000Z"));
        QTest::newRow("bad replyTo") << "replyTo" << QJsonValue(QStringLiteral("a b"));
        QTest::newRow("replyTo number") << "replyTo" << QJsonValue(7);
        QTest::newRow("rev negative") << "rev" << QJsonValue(-1);
        QTest::newRow("rev string") << "rev" << QJsonValue(QStringLiteral("3"));
        QTest::newRow("format number") << "format" << QJsonValue(1);
        QTest::newRow("deleted with content")
            << "deletedAt" << QJsonValue(QStringLiteral("2026-11-27T08:00:00.000Z"));
        QTest::newRow("bad deletedAt") << "deletedAt" << QJsonValue(QStringLiteral("yesterday"));
        QTest::newRow("reactions object") << "reactions" << QJsonValue(QJsonObject());
        QTest::newRow("reaction not object") << "reactions" << QJsonValue(QJsonArray { 1 });
        QTest::newRow("reaction without emoji")
            << "reactions" << QJsonValue(QJsonArray { QJsonObject { { "count", 1 } } });
        QTest::newRow("reaction emoji too long")
            << "reactions"
            << QJsonValue(QJsonArray { QJsonObject { { "emoji", QString(33, u'x') }, { "count", 1 } } });
        QTest::newRow("reaction count zero")
            << "reactions" << QJsonValue(QJsonArray { QJsonObject { { "emoji", "x" }, { "count", 0 } } });
        QTest::newRow("reaction bad user")
            << "reactions"
            << QJsonValue(QJsonArray {
                   QJsonObject { { "emoji", "x" }, { "count", 1 }, { "userIds", QJsonArray { "a b" } } } });
        QTest::newRow("reaction userIds string")
            << "reactions"
            << QJsonValue(
                   QJsonArray { QJsonObject { { "emoji", "x" }, { "count", 1 }, { "userIds", "a" } } });
        QTest::newRow("replyPreview string") << "replyPreview" << QJsonValue(QStringLiteral("m1"));
        QTest::newRow("replyPreview without seq") << "replyPreview"
                                                  << QJsonValue(QJsonObject { { "messageId", "m1" },
                                                                              { "senderId", "a" },
                                                                              { "senderName", "A" },
                                                                              { "snippet", "" },
                                                                              { "deleted", false } });
        QTest::newRow("replyPreview deleted string") << "replyPreview"
                                                     << QJsonValue(QJsonObject { { "messageId", "m1" },
                                                                                 { "seq", 1 },
                                                                                 { "senderId", "a" },
                                                                                 { "senderName", "A" },
                                                                                 { "snippet", "" },
                                                                                 { "deleted", "no" } });
    }
    void messageRejects()
    {
        QFETCH(QString, field);
        QFETCH(QJsonValue, value);
        QJsonObject o = json(kMessage);
        if (value.isUndefined())
            o.remove(field);
        else
            o.insert(field, value);
        QString error;
        QVERIFY(!Message::fromJson(o, &error));
        QVERIFY2(error.endsWith(u'.') && error.size() > 10, qPrintable(error));
        // The view path refuses it with the same sentence.
        QString viewError;
        QVERIFY(!messageViaView(o, &viewError));
        QCOMPARE(viewError, error);
    }

    void conversationParsesAndRoundTrips()
    {
        QString error;
        const auto c = Conversation::fromJson(json(kConversation), &error);
        QVERIFY2(c, qPrintable(error));
        QCOMPARE(c->id, QStringLiteral("group-ring"));
        QCOMPARE(c->type, Conversation::Type::Group);
        QCOMPARE(c->title, QStringLiteral("Ring team"));
        QCOMPARE(c->participants.size(), 2);
        QCOMPARE(c->participants.at(0).role, Participant::Role::Admin);
        QCOMPARE(c->participants.at(1).isOnline, true);
        QVERIFY(c->participants.at(1).lastSeen.isValid());
        QVERIFY(!c->participants.at(1).lastReadAt.isValid());
        QCOMPARE(c->participant(QStringLiteral("bob"))->lastReadSeq, 2);
        QCOMPARE(c->participant(QStringLiteral("nobody")), nullptr);
        QVERIFY(c->lastMessage);
        QCOMPARE(c->lastMessage->seq, 3);
        QCOMPARE(c->lastSeq, 3);
        QCOMPARE(c->unreadCount, 2);
        QCOMPARE(c->lastActivity(), c->lastMessage->timestamp);
        QCOMPARE(Conversation::fromJson(c->toJson()), c);
        QCOMPARE(c->toJson(), json(kConversation));
    }

    void conversationRejects_data()
    {
        QTest::addColumn<QString>("field");
        QTest::addColumn<QJsonValue>("value");
        const QJsonValue missing(QJsonValue::Undefined);
        QTest::newRow("bad id") << "id" << QJsonValue(QStringLiteral("no spaces allowed"));
        QTest::newRow("bad type") << "type" << QJsonValue(QStringLiteral("channel"));
        QTest::newRow("participants object") << "participants" << QJsonValue(QJsonObject {});
        QTest::newRow("no participants") << "participants" << missing;
        QTest::newRow("participant not object") << "participants" << QJsonValue(QJsonArray { 1 });
        QTest::newRow("participant bad role")
            << "participants"
            << QJsonValue(QJsonArray { QJsonObject { { "userId", "x" },
                                                     { "name", "X" },
                                                     { "role", "owner" },
                                                     { "joinedAt", "2026-11-27T07:00:24.246Z" },
                                                     { "lastReadSeq", 0 },
                                                     { "isOnline", false } } });
        QTest::newRow("participant online string")
            << "participants"
            << QJsonValue(QJsonArray { QJsonObject { { "userId", "x" },
                                                     { "name", "X" },
                                                     { "role", "member" },
                                                     { "joinedAt", "2026-11-27T07:00:24.246Z" },
                                                     { "lastReadSeq", 0 },
                                                     { "isOnline", "yes" } } });
        QTest::newRow("negative unread") << "unreadCount" << QJsonValue(-1);
        QTest::newRow("no lastSeq") << "lastSeq" << missing;
        QTest::newRow("lastMessage array") << "lastMessage" << QJsonValue(QJsonArray {});
        QTest::newRow("lastMessage elsewhere")
            << "lastMessage"
            << QJsonValue(json(
                   R"({"id":"m3","conversationId":"other","seq":3,"clientId":"c3","senderId":"carol",
                "senderName":"C","content":"x","type":"text","timestamp":"2026-11-27T07:00:24.246Z"})"));
        QTest::newRow("bad createdAt") << "createdAt" << QJsonValue(QStringLiteral("x"));
        QTest::newRow("id number") << "id" << QJsonValue(7);
        QTest::newRow("no type") << "type" << missing;
        QTest::newRow("type number") << "type" << QJsonValue(1);
        QTest::newRow("title number") << "title" << QJsonValue(1);
        QTest::newRow("rev fraction") << "rev" << QJsonValue(1.5);
        QTest::newRow("no updatedAt") << "updatedAt" << missing;
        QTest::newRow("participant no name")
            << "participants"
            << QJsonValue(QJsonArray { QJsonObject { { "userId", "x" },
                                                     { "role", "member" },
                                                     { "joinedAt", "2026-11-27T07:00:24.246Z" },
                                                     { "lastReadSeq", 0 },
                                                     { "isOnline", false } } });
        QTest::newRow("second participant not object")
            << "participants"
            << QJsonValue(QJsonArray { json(kConversation).value("participants").toArray().at(0), "x" });
        QTest::newRow("lastMessage blank")
            << "lastMessage"
            << QJsonValue(json(
                   R"({"id":"m3","conversationId":"group-ring","seq":3,"clientId":"c3","senderId":"carol",
                "senderName":"C","content":" ","type":"text","timestamp":"2026-11-27T07:00:24.246Z"})"));
    }
    void conversationRejects()
    {
        QFETCH(QString, field);
        QFETCH(QJsonValue, value);
        QJsonObject o = json(kConversation);
        if (value.isUndefined())
            o.remove(field);
        else
            o.insert(field, value);
        QString error;
        QVERIFY(!Conversation::fromJson(o, &error));
        QVERIFY2(error.endsWith(u'.') && error.size() > 10, qPrintable(error));
        // The live path (a parsed packet) refuses it with the same sentence.
        QString viewError;
        QVERIFY(!conversationViaView(o, &viewError));
        QCOMPARE(viewError, error);
    }

    void conversationViaViewEqualsObject_data()
    {
        QTest::addColumn<QJsonObject>("json");
        const QJsonObject full = json(kConversation);
        QTest::newRow("full") << full;
        QJsonObject direct = full;
        direct.insert("type", "direct");
        direct.remove("title");
        direct.remove("lastMessage");
        direct.remove("rev");
        QTest::newRow("direct, no optionals") << direct;
        QJsonObject nulls = full;
        nulls.insert("title", QJsonValue::Null);
        nulls.insert("lastMessage", QJsonValue::Null);
        nulls.insert("rev", QJsonValue::Null);
        QTest::newRow("optionals null") << nulls;
        QJsonObject none = full;
        none.insert("participants", QJsonArray {});
        QTest::newRow("no participants") << none;
        QJsonObject repeated = full; // an unknown member is ignored by both
        repeated.insert("mutedUntil", "2026-11-27T07:00:24.246Z");
        QTest::newRow("unknown member") << repeated;
    }
    void conversationViaViewEqualsObject()
    {
        QFETCH(QJsonObject, json);
        QString error, viewError;
        const auto viaObject = Conversation::fromJson(json, &error);
        QVERIFY2(viaObject, qPrintable(error));
        const auto viaView = conversationViaView(json, &viewError);
        QVERIFY2(viaView, qPrintable(viewError));
        QCOMPARE(*viaView, *viaObject);
        QCOMPARE(viaView->participants.size(), json.value("participants").toArray().size());
    }

    void conversationViewOfNonObject()
    {
        // A conversation_updated whose argument is no object at all: the sentence of
        // an empty object, as on the QJsonObject path.
        QString error, viewError;
        QVERIFY(!Conversation::fromJson(QJsonObject {}, &error));
        const auto doc = ringchat::JsonDocument::parse("[1]");
        QVERIFY(!Conversation::fromJson(doc->root(), &viewError));
        QCOMPARE(viewError, error);
        QVERIFY(!Conversation::fromJson(ringchat::JsonView(), &viewError));
        QCOMPARE(viewError, error);
    }

    void userAndLists()
    {
        const auto u = User::fromJson(json(R"({"id":"alice","name":"Alice Example"})"));
        QVERIFY(u);
        QCOMPARE(u->name, QStringLiteral("Alice Example"));
        QVERIFY(!User::fromJson(json(R"({"id":"","name":"x"})")));
        QVERIFY(!User::fromJson(json(R"({"id":"a","name":null})")));
        QVERIFY(!User::fromJson(json(R"({"id":"a","name":"x","avatarUrl":5})")));
        QString error;
        const QJsonArray users { QJsonObject { { "id", "a" }, { "name", "A" } }, QJsonValue(3) };
        QVERIFY(!listFromJson<User>(users, &error));
        QVERIFY(error.contains(QStringLiteral("Element 1")));
        const auto ok = listFromJson<User>(QJsonArray { QJsonObject { { "id", "a" }, { "name", "A" } } });
        QVERIFY(ok && ok->size() == 1);
    }

    void deliveryStateNames()
    {
        QCOMPARE(deliveryStateName(DeliveryState::Sending), QStringLiteral("sending"));
        QCOMPARE(deliveryStateName(DeliveryState::Sent), QStringLiteral("sent"));
        QCOMPARE(deliveryStateName(DeliveryState::Read), QStringLiteral("read"));
        QCOMPARE(deliveryStateName(DeliveryState::Failed), QStringLiteral("failed"));
    }
};

QTEST_GUILESS_MAIN(TestTypes)
#include "tst_types.moc"
