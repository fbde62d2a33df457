// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The commands of ringchat-cli, in one table: what the parser looks up and what
// --help lists. Add new commands here.

#include <QString>
#include <QStringList>

#include <functional>
#include <vector>

namespace ringchat::cli {

class CliContext;

struct Command
{
    QString name;
    QString synopsis; // one line a form, e.g. "read CONVERSATION [--up-to SEQ]"
    QString summary;
    // Runs with the command's own arguments; ends by calling ctx.finish() or ctx.fail().
    std::function<void(CliContext &ctx, const QStringList &args)> run;
};

const std::vector<Command> &commands();
const Command *findCommand(const QString &name); // nullptr when there is none

} // namespace ringchat::cli
