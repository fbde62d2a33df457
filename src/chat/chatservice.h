// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The chat engine, one per account: an orchestrator. It owns the Socket.IO client,
// the REST client and the helpers below, wires them together, and tells the
// models (and the CLI) what changed through signals.
//
//  - Timelines: the held conversations and messages, read markers, unread counts,
//    delivery state and readers (no I/O).
//  - TimelineWriter: the one way they change: applies what arrives, saves what the
//    server sent to the cache, and says what changed (the signals below).
//  - decodeServerEvent: server events as typed, validated structs.
//  - CacheReader: the start-up read of the cache, and each shown conversation's latest page.
//  - HistoryLoader: the one history path (cache, then server; server pages cached).
//  - ConnectionManager: connect / token refresh / rate limit / pause-resume.
//  - ServerSync: after every (re)connect, fetches what was missed: new messages
//    (GapFiller, REST direction=after) and changes (ChangeCatchUp, REST changes?since=).
//  - OwnMessages: our messages until the server has them (OutboxSender: durable
//    optimistic sending, exactly once per clientId), and their sending / failed rows.
//  - MessageActions: our edits, deletes and reactions through the same outbox, shown
//    on the rows at once until the server answers.
//  - OutgoingEvents: typing (TypingNotifier), mark_read at most every 500 ms per
//    conversation (ReadReceiptBatcher), joining and leaving conversations.
//  - TypingTracker: other people's typing.
//  - PresenceTracker: the one owner of presence (online / away / last seen).
//
// Everything runs on the GUI thread. The cache (may be null) is not owned: it does
// its disk work on its own worker thread.

#include "api/types.h"
#include "chat/chatcache.h"
#include "chat/connectionmanager.h"
#include "chat/messageactions.h"
#include "chat/outgoingevents.h"
#include "chat/ownmessages.h"
#include "chat/presencetracker.h"
#include "chat/readreceiptbatcher.h"
#include "chat/servereventdecoder.h"
#include "chat/timelines.h"
#include "chat/typingnotifier.h"
#include "chat/typingtracker.h"

#include <QHash>
#include <QJsonValue>
#include <QObject>
#include <QSet>
#include <QUrl>

#include <functional>
#include <memory>

namespace ringchat::auth {
class AccessTokenSource;
}
namespace ringchat::api {
class RestClient;
}
namespace ringchat::net {
class SocketIoClient;
class Payload;
} // namespace ringchat::net
namespace ringchat::models {
class ConversationListModel;
class MessageListModel;
} // namespace ringchat::models

namespace ringchat::chat {

class CacheReader;
class HistoryLoader;
class ModelFeeder;
class ServerSync;
class TimelineWriter;

class ChatService : public QObject
{
    Q_OBJECT
    Q_PROPERTY(ringchat::chat::ConnectionManager::Status status READ status NOTIFY statusChanged)
    Q_PROPERTY(int secondsUntilRetry READ secondsUntilRetry NOTIFY secondsUntilRetryChanged)
    Q_PROPERTY(QString userId READ userId NOTIFY userChanged)
    Q_PROPERTY(QString userName READ userName NOTIFY userChanged)
    Q_PROPERTY(bool synced READ isSynced NOTIFY syncedChanged)

public:
    struct Options
    {
        QUrl serverUrl;
        int latestPageSize = 50; // messages loaded when a conversation is first opened
        // Messages per conversation read from the cache at start: the newest one
        // (list preview, gap fill cursor); the page comes when the conversation is shown.
        int startupMessagesPerConversation = 1;
        int gapPageSize = 200; // REST page size of the gap fill
        // Newest messages kept in memory per conversation; older ones stay in the cache
        // (fetchOlder reads them back).
        int maxHeldPerConversation = 5000;
        int reconnectInitialMs = 1000;
        int reconnectMaxMs = 5000;
        int ackTimeoutMs = 10000;
        bool watchNetwork = true;
        // Timings (tests shorten them).
        int typingRepeatMs = 3000;
        int typingIdleMs = 1500;
        int typingExpiryMs = 6000;
        int readBatchMs = 500;
        int awayAfterMs = 5 * 60 * 1000;
        // Where queued messages' files are copied (the account's folder; ChatAccount
        // puts it beside the cache file). Empty: a temporary folder of this process.
        QString filesDirectory;
    };

