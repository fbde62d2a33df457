// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import RingChat

// Spell checking of a text field: underlines the misspelt words of `field` (through
// the SpellCheck singleton passed as `spellCheck`; null: nothing is checked), and
// is the menu on one of them: the checker's suggestions (they come a moment later)
// replace the word, and "Add to dictionary" keeps it in the personal word list.
Menu {
    id: root

    property Item field                 // a TextArea or TextEdit
    property QtObject spellCheck: null
    // The word the menu is open on, and where it starts in the field's text.
    property string word
    property int wordStart: -1
    property var suggestions: []
    property bool searching: false

    // Opens on the misspelt word at a text position of the field (at `point` in the
    // field, else under the word); false when there is no misspelt word there.
    function openAt(position, point) {
        const found = spelling.misspeltWordAt(position)
        if (found.word === undefined)
            return false
        word = found.word
        wordStart = found.start
        suggestions = []
        searching = true
        spellCheck.requestSuggestions(found.word)
        const at = point || field.positionToRectangle(position)
        popup(field, at.x, at.y + (point ? 0 : at.height))
        return true
    }
    function replace(replacement) {
        // Only if the word is still there as it was.
        if (field.getText(wordStart, wordStart + word.length) === word) {
            field.remove(wordStart, wordStart + word.length)
            field.insert(wordStart, replacement)
        }
        field.forceActiveFocus()
    }

    SpellCheckedDocument {
        id: spelling
        objectName: "spelling"
        document: root.field ? root.field.textDocument : null
        spellCheck: root.spellCheck
    }
    Connections {
        target: root.spellCheck
        ignoreUnknownSignals: true
        function onSuggestionsReady(word, suggestions) {
            if (word !== root.word)
                return
            root.suggestions = suggestions
            root.searching = false
        }
    }

    MenuItem {
        objectName: "searchingItem"
        text: qsTr("Looking for suggestions…")
        enabled: false
        visible: root.searching
        height: visible ? implicitHeight : 0
    }
    MenuItem {
        objectName: "noSuggestionsItem"
        text: qsTr("No suggestions")
        enabled: false
        visible: !root.searching && root.suggestions.length === 0
        height: visible ? implicitHeight : 0
    }
    Instantiator {
        model: root.suggestions
        delegate: MenuItem {
            required property string modelData
            objectName: "suggestion_" + modelData
            text: modelData
            font.bold: true
            Accessible.name: qsTr("Replace with %1").arg(modelData)
            onTriggered: root.replace(modelData)
        }
        // Below the two notes, above the separator.
        onObjectAdded: (index, item) => root.insertItem(index + 2, item)
        onObjectRemoved: (index, item) => root.removeItem(item)
    }
    MenuSeparator {}
    MenuItem {
        objectName: "addToDictionaryItem"
        text: qsTr("Add “%1” to dictionary").arg(root.word)
        Accessible.name: qsTr("Add to dictionary")
        onTriggered: {
            root.spellCheck.addToDictionary(root.word)
            root.field.forceActiveFocus()
        }
    }
}
