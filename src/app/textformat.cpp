// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/textformat.h"

#include <QFont>
#include <QRegularExpression>
#include <QTextBlock>
#include <QTextCursor>
#include <QTextDocument>
#include <QTextList>
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

QString firstLink(const QString &text)
{
    QString first;
    forEachLink(text, [&](qsizetype, QStringView url) {
        first = url.toString();
        return false;
    });
    return first;
}

namespace {

// What the Markdown reader made that must not reach the screen as it is.
struct Fix
{
    int position;
    int length;
    bool image; // removed
    QTextCharFormat format;
};

QList<Fix> unsafeFragments(const QTextDocument &doc, const QColor &linkColor)
{
    QList<Fix> fixes;
    for (QTextBlock block = doc.begin(); block.isValid(); block = block.next()) {
        for (auto it = block.begin(); !it.atEnd(); ++it) {
            const QTextFragment fragment = it.fragment();
            QTextCharFormat format = fragment.charFormat();
            if (format.isImageFormat()) {
                fixes.append({ fragment.position(), fragment.length(), true, {} });
            } else if (format.isAnchor() || format.hasProperty(QTextFormat::AnchorHref)) {
                if (isSafeLink(format.anchorHref())) {
                    if (linkColor.isValid())
                        format.setForeground(linkColor);
                } else {
                    format.setAnchor(false);
                    format.clearProperty(QTextFormat::AnchorHref);
                    format.clearProperty(QTextFormat::AnchorName);
                    format.setFontUnderline(false);
                    format.clearForeground();
                }
                fixes.append({ fragment.position(), fragment.length(), false, format });
            }
        }
    }
    return fixes;
}

// The body of QTextDocument::toHtml() without its <body> style, which would set a
// font family and size of its own instead of the Text item's.
QString bodyOf(const QString &html)
{
    const qsizetype open = html.indexOf(QLatin1String("<body"));
    const qsizetype start = open < 0 ? -1 : html.indexOf(u'>', open);
    const qsizetype end = html.lastIndexOf(QLatin1String("</body>"));
    return start < 0 || end < start ? QString() : html.mid(start + 1, end - start - 1).trimmed();
}

// A fence line of a code block (``` or ~~~, indented at most 3): its character
// and length; 0 when the line is not one.
qsizetype fenceRun(QStringView line, QChar *fence)
{
    qsizetype i = 0;
    while (i < line.size() && i < 4 && line[i] == u' ')
        ++i;
    if (i > 3 || i >= line.size() || (line[i] != u'`' && line[i] != u'~'))
        return 0;
    qsizetype n = 0;
    while (i + n < line.size() && line[i + n] == line[i])
        ++n;
    *fence = line[i];
    return n >= 3 ? n : 0;
}

// CommonMark joins the lines of a paragraph into one; in a chat message a line
// break is meant. Two trailing spaces make each one a hard break (md4c 0.4's
// MD_FLAG_HARD_SOFT_BREAKS is not there yet), except in fenced code, where they
// would stay in the text, and after a backslash, which is a hard break already.
QString withHardBreaks(const QString &text)
{
    const QList<QStringView> lines = QStringView(text).split(u'\n');
    QString out;
    out.reserve(text.size() + lines.size() * 2);
    QChar open; // the fence of the code block we are in
    qsizetype openLength = 0;
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const QStringView line = lines.at(i);
        QChar fence;
        const qsizetype run = fenceRun(line, &fence);
        bool code = !open.isNull();
        if (open.isNull() && run > 0) {
            open = fence;
            openLength = run;
            code = true;
        } else if (!open.isNull() && run >= openLength && fence == open && line.trimmed().size() == run) {
            open = QChar();
        }
        out += line;
        if (i + 1 == lines.size())
            break;
        if (!code && !line.trimmed().isEmpty() && !line.endsWith(u'\\'))
            out += QLatin1String("  ");
        out += u'\n';
    }
    return out;
}

// The one reading of Markdown: CommonMark without raw HTML, line breaks kept.
void readMarkdown(QTextDocument &doc, const QString &text)
{
    doc.setMarkdown(withHardBreaks(text),
                    QTextDocument::MarkdownFeatures(QTextDocument::MarkdownDialectCommonMark
                                                    | QTextDocument::MarkdownNoHTML));
}

bool isFormattedBlock(const QTextBlock &block)
{
    const QTextBlockFormat f = block.blockFormat();
    return block.textList() || f.headingLevel() > 0 || f.nonBreakableLines() // a code block
        || f.intProperty(QTextFormat::BlockQuoteLevel) > 0 || f.hasProperty(QTextFormat::BlockCodeFence)
        || f.hasProperty(QTextFormat::BlockCodeLanguage)
        || f.hasProperty(QTextFormat::BlockTrailingHorizontalRulerWidth) || f.indent() > 0;
}

bool isFormattedText(const QTextCharFormat &f)
{
    return f.isImageFormat() || f.isAnchor() || f.hasProperty(QTextFormat::AnchorHref)
        || f.fontWeight() > QFont::Normal || f.fontItalic() || f.fontUnderline() || f.fontStrikeOut()
        || f.fontFixedPitch() || f.hasProperty(QTextFormat::FontFamilies); // inline code
}

} // namespace

bool hasMarkdown(const QString &text)
{
    QTextDocument doc;
    readMarkdown(doc, text);
    for (QTextBlock block = doc.begin(); block.isValid(); block = block.next()) {
        if (isFormattedBlock(block))
            return true;
        for (auto it = block.begin(); !it.atEnd(); ++it) {
            if (isFormattedText(it.fragment().charFormat()))
                return true;
        }
    }
    // Escapes and entities: the reader changed the characters (spacing aside).
    return doc.toPlainText().simplified() != text.simplified();
}

QString markdownToHtml(const QString &text, const QColor &linkColor)
{
    QTextDocument doc;
    readMarkdown(doc, text);
    const QList<Fix> fixes = unsafeFragments(doc, linkColor);
    // From the end, so removing an image does not move the positions still to fix.
    for (auto it = fixes.crbegin(); it != fixes.crend(); ++it) {
        QTextCursor cursor(&doc);
        cursor.setPosition(it->position);
        cursor.setPosition(it->position + it->length, QTextCursor::KeepAnchor);
        if (it->image)
            cursor.removeSelectedText();
        else
            cursor.setCharFormat(it->format);
    }
    return bodyOf(doc.toHtml());
}

} // namespace ringchat::app::textformat
