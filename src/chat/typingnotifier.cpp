// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "chat/typingnotifier.h"

#include <QDateTime>
#include <QTimer>

namespace ringchat::chat {

namespace {
qint64 nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}
} // namespace

TypingNotifier::TypingNotifier(Emit send, QObject *parent)
    : TypingNotifier(std::move(send), Timing {}, parent)
{
}

TypingNotifier::TypingNotifier(Emit send, Timing timing, QObject *parent)
    : QObject(parent)
    , m_emit(std::move(send))
    , m_timing(timing)
{
}

TypingNotifier::~TypingNotifier() = default;

void TypingNotifier::keystroke(const QString &conversationId)
{
    auto it = m_states.find(conversationId);
    if (it == m_states.end()) {
        State st;
        st.idle = new QTimer(this);
        st.idle->setSingleShot(true);
        connect(st.idle, &QTimer::timeout, this, [this, conversationId] { clear(conversationId, true); });
        it = m_states.insert(conversationId, st);
    }
    const qint64 now = nowMs();
    // The server forgets a typer 5 s after the last typing_start, so repeat it while typing.
    if (it->lastStartMs == 0 || now - it->lastStartMs >= m_timing.repeatMs) {
        it->lastStartMs = now;
        m_emit(QStringLiteral("typing_start"), conversationId);
    }
    it->idle->start(m_timing.idleMs);
}

void TypingNotifier::stop(const QString &conversationId)
{
    clear(conversationId, true);
}

void TypingNotifier::stopAll()
{
    const auto ids = m_states.keys();
    for (const QString &id : ids)
        clear(id, false);
}

void TypingNotifier::clear(const QString &conversationId, bool sendStop)
{
    auto it = m_states.find(conversationId);
    if (it == m_states.end())
        return;
    it->idle->deleteLater();
    m_states.erase(it);
    if (sendStop)
        m_emit(QStringLiteral("typing_stop"), conversationId);
}

} // namespace ringchat::chat
