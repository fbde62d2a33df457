// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "accountcommands.h"

#include "clicontext.h"
#include "exitcode.h"
#include "interrupt.h"

#include "api/restclient.h"
#include "auth/authsession.h"

#include <QCoreApplication>

namespace ringchat::cli {

using auth::AuthSession;

void runLogin(CliContext &ctx, const QStringList &args)
{
    if (!args.isEmpty())
        return ctx.fail(
            ExitUsage,
            QStringLiteral("login takes no arguments (got \"%1\").").arg(args.join(QLatin1Char(' '))));
    if (ctx.hasFixedToken())
        return ctx.fail(ExitUsage,
                        QStringLiteral("login signs in through the browser; do not combine it with --token "
                                       "or RINGCHAT_TOKEN."));
    AuthSession *s = ctx.session();
    new InterruptNotifier([s] { s->cancel(); }, s);
    auto notSaved = std::make_shared<QString>();

    QObject::connect(s, &AuthSession::stateChanged, s, [&ctx, s] {
        if (s->state() != AuthSession::State::WaitingForBrowser)
            return;
        ctx.output().say(QStringLiteral("Sign in to %1 in the browser window that opened (Ctrl+C cancels).\n"
                                        "If no browser opened, visit:\n  %2")
                             .arg(s->serverUrl(), s->authorizationUrl().toString(QUrl::FullyEncoded)));
        if (!s->errorString().isEmpty())
            ctx.output().warn(s->errorString());
    });
    QObject::connect(s, &AuthSession::callbackRejected, s,
                     [&ctx](const QString &reason) { ctx.output().warn(reason); });
    QObject::connect(s, &AuthSession::sessionNotSaved, s,
                     [notSaved](const QString &why) { *notSaved = why; });
    QObject::connect(s, &AuthSession::signedIn, s, [&ctx, s, notSaved] {
        if (!notSaved->isEmpty())
            return ctx.fail(ExitAuth,
                            QStringLiteral("Signed in to %1 as %2, but the session could not be saved, so "
                                           "the next command will not be signed in: %3")
                                .arg(s->serverUrl(), s->userId(), *notSaved));
        ctx.output().line(
            QStringLiteral("Signed in to %1 as %2 (%3).").arg(s->serverUrl(), s->userName(), s->userId()));
        ctx.finish(ExitOk);
    });
    QObject::connect(s, &AuthSession::signInFailed, s,
                     [&ctx, s](const QString &message) { ctx.fail(exitCodeFor(s->lastError()), message); });
    s->signIn(ctx.serverText());
}

void runLogout(CliContext &ctx, const QStringList &args)
{
    if (!args.isEmpty())
        return ctx.fail(ExitUsage, QStringLiteral("logout takes no arguments."));
    if (!ctx.savedSessionIsForThisServer()) {
        ctx.output().line(QStringLiteral("Not signed in to %1.").arg(ctx.serverText()));
        return ctx.finish(ExitOk);
    }
    AuthSession *s = ctx.session();
    QObject::connect(s, &AuthSession::signedOut, s, [&ctx, s] {
        if (s->lastError().isError())
            return ctx.fail(exitCodeFor(s->lastError()), s->errorString());
        ctx.output().line(QStringLiteral("Signed out of %1.").arg(ctx.serverText()));
        ctx.finish(ExitOk);
    });
    s->signOut();
}

void runWhoami(CliContext &ctx, const QStringList &args)
{
    const bool json = args == QStringList { QStringLiteral("--json") };
    if (!args.isEmpty() && !json)
        return ctx.fail(ExitUsage, QStringLiteral("whoami takes only --json."));
    ctx.withAccessToken([&ctx, json](CliTokenSource *tokens) {
        auto *rest = new api::RestClient(ctx.server(), tokens, qApp);
        rest->setTimeout(std::chrono::seconds(ctx.settings().timeoutSeconds));
        rest->me().then(rest, [&ctx, json, rest, tokens](const api::ApiResult<api::User> &r) {
            rest->deleteLater();
            if (!r.ok())
                return ctx.fail(exitCodeFor(r.error()), tokens->refusalOr(r.error().message));
            if (json)
                ctx.output().json(r.value().toJson());
            else
                ctx.output().line(
                    QStringLiteral("%1 (%2) on %3").arg(r.value().id, r.value().name, ctx.serverText()));
            ctx.finish(ExitOk);
        });
    });
}

} // namespace ringchat::cli
