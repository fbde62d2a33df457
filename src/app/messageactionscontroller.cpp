// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/messageactionscontroller.h"

#include "chat/chatservice.h"

#include <QAbstractItemModel>

namespace ringchat::app {

namespace {

constexpr int kSnippetLength = 140; // as the server's replyPreview (contract 6.1)

// A row's value for a role named as QML names it ("messageId", "text").
QVariant roleValue(const QAbstractItemModel *model, int row, const QByteArray &name)
{
    const int role = model->roleNames().key(name, -1);
    return role < 0 ? QVariant() : model->index(row, 0).data(role);
}

} // namespace

MessageActionsController::MessageActionsController(QObject *parent)
    : QObject(parent)
{
    m_noticeTimer.setSingleShot(true);
    m_noticeTimer.setInterval(6000);
    connect(&m_noticeTimer, &QTimer::timeout, this, &MessageActionsController::dismissNotice);
}

void MessageActionsController::setConversation(chat::ChatService *service, const QString &conversationId,
                                               QAbstractItemModel *messages)
{
    if (service != m_service) {
        if (m_service)
            m_service->disconnect(this);
        m_service = service;
        if (service) {
            // The server refused an action (perhaps long after it was made, from the
            // outbox): say why, whichever conversation is open now.
            connect(service, &chat::ChatService::actionRefused, this,
                    [this](const QString &, const QString &, const QString &, const QString &sentence) {
                        setNotice(sentence);
                    });
            // A message with files was not queued (a file gone or too large by now).
            connect(service, &chat::ChatService::sendRefused, this,
                    [this](const QString &, const QString &sentence) { setNotice(sentence); });
        }
    }
    m_messages = messages;
    if (conversationId != m_conversationId) {
        m_conversationId = conversationId;
        cancelReply();
        cancelEdit();
    }
}

bool MessageActionsController::ready() const
{
    return m_service && !m_conversationId.isEmpty();
}

QString MessageActionsController::snippetOf(const QString &text)
{
    const QString line = text.simplified();
    return line.size() <= kSnippetLength ? line : line.left(kSnippetLength - 1) + QChar(0x2026);
}

bool MessageActionsController::startReply(const QString &messageId, const QString &senderName,
                                          const QString &text)
{
    if (messageId.isEmpty() || !ready())
        return false;
    cancelEdit();
    setReply(messageId, senderName, snippetOf(text));
    return true;
}

void MessageActionsController::cancelReply()
{
    setReply({}, {}, {});
}

QString MessageActionsController::send(const QString &text, bool markdown, const QStringList &files,
                                       const QStringList &mentions)
{
    if (!ready())
        return {};
    const QString clientId = files.isEmpty()
        ? m_service->sendMessage(m_conversationId, text, m_replyToId, markdown, mentions)
        : m_service->sendMessageWithFiles(m_conversationId, text, files, m_replyToId, markdown, mentions);
    if (!clientId.isEmpty())
        cancelReply();
    return clientId;
}

bool MessageActionsController::startEdit(const QString &messageKey, const QString &text)
{
    if (messageKey.isEmpty() || !ready())
        return false;
    setEditing(messageKey, text);
    return true;
}

bool MessageActionsController::editLast()
{
    if (!m_messages || !ready())
        return false;
    int row = -1;
    // MessageListModel::lastEditableRow(): our newest message whose canEdit is true.
    if (!QMetaObject::invokeMethod(m_messages, "lastEditableRow", Q_RETURN_ARG(int, row)) || row < 0)
        return false;
    const QString id = roleValue(m_messages, row, "messageId").toString();
    const QString key = id.isEmpty() ? roleValue(m_messages, row, "clientId").toString() : id;
    return startEdit(key, roleValue(m_messages, row, "text").toString());
}

bool MessageActionsController::saveEdit(const QString &text)
{
    if (!editing() || !ready())
        return false;
    const QString content = text.trimmed();
    if (content.isEmpty()) {
        setNotice(tr("A message cannot be empty. To remove it, delete it."));
        return false;
    }
    if (content != m_editingText
        && m_service->editMessage(m_conversationId, m_editingKey, content).isEmpty()) {
        setNotice(tr("This message can no longer be edited."));
        return false;
    }
    cancelEdit();
    return true;
}

void MessageActionsController::cancelEdit()
{
    setEditing({}, {});
}

bool MessageActionsController::deleteMessage(const QString &messageKey)
{
    if (messageKey.isEmpty() || !ready())
        return false;
    if (m_service->deleteMessage(m_conversationId, messageKey).isEmpty()) {
        setNotice(tr("This message could not be deleted."));
        return false;
    }
    if (messageKey == m_editingKey)
        cancelEdit();
    if (messageKey == m_replyToId)
        cancelReply();
    return true;
}

bool MessageActionsController::react(const QString &messageId, const QString &emoji, bool on)
{
    if (messageId.isEmpty() || emoji.isEmpty() || !ready())
        return false;
    if (m_service->setReaction(m_conversationId, messageId, emoji, on).isEmpty()) {
        setNotice(tr("The reaction could not be saved."));
        return false;
    }
    return true;
}

void MessageActionsController::setReply(const QString &id, const QString &senderName, const QString &snippet)
{
    if (id == m_replyToId && senderName == m_replySenderName && snippet == m_replySnippet)
        return;
    m_replyToId = id;
    m_replySenderName = senderName;
    m_replySnippet = snippet;
    emit replyTargetChanged();
}

void MessageActionsController::setEditing(const QString &key, const QString &text)
{
    if (key == m_editingKey && text == m_editingText)
        return;
    m_editingKey = key;
    m_editingText = text;
    emit editingChanged();
}

void MessageActionsController::setNotice(const QString &sentence)
{
    if (sentence.isEmpty())
        m_noticeTimer.stop();
    else
        m_noticeTimer.start();
    if (sentence == m_notice)
        return;
    m_notice = sentence;
    emit noticeChanged();
}

} // namespace ringchat::app
