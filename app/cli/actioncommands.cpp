// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "actioncommands.h"

#include "chatrun.h"
#include "exitcode.h"
#include "output.h"

#include "chat/messageactions.h"

#include <functional>

namespace ringchat::cli {

using chat::ChatService;

namespace {

// Runs one action: `act` starts it once the outbox is read back (and returns its
// id, as ChatService does); the run prints the message as the server then has it,
// and ends when the whole outbox is sent, earlier runs' entries included. An
// action the service took as a change of our unsent message (its id is then that
// message's clientId) prints the message once it is sent, if it is.
int runAction(const ChatCommandContext &ctx, const QString &conv,
              const std::function<QString(ChatService *)> &act)
{
    ChatRun run(ctx);
    if (!run.setUp(true))
        return run.exec();
    ChatService *s = run.service();
    QString actionId;
    bool anyRefused = false;
    // Ours is in the outbox until the server answered it.
    auto maybeDone = [&] {
        if (actionId.isEmpty())
            return;
        if (s->outboxPending() == 0)
            run.finish(anyRefused ? ExitRefused : ExitOk);
        else // the server died or is stuck when no answer comes in time: it stays queued
            run.giveUpWithoutAnswer(kStaysQueued);
    };
    auto printIfOurs = [&](const QString &id, const api::Message &state) {
        if (id == actionId && !state.id.isEmpty())
            ctx.output->json(messageJson(state));
        maybeDone();
    };
    QObject::connect(s, &ChatService::actionApplied, s, printIfOurs);
    QObject::connect(s, &ChatService::messageDelivered, s, printIfOurs);
    QObject::connect(s, &ChatService::actionRefused, s,
                     [&](const QString &, const QString &, const QString &code, const QString &sentence) {
                         ctx.output->say(QStringLiteral("The server refused: %1 (%2)").arg(sentence, code));
                         anyRefused = true;
                         maybeDone();
                     });
    QObject::connect(s, &ChatService::messageFailed, s,
                     [&, s](const QString &clientId, const QString &error) {
                         ctx.output->say(QStringLiteral("Message %1 was refused: %2").arg(clientId, error));
                         anyRefused = true;
                         s->discardMessage(clientId); // a CLI has nobody to press Retry
                         maybeDone();
                     });
    QObject::connect(s, &ChatService::cacheLoaded, s, [&, s] {
        actionId = act(s);
        if (actionId.isEmpty())
            return run.finish(ExitUsage, QStringLiteral("This action cannot be done."));
        maybeDone(); // a delete of a message that never went out is done already
    });
    run.giveUpWhenOffline(kStaysQueued);
    s->openConversation(conv);
    s->start();
    return run.exec();
}

bool validTarget(const CommandArgs &args, qsizetype minArgs)
{
    return args.positional.size() >= minArgs && api::isValidConversationId(args.positional.at(0))
        && api::isValidOpaqueId(args.positional.at(1));
}

} // namespace

int editCommand(const ChatCommandContext &ctx, const CommandArgs &args)
{
    if (!validTarget(args, 3))
        return usage(ctx, QStringLiteral("Usage: edit CONVERSATION MESSAGE_ID TEXT..."));
    const QString text = args.positional.mid(2).join(QLatin1Char(' '));
    if (!api::isValidContent(text))
        return usage(ctx, QStringLiteral("A message is 1 to 10000 characters (not only spaces)."));
    const QString conv = args.positional.at(0), id = args.positional.at(1);
    return runAction(ctx, conv, [&](ChatService *s) { return s->editMessage(conv, id, text); });
}

int deleteCommand(const ChatCommandContext &ctx, const CommandArgs &args)
{
    if (!validTarget(args, 2) || args.positional.size() != 2)
        return usage(ctx, QStringLiteral("Usage: delete CONVERSATION MESSAGE_ID"));
    const QString conv = args.positional.at(0), id = args.positional.at(1);
    return runAction(ctx, conv, [&](ChatService *s) { return s->deleteMessage(conv, id); });
}

int reactCommand(const ChatCommandContext &ctx, const CommandArgs &args)
{
    if (!validTarget(args, 3) || args.positional.size() != 3)
        return usage(ctx, QStringLiteral("Usage: react CONVERSATION MESSAGE_ID EMOJI [--off]"));
    const QString conv = args.positional.at(0), id = args.positional.at(1), emoji = args.positional.at(2);
    if (!chat::MessageActions::isValidEmoji(emoji))
        return usage(ctx, QStringLiteral("Not one emoji: %1").arg(emoji));
    return runAction(ctx, conv, [&](ChatService *s) { return s->setReaction(conv, id, emoji, !args.off); });
}

} // namespace ringchat::cli
