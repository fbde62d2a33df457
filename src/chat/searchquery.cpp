// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "chat/searchquery.h"

#include <QCoreApplication>
#include <QStringList>

namespace ringchat::chat {

namespace {

// The next token of `query` from `i` (skipping spaces); a double-quoted part keeps its
// spaces and loses its quotes. Moves `i` past it.
QString nextToken(const QString &query, qsizetype &i)
{
    while (i < query.size() && query.at(i).isSpace())
        ++i;
    QString token;
    bool quoted = false;
    for (; i < query.size(); ++i) {
        const QChar c = query.at(i);
        if (c == u'"')
            quoted = !quoted;
        else if (c.isSpace() && !quoted)
            break;
        else
            token.append(c);
    }
    return token;
}

// DATE as a bound: a day (its start, or the next day's start with `dayAfter`) or a time.
QDateTime readDate(const QString &value, const QTimeZone &zone, bool dayAfter)
{
    // (Qt reads the date at the start of a time as a date: only YYYY-MM-DD is a day.)
    const QDate day = value.size() == 10 ? QDate::fromString(value, Qt::ISODate) : QDate();
    if (day.isValid())
        return (dayAfter ? day.addDays(1) : day).startOfDay(zone);
    return QDateTime::fromString(value, Qt::ISODate);
}

} // namespace

SearchQuery SearchQuery::parse(const QString &query, const QTimeZone &zone)
{
    SearchQuery out;
    QStringList words;
    QStringList problems;
    qsizetype i = 0;
    while (i < query.size()) {
        const QString token = nextToken(query, i);
        if (token.isEmpty())
            continue;
        const qsizetype colon = token.indexOf(u':');
        const QString key = colon > 0 ? token.left(colon).toLower() : QString();
        const QString value = token.mid(colon + 1).trimmed();
        if (key == QLatin1StringView("from") || key == QLatin1StringView("in")) {
            (key == QLatin1StringView("from") ? out.from : out.in) = value;
        } else if (key == QLatin1StringView("before") || key == QLatin1StringView("after")) {
            if (value.isEmpty())
                continue;
            const bool after = key == QLatin1StringView("after");
            const QDateTime bound = readDate(value, zone, after);
            if (!bound.isValid())
                problems.append(
                    QCoreApplication::translate("SearchQuery", "“%1” is not a date (use YYYY-MM-DD).")
                        .arg(value));
            else
                (after ? out.notBefore : out.before) = bound;
        } else {
            words.append(token);
        }
    }
    out.text = words.join(u' ');
    out.error = problems.join(u' ');
    return out;
}

} // namespace ringchat::chat
