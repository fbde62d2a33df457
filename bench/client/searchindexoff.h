// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A cache file as it was before the search index (issue 16), for the benches that
// measure what the index costs: the FTS table and its triggers dropped, and in the
// table's place a view that takes the write path's batch insert and keeps nothing.

#include "store/cachedatabase.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>

namespace ringchat::bench {

// Creates the cache at `path` (current schema) and takes its search index out.
inline bool createCacheWithoutSearchIndex(const QString &path)
{
    {
        store::CacheDatabase db;
        if (!db.open(path, QStringLiteral("me")))
            return false;
        db.close();
    }
    bool ok = true;
    {
        QSqlDatabase raw = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("no-index"));
        raw.setDatabaseName(path);
        ok = raw.open();
        QSqlQuery q(raw);
        for (const char *sql :
             { "DROP TABLE message_search", "DROP TRIGGER message_search_update",
               "DROP TRIGGER message_search_delete",
               "CREATE VIEW message_search AS SELECT NULL AS rowid, NULL AS content WHERE 0",
               "CREATE TRIGGER message_search_nothing INSTEAD OF INSERT ON message_search BEGIN SELECT 1; "
               "END" })
            ok = q.exec(QString::fromLatin1(sql)) && ok;
        raw.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("no-index"));
    return ok;
}

} // namespace ringchat::bench
