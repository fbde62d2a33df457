// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Our actions on messages (contract v2: edit, delete, react) until the server
// answers. They go through the outbox with our sends (OwnMessages' OutboxSender:
// on disk first, one queue per conversation, in order), and the rows show their
// outcome at once (overlaid(), with Message::pendingChange set) until the server's
// state replaces it, or a refusal takes it away with a sentence that says why.
//
// A send that has not gone out is changed instead of acted on: an edit rewrites
// it, a delete drops it, and nothing reaches the server (Nheko crashes here).
// Once it has gone out, the action waits behind it in the queue, against its
// clientId, which the send's ack turns into the message's id. A reaction toggled
// back before the first toggle went out takes that one out instead: neither goes.

#include "api/types.h"
#include "chat/outboxsender.h"

#include <QList>
#include <QObject>
#include <QString>

#include <optional>

namespace ringchat::chat {

class OwnMessages;
class Timelines;

class MessageActions : public QObject
{
    Q_OBJECT
public:
    MessageActions(OwnMessages *own, const Timelines &timelines, QObject *parent = nullptr);

    // messageKey: a message id, or the clientId of our message the server may not
    // have yet. Each returns the action's id (for a rewritten or dropped send, the
    // send's clientId), empty when refused at once (invalid ids, content or emoji).
    QString edit(const QString &conversationId, const QString &messageKey, const QString &content);
    QString remove(const QString &conversationId, const QString &messageKey);
    QString react(const QString &conversationId, const QString &messageKey, const QString &emoji, bool on);

    // The row as shown: the message with our pending actions on it.
    api::Message overlaid(api::Message message) const;
    void overlay(QList<api::Message> &messages) const;

    // What a person reads when the server refuses an action of `kind` with `code`.
    static QString refusalSentence(OutboxEntry::Kind kind, const QString &code);
    // One emoji as the contract takes it: 1 to 32 bytes of UTF-8, no letters or digits.
    static bool isValidEmoji(const QString &emoji);

signals:
    // The server answered an action: `state` is the message as it has it now (the
    // service applies it before the row is shown again; empty id: unreadable ack).
    void serverState(const ringchat::api::Message &state);
    // A row's overlay changed (an action queued, answered or refused), or our own
    // message's row did (OwnMessages): the row as shown now.
    void rowChanged(const QString &conversationId, const ringchat::api::Message &row);
    // OwnMessages' new rows, as shown.
    void rowsInserted(const QString &conversationId, const QList<ringchat::api::Message> &rows);
    void applied(const QString &actionId, const ringchat::api::Message &state);
    void refused(const QString &conversationId, const QString &messageKey, const QString &code,
                 const QString &sentence);

private:
    // The target an action names: our send's clientId while it is queued, else the
    // held message's id (found by id or by our clientId), else the key as given.
    QString targetOf(const QString &conversationId, const QString &key) const;
    QString enqueue(OutboxEntry entry);
    // The queued reaction that `reaction` toggles back (same message and emoji, the
    // other way, not gone out yet): the two cancel out in the outbox.
    std::optional<OutboxEntry> toggleBack(const OutboxEntry &reaction) const;
    // The row of `key` as shown (held, or our pending send), if there is one.
    std::optional<api::Message> row(const QString &conversationId, const QString &key) const;
    void announce(const QString &conversationId, const QString &key);
    void onAnswered(const OutboxEntry &entry, const api::Message &state);
    void onRefused(const OutboxEntry &entry, const QString &code);

    OwnMessages *m_own;
    OutboxSender *m_sender;
    const Timelines &m_timelines;
};

} // namespace ringchat::chat
