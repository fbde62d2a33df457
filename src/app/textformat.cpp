// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/textformat.h"

#include <QRegularExpression>
#include <QUrl>

#include <algorithm>

namespace ringchat::app::textformat {

namespace {

// A URL candidate runs from http(s):// up to the first character that cannot be part
// of one typed in a sentence: blanks, control and invisible formatting characters
// (bidi overrides, zero-width), and <, >, " and '.
const QRegularExpression &urlPattern()
{
    static const QRegularExpression pattern(QStringLiteral(R"(\bhttps?://[^\s\p{Cc}\p{Cf}<>"']+)"),
                                            QRegularExpression::CaseInsensitiveOption
                                                | QRegularExpression::UseUnicodePropertiesOption);
    return pattern;
}

// Trailing punctuation usually ends the sentence, not the URL; a closing bracket
// stays when the URL opened one (https://en.wikipedia.org/wiki/Qt_(software)).
QStringView trimUrl(QStringView url)
{
    qsizetype end = url.size();
    while (end > 0 && QStringView(u".,;:!?)]}").contains(url[end - 1])) {
        if (url[end - 1] == u')' && url.first(end - 1).contains(u'('))
            break;
        --end;
    }
    return url.first(end);
}

bool isInvisibleOrBlank(char32_t c)
{
    const auto category = QChar::category(c);
    return QChar::isSpace(c) || category == QChar::Other_Control || category == QChar::Other_Format;
}

// Calls link(start, url) for each URL in text that may be linked, in order.
template <typename Link> void forEachLink(const QString &text, Link link)
{
    auto matches = urlPattern().globalMatch(text);
    while (matches.hasNext()) {
        const QRegularExpressionMatch match = matches.next();
        const QStringView url = trimUrl(match.capturedView());
        if (isSafeLink(url.toString()) && !link(match.capturedStart(), url))
            return;
    }
}

} // namespace

QString escapeHtml(const QString &text)
{
    QString out;
    out.reserve(text.size() + text.size() / 8);
    for (QChar c : text) {
        switch (c.unicode()) {
        case u'&':
            out += QLatin1String("&amp;");
            break;
        case u'<':
            out += QLatin1String("&lt;");
            break;
        case u'>':
            out += QLatin1String("&gt;");
            break;
        case u'"':
            out += QLatin1String("&quot;");
            break;
        case u'\'':
            out += QLatin1String("&#39;");
            break;
        default:
            out += c;
        }
    }
    return out;
}

bool hasLinks(const QString &text)
{
    bool found = false;
    forEachLink(text, [&](qsizetype, QStringView) {
        found = true;
        return false; // one is enough
    });
    return found;
}

QString linkify(const QString &text, const QColor &linkColor)
{
    const QString style
        = linkColor.isValid() ? QStringLiteral(" style=\"color:%1\"").arg(linkColor.name()) : QString();
    QString out;
    out.reserve(text.size() + 64);
    qsizetype last = 0;
    forEachLink(text, [&](qsizetype start, QStringView url) {
        out += escapeHtml(text.mid(last, start - last));
        const QString safe = escapeHtml(url.toString());
        out += QLatin1String("<a href=\"") + safe + QLatin1Char('"') + style + QLatin1Char('>') + safe
            + QLatin1String("</a>");
        last = start + url.size();
        return true;
    });
    out += escapeHtml(text.mid(last));
    out.replace(QLatin1Char('\n'), QLatin1String("<br>"));
    return out;
}

bool isSafeLink(const QString &url)
{
    if (!url.startsWith(QLatin1String("http://"), Qt::CaseInsensitive)
        && !url.startsWith(QLatin1String("https://"), Qt::CaseInsensitive))
        return false;
    const QList<uint> codePoints = url.toUcs4();
    if (std::any_of(codePoints.cbegin(), codePoints.cend(), [](uint c) { return isInvisibleOrBlank(c); }))
        return false;
    const QUrl parsed(url);
    return parsed.isValid() && !parsed.host().isEmpty();
}

} // namespace ringchat::app::textformat
