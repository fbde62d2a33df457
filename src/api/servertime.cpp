// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The contract's times (ISO-8601 UTC with milliseconds): a hand-written parser for
// the server's exact form, because every message carries one or two and a flood
// goes through here; other ISO-8601 forms go through Qt.
#include "api/types.h"

namespace ringchat::api {

namespace {

// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's algorithm).
qint64 daysFromCivil(int y, int m, int d)
{
    y -= m <= 2;
    const qint64 era = (y >= 0 ? y : y - 399) / 400;
    const int yoe = int(y - era * 400);
    const int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

int daysInMonth(int y, int m)
{
    static constexpr int days[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
    if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
        return 29;
    return days[m - 1];
}

char16_t code(QChar c)
{
    return c.unicode();
}

char16_t code(char c)
{
    return char16_t(uchar(c));
}

// Reads n ASCII digits at pos; -1 if any is not a digit.
template <typename Char> int digits(const Char *s, int pos, int n)
{
    int v = 0;
    for (int i = 0; i < n; ++i) {
        const char16_t c = code(s[pos + i]);
        if (c < u'0' || c > u'9')
            return -1;
        v = v * 10 + (c - u'0');
    }
    return v;
}

// Exactly the server's form, "YYYY-MM-DDTHH:MM:SS.sssZ", from UTF-16 (QString) or
// UTF-8 (a parsed packet) alike. nullopt when the text is not in that form (the
// caller tries the others); an invalid QDateTime when it is but the date is not.
template <typename Char> std::optional<QDateTime> parseServerTime(const Char *s, qsizetype n)
{
    if (n != 24 || code(s[4]) != u'-' || code(s[7]) != u'-' || code(s[10]) != u'T' || code(s[13]) != u':'
        || code(s[16]) != u':' || code(s[19]) != u'.' || code(s[23]) != u'Z')
        return std::nullopt;
    const int y = digits(s, 0, 4), mo = digits(s, 5, 2), d = digits(s, 8, 2);
    const int h = digits(s, 11, 2), mi = digits(s, 14, 2), sec = digits(s, 17, 2), ms = digits(s, 20, 3);
    if (y < 0 || mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo) || h < 0 || h > 23 || mi < 0 || mi > 59
        || sec < 0 || sec > 59 || ms < 0)
        return QDateTime();
    const qint64 msecs = ((daysFromCivil(y, mo, d) * 24 + h) * 60 + mi) * 60000LL + sec * 1000LL + ms;
    return QDateTime::fromMSecsSinceEpoch(msecs, Qt::UTC);
}

} // namespace

QDateTime parseTime(const QString &text)
{
    // Fast path: exactly the server's form.
    if (auto t = parseServerTime(text.constData(), text.size()))
        return *t;
    // Slow path: other ISO-8601 forms, but only with an explicit zone, since a
    // time without one would be read as local time.
    if (text.size() < 20 || !(text.endsWith(u'Z') || text.at(text.size() - 3) == u':' || text.contains(u'+')))
        return {};
    QDateTime t = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!t.isValid() || t.timeSpec() == Qt::LocalTime)
        return {};
    return t.toUTC();
}

QString formatTime(const QDateTime &time)
{
    return time.toUTC().toString(Qt::ISODateWithMs);
}

QDateTime parseTimeUtf8(QByteArrayView utf8)
{
    if (auto t = parseServerTime(utf8.data(), utf8.size()))
        return *t;
    return parseTime(QString::fromUtf8(utf8));
}

} // namespace ringchat::api
