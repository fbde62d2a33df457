// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/messagelistmodel.h"

#include <QPointer>

#include <algorithm>
#include <limits>
#include <utility>

namespace ringchat::models {

using api::DeliveryState;
using api::Message;
using api::Participant;

MessageListModel::MessageListModel(const QString &conversationId, const QString &ownUserId, QObject *parent)
    : QAbstractListModel(parent)
    , m_conversationId(conversationId)
    , m_roles(ownUserId)
    , m_editWindows(new EditWindowTimer(
          this, [this](int row) { return m_roles.editWindowCloses(m_rows.at(row)); },
          [this](int row) { Q_EMIT dataChanged(index(row), index(row), { CanEditRole }); }))
{
}

void MessageListModel::setHistory(MessageHistory *history)
{
    m_history = history;
}

void MessageListModel::setMaxRows(int maxRows)
{
    maxRows = qMax(10, maxRows);
    if (m_maxRows == maxRows)
        return;
    m_maxRows = maxRows;
    trimTop();
    Q_EMIT maxRowsChanged();
}

void MessageListModel::setParticipants(const QList<Participant> &participants)
{
    if (m_roles.setParticipants(participants) && !m_rows.isEmpty())
        Q_EMIT dataChanged(index(0), index(int(m_rows.size()) - 1),
                           { ReadersRole, IsReadRole, DeliveryStateRole, ReactionsRole, CanDeleteRole });
}

void MessageListModel::setGroup(bool group)
{
    if (m_roles.isGroup() == group)
        return;
    m_roles.setGroup(group);
    if (!m_rows.isEmpty())
        Q_EMIT dataChanged(index(0), index(int(m_rows.size()) - 1), { CanDeleteRole });
}

// ---- lookups ----

int MessageListModel::findSeq(qint64 seq) const
{
    const int row = insertionRow(seq);
    return row < m_pendingStart && m_rows.at(row).seq == seq ? row : -1;
}

int MessageListModel::insertionRow(qint64 seq) const
{
    const auto begin = m_rows.cbegin();
    const auto it = std::lower_bound(begin, begin + m_pendingStart, seq,
                                     [](const Message &m, qint64 s) { return m.seq < s; });
    return int(it - begin);
}

int MessageListModel::findPending(const QString &clientId) const
{
    for (int row = m_pendingStart; row < m_rows.size(); ++row) {
        if (m_rows.at(row).clientId == clientId)
            return row;
    }
    return -1;
}

int MessageListModel::rowOfMessageId(const QString &id) const
{
    if (id.isEmpty())
        return -1;
    for (int row = m_pendingStart - 1; row >= 0; --row) {
        if (m_rows.at(row).id == id)
            return row;
    }
    return -1;
}

int MessageListModel::lastEditableRow() const
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (int row = int(m_rows.size()) - 1; row >= 0; --row) {
        if (m_roles.canEdit(m_rows.at(row), now))
            return row;
    }
    return -1;
}

int MessageListModel::rowOfClientId(const QString &clientId) const
{
    for (int row = int(m_rows.size()) - 1; row >= 0; --row) {
        if (m_rows.at(row).clientId == clientId)
            return row;
    }
    return -1;
}

qint64 MessageListModel::firstSeq() const
{
    return m_pendingStart > 0 ? m_rows.first().seq : 0;
}

qint64 MessageListModel::lastSeq() const
{
    return m_pendingStart > 0 ? m_rows.at(m_pendingStart - 1).seq : 0;
}

std::optional<Message> MessageListModel::messageByClientId(const QString &clientId) const
{
    for (auto it = m_rows.crbegin(); it != m_rows.crend(); ++it) {
        if (it->clientId == clientId)
            return *it;
    }
    return std::nullopt;
}

// ---- state flags ----

void MessageListModel::setLoadingOlder(bool loading)
{
    if (m_loadingOlder == loading)
        return;
    m_loadingOlder = loading;
    Q_EMIT loadingHistoryChanged();
}

void MessageListModel::setAtStart(bool atStart)
{
    if (m_atStart == atStart)
        return;
    m_atStart = atStart;
    Q_EMIT atStartOfHistoryChanged();
}

void MessageListModel::setAtLatest(bool atLatest)
{
    if (m_atLatest == atLatest)
        return;
    m_atLatest = atLatest;
    Q_EMIT atLatestChanged();
}

// ---- row edits ----

void MessageListModel::neighbourChanged(int row)
{
    if (row >= 0 && row < m_rows.size())
        Q_EMIT dataChanged(index(row), index(row), { DaySeparatorRole, GroupedWithPreviousRole });
}

void MessageListModel::insertServerRow(int row, const Message &m)
{
    beginInsertRows({}, row, row);
    m_rows.insert(row, m);
    m_rows[row].delivery = DeliveryState::Sent;
    ++m_pendingStart;
    endInsertRows();
    neighbourChanged(row + 1);
    Q_EMIT countChanged();
}

