// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Our side of typing indicators: turns keystrokes into typing_start (first keystroke,
// then every 3 s while typing) and typing_stop (1.5 s idle, on send, on leaving).

#include <QHash>
#include <QObject>
#include <QString>

#include <functional>

class QTimer;

namespace ringchat::chat {

class TypingNotifier : public QObject
{
    Q_OBJECT
public:
    // Called with "typing_start" or "typing_stop" and the conversation id.
    using Emit = std::function<void(const QString &event, const QString &conversationId)>;

    struct Timing
    {
        int repeatMs = 3000;
        int idleMs = 1500;
    };

    explicit TypingNotifier(Emit send, QObject *parent = nullptr);
    TypingNotifier(Emit send, Timing timing, QObject *parent = nullptr);
    ~TypingNotifier() override;

    void keystroke(const QString &conversationId);
    void stop(const QString &conversationId); // sent a message, left, or cleared the field
    void stopAll();                           // e.g. disconnect: the server ends typing anyway
    bool isTyping(const QString &conversationId) const { return m_states.contains(conversationId); }

private:
    struct State
    {
        qint64 lastStartMs = 0;
        QTimer *idle = nullptr;
    };
    void clear(const QString &conversationId, bool sendStop);

    Emit m_emit;
    Timing m_timing;
    QHash<QString, State> m_states;
};

} // namespace ringchat::chat
