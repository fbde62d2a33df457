// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The search hits of a message's plain text, shown: the one place that turns text and
// hit ranges (store::searchHitRanges, UTF-16 [start, end)) into markup. Everything from
// the message is escaped; only the highlight's own spans are markup. Ranges that are out
// of bounds, empty, reversed, overlapping or split a surrogate pair are mended or dropped,
// never trusted.

#include "store/searchtext.h"

#include <QColor>
#include <QList>
#include <QString>

namespace ringchat::app::searchhighlight {

// RichText for a Text item: `text` with its whitespace and line breaks kept, each range
// on `background` (and in `foreground` when valid).
QString toHtml(const QString &text, const QList<store::TextRange> &ranges, const QColor &background,
               const QColor &foreground = {});

// The ranges sorted, clamped to text, merged where they touch or overlap, widened so
// none splits a surrogate pair; empty ones dropped.
QList<store::TextRange> normalized(const QString &text, QList<store::TextRange> ranges);

// A one-line excerpt of `text` around its first hit (for a results list): at most about
// `length` characters, "…" where cut, line breaks as spaces, and the ranges moved along.
struct Snippet
{
    QString text;
    QList<store::TextRange> ranges;
};
Snippet snippet(const QString &text, const QList<store::TextRange> &ranges, int length = 120);

} // namespace ringchat::app::searchhighlight
