// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// `SpellCheckedDocument`: puts the spell checker's underlines on a TextArea's
// document (`document: area.textDocument`) while `spellCheck` is set and enabled,
// and tells the composer's context menu which misspelt word the user clicked.

#include <QObject>
#include <QPointer>
#include <QQuickTextDocument>
#include <QVariantMap>
#include <QtQml/qqmlregistration.h>

Q_MOC_INCLUDE("app/spellcheck.h")

namespace ringchat::spell {
class SpellHighlighter;
}

namespace ringchat::app {

class SpellCheck;

class SpellCheckedDocument : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QQuickTextDocument *document READ document WRITE setDocument NOTIFY documentChanged)
    // The SpellCheck singleton (or null: nothing is checked).
    Q_PROPERTY(
        ringchat::app::SpellCheck *spellCheck READ spellCheck WRITE setSpellCheck NOTIFY spellCheckChanged)
    Q_PROPERTY(bool active READ isActive NOTIFY activeChanged)

public:
    explicit SpellCheckedDocument(QObject *parent = nullptr);
    ~SpellCheckedDocument() override;

    QQuickTextDocument *document() const { return m_document; }
    void setDocument(QQuickTextDocument *document);
    SpellCheck *spellCheck() const { return m_spellCheck; }
    void setSpellCheck(SpellCheck *spellCheck);
    bool isActive() const { return m_highlighter != nullptr; }

    // The misspelt word at a text position: { start, length, word }; {} when the
    // position is on none (or checking is off).
    Q_INVOKABLE QVariantMap misspeltWordAt(int position) const;

signals:
    void documentChanged();
    void spellCheckChanged();
    void activeChanged();

private:
    void update();
    void dropHighlighter();

    QPointer<QQuickTextDocument> m_document;
    QPointer<SpellCheck> m_spellCheck;
    spell::SpellHighlighter *m_highlighter = nullptr; // a child: it goes with this object
};

} // namespace ringchat::app
