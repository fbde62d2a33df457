// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "store/sqlitestatement.h"

#include <QLoggingCategory>
#include <QSqlDatabase>
#include <QSqlDriver>
#include <QSqlQuery>
#include <QStringEncoder>
#include <QVariant>

#include <sqlite3.h>

#include <mutex>

Q_DECLARE_LOGGING_CATEGORY(lcStore)

namespace ringchat::store {

sqlite3 *SqliteStatement::handleOf(const QSqlDatabase &db)
{
    const QVariant handle = db.isValid() && db.driver() ? db.driver()->handle() : QVariant();
    if (!handle.isValid() || qstrcmp(handle.typeName(), "sqlite3*") != 0)
        return nullptr;
    return *static_cast<sqlite3 *const *>(handle.constData());
}

bool SqliteStatement::driverSharesOurSqlite(const QSqlDatabase &db, QString *reason)
{
    // Asked through the driver (its copy of SQLite) and compared with ours. Two
    // copies of one exact build would pass, so packaging keeps the driver on the
    // system library rather than relying on this alone.
    QSqlQuery q(db);
    const QString theirs
        = q.exec(QStringLiteral("SELECT sqlite_source_id()")) && q.next() ? q.value(0).toString() : QString();
    const QString ours = QString::fromLatin1(sqlite3_sourceid());
    if (theirs == ours && handleOf(db))
        return true;
    *reason = QStringLiteral("Qt's SQLite driver uses another SQLite library (%1) than Ring Chat (%2); "
                             "build the QSQLITE plugin with the system SQLite")
                  .arg(theirs.isEmpty() ? QStringLiteral("unknown") : theirs.left(19), ours.left(19));
    return false;
}

void SqliteStatement::configureProcess()
{
    static std::once_flag once;
    std::call_once(once, [] {
        if (sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0) != SQLITE_OK)
            qCDebug(lcStore) << "SQLite was initialized already: its memory statistics stay on";
    });
}

bool SqliteStatement::prepare(sqlite3 *db, const char *sql)
{
    finalize();
    m_db = db;
    if (!db)
        return false;
    const int rc = sqlite3_prepare_v3(db, sql, -1, SQLITE_PREPARE_PERSISTENT, &m_stmt, nullptr);
    if (rc != SQLITE_OK) {
        qCWarning(lcStore) << "SQL prepare failed:" << QByteArray(sql).left(80) << sqlite3_errmsg(db);
        sqlite3_finalize(m_stmt);
        m_stmt = nullptr;
        return false;
    }
    m_text.assign(size_t(sqlite3_bind_parameter_count(m_stmt)), QByteArray());
    return true;
}

void SqliteStatement::finalize()
{
    sqlite3_finalize(m_stmt); // a no-op on null
    m_stmt = nullptr;
    m_text.clear();
}

void SqliteStatement::bind(int index, qint64 value)
{
    sqlite3_bind_int64(m_stmt, index, value);
}

void SqliteStatement::bind(int index, const QString &text)
{
    if (text.isNull() || index < 1 || size_t(index) > m_text.size()) {
        sqlite3_bind_null(m_stmt, index);
        return;
    }
    // UTF-8 here (vectorised) rather than UTF-16 converted by SQLite (a char at
    // a time); resize() keeps the buffer's capacity.
    QByteArray &utf8 = m_text[index - 1];
    QStringEncoder toUtf8(QStringEncoder::Utf8, QStringConverter::Flag::Stateless);
    utf8.resize(toUtf8.requiredSpace(text.size()));
    const char *end = toUtf8.appendToBuffer(utf8.data(), text);
    sqlite3_bind_text(m_stmt, index, utf8.constData(), int(end - utf8.constData()), SQLITE_STATIC);
}

void SqliteStatement::bindUtf8(int index, QByteArrayView text)
{
    if (text.isNull())
        sqlite3_bind_null(m_stmt, index);
    else
        sqlite3_bind_text(m_stmt, index, text.data(), int(text.size()), SQLITE_STATIC);
}

void SqliteStatement::bindNull(int index)
{
    sqlite3_bind_null(m_stmt, index);
}

bool SqliteStatement::exec()
{
    m_changes = 0;
    if (!m_stmt)
        return false;
    const int rc = sqlite3_step(m_stmt);
    const bool ok = rc == SQLITE_DONE || rc == SQLITE_ROW;
    if (ok)
        m_changes = sqlite3_changes(m_db);
    else
        warn(rc);
    sqlite3_reset(m_stmt);
    return ok;
}

bool SqliteStatement::next()
{
    if (!m_stmt)
        return false;
    const int rc = sqlite3_step(m_stmt);
    if (rc == SQLITE_ROW)
        return true;
    if (rc != SQLITE_DONE)
        warn(rc);
    sqlite3_reset(m_stmt);
    return false;
}

void SqliteStatement::reset()
{
    sqlite3_reset(m_stmt);
}

qint64 SqliteStatement::int64At(int column) const
{
    return sqlite3_column_int64(m_stmt, column);
}

QString SqliteStatement::textAt(int column) const
{
    const auto *text = reinterpret_cast<const char *>(sqlite3_column_text(m_stmt, column));
    return text ? QString::fromUtf8(text, sqlite3_column_bytes(m_stmt, column)) : QString();
}

bool SqliteStatement::isNullAt(int column) const
{
    return sqlite3_column_type(m_stmt, column) == SQLITE_NULL;
}

// Names the statement, never the bound values (they hold message text).
void SqliteStatement::warn(int rc) const
{
    qCWarning(lcStore) << "SQL failed:" << QByteArray(sqlite3_sql(m_stmt)).left(80) << sqlite3_errstr(rc)
                       << sqlite3_errmsg(m_db);
}

} // namespace ringchat::store
