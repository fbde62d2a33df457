// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "searchcommand.h"

#include "chatrun.h"
#include "exitcode.h"
#include "output.h"

#include "chat/searchquery.h"
#include "chat/searchservice.h"

#include <QJsonArray>

#include <functional>

namespace ringchat::cli {

using chat::ChatService;
using chat::SearchResults;
using chat::SearchService;

namespace {

// --limit's most: five of the server's pages.
constexpr qint64 kMaxHits = 1000;

QJsonObject hitJson(const chat::SearchResult &hit)
{
    QJsonArray ranges;
    for (const auto &[start, end] : hit.ranges)
        ranges.append(QJsonArray { start, end });
    return QJsonObject { { QStringLiteral("message"), messageJson(hit.message) },
                         { QStringLiteral("ranges"), ranges } };
}

} // namespace

int searchCommand(const ChatCommandContext &ctx, const CommandArgs &args)
{
    const QString query = args.positional.join(u' ');
    if (query.trimmed().isEmpty())
        return usage(ctx,
                     QStringLiteral("Usage: search QUERY... [--conversation ID] [--limit N] [--offline]"));
    if (!args.conversation.isEmpty() && !api::isValidConversationId(args.conversation))
        return usage(ctx, QStringLiteral("Not a conversation id: %1").arg(args.conversation));
    if (const QString problem = chat::SearchQuery::parse(query).error; !problem.isEmpty())
        return usage(ctx, problem);

    ChatRun run(ctx);
    if (!run.setUp(true))
        return run.exec();
    ChatService *s = run.service();
    // Hits beyond one server page (200) come page by page.
    const int limit = int(std::min<qint64>(args.limit.value_or(50), kMaxHits));
    SearchService::Options options;
    options.conversationId = args.conversation;
    options.limit = limit;
    options.localOnly = args.offline;

    const auto print = [&](const SearchResults &r) {
        for (const chat::SearchResult &hit : r.hits.mid(0, limit))
            ctx.output->json(hitJson(hit));
        if (!r.error.isEmpty())
            ctx.output->say(r.error);
        if (!r.localComplete)
            ctx.output->warn(QStringLiteral("The cache is still being indexed: some cached messages "
                                            "may be missing."));
        if (args.offline)
            return run.finish(ExitOk);
        if (!r.serverIncluded)
            return run.finish(ExitNetwork,
                              QStringLiteral("Server results are missing: %1").arg(r.serverProblem));
        run.finish(ExitOk);
    };
    // Asks the server's next page until `limit` hits are in or it has no more.
    std::function<void(const SearchResults &)> gather = [&](const SearchResults &r) {
        if (r.hits.size() >= limit || !r.hasMore())
            return print(r);
        run.search()->more(r).then(s, gather);
    };
    bool asked = false; // the sync may say "synced" again after a reconnect
    auto searchNow = [&] {
        if (std::exchange(asked, true))
            return;
        run.search()->search(query, options).then(s, gather);
    };
    if (args.offline) {
        // The cache only: its conversations name the filters' people and places.
        QObject::connect(s, &ChatService::cacheLoaded, s, searchNow);
        s->start();
        s->stop();
        return run.exec();
    }
    // Online: after the sync, so that the filters know every conversation.
    QObject::connect(s, &ChatService::syncedChanged, s, [&](bool synced) {
        if (synced)
            searchNow();
    });
    run.giveUpWhenOffline();
    s->start();
    return run.exec();
}

} // namespace ringchat::cli
