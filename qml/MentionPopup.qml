// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls

// The composer's "@" list: shows a MentionCompleter (C++) above the input and hands
// it the keys (Up/Down move, Enter/Tab insert, Esc closes). The completer decides
// everything; this only draws it.
Popup {
    id: root

    property var completer: null   // CurrentConversation.mentions
    property Item input: null      // the TextArea the name goes into

    // Returns true when the key was the list's.
    function handleKey(event) {
        if (!completer || !completer.active || completer.count === 0)
            return false
        if (event.key === Qt.Key_Up) {
            completer.moveUp()
        } else if (event.key === Qt.Key_Down) {
            completer.moveDown()
        } else if (event.key === Qt.Key_Return || event.key === Qt.Key_Enter || event.key === Qt.Key_Tab) {
            choose(completer.currentIndex)
        } else if (event.key === Qt.Key_Escape) {
            completer.dismiss()
        } else {
            return false
        }
        event.accepted = true
        return true
    }
    function choose(row) {
        const result = completer.accept(input.text, row)
        if (result.text === undefined)
            return
        input.text = result.text
        input.cursorPosition = result.cursorPosition
    }

    visible: completer !== null && completer.active && completer.count > 0
    closePolicy: Popup.NoAutoClose
    focus: false
    padding: Theme.unit / 2
    width: Theme.fontSize * 18
    height: Math.min(list.contentHeight, Theme.fontSize * 12) + padding * 2
    y: -height - Theme.unit

    background: Rectangle {
        color: Theme.surface
        border.color: Theme.border
        radius: Theme.radius
    }

    contentItem: ListView {
        id: list
        objectName: "mentionList"
        clip: true
        model: root.completer
        currentIndex: root.completer ? root.completer.currentIndex : -1
        Accessible.role: Accessible.List
        Accessible.name: qsTr("People to mention")
        delegate: ItemDelegate {
            required property int index
            required property string name
            required property string userId
            width: ListView.view.width
            highlighted: ListView.isCurrentItem
            text: name
            font.pixelSize: Theme.fontSize
            Accessible.name: name
            contentItem: Text {
                text: "@" + parent.text
                color: Theme.text
                font: parent.font
                elide: Text.ElideRight
            }
            background: Rectangle { color: highlighted ? Theme.selection : (hovered ? Theme.hover : "transparent") }
            onClicked: root.choose(index)
        }
    }
}
