// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "commandargs.h"

namespace ringchat::cli {

CommandArgs parseCommandArgs(const QStringList &raw)
{
    CommandArgs a;
    bool optionsDone = false;
    for (qsizetype i = 0; i < raw.size() && a.error.isEmpty(); ++i) {
        const QString &arg = raw.at(i);
        if (optionsDone || !arg.startsWith(QLatin1String("--"))) {
            a.positional << arg;
            continue;
        }
        if (arg == QLatin1String("--")) {
            optionsDone = true;
            continue;
        }
        QString name = arg, value;
        bool hasValue = false;
        if (const auto eq = arg.indexOf(QLatin1Char('=')); eq > 0) {
            name = arg.left(eq);
            value = arg.mid(eq + 1);
            hasValue = true;
        }
        const auto takeNumber = [&](std::optional<qint64> &target, qint64 min) {
            if (!hasValue && i + 1 < raw.size()) {
                value = raw.at(++i);
                hasValue = true;
            }
            bool ok = false;
            const qint64 n = value.toLongLong(&ok);
            if (!hasValue)
                a.error = QStringLiteral("%1 needs a number.").arg(name);
            else if (!ok || n < min)
                a.error = QStringLiteral("%1 needs a number of at least %2, not \"%3\".")
                              .arg(name)
                              .arg(min)
                              .arg(value);
            else
                target = n;
        };
        const auto takeText = [&](QString &target) {
            if (!hasValue && i + 1 < raw.size()) {
                value = raw.at(++i);
                hasValue = true;
            }
            if (!hasValue || value.isEmpty())
                a.error = QStringLiteral("%1 needs a value.").arg(name);
            else
                target = value;
        };
        if (name == QLatin1String("--limit"))
            takeNumber(a.limit, 1);
        else if (name == QLatin1String("--up-to"))
            takeNumber(a.upTo, 0);
        else if (name == QLatin1String("--stdin") && !hasValue)
            a.stdinLines = true;
        else if (name == QLatin1String("--cached") && !hasValue)
            a.cached = true;
        else if (name == QLatin1String("--reply-to"))
            takeText(a.replyTo);
        else if (name == QLatin1String("--markdown") && !hasValue)
            a.markdown = true;
        else if (name == QLatin1String("--off") && !hasValue)
            a.off = true;
        else if (name == QLatin1String("--file")) {
            QString path;
            takeText(path);
            if (!path.isEmpty())
                a.files << path;
        } else if (name == QLatin1String("--mention")) {
            QString userId;
            takeText(userId);
            if (!userId.isEmpty())
                a.mentions << userId;
        } else if (name == QLatin1String("--for"))
            takeNumber(a.forMinutes, 1);
        else if (name == QLatin1String("--output"))
            takeText(a.output);
        else if (name == QLatin1String("--conversation"))
            takeText(a.conversation);
        else if (name == QLatin1String("--offline") && !hasValue)
            a.offline = true;
        else
            a.error = QStringLiteral("Unknown option %1.").arg(arg);
    }
    return a;
}

} // namespace ringchat::cli