    // The token source and the cache must outlive the service; the cache may be null.
    ChatService(Options options, auth::AccessTokenSource *tokens, ChatCache *cache,
                QObject *parent = nullptr);
    ~ChatService() override;

    // Reads the cache (conversations and latest messages show at once), then connects.
    void start();
    void stop();
    // Sign-out: disconnects, forgets everything held and deletes the account's cache
    // (queued messages included). The service is not usable afterwards.
    void signOut();

    ConnectionManager *connection() const { return m_connection; }
    ConnectionManager::Status status() const { return m_connection->status(); }
    int secondsUntilRetry() const { return m_connection->secondsUntilRetry(); }
    Q_INVOKABLE void retryNow() { m_connection->retryNow(); }
    Q_INVOKABLE void pause() { m_connection->pause(); }   // system suspend
    Q_INVOKABLE void resume() { m_connection->resume(); } // wake / network back
    QString userId() const { return m_userId; }
    QString userName() const { return m_userName; }
    bool isSynced() const { return m_synced; }
    bool isCacheLoaded() const;

    net::SocketIoClient *socket() const { return m_socket; }
    api::RestClient *rest() const { return m_rest; }
    PresenceTracker *presence() const { return m_presence; }
    // The one history path (the message models page through it).
    HistoryLoader *history() const { return m_history; }

    // ---- Models for the UI (made on first use, fed from then on)
    Q_INVOKABLE ringchat::models::ConversationListModel *conversationModel();
    Q_INVOKABLE ringchat::models::MessageListModel *messageModel(const QString &conversationId);

    // ---- Conversations
    QList<api::Conversation> conversations() const
    {
        return m_timelines.conversations();
    } // most recent activity first
    std::optional<api::Conversation> conversation(const QString &id) const
    {
        return m_timelines.conversation(id);
    }
    // Join (typing events, and keeps it joined across reconnects) and load its latest messages.
    Q_INVOKABLE void openConversation(const QString &conversationId);
    Q_INVOKABLE void closeConversation(const QString &conversationId);

    // ---- Messages
    // Held messages ascending by seq, then the outbox ones (sending / failed).
    QList<api::Message> messages(const QString &conversationId) const;
    qint64 highestHeldSeq(const QString &conversationId) const
    {
        return m_timelines.highestHeldSeq(conversationId);
    }
    // Older history through the history path (the cache when it holds it without a
    // gap, then the server), added to the held messages. done(ok, how many were added).
    void fetchOlder(const QString &conversationId, int limit, std::function<void(bool, int)> done = {});

