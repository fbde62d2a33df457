// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// What a search box's text asks for: the words to find and the filters among them,
// `from:NAME`, `in:CONVERSATION`, `before:DATE` and `after:DATE` (a value with spaces in
// double quotes: from:"Bob Smith"). DATE is YYYY-MM-DD (a day in `zone`) or an ISO 8601
// time. A filter with no value yet ("from:" while typing) is left out; one whose value does
// not read is left out too, with a sentence in `error`.

#include <QDateTime>
#include <QString>
#include <QTimeZone>

namespace ringchat::chat {

struct SearchQuery
{
    QString text;        // the words to find, the filters taken out
    QString from, in;    // empty: anyone, anywhere
    QDateTime before;    // sent before this (before:DAY: that day's start); invalid: no bound
    QDateTime notBefore; // sent at or after this (after:DAY: the next day's start)
    QString error;       // for people; empty when every filter read

    bool hasFilters() const
    {
        return !from.isEmpty() || !in.isEmpty() || before.isValid() || notBefore.isValid();
    }
    static SearchQuery parse(const QString &query, const QTimeZone &zone = QTimeZone::systemTimeZone());
};

} // namespace ringchat::chat
