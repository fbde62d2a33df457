// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "spell/words.h"

#include <QRegularExpression>
#include <QTextBoundaryFinder>

namespace ringchat::spell {

namespace {

// Stretches of the line that are not prose: links (scheme:// or www.), e-mail
// addresses, @mentions and inline code between backticks.
QList<WordRange> skippedRanges(QStringView line)
{
    static const QRegularExpression notProse(
        QStringLiteral(R"((?:\b[a-z][a-z0-9+.-]*://|\bwww\.)\S+|\S+@\S+\.\S+|@[\w.-]+|`[^`]*`?)"),
        QRegularExpression::CaseInsensitiveOption | QRegularExpression::UseUnicodePropertiesOption);
    QList<WordRange> ranges;
    if (!line.contains(QLatin1Char('/')) && !line.contains(QLatin1Char('@'))
        && !line.contains(QLatin1Char('`')) && !line.contains(QLatin1String("www."), Qt::CaseInsensitive))
        return ranges; // the common case: plain prose
    for (auto it = notProse.globalMatch(line); it.hasNext();) {
        const QRegularExpressionMatch match = it.next();
        ranges.append({ match.capturedStart(), match.capturedLength() });
    }
    return ranges;
}

bool worthChecking(QStringView word)
{
    if (word.size() < 2)
        return false;
    bool hasLetter = false;
    bool hasLower = false;
    for (const QChar c : word) {
        if (c.isDigit())
            return false;
        if (c.isLetter()) {
            hasLetter = true;
            hasLower = hasLower || c.isLower();
        }
    }
    return hasLetter && hasLower;
}

} // namespace

QList<WordRange> checkableWords(QStringView line)
{
    QList<WordRange> words;
    if (line.isEmpty())
        return words;
    const QList<WordRange> skipped = skippedRanges(line);
    qsizetype nextSkipped = 0;
    QTextBoundaryFinder finder(QTextBoundaryFinder::Word, line.data(), int(line.size()));
    qsizetype start = -1;
    for (qsizetype position = finder.position(); position >= 0; position = finder.toNextBoundary()) {
        const QTextBoundaryFinder::BoundaryReasons reasons = finder.boundaryReasons();
        if (start >= 0 && (reasons & QTextBoundaryFinder::EndOfItem)) {
            while (nextSkipped < skipped.size()
                   && skipped[nextSkipped].start + skipped[nextSkipped].length <= start)
                ++nextSkipped;
            const bool inSkipped = nextSkipped < skipped.size() && skipped[nextSkipped].start < position;
            const QStringView word = line.mid(start, position - start);
            if (!inSkipped && worthChecking(word))
                words.append({ start, position - start });
            start = -1;
        }
        if (reasons & QTextBoundaryFinder::StartOfItem)
            start = position;
    }
    return words;
}

bool isCodeFence(QStringView line)
{
    return line.trimmed().startsWith(QLatin1String("```"));
}

} // namespace ringchat::spell
