// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/drafts.h"

#include "models/conversationlistmodel.h"
#include "store/chatstore.h"

namespace ringchat::app {

using store::Draft;

Drafts::Drafts(store::ChatStore *store, models::ConversationListModel *list, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_list(list)
{
    // Not a debounce that restarts with each key: someone who types on and on
    // would never be saved. The first change starts it; it writes the latest text.
    m_saveTimer.setSingleShot(true);
    m_saveTimer.setInterval(500);
    connect(&m_saveTimer, &QTimer::timeout, this, &Drafts::flush);
    load();
}

Drafts::~Drafts()
{
    flush();
}

void Drafts::load()
{
    if (!m_store) {
        m_loaded = true;
        return;
    }
    // Queued behind the store's open(): it answers with what the file holds.
    m_store->drafts().then(this, [this](const QList<Draft> &stored) {
        for (const Draft &d : stored) {
            // Typed before the cache answered: what the user typed wins.
            if (m_drafts.contains(d.conversationId) || m_unsaved.contains(d.conversationId))
                continue;
            m_drafts.insert(d.conversationId, d);
            if (m_list)
                m_list->setDraft(d.conversationId, d.text);
            emit restored(d.conversationId);
        }
        m_loaded = true;
        emit loaded();
    });
}

Draft Drafts::draft(const QString &conversationId) const
{
    return m_drafts.value(conversationId, Draft { conversationId, {}, {}, {}, {}, {} });
}

void Drafts::setText(const QString &conversationId, const QString &text)
{
    Draft d = draft(conversationId);
    if (d.text == text)
        return;
    d.text = text;
    changed(std::move(d));
}

void Drafts::setReply(const QString &conversationId, const QString &replyToId, const QString &senderName,
                      const QString &snippet)
{
    Draft d = draft(conversationId);
    d.replyToId = replyToId;
    d.replySenderName = replyToId.isEmpty() ? QString() : senderName;
    d.replySnippet = replyToId.isEmpty() ? QString() : snippet;
    if (d == draft(conversationId))
        return;
    changed(std::move(d));
}

void Drafts::clear(const QString &conversationId)
{
    if (!m_drafts.contains(conversationId))
        return;
    changed(Draft { conversationId, {}, {}, {}, {}, {} });
    flush(); // sent: the list shows the message, not the draft, at once
}

void Drafts::changed(Draft draft)
{
    if (draft.conversationId.isEmpty())
        return;
    draft.updatedAt = QDateTime::currentDateTimeUtc();
    if (draft.isEmpty())
        m_drafts.remove(draft.conversationId);
    else
        m_drafts.insert(draft.conversationId, draft);
    m_unsaved.insert(draft.conversationId);
    if (!m_saveTimer.isActive())
        m_saveTimer.start();
}

void Drafts::flush()
{
    m_saveTimer.stop();
    const QSet<QString> unsaved = std::exchange(m_unsaved, {});
    for (const QString &id : unsaved) {
        const Draft d = draft(id);
        if (m_list)
            m_list->setDraft(id, d.text);
        if (m_store)
            m_store->saveDraft(d);
    }
}

} // namespace ringchat::app
