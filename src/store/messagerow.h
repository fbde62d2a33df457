// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A stored message row as the cache reads it: the columns to SELECT, in the order
// messageFromRow() reads them, and the Message they make (reactions, the reply
// preview and the attachments from their JSON columns; delivery Sent, the models derive the rest).

#include "api/types.h"

class QSqlQuery;

namespace ringchat::store {

// "conversation_id, seq, id, ...": the SELECT list of messageFromRow().
extern const char *const kMessageRowColumns;

api::Message messageFromRow(const QSqlQuery &q);

} // namespace ringchat::store
