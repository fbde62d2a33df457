// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The Ctrl+F bar's search in the open conversation: the cached hits of the query
// (SearchService::findInConversation) as you type, shortly after the last key, and which
// of them is current. Hits are numbered from the newest (1) back; next() goes back in
// history, previous() forward. The view scrolls to currentSeq and highlights each
// bubble's text with highlight().

#include "chat/searchservice.h"
#include "store/searchindex.h"

#include <QColor>
#include <QObject>
#include <QPointer>
#include <QTimer>
#include <QtQml/qqmlregistration.h>

namespace ringchat::app {

class ConversationSearch : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(ringchat::chat::SearchService *service READ service WRITE setService NOTIFY serviceChanged)
    Q_PROPERTY(
        QString conversationId READ conversationId WRITE setConversationId NOTIFY conversationIdChanged)
    // What the bar holds; the search runs `debounceMs` after it last changed.
    Q_PROPERTY(QString query READ query WRITE setQuery NOTIFY queryChanged)
    Q_PROPERTY(int debounceMs READ debounceMs WRITE setDebounceMs NOTIFY debounceMsChanged)
    Q_PROPERTY(int count READ count NOTIFY resultsChanged)
    // 1-based from the newest hit; 0 when there is none.
    Q_PROPERTY(int current READ current NOTIFY currentChanged)
    Q_PROPERTY(qint64 currentSeq READ currentSeq NOTIFY currentChanged)
    Q_PROPERTY(QString currentMessageId READ currentMessageId NOTIFY currentChanged)
    // The query the hits are of (what highlight() marks).
    Q_PROPERTY(QString searchedQuery READ searchedQuery NOTIFY resultsChanged)
    // A search is running (the count is not yet the query's).
    Q_PROPERTY(bool busy READ busy NOTIFY busyChanged)

public:
    explicit ConversationSearch(QObject *parent = nullptr);

    chat::SearchService *service() const { return m_service; }
    void setService(chat::SearchService *service);
    QString conversationId() const { return m_conversationId; }
    void setConversationId(const QString &id);
    QString query() const { return m_query; }
    void setQuery(const QString &query);
    int debounceMs() const { return m_timer.interval(); }
    void setDebounceMs(int ms);
    int count() const { return int(m_hits.size()); }
    int current() const { return m_current; }
    qint64 currentSeq() const;
    QString currentMessageId() const;
    bool busy() const { return m_busy; }
    QString searchedQuery() const { return m_searched; }

    // The next (older) and previous (newer) hit, wrapping around.
    Q_INVOKABLE void next();
    Q_INVOKABLE void previous();
    // The query and hits gone (the bar closed).
    Q_INVOKABLE void clear();
    // Make this message the current hit, now or once the query's hits are in (a result
    // chosen in the search across conversations).
    Q_INVOKABLE void focusMessage(const QString &messageId);
    // RichText of a message's text with the query's words highlighted; "" when the query
    // hits nothing in it (the bubble shows its usual text).
    Q_INVOKABLE QString highlight(const QString &text, const QColor &background,
                                  const QColor &foreground = {}) const;

signals:
    void serviceChanged();
    void conversationIdChanged();
    void queryChanged();
    void debounceMsChanged();
    void resultsChanged();
    void currentChanged();
    void busyChanged();

private:
    void run();
    void setHits(QList<store::ConversationHit> hits);
    void setCurrent(int current);
    void setBusy(bool busy);

    QPointer<chat::SearchService> m_service;
    QString m_conversationId;
    QString m_query;
    QString m_searched;                   // the query the hits are of
    QList<store::ConversationHit> m_hits; // ascending by seq
    int m_current = 0;
    QString m_focus;          // focusMessage's id, until the hits are in
    quint64 m_generation = 0; // answers to older queries are dropped
    bool m_busy = false;
    QTimer m_timer;
};

} // namespace ringchat::app
