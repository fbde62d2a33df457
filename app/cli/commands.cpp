// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "commands.h"

#include "accountcommands.h"
#include "actioncommands.h"
#include "chatcommands.h"
#include "clicontext.h"
#include "exitcode.h"
#include "filecommands.h"
#include "notifycommands.h"
#include "searchcommand.h"

namespace ringchat::cli {

namespace {

// A chat command as a Command: its arguments first (a usage error needs no token),
// then the token of this run, then the command in its own event loop.
std::function<void(CliContext &, const QStringList &)> chat(ChatCommand command)
{
    return [command](CliContext &ctx, const QStringList &raw) {
        const CommandArgs args = parseCommandArgs(raw);
        if (!args.error.isEmpty())
            return ctx.fail(ExitUsage, args.error);
        ctx.withAccessToken([&ctx, command, args](CliTokenSource *tokens) {
            ChatCommandContext chat;
            chat.serverUrl = ctx.server();
            chat.tokens = tokens;
            chat.dataDir = ctx.settings().dataDir;
            chat.timeoutSeconds = ctx.settings().timeoutSeconds;
            chat.output = &ctx.output();
            ctx.finish(command(chat, args));
        });
    };
}

} // namespace

const std::vector<Command> &commands()
{
    static const std::vector<Command> list {
        { QStringLiteral("login"), QStringLiteral("login"),
          QStringLiteral("Sign in through the browser and keep the session in the keychain."), runLogin },
        { QStringLiteral("logout"), QStringLiteral("logout"),
          QStringLiteral("Sign out: revoke the session at the server and delete it from the keychain."),
          runLogout },
        { QStringLiteral("whoami"), QStringLiteral("whoami [--json]"),
          QStringLiteral("Show the signed-in user (restores the saved session without a browser)."),
          runWhoami },
        { QStringLiteral("conversations"), QStringLiteral("conversations"),
          QStringLiteral("Your conversations, one JSON object a line."), chat(conversationsCommand) },
        { QStringLiteral("history"), QStringLiteral("history CONVERSATION [--limit N] [--cached]"),
          QStringLiteral("The last N messages (default 50), oldest first, one JSON object a line, "
                         "deleted ones included (deletedAt set, content \"\"). --cached: "
                         "offline, from the local cache only."),
          chat(historyCommand) },
        { QStringLiteral("send"),
          QStringLiteral(
              "send CONVERSATION TEXT... [--reply-to MESSAGE_ID] [--markdown] [--mention USER_ID]...\n"
              "send CONVERSATION [TEXT...] --file PATH [--file PATH...]\n"
              "send CONVERSATION --stdin [--reply-to MESSAGE_ID] [--markdown]"),
          QStringLiteral("Send a message (--stdin: each line of input) and print each as the "
                         "server acked it, as JSON. --reply-to: in reply to that message; "
                         "--markdown: the text is markdown; --mention: the message mentions that "
                         "participant (repeatable; they are notified even in \"mentions only\"); --file: "
                         "attach a file (up to 10, each "
                         "at most 25 MiB, typed from its content; the text is then optional). A "
                         "message that could not be sent stays queued in --data-dir, its files "
                         "copied there, and goes out with the next send, edit, delete or react."),
          chat(sendCommand) },
        { QStringLiteral("download"), QStringLiteral("download ATTACHMENT_ID [--output PATH]"),
          QStringLiteral("Save an attachment that history or tail has shown (its id is in the local "
                         "cache) as --output, or under its name in the current folder, and print it "
                         "as JSON with its path. The file appears only when its bytes match its "
                         "sha256 (a mismatch exits 1 and leaves no file)."),
          chat(downloadCommand) },
        { QStringLiteral("edit"), QStringLiteral("edit CONVERSATION MESSAGE_ID TEXT..."),
          QStringLiteral("Change the text of your message (within 15 minutes of sending it) and print "
                         "the message as the server then has it, as JSON. MESSAGE_ID may be the "
                         "clientId of your message that is still queued: its text changes before it "
                         "goes out."),
          chat(editCommand) },
        { QStringLiteral("delete"), QStringLiteral("delete CONVERSATION MESSAGE_ID"),
          QStringLiteral("Delete a message (your own, or any in a group you administer) and print "
                         "what is left of it (deletedAt set, no content), as JSON. A message of "
                         "yours still queued (by its clientId) just leaves the queue."),
          chat(deleteCommand) },
        { QStringLiteral("react"), QStringLiteral("react CONVERSATION MESSAGE_ID EMOJI [--off]"),
          QStringLiteral("Put your reaction EMOJI on a message (--off: take it away) and print the "
                         "message as the server then has it, as JSON. edit, delete and react: an "
                         "action the server refused exits 5 and names its code; one whose answer "
                         "did not come (exit 4) stays queued in --data-dir and is sent again by the "
                         "next send, edit, delete or react, and never done twice."),
          chat(reactCommand) },
        { QStringLiteral("search"),
          QStringLiteral("search QUERY... [--conversation ID] [--limit N] [--offline]"),
          QStringLiteral("Find messages: every word of QUERY as the start of a word, in any case, "
                         "newest first (at most N, default 50, up to 1000: the server's pages "
                         "are followed for them). QUERY may hold from:NAME, "
                         "in:CONVERSATION, before:DATE and after:DATE (YYYY-MM-DD). One "
                         "{\"message\":...,\"ranges\":[[start,end],...]} line a hit, the ranges "
                         "the matched words in UTF-16 offsets of the text. The local cache is "
                         "searched, then the server for history the cache does not hold; "
                         "--offline: the cache only."),
          chat(searchCommand) },
        { QStringLiteral("tail"), QStringLiteral("tail [CONVERSATION...]"),
          QStringLiteral("Print every server event as {\"event\":...,\"data\":...} until "
                         "interrupted (Ctrl+C), for "
                         "the given conversations or all of them: new messages as message_received, "
                         "edits, deletes and reactions as message_updated (the whole message)."),
          chat(tailCommand) },
        { QStringLiteral("typing"), QStringLiteral("typing CONVERSATION"),
          QStringLiteral("Tell the others you are typing (one typing_start)."), chat(typingCommand) },
        { QStringLiteral("notify"), QStringLiteral("notify CONVERSATION all|mentions|none [--for MINUTES]"),
          QStringLiteral("Set your notification level for a conversation (all messages, only those "
                         "that mention you, or none) and print the conversation as JSON. --for: also "
                         "mute it for that many minutes (settings.mutedUntil); without it a mute is "
                         "lifted. Your other devices follow at once."),
          chat(notifyCommand) },
        { QStringLiteral("read"), QStringLiteral("read CONVERSATION [--up-to SEQ]"),
          QStringLiteral("Move your read marker (default: to the newest message) and print it."),
          chat(readCommand) },
    };
    return list;
}

const Command *findCommand(const QString &name)
{
    for (const Command &c : commands())
        if (c.name == name)
            return &c;
    return nullptr;
}

} // namespace ringchat::cli
