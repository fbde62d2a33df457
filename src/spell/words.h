// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The words of a line of text that spell checking looks at. Words are found by
// Unicode's word boundaries (QTextBoundaryFinder, so "don't" and "п’ять" stay one
// word); left out are links, e-mail addresses, @mentions, inline `code`, words with
// digits, single letters and words in capitals (acronyms such as API).

#include <QList>
#include <QStringView>

namespace ringchat::spell {

struct WordRange
{
    qsizetype start = 0;
    qsizetype length = 0;
    friend bool operator==(const WordRange &, const WordRange &) = default;
};

// The words to check in one line (a text block), in order.
QList<WordRange> checkableWords(QStringView line);

// True when the line opens or closes a fenced code block (```), whose lines are not checked.
bool isCodeFence(QStringView line);

} // namespace ringchat::spell
