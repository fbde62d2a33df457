// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "store/searchtext.h"

#include <QChar>
#include <QVarLengthArray>

#include <algorithm>

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

// Calls f(word, start) for each of unicode61's tokens of `text`, in order, until f
// returns false.
template <typename F> void forEachWord(QStringView text, F f)
{
    qsizetype i = 0;
    int start = -1;
    while (i < text.size()) {
        const int position = int(i);
        const char32_t c = nextCodePoint(text, i);
        if (isWordChar(c)) {
            if (start < 0)
                start = position;
        } else if (start >= 0) {
            if (!f(text.mid(start, position - start), start))
                return;
            start = -1;
        }
    }
    if (start >= 0)
        f(text.mid(start), start);
}

// foldSearchWord into `out` (cleared first), which keeps its capacity between words.
void foldInto(QStringView word, QString &out)
{
    out.clear();
    qsizetype i = 0;
    while (i < word.size()) {
        const char32_t c = nextCodePoint(word, i);
        if (c < 0x80) { // ASCII, most words: lower case is all there is to do
            out.append(QChar(char16_t(c >= u'A' && c <= u'Z' ? c + 32 : c)));
            continue;
        }
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
}

} // namespace

QList<SearchWord> searchWords(QStringView text)
{
    QList<SearchWord> out;
    forEachWord(text, [&](QStringView word, int start) {
        out.append({ word.toString(), start, start + int(word.size()) });
        return true;
    });
    return out;
}

QString foldSearchWord(QStringView word)
{
    QString out;
    out.reserve(word.size());
    foldInto(word, out);
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
    QString folded;
    forEachWord(text, [&](QStringView word, int start) {
        foldInto(word, folded);
        if (std::any_of(terms.cbegin(), terms.cend(), [&](const QString &t) { return folded.startsWith(t); }))
            out.append({ start, start + int(word.size()) });
        return true;
    });
    return out;
}

bool matchesAllTerms(QStringView text, const QStringList &terms)
{
    QVarLengthArray<bool, kMaxSearchWords> found(terms.size(), false);
    qsizetype missing = terms.size();
    QString folded;
    forEachWord(text, [&](QStringView word, int) {
        foldInto(word, folded);
        for (qsizetype t = 0; t < terms.size(); ++t) {
            if (!found[t] && folded.startsWith(terms.at(t))) {
                found[t] = true;
                --missing;
            }
        }
        return missing > 0;
    });
    return !terms.isEmpty() && missing == 0;
}

} // namespace ringchat::store
