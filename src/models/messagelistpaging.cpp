// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// MessageListModel's paging through the history path: older pages at the top,
// newer ones at the bottom, back to the latest messages, and the jump to a message
// outside the window (the page around it). Every answer goes in on the next pass.
#include "models/messagelistmodel.h"

#include <QPointer>

#include <algorithm>
#include <utility>

namespace ringchat::models {

using api::DeliveryState;
using api::Message;

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
    if (page.isEmpty())
        return;
    const int n = int(page.size());
    beginInsertRows({}, 0, n - 1);
    for (Message &m : page)
        m.delivery = DeliveryState::Sent;
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
    // A reset since the request (setMessages) makes its page stale. A change that
    // came while the page was on its way finds its row once the page is in.
    ++m_historyInFlight;
    return [self = QPointer<MessageListModel>(this), generation = m_generation,
            apply](const MessageHistory::Page &page) {
        QMetaObject::invokeMethod(
            self.data(),
            [self, generation, apply, page] {
                if (!self)
                    return;
                --self->m_historyInFlight;
                if (generation == self->m_generation)
                    (self.data()->*apply)(page);
                self->applyChanges(std::exchange(self->m_changesAwaitingRows, {}).values());
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
        for (Message &m : page)
            m.delivery = DeliveryState::Sent;
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
    m_jumpTarget = 0; // the user left the message for the latest ones
    if (m_atLatest || !m_history)
        return;
    m_history->older(m_conversationId, 0, qMin(m_maxRows, m_pageSize * 2),
                     answer(&MessageListModel::applyLatest));
}

void MessageListModel::applyLatest(const MessageHistory::Page &page)
{
    setMessages(page.messages + m_rows.mid(m_pendingStart));
}

void MessageListModel::jumpTo(int seq)
{
    if (seq <= 0)
        return;
    if (const int row = findSeq(seq); row >= 0)
        return Q_EMIT revealed(row);
    if (!m_history)
        return;
    m_jumpTarget = seq;
    m_history->around(m_conversationId, seq, qMin(m_maxRows, m_pageSize * 2),
                      answer(&MessageListModel::applyAround));
}

void MessageListModel::applyAround(const MessageHistory::Page &page)
{
    const qint64 target = std::exchange(m_jumpTarget, 0);
    const bool found = std::any_of(page.messages.cbegin(), page.messages.cend(),
                                   [&](const Message &m) { return m.seq == target; });
    if (!found)
        return; // the server could not be asked, or has no such message: the window stays
    // At the latest when the server says nothing follows, or the page reaches the
    // newest row the window had.
    const bool atLatest = page.reachedEnd || (m_atLatest && page.messages.last().seq >= lastSeq());
    resetWindow(page.messages + m_rows.mid(m_pendingStart), atLatest);
    if (const int row = findSeq(target); row >= 0)
        Q_EMIT revealed(row);
}

} // namespace ringchat::models
