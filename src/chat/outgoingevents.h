// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The client events we send besides messages and message actions: typing
// (TypingNotifier), read markers (ReadReceiptBatcher), our presence, and joining
// and leaving conversations. It keeps the set of open conversations, which are joined when
// opened and again after every reconnect. What the server answers to a join goes
// back to the chat service (joined()).

#include "chat/emitevent.h"
#include "chat/servereventdecoder.h"

#include <QObject>
#include <QSet>
#include <QString>

namespace ringchat::chat {

class ReadReceiptBatcher;
class TypingNotifier;

class OutgoingEvents : public QObject
{
    Q_OBJECT
public:
    struct Timing
    {
        int typingRepeatMs = 3000;
        int typingIdleMs = 1500;
        int readBatchMs = 500;
    };

    OutgoingEvents(EmitEvent send, Timing timing, QObject *parent = nullptr);

    TypingNotifier *typing() const { return m_typing; }
    ReadReceiptBatcher *receipts() const { return m_receipts; }

    // `online`: the link is up, so the join (or leave) goes now; otherwise the
    // next rejoinOpen() joins it.
    void open(const QString &conversationId, bool online);
    void close(const QString &conversationId, bool online);
    bool isOpen(const QString &conversationId) const { return m_open.contains(conversationId); }
    // The link is up again: every open conversation is joined anew.
    void rejoinOpen();
    // We stop typing in every open conversation (the service stops).
    void stopTyping();
    // Sign-out: no conversation is open any more.
    void forgetOpen() { m_open.clear(); }
    // Our presence ("online", "away"), as PresenceTracker decides it.
    void sendPresence(const QString &status);

signals:
    // The server's answer to join_conversation.
    void joined(const QString &conversationId, const ringchat::chat::JoinReply &reply);
    void refused(const QString &code, const QString &message);

private:
    void join(const QString &conversationId);

    EmitEvent m_emit;
    TypingNotifier *m_typing;
    ReadReceiptBatcher *m_receipts;
    QSet<QString> m_open;
};

} // namespace ringchat::chat
