// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "chat/messageactions.h"

#include "chat/ownmessages.h"
#include "chat/timelines.h"

#include <QHash>
#include <QUuid>

#include <algorithm>

namespace ringchat::chat {

using Kind = OutboxEntry::Kind;
using PendingChange = api::Message::PendingChange;

namespace {

// Our reaction `emoji` on or off in `reactions`, as the server would have it.
void toggleReaction(QList<api::Reaction> &reactions, const QString &emoji, const QString &me, bool on)
{
    auto it = std::find_if(reactions.begin(), reactions.end(),
                           [&](const api::Reaction &r) { return r.emoji == emoji; });
    const bool has = it != reactions.end() && it->userIds.contains(me);
    if (has == on)
        return;
    if (on) {
        if (it == reactions.end())
            reactions.append({ emoji, 1, { me } }); // a new emoji goes last
        else {
            it->userIds.append(me);
            ++it->count;
        }
        return;
    }
    it->userIds.removeAll(me);
    if (--it->count <= 0)
        reactions.erase(it);
}

// One pending action on the row it targets.
void applyTo(api::Message &m, const OutboxEntry &action, const QString &me)
{
    switch (action.kind) {
    case Kind::Edit:
        m.content = action.content;
        break;
    case Kind::Delete:
        m.deletedAt = action.createdAt.isValid() ? action.createdAt : QDateTime::currentDateTimeUtc();
        m.content.clear();
        m.reactions.clear();
        break;
    case Kind::React:
        toggleReaction(m.reactions, action.emoji, me, action.reactionOn);
        break;
    case Kind::Send:
        return;
    }
    // A delete says the most about the row; otherwise the latest action.
    if (m.pendingChange != PendingChange::Delete)
        m.pendingChange = action.kind == Kind::Edit ? PendingChange::Edit
            : action.kind == Kind::Delete           ? PendingChange::Delete
                                                    : PendingChange::React;
}

} // namespace

MessageActions::MessageActions(OwnMessages *own, const Timelines &timelines, QObject *parent)
    : QObject(parent)
    , m_own(own)
    , m_sender(own->sender())
    , m_timelines(timelines)
{
    // A target still named by our clientId (the send's ack did not name it, e.g. the
    // app stopped in between): the held message knows its id.
    m_sender->setTargetResolver([&timelines](const QString &conv, const QString &key) {
        const auto m = timelines.find(conv, key);
        return m ? m->id : QString();
    });
    connect(own, &OwnMessages::rowsInserted, this, [this](const QString &conv, QList<api::Message> rows) {
        overlay(rows);
        emit rowsInserted(conv, rows);
    });
    connect(own, &OwnMessages::rowUpdated, this,
            [this](const QString &conv, const api::Message &row) { emit rowChanged(conv, overlaid(row)); });
    connect(m_sender, &OutboxSender::actionAnswered, this, &MessageActions::onAnswered);
    connect(m_sender, &OutboxSender::actionRefused, this, &MessageActions::onRefused);
    // A send that is dropped takes the actions waiting for it along.
    connect(m_sender, &OutboxSender::discarded, this, [this](const QString &clientId) {
        for (const OutboxEntry &e : m_sender->entries())
            if (e.kind != Kind::Send && e.targetId == clientId)
                m_sender->discard(e.clientId);
    });
}

QString MessageActions::edit(const QString &conversationId, const QString &messageKey, const QString &content)
{
    if (!api::isValidConversationId(conversationId) || !api::isValidOpaqueId(messageKey)
        || !api::isValidContent(content))
        return {};
    if (m_own->rewrite(messageKey, content)) // a send that has not gone out
        return messageKey;
    OutboxEntry e;
    e.kind = Kind::Edit;
    e.conversationId = conversationId;
    e.targetId = targetOf(conversationId, messageKey);
    e.content = content;
    return enqueue(e);
}

QString MessageActions::remove(const QString &conversationId, const QString &messageKey)
{
    if (!api::isValidConversationId(conversationId) || !api::isValidOpaqueId(messageKey))
        return {};
    const auto send = m_sender->entry(messageKey);
    if (send && send->kind == Kind::Send && send->conversationId == conversationId
        && (!send->emitted || send->state == OutboxEntry::State::Failed)) {
        m_own->discard(messageKey); // nothing reaches the server
        return messageKey;
    }
    OutboxEntry e;
    e.kind = Kind::Delete;
    e.conversationId = conversationId;
    e.targetId = targetOf(conversationId, messageKey);
    return enqueue(e);
}

QString MessageActions::react(const QString &conversationId, const QString &messageKey, const QString &emoji,
                              bool on)
{
    if (!api::isValidConversationId(conversationId) || !api::isValidOpaqueId(messageKey)
        || !isValidEmoji(emoji))
        return {};
    OutboxEntry e;
    e.kind = Kind::React;
    e.conversationId = conversationId;
    e.targetId = targetOf(conversationId, messageKey);
    e.emoji = emoji;
    e.reactionOn = on;
    if (const auto undone = toggleBack(e)) {
        m_sender->discard(undone->clientId); // neither goes out
        announce(conversationId, e.targetId);
        return undone->clientId;
    }
    return enqueue(e);
}

std::optional<OutboxEntry> MessageActions::toggleBack(const OutboxEntry &reaction) const
{
    const QList<OutboxEntry> actions = m_sender->actions(reaction.conversationId);
    for (auto it = actions.crbegin(); it != actions.crend(); ++it) {
        if (it->kind != Kind::React || it->targetId != reaction.targetId || it->emoji != reaction.emoji)
            continue;
        // The last toggle of this emoji: it cancels out while it has not gone out;
        // once it has, the server may have done it, and the new one must follow.
        if (!it->emitted && it->reactionOn != reaction.reactionOn)
            return *it;
        return std::nullopt;
    }
    return std::nullopt;
}

QString MessageActions::targetOf(const QString &conversationId, const QString &key) const
{
    if (const auto send = m_sender->entry(key); send && send->kind == Kind::Send)
        return key;
    const auto held = m_timelines.find(conversationId, key);
    return held ? held->id : key;
}

QString MessageActions::enqueue(OutboxEntry e)
{
    e.clientId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    e.createdAt = QDateTime::currentDateTimeUtc();
    m_sender->enqueue(e);
    announce(e.conversationId, e.targetId);
    return e.clientId;
}

api::Message MessageActions::overlaid(api::Message message) const
{
    QList<api::Message> one { std::move(message) };
    overlay(one);
    return one.first();
}

void MessageActions::overlay(QList<api::Message> &messages) const
{
    if (messages.isEmpty())
        return;
    const QList<OutboxEntry> actions = m_sender->actions(messages.first().conversationId);
    if (actions.isEmpty())
        return;
    QHash<QString, QList<const OutboxEntry *>> byTarget;
    for (const OutboxEntry &a : actions)
        byTarget[a.targetId].append(&a);
    const QString me = m_timelines.ownUserId();
    for (api::Message &m : messages) {
        if (m.conversationId != actions.first().conversationId)
            continue;
        auto it = byTarget.constFind(m.id);
        if (it == byTarget.cend() && m.senderId == me && !m.clientId.isEmpty())
            it = byTarget.constFind(m.clientId);
        if (it == byTarget.cend())
            continue;
        for (const OutboxEntry *a : *it)
            applyTo(m, *a, me);
    }
}

std::optional<api::Message> MessageActions::row(const QString &conversationId, const QString &key) const
{
    if (const auto held = m_timelines.find(conversationId, key))
        return overlaid(*held);
    for (const api::Message &m : m_own->pendingRows(conversationId, {}))
        if (m.clientId == key)
            return overlaid(m);
    return std::nullopt;
}

void MessageActions::announce(const QString &conversationId, const QString &key)
{
    if (const auto shown = row(conversationId, key))
        emit rowChanged(conversationId, *shown);
}

void MessageActions::onAnswered(const OutboxEntry &entry, const api::Message &state)
{
    if (!state.id.isEmpty())
        emit serverState(state);
    announce(entry.conversationId, state.id.isEmpty() ? entry.targetId : state.id);
    emit applied(entry.clientId, state);
}

void MessageActions::onRefused(const OutboxEntry &entry, const QString &code)
{
    announce(entry.conversationId, entry.targetId); // back to the server's state
    emit refused(entry.conversationId, entry.targetId, code, refusalSentence(entry.kind, code));
}

QString MessageActions::refusalSentence(Kind kind, const QString &code)
{
    if (code == QLatin1String("EDIT_WINDOW_CLOSED"))
        return tr("This message can no longer be edited: messages can be edited for 15 minutes after they "
                  "are sent.");
    if (code == QLatin1String("GONE"))
        return kind == Kind::React ? tr("This message was deleted, so it can no longer take reactions.")
                                   : tr("This message was deleted, so it can no longer be edited.");
    if (code == QLatin1String("FORBIDDEN")) {
        if (kind == Kind::Edit)
            return tr("You can only edit your own messages.");
        if (kind == Kind::Delete)
            return tr("You can only delete your own messages, or any message in a group you administer.");
        return tr("You may not react to this message.");
    }
    if (code == QLatin1String("NOT_FOUND"))
        return tr("This message is not there any more, or you are no longer in this conversation.");
    if (code == QLatin1String("BAD_REQUEST")) {
        if (kind == Kind::Edit)
            return tr("The server did not take this text: a message is 1 to 10,000 characters.");
        if (kind == Kind::React)
            return tr("The server did not take this reaction: one emoji, and at most 20 different ones on a "
                      "message.");
        return tr("The server did not take this request.");
    }
    if (code == QLatin1String("INTERNAL"))
        return tr("The server failed to do this. Try again later.");
    return tr("The server refused this (%1).").arg(code);
}

bool MessageActions::isValidEmoji(const QString &emoji)
{
    const qsizetype bytes = emoji.toUtf8().size();
    if (bytes < 1 || bytes > 32)
        return false;
    for (const char32_t c : emoji.toUcs4())
        if (QChar::isLetterOrNumber(c))
            return false;
    return true;
}

} // namespace ringchat::chat
