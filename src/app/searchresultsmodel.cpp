// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/searchresultsmodel.h"

#include "app/searchhighlight.h"
#include "chat/chatservice.h"
#include "models/conversationtext.h"

namespace ringchat::app {

namespace {
// Dark text on the highlight, readable in both themes.
const QColor kHighlightText(0x1a, 0x1a, 0x1a);
} // namespace

SearchResultsModel::SearchResultsModel(QObject *parent)
    : QAbstractListModel(parent)
{
    m_localTimer.setSingleShot(true);
    m_localTimer.setInterval(150);
    m_serverTimer.setSingleShot(true);
    m_serverTimer.setInterval(700);
    connect(&m_localTimer, &QTimer::timeout, this, [this] { run(true); });
    connect(&m_serverTimer, &QTimer::timeout, this, [this] { run(false); });
    connect(this, &SearchResultsModel::highlightColorChanged, this, [this] {
        if (rowCount() > 0)
            emit dataChanged(index(0), index(rowCount() - 1), { SnippetRole });
    });
}

void SearchResultsModel::setService(chat::SearchService *service)
{
    if (m_service == service)
        return;
    disconnect(m_progressConnection);
    m_service = service;
    if (service)
        m_progressConnection = connect(service, &chat::SearchService::indexProgressChanged, this,
                                       &SearchResultsModel::indexProgressChanged);
    emit serviceChanged();
    emit indexProgressChanged();
    clear();
}

void SearchResultsModel::setQuery(const QString &query)
{
    if (m_query == query)
        return;
    m_query = query;
    emit queryChanged();
    ++m_generation; // what is on the way is for an older query
    m_serverAnswered = false;
    m_fetchingMore = false;
    m_localTimer.start();
    m_serverTimer.start();
    const bool searching = !query.trimmed().isEmpty();
    if (m_searching != searching) {
        m_searching = searching;
        emit resultsChanged();
    }
}

void SearchResultsModel::setLocalDelayMs(int ms)
{
    m_localTimer.setInterval(ms);
    emit delaysChanged();
}

void SearchResultsModel::setServerDelayMs(int ms)
{
    m_serverTimer.setInterval(ms);
    emit delaysChanged();
}

bool SearchResultsModel::indexing() const
{
    return m_service && !m_service->indexProgress().complete();
}

qint64 SearchResultsModel::indexed() const
{
    return m_service ? m_service->indexProgress().indexed : 0;
}

qint64 SearchResultsModel::indexTotal() const
{
    return m_service ? m_service->indexProgress().total : 0;
}

void SearchResultsModel::run(bool localOnly)
{
    if (!m_service || m_query.trimmed().isEmpty()) {
        setResults({}, false);
        return;
    }
    const quint64 generation = m_generation;
    chat::SearchService::Options options;
    options.localOnly = localOnly;
    m_service->search(m_query, options)
        .then(this, [this, generation, localOnly](const chat::SearchResults &r) {
            if (generation != m_generation)
                return;
            // The server's answer holds the local hits too: a later local one adds nothing.
            if (localOnly && m_serverAnswered)
                return;
            m_serverAnswered = m_serverAnswered || !localOnly;
            setResults(r, !m_serverAnswered);
        });
}

bool SearchResultsModel::canLoadMore() const
{
    return m_service && m_serverAnswered && !m_fetchingMore && m_results.hasMore();
}

void SearchResultsModel::loadMore()
{
    if (!canLoadMore())
        return;
    m_fetchingMore = true;
    emit resultsChanged();
    const quint64 generation = m_generation;
    m_service->more(m_results).then(this, [this, generation](const chat::SearchResults &r) {
        if (generation != m_generation) // a newer query, or cleared
            return;
        addResults(r); // still fetching meanwhile: an ask in between waits for the next
        m_fetchingMore = false;
        emit resultsChanged();
    });
}

void SearchResultsModel::addResults(chat::SearchResults results)
{
    // Both lists are newest first, and the new one holds every row of the old: walking
    // them together, rows [0, row) are the same in both, and new rows go in as runs.
    QList<chat::SearchResult> &shown = m_results.hits;
    const QList<chat::SearchResult> &next = results.hits;
    qsizetype row = 0;
    while (row < next.size()) {
        if (row < shown.size() && shown.at(row).message.id == next.at(row).message.id) {
            if (api::supersedes(next.at(row).message, shown.at(row).message)) {
                shown[row] = next.at(row);
                emit dataChanged(index(int(row)), index(int(row)));
            }
            ++row;
            continue;
        }
        const QString nextShown = row < shown.size() ? shown.at(row).message.id : QString();
        qsizetype end = row;
        while (end < next.size() && next.at(end).message.id != nextShown)
            ++end;
        beginInsertRows({}, int(row), int(end - 1));
        for (qsizetype i = row; i < end; ++i)
            shown.insert(i, next.at(i));
        endInsertRows();
        row = end;
    }
    if (shown.size() != next.size()) // a row of the old is gone: start over
        return setResults(std::move(results), false);
    m_results = std::move(results);
}

void SearchResultsModel::setResults(chat::SearchResults results, bool searching)
{
    beginResetModel();
    m_results = std::move(results);
    endResetModel();
    m_searching = searching;
    emit resultsChanged();
}

void SearchResultsModel::clear()
{
    m_localTimer.stop();
    m_serverTimer.stop();
    ++m_generation;
    m_fetchingMore = false;
    if (!m_query.isEmpty()) {
        m_query.clear();
        emit queryChanged();
    }
    setResults({}, false);
}

QString SearchResultsModel::titleOf(const QString &conversationId) const
{
    chat::ChatService *chat = m_service ? m_service->chat() : nullptr;
    const auto conversation = chat ? chat->conversation(conversationId) : std::nullopt;
    return conversation ? models::conversationTitle(*conversation, chat->userId()) : QString();
}

int SearchResultsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_results.hits.size());
}

QVariant SearchResultsModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const chat::SearchResult &hit = m_results.hits.at(index.row());
    switch (role) {
    case MessageIdRole:
        return hit.message.id;
    case ConversationIdRole:
        return hit.message.conversationId;
    case ConversationTitleRole:
        return titleOf(hit.message.conversationId);
    case SenderNameRole:
        return hit.message.senderName;
    case TimestampRole:
        return hit.message.timestamp;
    case SeqRole:
        return hit.message.seq;
    case SnippetRole: {
        const auto s = searchhighlight::snippet(hit.message.content, hit.ranges);
        return searchhighlight::toHtml(s.text, s.ranges, m_highlightColor, kHighlightText);
    }
    }
    return {};
}

QHash<int, QByteArray> SearchResultsModel::roleNames() const
{
    return {
        { MessageIdRole, "messageId" },
        { ConversationIdRole, "conversationId" },
        { ConversationTitleRole, "conversationTitle" },
        { SenderNameRole, "senderName" },
        { TimestampRole, "timestamp" },
        { SeqRole, "seq" },
        { SnippetRole, "snippet" },
    };
}

QVariantMap SearchResultsModel::get(int row) const
{
    QVariantMap map;
    if (row < 0 || row >= rowCount())
        return map;
    const auto names = roleNames();
    for (auto it = names.cbegin(); it != names.cend(); ++it)
        map.insert(QString::fromUtf8(it.value()), data(index(row), it.key()));
    return map;
}

} // namespace ringchat::app
