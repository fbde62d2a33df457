// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// ringchat-cli: the same core as the app, for scripts, bots and benchmarks.
//
//   ringchat-cli [OPTIONS] COMMAND [ARGS...]   (the options may also follow the command)
//
// main() reads the command line (commandline.h), quiets the library's logging unless
// --verbose, settles the server, proxy and token, and runs one command from the table
// in commands.cpp. Results go to stdout, sentences for people to stderr; the exit
// code is an ExitCode (exitcode.h).
#include "clicontext.h"
#include "commandline.h"
#include "commands.h"
#include "exitcode.h"
#include "helptext.h"
#include "output.h"

#include "auth/accountsettings.h"
#include "auth/serverurl.h"
#include "core/defaultserver.h"
#include "core/networkproxy.h"
#include "core/version.h"

#include <QCoreApplication>
#include <QLoggingCategory>
#include <QTimer>

#include <optional>

using namespace ringchat;
using namespace ringchat::cli;

namespace {

// The library logs its progress (ringchat.net: opening "websocket" transport, ...).
// A command prints only its results and errors: the log is for --verbose, and
// warnings about real trouble still show. QT_LOGGING_RULES overrides both.
void setLogging(bool verbose)
{
    QLoggingCategory::setFilterRules(verbose
                                         ? QStringLiteral("ringchat.*=true")
                                         : QStringLiteral("ringchat.*.debug=false\nringchat.*.info=false"));
}

// The server: --server, then RINGCHAT_SERVER, then the saved account's, then the default.
std::optional<QUrl> chooseServer(const CommandLine &line, Output &output)
{
    QString text = line.server.value_or(QString());
    if (text.isEmpty())
        text = qEnvironmentVariable("RINGCHAT_SERVER");
    if (text.isEmpty())
        text = auth::AccountSettings().lastAccount().serverUrl;
    if (text.isEmpty())
        text = defaultServerUrl();
    auth::AuthError error;
    const QUrl server = auth::ServerUrl::parse(text, &error);
    if (!server.isValid()) {
        output.say(error.message);
        return std::nullopt;
    }
    return server;
}

// The proxy: --proxy, then RINGCHAT_PROXY, then the system's; applied to every connection.
bool applyProxy(const CommandLine &line, Output &output)
{
    const QString text = line.proxy ? *line.proxy : qEnvironmentVariable("RINGCHAT_PROXY");
    QString error;
    const std::optional<NetworkProxy> proxy
        = text.trimmed().isEmpty() ? NetworkProxy() : NetworkProxy::parse(text, &error);
    if (!proxy) {
        output.say(QStringLiteral("%1: %2").arg(
            line.proxy ? QStringLiteral("--proxy") : QStringLiteral("RINGCHAT_PROXY"), error));
        return false;
    }
    proxy->apply();
    NetworkProxy::setWhereToConfigure(proxy->mode() == NetworkProxy::Mode::System
                                          ? QStringLiteral("https_proxy, all_proxy or RINGCHAT_PROXY")
                                          : QStringLiteral("RINGCHAT_PROXY or --proxy (see --help)"));
    return true;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("ringchat-cli"));
    QCoreApplication::setOrganizationName(QStringLiteral("Ring"));
    QCoreApplication::setApplicationVersion(QString::fromLatin1(kVersion));

    const CommandLine line = parseCommandLine(app.arguments().mid(1));
    setLogging(line.verbose);
    Output output;
    if (!line.error.isEmpty()) {
        output.say(line.error + QStringLiteral(" Try: ringchat-cli --help"));
        return ExitUsage;
    }
    if (line.help) {
        output.line(helpText().trimmed());
        return ExitOk;
    }
    if (line.version) {
        output.line(QStringLiteral("ringchat-cli ") + QLatin1String(kVersion));
        return ExitOk;
    }
    const Command *command = findCommand(line.command);
    if (!command) {
        output.say((line.command.isEmpty() ? QStringLiteral("No command given.")
                                           : QStringLiteral("Unknown command \"%1\".").arg(line.command))
                   + QLatin1Char('\n') + shortHelp());
        return ExitUsage;
    }

    const std::optional<QUrl> server = chooseServer(line, output);
    if (!server || !applyProxy(line, output))
        return ExitUsage;
    CliContext::Settings settings;
    settings.server = *server;
    if (line.token && !line.token->trimmed().isEmpty()) {
        settings.fixedToken = line.token->trimmed();
        settings.tokenOrigin = CliTokenSource::Origin::Option;
    } else if (const QString env = qEnvironmentVariable("RINGCHAT_TOKEN").trimmed(); !env.isEmpty()) {
        settings.fixedToken = env;
        settings.tokenOrigin = CliTokenSource::Origin::Environment;
    }
    settings.dataDir = line.dataDir.value_or(QString());
    settings.timeoutSeconds = line.timeoutSeconds.value_or(kDefaultTimeoutSeconds);

    CliContext ctx(settings);
    QTimer::singleShot(0, &app, [&ctx, command, &line] { command->run(ctx, line.commandArgs); });
    return app.exec();
}
