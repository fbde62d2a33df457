// The chat commands of ringchat-cli with a minimal main (--server, --token /
// RINGCHAT_TOKEN), so the chat tests do not depend on how main.cpp wires them.
#include "../../app/cli/chatcommands.h"

#include "auth/accesstokensource.h"

#include <QCoreApplication>
#include <QTextStream>
#include <QUrl>

#include <cstdio>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("ringchat-cli"));
    QTextStream out(stdout), err(stderr);
    QStringList args = app.arguments().mid(1);
    QString server, token = qEnvironmentVariable("RINGCHAT_TOKEN");
    QString command;
    QStringList rest;
    for (qsizetype i = 0; i < args.size(); ++i) {
        const QString &a = args.at(i);
        if (command.isEmpty() && a == QLatin1String("--server") && i + 1 < args.size())
            server = args.at(++i);
        else if (command.isEmpty() && a == QLatin1String("--token") && i + 1 < args.size())
            token = args.at(++i);
        else if (command.isEmpty())
            command = a;
        else
            rest << a;
    }
    if (command.isEmpty()) {
        err << ringchat::cli::chatCommandsHelp();
        return ringchat::cli::ExitUsage;
    }
    ringchat::auth::FixedTokenSource tokens(token);
    ringchat::cli::ChatCommandContext ctx;
    ctx.serverUrl = QUrl(server);
    ctx.tokens = &tokens;
    ctx.out = &out;
    ctx.err = &err;
    return ringchat::cli::runChatCommand(command, rest, ctx);
}
