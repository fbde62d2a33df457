#pragma once

// The messages of one conversation, oldest first, with the messages not yet
// confirmed by the server (pending: seq 0, from the outbox) after all others.
//
// Memory is bounded: the model holds a window of at most maxRows server
// messages (default 1000). New messages at the bottom push the oldest rows out
// of the window; scrolling up (fetchMore / loadOlder) reads them back from the
// store. Scrolling far up drops rows at the bottom instead; then atLatest is
// false, live messages are not inserted (they are in the store) and
// loadNewer() / jumpToLatest() bring the window back down.
//
// fetchMore (older history): first the store (setStore), and when the store has
// a gap or nothing more, olderMessagesRequested(conversationId, beforeSeq, limit)
// asks the service to fetch from the server; the service answers with
// prepend(page, reachedStart) or historyRequestFailed(). beforeSeq 0 means
// "the latest messages" (the model holds none yet).
//
// A QML ListView with TopToBottom layout calls fetchMore at the bottom end, so
// the chat view calls loadOlder() itself when scrolled to the top.
//
// Delivery state of own messages: Sending / Failed while pending (set by the
// service with setDeliveryState), then Sent, and Read once another
// participant's read marker (setReadMarker) reaches the seq.

#include "api/types.h"

#include <QAbstractListModel>
#include <QHash>
#include <QPointer>
#include <QSet>
#include <QtQml/qqmlregistration.h>

#include <utility>

namespace ringchat::store {
class ChatStore;
}

namespace ringchat::models {

class MessageListModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("MessageListModel is made by the chat service.")
    Q_PROPERTY(QString conversationId READ conversationId CONSTANT)
    Q_PROPERTY(int count READ count NOTIFY countChanged)
    Q_PROPERTY(int maxRows READ maxRows WRITE setMaxRows NOTIFY maxRowsChanged)
    // True while older history is being read from the store or the server.
    Q_PROPERTY(bool loadingHistory READ isLoadingHistory NOTIFY loadingHistoryChanged)
    // True when the first message of the conversation (seq 1) is in the window
    // or the server said there is nothing older.
    Q_PROPERTY(bool atStartOfHistory READ atStartOfHistory NOTIFY atStartOfHistoryChanged)
    // False after scrolling far up dropped the newest rows from the window.
    Q_PROPERTY(bool atLatest READ atLatest NOTIFY atLatestChanged)

public:
    using ClientKey = std::pair<QString, QString>; // (senderId, clientId)

    enum Role {
        IdRole = Qt::UserRole + 1,
        ClientIdRole,
        SeqRole, // 0 while pending
        SenderIdRole,
        SenderNameRole,
        IsOwnRole,
        TextRole, // plain text, never markup
        TypeRole, // "text" | "system"
        TimestampRole, // QDateTime (UTC)
        EditedRole, // bool
        DaySeparatorRole, // bool: first message of its (local) calendar day in the window
        GroupedWithPreviousRole, // bool: same sender as the previous row, within 5 minutes, same
                                 // day
        DeliveryStateRole, // own messages: "sending" | "sent" | "read" | "failed"; others: ""
        ReadersRole, // QStringList: names of other participants whose lastReadSeq >= seq
        IsReadRole, // bool: someone other than the sender has read it
        IsPendingRole, // bool: not yet confirmed by the server
    };
    Q_ENUM(Role)

    MessageListModel(
        const QString &conversationId, const QString &ownUserId, QObject *parent = nullptr);

    QString conversationId() const { return m_conversationId; }
    int count() const { return int(m_rows.size()); }
    int maxRows() const { return m_maxRows; }
    void setMaxRows(int maxRows);
    // Messages read per fetchMore (default 50).
    void setPageSize(int pageSize) { m_pageSize = qBound(1, pageSize, 200); }
    int pageSize() const { return m_pageSize; }
    bool isLoadingHistory() const { return m_loadingOlder; }
    bool atStartOfHistory() const { return m_atStart; }
    bool atLatest() const { return m_atLatest; }

    // Where fetchMore / loadNewer / jumpToLatest read from (may be null: then
    // fetchMore asks the service right away).
    void setStore(store::ChatStore *store);
    // Names and read markers of the conversation's participants.
    void setParticipants(const QList<api::Participant> &participants);

