// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "commandline.h"

#include "core/defaultserver.h"

#include <functional>

namespace ringchat::cli {

namespace {

struct GlobalOption
{
    QString name;      // without the leading "--"
    QString valueName; // empty for a flag
    QString help;
    std::function<QString(CommandLine &, const QString &value)> set; // returns an error or ""
};

QString setString(std::optional<QString> &target, const QString &value)
{
    target = value;
    return QString();
}

const std::vector<GlobalOption> &globalOptions()
{
    static const std::vector<GlobalOption> list {
        { QStringLiteral("server"), QStringLiteral("URL"),
          QStringLiteral("The Ring server (or RINGCHAT_SERVER; else the signed-in account's "
                         "server, else %1).")
              .arg(defaultServerUrl()),
          [](CommandLine &c, const QString &v) { return setString(c.server, v); } },
        { QStringLiteral("token"), QStringLiteral("TOKEN"),
          QStringLiteral("An access token instead of the saved session (or RINGCHAT_TOKEN, "
                         "which other users "
                         "cannot see in the process list)."),
          [](CommandLine &c, const QString &v) { return setString(c.token, v); } },
        { QStringLiteral("data-dir"), QStringLiteral("DIR"),
          QStringLiteral("Where the chat commands keep the cache and the outbox (or "
                         "RINGCHAT_DATA_DIR; else the "
                         "platform's data folder)."),
          [](CommandLine &c, const QString &v) { return setString(c.dataDir, v); } },
        { QStringLiteral("timeout"), QStringLiteral("SECONDS"),
          QStringLiteral("Give up after this long without a connection or an answer "
                         "(default %1).")
              .arg(kDefaultTimeoutSeconds),
          [](CommandLine &c, const QString &v) {
              bool ok = false;
              const int n = v.toInt(&ok);
              if (!ok || n < 1)
                  return QStringLiteral("--timeout needs a number of seconds of at least 1, not \"%1\".")
                      .arg(v);
              c.timeoutSeconds = n;
              return QString();
          } },
        { QStringLiteral("proxy"), QStringLiteral("system|none|URL"),
          QStringLiteral("The proxy for every connection (or RINGCHAT_PROXY, the place for a proxy "
                         "password): "
                         "system (the default: https_proxy, http_proxy, all_proxy and no_proxy, else "
                         "the "
                         "desktop's settings), none, or http://host:port / socks5://host:port."),
          [](CommandLine &c, const QString &v) { return setString(c.proxy, v); } },
        { QStringLiteral("verbose"), QString(),
          QStringLiteral("Also print the client's log lines on stderr."),
          [](CommandLine &c, const QString &) {
              c.verbose = true;
              return QString();
          } },
        { QStringLiteral("help"), QString(), QStringLiteral("Show this help (also -h)."),
          [](CommandLine &c, const QString &) {
              c.help = true;
              return QString();
          } },
        { QStringLiteral("version"), QString(), QStringLiteral("Show the version (also -v)."),
          [](CommandLine &c, const QString &) {
              c.version = true;
              return QString();
          } },
    };
    return list;
}

const GlobalOption *findGlobalOption(const QString &name)
{
    for (const GlobalOption &o : globalOptions())
        if (o.name == name)
            return &o;
    return nullptr;
}

} // namespace

CommandLine parseCommandLine(const QStringList &arguments)
{
    CommandLine c;
    bool optionsDone = false; // after "--": everything belongs to the command
    for (qsizetype i = 0; i < arguments.size() && c.error.isEmpty(); ++i) {
        QString arg = arguments.at(i);
        if (arg == QLatin1String("-h"))
            arg = QStringLiteral("--help");
        else if (arg == QLatin1String("-v"))
            arg = QStringLiteral("--version");

        const bool looksLikeOption = !optionsDone && arg.startsWith(QLatin1String("--")) && arg.size() > 2;
        const qsizetype eq = arg.indexOf(QLatin1Char('='));
        const QString name = looksLikeOption ? arg.mid(2, eq < 0 ? -1 : eq - 2) : QString();
        const GlobalOption *option = looksLikeOption ? findGlobalOption(name) : nullptr;

        if (option) {
            QString value;
            if (option->valueName.isEmpty()) {
                if (eq >= 0) {
                    c.error = QStringLiteral("--%1 takes no value.").arg(name);
                    break;
                }
            } else if (eq >= 0) {
                value = arg.mid(eq + 1);
            } else if (i + 1 < arguments.size()) {
                value = arguments.at(++i);
            } else {
                c.error = QStringLiteral("--%1 needs a value (%2).").arg(name, option->valueName);
                break;
            }
            c.error = option->set(c, value);
        } else if (!c.command.isEmpty()) {
            if (arg == QLatin1String("--"))
                optionsDone = true;
            c.commandArgs << arg;
        } else if (arg.startsWith(QLatin1Char('-')) && arg != QLatin1String("-")) {
            c.error = QStringLiteral("Unknown option %1 (a command's own options go after the command).")
                          .arg(arg);
        } else {
            c.command = arg;
        }
    }
    return c;
}

QList<OptionHelp> globalOptionsHelp()
{
    QList<OptionHelp> list;
    for (const GlobalOption &o : globalOptions())
        list.append({ o.valueName.isEmpty() ? QStringLiteral("--") + o.name
                                            : QStringLiteral("--%1 %2").arg(o.name, o.valueName),
                      o.help });
    return list;
}

} // namespace ringchat::cli
