// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "chat/servereventdecoder.h"

#include "net/socketioclient.h"

#include <QJsonArray>
#include <QJsonObject>

namespace ringchat::chat {

namespace {

QString text(const QJsonObject &o, const char *key)
{
    return o.value(QLatin1String(key)).toString();
}

std::optional<ServerEvent> fail(QString *error, const QString &sentence)
{
    if (error)
        *error = sentence;
    return std::nullopt;
}

} // namespace

std::optional<ServerEvent> decodeServerEvent(const QString &name, const net::Payload &payload, QString *error)
{
    const bool received = name == QLatin1String("message_received");
    if (received || name == QLatin1String("message_updated")) {
        // The hot path: fields read straight from the parsed packet, no QJsonObject.
        QString why;
        auto m = api::Message::fromJson(payload.arg(0), &why);
        if (!m)
            return fail(error, QStringLiteral("malformed %1: %2").arg(name, why));
        if (received)
            return events::MessageReceived { std::move(*m) };
        return events::MessageUpdated { std::move(*m) };
    }
    if (name == QLatin1String("conversation_updated")) {
        // Sent with every message of a flood: read from the parsed packet too.
        QString why;
        auto c = api::Conversation::fromJson(payload.arg(0), &why);
        if (!c)
            return fail(error, QStringLiteral("malformed conversation_updated: %1").arg(why));
        return events::ConversationUpdated { std::move(*c) };
    }
    static const QStringList known = {
        QStringLiteral("user_typing"), QStringLiteral("messages_read"), QStringLiteral("presence_update"),
        QStringLiteral("connected"),   QStringLiteral("error"),
    };
    if (!known.contains(name))
        return std::nullopt;
    const QJsonObject data = payload.isEmpty() ? QJsonObject() : payload.args().at(0).toObject();

    if (name == QLatin1String("user_typing")) {
        events::UserTyping e { text(data, "conversationId"), text(data, "userId"), text(data, "userName"),
                               data.value(QLatin1String("isTyping")).toBool() };
        if (!api::isValidConversationId(e.conversationId) || e.userId.isEmpty())
            return fail(error, QStringLiteral("malformed user_typing"));
        return e;
    }
    if (name == QLatin1String("messages_read")) {
        const QJsonValue seq = data.value(QLatin1String("lastReadSeq"));
        events::MessagesRead e { text(data, "conversationId"), text(data, "userId"), qint64(seq.toDouble(-1)),
                                 api::parseTime(text(data, "readAt")) };
        if (!api::isValidConversationId(e.conversationId) || e.userId.isEmpty() || !seq.isDouble()
            || e.lastReadSeq < 0)
            return fail(error, QStringLiteral("malformed messages_read"));
        return e;
    }
    if (name == QLatin1String("presence_update")) {
        events::PresenceUpdate e { text(data, "userId"), data.value(QLatin1String("isOnline")).toBool(),
                                   text(data, "status"), api::parseTime(text(data, "lastSeen")) };
        if (e.userId.isEmpty())
            return fail(error, QStringLiteral("malformed presence_update"));
        if (e.status != QLatin1String("online") && e.status != QLatin1String("away"))
            e.status.clear();
        return e;
    }
    if (name == QLatin1String("connected"))
        return events::Connected { text(data, "userId"), text(data, "name") };
    return events::ServerError { text(data, "code"), text(data, "message") };
}

JoinReply decodeJoinReply(const QJsonObject &ack)
{
    JoinReply reply;
    reply.conversation = api::Conversation::fromJson(ack.value(QLatin1String("conversation")).toObject());
    for (const QJsonValue &v : ack.value(QLatin1String("typing")).toArray())
        if (!v.toString().isEmpty())
            reply.typing.append(v.toString());
    return reply;
}

} // namespace ringchat::chat
