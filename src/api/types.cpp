// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "api/types.h"

#include "api/jsonfields.h"

#include <QJsonArray>

#include <cstring>
#include <initializer_list>

namespace ringchat::api {

using namespace fields;

bool isValidConversationId(QStringView id)
{
    if (id.isEmpty() || id.size() > 100)
        return false;
    for (QChar c : id) {
        const char16_t u = c.unicode();
        if (!((u >= u'a' && u <= u'z') || (u >= u'A' && u <= u'Z') || (u >= u'0' && u <= u'9') || u == u'_'
              || u == u'-'))
            return false;
    }
    return true;
}

bool isValidOpaqueId(QStringView id)
{
    if (id.isEmpty() || id.size() > 200)
        return false;
    for (QChar c : id) {
        const char16_t u = c.unicode();
        if (u < 0x80) {
            if (u < 0x21 || u == 0x7f)
                return false;
        } else if (c.isSpace() || c.category() == QChar::Other_Control
                   || c.category() == QChar::Other_Format) {
            return false;
        }
    }
    return true;
}

bool isValidContent(QStringView content)
{
    const qsizetype n = content.trimmed().size();
    return n >= 1 && n <= 10000;
}

bool isValidContent(QStringView content, bool hasAttachments)
{
    return isValidContent(content) || (hasAttachments && content.trimmed().isEmpty());
}

QString deliveryStateName(DeliveryState state)
{
    switch (state) {
    case DeliveryState::Sending:
        return QStringLiteral("sending");
    case DeliveryState::Sent:
        return QStringLiteral("sent");
    case DeliveryState::Read:
        return QStringLiteral("read");
    case DeliveryState::Failed:
        return QStringLiteral("failed");
    }
    return {};
}

// ---- User ----

std::optional<User> User::fromJson(const QJsonObject &o, QString *error)
{
    User u;
    if (!readId(o, QLatin1StringView("id"), u.id, false, "User", error)
        || !readString(o, QLatin1StringView("name"), u.name, true, "User", error)
        || !readString(o, QLatin1StringView("avatarUrl"), u.avatarUrl, false, "User", error))
        return std::nullopt;
    return u;
}

QJsonObject User::toJson() const
{
    QJsonObject o { { QLatin1StringView("id"), id }, { QLatin1StringView("name"), name } };
    if (!avatarUrl.isEmpty())
        o.insert(QLatin1StringView("avatarUrl"), avatarUrl);
    return o;
}

// ---- Participant ----

namespace {

template <typename Object> std::optional<Participant> participantFromJson(const Object &o, QString *error)
{
    static constexpr const char *what = "Participant";
    Participant p;
    int role = -1; // an index into the words below
    if (!readId(o, QLatin1StringView("userId"), p.userId, false, what, error)
        || !readString(o, QLatin1StringView("name"), p.name, true, what, error)
        || !readWord(o, QLatin1StringView("role"),
                     { QLatin1StringView("admin"), QLatin1StringView("member") }, role, true, what, error)
        || !readTime(o, QLatin1StringView("joinedAt"), p.joinedAt, true, what, error)
        || !readCount(o, QLatin1StringView("lastReadSeq"), p.lastReadSeq, true, 0, what, error)
        || !readTime(o, QLatin1StringView("lastReadAt"), p.lastReadAt, false, what, error)
        || !readTime(o, QLatin1StringView("lastSeen"), p.lastSeen, false, what, error))
        return std::nullopt;
    if (role < 0) {
        setError(error, QStringLiteral("Participant: field \"role\" must be \"admin\" or \"member\"."));
        return std::nullopt;
    }
    p.role = role == 0 ? Participant::Role::Admin : Participant::Role::Member;
    const auto online = o.value(QLatin1StringView("isOnline"));
    if (!online.isBool()) {
        setError(error, QStringLiteral("Participant: field \"isOnline\" must be true or false."));
        return std::nullopt;
    }
    p.isOnline = online.toBool();
    return p;
}

} // namespace

std::optional<Participant> Participant::fromJson(const QJsonObject &json, QString *error)
{
    return participantFromJson(json, error);
}

std::optional<Participant> Participant::fromJson(const JsonView &json, QString *error)
{
    return participantFromJson(JsonMembers(json), error);
}

QJsonObject Participant::toJson() const
{
    QJsonObject o { { QLatin1StringView("userId"), userId },
                    { QLatin1StringView("name"), name },
                    { QLatin1StringView("role"),
                      role == Role::Admin ? QStringLiteral("admin") : QStringLiteral("member") },
                    { QLatin1StringView("joinedAt"), formatTime(joinedAt) },
                    { QLatin1StringView("lastReadSeq"), lastReadSeq },
                    { QLatin1StringView("isOnline"), isOnline } };
    if (lastReadAt.isValid())
        o.insert(QLatin1StringView("lastReadAt"), formatTime(lastReadAt));
    if (lastSeen.isValid())
        o.insert(QLatin1StringView("lastSeen"), formatTime(lastSeen));
    return o;
}

// ---- Message ----

namespace {

template <typename Object>
bool readReplyPreview(const Object &o, std::optional<ReplyPreview> &out, QString *error)
{
    static constexpr const char *what = "Message replyPreview";
    const auto v = o.value(QLatin1StringView("replyPreview"));
    if (v.isUndefined() || v.isNull())
        return true;
    if (!v.isObject()) {
        setError(error, QStringLiteral("Message: field \"replyPreview\" must be an object."));
        return false;
    }
    const auto p = membersOf(v);
    ReplyPreview r;
    if (!readId(p, QLatin1StringView("messageId"), r.messageId, false, what, error)
        || !readCount(p, QLatin1StringView("seq"), r.seq, true, 1, what, error)
        || !readId(p, QLatin1StringView("senderId"), r.senderId, false, what, error)
        || !readString(p, QLatin1StringView("senderName"), r.senderName, true, what, error)
        || !readString(p, QLatin1StringView("snippet"), r.snippet, true, what, error))
        return false;
    const auto deleted = p.value(QLatin1StringView("deleted"));
    if (!deleted.isBool()) {
        setError(error, QStringLiteral("Message replyPreview: field \"deleted\" must be true or false."));
        return false;
    }
    r.deleted = deleted.toBool();
    out = std::move(r);
    return true;
}

template <typename Object> bool readReactions(const Object &o, QList<Reaction> &out, QString *error)
{
    const auto v = o.value(QLatin1StringView("reactions"));
    if (v.isUndefined() || v.isNull())
        return true;
    if (!v.isArray()) {
        setError(error, QStringLiteral("Message: field \"reactions\" must be an array."));
        return false;
    }
    bool ok = true;
    forEachElement(v, [&](const auto &element) {
        static constexpr const char *what = "Message reaction";
        if (!ok)
            return;
        if (!element.isObject()) {
            setError(error, QStringLiteral("Message: a reaction is not an object."));
            ok = false;
            return;
        }
        const auto r = membersOf(element);
        Reaction reaction;
        qint64 count = 0;
        ok = readString(r, QLatin1StringView("emoji"), reaction.emoji, true, what, error)
            && readCount(r, QLatin1StringView("count"), count, true, 1, what, error);
        if (!ok)
            return;
        const qsizetype bytes = reaction.emoji.toUtf8().size();
        if (bytes < 1 || bytes > 32) {
            setError(error, QStringLiteral("Message reaction: field \"emoji\" must be 1 to 32 bytes."));
            ok = false;
            return;
        }
        reaction.count = int(qMin<qint64>(count, std::numeric_limits<int>::max()));
        const auto users = r.value(QLatin1StringView("userIds"));
        if (!users.isUndefined() && !users.isNull()) {
            if (!users.isArray()) {
                setError(error, QStringLiteral("Message reaction: field \"userIds\" must be an array."));
                ok = false;
                return;
            }
            forEachElement(users, [&](const auto &id) {
                const QString text = id.toString();
                if (!id.isString() || !isValidOpaqueId(text))
                    ok = false;
                else
                    reaction.userIds.append(text);
            });
            if (!ok) {
                setError(error, QStringLiteral("Message reaction: a user id is not valid."));
                return;
            }
        }
        out.append(std::move(reaction));
    });
    return ok;
}

// mentions: a list of user ids (absent or null: none).
template <typename Object> bool readMentions(const Object &o, QStringList &out, QString *error)
{
    const auto v = o.value(QLatin1StringView("mentions"));
    if (v.isUndefined() || v.isNull())
        return true;
    bool ok = v.isArray();
    if (ok) {
        forEachElement(v, [&](const auto &id) {
            const QString text = id.toString();
            if (!id.isString() || !isValidOpaqueId(text))
                ok = false;
            else if (ok && !out.contains(text))
                out.append(text);
        });
    }
    if (!ok)
        setError(error, QStringLiteral("Message: field \"mentions\" must be a list of user ids."));
    return ok;
}

template <typename Object> std::optional<Message> messageFromJson(const Object &o, QString *error)
{
    using Type = Message::Type;
    static constexpr const char *what = "Message";
    thread_local RecentText conversation, sender, senderName;
    Message m;
    int type = -1, format = -1; // indexes into the words readWord is given below
    if (!readId(o, QLatin1StringView("id"), m.id, false, what, error)
        || !readId(o, QLatin1StringView("conversationId"), m.conversationId, true, what, error, &conversation)
        || !readCount(o, QLatin1StringView("seq"), m.seq, true, 1, what, error)
        || !readId(o, QLatin1StringView("clientId"), m.clientId, false, what, error)
        || !readId(o, QLatin1StringView("senderId"), m.senderId, false, what, error, &sender)
        || !readString(o, QLatin1StringView("senderName"), m.senderName, true, what, error, &senderName)
        || !readString(o, QLatin1StringView("content"), m.content, true, what, error)
        || !readWord(o, QLatin1StringView("type"), { QLatin1StringView("text"), QLatin1StringView("system") },
                     type, true, what, error)
        || !readString(o, QLatin1StringView("replyTo"), m.replyTo, false, what, error)
        || !readTime(o, QLatin1StringView("timestamp"), m.timestamp, true, what, error)
        || !readTime(o, QLatin1StringView("editedAt"), m.editedAt, false, what, error)
        || !readCount(o, QLatin1StringView("rev"), m.rev, false, 0, what, error)
        || !readWord(o, QLatin1StringView("format"), { QLatin1StringView("markdown") }, format, false, what,
                     error)
        || !readTime(o, QLatin1StringView("deletedAt"), m.deletedAt, false, what, error)
        || !readReplyPreview(o, m.replyPreview, error) || !readReactions(o, m.reactions, error)
        || !readAttachments(o, m.attachments, error) || !readMentions(o, m.mentions, error))
        return std::nullopt;
    // An unknown format (a newer server's) is shown as what it surely is: text.
    m.format = format == 0 ? Message::Format::Markdown : Message::Format::Plain;
    if (type == 0) {
        m.type = Type::Text;
    } else if (type == 1) {
        m.type = Type::System;
    } else {
        setError(error, QStringLiteral("Message: field \"type\" must be \"text\" or \"system\"."));
        return std::nullopt;
    }
    // A tombstone keeps its place with no content.
    if (m.isDeleted() ? !m.content.isEmpty() : !isValidContent(m.content, !m.attachments.isEmpty())) {
        setError(
            error,
            m.isDeleted()
                ? QStringLiteral("Message: a deleted message must have no content.")
                : QStringLiteral("Message: field \"content\" must be 1 to 10000 characters after trimming."));
        return std::nullopt;
    }
    if (!m.replyTo.isEmpty() && !isValidOpaqueId(m.replyTo)) {
        setError(error, QStringLiteral("Message: field \"replyTo\" is not a valid id."));
        return std::nullopt;
    }
    return m;
}

} // namespace

std::optional<Message> Message::fromJson(const QJsonObject &json, QString *error)
{
    return messageFromJson(json, error);
}

std::optional<Message> Message::fromJson(const JsonView &json, QString *error)
{
    // Eleven lookups: gather the members once (an empty set for a non-object, which
    // then fails on "id" with the same sentence as an empty QJsonObject).
    return messageFromJson(JsonMembers(json), error);
}

QJsonObject Message::toJson() const
{
    QJsonObject o { { QLatin1StringView("id"), id },
                    { QLatin1StringView("conversationId"), conversationId },
                    { QLatin1StringView("seq"), seq },
                    { QLatin1StringView("clientId"), clientId },
                    { QLatin1StringView("senderId"), senderId },
                    { QLatin1StringView("senderName"), senderName },
                    { QLatin1StringView("content"), content },
                    { QLatin1StringView("type"),
                      type == Type::System ? QStringLiteral("system") : QStringLiteral("text") },
                    { QLatin1StringView("timestamp"), formatTime(timestamp) } };
    if (!replyTo.isEmpty())
        o.insert(QLatin1StringView("replyTo"), replyTo);
    if (editedAt.isValid())
        o.insert(QLatin1StringView("editedAt"), formatTime(editedAt));
    // v2 fields, as the contract lists them.
    o.insert(QLatin1StringView("rev"), rev);
    o.insert(QLatin1StringView("format"),
             format == Format::Markdown ? QStringLiteral("markdown") : QStringLiteral("plain"));
    if (deletedAt.isValid())
        o.insert(QLatin1StringView("deletedAt"), formatTime(deletedAt));
    if (replyPreview)
        o.insert(QLatin1StringView("replyPreview"), replyPreviewToJson(*replyPreview));
    o.insert(QLatin1StringView("reactions"), reactionsToJson(reactions));
    o.insert(QLatin1StringView("attachments"), attachmentsToJson(attachments));
    if (!mentions.isEmpty())
        o.insert(QLatin1StringView("mentions"), QJsonArray::fromStringList(mentions));
    return o;
}

bool supersedes(const Message &copy, const Message &held)
{
    if (copy.rev != held.rev || copy.rev > 0)
        return copy.rev > held.rev;
    return copy.editedAt.isValid() && (!held.editedAt.isValid() || held.editedAt < copy.editedAt);
}

QJsonObject replyPreviewToJson(const ReplyPreview &p)
{
    return QJsonObject {
        { QLatin1StringView("messageId"), p.messageId }, { QLatin1StringView("seq"), p.seq },
        { QLatin1StringView("senderId"), p.senderId },   { QLatin1StringView("senderName"), p.senderName },
        { QLatin1StringView("snippet"), p.snippet },     { QLatin1StringView("deleted"), p.deleted }
    };
}

QJsonArray reactionsToJson(const QList<Reaction> &reactions)
{
    QJsonArray list;
    for (const Reaction &r : reactions) {
        list.append(QJsonObject { { QLatin1StringView("emoji"), r.emoji },
                                  { QLatin1StringView("count"), r.count },
                                  { QLatin1StringView("userIds"), QJsonArray::fromStringList(r.userIds) } });
    }
    return list;
}

std::optional<ReplyPreview> replyPreviewFromJson(const QJsonObject &json, QString *error)
{
    std::optional<ReplyPreview> out;
    if (!readReplyPreview(QJsonObject { { QLatin1StringView("replyPreview"), json } }, out, error))
        return std::nullopt;
    return out;
}

std::optional<QList<Reaction>> reactionsFromJson(const QJsonArray &json, QString *error)
{
    QList<Reaction> out;
    if (!readReactions(QJsonObject { { QLatin1StringView("reactions"), json } }, out, error))
        return std::nullopt;
    return out;
}

// ---- Conversation ----

QDateTime Conversation::lastActivity() const
{
    if (lastMessage && lastMessage->timestamp.isValid() && lastMessage->timestamp > updatedAt)
        return lastMessage->timestamp;
    return updatedAt.isValid() ? updatedAt : createdAt;
}

const Participant *Conversation::participant(const QString &userId) const
{
    for (const Participant &p : participants) {
        if (p.userId == userId)
            return &p;
    }
    return nullptr;
}

namespace {

// A parsed packet's array as listFromJson takes it: the view itself (a QJsonValue's
// is its QJsonArray).
inline QJsonArray arrayOf(const QJsonValue &v)
{
    return v.toArray();
}

inline const JsonView &arrayOf(const JsonView &v)
{
    return v;
}

// A small value as QJsonValue (the notification settings read only that).
inline QJsonValue qJsonOf(const QJsonValue &v)
{
    return v;
}

inline QJsonValue qJsonOf(const JsonView &v)
{
    return v.toQJsonValue();
}

template <typename Object> std::optional<Conversation> conversationFromJson(const Object &o, QString *error)
{
    static constexpr const char *what = "Conversation";
    Conversation c;
    int type = -1; // an index into the words below
    qint64 unread = 0, mentions = 0;
    if (!readId(o, QLatin1StringView("id"), c.id, true, what, error)
        || !readWord(o, QLatin1StringView("type"),
                     { QLatin1StringView("direct"), QLatin1StringView("group") }, type, true, what, error)
        || !readString(o, QLatin1StringView("title"), c.title, false, what, error)
        || !readCount(o, QLatin1StringView("lastSeq"), c.lastSeq, true, 0, what, error)
        || !readCount(o, QLatin1StringView("rev"), c.rev, false, 0, what, error)
        || !readCount(o, QLatin1StringView("unreadCount"), unread, true, 0, what, error)
        || !readCount(o, QLatin1StringView("unreadMentionCount"), mentions, false, 0, what, error)
        || !readTime(o, QLatin1StringView("createdAt"), c.createdAt, true, what, error)
        || !readTime(o, QLatin1StringView("updatedAt"), c.updatedAt, true, what, error))
        return std::nullopt;
    c.unreadCount = int(qMin<qint64>(unread, std::numeric_limits<int>::max()));
    c.unreadMentionCount = int(qMin<qint64>(mentions, std::numeric_limits<int>::max()));
    auto settings = NotifySettings::fromJson(qJsonOf(o.value(QLatin1StringView("settings"))), error);
    if (!settings)
        return std::nullopt;
    c.settings = std::move(*settings);
    if (type < 0) {
        setError(error, QStringLiteral("Conversation: field \"type\" must be \"direct\" or \"group\"."));
        return std::nullopt;
    }
    c.type = type == 0 ? Conversation::Type::Direct : Conversation::Type::Group;
    const auto participants = o.value(QLatin1StringView("participants"));
    if (!participants.isArray()) {
        setError(error, QStringLiteral("Conversation: field \"participants\" must be an array."));
        return std::nullopt;
    }
    QString itemError;
    auto list = listFromJson<Participant>(arrayOf(participants), &itemError);
    if (!list) {
        setError(error, QStringLiteral("Conversation participants: %1").arg(itemError));
        return std::nullopt;
    }
    c.participants = std::move(*list);
    const auto last = o.value(QLatin1StringView("lastMessage"));
    if (last.isObject()) {
        auto message = Message::fromJson(detail::objectOf(last), &itemError);
        if (!message || message->conversationId != c.id) {
            setError(error,
                     QStringLiteral("Conversation lastMessage: %1")
                         .arg(message ? QStringLiteral("belongs to another conversation.") : itemError));
            return std::nullopt;
        }
        c.lastMessage = std::move(*message);
    } else if (!last.isUndefined() && !last.isNull()) {
        setError(error, QStringLiteral("Conversation: field \"lastMessage\" must be an object."));
        return std::nullopt;
    }
    return c;
}

} // namespace

std::optional<Conversation> Conversation::fromJson(const QJsonObject &json, QString *error)
{
    return conversationFromJson(json, error);
}

std::optional<Conversation> Conversation::fromJson(const JsonView &json, QString *error)
{
    return conversationFromJson(JsonMembers(json), error);
}

QJsonObject Conversation::toJson() const
{
    QJsonArray parts;
    for (const Participant &p : participants)
        parts.append(p.toJson());
    QJsonObject o { { QLatin1StringView("id"), id },
                    { QLatin1StringView("type"),
                      type == Type::Group ? QStringLiteral("group") : QStringLiteral("direct") },
                    { QLatin1StringView("participants"), parts },
                    { QLatin1StringView("lastSeq"), lastSeq },
                    { QLatin1StringView("rev"), rev },
                    { QLatin1StringView("unreadCount"), unreadCount },
                    { QLatin1StringView("unreadMentionCount"), unreadMentionCount },
                    { QLatin1StringView("settings"), settings.toJson() },
                    { QLatin1StringView("createdAt"), formatTime(createdAt) },
                    { QLatin1StringView("updatedAt"), formatTime(updatedAt) } };
    if (!title.isEmpty())
        o.insert(QLatin1StringView("title"), title);
    if (lastMessage)
        o.insert(QLatin1StringView("lastMessage"), lastMessage->toJson());
    return o;
}

} // namespace ringchat::api
