// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// One prepared statement on the store's SQLite connection, prepared once and
// reused. The message hot path (a flood is hundreds of thousands of rows) goes
// through this instead of QSqlQuery: QtSql's per-value bind bookkeeping (a
// QString placeholder name and a hash insert per value) and its UTF-16 binds
// cost more than SQLite's own insert. Used only on the store's worker thread.

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

#include <vector>

class QSqlDatabase;
struct sqlite3;
struct sqlite3_stmt;

namespace ringchat::store {

class SqliteStatement
{
public:
    SqliteStatement() = default;
    ~SqliteStatement() { finalize(); }
    SqliteStatement(const SqliteStatement &) = delete;
    SqliteStatement &operator=(const SqliteStatement &) = delete;

    // The raw connection behind a QSQLITE QSqlDatabase (null for another driver).
    static sqlite3 *handleOf(const QSqlDatabase &db);
    // True when the QSQLITE driver runs on the SQLite library this code calls. A
    // Qt built with its own bundled SQLite (Qt's Windows/macOS binaries) has a
    // second copy; its handle must never reach our sqlite3_* calls. See
    // packaging/README.md for building the driver on the system SQLite there.
    static bool driverSharesOurSqlite(const QSqlDatabase &db, QString *reason);
    // Turns SQLite's memory statistics off for the process: they cost a global mutex
    // and a size lookup around every allocation (about 1,200 instructions a stored
    // message in a flood), and nothing here reads them. Takes effect only before
    // SQLite's first connection in the process; later it changes nothing.
    static void configureProcess();

    bool prepare(sqlite3 *db, const char *sql);
    void finalize();
    bool isValid() const { return m_stmt != nullptr; }

    // 1-based, as in SQL. A null QString binds NULL, as QSqlQuery does.
    void bind(int index, qint64 value);
    void bind(int index, const QString &text);
    // UTF-8 bound in place: the bytes must stay put until the statement runs.
    // A null view binds NULL.
    void bindUtf8(int index, QByteArrayView text);
    void bindNull(int index);

    // Runs a statement that returns no rows; false (and a warning naming the
    // statement, never the values) on an error. changes(): rows it wrote.
    bool exec();
    int changes() const { return m_changes; }
    // Steps a query: true while there is a row. It resets itself at the end;
    // call reset() when leaving early.
    bool next();
    void reset();
    qint64 int64At(int column) const;
    QString textAt(int column) const; // a null QString for NULL
    bool isNullAt(int column) const;

private:
    void warn(int rc) const;

    sqlite3 *m_db = nullptr;
    sqlite3_stmt *m_stmt = nullptr;
    int m_changes = 0;
    // The UTF-8 of each text parameter, bound without a copy (SQLITE_STATIC):
    // one buffer per parameter, reused, so a bind allocates nothing.
    std::vector<QByteArray> m_text;
};

} // namespace ringchat::store
