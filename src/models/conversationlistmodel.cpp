// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/conversationlistmodel.h"

#include "models/conversationtext.h"

#include <algorithm>

namespace ringchat::models {

using api::Conversation;
using api::Message;
using api::Participant;

ConversationListModel::ConversationListModel(QObject *parent)
    : QAbstractListModel(parent)
    , m_muteEnds(new QTimer(this))
{
    m_muteEnds->setSingleShot(true);
    connect(m_muteEnds, &QTimer::timeout, this, [this] {
        if (!m_rows.isEmpty())
            Q_EMIT dataChanged(index(0), index(int(m_rows.size()) - 1), { MutedRole, MutedUntilRole });
        updateTotalUnread();
    });
}

void ConversationListModel::setOwnUserId(const QString &userId)
{
    if (m_ownUserId == userId)
        return;
    m_ownUserId = userId;
    rebuildRows();
}

void ConversationListModel::setFilter(const QString &filter)
{
    if (m_filter == filter)
        return;
    m_filter = filter;
    rebuildRows();
    Q_EMIT filterChanged();
}

int ConversationListModel::totalUnread() const
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    int total = 0;
    for (const Conversation &c : m_conversations)
        total += api::countedUnread(c.settings, c.unreadCount, c.unreadMentionCount, now);
    return total;
}

void ConversationListModel::updateTotalUnread()
{
    scheduleMuteEnd();
    const int total = totalUnread();
    if (total != m_lastTotalUnread) {
        m_lastTotalUnread = total;
        Q_EMIT totalUnreadChanged();
    }
}

void ConversationListModel::scheduleMuteEnd()
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QDateTime next;
    for (const Conversation &c : std::as_const(m_conversations))
        if (c.settings.isMuted(now) && !c.settings.isMutedForever()
            && (!next.isValid() || c.settings.mutedUntil < next))
            next = c.settings.mutedUntil;
    if (!next.isValid()) {
        m_muteEnds->stop();
        return;
    }
    // QTimer takes an int of ms: a far mute is looked at again in a day.
    m_muteEnds->start(int(qBound<qint64>(0, now.msecsTo(next) + 1, 24LL * 3600 * 1000)));
}

api::NotifySettings ConversationListModel::notifySettings(const QString &conversationId) const
{
    const auto it = m_conversations.constFind(conversationId);
    return it == m_conversations.constEnd() ? api::NotifySettings() : it->settings;
}

const Participant *ConversationListModel::otherParticipant(const Conversation &c) const
{
    return models::otherParticipant(c, m_ownUserId);
}

QString ConversationListModel::titleOf(const Conversation &c) const
{
    return conversationTitle(c, m_ownUserId);
}

bool ConversationListModel::matchesFilter(const Conversation &c) const
{
    if (m_filter.trimmed().isEmpty())
        return true;
    const QString needle = m_filter.trimmed();
    if (titleOf(c).contains(needle, Qt::CaseInsensitive))
        return true;
    return std::any_of(c.participants.cbegin(), c.participants.cend(), [&](const Participant &p) {
        return p.userId != m_ownUserId && p.name.contains(needle, Qt::CaseInsensitive);
    });
}

bool ConversationListModel::sortsBefore(const Conversation &a, const Conversation &b) const
{
    const QDateTime ta = a.lastActivity(), tb = b.lastActivity();
    if (ta != tb)
        return ta > tb;
    return a.id < b.id; // stable, total order
}

void ConversationListModel::rebuildRows()
{
    beginResetModel();
    m_rows.clear();
    for (const Conversation &c : std::as_const(m_conversations)) {
        if (matchesFilter(c))
            m_rows.append(c.id);
    }
    std::sort(m_rows.begin(), m_rows.end(), [this](const QString &a, const QString &b) {
        return sortsBefore(m_conversations[a], m_conversations[b]);
    });
    endResetModel();
    Q_EMIT countChanged();
}

