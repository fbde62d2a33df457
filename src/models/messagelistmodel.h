// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The messages of one conversation, oldest first, with the messages not yet
// confirmed by the server (pending: seq 0, from the outbox) after all others.
//
// Memory is bounded: the model holds a window of at most maxRows server
// messages (default 1000). New messages at the bottom push the oldest rows out
// of the window; scrolling up (fetchMore / loadOlder) reads them back through
// the chat service's history path (setHistory: the cache, then the server).
// Scrolling far up drops rows at the bottom instead; then atLatest is false,
// live messages are not inserted (they are in the cache) and loadNewer() /
// jumpToLatest() bring the window back down. Without a history source the
// model pages nothing.
//
// A QML ListView with TopToBottom layout calls fetchMore at the bottom end, so
// the chat view calls loadOlder() itself when scrolled to the top.
//
// Delivery state of own messages: Sending / Failed while pending (set by the
// service with setDeliveryState), then Sent, and Read once another
// participant's read marker (setReadMarker) reaches the seq.

#include "api/types.h"
#include "models/editwindowtimer.h"
#include "models/messagehistory.h"
#include "models/messageroles.h"

#include <QAbstractListModel>
#include <QHash>
#include <QSet>

#include <utility>

namespace ringchat::models {

class MessageListModel : public QAbstractListModel
{
    Q_OBJECT
    Q_PROPERTY(QString conversationId READ conversationId CONSTANT)
    Q_PROPERTY(int count READ count NOTIFY countChanged)
    Q_PROPERTY(int maxRows READ maxRows WRITE setMaxRows NOTIFY maxRowsChanged)
    // True while older history is being read (from the cache or the server).
    Q_PROPERTY(bool loadingHistory READ isLoadingHistory NOTIFY loadingHistoryChanged)
    // True when the first message of the conversation (seq 1) is in the window
    // or the server said there is nothing older.
    Q_PROPERTY(bool atStartOfHistory READ atStartOfHistory NOTIFY atStartOfHistoryChanged)
    // False after scrolling far up dropped the newest rows from the window.
    Q_PROPERTY(bool atLatest READ atLatest NOTIFY atLatestChanged)

public:
    enum Role {
        IdRole = Qt::UserRole + 1,
        ClientIdRole,
        SeqRole, // 0 while pending
        SenderIdRole,
        SenderNameRole,
        IsOwnRole,
        TextRole,                // plain text, never markup
        TypeRole,                // "text" | "system"
        TimestampRole,           // QDateTime (UTC)
        EditedRole,              // bool
        DaySeparatorRole,        // bool: first message of its (local) calendar day in the window
        GroupedWithPreviousRole, // bool: same sender as the previous row, within 5 minutes, same
                                 // day
        DeliveryStateRole,       // own messages: "sending" | "sent" | "read" | "failed"; others: ""
        ReadersRole,             // QStringList: names of other participants whose lastReadSeq >= seq
        IsReadRole,              // bool: someone other than the sender has read it
        IsPendingRole,           // bool: not yet confirmed by the server
        // Contract v2 (message actions):
        RevRole,             // the message's rev (0 from a v1 server)
        FormatRole,          // "plain" | "markdown"
        IsDeletedRole,       // bool: a tombstone ("Message deleted"; text is "")
        EditedAtRole,        // QDateTime, invalid when never edited
        HasReplyRole,        // bool: a reply to another message
        ReplyToIdRole,       // the replied-to message's id ("" when none)
        ReplyToSeqRole,      // its seq (0 when unknown)
        ReplySenderNameRole, // the server's snapshot of it: sender, first 140 characters,
        ReplySnippetRole,    //   and whether it is deleted
        ReplyDeletedRole,
        ReactionsRole,     // [{emoji, count, mine, names: [display name]}], in the server's order
        CanEditRole,       // bool: our own text message, not deleted, within the edit window
        CanDeleteRole,     // bool: our own, or any when we are a group's admin; not deleted
        PendingChangeRole, // "" | "edit" | "delete" | "react": our action not answered yet
        // ---- Files (issue 15)
        AttachmentsRole,    // [{id, name, mimeType, size, sizeText, width, height, isImage}]
                            // (models/attachmentview.h), in the sender's order
        UploadProgressRole, // 0..1: how much of our pending message's files the server has
        // Mentions (contract v2)
        MentionsMeRole, // bool: the message mentions us (someone else's; the bubble is highlighted)
    };
    Q_ENUM(Role)

    MessageListModel(const QString &conversationId, const QString &ownUserId, QObject *parent = nullptr);

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

