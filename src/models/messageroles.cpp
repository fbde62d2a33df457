// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/messageroles.h"

#include "models/attachmentview.h"
#include "models/messagelistmodel.h"

#include <algorithm>

namespace ringchat::models {

using api::DeliveryState;
using api::Message;
using api::Participant;
using Role = MessageListModel::Role;

namespace {

constexpr qint64 kGroupingWindowMs = 5 * 60 * 1000;

bool sameDay(const Message &a, const Message &b)
{
    return a.timestamp.toLocalTime().date() == b.timestamp.toLocalTime().date();
}

} // namespace

bool MessageRoles::setParticipants(const QList<Participant> &participants)
{
    // Markers never move back, even if the new list is older news.
    QList<Participant> merged = participants;
    for (Participant &p : merged) {
        for (const Participant &old : std::as_const(m_participants)) {
            if (old.userId == p.userId && old.lastReadSeq > p.lastReadSeq)
                p.lastReadSeq = old.lastReadSeq;
        }
    }
    if (merged == m_participants)
        return false;
    m_participants = std::move(merged);
    return true;
}

std::optional<qint64> MessageRoles::advanceMarker(const QString &userId, qint64 lastReadSeq)
{
    auto it = std::find_if(m_participants.begin(), m_participants.end(),
                           [&](const Participant &p) { return p.userId == userId; });
    if (it == m_participants.end()) {
        Participant p;
        p.userId = userId;
        p.name = userId;
        m_participants.append(p);
        it = m_participants.end() - 1;
    }
    const qint64 old = it->lastReadSeq;
    if (lastReadSeq <= old)
        return std::nullopt;
    it->lastReadSeq = lastReadSeq;
    return old;
}

QStringList MessageRoles::readers(const Message &m) const
{
    QStringList names;
    if (m.seq <= 0)
        return names;
    for (const Participant &p : m_participants) {
        if (p.userId != m_ownUserId && p.userId != m.senderId && p.lastReadSeq >= m.seq)
            names << p.name;
    }
    return names;
}

bool MessageRoles::canEdit(const Message &m, const QDateTime &now) const
{
    const QDateTime closes = editWindowCloses(m);
    return closes.isValid() && now < closes;
}

QDateTime MessageRoles::editWindowCloses(const Message &m) const
{
    if (!isOwn(m) || m.type != Message::Type::Text || m.isDeleted() || !m.timestamp.isValid())
        return {};
    return m.timestamp.addMSecs(kEditWindowMs);
}

bool MessageRoles::canDelete(const Message &m) const
{
    if (m.isDeleted())
        return false;
    if (isOwn(m))
        return true;
    const auto me = std::find_if(m_participants.cbegin(), m_participants.cend(),
                                 [&](const Participant &p) { return p.userId == m_ownUserId; });
    return m_group && me != m_participants.cend() && me->role == Participant::Role::Admin;
}

QString MessageRoles::nameOf(const QString &userId) const
{
    for (const Participant &p : m_participants) {
        if (p.userId == userId)
            return p.name.isEmpty() ? userId : p.name;
    }
    return userId;
}

QVariantList MessageRoles::reactions(const Message &m) const
{
    QVariantList out;
    out.reserve(m.reactions.size());
    for (const api::Reaction &r : m.reactions) {
        QStringList names;
        names.reserve(r.userIds.size());
        for (const QString &id : r.userIds)
            names.append(nameOf(id));
        out.append(QVariantMap { { QStringLiteral("emoji"), r.emoji },
                                 { QStringLiteral("count"), r.count },
                                 { QStringLiteral("mine"), r.userIds.contains(m_ownUserId) },
                                 { QStringLiteral("names"), names } });
    }
    return out;
}

namespace {
QString pendingChangeName(Message::PendingChange change)
{
    switch (change) {
    case Message::PendingChange::None:
        break;
    case Message::PendingChange::Edit:
        return QStringLiteral("edit");
    case Message::PendingChange::Delete:
        return QStringLiteral("delete");
    case Message::PendingChange::React:
        return QStringLiteral("react");
    }
    return QString();
}
} // namespace

QVariant MessageRoles::data(const Message &m, const Message *previous, bool pending, int role) const
{
    switch (role) {
    case Qt::DisplayRole:
    case Role::TextRole:
        return m.content;
    case Role::IdRole:
        return m.id;
    case Role::ClientIdRole:
        return m.clientId;
    case Role::SeqRole:
        return m.seq;
    case Role::SenderIdRole:
        return m.senderId;
    case Role::SenderNameRole:
        return m.senderName;
    case Role::IsOwnRole:
        return isOwn(m);
    case Role::TypeRole:
        return m.type == Message::Type::System ? QStringLiteral("system") : QStringLiteral("text");
    case Role::TimestampRole:
        return m.timestamp;
    case Role::EditedRole:
        return m.editedAt.isValid();
    case Role::DaySeparatorRole:
        return !previous || !sameDay(*previous, m);
    case Role::GroupedWithPreviousRole:
        return previous && previous->senderId == m.senderId && previous->type == Message::Type::Text
            && m.type == Message::Type::Text
            && qAbs(previous->timestamp.msecsTo(m.timestamp)) <= kGroupingWindowMs && sameDay(*previous, m);
    case Role::DeliveryStateRole:
        if (!isOwn(m))
            return QString();
        if (pending)
            return api::deliveryStateName(m.delivery);
        return api::deliveryStateName(readers(m).isEmpty() ? DeliveryState::Sent : DeliveryState::Read);
    case Role::ReadersRole:
        return readers(m);
    case Role::IsReadRole:
        return !readers(m).isEmpty();
    case Role::IsPendingRole:
        return pending;
    case Role::RevRole:
        return m.rev;
    case Role::FormatRole:
        return m.format == Message::Format::Markdown ? QStringLiteral("markdown") : QStringLiteral("plain");
    case Role::IsDeletedRole:
        return m.isDeleted();
    case Role::EditedAtRole:
        return m.editedAt;
    case Role::HasReplyRole:
        return !m.replyTo.isEmpty() || m.replyPreview.has_value();
    case Role::ReplyToIdRole:
        return m.replyTo.isEmpty() && m.replyPreview ? m.replyPreview->messageId : m.replyTo;
    case Role::ReplyToSeqRole:
        return m.replyPreview ? m.replyPreview->seq : 0;
    case Role::ReplySenderNameRole:
        return m.replyPreview ? m.replyPreview->senderName : QString();
    case Role::ReplySnippetRole:
        return m.replyPreview ? m.replyPreview->snippet : QString();
    case Role::ReplyDeletedRole:
        return m.replyPreview && m.replyPreview->deleted;
    case Role::ReactionsRole:
        return reactions(m);
    case Role::CanEditRole:
        return canEdit(m, QDateTime::currentDateTimeUtc());
    case Role::CanDeleteRole:
        return canDelete(m);
    case Role::PendingChangeRole:
        return pendingChangeName(m.pendingChange);
    // ---- Files (issue 15)
    case Role::AttachmentsRole: {
        QVariantList out;
        out.reserve(m.attachments.size());
        for (const api::Attachment &a : m.attachments)
            out.append(attachmentToVariant(a));
        return out;
    }
    case Role::MentionsMeRole:
        return !isOwn(m) && m.mentionsUser(m_ownUserId);
    default:
        return {};
    }
}

QHash<int, QByteArray> MessageRoles::names()
{
    return {
        { Role::IdRole, "messageId" },
        { Role::ClientIdRole, "clientId" },
        { Role::SeqRole, "seq" },
        { Role::SenderIdRole, "senderId" },
        { Role::SenderNameRole, "senderName" },
        { Role::IsOwnRole, "isOwn" },
        { Role::TextRole, "text" },
        { Role::TypeRole, "messageType" },
        { Role::TimestampRole, "timestamp" },
        { Role::EditedRole, "edited" },
        { Role::DaySeparatorRole, "daySeparator" },
        { Role::GroupedWithPreviousRole, "groupedWithPrevious" },
        { Role::DeliveryStateRole, "deliveryState" },
        { Role::ReadersRole, "readers" },
        { Role::IsReadRole, "isRead" },
        { Role::IsPendingRole, "isPending" },
        { Role::RevRole, "rev" },
        { Role::FormatRole, "format" },
        { Role::IsDeletedRole, "isDeleted" },
        { Role::EditedAtRole, "editedAt" },
        { Role::HasReplyRole, "hasReply" },
        { Role::ReplyToIdRole, "replyToId" },
        { Role::ReplyToSeqRole, "replyToSeq" },
        { Role::ReplySenderNameRole, "replySenderName" },
        { Role::ReplySnippetRole, "replySnippet" },
        { Role::ReplyDeletedRole, "replyDeleted" },
        { Role::ReactionsRole, "reactions" },
        { Role::CanEditRole, "canEdit" },
        { Role::CanDeleteRole, "canDelete" },
        { Role::PendingChangeRole, "pendingChange" },
        // ---- Files (issue 15)
        { Role::AttachmentsRole, "attachments" },
        { Role::UploadProgressRole, "uploadProgress" },
        { Role::MentionsMeRole, "mentionsMe" },
    };
}

} // namespace ringchat::models
