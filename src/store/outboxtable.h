// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "store/outboxentry.h"

#include <QList>
#include <QSqlDatabase>
#include <QString>

namespace ringchat::store {

// The outbox table of an open cache (CacheDatabase's connection, same thread):
// messages the user wrote that the server has not confirmed, oldest first.
// The echo of a message removes its entry in CacheDatabase::insertMessages.
class OutboxTable
{
public:
    explicit OutboxTable(QSqlDatabase &db);

    // Adding the same clientId twice keeps the first entry.
    bool add(const OutboxEntry &entry);
    // Every entry, or those of one conversation.
    QList<OutboxEntry> entries(const QString &conversationId = {});
    // False when no entry has this clientId.
    bool update(const QString &clientId, OutboxEntry::State state, int attempts, const QString &lastError);
    bool remove(const QString &clientId);

private:
    QSqlDatabase &m_db;
};

} // namespace ringchat::store
