// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "store/drafttable.h"

#include "store/sqlhelpers.h"

namespace ringchat::store {

DraftTable::DraftTable(QSqlDatabase &db)
    : m_db(db)
{
}

bool DraftTable::save(const Draft &d)
{
    if (d.conversationId.isEmpty())
        return false;
    QSqlQuery q(m_db);
    if (d.isEmpty()) {
        q.prepare(QStringLiteral("DELETE FROM drafts WHERE conversation_id = ?"));
        q.addBindValue(d.conversationId);
        return execLogged(q);
    }
    // text is NOT NULL; a null QString would bind as NULL.
    const auto notNull = [](const QString &s) { return s.isNull() ? QStringLiteral("") : s; };
    q.prepare(QStringLiteral(
        "INSERT OR REPLACE INTO drafts (conversation_id, text, reply_to, reply_sender_name, reply_snippet,"
        " updated_at) VALUES (?, ?, ?, ?, ?, ?)"));
    q.addBindValue(d.conversationId);
    q.addBindValue(notNull(d.text));
    q.addBindValue(d.replyToId.isEmpty() ? QVariant() : QVariant(d.replyToId));
    q.addBindValue(notNull(d.replySenderName));
    q.addBindValue(notNull(d.replySnippet));
    q.addBindValue(timeValue(d.updatedAt.isValid() ? d.updatedAt : QDateTime::currentDateTimeUtc()));
    return execLogged(q);
}

QList<Draft> DraftTable::all()
{
    QList<Draft> out;
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT conversation_id, text, reply_to, reply_sender_name, reply_snippet,"
                             " updated_at FROM drafts ORDER BY updated_at, conversation_id"));
    if (!execLogged(q))
        return out;
    while (q.next()) {
        Draft d;
        d.conversationId = q.value(0).toString();
        d.text = q.value(1).toString();
        d.replyToId = q.value(2).toString();
        d.replySenderName = q.value(3).toString();
        d.replySnippet = q.value(4).toString();
        d.updatedAt = timeFrom(q.value(5));
        out.append(std::move(d));
    }
    return out;
}

} // namespace ringchat::store
