// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Who else is typing, per conversation. A typer is dropped on isTyping:false or
// after 6 s without news (the server may never send the stop, e.g. across a reconnect).

#include <QHash>
#include <QObject>
#include <QString>
#include <QStringList>

class QTimer;

namespace ringchat::chat {

class TypingTracker : public QObject
{
    Q_OBJECT
public:
    explicit TypingTracker(QObject *parent = nullptr, int expiryMs = 6000);

    // From user_typing, or from join_conversation's `typing` list (isTyping true).
    void update(const QString &conversationId, const QString &userId, const QString &userName, bool isTyping);
    void clearConversation(const QString &conversationId);
    void clearAll();

    QStringList typerIds(const QString &conversationId) const;
    QStringList typerNames(const QString &conversationId) const;

signals:
    void typersChanged(const QString &conversationId);

private:
    struct Typer
    {
        QString name;
        qint64 lastHeardMs = 0;
    };
    void expire();

    int m_expiryMs;
    QHash<QString, QHash<QString, Typer>> m_typers; // conversation -> user -> typer
    QTimer *m_sweep;
};

} // namespace ringchat::chat
