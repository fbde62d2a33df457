// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The Ctrl+Shift+F results across all conversations, as a list model: the cache's hits
// shortly after each key (local only), then, after a longer pause, the search with the
// server's hits merged in (SearchService). When the server has more (canLoadMore),
// loadMore (the pane calls it when the list is scrolled to its end) asks its next page
// and inserts its rows, each message once; a new query drops a page still on the way.
// (Not QAbstractItemModel::fetchMore: views call that after every reset, which would ask
// a second page of every query unseen.) Each row says who, where
// and when, with a snippet whose hit words are highlighted. It also says what is missing:
// the server's results (offline, or the server failed) and, while the index of an older
// cache is being built, how far that is.

#include "chat/searchservice.h"

#include <QAbstractListModel>
#include <QColor>
#include <QPointer>
#include <QTimer>
#include <QtQml/qqmlregistration.h>

namespace ringchat::app {

class SearchResultsModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(ringchat::chat::SearchService *service READ service WRITE setService NOTIFY serviceChanged)
    Q_PROPERTY(QString query READ query WRITE setQuery NOTIFY queryChanged)
    // After a key: the local search runs after localDelayMs, the server's after serverDelayMs.
    Q_PROPERTY(int localDelayMs READ localDelayMs WRITE setLocalDelayMs NOTIFY delaysChanged)
    Q_PROPERTY(int serverDelayMs READ serverDelayMs WRITE setServerDelayMs NOTIFY delaysChanged)
    // The snippet's highlight.
    Q_PROPERTY(QColor highlightColor MEMBER m_highlightColor NOTIFY highlightColorChanged)
    Q_PROPERTY(int count READ rowCount NOTIFY resultsChanged)
    // The server's answer, or its next page, is still to come.
    Q_PROPERTY(bool searching READ searching NOTIFY resultsChanged)
    // The server has more hits than the list, and none of its pages is on the way.
    Q_PROPERTY(bool canLoadMore READ canLoadMore NOTIFY resultsChanged)
    // The server's results are in the list (false while typing, offline, or when it failed).
    Q_PROPERTY(bool serverIncluded READ serverIncluded NOTIFY resultsChanged)
    // Why the server's results are missing ("" when none is known).
    Q_PROPERTY(QString serverProblem READ serverProblem NOTIFY resultsChanged)
    // The query's own problem (a date that does not read, a filter that names no one).
    Q_PROPERTY(QString error READ error NOTIFY resultsChanged)
    // The index of messages cached before it is being built: some may be missing.
    Q_PROPERTY(bool indexing READ indexing NOTIFY indexProgressChanged)
    Q_PROPERTY(qint64 indexed READ indexed NOTIFY indexProgressChanged)
    Q_PROPERTY(qint64 indexTotal READ indexTotal NOTIFY indexProgressChanged)

public:
    enum Role {
        MessageIdRole = Qt::UserRole + 1,
        ConversationIdRole,
        ConversationTitleRole,
        SenderNameRole,
        TimestampRole,
        SeqRole,
        SnippetRole, // RichText, the hit highlighted
    };
    Q_ENUM(Role)

    explicit SearchResultsModel(QObject *parent = nullptr);

    chat::SearchService *service() const { return m_service; }
    void setService(chat::SearchService *service);
    QString query() const { return m_query; }
    void setQuery(const QString &query);
    int localDelayMs() const { return m_localTimer.interval(); }
    void setLocalDelayMs(int ms);
    int serverDelayMs() const { return m_serverTimer.interval(); }
    void setServerDelayMs(int ms);
    bool searching() const { return m_searching || m_fetchingMore; }
    bool serverIncluded() const { return m_results.serverIncluded; }
    QString serverProblem() const { return m_results.serverProblem; }
    QString error() const { return m_results.error; }
    bool indexing() const;
    qint64 indexed() const;
    qint64 indexTotal() const;

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;
    bool canLoadMore() const;
    // The server's next page, its rows inserted where they belong (at the end, mostly).
    Q_INVOKABLE void loadMore();

    // One row's roles by name, for QML ({} when out of range).
    Q_INVOKABLE QVariantMap get(int row) const;
    // The query and rows gone.
    Q_INVOKABLE void clear();

signals:
    void serviceChanged();
    void queryChanged();
    void delaysChanged();
    void highlightColorChanged();
    void resultsChanged();
    void indexProgressChanged();

private:
    void run(bool localOnly);
    void setResults(chat::SearchResults results, bool searching);
    // `results` hold every row shown and more: the new rows are inserted where they belong.
    void addResults(chat::SearchResults results);
    QString titleOf(const QString &conversationId) const;

    QPointer<chat::SearchService> m_service;
    QMetaObject::Connection m_progressConnection;
    QString m_query;
    chat::SearchResults m_results;
    bool m_searching = false;
    bool m_serverAnswered = false; // for the current query
    bool m_fetchingMore = false;   // a page of the server's for the current query
    QColor m_highlightColor = QColor(0xff, 0xe0, 0x66);
    quint64 m_generation = 0; // answers to older queries are dropped
    QTimer m_localTimer;
    QTimer m_serverTimer;
};

} // namespace ringchat::app
