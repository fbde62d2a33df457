// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The chat commands of ringchat-cli (conversations, history, send, tail, typing, read;
// edit, delete and react are in actioncommands.h), on the same ChatService the app uses. Each runs to the end
// in its own event loop and returns the process exit code (ExitCode). Results go to stdout as JSON objects,
// one a line; sentences for people go to stderr.

#include "commandargs.h"
#include "commandline.h"

#include "api/types.h"

#include <QJsonObject>
#include <QString>
#include <QUrl>

namespace ringchat::cli {

class CliTokenSource;
class Output;

struct ChatCommandContext
{
    QUrl serverUrl;
    CliTokenSource *tokens = nullptr; // must stay valid during the call
    // Where the per-account cache and outbox live. Empty: $RINGCHAT_DATA_DIR, then the
    // platform's app data location.
    QString dataDir;
    int timeoutSeconds = kDefaultTimeoutSeconds; // give up after this long without a connection or an answer
    Output *output = nullptr;
};

using ChatCommand = int (*)(const ChatCommandContext &, const CommandArgs &);

// What happens to what the server has not taken when a command gives up.
inline const QString kStaysQueued = QStringLiteral(
    "What was not sent stays queued and goes out with the next send, edit, delete or react.");

// A message as the chat commands print it (a pending one with its delivery state,
// and our change the server has not answered).
QJsonObject messageJson(const api::Message &message);
// Says `sentence` and returns ExitUsage.
int usage(const ChatCommandContext &ctx, const QString &sentence);

int conversationsCommand(const ChatCommandContext &ctx, const CommandArgs &args);
int historyCommand(const ChatCommandContext &ctx, const CommandArgs &args);
int sendCommand(const ChatCommandContext &ctx, const CommandArgs &args);
int tailCommand(const ChatCommandContext &ctx, const CommandArgs &args);
int typingCommand(const ChatCommandContext &ctx, const CommandArgs &args);
int readCommand(const ChatCommandContext &ctx, const CommandArgs &args);

} // namespace ringchat::cli
