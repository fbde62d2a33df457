// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The commands that act on a message (edit, delete, react), through the same durable
// outbox as send: the action is on disk before it goes out, what earlier runs left
// queued goes out first, and an action whose answer was lost stays queued for the
// next run (the server does each action once, however often it is sent).

#include "chatcommands.h"

namespace ringchat::cli {

int editCommand(const ChatCommandContext &ctx, const CommandArgs &args);
int deleteCommand(const ChatCommandContext &ctx, const CommandArgs &args);
int reactCommand(const ChatCommandContext &ctx, const CommandArgs &args);

} // namespace ringchat::cli
