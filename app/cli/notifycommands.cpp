// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "notifycommands.h"

#include "api/restclient.h"
#include "clitokensource.h"
#include "exitcode.h"
#include "output.h"

#include <QEventLoop>

namespace ringchat::cli {

int notifyCommand(const ChatCommandContext &ctx, const CommandArgs &args)
{
    const auto level
        = args.positional.size() == 2 ? api::notifyLevelFromName(args.positional.at(1)) : std::nullopt;
    if (!level || !api::isValidConversationId(args.positional.first()))
        return usage(ctx, QStringLiteral("Usage: notify CONVERSATION all|mentions|none [--for MINUTES]"));
    api::NotifySettings settings;
    settings.level = *level;
    if (args.forMinutes) // at most about 19 years: QDateTime's seconds stay in range
        settings.mutedUntil
            = QDateTime::currentDateTimeUtc().addSecs(qMin<qint64>(*args.forMinutes, 10'000'000) * 60);
    api::RestClient rest(ctx.serverUrl, ctx.tokens);
    rest.setTimeout(std::chrono::seconds(ctx.timeoutSeconds));
    int code = -1;
    QEventLoop loop;
    rest.putSettings(args.positional.first(), settings)
        .then(&loop, [&](const api::ApiResult<api::Conversation> &r) {
            if (!r.ok()) {
                ctx.output->say(ctx.tokens->refusalOr(r.error().message));
                code = exitCodeFor(r.error());
            } else {
                ctx.output->json(r.value().toJson());
                code = ExitOk;
            }
            loop.quit();
        });
    if (code < 0) // not answered synchronously
        loop.exec();
    return code;
}

} // namespace ringchat::cli
