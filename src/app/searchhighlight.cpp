// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/searchhighlight.h"

#include "app/textformat.h"

#include <algorithm>

namespace ringchat::app::searchhighlight {

QList<store::TextRange> normalized(const QString &text, QList<store::TextRange> ranges)
{
    const int size = int(text.size());
    for (auto &[start, end] : ranges) {
        if (start > end)
            std::swap(start, end);
        start = std::clamp(start, 0, size);
        end = std::clamp(end, 0, size);
        // Never half a character: a range starting on a low surrogate takes its high one,
        // one ending after a high surrogate takes its low one.
        if (start > 0 && start < size && text[start].isLowSurrogate())
            --start;
        if (end > 0 && end < size && text[end - 1].isHighSurrogate())
            ++end;
    }
    std::sort(ranges.begin(), ranges.end());
    QList<store::TextRange> out;
    for (const auto &range : std::as_const(ranges)) {
        if (range.first >= range.second)
            continue;
        if (!out.isEmpty() && range.first <= out.last().second)
            out.last().second = std::max(out.last().second, range.second);
        else
            out.append(range);
    }
    return out;
}

QString toHtml(const QString &text, const QList<store::TextRange> &ranges, const QColor &background,
               const QColor &foreground)
{
    QString style = QStringLiteral("background-color:%1").arg(background.name());
    if (foreground.isValid())
        style += QStringLiteral(";color:%1").arg(foreground.name());
    const QString open = QStringLiteral("<span style=\"%1\">").arg(style);

    // pre-wrap keeps the message's spaces and line breaks as typed.
    QString out = QStringLiteral("<span style=\"white-space:pre-wrap\">");
    out.reserve(text.size() + 64);
    int last = 0;
    for (const auto &[start, end] : normalized(text, ranges)) {
        out += textformat::escapeHtml(text.mid(last, start - last));
        out += open + textformat::escapeHtml(text.mid(start, end - start)) + QLatin1String("</span>");
        last = end;
    }
    out += textformat::escapeHtml(text.mid(last));
    out += QLatin1String("</span>");
    return out;
}

Snippet snippet(const QString &text, const QList<store::TextRange> &ranges, int length)
{
    const QList<store::TextRange> hits = normalized(text, ranges);
    const int size = int(text.size());
    length = std::max(length, 16);
    // Some context before the first hit, the rest after it.
    int from = hits.isEmpty() ? 0 : std::max(0, hits.first().first - length / 4);
    int to = std::min(size, from + length);
    from = std::max(0, std::min(from, to - length));
    if (from > 0 && text[from].isLowSurrogate())
        --from;
    if (to < size && to > 0 && text[to - 1].isHighSurrogate())
        ++to;

    Snippet s;
    const QString prefix = from > 0 ? QStringLiteral("\u2026") : QString();
    s.text = prefix + text.mid(from, to - from) + (to < size ? QStringLiteral("\u2026") : QString());
    s.text.replace(QLatin1Char('\n'), QLatin1Char(' '));
    const int shift = int(prefix.size()) - from;
    for (const auto &[start, end] : hits) {
        if (end <= from || start >= to)
            continue;
        s.ranges.append({ std::max(start, from) + shift, std::min(end, to) + shift });
    }
    return s;
}

} // namespace ringchat::app::searchhighlight
