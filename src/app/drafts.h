// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// One account's unsent drafts, per conversation: the text and the message it replies
// to. Held here for the composer (CurrentConversation reads and writes them), shown
// in the conversation list ("Draft: …"), and kept in the account's cache so they
// survive a restart. Writes go to the store's worker thread, at most once per
// saveDelay while the user types, and at once on flush() (switching conversations)
// and when the object goes (quitting, signing out).

#include "store/draft.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QTimer>

namespace ringchat::store {
class ChatStore;
}
namespace ringchat::models {
class ConversationListModel;
}

namespace ringchat::app {

class Drafts : public QObject
{
    Q_OBJECT

public:
    // Both may be null: without a store drafts live until the app quits, without a
    // list nobody is shown them. The store must outlive this object.
    Drafts(store::ChatStore *store, models::ConversationListModel *list, QObject *parent = nullptr);
    // Writes what is still waiting.
    ~Drafts() override;

    // The conversation's draft (empty when none).
    store::Draft draft(const QString &conversationId) const;
    void setText(const QString &conversationId, const QString &text);
    // replyToId "" ends the reply.
    void setReply(const QString &conversationId, const QString &replyToId, const QString &senderName,
                  const QString &snippet);
    // Its message was sent.
    void clear(const QString &conversationId);
    // Writes every change still waiting for the timer, and shows it in the list.
    void flush();
    // True once the drafts the cache held are read (at once without a store).
    bool isLoaded() const { return m_loaded; }

    // How long a change may wait before it is written (tests shorten it).
    void setSaveDelay(int ms) { m_saveTimer.setInterval(ms); }

signals:
    // The cache's drafts were read: conversationId had one (and nothing newer was typed).
    void restored(const QString &conversationId);
    void loaded();

private:
    void load();
    void changed(store::Draft draft);

    QPointer<store::ChatStore> m_store;
    QPointer<models::ConversationListModel> m_list;
    QHash<QString, store::Draft> m_drafts; // only non-empty ones
    QSet<QString> m_unsaved;               // conversations whose change waits for the timer
    QTimer m_saveTimer;
    bool m_loaded = false;
};

} // namespace ringchat::app
