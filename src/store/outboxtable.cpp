// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "store/outboxtable.h"

#include "store/sqlhelpers.h"

namespace ringchat::store {

OutboxTable::OutboxTable(QSqlDatabase &db)
    : m_db(db)
{
}

bool OutboxTable::add(const OutboxEntry &e)
{
    if (e.clientId.isEmpty() || e.conversationId.isEmpty())
        return false;
    QSqlQuery q(m_db);
    // Adding the same clientId twice keeps the first entry (a resend is not a new message).
    q.prepare(
        QStringLiteral("INSERT OR IGNORE INTO outbox (client_id, conversation_id, content, type, reply_to,"
                       " created_at, attempts, state, last_error) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    q.addBindValue(e.clientId);
    q.addBindValue(e.conversationId);
    q.addBindValue(e.content);
    q.addBindValue(e.type == api::Message::Type::System ? 1 : 0);
    q.addBindValue(e.replyTo.isEmpty() ? QVariant() : QVariant(e.replyTo));
    q.addBindValue(timeValue(e.createdAt.isValid() ? e.createdAt : QDateTime::currentDateTimeUtc()));
    q.addBindValue(e.attempts);
    q.addBindValue(int(e.state));
    q.addBindValue(e.lastError.isEmpty() ? QVariant() : QVariant(e.lastError));
    return execLogged(q);
}

QList<OutboxEntry> OutboxTable::entries(const QString &conversationId)
{
    QList<OutboxEntry> out;
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    q.prepare(QStringLiteral(
        "SELECT client_id, conversation_id, content, type, reply_to, created_at, attempts, state,"
        " last_error FROM outbox WHERE :conv = '' OR conversation_id = :conv"
        " ORDER BY created_at, rowid"));
    q.bindValue(QStringLiteral(":conv"), conversationId.isNull() ? QStringLiteral("") : conversationId);
    if (!execLogged(q))
        return out;
    while (q.next()) {
        OutboxEntry e;
        e.clientId = q.value(0).toString();
        e.conversationId = q.value(1).toString();
        e.content = q.value(2).toString();
        e.type = q.value(3).toInt() == 1 ? api::Message::Type::System : api::Message::Type::Text;
        e.replyTo = q.value(4).toString();
        e.createdAt = timeFrom(q.value(5));
        e.attempts = q.value(6).toInt();
        e.state = q.value(7).toInt() == 1 ? OutboxEntry::State::Failed : OutboxEntry::State::Queued;
        e.lastError = q.value(8).toString();
        out.append(std::move(e));
    }
    return out;
}

bool OutboxTable::update(const QString &clientId, OutboxEntry::State state, int attempts,
                         const QString &lastError)
{
    QSqlQuery q(m_db);
    q.prepare(
        QStringLiteral("UPDATE outbox SET state = ?, attempts = ?, last_error = ? WHERE client_id = ?"));
    q.addBindValue(int(state));
    q.addBindValue(attempts);
    q.addBindValue(lastError.isEmpty() ? QVariant() : QVariant(lastError));
    q.addBindValue(clientId);
    return execLogged(q) && q.numRowsAffected() == 1;
}

bool OutboxTable::remove(const QString &clientId)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("DELETE FROM outbox WHERE client_id = ?"));
    q.addBindValue(clientId);
    return execLogged(q) && q.numRowsAffected() == 1;
}

} // namespace ringchat::store
