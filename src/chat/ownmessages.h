// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Our own messages until the server has them: sending, retry, discard, a rewrite
// while unsent, and the rows the models show for them (sending / failed) before the
// stored copy arrives. It owns the OutboxSender (which sends these and our actions
// on messages, MessageActions) and keeps its entries where the cache is; the stored
// copy itself goes into the timelines through the chat service (delivered()).

#include "api/types.h"
#include "chat/outboxsender.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QString>
#include <QStringList>

namespace ringchat::api {
class RestClient;
}

namespace ringchat::chat {

class AttachmentStager;
class AttachmentUploader;
class ChatCache;
class Timelines;

class OwnMessages : public QObject
{
    Q_OBJECT
public:
    // `cache` is read at each write, so it may become null later (sign-out): the
    // entries then live in memory only. The timelines give our user id and, while
    // the server has not said our name, the name our cached participant rows hold.
    OwnMessages(EmitEvent send, ChatCache *const &cache, const Timelines &timelines,
                QObject *parent = nullptr);

    OutboxSender *sender() const { return m_sender; }

    // Our name as the server says it (the sender name of the rows below).
    void setUserName(const QString &name) { m_userName = name; }

    // Queues a message; returns its clientId (empty when the content or the ids are
    // not valid). replyTo: a message id, or our held message's clientId; mentions:
    // the user ids it mentions (contract v2; repeats count once).
    QString send(const QString &conversationId, const QString &content, const QString &replyTo = QString(),
                 api::Message::Format format = api::Message::Format::Plain,
                 const QStringList &mentions = QStringList());
    // Files (contract v2): sends with files copy them into `filesDirectory` when queued
    // (AttachmentStager) and upload them through `rest` before going out
    // (AttachmentUploader). Call once, before restore().
    void enableAttachments(api::RestClient *rest, const QString &filesDirectory);
    // Queues a message with files (content may then be empty): its row shows at once,
    // the files are copied off this thread, then it is queued. Returns its clientId,
    // or empty with the sentence in *refusal (a file not readable or over 25 MiB,
    // more than 10 files, bad ids); a copy that fails later is failed() and the row goes.
    QString sendWithFiles(const QString &conversationId, const QString &content, const QStringList &paths,
                          const QString &replyTo, api::Message::Format format, const QStringList &mentions,
                          QString *refusal);

    // A send that has not gone out yet takes new content (its row follows); false
    // when it has gone out (an edit must be sent then) or is unknown.
    bool rewrite(const QString &clientId, const QString &content);
    bool retry(const QString &clientId) { return m_sender->retry(clientId); }
    bool discard(const QString &clientId);
    // Sign-out: every entry dropped for good, without signals.
    void discardAll();
    // The entries read back from the cache at start; their rows are announced.
    void restore(const QList<OutboxEntry> &entries);

    // The link is synced (replay sends what waits) or gone.
    void setOnline(bool online) { m_sender->setOnline(online); }
    void replay() { m_sender->replay(); }

    bool contains(const QString &clientId) const
    {
        return m_sender->contains(clientId) || m_staging.contains(clientId);
    }
    int pendingCount() const { return m_sender->pendingCount() + int(m_staging.size()); }
    // The rows of the conversation's entries that `held` does not hold yet, in send order.
    QList<api::Message> pendingRows(const QString &conversationId, const QList<api::Message> &held) const;
    // Sending or failed: the state of a message the server has not stored.
    api::DeliveryState unsentState(const QString &clientId) const;

signals:
    // New rows (send, restore), updated ones (failed, back in line after retry),
    // and a discarded one.
    void rowsInserted(const QString &conversationId, const QList<ringchat::api::Message> &rows);
    void rowUpdated(const QString &conversationId, const ringchat::api::Message &row);
    void rowRemoved(const QString &conversationId, const QString &clientId);
    // The server stored it (stored.id is empty when its ack was unreadable), or gave up.
    void delivered(const QString &clientId, const ringchat::api::Message &stored);
    void failed(const QString &clientId, const QString &error);
    // Bytes of a send's files on the server so far, of `total`.
    void uploadProgress(const QString &conversationId, const QString &clientId, qint64 sent, qint64 total);

private:
    OutboxEntry newEntry(const QString &conversationId, const QString &content, const QString &replyTo,
                         api::Message::Format format, const QStringList &mentions) const;
    static bool validMentions(const QStringList &mentions);
    api::Message row(const OutboxEntry &entry) const;
    void announceUpdate(const QString &clientId);

    const Timelines &m_timelines;
    OutboxSender *m_sender;
    QString m_userName;
    AttachmentStager *m_stager = nullptr;
    AttachmentUploader *m_uploader = nullptr;
    QHash<QString, OutboxEntry> m_staging; // sends whose files are being copied, by clientId
};

} // namespace ringchat::chat
