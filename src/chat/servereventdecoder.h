// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Server events (docs/protocol.md) turned into typed, validated structs, with no
// state and no I/O: the chat service dispatches on the result. A known event
// that fails validation gives nothing and a sentence; an unknown one gives
// nothing and no sentence (newer servers may send more).

#include "api/types.h"

#include <QDateTime>
#include <QString>
#include <QStringList>

#include <optional>
#include <variant>

namespace ringchat::net {
class Payload;
}

namespace ringchat::chat {

namespace events {
struct MessageReceived
{
    api::Message message;
};
// Contract v2: a message's whole current state after an edit, a delete or a reaction.
struct MessageUpdated
{
    api::Message message;
};
struct UserTyping
{
    QString conversationId;
    QString userId;
    QString userName;
    bool isTyping = false;
};
struct MessagesRead
{
    QString conversationId;
    QString userId;
    qint64 lastReadSeq = 0;
    QDateTime readAt;
};
// status: "online" or "away" while online; empty when the server did not say.
struct PresenceUpdate
{
    QString userId;
    bool isOnline = false;
    QString status;
    QDateTime lastSeen;
};
struct ConversationUpdated
{
    api::Conversation conversation;
};
struct Connected
{
    QString userId;
    QString name;
};
struct ServerError
{
    QString code;
    QString message;
};
} // namespace events

using ServerEvent = std::variant<events::MessageReceived, events::MessageUpdated, events::UserTyping,
                                 events::MessagesRead, events::PresenceUpdate, events::ConversationUpdated,
                                 events::Connected, events::ServerError>;

// One incoming event. *error is set only for a known event that is malformed.
std::optional<ServerEvent> decodeServerEvent(const QString &name, const net::Payload &payload,
                                             QString *error = nullptr);

// The data of a join_conversation ack: the conversation (when readable) and who types now.
struct JoinReply
{
    std::optional<api::Conversation> conversation;
    QStringList typing; // user ids
};
JoinReply decodeJoinReply(const QJsonObject &ack);

} // namespace ringchat::chat
