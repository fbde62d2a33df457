// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Underlines misspelt words in a QTextDocument (the composer's, through
// QQuickTextDocument). QSyntaxHighlighter runs highlightBlock only for the blocks an
// edit touched, and the checker answers from its cache, so a keystroke in a long
// draft costs the words of one paragraph. Lines of a fenced code block are left
// alone (block state 1 = inside a fence).

#include "spell/words.h"

#include <QSyntaxHighlighter>
#include <QTextCharFormat>

#include <optional>

namespace ringchat::spell {

class SpellChecker;

class SpellHighlighter : public QSyntaxHighlighter
{
    Q_OBJECT

public:
    // The checker must outlive the highlighter.
    SpellHighlighter(SpellChecker *checker, QTextDocument *document, QObject *parent = nullptr);

    // The misspelt word at (or just before) a position of the document, in document
    // positions; nullopt when the position is not on one.
    std::optional<WordRange> misspeltWordAt(int position);

protected:
    void highlightBlock(const QString &text) override;

private:
    SpellChecker *m_checker;
    QTextCharFormat m_misspelt;
};

} // namespace ringchat::spell
