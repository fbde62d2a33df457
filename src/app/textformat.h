// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Message text is plain text. The one place that turns it into something richer:
// http(s) URLs become links, everything else is escaped, and nothing from the wire
// is ever read as HTML. The same rule decides which links may be opened. A message
// whose format is "markdown" gets the contract's light subset (bold, italic, code,
// quotes, links) through Qt's own Markdown reader, with raw HTML, images and unsafe
// links taken out.

#include <QColor>
#include <QObject>
#include <QString>
#include <QtQml/qqmlregistration.h>

namespace ringchat::app {

namespace textformat {

// &, <, >, " and ' as entities.
QString escapeHtml(const QString &text);
// True when the text holds a link, i.e. needs more than plain text.
bool hasLinks(const QString &text);
// StyledText for a Text item: the text escaped, newlines as <br>, each http(s) URL an
// <a href> (in linkColor when valid). Trailing punctuation ends the sentence, not the
// URL; invisible formatting characters (bidi overrides, zero-width) end a URL.
QString linkify(const QString &text, const QColor &linkColor = {});
// Only http(s) URLs with a host, and nothing invisible or blank in them, are opened.
bool isSafeLink(const QString &url);
// The first URL linkify() would link ("" when none): the context menu's "Copy link".
QString firstLink(const QString &text);
// RichText for a Text item from Markdown (CommonMark, no raw HTML): images are
// dropped (nothing is ever fetched), links that isSafeLink refuses become plain
// text, the others take linkColor.
// A line break in the text is a line break on screen, as in plain messages (chat
// convention; CommonMark would join the lines), fenced code aside.
QString markdownToHtml(const QString &text, const QColor &linkColor = {});
// True when markdownToHtml would show the text otherwise than as it was typed: any
// emphasis, code, link, quote, list, heading or rule, or a backslash escape or entity
// that the reader takes out. The composer sends only such text as "markdown"; the
// rest goes as plain text, which every client shows exactly as typed.
bool hasMarkdown(const QString &text);

} // namespace textformat

// The same functions for QML (TextFormat.linkify(...)).
class TextFormat : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON
public:
    using QObject::QObject;

    Q_INVOKABLE bool hasLinks(const QString &text) const { return textformat::hasLinks(text); }
    Q_INVOKABLE QString linkify(const QString &text, const QColor &linkColor) const
    {
        return textformat::linkify(text, linkColor);
    }
    Q_INVOKABLE bool isSafeLink(const QString &url) const { return textformat::isSafeLink(url); }
    Q_INVOKABLE QString firstLink(const QString &text) const { return textformat::firstLink(text); }
    Q_INVOKABLE QString markdown(const QString &text, const QColor &linkColor) const
    {
        return textformat::markdownToHtml(text, linkColor);
    }
};

} // namespace ringchat::app
