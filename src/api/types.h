// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The wire contract's data types (docs/protocol.md, section 3) as plain structs.
//
// fromJson() validates and returns std::nullopt (with a sentence in *error) on
// anything the contract does not allow; toJson() writes the wire form. Parsing
// reads each field once from the QJsonObject (no QVariant round trips) and uses
// a hand-written parser for the server's fixed time format, because a flood of
// messages goes through here.

#include "api/attachment.h"
#include "api/notifysettings.h"
#include "core/jsondocument.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace ringchat::api {

// ISO-8601 UTC with milliseconds ("2026-11-27T06:43:26.123Z"). Other ISO-8601
// forms with an offset are accepted too (slower path); returns an invalid
// QDateTime on bad input.
QDateTime parseTime(const QString &text);
// Always "yyyy-MM-ddTHH:mm:ss.zzzZ" in UTC.
QString formatTime(const QDateTime &time);
// parseTime() of UTF-8 text (a parsed packet's string), without a QString for the server's form.
QDateTime parseTimeUtf8(QByteArrayView utf8);

// ^[A-Za-z0-9_-]{1,100}$ : conversation ids (and the other ids the reference
// server makes).
bool isValidConversationId(QStringView id);
// User, message and client ids: 1..200 characters, none of them control
// characters or whitespace. Looser than conversation ids because other Ring
// servers may use other id schemes.
bool isValidOpaqueId(QStringView id);
// 1..10000 characters after trimming.
bool isValidContent(QStringView content);
// A message's content: isValidContent, or with attachments also empty (blank).
bool isValidContent(QStringView content, bool hasAttachments);

struct User
{
    QString id;
    QString name;
    QString avatarUrl; // empty when the user has none

    static std::optional<User> fromJson(const QJsonObject &json, QString *error = nullptr);
    QJsonObject toJson() const;
    friend bool operator==(const User &, const User &) = default;
};

struct Participant
{
    enum class Role { Member, Admin };

    QString userId;
    QString name;
    Role role = Role::Member;
    QDateTime joinedAt;
    qint64 lastReadSeq = 0;
    QDateTime lastReadAt; // null when never read
    bool isOnline = false;
    QDateTime lastSeen; // null when unknown

    static std::optional<Participant> fromJson(const QJsonObject &json, QString *error = nullptr);
    // The same from a parsed packet (as Message's): same checks, same sentences.
    static std::optional<Participant> fromJson(const JsonView &json, QString *error = nullptr);
    QJsonObject toJson() const;
    friend bool operator==(const Participant &, const Participant &) = default;
};

// Local only, never on the wire: what the sender's client shows for its own
// message (docs/protocol.md, "delivery state").
enum class DeliveryState { Sending, Sent, Read, Failed };
QString deliveryStateName(DeliveryState state); // "sending", "sent", "read", "failed"

// Contract v2 (section 6.1): the server's snapshot of a replied-to message.
struct ReplyPreview
{
    QString messageId;
    qint64 seq = 0;
    QString senderId;
    QString senderName;
    QString snippet; // the first 140 characters, "" when deleted
    bool deleted = false;

    friend bool operator==(const ReplyPreview &, const ReplyPreview &) = default;
};

// Contract v2: one emoji on a message and who set it.
struct Reaction
{
    QString emoji; // 1 to 32 bytes of UTF-8
    int count = 0;
    QStringList userIds;

    friend bool operator==(const Reaction &, const Reaction &) = default;
};

} // namespace ringchat::api

// Every member of these (Qt's implicitly shared types, std::optional of them, integers)
// can be moved in memory as bytes: a QList of them grows, inserts and slides its items
// with memmove instead of a move and a destruction each (a flood moves thousands).
Q_DECLARE_TYPEINFO(ringchat::api::ReplyPreview, Q_RELOCATABLE_TYPE);
Q_DECLARE_TYPEINFO(ringchat::api::Reaction, Q_RELOCATABLE_TYPE);

namespace ringchat::api {

struct Message
{
    enum class Type { Text, System };
    // How the sender meant content to be read (v2); every v1 message is Plain.
    enum class Format { Plain, Markdown };

    QString id; // empty while the message is only in the outbox
    QString conversationId;
    qint64 seq = 0; // 0 while the message is only in the outbox
    QString clientId;
    QString senderId;
    QString senderName;
    QString content;
    Type type = Type::Text;
    QString replyTo; // message id, empty when none
    QDateTime timestamp;
    QDateTime editedAt; // null when never edited
    // Contract v2 (0, Plain, null and empty from a v1 server).
    qint64 rev = 0; // the conversation's change counter when this state was made
    Format format = Format::Plain;
    QDateTime deletedAt; // set on a tombstone (content "", no reactions)
    std::optional<ReplyPreview> replyPreview;
    QList<Reaction> reactions; // in the server's order
    // The files it carries, in the sender's order (none on a tombstone). With one,
    // content may be empty.
    QList<Attachment> attachments;
    // The user ids it mentions (v2; none on a tombstone).
    QStringList mentions;

