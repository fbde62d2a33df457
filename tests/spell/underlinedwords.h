// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// What the spell checker's highlighter underlined in a document: the text of each
// underlined format range, block by block (shared by the spell and composer tests).

#include <QStringList>
#include <QTextBlock>
#include <QTextDocument>
#include <QTextLayout>

inline QStringList underlinedWords(const QTextDocument &document)
{
    QStringList words;
    for (QTextBlock block = document.begin(); block.isValid(); block = block.next()) {
        for (const QTextLayout::FormatRange &range : block.layout()->formats()) {
            if (range.format.fontUnderline())
                words.append(block.text().mid(range.start, range.length));
        }
    }
    return words;
}
