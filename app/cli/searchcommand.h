// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// ringchat-cli search: message search (chat::SearchService), one JSON line a hit.

#include "chatcommands.h"

namespace ringchat::cli {

int searchCommand(const ChatCommandContext &ctx, const CommandArgs &args);

} // namespace ringchat::cli