    // Local state kept by the client; not part of fromJson/toJson.
    DeliveryState delivery = DeliveryState::Sent;
    // An action of ours on this message that the server has not answered yet
    // (the row shows its outcome already, and goes back if it is refused).
    enum class PendingChange { None, Edit, Delete, React };
    PendingChange pendingChange = PendingChange::None;

    bool isPending() const { return seq <= 0; }
    bool isDeleted() const { return deletedAt.isValid(); }
    bool mentionsUser(const QString &userId) const { return !userId.isEmpty() && mentions.contains(userId); }

    static std::optional<Message> fromJson(const QJsonObject &json, QString *error = nullptr);
    // The same, read straight from a parsed packet (net::Payload::arg()): same
    // checks, same error sentences, no QJsonObject in between.
    static std::optional<Message> fromJson(const JsonView &json, QString *error = nullptr);
    QJsonObject toJson() const;
    friend bool operator==(const Message &, const Message &) = default;
};

} // namespace ringchat::api

Q_DECLARE_TYPEINFO(ringchat::api::Message, Q_RELOCATABLE_TYPE); // as ReplyPreview above

namespace ringchat::api {

// The rev rule (section 6.1): a copy of a message replaces the held one only when its
// rev is higher; between v1 copies (rev 0 both) a later editedAt wins. The one reading
// of it for the timelines and the models (the cache's SQL says the same).
bool supersedes(const Message &copy, const Message &held);

// The contract's JSON of a reply preview and of a reaction list, for whoever keeps them
// as text (the cache): written as Message::toJson writes them, read with the same
// checks and sentences as Message::fromJson.
QJsonObject replyPreviewToJson(const ReplyPreview &preview);
QJsonArray reactionsToJson(const QList<Reaction> &reactions);
std::optional<ReplyPreview> replyPreviewFromJson(const QJsonObject &json, QString *error = nullptr);
std::optional<QList<Reaction>> reactionsFromJson(const QJsonArray &json, QString *error = nullptr);

struct Conversation
{
    enum class Type { Direct, Group };

    QString id;
    Type type = Type::Direct;
    QString title; // empty when none (direct chats)
    QList<Participant> participants;
    std::optional<Message> lastMessage;
    qint64 lastSeq = 0;
    qint64 rev = 0; // v2: the highest change counter of the conversation (0 from a v1 server)
    int unreadCount = 0;
    // v2: unread messages that mention me, and my own notification settings here.
    int unreadMentionCount = 0;
    NotifySettings settings;
    QDateTime createdAt;
    QDateTime updatedAt;

    // The time the list sorts by: the last message's time, else updatedAt.
    QDateTime lastActivity() const;
    const Participant *participant(const QString &userId) const;

    static std::optional<Conversation> fromJson(const QJsonObject &json, QString *error = nullptr);
    // The same from a parsed packet (conversation_updated on the live path): same
    // checks, same sentences, no QJsonObject in between.
    static std::optional<Conversation> fromJson(const JsonView &json, QString *error = nullptr);
    QJsonObject toJson() const;
    friend bool operator==(const Conversation &, const Conversation &) = default;
};

namespace detail {

// listFromJson's walk over either kind of JSON array.
template <typename F> void forEachValue(const QJsonArray &array, F &&f)
{
    for (const QJsonValue &value : array)
        f(value);
}

template <typename F> void forEachValue(const JsonView &array, F &&f)
{
    array.forEachElement(f);
}

// What T::fromJson takes for an element: a QJsonObject, or the view itself.
inline QJsonObject objectOf(const QJsonValue &value)
{
    return value.toObject();
}

inline const JsonView &objectOf(const JsonView &value)
{
    return value;
}

} // namespace detail

// Parses a JSON array of objects (a QJsonArray, or a JsonView of a parsed packet's
// array) with T::fromJson; fails on the first bad element (its index is in the error).
template <typename T, typename Array>
std::optional<QList<T>> listFromJson(const Array &array, QString *error = nullptr)
{
    QList<T> out;
    out.reserve(array.size());
    qsizetype i = 0;
    bool ok = true;
    detail::forEachValue(array, [&](const auto &value) {
        if (!ok)
            return;
        QString itemError;
        std::optional<T> item;
        if (value.isObject())
            item = T::fromJson(detail::objectOf(value), &itemError);
        if (!item) {
            if (error) {
                *error = value.isObject() ? QStringLiteral("Element %1: %2").arg(i).arg(itemError)
                                          : QStringLiteral("Element %1 is not a JSON object.").arg(i);
            }
            ok = false;
            return;
        }
        out.append(std::move(*item));
        ++i;
    });
    if (!ok)
        return std::nullopt;
    return out;
}

} // namespace ringchat::api