    // Where fetchMore / loadNewer / jumpToLatest read from (may be null: no
    // paging). It must outlive the model.
    void setHistory(MessageHistory *history);
    // Names, read markers and roles of the conversation's participants.
    void setParticipants(const QList<api::Participant> &participants);
    // A group (its admins may delete anyone's message) or a direct chat.
    void setGroup(bool group);

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
    // Newer states of messages (edits, deletes, reactions): a row showing one (by seq,
    // a pending one by clientId) is replaced when the copy is newer (api::supersedes).
    // Never inserts.
    void applyChanges(const QList<api::Message> &messages);
    // ---- Files (issue 15)
    // ChatService::uploadProgress of our pending message: its row's uploadProgress.
    void setUploadProgress(const QString &clientId, qint64 sent, qint64 total);

    // ---- reads ----
    std::optional<api::Message> messageByClientId(const QString &clientId) const;
    // Row of a message in the window, -1 if it is not there (e.g. to scroll to it).
    Q_INVOKABLE int rowOfSeq(qint64 seq) const { return findSeq(seq); }
    Q_INVOKABLE int rowOfClientId(const QString &clientId) const;
    Q_INVOKABLE int rowOfMessageId(const QString &id) const;
    // Our newest message that canEdit (Up in an empty composer edits it); -1 if none.
    Q_INVOKABLE int lastEditableRow() const;
    qint64 firstSeq() const; // lowest seq in the window, 0 if none
    qint64 lastSeq() const;  // highest seq in the window, 0 if none

    // ---- scrolling ----
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;
    Q_INVOKABLE void loadOlder() { fetchMore({}); }
    // After scrolling far up: read the next page below the window.
    Q_INVOKABLE void loadNewer();
    // Back to the newest messages (the window is replaced).
    Q_INVOKABLE void jumpToLatest();
    // Shows the message at seq: revealed(row) at once when it is in the window, else
    // after the window is replaced by the page around it (the history path: the
    // cache, else the server's messages?around=).
    Q_INVOKABLE void jumpTo(int seq);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

Q_SIGNALS:
    void countChanged();
    void maxRowsChanged();
    void loadingHistoryChanged();
    void atStartOfHistoryChanged();
    void atLatestChanged();
    // jumpTo(seq) found it: the row to scroll to (and highlight).
    void revealed(int row);

private:
    int serverCount() const { return m_pendingStart; }
    int findSeq(qint64 seq) const;      // row of seq, -1 if absent
    int insertionRow(qint64 seq) const; // row where seq belongs among server rows
    int findPending(const QString &clientId) const;
    void insertServerRow(int row, const api::Message &m);
    // Replaces the row's message when `message` is newer (api::supersedes), or the same
    // state with our pending action shown or withdrawn.
    bool replaceIfNewer(int row, const api::Message &message);
    // Batched appendOrMerge: the end of the run from `from` that goes right
    // after the window's last row (from itself if none), and its insertion.
    qsizetype plainAppendRun(const QList<api::Message> &messages, qsizetype from) const;
    void appendRun(const QList<api::Message> &messages, qsizetype from, qsizetype end);
    void removeRows(int first, int last);
    void trimTop();                 // after new rows at the bottom
    void trimBottom();              // after older rows at the top
    void neighbourChanged(int row); // rows whose derived roles depend on row-1
    void setLoadingOlder(bool loading);
    void setAtStart(bool atStart);
    void setAtLatest(bool atLatest);
    void insertOlder(QList<api::Message> page);
    // A history request's callback: apply(page) on the next pass, unless a reset came first.
    template <typename Apply> MessageHistory::Done answer(Apply apply);
    void applyOlder(const MessageHistory::Page &page);
    void applyNewer(const MessageHistory::Page &page);
    void applyLatest(const MessageHistory::Page &page);
    void applyAround(const MessageHistory::Page &page);
    // Replaces the server rows (keeps the pending ones); atLatest as given.
    void resetWindow(const QList<api::Message> &messages, bool atLatest);

    QString m_conversationId;
    MessageHistory *m_history = nullptr;
    // [0, m_pendingStart): server rows by seq, one row a seq (a stored message is its
    // seq, as in the cache); then pending rows.
    QList<api::Message> m_rows;
    int m_pendingStart = 0;
    MessageRoles m_roles; // what each role shows; the participants' read markers
    int m_maxRows = 1000;
    int m_pageSize = 50;
    bool m_loadingOlder = false;
    qint64 m_olderBefore = 0; // firstSeq() when the older page was asked for
    bool m_loadingNewer = false;
    bool m_atStart = false;
    bool m_atLatest = true;
    qint64 m_jumpTarget = 0;   // the seq jumpTo is loading the page around
    int m_historyInFlight = 0; // history requests not applied yet
    // Changes of rows not in the window while history pages are on their way: they
    // apply once the pages are in (a page may have been read before the change).
    QHash<qint64, api::Message> m_changesAwaitingRows;
    quint64 m_generation = 0;       // bumped by resets, so late history answers are dropped
    EditWindowTimer *m_editWindows; // canEdit turns false when a window closes
    // ---- Files (issue 15): upload progress (0..1) of pending rows, by clientId.
    QHash<QString, double> m_uploadProgress;
};

} // namespace ringchat::models
