// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/currentconversation.h"

#include "app/drafts.h"
#include "app/qmlsingleton.h"
#include "app/session.h"
#include "app/settings.h"
#include "app/textformat.h"
#include "chat/chatservice.h"
#include "models/conversationtext.h"
#include "models/messagelistmodel.h"

#include <QDir>
#include <QQmlEngine>

namespace ringchat::app {

namespace {
template <typename T, typename Signal>
void assign(T &member, const T &value, CurrentConversation *object, Signal changed)
{
    if (member == value)
        return;
    member = value;
    emit(object->*changed)();
}
} // namespace

CurrentConversation::CurrentConversation(Session *session, Settings *settings, QObject *parent)
    : QObject(parent)
    , m_session(session)
    , m_settings(settings)
    , m_actions(new MessageActionsController(this))
    , m_filesByConversation(new PendingAttachmentsByConversation(this))
    , m_mentions(new MentionCompleter(this))
{
    connect(session, &Session::serviceChanged, this, &CurrentConversation::followService);
    connect(session, &Session::accountChanged, this, &CurrentConversation::refreshDetails);
    connect(settings, &Settings::lastConversationIdChanged, this, &CurrentConversation::refreshRestorable);
    connect(m_actions, &MessageActionsController::replyTargetChanged, this,
            &CurrentConversation::replyTargetChanged);
    followService();
}

CurrentConversation *CurrentConversation::create(QQmlEngine *, QJSEngine *)
{
    return QmlSingleton<CurrentConversation>::instance();
}

void CurrentConversation::exposeToQml(CurrentConversation *current)
{
    QmlSingleton<CurrentConversation>::expose(current);
}

void CurrentConversation::followService()
{
    if (m_service)
        m_service->disconnect(this);
    m_service = m_session->service();
    if (m_drafts)
        m_drafts->disconnect(this);
    m_drafts = m_session->drafts();
    // Pasted images go to the account's folder (swept at its next start).
    const QString filesFolder = m_service ? m_service->filesDirectory() : QString();
    m_filesByConversation->reset(filesFolder.isEmpty()
                                     ? QDir::temp().filePath(QStringLiteral("ringchat-pasted"))
                                     : filesFolder + QStringLiteral("/pasted"));
    m_files = nullptr; // went with the reset; refreshFiles below names the new one
    // A new account (or none): nothing of the old one stays open.
    if (!m_id.isEmpty()) {
        m_id.clear();
        emit conversationIdChanged();
    }
    if (m_drafts) {
        // The cache's drafts came after the conversation opened.
        connect(m_drafts, &Drafts::restored, this, [this](const QString &id) {
            if (id == m_id)
                restoreDraft();
        });
    }
    if (auto *service = m_service.data()) {
        using chat::ChatService;
        connect(service, &ChatService::conversationsChanged, this, [this] {
            refreshDetails();
            refreshRestorable();
        });
        connect(service, &ChatService::conversationChanged, this, [this](const QString &id) {
            if (id == m_id)
                refreshDetails();
        });
        connect(service, &ChatService::presenceChanged, this, &CurrentConversation::refreshDetails);
        connect(service, &ChatService::typersChanged, this, [this](const QString &id) {
            if (id == m_id)
                refreshTypers();
        });
    }
    m_restoring = true;
    refreshDetails();
    refreshTypers();
    refreshMessages();
    refreshRestorable();
    m_restoring = false;
    restoreDraft();
    refreshFiles();
}

void CurrentConversation::setConversationId(const QString &id)
{
    if (id == m_id)
        return;
    if (m_service && !m_id.isEmpty())
        m_service->userStoppedTyping(m_id);
    // The draft left behind shows in the list at once.
    if (m_drafts)
        m_drafts->flush();
    m_id = id;
    m_mentions->clear(); // mentions recorded belong to the conversation left
    if (!id.isEmpty()) {
        m_settings->setLastConversationId(id);
        if (m_service)
            m_service->openConversation(id);
    }
    m_restoring = true;
    emit conversationIdChanged();
    refreshDetails();
    refreshTypers();
    refreshMessages(); // ends the reply of the conversation left
    m_restoring = false;
    restoreDraft();
    refreshFiles();
}

void CurrentConversation::openAt(const QString &conversationId, qint64 seq)
{
    if (conversationId.isEmpty())
        return;
    setConversationId(conversationId);
    emit openedAt(conversationId, seq);
    if (auto *model = qobject_cast<models::MessageListModel *>(m_messages.data()))
        model->jumpTo(int(seq));
}

void CurrentConversation::refreshFiles()
{
    PendingAttachments *files = m_filesByConversation->of(m_id);
    if (files == m_files)
        return;
    m_files = files;
    emit filesChanged();
}

void CurrentConversation::restoreDraft()
{
    const store::Draft d = m_drafts && !m_id.isEmpty() ? m_drafts->draft(m_id) : store::Draft();
    m_restoring = true;
    if (!d.replyToId.isEmpty())
        m_actions->startReply(d.replyToId, d.replySenderName, d.replySnippet);
    else
        m_actions->cancelReply();
    m_restoring = false;
    assign(m_draft, d.text, this, &CurrentConversation::draftChanged);
}

void CurrentConversation::replyTargetChanged()
{
    if (m_restoring || !m_drafts || m_id.isEmpty())
        return;
    m_drafts->setReply(m_id, m_actions->replyToId(), m_actions->replySenderName(), m_actions->replySnippet());
}

void CurrentConversation::editDraft(const QString &text)
{
    if (m_id.isEmpty())
        return;
    if (m_drafts)
        m_drafts->setText(m_id, text);
    assign(m_draft, text, this, &CurrentConversation::draftChanged);
}

void CurrentConversation::refreshDetails()
{
    QString title, subtitle;
    bool group = false;
    const auto conversation = m_service && !m_id.isEmpty() ? m_service->conversation(m_id) : std::nullopt;
    const api::NotifySettings notify = conversation ? conversation->settings : api::NotifySettings();
    if (!(notify == m_notify)) {
        m_notify = notify;
        emit notifySettingsChanged();
    }
    // Only a group's members are offered after "@".
    m_mentions->setCandidates(conversation && conversation->type == api::Conversation::Type::Group
                                  ? conversation->participants
                                  : QList<api::Participant>(),
                              m_session->userId());
    if (conversation) {
        const QString ownId = m_session->userId();
        title = models::conversationTitle(*conversation, ownId);
        const api::Participant *other = models::otherParticipant(*conversation, ownId);
        subtitle = models::conversationSubtitle(*conversation,
                                                other ? m_service->presenceText(other->userId) : QString());
        group = conversation->type == api::Conversation::Type::Group;
    }
    assign(m_title, title, this, &CurrentConversation::titleChanged);
    assign(m_subtitle, subtitle, this, &CurrentConversation::subtitleChanged);
    assign(m_isGroup, group, this, &CurrentConversation::isGroupChanged);
}

void CurrentConversation::refreshTypers()
{
    const QStringList names = m_service && !m_id.isEmpty() ? m_service->typerNames(m_id) : QStringList();
    assign(m_typers, names, this, &CurrentConversation::typersChanged);
}

QString CurrentConversation::typingText() const
{
    return models::typingSentence(m_typers);
}

void CurrentConversation::refreshMessages()
{
    QAbstractItemModel *model = nullptr;
    if (m_service && !m_id.isEmpty()) {
        model = m_service->messageModel(m_id);
        QQmlEngine::setObjectOwnership(model, QQmlEngine::CppOwnership);
    }
    m_actions->setConversation(m_service, m_id, model);
    if (model == m_messages)
        return;
    m_messages = model;
    emit messagesChanged();
}

void CurrentConversation::refreshRestorable()
{
    const QString last = m_settings->lastConversationId();
    const bool known = m_service && !last.isEmpty() && m_service->conversation(last).has_value();
    assign(m_restorableId, known ? last : QString(), this, &CurrentConversation::restorableIdChanged);
}

void CurrentConversation::setWindowActive(bool active)
{
    assign(m_windowActive, active, this, &CurrentConversation::windowActiveChanged);
}

bool CurrentConversation::isOnScreen(const QString &conversationId) const
{
    return m_windowActive && !m_id.isEmpty() && conversationId == m_id;
}

QString CurrentConversation::send(const QString &text)
{
    const bool markdown = m_settings->formatMarkdown() && textformat::hasMarkdown(text);
    const QStringList paths = m_files ? m_files->paths() : QStringList();
    if (!paths.isEmpty() && !m_files->problem().isEmpty())
        return {}; // the strip says why
    const QString clientId = m_actions->send(text, markdown, paths, m_mentions->mentionsIn(text));
    if (!clientId.isEmpty()) {
        if (m_files)
            m_files->clear();
        m_mentions->clear();
        if (m_drafts)
            m_drafts->clear(m_id);
        assign(m_draft, QString(), this, &CurrentConversation::draftChanged);
    }
    return clientId;
}

void CurrentConversation::retry(const QString &clientId)
{
    if (m_service)
        m_service->retryMessage(clientId);
}

void CurrentConversation::discard(const QString &clientId)
{
    if (m_service)
        m_service->discardMessage(clientId);
}

void CurrentConversation::typed()
{
    if (m_service && !m_id.isEmpty())
        m_service->userTyped(m_id);
}

void CurrentConversation::stoppedTyping()
{
    if (m_service && !m_id.isEmpty())
        m_service->userStoppedTyping(m_id);
}

QString CurrentConversation::notifyLevel() const
{
    return api::notifyLevelName(m_notify.level);
}

bool CurrentConversation::isMuted() const
{
    return m_notify.isMuted(QDateTime::currentDateTimeUtc());
}

bool CurrentConversation::setNotify(const QString &level, int muteMinutes)
{
    return m_service && !m_id.isEmpty() && m_service->setNotifyLevel(m_id, level, muteMinutes);
}

void CurrentConversation::markVisible(qint64 seq)
{
    // Read markers only for what is on screen while the window has focus.
    if (m_service && !m_id.isEmpty() && m_windowActive && seq > 0)
        m_service->markVisible(m_id, seq);
}

} // namespace ringchat::app
