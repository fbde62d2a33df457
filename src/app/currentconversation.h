// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The QML singleton `CurrentConversation`: the conversation the user has open, as
// properties with change signals that the header, the history and the typing line
// bind to, and the actions on it (send, retry, discard, typing, read markers; reply,
// edit, delete and react are its `actions`). It follows the chat service, so a title,
// presence or typing change reaches the view by itself. It keeps the composer's
// draft and reply target in the account's Drafts, and brings both back when the
// conversation opens again.

#include "app/mentioncompleter.h"
#include "app/messageactionscontroller.h"
#include "app/pendingattachments.h"

#include <QAbstractItemModel>
#include <QObject>
#include <QPointer>
#include <QStringList>
#include <QtQml/qqmlregistration.h>

class QQmlEngine;
class QJSEngine;

namespace ringchat::chat {
class ChatService;
}

namespace ringchat::app {

class Drafts;
class Session;
class Settings;

class CurrentConversation : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON
    // The open conversation; "" when none. Setting it opens (joins and loads) it.
    Q_PROPERTY(
        QString conversationId READ conversationId WRITE setConversationId NOTIFY conversationIdChanged)
    Q_PROPERTY(QString title READ title NOTIFY titleChanged)
    // A group's member count, or the other person's presence ("online", "last seen ...").
    Q_PROPERTY(QString subtitle READ subtitle NOTIFY subtitleChanged)
    Q_PROPERTY(bool isGroup READ isGroup NOTIFY isGroupChanged)
    // Who is typing (names), and the sentence that says so.
    Q_PROPERTY(QStringList typers READ typers NOTIFY typersChanged)
    Q_PROPERTY(QString typingText READ typingText NOTIFY typersChanged)
    // Its MessageListModel, made and owned by the chat service.
    Q_PROPERTY(QAbstractItemModel *messages READ messages NOTIFY messagesChanged)
    // The window has focus (set by the window): read markers go out, notifications don't.
    Q_PROPERTY(bool windowActive READ windowActive WRITE setWindowActive NOTIFY windowActiveChanged)
    // The conversation open at the last run, once the account knows it ("" until then).
    Q_PROPERTY(QString restorableId READ restorableId NOTIFY restorableIdChanged)
    // Reply, edit, delete and react on this conversation's messages.
    Q_PROPERTY(ringchat::app::MessageActionsController *actions READ actions CONSTANT)
    // The composer's unsent text in this conversation (editDraft changes it).
    Q_PROPERTY(QString draft READ draft NOTIFY draftChanged)
    // The files chosen for the next message here (the strip above the composer).
    Q_PROPERTY(ringchat::app::PendingAttachments *files READ files NOTIFY filesChanged)
    // The composer's "@" list of this group's participants; its mentions go with send().
    Q_PROPERTY(ringchat::app::MentionCompleter *mentions READ mentions CONSTANT)
    // My notification settings here (contract v2): "all" | "mentions" | "none", and the mute.
    Q_PROPERTY(QString notifyLevel READ notifyLevel NOTIFY notifySettingsChanged)
    Q_PROPERTY(bool muted READ isMuted NOTIFY notifySettingsChanged)
    Q_PROPERTY(bool mutedForever READ isMutedForever NOTIFY notifySettingsChanged)
    Q_PROPERTY(QDateTime mutedUntil READ mutedUntil NOTIFY notifySettingsChanged)

public:
    CurrentConversation(Session *session, Settings *settings, QObject *parent = nullptr);

    // The QML singleton is the one main() made (see exposeToQml).
    static CurrentConversation *create(QQmlEngine *qmlEngine, QJSEngine *jsEngine);
    static void exposeToQml(CurrentConversation *current);

    QString conversationId() const { return m_id; }
    void setConversationId(const QString &id);
    QString title() const { return m_title; }
    QString subtitle() const { return m_subtitle; }
    bool isGroup() const { return m_isGroup; }
    QStringList typers() const { return m_typers; }
    QString typingText() const;
    QAbstractItemModel *messages() const { return m_messages; }
    bool windowActive() const { return m_windowActive; }
    void setWindowActive(bool active);
    QString restorableId() const { return m_restorableId; }
    MessageActionsController *actions() const { return m_actions; }
    QString draft() const { return m_draft; }
    PendingAttachments *files() const { return m_files; }
    MentionCompleter *mentions() const { return m_mentions; }
    QString notifyLevel() const;
    bool isMuted() const;
    bool isMutedForever() const { return m_notify.isMutedForever(); }
    QDateTime mutedUntil() const { return isMuted() ? m_notify.mutedUntil : QDateTime(); }

    // The user sees this conversation now (open, and the window has focus).
    bool isOnScreen(const QString &conversationId) const;

    // Sends text (as a reply when actions.replying), with `files` when some are chosen
    // (text may then be empty; they go when sent); returns the message's clientId
    // ("" when it cannot be sent, e.g. files.problem). With Settings.formatMarkdown on, text that holds
    // Markdown goes as format "markdown" (textformat::hasMarkdown), else as plain.
    // A sent message's draft is gone.
    Q_INVOKABLE QString send(const QString &text);
    // The user changed the composer's text.
    Q_INVOKABLE void editDraft(const QString &text);
    Q_INVOKABLE void retry(const QString &clientId);
    Q_INVOKABLE void discard(const QString &clientId);
    // The composer's text changed / was cleared or sent.
    Q_INVOKABLE void typed();
    Q_INVOKABLE void stoppedTyping();
    // The newest message on screen: the read marker moves there while the window has focus.
    Q_INVOKABLE void markVisible(qint64 seq);
    // Opens a conversation at one of its messages (a search result, a notification):
    // the history shows the page around it (MessageListModel::jumpTo: the cache, else
    // the server's `around=`), and the view scrolls to it and flashes it (revealed).
    Q_INVOKABLE void openAt(const QString &conversationId, qint64 seq);
    // Sets my level here and mutes for muteMinutes (0: unmuted, negative: until I turn
    // it back on), through the server (ChatService::setNotifyLevel).
    Q_INVOKABLE bool setNotify(const QString &level, int muteMinutes = 0);

signals:
    void conversationIdChanged();
    void titleChanged();
    void subtitleChanged();
    void isGroupChanged();
    void typersChanged();
    void messagesChanged();
    void windowActiveChanged();
    void restorableIdChanged();
    void draftChanged();
    void filesChanged();
    void notifySettingsChanged();
    // openAt: the window shows the conversation (leaves the settings page).
    void openedAt(const QString &conversationId, qint64 seq);

private:
    void followService();
    void refreshDetails();
    void refreshTypers();
    void refreshMessages();
    void refreshRestorable();
    // The open conversation's draft and reply target, from Drafts.
    void restoreDraft();
    void replyTargetChanged();
    void refreshFiles();

    Session *m_session;
    Settings *m_settings;
    QPointer<chat::ChatService> m_service;
    QString m_id;
    QString m_title;
    QString m_subtitle;
    bool m_isGroup = false;
    QStringList m_typers;
    QPointer<QAbstractItemModel> m_messages;
    bool m_windowActive = false;
    QString m_restorableId;
    MessageActionsController *m_actions;
    MentionCompleter *m_mentions;
    api::NotifySettings m_notify;
    QPointer<Drafts> m_drafts;
    QString m_draft;
    PendingAttachmentsByConversation *m_filesByConversation;
    PendingAttachments *m_files = nullptr; // the open conversation's
    bool m_restoring = false;              // reply changes while switching are not the user's
};

} // namespace ringchat::app
