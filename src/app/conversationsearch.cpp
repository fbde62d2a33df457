// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/conversationsearch.h"

#include "app/searchhighlight.h"
#include "chat/searchservice.h"

namespace ringchat::app {

ConversationSearch::ConversationSearch(QObject *parent)
    : QObject(parent)
{
    m_timer.setSingleShot(true);
    m_timer.setInterval(150);
    connect(&m_timer, &QTimer::timeout, this, &ConversationSearch::run);
}

void ConversationSearch::setService(chat::SearchService *service)
{
    if (m_service == service)
        return;
    m_service = service;
    emit serviceChanged();
    clear();
}

void ConversationSearch::setConversationId(const QString &id)
{
    if (m_conversationId == id)
        return;
    m_conversationId = id;
    emit conversationIdChanged();
    clear();
}

void ConversationSearch::setQuery(const QString &query)
{
    if (m_query == query)
        return;
    m_query = query;
    emit queryChanged();
    setBusy(!query.trimmed().isEmpty());
    m_timer.start();
}

void ConversationSearch::setDebounceMs(int ms)
{
    if (ms == m_timer.interval())
        return;
    m_timer.setInterval(ms);
    emit debounceMsChanged();
}

qint64 ConversationSearch::currentSeq() const
{
    return m_current > 0 ? m_hits.at(m_hits.size() - m_current).seq : 0;
}

QString ConversationSearch::currentMessageId() const
{
    return m_current > 0 ? m_hits.at(m_hits.size() - m_current).messageId : QString();
}

void ConversationSearch::run()
{
    const quint64 generation = ++m_generation;
    const QString query = m_query;
    if (!m_service || m_conversationId.isEmpty() || query.trimmed().isEmpty()) {
        m_searched = query;
        setHits({});
        return;
    }
    m_service->findInConversation(m_conversationId, query)
        .then(this, [this, generation, query](const QList<store::ConversationHit> &hits) {
            if (generation != m_generation)
                return;
            m_searched = query;
            setHits(hits);
        });
}

void ConversationSearch::setHits(QList<store::ConversationHit> hits)
{
    m_hits = std::move(hits);
    setBusy(false);
    emit resultsChanged();
    int current = m_hits.isEmpty() ? 0 : 1;
    for (qsizetype i = 0; !m_focus.isEmpty() && i < m_hits.size(); ++i) {
        if (m_hits.at(i).messageId == m_focus)
            current = int(m_hits.size() - i);
    }
    m_focus.clear();
    // A new answer always says where it is, even at the same number.
    m_current = -1;
    setCurrent(current);
}

void ConversationSearch::setCurrent(int current)
{
    if (m_current == current)
        return;
    m_current = current;
    emit currentChanged();
}

void ConversationSearch::setBusy(bool busy)
{
    if (m_busy == busy)
        return;
    m_busy = busy;
    emit busyChanged();
}

void ConversationSearch::next()
{
    if (!m_hits.isEmpty())
        setCurrent(m_current % int(m_hits.size()) + 1);
}

void ConversationSearch::previous()
{
    if (!m_hits.isEmpty())
        setCurrent(m_current <= 1 ? int(m_hits.size()) : m_current - 1);
}

void ConversationSearch::focusMessage(const QString &messageId)
{
    if (m_busy) { // the hits of the query are on their way
        m_focus = messageId;
        return;
    }
    for (qsizetype i = 0; i < m_hits.size(); ++i) {
        if (m_hits.at(i).messageId == messageId) {
            m_current = -1; // shown again even when it is the current one
            setCurrent(int(m_hits.size() - i));
        }
    }
}

void ConversationSearch::clear()
{
    m_timer.stop();
    ++m_generation;
    const bool hadQuery = !m_query.isEmpty();
    m_query.clear();
    m_searched.clear();
    m_focus.clear();
    if (hadQuery)
        emit queryChanged();
    setBusy(false);
    if (!m_hits.isEmpty()) {
        m_hits.clear();
        emit resultsChanged();
    }
    setCurrent(0);
}

QString ConversationSearch::highlight(const QString &text, const QColor &background,
                                      const QColor &foreground) const
{
    if (m_searched.trimmed().isEmpty() || text.isEmpty())
        return {};
    const QList<store::TextRange> ranges = chat::SearchService::hitRanges(text, m_searched);
    return ranges.isEmpty() ? QString() : searchhighlight::toHtml(text, ranges, background, foreground);
}

} // namespace ringchat::app
