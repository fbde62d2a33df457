// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "helptext.h"

#include "commandline.h"
#include "commands.h"
#include "exitcode.h"

namespace ringchat::cli {

namespace {
constexpr int kWidth = 80;

// `text` as lines of at most kWidth columns, each indented by `indent` spaces.
QString wrapped(const QString &text, int indent)
{
    QString out, line;
    const QString pad(indent, QLatin1Char(' '));
    for (const QString &word : text.split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
        if (!line.isEmpty() && indent + line.size() + 1 + word.size() > kWidth) {
            out += pad + line + QLatin1Char('\n');
            line.clear();
        }
        line += (line.isEmpty() ? QString() : QStringLiteral(" ")) + word;
    }
    if (!line.isEmpty())
        out += pad + line + QLatin1Char('\n');
    return out;
}

// A heading, then each entry: its name lines at 2 spaces, its description at 6.
QString section(const QString &heading, const QList<QPair<QString, QString>> &entries)
{
    QString text = heading + QStringLiteral(":\n");
    for (const auto &[name, description] : entries) {
        for (const QString &line : name.split(QLatin1Char('\n')))
            text += QStringLiteral("  ") + line + QLatin1Char('\n');
        text += wrapped(description, 6);
    }
    return text;
}
} // namespace

QString usageLine()
{
    return QStringLiteral("Usage: ringchat-cli [OPTIONS] COMMAND [ARGS...]");
}

QString shortHelp()
{
    QStringList names;
    for (const Command &c : commands())
        names << c.name;
    return usageLine() + QStringLiteral("\nCommands: ") + names.join(QStringLiteral(", "))
        + QStringLiteral("\nTry: ringchat-cli --help");
}

QString helpText()
{
    QList<QPair<QString, QString>> commandEntries;
    for (const Command &c : commands())
        commandEntries.append({ c.synopsis, c.summary });
    QList<QPair<QString, QString>> optionEntries;
    for (const OptionHelp &o : globalOptionsHelp())
        optionEntries.append({ o.spelled, o.help });

    QString text = usageLine() + QStringLiteral("\n\n");
    text += wrapped(
        QStringLiteral("Ring Chat from the command line. Results go to stdout (the chat commands print "
                       "one JSON object a line), errors to stderr, and nothing else unless --verbose. "
                       "Put -- before arguments that start with --: everything after it goes to the "
                       "command as it is."),
        0);
    text += QLatin1Char('\n') + section(QStringLiteral("Commands"), commandEntries);
    text += QLatin1Char('\n')
        + section(QStringLiteral("Options (before or after the command)"), optionEntries);
    text += QStringLiteral("\nExit codes:\n");
    for (int code = ExitOk; code <= kLastExitCode; ++code)
        text += QStringLiteral("  %1  %2\n").arg(code).arg(exitCodeMeaning(ExitCode(code)));
    text += QStringLiteral("\nEnvironment:\n");
    text += wrapped(
        QStringLiteral("RINGCHAT_SERVER, RINGCHAT_TOKEN, RINGCHAT_PROXY and RINGCHAT_DATA_DIR stand in "
                       "for the options above. RINGCHAT_BROWSER names a command to open the sign-in "
                       "page with (the URL is added last)."),
        2);
    return text;
}

} // namespace ringchat::cli
