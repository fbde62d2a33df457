// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/spellcheckeddocument.h"

#include "app/spellcheck.h"
#include "spell/spellhighlighter.h"

#include <QQuickTextDocument>
#include <QTextDocument>

namespace ringchat::app {

SpellCheckedDocument::SpellCheckedDocument(QObject *parent)
    : QObject(parent)
{
}

SpellCheckedDocument::~SpellCheckedDocument() = default;

void SpellCheckedDocument::setDocument(QQuickTextDocument *document)
{
    if (document == m_document)
        return;
    m_document = document;
    update();
    emit documentChanged();
}

void SpellCheckedDocument::setSpellCheck(SpellCheck *spellCheck)
{
    if (spellCheck == m_spellCheck)
        return;
    if (m_spellCheck)
        disconnect(m_spellCheck, nullptr, this, nullptr);
    m_spellCheck = spellCheck;
    if (spellCheck) {
        connect(spellCheck, &SpellCheck::enabledChanged, this, &SpellCheckedDocument::update);
        // The highlighter uses its checker: it goes first.
        connect(spellCheck, &QObject::destroyed, this, &SpellCheckedDocument::dropHighlighter);
    }
    update();
    emit spellCheckChanged();
}

void SpellCheckedDocument::update()
{
    QTextDocument *text = m_document ? m_document->textDocument() : nullptr;
    const bool wanted = text && m_spellCheck && m_spellCheck->isEnabled();
    if (m_highlighter && (!wanted || m_highlighter->document() != text))
        dropHighlighter();
    if (wanted && !m_highlighter) {
        m_highlighter = new spell::SpellHighlighter(m_spellCheck->checker(), text, this);
        emit activeChanged();
    }
}

void SpellCheckedDocument::dropHighlighter()
{
    if (!m_highlighter)
        return;
    // Its destructor takes the underlines off the document.
    delete std::exchange(m_highlighter, nullptr);
    emit activeChanged();
}

QVariantMap SpellCheckedDocument::misspeltWordAt(int position) const
{
    if (!m_highlighter)
        return {};
    const std::optional<spell::WordRange> word = m_highlighter->misspeltWordAt(position);
    if (!word)
        return {};
    const QString text = m_highlighter->document()->toPlainText().mid(word->start, word->length);
    return { { QStringLiteral("start"), int(word->start) },
             { QStringLiteral("length"), int(word->length) },
             { QStringLiteral("word"), text } };
}

} // namespace ringchat::app