    // Optimistic send; returns the clientId (empty when the content is not valid).
    // replyTo: the id of the message answered (its row shows a preview at once);
    // markdown: the content is meant as markdown (contract v2 `format`); mentions: the
    // user ids the message mentions (contract v2 `mentions`, each a participant).
    Q_INVOKABLE QString sendMessage(const QString &conversationId, const QString &content,
                                    const QString &replyTo = QString(), bool markdown = false,
                                    const QStringList &mentions = QStringList());
    // Actions on messages (contract v2), through the outbox like sends (MessageActions):
    // the row shows the outcome at once (Message::pendingChange), then the server's
    // state (actionApplied), or goes back with actionRefused. messageKey is a message
    // id, or the clientId of our message the server may not have yet: while that send
    // has not gone out, an edit rewrites it and a delete drops it. An edit keeps the
    // message's format. Each returns the action's id, empty when refused at once
    // (invalid ids, content or emoji).
    Q_INVOKABLE QString editMessage(const QString &conversationId, const QString &messageKey,
                                    const QString &content)
    {
        return m_actions->edit(conversationId, messageKey, content);
    }
    Q_INVOKABLE QString deleteMessage(const QString &conversationId, const QString &messageKey)
    {
        return m_actions->remove(conversationId, messageKey);
    }
    Q_INVOKABLE QString setReaction(const QString &conversationId, const QString &messageId,
                                    const QString &emoji, bool on)
    {
        return m_actions->react(conversationId, messageId, emoji, on);
    }
    // ---- Files (contract v2; chatservicefiles.cpp)
    // A message with files (text optional): each is copied into filesDirectory first,
    // uploaded before the message goes out (uploadProgress), and the message is sent
    // once; a failed upload is a failed send (retryMessage, discardMessage; discarding
    // cancels the upload). Returns the clientId, or empty after sendRefused says why
    // (a file not readable or over 25 MiB, more than 10 files).
    Q_INVOKABLE QString sendMessageWithFiles(const QString &conversationId, const QString &content,
                                             const QStringList &paths, const QString &replyTo = QString(),
                                             bool markdown = false,
                                             const QStringList &mentions = QStringList());
    // The attachment with this id among the held messages, else in the cache (nullopt:
    // never seen). Its sha256 is what a download is checked against.
    void findAttachment(const QString &attachmentId,
                        std::function<void(const std::optional<api::Attachment> &)> done) const;

    // ---- Notification settings (contract v2; chatservicenotify.cpp)
    // PUT …/settings: my level and mute for one conversation. The answer updates the
    // conversation (conversationChanged, the cache) as conversation_updated does on my
    // other devices; a refusal is notifySettingsFailed.
    void setNotifySettings(const QString &conversationId, const api::NotifySettings &settings);
    // The same by name: level "all" | "mentions" | "none", muted for muteMinutes from now
    // (0: not muted; negative: until I turn it back on, NotifySettings::mutedForever).
    // False on a bad level.
    Q_INVOKABLE bool setNotifyLevel(const QString &conversationId, const QString &level, int muteMinutes = 0);

    Q_INVOKABLE bool retryMessage(const QString &clientId) { return m_own->retry(clientId); }
    Q_INVOKABLE bool discardMessage(const QString &clientId) { return m_own->discard(clientId); }
    int outboxPending() const { return m_own->pendingCount(); }
    // The account's folder for files (Options::filesDirectory; empty: none set).
    QString filesDirectory() const { return m_options.filesDirectory; }

    // Delivery state of one of our messages (sending / sent / read / failed), and who read it.
    api::DeliveryState deliveryState(const api::Message &message) const;
    QStringList readers(const QString &conversationId, qint64 seq) const
    {
        return m_timelines.readers(conversationId, seq);
    }

    // ---- Typing, receipts, presence
    Q_INVOKABLE void userTyped(const QString &conversationId);
    Q_INVOKABLE void userStoppedTyping(const QString &conversationId)
    {
        m_out->typing()->stop(conversationId);
    }
    QStringList typers(const QString &conversationId) const { return m_typingIn->typerIds(conversationId); }
    QStringList typerNames(const QString &conversationId) const
    {
        return m_typingIn->typerNames(conversationId);
    }
    Q_INVOKABLE void markVisible(const QString &conversationId, qint64 highestVisibleSeq)
    {
        m_out->receipts()->markVisible(conversationId, highestVisibleSeq);
    }
    Q_INVOKABLE void noteUserActivity() { m_presence->noteUserActivity(); }
    Q_INVOKABLE QString presenceText(const QString &userId) const { return m_presence->describe(userId); }

signals:
    void statusChanged(ringchat::chat::ConnectionManager::Status status);
    void secondsUntilRetryChanged(int seconds);
    void userChanged();
    void syncedChanged(bool synced);
    void authFailed(const QString &error);
    void cacheLoaded();
    // The conversation's latest page came from the cache (asked for by messageModel()
    // or openConversation()): its model reloads from messages().
    void latestPageLoaded(const QString &conversationId);

