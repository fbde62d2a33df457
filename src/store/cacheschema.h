// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QSqlDatabase>
#include <QString>
#include <QStringList>

namespace ringchat::store {

// What a cache file must be before CacheDatabase uses it: ours (PRAGMA
// application_id), of this program's schema version or older, intact (quick
// check), in WAL mode, and migrated to the current version in one transaction.
class CacheSchema
{
public:
    // Bumped with every migration step in migrate().
    static constexpr int kVersion = 9;
    // PRAGMA application_id: tells our files from other programs' SQLite files.
    static constexpr int kApplicationId = 0x52434854; // "RCHT"

    // Checks the freshly opened file and brings it to kVersion (a new, empty
    // file gets the whole schema). False, with the reason, when the file is
    // not usable and must be moved aside.
    static bool prepare(QSqlDatabase &db, QString *reason);

private:
    static bool migrate(QSqlDatabase &db, int fromVersion, QString *reason);
    // One step a function from v4 on, so that a step moves to another number whole
    // (v4, drafts, is draftsStep() in the .cpp).
    static QStringList attachmentsStep();     // v5
    static QStringList searchIndexStep();     // v6
    static QStringList mentionsStep();        // v7
    static QStringList leanSearchIndexStep(); // v8
    static QStringList seqIdentityStep();     // v9
};

} // namespace ringchat::store
