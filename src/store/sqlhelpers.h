// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// What the cache's QtSql code shares: times as milliseconds since the epoch
// (NULL when invalid), a statement run that logs its failure, and a scoped
// transaction.

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

} // namespace ringchat::store
