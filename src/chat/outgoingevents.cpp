// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "chat/outgoingevents.h"

#include "chat/readreceiptbatcher.h"
#include "chat/typingnotifier.h"

#include <QPointer>

namespace ringchat::chat {

namespace {
const QString kConversationId = QStringLiteral("conversationId");
} // namespace

OutgoingEvents::OutgoingEvents(EmitEvent send, Timing timing, QObject *parent)
    : QObject(parent)
    , m_emit(std::move(send))
{
    m_typing = new TypingNotifier(
        [this](const QString &event, const QString &conv) {
            m_emit(event, { { kConversationId, conv } }, {});
        },
        TypingNotifier::Timing { timing.typingRepeatMs, timing.typingIdleMs }, this);
    m_receipts = new ReadReceiptBatcher(
        [this](const QString &conv, qint64 upTo, ReadReceiptBatcher::Done done) {
            m_emit(QStringLiteral("mark_read"),
                   { { kConversationId, conv }, { QStringLiteral("upToSeq"), upTo } },
                   [done](const api::AckReply &ack) {
                       done(ack.ok, qint64(ack.data.value(QStringLiteral("lastReadSeq")).toDouble()));
                   });
        },
        this, timing.readBatchMs);
}

void OutgoingEvents::open(const QString &conversationId, bool online)
{
    m_open.insert(conversationId);
    if (online)
        join(conversationId);
}

void OutgoingEvents::close(const QString &conversationId, bool online)
{
    m_typing->stop(conversationId);
    if (m_open.remove(conversationId) && online)
        m_emit(QStringLiteral("leave_conversation"), { { kConversationId, conversationId } }, {});
}

void OutgoingEvents::rejoinOpen()
{
    for (const QString &conv : std::as_const(m_open))
        join(conv);
}

void OutgoingEvents::stopTyping()
{
    for (const QString &conv : std::as_const(m_open))
        m_typing->stop(conv);
}

void OutgoingEvents::sendPresence(const QString &status)
{
    m_emit(QStringLiteral("update_presence"), { { QStringLiteral("status"), status } }, {});
}

void OutgoingEvents::join(const QString &conversationId)
{
    QPointer<OutgoingEvents> guard(this);
    m_emit(QStringLiteral("join_conversation"), { { kConversationId, conversationId } },
           [this, guard, conversationId](const api::AckReply &ack) {
               if (!guard || !ack.answered)
                   return;
               if (!ack.ok)
                   return emit refused(ack.code, ack.message);
               emit joined(conversationId, decodeJoinReply(ack.data));
           });
}

} // namespace ringchat::chat