void MessageListModel::removeRows(int first, int last)
{
    if (first > last)
        return;
    beginRemoveRows({}, first, last);
    const int serverRemoved = qMax(0, qMin(last + 1, m_pendingStart) - first);
    m_rows.remove(first, last - first + 1);
    m_pendingStart -= serverRemoved;
    endRemoveRows();
    neighbourChanged(first);
    Q_EMIT countChanged();
}

void MessageListModel::trimTop()
{
    const int excess = serverCount() - m_maxRows;
    if (excess <= 0)
        return;
    // Flags first: views may call canFetchMore while the rows go.
    const bool wasAtStart = m_atStart;
    m_atStart = false;
    removeRows(0, excess - 1);
    if (wasAtStart)
        Q_EMIT atStartOfHistoryChanged();
}

void MessageListModel::trimBottom()
{
    const int excess = serverCount() - m_maxRows;
    if (excess <= 0)
        return;
    removeRows(serverCount() - excess, serverCount() - 1);
    setAtLatest(false);
}

void MessageListModel::setMessages(const QList<Message> &messages)
{
    resetWindow(messages, true);
    // The reset made a jump's page stale (a conversation opened at a message while its
    // latest page came from the cache): the jump goes on from the new window.
    if (const qint64 target = std::exchange(m_jumpTarget, 0); target > 0)
        jumpTo(int(target));
}

void MessageListModel::resetWindow(const QList<Message> &messages, bool atLatest)
{
    ++m_generation;
    QList<Message> server, pending;
    QSet<qint64> seen;
    for (const Message &m : messages) {
        if (!m.conversationId.isEmpty() && m.conversationId != m_conversationId)
            continue;
        if (m.seq > 0) {
            if (!seen.contains(m.seq)) {
                seen.insert(m.seq);
                server.append(m);
                server.last().delivery = DeliveryState::Sent;
            }
        } else {
            pending.append(m);
        }
    }
    std::sort(server.begin(), server.end(), [](const Message &a, const Message &b) { return a.seq < b.seq; });
    const bool trimmed = server.size() > m_maxRows;
    if (trimmed)
        server.remove(0, server.size() - m_maxRows);
    QSet<QString> confirmed;
    for (const Message &m : std::as_const(server)) {
        if (m_roles.isOwn(m))
            confirmed.insert(m.clientId);
    }
    QSet<QString> pendingSeen;
    pending.removeIf([&](const Message &m) {
        if (confirmed.contains(m.clientId) || pendingSeen.contains(m.clientId))
            return true;
        pendingSeen.insert(m.clientId);
        return false;
    });

    beginResetModel();
    m_rows = server + pending;
    m_pendingStart = int(server.size());
    endResetModel();
    Q_EMIT countChanged();
    setLoadingOlder(false);
    m_loadingNewer = false;
    setAtStart(!trimmed && !server.isEmpty() && server.first().seq == 1);
    setAtLatest(atLatest);
}

void MessageListModel::appendOrMerge(const QList<Message> &messages)
{
    // New server messages after the last row go in as one run (one insert and
    // one trim for the views, not two per message), straight from the list;
    // anything else one by one, in order.
    qsizetype i = 0;
    while (i < messages.size()) {
        const qsizetype end = plainAppendRun(messages, i);
        if (end > i) {
            appendRun(messages, i, end);
            i = end;
        } else {
            appendOrMerge(messages.at(i++));
        }
    }
}

qsizetype MessageListModel::plainAppendRun(const QList<Message> &messages, qsizetype from) const
{
    if (serverCount() > 0 && !m_atLatest)
        return from;
    qint64 after = lastSeq();
    qsizetype i = from;
    for (; i < messages.size(); ++i) {
        const Message &m = messages.at(i);
        if (m.seq <= after || (!m.conversationId.isEmpty() && m.conversationId != m_conversationId))
            break;
        if (!m.clientId.isEmpty() && findPending(m.clientId) >= 0)
            break; // the server's copy of a pending row: merged one by one
        after = m.seq;
    }
    return i;
}

void MessageListModel::appendRun(const QList<Message> &messages, qsizetype from, qsizetype end)
{
    // Rows that the trim would drop at once never go in.
    const bool skipped = end - from > m_maxRows;
    if (skipped)
        from = end - m_maxRows;
    const int first = serverCount();
    const int n = int(end - from);
    // Room for twice the window: the rows slide inside the buffer as the
    // window moves, instead of a reallocation every few dozen messages.
    if (m_rows.capacity() < 2 * (m_maxRows + n))
        m_rows.reserve(2 * (m_maxRows + n) + (m_rows.size() - m_pendingStart));
    beginInsertRows({}, first, first + n - 1);
    if (first == m_rows.size()) {
        for (qsizetype i = from; i < end; ++i)
            m_rows.append(messages.at(i));
    } else { // before the pending rows
        m_rows.insert(first, n, Message());
        std::copy(messages.constBegin() + from, messages.constBegin() + end, m_rows.begin() + first);
    }
    for (int row = first; row < first + n; ++row)
        m_rows[row].delivery = DeliveryState::Sent;
    m_pendingStart += n;
    endInsertRows();
    neighbourChanged(first + n);
    Q_EMIT countChanged();
    if (skipped && m_atStart) {
        m_atStart = false;
        Q_EMIT atStartOfHistoryChanged();
    }
    trimTop();
}

