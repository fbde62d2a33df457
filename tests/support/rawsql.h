// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A test's own SQL on a cache file, outside the store (e.g. to make an older schema).

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStringList>
#include <QTest>

namespace ringchat::testing {

// Runs statements on the file with a connection of its own.
inline void execRaw(const QString &file, const QStringList &statements)
{
    {
        QSqlDatabase raw = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("raw"));
        raw.setDatabaseName(file);
        QVERIFY(raw.open());
        QSqlQuery q(raw);
        for (const QString &sql : statements)
            QVERIFY2(q.exec(sql), qPrintable(q.lastError().text()));
        q.finish();
        raw.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("raw"));
}

// What schema v6 added (the search index): dropped, the file is as v5 left it.
inline const QStringList kDropSearchIndex
    = { QStringLiteral("DROP TABLE search_state"), QStringLiteral("DROP TRIGGER message_search_update"),
        QStringLiteral("DROP TRIGGER message_search_delete"), QStringLiteral("DROP TABLE message_search"),
        QStringLiteral("DROP TABLE search_backfill") };

// The mention and notification columns (schema v7), for a file as v6 left it.
inline const QStringList kDropMentionColumns
    = { QStringLiteral("ALTER TABLE messages DROP COLUMN mentions"),
        QStringLiteral("ALTER TABLE outbox DROP COLUMN mentions"),
        QStringLiteral("ALTER TABLE conversations DROP COLUMN unread_mention_count"),
        QStringLiteral("ALTER TABLE conversations DROP COLUMN notify"),
        QStringLiteral("ALTER TABLE conversations DROP COLUMN muted_until") };

} // namespace ringchat::testing