void ConversationListModel::reposition(const QString &id)
{
    const int from = int(m_rows.indexOf(id));
    const auto it = m_conversations.constFind(id);
    const bool show = it != m_conversations.constEnd() && matchesFilter(*it);
    if (!show) {
        if (from >= 0) {
            beginRemoveRows({}, from, from);
            m_rows.removeAt(from);
            endRemoveRows();
            Q_EMIT countChanged();
        }
        return;
    }
    // Where the row belongs among the others (positions without the row itself).
    int to = 0;
    {
        int lo = 0, hi = int(m_rows.size()) - (from >= 0 ? 1 : 0);
        auto at = [&](int i) -> const Conversation & {
            return m_conversations[m_rows.at(from >= 0 && i >= from ? i + 1 : i)];
        };
        while (lo < hi) {
            const int mid = (lo + hi) / 2;
            if (sortsBefore(at(mid), *it))
                lo = mid + 1;
            else
                hi = mid;
        }
        to = lo;
    }
    if (from < 0) {
        beginInsertRows({}, to, to);
        m_rows.insert(to, id);
        endInsertRows();
        Q_EMIT countChanged();
        return;
    }
    if (to != from) {
        beginMoveRows({}, from, from, {}, to > from ? to + 1 : to);
        m_rows.move(from, to);
        endMoveRows();
    }
    const QModelIndex i = index(to);
    Q_EMIT dataChanged(i, i);
}

void ConversationListModel::refreshRoles(const QString &conversationId, const QList<int> &roles)
{
    const int row = int(m_rows.indexOf(conversationId));
    if (row >= 0)
        Q_EMIT dataChanged(index(row), index(row), roles);
}

void ConversationListModel::setConversations(const QList<Conversation> &conversations)
{
    m_conversations.clear();
    for (const Conversation &c : conversations)
        m_conversations.insert(c.id, c);
    rebuildRows();
    updateTotalUnread();
}

void ConversationListModel::upsert(const Conversation &conversation)
{
    auto it = m_conversations.find(conversation.id);
    if (it != m_conversations.end()) {
        Conversation merged = conversation;
        if (!merged.lastMessage && it->lastMessage)
            merged.lastMessage = it->lastMessage;
        *it = std::move(merged);
    } else {
        m_conversations.insert(conversation.id, conversation);
    }
    reposition(conversation.id);
    updateTotalUnread();
}

void ConversationListModel::setPresenceSource(PresenceSource source)
{
    m_presenceSource = std::move(source);
    if (!m_rows.isEmpty())
        Q_EMIT dataChanged(index(0), index(int(m_rows.size()) - 1), { PresenceRole, LastSeenRole });
}

ConversationListModel::UserPresence ConversationListModel::presenceOf(const QString &userId) const
{
    UserPresence p = m_presenceSource ? m_presenceSource(userId) : UserPresence();
    if (p.status.isEmpty())
        p.status = QStringLiteral("offline");
    return p;
}

void ConversationListModel::presenceUpdated(const QString &userId)
{
    for (auto it = m_conversations.cbegin(); it != m_conversations.cend(); ++it) {
        if (const Participant *other = otherParticipant(*it); other && other->userId == userId)
            refreshRoles(it->id, { PresenceRole, LastSeenRole });
    }
    Q_EMIT presenceChanged(userId);
}

void ConversationListModel::setTyping(const QString &conversationId, const QString &userId,
                                      const QString &userName, bool isTyping)
{
    if (userId == m_ownUserId)
        return;
    QList<Typist> &typists = m_typing[conversationId];
    const QString before = typingText(conversationId);
    const auto found
        = std::find_if(typists.begin(), typists.end(), [&](const Typist &t) { return t.userId == userId; });
    if (isTyping) {
        if (found == typists.end())
            typists.append({ userId, userName.isEmpty() ? userId : userName });
    } else if (found != typists.end()) {
        typists.erase(found);
    }
    if (typists.isEmpty())
        m_typing.remove(conversationId);
    const QString after = typingText(conversationId);
    if (after != before) {
        refreshRoles(conversationId, { TypingTextRole });
        Q_EMIT typingChanged(conversationId, after);
    }
}

