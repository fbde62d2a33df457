// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The text of ringchat-cli --help, made from the tables it describes: the commands,
// the global options and the exit codes.

#include <QString>

namespace ringchat::cli {

// "Usage: ringchat-cli [OPTIONS] COMMAND [ARGS...]"
QString usageLine();
// The usage line, the command names and a pointer to --help: for a usage error.
QString shortHelp();
QString helpText();

} // namespace ringchat::cli
