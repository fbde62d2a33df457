// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// download: an attachment the local cache has seen (history or tail put it there),
// checked against the sha256 of its metadata while it streams; the file appears only
// when its bytes match. (Sending files is send --file, in chatcommands.)

#include "chatcommands.h"

namespace ringchat::cli {

int downloadCommand(const ChatCommandContext &ctx, const CommandArgs &args);

} // namespace ringchat::cli
