// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls

// The message a message replies to, as a quote: who wrote it and its first words,
// or that it was deleted. Activating it (click, Enter, Space) asks to show the original.
AbstractButton {
    id: root

    property string senderName
    property string snippet
    property bool deleted: false
    property real maxWidth: Theme.bubbleMaxWidth

    readonly property string quoteText: deleted ? qsTr("Original message deleted") : snippet

    focusPolicy: Qt.StrongFocus
    hoverEnabled: true
    implicitWidth: Math.min(maxWidth, Math.max(nameLabel.implicitWidth, snippetLabel.implicitWidth) + leftPadding + rightPadding)
    implicitHeight: column.implicitHeight + topPadding + bottomPadding
    leftPadding: Theme.unit * 1.5
    rightPadding: Theme.unit
    topPadding: Theme.unit / 2
    bottomPadding: Theme.unit / 2

    Accessible.role: Accessible.Button
    Accessible.name: deleted ? qsTr("Reply to a deleted message")
                             : qsTr("Reply to %1: %2").arg(senderName).arg(snippet)
    Accessible.description: qsTr("Shows the original message")

    Keys.onPressed: (event) => {
        if (event.key === Qt.Key_Return || event.key === Qt.Key_Enter) { root.clicked(); event.accepted = true }
    }

    background: Rectangle {
        radius: Theme.unit / 2
        color: root.hovered ? Theme.hover : Qt.rgba(0, 0, 0, Theme.dark ? 0.18 : 0.05)
        border.width: root.visualFocus ? 2 : 0
        border.color: Theme.focusRing
        Rectangle {
            width: 3
            height: parent.height
            radius: 1.5
            color: root.deleted ? Theme.secondaryText : Theme.colorFor(root.senderName)
        }
    }

    contentItem: Column {
        id: column
        spacing: 0
        Text {
            id: nameLabel
            objectName: "quoteSender"
            visible: !root.deleted
            width: Math.min(implicitWidth, root.maxWidth - root.leftPadding - root.rightPadding)
            text: root.senderName
            textFormat: Text.PlainText
            elide: Text.ElideRight
            color: Theme.colorFor(root.senderName)
            font.pixelSize: Theme.smallFontSize
            font.bold: true
        }
        Text {
            id: snippetLabel
            objectName: "quoteText"
            width: Math.min(implicitWidth, root.maxWidth - root.leftPadding - root.rightPadding)
            text: root.quoteText
            textFormat: Text.PlainText
            elide: Text.ElideRight
            maximumLineCount: 2
            wrapMode: Text.Wrap
            color: Theme.secondaryText
            font.pixelSize: Theme.smallFontSize
            font.italic: root.deleted
        }
    }
}
