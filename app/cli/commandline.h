// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The command line of ringchat-cli: the global options (accepted before or after the
// command), the command's name and its own arguments.

#include <QString>
#include <QStringList>

#include <optional>

namespace ringchat::cli {

// How long a command waits for a connection or an answer without --timeout.
constexpr int kDefaultTimeoutSeconds = 30;

struct CommandLine
{
    // Global options; unset when not given (the environment and defaults come later).
    std::optional<QString> server;
    std::optional<QString> token;
    std::optional<QString> dataDir;
    std::optional<QString> proxy;
    std::optional<int> timeoutSeconds;
    bool verbose = false;
    bool help = false;
    bool version = false;

    QString command;         // empty when none was given
    QStringList commandArgs; // the command's own arguments and options, in order
    QString error;           // a usage error, for people
};

// Parses the arguments after the program name. Global options are taken out wherever
// they stand (up to a "--"); everything else after the command goes to the command.
CommandLine parseCommandLine(const QStringList &arguments);

// The global options as --help shows them ("--server URL", what it does), from the
// same table the parser reads.
struct OptionHelp
{
    QString spelled;
    QString help;
};
QList<OptionHelp> globalOptionsHelp();

} // namespace ringchat::cli
