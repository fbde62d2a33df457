// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "store/draft.h"

#include <QList>
#include <QSqlDatabase>

namespace ringchat::store {

// The drafts table of an open cache (CacheDatabase's connection, same thread): one
// row per conversation with an unsent draft.
class DraftTable
{
public:
    explicit DraftTable(QSqlDatabase &db);

    // Replaces the conversation's draft; an empty draft removes it.
    bool save(const Draft &draft);
    // Every draft, oldest first.
    QList<Draft> all();

private:
    QSqlDatabase &m_db;
};

} // namespace ringchat::store
