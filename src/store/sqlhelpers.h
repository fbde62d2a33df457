// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// What the cache's QtSql code shares: times as milliseconds since the epoch
// (NULL when invalid), a statement run that logs its failure, a scoped
// transaction, and how durable a commit is (Durability, DurableWrite).

#include <QDateTime>
#include <QLoggingCategory>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

Q_DECLARE_LOGGING_CATEGORY(lcStore)

namespace ringchat::store {

inline QVariant timeValue(const QDateTime &t)
{
    return t.isValid() ? QVariant(t.toMSecsSinceEpoch()) : QVariant();
}

inline QDateTime timeFrom(const QVariant &v)
{
    return v.isNull() ? QDateTime() : QDateTime::fromMSecsSinceEpoch(v.toLongLong(), Qt::UTC);
}

// Runs the prepared query. Logs the failed statement; never the bound values
// (they hold message text).
inline bool execLogged(QSqlQuery &q)
{
    if (q.exec())
        return true;
    qCWarning(lcStore) << "SQL failed:" << q.lastQuery().left(80) << q.lastError().text();
    return false;
}

// Commits on success, rolls back if the scope is left without commit().
class Transaction
{
public:
    explicit Transaction(QSqlDatabase &db)
        : m_db(db)
        , m_active(db.transaction())
    {
    }
    ~Transaction()
    {
        if (m_active)
            m_db.rollback();
    }
    Transaction(const Transaction &) = delete;
    Transaction &operator=(const Transaction &) = delete;
    bool active() const { return m_active; }
    bool commit()
    {
        m_active = false;
        return m_db.commit();
    }

private:
    QSqlDatabase &m_db;
    bool m_active;
};

// How durable a commit is: the cache's one rule. The connection commits at synchronous=NORMAL
// (set when it is opened, CacheSchema::prepare): in WAL mode a commit survives a killed app,
// but an OS crash or power cut can lose the last ones before the next checkpoint. That costs
// nothing for what the server holds (messages, conversations, participants, synced_rev and the
// search index, which roll back together: the gap fill and the changes catch-up fetch them
// again), and it saves an fsync per commit while messages stream in. What only this device
// holds (the outbox, with its files' rows, and drafts) is written inside a DurableWrite: at
// FULL, so its commit is on disk (with every commit before it, the WAL is synced whole)
// before the write returns. (The echo of our own message removes its outbox entry with the
// message's commit, at NORMAL: a removal lost resends the entry, which the server takes once
// by its clientId.)
enum class Durability { ServerCopy, OnlyHere };

// Sets the connection's level; false (with SQLite's reason in *error) on failure, e.g.
// inside a transaction.
inline bool setDurability(QSqlDatabase &db, Durability durability, QString *error = nullptr)
{
    const QString pragma = durability == Durability::OnlyHere ? QStringLiteral("PRAGMA synchronous=FULL")
                                                              : QStringLiteral("PRAGMA synchronous=NORMAL");
    QSqlQuery q(db);
    if (q.exec(pragma))
        return true;
    qCWarning(lcStore) << "SQL failed:" << pragma << q.lastError().text();
    if (error)
        *error = q.lastError().text();
    return false;
}

// A write of what only this device holds, at Durability::OnlyHere for its scope. Outside any
// transaction: SQLite refuses to change the level inside one (the write may open its own).
class DurableWrite
{
public:
    explicit DurableWrite(QSqlDatabase &db)
        : m_db(db)
    {
        setDurability(m_db, Durability::OnlyHere);
    }
    ~DurableWrite() { setDurability(m_db, Durability::ServerCopy); }
    DurableWrite(const DurableWrite &) = delete;
    DurableWrite &operator=(const DurableWrite &) = delete;

private:
    QSqlDatabase &m_db;
};

} // namespace ringchat::store
