// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "spell/spellhighlighter.h"

#include "spell/spellchecker.h"

#include <QTextBlock>
#include <QTextDocument>

namespace ringchat::spell {

namespace {
enum BlockState { Prose = 0, InCodeBlock = 1 };

// Whether a block is checked, from the state the block before it left.
bool isProse(const QString &text, int previousState)
{
    return previousState != InCodeBlock && !isCodeFence(text);
}
} // namespace

SpellHighlighter::SpellHighlighter(SpellChecker *checker, QTextDocument *document, QObject *parent)
    : QSyntaxHighlighter(parent)
    , m_checker(checker)
{
    // Widgets draw a red wave. Qt Quick 6.4 draws a plain underline in the text's
    // colour and ignores the underline's, so the word is red too (readable on the
    // light and the dark theme).
    const QColor red(0xe0, 0x31, 0x31);
    m_misspelt.setUnderlineStyle(QTextCharFormat::SpellCheckUnderline);
    m_misspelt.setFontUnderline(true);
    m_misspelt.setUnderlineColor(red);
    m_misspelt.setForeground(red);
    connect(checker, &SpellChecker::verdictsChanged, this, &SpellHighlighter::rehighlight);
    setDocument(document);
}

void SpellHighlighter::highlightBlock(const QString &text)
{
    const int previous = previousBlockState();
    const bool fence = isCodeFence(text);
    const bool inCode = previous == InCodeBlock;
    setCurrentBlockState(fence != inCode ? InCodeBlock : Prose);
    if (!isProse(text, previous))
        return;
    for (const WordRange &word : checkableWords(text)) {
        if (m_checker->check(text.mid(word.start, word.length)) == SpellChecker::Verdict::Misspelt)
            setFormat(int(word.start), int(word.length), m_misspelt);
    }
}

std::optional<WordRange> SpellHighlighter::misspeltWordAt(int position)
{
    if (!document())
        return std::nullopt;
    const QTextBlock block = document()->findBlock(position);
    if (!block.isValid() || !isProse(block.text(), block.previous().userState()))
        return std::nullopt;
    const QString text = block.text();
    const qsizetype offset = position - block.position();
    for (const WordRange &word : checkableWords(text)) {
        if (offset < word.start || offset > word.start + word.length)
            continue;
        if (m_checker->check(text.mid(word.start, word.length)) != SpellChecker::Verdict::Misspelt)
            return std::nullopt;
        return WordRange { block.position() + word.start, word.length };
    }
    return std::nullopt;
}

} // namespace ringchat::spell
