// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "api/types.h"

#include <QJsonArray>

#include <cstring>
#include <initializer_list>

namespace ringchat::api {

namespace {

// parseTime() for either kind of JSON string value.
QDateTime timeOf(const QJsonValue &v)
{
    return parseTime(v.toString());
}

QDateTime timeOf(const JsonView &v)
{
    return parseTimeUtf8(v.utf8());
}

void setError(QString *error, const QString &text)
{
    if (error)
        *error = text;
}

// The last text read for one field of the live path (a parsed packet). A flood's
// messages repeat their conversation, sender and sender name: the next one with the
// same UTF-8 shares that QString (no allocation, no conversion, no second validity
// check), and the messages held share one copy. Per thread, as the parsers are.
struct RecentText
{
    QByteArray utf8; // the value as the packet had it (valid, for ids)
    QString text;
};

// Whether v is the text last remembered in `recent` (never for a QJsonValue: REST).
bool isRecent(const QJsonValue &, const RecentText *)
{
    return false;
}

bool isRecent(const JsonView &v, const RecentText *recent)
{
    return recent && !recent->text.isNull() && v.utf8() == QByteArrayView(recent->utf8);
}

void remember(const QJsonValue &, const QString &, RecentText *) { }

void remember(const JsonView &v, const QString &text, RecentText *recent)
{
    if (!recent)
        return;
    const QByteArrayView utf8 = v.utf8();
    recent->utf8.resize(utf8.size()); // keeps its buffer when the new text fits
    std::memcpy(recent->utf8.data(), utf8.data(), size_t(utf8.size()));
    recent->text = text;
}

// Field readers: each returns false and sets the error sentence on a type or
// validity mismatch. Keys are Latin-1 so no QString is built for the lookup.
// They are templates over the object type: a QJsonObject (REST, tests) or the
// members of an object in a parsed packet (JsonMembers, the live path);
// o.value(key) gives a QJsonValue or a JsonView, which answer the same questions. One implementation, so both
// paths validate alike and say the same sentences.
template <typename Object>
bool readString(const Object &o, QLatin1StringView key, QString &out, bool required, const char *what,
                QString *error, RecentText *recent = nullptr)
{
    const auto v = o.value(key);
    if (v.isString()) {
        if (isRecent(v, recent)) {
            out = recent->text;
            return true;
        }
        out = v.toString();
        remember(v, out, recent);
        return true;
    }
    if (!required && (v.isUndefined() || v.isNull()))
        return true;
    setError(error, QStringLiteral("%1: field \"%2\" must be a string.").arg(QLatin1StringView(what), key));
    return false;
}

template <typename Object>
bool readTime(const Object &o, QLatin1StringView key, QDateTime &out, bool required, const char *what,
              QString *error)
{
    const auto v = o.value(key);
    if (!required && (v.isUndefined() || v.isNull()))
        return true;
    if (v.isString()) {
        out = timeOf(v);
        if (out.isValid())
            return true;
    }
    setError(
        error,
        QStringLiteral("%1: field \"%2\" must be an ISO-8601 UTC time.").arg(QLatin1StringView(what), key));
    return false;
}

template <typename Object>
bool readCount(const Object &o, QLatin1StringView key, qint64 &out, bool required, qint64 minimum,
               const char *what, QString *error)
{
    const auto v = o.value(key);
    if (!required && (v.isUndefined() || v.isNull()))
        return true;
    if (v.isDouble()) {
        const double d = v.toDouble();
        // 2^53: beyond that a JSON number is no longer an exact integer.
        if (d >= double(minimum) && d <= 9007199254740992.0 && d == double(qint64(d))) {
            out = qint64(d);
            return true;
        }
    }
    setError(error,
             QStringLiteral("%1: field \"%2\" must be an integer of at least %3.")
                 .arg(QLatin1StringView(what), key)
                 .arg(minimum));
    return false;
}

// Whether a string value is exactly `word`: for a parsed packet's value, compared in
// its UTF-8, with no QString made.
bool textIs(const QJsonValue &v, QLatin1StringView word)
{
    return v.toString() == word;
}

bool textIs(const JsonView &v, QLatin1StringView word)
{
    return v.utf8() == QByteArrayView(word.data(), word.size());
}

// A string field that names one of `words` (type, format): `match` is the index of the
// word it is, -1 for any other string (and when absent, if not required).
template <typename Object>
bool readWord(const Object &o, QLatin1StringView key, std::initializer_list<QLatin1StringView> words,
              int &match, bool required, const char *what, QString *error)
{
    match = -1;
    const auto v = o.value(key);
    if (v.isString()) {
        for (auto word = words.begin(); word != words.end() && match < 0; ++word) {
            if (textIs(v, *word))
                match = int(word - words.begin());
        }
        return true;
    }
    if (!required && (v.isUndefined() || v.isNull()))
        return true;
    setError(error, QStringLiteral("%1: field \"%2\" must be a string.").arg(QLatin1StringView(what), key));
    return false;
}

template <typename Object>
bool readId(const Object &o, QLatin1StringView key, QString &out, bool conversationId, const char *what,
            QString *error, RecentText *recent = nullptr)
{
    const auto v = o.value(key);
    if (v.isString()) {
        if (isRecent(v, recent)) { // checked when it was remembered
            out = recent->text;
            return true;
        }
        out = v.toString();
        if (conversationId ? isValidConversationId(out) : isValidOpaqueId(out)) {
            remember(v, out, recent);
            return true;
        }
    }
    setError(error, QStringLiteral("%1: field \"%2\" is not a valid id.").arg(QLatin1StringView(what), key));
    return false;
}

} // namespace

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

std::optional<Participant> Participant::fromJson(const QJsonObject &o, QString *error)
{
    static constexpr const char *what = "Participant";
    Participant p;
    QString role;
    if (!readId(o, QLatin1StringView("userId"), p.userId, false, what, error)
        || !readString(o, QLatin1StringView("name"), p.name, true, what, error)
        || !readString(o, QLatin1StringView("role"), role, true, what, error)
        || !readTime(o, QLatin1StringView("joinedAt"), p.joinedAt, true, what, error)
        || !readCount(o, QLatin1StringView("lastReadSeq"), p.lastReadSeq, true, 0, what, error)
        || !readTime(o, QLatin1StringView("lastReadAt"), p.lastReadAt, false, what, error)
        || !readTime(o, QLatin1StringView("lastSeen"), p.lastSeen, false, what, error))
        return std::nullopt;
    if (role == QLatin1StringView("admin")) {
        p.role = Role::Admin;
    } else if (role == QLatin1StringView("member")) {
        p.role = Role::Member;
    } else {
        setError(error, QStringLiteral("Participant: field \"role\" must be \"admin\" or \"member\"."));
        return std::nullopt;
    }
    const QJsonValue online = o.value(QLatin1StringView("isOnline"));
    if (!online.isBool()) {
        setError(error, QStringLiteral("Participant: field \"isOnline\" must be true or false."));
        return std::nullopt;
    }
    p.isOnline = online.toBool();
    return p;
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

// Arrays and objects of either kind of JSON (QJsonValue or a parsed packet's JsonView).
template <typename F> void forEachElement(const QJsonValue &v, F &&f)
{
    const QJsonArray array = v.toArray();
    for (const QJsonValue &e : array)
        f(e);
}

template <typename F> void forEachElement(const JsonView &v, F &&f)
{
    v.forEachElement(f);
}

QJsonObject membersOf(const QJsonValue &v)
{
    return v.toObject();
}

JsonMembers membersOf(const JsonView &v)
{
    return JsonMembers(v);
}

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
        || !readReplyPreview(o, m.replyPreview, error) || !readReactions(o, m.reactions, error))
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
    if (m.isDeleted() ? !m.content.isEmpty() : !isValidContent(m.content)) {
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

std::optional<Conversation> Conversation::fromJson(const QJsonObject &o, QString *error)
{
    static constexpr const char *what = "Conversation";
    Conversation c;
    QString type;
    qint64 unread = 0;
    if (!readId(o, QLatin1StringView("id"), c.id, true, what, error)
        || !readString(o, QLatin1StringView("type"), type, true, what, error)
        || !readString(o, QLatin1StringView("title"), c.title, false, what, error)
        || !readCount(o, QLatin1StringView("lastSeq"), c.lastSeq, true, 0, what, error)
        || !readCount(o, QLatin1StringView("rev"), c.rev, false, 0, what, error)
        || !readCount(o, QLatin1StringView("unreadCount"), unread, true, 0, what, error)
        || !readTime(o, QLatin1StringView("createdAt"), c.createdAt, true, what, error)
        || !readTime(o, QLatin1StringView("updatedAt"), c.updatedAt, true, what, error))
        return std::nullopt;
    c.unreadCount = int(qMin<qint64>(unread, std::numeric_limits<int>::max()));
    if (type == QLatin1StringView("direct")) {
        c.type = Type::Direct;
    } else if (type == QLatin1StringView("group")) {
        c.type = Type::Group;
    } else {
        setError(error, QStringLiteral("Conversation: field \"type\" must be \"direct\" or \"group\"."));
        return std::nullopt;
    }
    const QJsonValue participants = o.value(QLatin1StringView("participants"));
    if (!participants.isArray()) {
        setError(error, QStringLiteral("Conversation: field \"participants\" must be an array."));
        return std::nullopt;
    }
    QString itemError;
    auto list = listFromJson<Participant>(participants.toArray(), &itemError);
    if (!list) {
        setError(error, QStringLiteral("Conversation participants: %1").arg(itemError));
        return std::nullopt;
    }
    c.participants = std::move(*list);
    const QJsonValue last = o.value(QLatin1StringView("lastMessage"));
    if (last.isObject()) {
        auto message = Message::fromJson(last.toObject(), &itemError);
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
                    { QLatin1StringView("createdAt"), formatTime(createdAt) },
                    { QLatin1StringView("updatedAt"), formatTime(updatedAt) } };
    if (!title.isEmpty())
        o.insert(QLatin1StringView("title"), title);
    if (lastMessage)
        o.insert(QLatin1StringView("lastMessage"), lastMessage->toJson());
    return o;
}

} // namespace ringchat::api
