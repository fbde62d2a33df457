// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls

// Editing a message in place, inside its bubble: Enter saves, Shift+Enter starts
// a new line, Esc cancels. It takes the focus when it appears.
TextArea {
    id: root

    property string originalText

    signal saved(string text)
    signal cancelled()

    text: originalText
    wrapMode: TextEdit.Wrap
    textFormat: TextEdit.PlainText
    selectByMouse: true
    color: Theme.text
    font.pixelSize: Theme.fontSize
    padding: Theme.unit / 2
    Accessible.role: Accessible.EditableText
    Accessible.name: qsTr("Edit message")
    Accessible.description: qsTr("Enter saves, Escape cancels")
    background: Rectangle {
        color: Theme.surface
        radius: Theme.unit / 2
        border.width: 2
        border.color: Theme.focusRing
    }

    Component.onCompleted: {
        cursorPosition = length
        forceActiveFocus()
    }

    Keys.onPressed: (event) => {
        if (event.key === Qt.Key_Escape) {
            root.cancelled()
            event.accepted = true
        } else if (event.key === Qt.Key_Return || event.key === Qt.Key_Enter) {
            if (event.modifiers & Qt.ShiftModifier)
                root.insert(root.cursorPosition, "\n")
            else
                root.saved(root.text)
            event.accepted = true
        }
    }
}
