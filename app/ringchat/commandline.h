// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The desktop app's command line (ringchat --help).

#include <QString>
#include <QStringList>

class QCoreApplication;

namespace ringchat::app {

struct CommandLine
{
    bool smokeTest = false;   // quit after the first frame (package tests)
    bool automation = false;  // accept the scripting commands (remotecommands.h)
    QString server;           // --server: remembered for next time
    QString token;            // --token, else RINGCHAT_TOKEN
    QString dataDirectory;    // --data-dir, else RINGCHAT_DATA_DIR
    QStringList commands;     // --command: lines for the running instance
    QString openConversation; // --open

    // Exits with the usage on --help or a bad option.
    static CommandLine parse(const QCoreApplication &app);

    // What to hand a running instance: the commands, "open <id>", else "raise".
    QStringList linesForRunningInstance() const;
};

} // namespace ringchat::app
