// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "chatcommands.h"

#include "chatrun.h"
#include "clitokensource.h"
#include "exitcode.h"
#include "interrupt.h"
#include "output.h"
#include "stdinlines.h"

#include "api/ackreply.h"
#include "api/restclient.h"
#include "chat/attachmentstager.h"
#include "net/socketioclient.h"

#include <QEventLoop>
#include <QJsonObject>
#include <QSet>

#include <memory>

namespace ringchat::cli {

using chat::ChatService;
using chat::ConnectionManager;

namespace {

// The problem with an ack, in one place: empty when the server answered {ok:true};
// else the server's error code (or "timeout"/"disconnected") and a sentence.
QString ackProblem(const net::AckResult &r, QString *message)
{
    const api::AckReply ack = api::AckReply::from(r);
    if (ack.ok)
        return QString();
    *message = ack.answered ? QStringLiteral("The server refused: %1 (%2).").arg(ack.message, ack.code)
                            : QStringLiteral("The server did not answer (%1).").arg(ack.code);
    return ack.code;
}

// Runs `then` once, the first time the service is online.
void whenOnline(ChatRun &run, std::function<void()> then)
{
    ChatService *s = run.service();
    auto done = std::make_shared<bool>(false);
    QObject::connect(s->connection(), &ConnectionManager::online, s, [done, then](bool) {
        if (!std::exchange(*done, true))
            then();
    });
}

// Emits `event` and hands the ack's object to `onOk`; a refusal or no answer
// finishes the run.
void emitChecked(ChatRun &run, const QString &event, const QJsonObject &data,
                 std::function<void(const QJsonObject &ack)> onOk)
{
    run.service()->socket()->emitEvent(event, data, [&run, onOk](const net::AckResult &r) {
        QString message;
        const QString code = ackProblem(r, &message);
        if (code.isEmpty())
            return onOk(r.payload.args().at(0).toObject());
        const bool network = code == QLatin1String("timeout") || code == QLatin1String("disconnected");
        run.finish(network ? ExitNetwork : ExitRefused, message);
    });
}

} // namespace

QJsonObject messageJson(const api::Message &m)
{
    QJsonObject o = m.toJson();
    if (m.isPending())
        o.insert(QStringLiteral("delivery"), api::deliveryStateName(m.delivery));
    static const char *const changes[] = { "", "edit", "delete", "react" };
    if (m.pendingChange != api::Message::PendingChange::None) // ours, not answered yet
        o.insert(QStringLiteral("pendingChange"), QLatin1String(changes[int(m.pendingChange)]));
    return o;
}

int usage(const ChatCommandContext &ctx, const QString &sentence)
{
    ctx.output->say(sentence);
    return ExitUsage;
}

int conversationsCommand(const ChatCommandContext &ctx, const CommandArgs &args)
{
    if (!args.positional.isEmpty())
        return usage(ctx, QStringLiteral("conversations takes no arguments."));
    api::RestClient rest(ctx.serverUrl, ctx.tokens);
    rest.setTimeout(std::chrono::seconds(ctx.timeoutSeconds));
    int code = -1;
    QEventLoop loop;
    rest.allConversations().then(&loop, [&](const api::ApiResult<QList<api::Conversation>> &r) {
        if (!r.ok()) {
            ctx.output->say(ctx.tokens->refusalOr(r.error().message));
            code = exitCodeFor(r.error());
        } else {
            for (const api::Conversation &c : r.value())
                ctx.output->json(c.toJson());
            code = ExitOk;
        }
        loop.quit();
    });
    if (code < 0) // not answered synchronously
        loop.exec();
    return code;
}

int historyCommand(const ChatCommandContext &ctx, const CommandArgs &args)
{
    if (args.positional.size() != 1 || !api::isValidConversationId(args.positional.first()))
        return usage(ctx, QStringLiteral("Usage: history CONVERSATION [--limit N] [--cached]"));
    const QString conv = args.positional.first();
    const qint64 limit = args.limit.value_or(50);
    ChatRun run(ctx);
    ChatService::Options options;
    options.latestPageSize = int(std::min<qint64>(limit, 200));
    if (!run.setUp(true, options))
        return run.exec();
    ChatService *s = run.service();

    auto print = [&run, &ctx, s, conv, limit] {
        QList<api::Message> list = s->messages(conv);
        if (list.size() > limit)
            list = list.mid(list.size() - limit);
        for (const api::Message &m : std::as_const(list))
            ctx.output->json(messageJson(m));
        run.finish(ExitOk);
    };
    // Pages back (cache first, then the server) until we hold `limit` or reach seq 1.
    std::function<void()> fillBack = [&, s] {
        const QList<api::Message> held = s->messages(conv);
        const bool complete = !held.isEmpty() && held.first().seq == 1;
        if (held.size() >= limit || complete || (args.cached && held.isEmpty()))
            return print();
        s->fetchOlder(conv, int(std::min<qint64>(200, limit - held.size())), [&, s](bool ok, int added) {
            if (!ok && !args.cached)
                return run.finish(ExitNetwork, QStringLiteral("Could not load older messages."));
            if (added == 0)
                return print();
            fillBack();
        });
    };

    if (args.cached) {
        // Offline: only what the cache holds.
        QObject::connect(s, &ChatService::cacheLoaded, s, [&] {
            if (!s->conversation(conv) && s->messages(conv).isEmpty())
                return run.finish(ExitRefused, QStringLiteral("No cached conversation %1.").arg(conv));
            fillBack();
        });
        s->start();
        s->stop(); // start() read the cache; do not connect
        return run.exec();
    }

    QObject::connect(s, &ChatService::syncedChanged, s, [&, s](bool synced) {
        if (!synced || run.finished())
            return;
        if (!s->conversation(conv))
            return run.finish(ExitRefused,
                              QStringLiteral("No conversation %1 (or you are not in it).").arg(conv));
        fillBack();
    });
    run.giveUpWhenOffline();
    s->openConversation(conv);
    s->start();
    return run.exec();
}

int sendCommand(const ChatCommandContext &ctx, const CommandArgs &args)
{
    const bool fromStdin = args.stdinLines;
    const bool withFiles = !args.files.isEmpty();
    if (args.positional.isEmpty() || (fromStdin && (args.positional.size() != 1 || withFiles))
        || (!fromStdin && !withFiles && args.positional.size() == 1)
        || !api::isValidConversationId(args.positional.first()))
        return usage(
            ctx,
            QStringLiteral(
                "Usage: send CONVERSATION TEXT... [--reply-to MESSAGE_ID] [--markdown] [--mention USER_ID...]"
                "  or  send CONVERSATION [TEXT...] --file PATH [--file PATH...] [--mention USER_ID...]"
                "  or  send CONVERSATION --stdin"));
    if (!args.replyTo.isEmpty() && !api::isValidOpaqueId(args.replyTo))
        return usage(ctx, QStringLiteral("Not a message id: %1").arg(args.replyTo));
    for (const QString &userId : args.mentions)
        if (!api::isValidOpaqueId(userId))
            return usage(ctx, QStringLiteral("Not a user id: %1").arg(userId));
    const QString conv = args.positional.first();
    const QString text = args.positional.mid(1).join(QLatin1Char(' '));
    if (!fromStdin && !api::isValidContent(text, withFiles))
        return usage(ctx, QStringLiteral("A message is 1 to 10000 characters (not only spaces)."));
    // Files the server would refuse (over 25 MiB, unreadable, more than 10) are refused
    // here, before anything is queued or sent.
    if (const QString problem = chat::AttachmentStager::check(args.files); withFiles && !problem.isEmpty())
        return usage(ctx, problem);

    ChatRun run(ctx);
    if (!run.setUp(true))
        return run.exec();
    ChatService *s = run.service();
    bool inputDone = !fromStdin;
    bool anyRefused = false;
    std::unique_ptr<StdinLines> input;

    auto maybeDone = [&] {
        if (!inputDone || !s->isCacheLoaded())
            return;
        if (s->outboxPending() == 0)
            run.finish(anyRefused ? ExitRefused : ExitOk);
        else // all is said: the server died or is stuck when no answer comes in time
            run.giveUpWithoutAnswer(kStaysQueued);
    };
    QObject::connect(s, &ChatService::messageDelivered, s, [&](const QString &, const api::Message &m) {
        if (!m.id.isEmpty())
            ctx.output->json(m.toJson());
        maybeDone();
    });
    QObject::connect(s, &ChatService::messageFailed, s,
                     [&, s](const QString &clientId, const QString &error) {
                         ctx.output->say(QStringLiteral("Message %1 was refused: %2").arg(clientId, error));
                         anyRefused = true;
                         s->discardMessage(clientId); // a CLI has nobody to press Retry
                         maybeDone();
                     });
    QObject::connect(s, &ChatService::sendRefused, s,
                     [&](const QString &, const QString &sentence) { run.finish(ExitUsage, sentence); });
    QObject::connect(s, &ChatService::cacheLoaded, s, [&, s] {
        if (withFiles) {
            s->sendMessageWithFiles(conv, text, args.files, args.replyTo, args.markdown, args.mentions);
        } else if (!fromStdin) {
            s->sendMessage(conv, text, args.replyTo, args.markdown, args.mentions);
        } else {
            input = std::make_unique<StdinLines>(
                s,
                [s, conv, &args](const QString &line) {
                    if (api::isValidContent(line))
                        s->sendMessage(conv, line, args.replyTo, args.markdown, args.mentions);
                },
                [&] {
                    inputDone = true;
                    maybeDone();
                });
        }
        maybeDone();
    });
    run.giveUpWhenOffline(kStaysQueued);
    s->openConversation(conv);
    s->start();
    return run.exec();
}

int tailCommand(const ChatCommandContext &ctx, const CommandArgs &args)
{
    for (const QString &conv : args.positional)
        if (!api::isValidConversationId(conv))
            return usage(ctx, QStringLiteral("Not a conversation id: %1").arg(conv));
    ChatRun run(ctx);
    if (!run.setUp(true))
        return run.exec();
    ChatService *s = run.service();
    Output &out = *ctx.output;

    // Live messages arrive as events; those fetched after a reconnect are printed
    // as message_received too (marked "source":"sync") so a reader misses none.
    QSet<QPair<QString, qint64>> printed;
    QObject::connect(s, &ChatService::serverEvent, s, [&](const QString &event, const QJsonValue &data) {
        out.json(QJsonObject { { QStringLiteral("event"), event }, { QStringLiteral("data"), data } });
        if (event == QLatin1String("message_received")) {
            const QJsonObject m = data.toObject();
            printed.insert({ m.value(QStringLiteral("conversationId")).toString(),
                             qint64(m.value(QStringLiteral("seq")).toDouble()) });
        }
    });
    bool ready = false; // set by the first sync
    QObject::connect(
        s, &ChatService::messagesInserted, s, [&](const QString &conv, const QList<api::Message> &list) {
            if (!ready)
                return;
            for (const api::Message &m : list) {
                if (m.isPending() || printed.contains({ conv, m.seq }))
                    continue;
                printed.insert({ conv, m.seq });
                out.json(QJsonObject { { QStringLiteral("event"), QStringLiteral("message_received") },
                                       { QStringLiteral("data"), m.toJson() },
                                       { QStringLiteral("source"), QStringLiteral("sync") } });
            }
        });
    // tail runs until interrupted: the connection's state is news for the person watching.
    QObject::connect(s, &ChatService::statusChanged, s, [&out, s](ConnectionManager::Status st) {
        if (st == ConnectionManager::Status::Online)
            out.say(QStringLiteral("Connected."));
        else if (st == ConnectionManager::Status::WaitingToRetry)
            out.say(QStringLiteral("Disconnected; retrying in %1 s.").arg(s->secondsUntilRetry()));
    });
    bool joinedAll = false;
    QObject::connect(s, &ChatService::syncedChanged, s, [&, s](bool synced) {
        // What the first sync brings is history; after a reconnect it is news we missed.
        if (synced)
            ready = true;
        if (!synced || joinedAll || !args.positional.isEmpty())
            return;
        joinedAll = true; // no list given: follow every conversation
        for (const api::Conversation &c : s->conversations())
            s->openConversation(c.id);
    });

    InterruptNotifier interrupt([&run] { run.finish(ExitOk); });
    for (const QString &conv : args.positional)
        s->openConversation(conv);
    s->start();
    return run.exec();
}

int typingCommand(const ChatCommandContext &ctx, const CommandArgs &args)
{
    if (args.positional.size() != 1 || !api::isValidConversationId(args.positional.first()))
        return usage(ctx, QStringLiteral("Usage: typing CONVERSATION"));
    const QString conv = args.positional.first();
    ChatRun run(ctx);
    if (!run.setUp(false))
        return run.exec();
    whenOnline(run, [&] {
        emitChecked(run, QStringLiteral("typing_start"),
                    QJsonObject { { QStringLiteral("conversationId"), conv } }, [&](const QJsonObject &) {
                        ctx.output->json(QJsonObject { { QStringLiteral("conversationId"), conv },
                                                       { QStringLiteral("typing"), true } });
                        run.finish(ExitOk);
                    });
    });
    run.giveUpWhenOffline();
    run.service()->start();
    return run.exec();
}

int readCommand(const ChatCommandContext &ctx, const CommandArgs &args)
{
    if (args.positional.size() != 1 || !api::isValidConversationId(args.positional.first()))
        return usage(ctx, QStringLiteral("Usage: read CONVERSATION [--up-to SEQ]"));
    const QString conv = args.positional.first();
    const QJsonObject target { { QStringLiteral("conversationId"), conv } };
    ChatRun run(ctx);
    if (!run.setUp(false))
        return run.exec();

    const auto markRead = [&](qint64 upTo) {
        QJsonObject data = target;
        data.insert(QStringLiteral("upToSeq"), upTo);
        emitChecked(run, QStringLiteral("mark_read"), data, [&](const QJsonObject &ack) {
            ctx.output->json(
                QJsonObject { { QStringLiteral("conversationId"), conv },
                              { QStringLiteral("lastReadSeq"), ack.value(QStringLiteral("lastReadSeq")) } });
            run.finish(ExitOk);
        });
    };
    whenOnline(run, [&] {
        if (args.upTo)
            return markRead(*args.upTo);
        // Up to the newest message: join to learn the conversation's last seq.
        emitChecked(run, QStringLiteral("join_conversation"), target, [&](const QJsonObject &ack) {
            const QJsonObject c = ack.value(QStringLiteral("conversation")).toObject();
            markRead(qint64(c.value(QStringLiteral("lastSeq")).toDouble()));
        });
    });
    run.giveUpWhenOffline();
    run.service()->start();
    return run.exec();
}

} // namespace ringchat::cli
