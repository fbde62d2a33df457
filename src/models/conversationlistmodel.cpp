#include "models/conversationlistmodel.h"

#include "models/conversationtext.h"

#include <algorithm>

namespace ringchat::models {

using api::Conversation;
using api::Message;
using api::Participant;

namespace {

    QString preview(const QString &content)
    {
        // One line, bounded: the list shows a single elided line.
        QString line = content.section(u'\n', 0, 0, QString::SectionSkipEmpty).simplified();
        if (line.size() > 160)
            line = line.left(159) + u'…';
        return line;
    }

} // namespace

ConversationListModel::ConversationListModel(QObject *parent)
    : QAbstractListModel(parent)
{
    m_clock.start();
    m_typingTimer.setSingleShot(true);
    connect(&m_typingTimer, &QTimer::timeout, this, &ConversationListModel::expireTyping);
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
    int total = 0;
    for (const Conversation &c : m_conversations)
        total += c.unreadCount;
    return total;
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

void ConversationListModel::notePresenceFrom(const Conversation &c)
{
    for (const Participant &p : c.participants) {
        if (p.userId == m_ownUserId)
            continue;
        Presence &presence = m_presence[p.userId];
        // A live "away" outranks the snapshot's plain "online".
        if (!(p.isOnline && presence.status == QLatin1StringView("away")))
            presence.status = p.isOnline ? QStringLiteral("online") : QStringLiteral("offline");
        if (p.lastSeen.isValid())
            presence.lastSeen = p.lastSeen;
    }
}

void ConversationListModel::setConversations(const QList<Conversation> &conversations)
{
    m_conversations.clear();
    // A user online in any snapshot is online (snapshots may differ in age).
    QHash<QString, Participant> people;
    for (const Conversation &c : conversations) {
        m_conversations.insert(c.id, c);
        for (const Participant &p : c.participants) {
            Participant &known = people[p.userId];
            const bool online = known.isOnline || p.isOnline;
            if (!known.lastSeen.isValid() || (p.lastSeen.isValid() && p.lastSeen > known.lastSeen))
                known.lastSeen = p.lastSeen;
            known.userId = p.userId;
            known.isOnline = online;
        }
    }
    Conversation everyone;
    everyone.participants = people.values();
    notePresenceFrom(everyone);
    rebuildRows();
    const int total = totalUnread();
    if (total != m_lastTotalUnread) {
        m_lastTotalUnread = total;
        Q_EMIT totalUnreadChanged();
    }
}

void ConversationListModel::upsert(const Conversation &conversation)
{
    auto it = m_conversations.find(conversation.id);
    if (it != m_conversations.end()) {
        // Read markers only move forward, whatever order snapshots arrive in.
        Conversation merged = conversation;
        for (Participant &p : merged.participants) {
            if (const Participant *old = it->participant(p.userId);
                old && old->lastReadSeq > p.lastReadSeq) {
                p.lastReadSeq = old->lastReadSeq;
                p.lastReadAt = old->lastReadAt;
            }
        }
        if (!merged.lastMessage && it->lastMessage)
            merged.lastMessage = it->lastMessage;
        *it = std::move(merged);
    } else {
        m_conversations.insert(conversation.id, conversation);
    }
    notePresenceFrom(conversation);
    reposition(conversation.id);
    const int total = totalUnread();
    if (total != m_lastTotalUnread) {
        m_lastTotalUnread = total;
        Q_EMIT totalUnreadChanged();
    }
}

void ConversationListModel::remove(const QString &conversationId)
{
    if (!m_conversations.contains(conversationId))
        return;
    // The row goes first: views read it while it is being removed.
    if (const int row = int(m_rows.indexOf(conversationId)); row >= 0) {
        beginRemoveRows({}, row, row);
        m_rows.removeAt(row);
        m_conversations.remove(conversationId);
        endRemoveRows();
        Q_EMIT countChanged();
    } else {
        m_conversations.remove(conversationId);
    }
    m_typing.remove(conversationId);
    const int total = totalUnread();
    if (total != m_lastTotalUnread) {
        m_lastTotalUnread = total;
        Q_EMIT totalUnreadChanged();
    }
}

void ConversationListModel::applyMessage(const Message &message, bool countAsUnread)
{
    auto it = m_conversations.find(message.conversationId);
    if (it == m_conversations.end())
        return;
    // An older message (history, catch-up out of order) does not replace the preview.
    if (!it->lastMessage || message.seq >= it->lastMessage->seq || message.isPending())
        it->lastMessage = message;
    it->lastSeq = qMax(it->lastSeq, message.seq);
    if (countAsUnread) {
        ++it->unreadCount;
        m_lastTotalUnread = totalUnread();
        Q_EMIT totalUnreadChanged();
    }
    reposition(message.conversationId);
}

void ConversationListModel::setUnreadCount(const QString &conversationId, int unreadCount)
{
    auto it = m_conversations.find(conversationId);
    if (it == m_conversations.end() || it->unreadCount == qMax(0, unreadCount))
        return;
    it->unreadCount = qMax(0, unreadCount);
    refreshRoles(conversationId, { UnreadCountRole });
    m_lastTotalUnread = totalUnread();
    Q_EMIT totalUnreadChanged();
}

void ConversationListModel::setReadMarker(
    const QString &conversationId, const QString &userId, qint64 lastReadSeq)
{
    auto it = m_conversations.find(conversationId);
    if (it == m_conversations.end())
        return;
    for (Participant &p : it->participants) {
        if (p.userId == userId && p.lastReadSeq < lastReadSeq)
            p.lastReadSeq = lastReadSeq;
    }
}

void ConversationListModel::setPresence(
    const QString &userId, bool isOnline, const QString &status, const QDateTime &lastSeen)
{
    Presence &p = m_presence[userId];
    p.status = !isOnline
        ? QStringLiteral("offline")
        : (status == QLatin1StringView("away") ? QStringLiteral("away") : QStringLiteral("online"));
    if (lastSeen.isValid())
        p.lastSeen = lastSeen;
    for (auto it = m_conversations.begin(); it != m_conversations.end(); ++it) {
        for (Participant &part : it->participants) {
            if (part.userId == userId) {
                part.isOnline = isOnline;
                if (lastSeen.isValid())
                    part.lastSeen = lastSeen;
            }
        }
        if (const Participant *other = otherParticipant(*it); other && other->userId == userId)
            refreshRoles(it->id, { PresenceRole, LastSeenRole });
    }
    Q_EMIT presenceChanged(userId);
}

void ConversationListModel::setTyping(
    const QString &conversationId, const QString &userId, const QString &userName, bool isTyping)
{
    if (userId == m_ownUserId)
        return;
    QList<Typist> &typists = m_typing[conversationId];
    const QString before = typingText(conversationId);
    const auto found = std::find_if(
        typists.begin(), typists.end(), [&](const Typist &t) { return t.userId == userId; });
    if (isTyping) {
        const qint64 expiresAt = m_clock.elapsed() + m_typingTimeout.count();
        if (found != typists.end())
            found->expiresAt = expiresAt;
        else
            typists.append({ userId, userName.isEmpty() ? userId : userName, expiresAt });
    } else if (found != typists.end()) {
        typists.erase(found);
    }
    if (typists.isEmpty())
        m_typing.remove(conversationId);
    scheduleTypingExpiry();
    const QString after = typingText(conversationId);
    if (after != before) {
        refreshRoles(conversationId, { TypingTextRole });
        Q_EMIT typingChanged(conversationId, after);
    }
}

void ConversationListModel::scheduleTypingExpiry()
{
    qint64 next = -1;
    for (const auto &typists : std::as_const(m_typing)) {
        for (const Typist &t : typists)
            next = next < 0 ? t.expiresAt : qMin(next, t.expiresAt);
    }
    if (next < 0)
        m_typingTimer.stop();
    else
        m_typingTimer.start(int(qMax<qint64>(0, next - m_clock.elapsed())));
}

void ConversationListModel::expireTyping()
{
    const qint64 now = m_clock.elapsed();
    const QStringList conversations = m_typing.keys();
    for (const QString &id : conversations) {
        QList<Typist> &typists = m_typing[id];
        const auto removed
            = typists.removeIf([now](const Typist &t) { return t.expiresAt <= now; });
        if (typists.isEmpty())
            m_typing.remove(id);
        if (removed > 0) {
            refreshRoles(id, { TypingTextRole });
            Q_EMIT typingChanged(id, typingText(id));
        }
    }
    scheduleTypingExpiry();
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
    const auto it = m_presence.constFind(userId);
    if (it == m_presence.constEnd())
        return { { QStringLiteral("status"), QStringLiteral("offline") },
            { QStringLiteral("lastSeen"), QDateTime() } };
    return { { QStringLiteral("status"), it->status },
        { QStringLiteral("lastSeen"), it->lastSeen } };
}

std::optional<Conversation> ConversationListModel::conversation(const QString &conversationId) const
{
    const auto it = m_conversations.constFind(conversationId);
    if (it == m_conversations.constEnd())
        return std::nullopt;
    return *it;
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
        return c.type == Conversation::Type::Group ? QStringLiteral("group")
                                                   : QStringLiteral("direct");
    case LastMessageTextRole:
        return c.lastMessage ? preview(c.lastMessage->content) : QString();
    case LastMessageSenderRole:
        return c.lastMessage ? c.lastMessage->senderName : QString();
    case LastActivityRole:
        return c.lastActivity();
    case UnreadCountRole:
        return c.unreadCount;
    case OtherUserIdRole:
        return other ? other->userId : QString();
    case PresenceRole:
        return other ? presence(other->userId).value(QStringLiteral("status")) : QString();
    case LastSeenRole:
        return other ? m_presence.value(other->userId).lastSeen : QDateTime();
    case TypingTextRole:
        return typingText(c.id);
    case ParticipantCountRole:
        return int(c.participants.size());
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
    };
}

} // namespace ringchat::models
