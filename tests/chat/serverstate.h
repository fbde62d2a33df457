// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// What the reference server's own database says about a conversation, for tests of
// our actions: its rows, its rev and a message's id. Also the server settings those
// tests run with (no rate limits; EDIT_WINDOW_S when given).

#include "referenceserver.h"

#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

inline QProcessEnvironment actionServerEnv(const QString &editWindowSeconds = QString())
{
    QProcessEnvironment env;
    env.insert(QStringLiteral("CONNECT_RATE_LIMIT"), QStringLiteral("10000"));
    env.insert(QStringLiteral("MESSAGE_RATE_BURST"), QStringLiteral("10000"));
    env.insert(QStringLiteral("MESSAGE_RATE_PER_SEC"), QStringLiteral("10000"));
    if (!editWindowSeconds.isEmpty())
        env.insert(QStringLiteral("EDIT_WINDOW_S"), editWindowSeconds);
    return env;
}

// The server's own rows: "seq|content|format|deleted|reactions", ascending.
inline QStringList serverRows(const ReferenceServer &server, const QString &conv)
{
    return server
        .sql(QStringLiteral("SELECT seq || '|' || content || '|' || format || '|' || (deletedAt IS NOT NULL)"
                            " || '|' || reactions FROM messages WHERE conversationId = '%1' ORDER BY seq")
                 .arg(conv))
        .trimmed()
        .split(QLatin1Char('\n'));
}

inline qint64 serverRev(const ReferenceServer &server, const QString &conv)
{
    return server.sql(QStringLiteral("SELECT rev FROM conversations WHERE id = '%1'").arg(conv))
        .trimmed()
        .toLongLong();
}

inline QString messageId(const ReferenceServer &server, qint64 seq, const QString &conv)
{
    return server
        .sql(QStringLiteral("SELECT id FROM messages WHERE conversationId = '%1' AND seq = %2")
                 .arg(conv)
                 .arg(seq))
        .trimmed();
}