    // ---- called by the chat service ----
    // Replaces the content: server messages (any order) and pending ones.
    void setMessages(const QList<api::Message> &messages);
    // A live message, an ack, an edit or a new pending message. Deduplicated by
    // seq and by clientId; the server's copy of a pending message replaces it.
    void appendOrMerge(const api::Message &message);
    void appendOrMerge(const QList<api::Message> &messages);
    // For a pending (or own) message: Sending / Failed; Sent / Read are derived.
    void setDeliveryState(const QString &clientId, api::DeliveryState state);
    // messages_read: moves a participant's marker forward.
    void setReadMarker(const QString &userId, qint64 lastReadSeq);
    // Discard of a pending message (or removal of any message by clientId).
    void remove(const QString &clientId);
    // Older messages (the answer to olderMessagesRequested, or from elsewhere).
    // reachedStart: the server has nothing older.
    void prepend(const QList<api::Message> &olderPage, bool reachedStart = false);
    // The server could not deliver the requested history; fetchMore may retry.
    void historyRequestFailed();

    // ---- reads ----
    std::optional<api::Message> messageByClientId(const QString &clientId) const;
    // Row of a message in the window, -1 if it is not there (e.g. to scroll to it).
    Q_INVOKABLE int rowOfSeq(qint64 seq) const { return findSeq(seq); }
    Q_INVOKABLE int rowOfClientId(const QString &clientId) const;
    qint64 firstSeq() const; // lowest seq in the window, 0 if none
    qint64 lastSeq() const; // highest seq in the window, 0 if none

    // ---- scrolling ----
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;
    Q_INVOKABLE void loadOlder() { fetchMore({}); }
    // After scrolling far up: read the next page below the window from the store.
    Q_INVOKABLE void loadNewer();
    // Back to the newest messages (the window is replaced).
    Q_INVOKABLE void jumpToLatest();

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

Q_SIGNALS:
    void countChanged();
    void maxRowsChanged();
    void loadingHistoryChanged();
    void atStartOfHistoryChanged();
    void atLatestChanged();
    // The store has nothing (contiguous) older than beforeSeq: fetch from the
    // server and call prepend() or historyRequestFailed().
    void olderMessagesRequested(const QString &conversationId, qint64 beforeSeq, int limit);
    // jumpToLatest without a store: the service calls setMessages() with the latest page.
    void latestMessagesRequested(const QString &conversationId);

private:
    int serverCount() const { return m_pendingStart; }
    int findSeq(qint64 seq) const; // row of seq, -1 if absent
    int insertionRow(qint64 seq) const; // row where seq belongs among server rows
    int findPending(const QString &clientId) const;
    bool isOwn(const api::Message &m) const
    {
        return !m_ownUserId.isEmpty() && m.senderId == m_ownUserId;
    }
    void insertServerRow(int row, const api::Message &m);
    // Batched appendOrMerge: the end of the run from `from` that goes right
    // after the window's last row (from itself if none), and its insertion.
    qsizetype plainAppendRun(const QList<api::Message> &messages, qsizetype from) const;
    void appendRun(const QList<api::Message> &messages, qsizetype from, qsizetype end);
    void removeRows(int first, int last);
    void trimTop(); // after new rows at the bottom
    void trimBottom(); // after older rows at the top
    void neighbourChanged(int row); // rows whose derived roles depend on row-1
    void setLoadingOlder(bool loading);
    void setAtStart(bool atStart);
    void setAtLatest(bool atLatest);
    void insertOlder(QList<api::Message> page);
    void applyOlderFromStore(quint64 generation, const QList<api::Message> &page);
    void applyNewerFromStore(quint64 generation, QList<api::Message> page);
    bool sameDay(const api::Message &a, const api::Message &b) const;
    QStringList readers(const api::Message &m) const;

    QString m_conversationId;
    QString m_ownUserId;
    QPointer<store::ChatStore> m_store;
    QList<api::Message> m_rows; // [0, m_pendingStart): server rows by seq; then pending rows
    int m_pendingStart = 0;
    QHash<ClientKey, qint64> m_seqByClientId; // server rows in the window
    QList<api::Participant> m_participants;
    int m_maxRows = 1000;
    int m_pageSize = 50;
    bool m_loadingOlder = false;
    bool m_loadingNewer = false;
    bool m_atStart = false;
    bool m_atLatest = true;
    quint64 m_generation = 0; // bumped by resets, so late store answers are dropped
};

} // namespace ringchat::models