void MessageListModel::appendOrMerge(const Message &message)
{
    if (!message.conversationId.isEmpty() && message.conversationId != m_conversationId)
        return;
    if (!message.clientId.isEmpty()) {
        const int pendingRow = findPending(message.clientId);
        if (pendingRow >= 0) {
            if (message.seq <= 0) {
                m_rows[pendingRow] = message;
                Q_EMIT dataChanged(index(pendingRow), index(pendingRow));
                return;
            }
            // The server's copy (ack or echo) replaces the pending row.
            removeRows(pendingRow, pendingRow);
        }
    }
    if (message.seq <= 0) {
        const int row = int(m_rows.size());
        beginInsertRows({}, row, row);
        m_rows.append(message);
        endInsertRows();
        Q_EMIT countChanged();
        return;
    }
    if (const int row = findSeq(message.seq); row >= 0) {
        // The same message again (echo after ack, catch-up overlap) or a newer state.
        replaceIfNewer(row, message);
        return;
    }
    if (serverCount() > 0 && message.seq < firstSeq() && !m_atStart)
        return; // older than the window: it is in the cache and comes back on scroll
    if (serverCount() > 0 && message.seq > lastSeq() && !m_atLatest)
        return; // below the window while scrolled far up: loadNewer() reads it
    insertServerRow(insertionRow(message.seq), message);
    trimTop();
}

bool MessageListModel::replaceIfNewer(int row, const Message &message)
{
    Message &existing = m_rows[row];
    // A newer server state, or the same one with our pending action shown or withdrawn.
    const bool ownAction = message.rev == existing.rev
        && (message.pendingChange != Message::PendingChange::None
            || existing.pendingChange != Message::PendingChange::None);
    if (!api::supersedes(message, existing) && !ownAction)
        return false;
    const DeliveryState delivery = existing.delivery;
    existing = message;
    existing.delivery = row < m_pendingStart ? DeliveryState::Sent : delivery;
    Q_EMIT dataChanged(index(row), index(row));
    return true;
}

void MessageListModel::applyChanges(const QList<Message> &messages)
{
    for (const Message &m : messages) {
        if (!m.conversationId.isEmpty() && m.conversationId != m_conversationId)
            continue;
        const int row = m.seq > 0 ? findSeq(m.seq) : findPending(m.clientId);
        if (row >= 0) {
            replaceIfNewer(row, m);
        } else if (m.seq > 0 && m_historyInFlight > 0) {
            // Its row may be in a history page on its way (read before the change).
            auto held = m_changesAwaitingRows.find(m.seq);
            if (held == m_changesAwaitingRows.end())
                m_changesAwaitingRows.insert(m.seq, m);
            else if (api::supersedes(m, *held))
                *held = m;
        }
    }
}

void MessageListModel::setDeliveryState(const QString &clientId, DeliveryState state)
{
    const int row = findPending(clientId);
    if (row < 0 || m_rows.at(row).delivery == state)
        return;
    m_rows[row].delivery = state;
    Q_EMIT dataChanged(index(row), index(row), { DeliveryStateRole });
}

void MessageListModel::setReadMarker(const QString &userId, qint64 lastReadSeq)
{
    const std::optional<qint64> old = m_roles.advanceMarker(userId, lastReadSeq);
    if (!old)
        return;
    const int first = insertionRow(*old + 1);
    const int last = insertionRow(lastReadSeq + 1) - 1;
    if (first <= last)
        Q_EMIT dataChanged(index(first), index(last), { ReadersRole, IsReadRole, DeliveryStateRole });
}

void MessageListModel::remove(const QString &clientId)
{
    int row = findPending(clientId);
    if (row < 0) {
        for (int r = 0; r < m_pendingStart; ++r) {
            if (m_rows.at(r).clientId == clientId) {
                row = r;
                break;
            }
        }
    }
    if (row >= 0)
        removeRows(row, row);
    m_uploadProgress.remove(clientId);
}

// ---- Files (issue 15) ----

void MessageListModel::setUploadProgress(const QString &clientId, qint64 sent, qint64 total)
{
    const int row = findPending(clientId);
    if (row < 0 || total <= 0)
        return;
    const double fraction = qBound(0.0, double(sent) / double(total), 1.0);
    double &held = m_uploadProgress[clientId];
    if (qFuzzyCompare(held + 1.0, fraction + 1.0))
        return;
    held = fraction;
    const QModelIndex at = index(row);
    emit dataChanged(at, at, { UploadProgressRole });
}

// ---- model ----

int MessageListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant MessageListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const int row = index.row();
    // ---- Files (issue 15): kept by the model, not by the message.
    if (role == UploadProgressRole)
        return row >= m_pendingStart ? m_uploadProgress.value(m_rows.at(row).clientId, 0.0) : 1.0;
    return m_roles.data(m_rows.at(row), row > 0 ? &m_rows.at(row - 1) : nullptr, row >= m_pendingStart, role);
}

QHash<int, QByteArray> MessageListModel::roleNames() const
{
    return MessageRoles::names();
}

} // namespace ringchat::models
