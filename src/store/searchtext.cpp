// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "store/searchtext.h"

#include <QChar>

namespace ringchat::store {

namespace {

bool isMark(char32_t c)
{
    const auto cat = QChar::category(c);
    return cat == QChar::Mark_NonSpacing || cat == QChar::Mark_SpacingCombining
        || cat == QChar::Mark_Enclosing;
}

// Letters, numbers, private use and marks: unicode61's token characters.
bool isWordChar(char32_t c)
{
    if (QChar::isLetterOrNumber(c) || isMark(c))
        return true;
    return QChar::category(c) == QChar::Other_PrivateUse;
}

void appendUcs4(QString &out, char32_t c)
{
    if (QChar::requiresSurrogates(c)) {
        out.append(QChar(QChar::highSurrogate(c)));
        out.append(QChar(QChar::lowSurrogate(c)));
    } else {
        out.append(QChar(char16_t(c)));
    }
}

// The code point at `i` of `text` (a lone surrogate as itself); moves `i` past it.
char32_t nextCodePoint(QStringView text, qsizetype &i)
{
    const QChar c = text[i++];
    if (c.isHighSurrogate() && i < text.size() && text[i].isLowSurrogate())
        return QChar::surrogateToUcs4(c, text[i++]);
    return c.unicode();
}

} // namespace

QList<SearchWord> searchWords(QStringView text)
{
    QList<SearchWord> out;
    qsizetype i = 0;
    int start = -1;
    while (i < text.size()) {
        const int position = int(i);
        const char32_t c = nextCodePoint(text, i);
        if (isWordChar(c)) {
            if (start < 0)
                start = position;
        } else if (start >= 0) {
            out.append({ text.mid(start, position - start).toString(), start, position });
            start = -1;
        }
    }
    if (start >= 0)
        out.append({ text.mid(start).toString(), start, int(text.size()) });
    return out;
}

QString foldSearchWord(QStringView word)
{
    QString out;
    out.reserve(word.size());
    qsizetype i = 0;
    while (i < word.size()) {
        const char32_t c = nextCodePoint(word, i);
        if (isMark(c))
            continue;
        const char32_t lower = QChar::toLower(c);
        if (QChar::script(c) != QChar::Script_Latin) {
            appendUcs4(out, lower);
            continue;
        }
        QString one;
        appendUcs4(one, lower);
        for (const QChar ch : one.normalized(QString::NormalizationForm_D))
            if (!isMark(ch.unicode()))
                out.append(ch);
    }
    return out;
}

QStringList searchTerms(QStringView query)
{
    QStringList out;
    for (const SearchWord &w : searchWords(query)) {
        QString folded = foldSearchWord(w.text);
        if (folded.isEmpty())
            continue;
        out.append(std::move(folded));
        if (out.size() == kMaxSearchWords)
            break;
    }
    return out;
}

QString ftsMatchExpression(const QStringList &terms)
{
    QStringList quoted;
    for (QString term : terms)
        quoted.append(u'"' + term.replace(u'"', QLatin1StringView("\"\"")) + QLatin1StringView("\"*"));
    return quoted.join(QLatin1StringView(" AND "));
}

QList<TextRange> searchHitRanges(QStringView text, const QStringList &terms)
{
    QList<TextRange> out;
    if (terms.isEmpty())
        return out;
    for (const SearchWord &w : searchWords(text)) {
        const QString folded = foldSearchWord(w.text);
        for (const QString &term : terms) {
            if (folded.startsWith(term)) {
                out.append({ w.start, w.end });
                break;
            }
        }
    }
    return out;
}

} // namespace ringchat::store
