// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The conversation list: one row per conversation, newest activity first,
// optionally filtered by a search string.
//
// Made and fed by the chat service (it reaches QML as a QAbstractItemModel).
// Besides the conversations themselves the list shows live state:
//  - presence of the other person of a direct chat, read from its one owner
//    (the chat service's PresenceTracker, through setPresenceSource);
//    presenceChanged(userId) refreshes the rows that show it;
//  - who is typing in each conversation (setTyping), as a ready sentence
//    ("Bob is typing…"); the feeder follows the chat service's TypingTracker,
//    the one place typers expire;
//  - the user's unsent draft in each conversation (setDraft), as its first line;
//    the row shows "Draft: …" when the conversation is not the open one.
// Both are also readable for any conversation/user through typingText() and
// presence(), with typingChanged / presenceChanged signals.

#include "api/types.h"

#include <QAbstractListModel>
#include <QHash>
#include <QTimer>

#include <functional>

namespace ringchat::models {

class ConversationListModel : public QAbstractListModel
{
    Q_OBJECT
    // Case-insensitive substring of the title or of a participant's name; empty shows all.
    Q_PROPERTY(QString filter READ filter WRITE setFilter NOTIFY filterChanged)
    Q_PROPERTY(int count READ count NOTIFY countChanged)
    // The tray count: each conversation's unread messages as its notification level
    // counts them (api::countedUnread: mentions only at "mentions", none when muted).
    Q_PROPERTY(int totalUnread READ totalUnread NOTIFY totalUnreadChanged)

public:
    enum Role {
        IdRole = Qt::UserRole + 1,
        TitleRole,             // group title, or the other participant's name in a direct chat
        TypeRole,              // "direct" | "group"
        LastMessageTextRole,   // preview (first line, plain text; "Message deleted" for a tombstone)
        LastMessageSenderRole, // sender name of the last message
        LastActivityRole,      // QDateTime (UTC) the list sorts by
        UnreadCountRole,
        OtherUserIdRole, // direct chats: the other participant's id; "" for groups
        PresenceRole,    // direct chats: "online" | "away" | "offline"; "" for groups
        LastSeenRole,    // direct chats: QDateTime, invalid when unknown or online
        TypingTextRole,  // "Bob is typing…", "" when nobody types
        ParticipantCountRole,
        DraftTextRole, // the first line of the user's unsent draft; "" when none
        // Mentions and notification levels (contract v2)
        UnreadMentionCountRole, // unread messages that mention me (the "@" badge)
        NotifyLevelRole,        // "all" | "mentions" | "none"
        MutedRole,              // bool: muted now (a muted icon, a greyed unread count)
        MutedUntilRole,         // QDateTime, invalid when not muted
        MutedForeverRole,       // bool: muted until I turn it back on
    };
    Q_ENUM(Role)

    // A user's presence as its owner knows it: status "online" | "away" | "offline".
    struct UserPresence
    {
        QString status;
        QDateTime lastSeen;
    };
    using PresenceSource = std::function<UserPresence(const QString &userId)>;

    explicit ConversationListModel(QObject *parent = nullptr);

    // Whose list this is (decides the other participant of a direct chat).
    void setOwnUserId(const QString &userId);
    QString ownUserId() const { return m_ownUserId; }

    QString filter() const { return m_filter; }
    void setFilter(const QString &filter);
    int count() const { return int(m_rows.size()); }
    int totalUnread() const;

    // ---- called by the chat service ----
    // Replaces everything (a reset).
    void setConversations(const QList<api::Conversation> &conversations);
    // Adds or replaces one conversation (conversation_updated, a new chat).
    void upsert(const api::Conversation &conversation);
    // Where presence is read from (without one, everyone is offline).
    void setPresenceSource(PresenceSource source);
    // The source's answer for userId changed: the rows showing it refresh.
    void presenceUpdated(const QString &userId);
    // Who types now (the feeder follows the chat service's TypingTracker).
    void setTyping(const QString &conversationId, const QString &userId, const QString &userName,
                   bool isTyping);
    // The user's unsent draft in a conversation ("" when none).
    void setDraft(const QString &conversationId, const QString &text);

    // ---- reads ----
    Q_INVOKABLE int indexOf(const QString &conversationId) const;
    // The notification settings of a conversation (defaults when unknown).
    api::NotifySettings notifySettings(const QString &conversationId) const;
    Q_INVOKABLE QString typingText(const QString &conversationId) const;
    // {"status": "online"|"away"|"offline", "lastSeen": QDateTime}
    Q_INVOKABLE QVariantMap presence(const QString &userId) const;
    // A direct chat's display title for any conversation (also for filtered-out rows).
    QString titleOf(const api::Conversation &conversation) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

Q_SIGNALS:
    void filterChanged();
    void countChanged();
    void totalUnreadChanged();
    void typingChanged(const QString &conversationId, const QString &text);
    void presenceChanged(const QString &userId);

private:
    struct Typist
    {
        QString userId;
        QString name;
    };

    const api::Participant *otherParticipant(const api::Conversation &c) const;
    bool matchesFilter(const api::Conversation &c) const;
    bool sortsBefore(const api::Conversation &a, const api::Conversation &b) const;
    // Inserts, moves, removes or refreshes the row of one conversation after it changed.
    void reposition(const QString &conversationId);
    void rebuildRows();
    void refreshRoles(const QString &conversationId, const QList<int> &roles);
    UserPresence presenceOf(const QString &userId) const;
    // Re-counts the total (and the muted rows) when the next mute ends.
    void updateTotalUnread();
    void scheduleMuteEnd();

    QString m_ownUserId;
    QString m_filter;
    QHash<QString, api::Conversation> m_conversations;
    QStringList m_rows; // visible conversation ids, in display order
    PresenceSource m_presenceSource;
    QHash<QString, QList<Typist>> m_typing;
    QHash<QString, QString> m_drafts; // preview lines, only of conversations with a draft
    int m_lastTotalUnread = 0;
    QTimer *m_muteEnds = nullptr;
};

} // namespace ringchat::models
