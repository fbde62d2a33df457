// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "store/outboxentry.h"

#include <QList>
#include <QSqlDatabase>
#include <QString>

namespace ringchat::store {

// The outbox table of an open cache (CacheDatabase's connection, same thread):
// messages the user wrote and actions on messages (edit, delete, react) that the
// server has not confirmed, oldest first. The echo of a message removes its entry
// in CacheDatabase::insertMessages.
class OutboxTable
{
public:
    explicit OutboxTable(QSqlDatabase &db);

    // Adding the same clientId twice keeps the first entry.
    bool add(const OutboxEntry &entry);
    // Every entry, or those of one conversation.
    QList<OutboxEntry> entries(const QString &conversationId = {});
    // The entry with entry.clientId takes entry's mutable fields (state, attempts,
    // error, content, format, target, emitted, its files' attachment ids). False when there is none.
    bool update(const OutboxEntry &entry);
    bool remove(const QString &clientId);

private:
    QSqlDatabase &m_db;
};

} // namespace ringchat::store