    void conversationsChanged();
    void conversationChanged(const QString &conversationId);
    // New rows (server messages or our optimistic ones), ascending.
    void messagesInserted(const QString &conversationId, const QList<ringchat::api::Message> &messages);
    // A row changed: found by clientId (an echo or ack replaced the optimistic row,
    // or its delivery state changed).
    void messageUpdated(const QString &conversationId, const ringchat::api::Message &message);
    void messageRemoved(const QString &conversationId, const QString &clientId);
    // Newer states of server messages (edits, deletes, reactions: the rev rule): rows
    // that show them are replaced; nothing is inserted.
    void messagesChanged(const QString &conversationId, const QList<ringchat::api::Message> &messages);
    void readMarkersChanged(const QString &conversationId);
    void typersChanged(const QString &conversationId);
    void presenceChanged(const QString &userId);
    // Our message reached the server (sent) or gave up (failed).
    void messageDelivered(const QString &clientId, const ringchat::api::Message &stored);
    void messageFailed(const QString &clientId, const QString &error);
    // A message with files was not queued (sendMessageWithFiles): the sentence says why.
    void sendRefused(const QString &conversationId, const QString &sentence);
    // PUT …/settings was refused or failed (the sentence says why).
    void notifySettingsFailed(const QString &conversationId, const QString &sentence);
    // Bytes of our message's files on the server so far, of `total` (its pending row's bar).
    void uploadProgress(const QString &conversationId, const QString &clientId, qint64 sent, qint64 total);
    // The server did an action (or it was so already): `state` is the message as the
    // server has it (its id empty when the ack was unreadable); the row shows it.
    void actionApplied(const QString &actionId, const ringchat::api::Message &state);
    // The server refused an action (code as in the contract, e.g. EDIT_WINDOW_CLOSED,
    // FORBIDDEN, GONE): its row is back as the server has it; sentence says why.
    void actionRefused(const QString &conversationId, const QString &messageKey, const QString &code,
                       const QString &sentence);
    // Every server event as it arrived (the CLI's tail prints these). Its QJsonValue
    // is a deep copy of the parsed packet, built only while something is connected:
    // prefer the typed signals below on hot paths.
    void serverEvent(const QString &event, const QJsonValue &data);
    // A live message_received that passed validation, before it is ingested.
    void messageReceived(const ringchat::api::Message &message);
    void serverError(const QString &code, const QString &message);

private:
    void onOnline();
    void onLinkLost();
    void onEvent(const QString &event, const net::Payload &payload);
    void apply(ServerEvent event);
    // Once per conversation: its latest page from the cache (after the start-up read).
    void loadCachedPage(const QString &conversationId);
    void onJoined(const QString &conversationId, const JoinReply &reply);
    void onDelivered(const QString &clientId, const api::Message &stored);
    void setSynced(bool synced);
    void setUser(const QString &id, const QString &name);

    Options m_options;
    auth::AccessTokenSource *m_tokens;
    ChatCache *m_cache;
    net::SocketIoClient *m_socket;
    api::RestClient *m_rest;
    ConnectionManager *m_connection;
    OwnMessages *m_own;
    MessageActions *m_actions;
    ServerSync *m_sync;
    TimelineWriter *m_writer;
    OutgoingEvents *m_out;
    TypingTracker *m_typingIn;
    PresenceTracker *m_presence;
    HistoryLoader *m_history;
    CacheReader *m_reader;
    ModelFeeder *m_models = nullptr;

    Timelines m_timelines;
    QString m_userId;
    QString m_userName;
    bool m_synced = false;
    bool m_started = false;
};

} // namespace ringchat::chat
