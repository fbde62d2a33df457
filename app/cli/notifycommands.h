// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// notify: my notification level and mute for one conversation (contract v2
// PUT …/settings), straight over REST: the server tells my other devices.

#include "chatcommands.h"

namespace ringchat::cli {

int notifyCommand(const ChatCommandContext &ctx, const CommandArgs &args);

} // namespace ringchat::cli
