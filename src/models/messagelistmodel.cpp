// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/messagelistmodel.h"

#include <QPointer>

#include <algorithm>
#include <limits>

namespace ringchat::models {

using api::DeliveryState;
using api::Message;
using api::Participant;

namespace {

// (sender, clientId): a pair of shared strings, nothing to allocate.
MessageListModel::ClientKey clientKey(const Message &m)
{
    return { m.senderId, m.clientId };
}

} // namespace

MessageListModel::MessageListModel(const QString &conversationId, const QString &ownUserId, QObject *parent)
    : QAbstractListModel(parent)
    , m_conversationId(conversationId)
    , m_roles(ownUserId)
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
    m_roles.setParticipants(participants);
    if (!m_rows.isEmpty())
        Q_EMIT dataChanged(index(0), index(int(m_rows.size()) - 1),
                           { ReadersRole, IsReadRole, DeliveryStateRole });
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
    if (!m.clientId.isEmpty())
        m_seqByClientId.insert(clientKey(m), m.seq);
    endInsertRows();
    neighbourChanged(row + 1);
    Q_EMIT countChanged();
}

void MessageListModel::removeRows(int first, int last)
{
    if (first > last)
        return;
    beginRemoveRows({}, first, last);
    for (int row = first; row <= last; ++row) {
        if (row < m_pendingStart && !m_rows.at(row).clientId.isEmpty())
            m_seqByClientId.remove(clientKey(m_rows.at(row)));
    }
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
    m_seqByClientId.clear();
    for (const Message &m : std::as_const(server)) {
        if (!m.clientId.isEmpty())
            m_seqByClientId.insert(clientKey(m), m.seq);
    }
    endResetModel();
    Q_EMIT countChanged();
    setLoadingOlder(false);
    m_loadingNewer = false;
    setAtStart(!trimmed && !server.isEmpty() && server.first().seq == 1);
    setAtLatest(true);
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
    QSet<ClientKey> runKeys; // (sender, clientId) of the run
    qint64 after = lastSeq();
    qsizetype i = from;
    for (; i < messages.size(); ++i) {
        const Message &m = messages.at(i);
        if (m.seq <= after || (!m.conversationId.isEmpty() && m.conversationId != m_conversationId))
            break;
        if (!m.clientId.isEmpty()) {
            // Not the server's copy of a pending row, nor a (sender, clientId) already held.
            if (findPending(m.clientId) >= 0)
                break;
            const ClientKey key = clientKey(m);
            if (m_seqByClientId.contains(key) || runKeys.contains(key))
                break;
            runKeys.insert(key);
        }
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
    for (int row = first; row < first + n; ++row) {
        Message &m = m_rows[row];
        m.delivery = DeliveryState::Sent;
        if (!m.clientId.isEmpty())
            m_seqByClientId.insert(clientKey(m), m.seq);
    }
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
        // The same message again (echo after ack, catch-up overlap) or an edit.
        Message &existing = m_rows[row];
        const bool newerEdit = message.editedAt.isValid()
            && (!existing.editedAt.isValid() || existing.editedAt < message.editedAt);
        if (!newerEdit)
            return;
        existing = message;
        existing.delivery = DeliveryState::Sent;
        Q_EMIT dataChanged(index(row), index(row));
        return;
    }
    if (!message.clientId.isEmpty() && m_seqByClientId.contains(clientKey(message)))
        return; // one message per (sender, clientId)
    if (serverCount() > 0 && message.seq < firstSeq() && !m_atStart)
        return; // older than the window: it is in the cache and comes back on scroll
    if (serverCount() > 0 && message.seq > lastSeq() && !m_atLatest)
        return; // below the window while scrolled far up: loadNewer() reads it
    insertServerRow(insertionRow(message.seq), message);
    trimTop();
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
}

