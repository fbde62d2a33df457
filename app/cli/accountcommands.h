// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The account commands of ringchat-cli: login, logout, whoami. Each ends by calling
// ctx.finish() or ctx.fail().

#include <QStringList>

namespace ringchat::cli {

class CliContext;

void runLogin(CliContext &ctx, const QStringList &args);
void runLogout(CliContext &ctx, const QStringList &args);
void runWhoami(CliContext &ctx, const QStringList &args);

} // namespace ringchat::cli