void ConversationListModel::setDraft(const QString &conversationId, const QString &text)
{
    const QString line = previewLine(text);
    if (line == m_drafts.value(conversationId))
        return;
    if (line.isEmpty())
        m_drafts.remove(conversationId);
    else
        m_drafts.insert(conversationId, line);
    refreshRoles(conversationId, { DraftTextRole });
}

QString ConversationListModel::typingText(const QString &conversationId) const
{
    QStringList names;
    for (const Typist &t : m_typing.value(conversationId))
        names << t.name;
    return typingSentence(names);
}

QVariantMap ConversationListModel::presence(const QString &userId) const
{
    const UserPresence p = presenceOf(userId);
    return { { QStringLiteral("status"), p.status }, { QStringLiteral("lastSeen"), p.lastSeen } };
}

int ConversationListModel::indexOf(const QString &conversationId) const
{
    return int(m_rows.indexOf(conversationId));
}

int ConversationListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant ConversationListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Conversation &c = *m_conversations.constFind(m_rows.at(index.row()));
    const Participant *other = otherParticipant(c);
    switch (role) {
    case Qt::DisplayRole:
    case TitleRole:
        return titleOf(c);
    case IdRole:
        return c.id;
    case TypeRole:
        return c.type == Conversation::Type::Group ? QStringLiteral("group") : QStringLiteral("direct");
    case LastMessageTextRole:
        return c.lastMessage ? messagePreview(*c.lastMessage) : QString();
    case LastMessageSenderRole:
        return c.lastMessage ? c.lastMessage->senderName : QString();
    case LastActivityRole:
        return c.lastActivity();
    case UnreadCountRole:
        return c.unreadCount;
    case OtherUserIdRole:
        return other ? other->userId : QString();
    case PresenceRole:
        return other ? presenceOf(other->userId).status : QString();
    case LastSeenRole:
        return other ? presenceOf(other->userId).lastSeen : QDateTime();
    case TypingTextRole:
        return typingText(c.id);
    case ParticipantCountRole:
        return int(c.participants.size());
    case DraftTextRole:
        return m_drafts.value(c.id);
    case UnreadMentionCountRole:
        return c.unreadMentionCount;
    case NotifyLevelRole:
        return api::notifyLevelName(c.settings.level);
    case MutedRole:
        return c.settings.isMuted(QDateTime::currentDateTimeUtc());
    case MutedUntilRole:
        return c.settings.isMuted(QDateTime::currentDateTimeUtc()) ? c.settings.mutedUntil : QDateTime();
    case MutedForeverRole:
        return c.settings.isMutedForever();
    default:
        return {};
    }
}

QHash<int, QByteArray> ConversationListModel::roleNames() const
{
    return {
        { IdRole, "conversationId" },
        { TitleRole, "title" },
        { TypeRole, "type" },
        { LastMessageTextRole, "lastMessageText" },
        { LastMessageSenderRole, "lastMessageSender" },
        { LastActivityRole, "lastActivity" },
        { UnreadCountRole, "unreadCount" },
        { OtherUserIdRole, "otherUserId" },
        { PresenceRole, "presence" },
        { LastSeenRole, "lastSeen" },
        { TypingTextRole, "typingText" },
        { ParticipantCountRole, "participantCount" },
        { DraftTextRole, "draftText" },
        { UnreadMentionCountRole, "unreadMentionCount" },
        { NotifyLevelRole, "notifyLevel" },
        { MutedRole, "muted" },
        { MutedUntilRole, "mutedUntil" },
        { MutedForeverRole, "mutedForever" },
    };
}

} // namespace ringchat::models