void MessageListModel::insertOlder(QList<Message> page)
{
    const qint64 first = firstSeq();
    page.removeIf([&](const Message &m) {
        return m.seq <= 0 || (first > 0 && m.seq >= first)
            || (!m.conversationId.isEmpty() && m.conversationId != m_conversationId);
    });
    std::sort(page.begin(), page.end(), [](const Message &a, const Message &b) { return a.seq < b.seq; });
    page.erase(std::unique(page.begin(), page.end(),
                           [](const Message &a, const Message &b) { return a.seq == b.seq; }),
               page.end());
    page.removeIf(
        [&](const Message &m) { return !m.clientId.isEmpty() && m_seqByClientId.contains(clientKey(m)); });
    if (page.isEmpty())
        return;
    const int n = int(page.size());
    beginInsertRows({}, 0, n - 1);
    for (Message &m : page) {
        m.delivery = DeliveryState::Sent;
        if (!m.clientId.isEmpty())
            m_seqByClientId.insert(clientKey(m), m.seq);
    }
    m_rows = page + m_rows;
    m_pendingStart += n;
    const bool reachedStart = !m_atStart && page.first().seq == 1;
    if (reachedStart)
        m_atStart = true; // before the views hear of the rows
    endInsertRows();
    neighbourChanged(n);
    Q_EMIT countChanged();
    if (reachedStart)
        Q_EMIT atStartOfHistoryChanged();
}

// ---- scrolling ----

bool MessageListModel::canFetchMore(const QModelIndex &parent) const
{
    // One direction at a time: a page coming in below must not be pushed out
    // again by a page coming in above.
    return !parent.isValid() && m_history && !m_atStart && !m_loadingOlder && !m_loadingNewer;
}

template <typename Apply> MessageHistory::Done MessageListModel::answer(Apply apply)
{
    // Qt 6.4 runs a continuation synchronously when its future has already
    // finished: the rows must not change inside fetchMore() (a view may call it
    // while it handles another change), so every page goes in on the next pass.
    // A reset since the request (setMessages) makes its page stale.
    return [self = QPointer<MessageListModel>(this), generation = m_generation,
            apply](const MessageHistory::Page &page) {
        QMetaObject::invokeMethod(
            self.data(),
            [self, generation, apply, page] {
                if (self && generation == self->m_generation)
                    (self.data()->*apply)(page);
            },
            Qt::QueuedConnection);
    };
}

void MessageListModel::fetchMore(const QModelIndex &parent)
{
    if (!canFetchMore(parent))
        return;
    setLoadingOlder(true);
    m_olderBefore = firstSeq();
    m_history->older(m_conversationId, m_olderBefore, m_pageSize, answer(&MessageListModel::applyOlder));
}

void MessageListModel::applyOlder(const MessageHistory::Page &page)
{
    if (!m_loadingOlder)
        return;
    if (firstSeq() != m_olderBefore) {
        // New rows pushed the window's top down meanwhile: the page would leave a
        // hole. Ask again for what is before the window now.
        setLoadingOlder(false);
        return;
    }
    // Still "loading" while the rows go in, so a view's fetchMore during the
    // insertion does not ask again for the same page.
    insertOlder(page.messages);
    if (page.reachedEnd)
        setAtStart(true);
    trimBottom();
    setLoadingOlder(false);
}

void MessageListModel::loadNewer()
{
    if (m_atLatest || m_loadingNewer || !m_history)
        return;
    m_loadingNewer = true;
    m_history->newer(m_conversationId, lastSeq(), m_pageSize, answer(&MessageListModel::applyNewer));
}

void MessageListModel::applyNewer(const MessageHistory::Page &history)
{
    QList<Message> page = history.messages;
    const qint64 last = lastSeq();
    page.removeIf([&](const Message &m) { return m.seq <= last; });
    if (!page.isEmpty()) {
        const int row = serverCount();
        const int n = int(page.size());
        beginInsertRows({}, row, row + n - 1);
        for (Message &m : page) {
            m.delivery = DeliveryState::Sent;
            if (!m.clientId.isEmpty())
                m_seqByClientId.insert(clientKey(m), m.seq);
        }
        for (int i = 0; i < n; ++i)
            m_rows.insert(row + i, page.at(i));
        m_pendingStart += n;
        endInsertRows();
        neighbourChanged(row + n);
        Q_EMIT countChanged();
    }
    if (history.reachedEnd)
        setAtLatest(true);
    trimTop();
    m_loadingNewer = false;
}

void MessageListModel::jumpToLatest()
{
    if (m_atLatest || !m_history)
        return;
    m_history->older(m_conversationId, 0, qMin(m_maxRows, m_pageSize * 2),
                     answer(&MessageListModel::applyLatest));
}

void MessageListModel::applyLatest(const MessageHistory::Page &page)
{
    setMessages(page.messages + m_rows.mid(m_pendingStart));
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
    return m_roles.data(m_rows.at(row), row > 0 ? &m_rows.at(row - 1) : nullptr, row >= m_pendingStart, role);
}

QHash<int, QByteArray> MessageListModel::roleNames() const
{
    return MessageRoles::names();
}

} // namespace ringchat::models
