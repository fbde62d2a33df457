// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The arguments of one chat command: its positional arguments and its own options
// (--limit N, --up-to SEQ, --stdin, --cached). The global options were taken out
// before (commandline.h).

#include <QString>
#include <QStringList>

#include <optional>

namespace ringchat::cli {

struct CommandArgs
{
    QStringList positional;
    std::optional<qint64> limit, upTo;
    bool stdinLines = false;
    bool cached = false;
    QString error; // a usage error, for people
};

// Options may stand anywhere among the positional arguments, until a "--".
CommandArgs parseCommandArgs(const QStringList &raw);

} // namespace ringchat::cli
