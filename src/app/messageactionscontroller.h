// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// What the user does to the messages of the open conversation (CurrentConversation's
// `actions`): the message being replied to (the composer's quote bar), the message
// being edited in place, and delete and react. Each action goes to the chat service
// (the outbox); a refusal, at once or later from the server (actionRefused), becomes
// `notice`: one sentence the window shows for a few seconds. The window's side of
// the actions: chat::MessageActions is the engine that keeps them in the outbox and
// shows them on the rows until the server answers.

#include <QObject>
#include <QPointer>
#include <QStringList>
#include <QTimer>
#include <QtQml/qqmlregistration.h>

class QAbstractItemModel;

namespace ringchat::chat {
class ChatService;
}

namespace ringchat::app {

class MessageActionsController : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Reached through CurrentConversation.actions")
    // The message the next send replies to ("" when none), with what the quote bar shows.
    Q_PROPERTY(QString replyToId READ replyToId NOTIFY replyTargetChanged)
    Q_PROPERTY(QString replySenderName READ replySenderName NOTIFY replyTargetChanged)
    Q_PROPERTY(QString replySnippet READ replySnippet NOTIFY replyTargetChanged)
    Q_PROPERTY(bool replying READ replying NOTIFY replyTargetChanged)
    // The message being edited: its key (message id, or clientId while queued) and
    // its text when the edit began; "" when none.
    Q_PROPERTY(QString editingKey READ editingKey NOTIFY editingChanged)
    Q_PROPERTY(QString editingText READ editingText NOTIFY editingChanged)
    Q_PROPERTY(bool editing READ editing NOTIFY editingChanged)
    // Why the last action was refused, as a sentence; "" once it has been shown long enough.
    Q_PROPERTY(QString notice READ notice NOTIFY noticeChanged)

public:
    explicit MessageActionsController(QObject *parent = nullptr);

    // The conversation the actions apply to; a new one ends any reply or edit.
    void setConversation(chat::ChatService *service, const QString &conversationId,
                         QAbstractItemModel *messages);

    QString replyToId() const { return m_replyToId; }
    QString replySenderName() const { return m_replySenderName; }
    QString replySnippet() const { return m_replySnippet; }
    bool replying() const { return !m_replyToId.isEmpty(); }
    QString editingKey() const { return m_editingKey; }
    QString editingText() const { return m_editingText; }
    bool editing() const { return !m_editingKey.isEmpty(); }
    QString notice() const { return m_notice; }
    // How long a notice stays (tests shorten it).
    void setNoticeDuration(int ms) { m_noticeTimer.setInterval(ms); }

    // Reply: only to a message the server has (it has an id).
    Q_INVOKABLE bool startReply(const QString &messageId, const QString &senderName, const QString &text);
    Q_INVOKABLE void cancelReply();
    // Sends text as a reply when one is being written, else as a new message (as
    // format "markdown" when asked); returns the clientId ("" when it cannot be
    // sent). The reply ends once sent.
    // With `files` (paths; text may then be empty) it goes through sendMessageWithFiles,
    // whose refusal (sendRefused) becomes the notice. mentions: the user ids it mentions.
    QString send(const QString &text, bool markdown = false, const QStringList &files = {},
                 const QStringList &mentions = {});

    Q_INVOKABLE bool startEdit(const QString &messageKey, const QString &text);
    // Up in an empty composer: our newest message that may still be edited.
    Q_INVOKABLE bool editLast();
    // Saves the edit (the same text just ends it); false when refused (see notice).
    Q_INVOKABLE bool saveEdit(const QString &text);
    Q_INVOKABLE void cancelEdit();

    // After the user confirmed it.
    Q_INVOKABLE bool deleteMessage(const QString &messageKey);
    Q_INVOKABLE bool react(const QString &messageId, const QString &emoji, bool on);

    Q_INVOKABLE void dismissNotice() { setNotice({}); }

    // What a quote shows of a message: its first 140 characters on one line.
    static QString snippetOf(const QString &text);

signals:
    void replyTargetChanged();
    void editingChanged();
    void noticeChanged();

private:
    void setReply(const QString &id, const QString &senderName, const QString &snippet);
    void setEditing(const QString &key, const QString &text);
    void setNotice(const QString &sentence);
    bool ready() const;

    QPointer<chat::ChatService> m_service;
    QString m_conversationId;
    QPointer<QAbstractItemModel> m_messages;
    QString m_replyToId;
    QString m_replySenderName;
    QString m_replySnippet;
    QString m_editingKey;
    QString m_editingText;
    QString m_notice;
    QTimer m_noticeTimer;
};

} // namespace ringchat::app
