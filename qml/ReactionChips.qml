// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import RingChat

// The reactions under a bubble: one chip per emoji with its count, ours
// highlighted; a chip toggles our reaction and its tooltip names who reacted. The
// last chip opens the picker.
Flow {
    id: root

    property var reactions: []                // [{emoji, count, mine, names}]
    property bool saving: false               // a reaction of ours is on its way
    property bool canAdd: true

    signal toggled(string emoji, bool on)
    signal addRequested()

    spacing: Theme.unit / 2
    opacity: saving ? 0.6 : 1

    function spokenName(r) {
        const name = Emojis.ready ? Emojis.nameOf(r.emoji) : r.emoji // named again once read
        return r.mine ? qsTr("%1, %2, you reacted").arg(name).arg(r.count)
                      : qsTr("%1, %2").arg(name).arg(r.count)
    }

    Repeater {
        model: root.reactions
        delegate: AbstractButton {
            id: chip
            required property var modelData
            objectName: "reactionChip"
            readonly property bool mine: !!modelData.mine
            readonly property string names: (modelData.names || []).join(", ")
            focusPolicy: Qt.StrongFocus
            hoverEnabled: true
            checkable: false
            padding: Theme.unit / 2
            leftPadding: Theme.unit
            rightPadding: Theme.unit
            Accessible.role: Accessible.Button
            Accessible.name: root.spokenName(modelData)
            Accessible.description: names
            Accessible.checkable: true
            Accessible.checked: mine
            readonly property bool showingNames: hovered && names.length > 0
            ToolTip.visible: showingNames
            ToolTip.text: names
            ToolTip.delay: 300
            onClicked: root.toggled(modelData.emoji, !mine)
            Keys.onPressed: (event) => {
                if (event.key === Qt.Key_Return || event.key === Qt.Key_Enter) { chip.clicked(); event.accepted = true }
            }
            contentItem: Text {
                text: chip.modelData.emoji + " " + chip.modelData.count
                textFormat: Text.PlainText
                color: chip.mine ? Theme.accent : Theme.text
                font.pixelSize: Theme.smallFontSize
                font.bold: chip.mine
            }
            background: Rectangle {
                radius: height / 2
                color: chip.mine ? Theme.selection : (chip.hovered ? Theme.hover : Theme.surface)
                border.width: chip.visualFocus ? 2 : 1
                border.color: chip.visualFocus || chip.mine ? Theme.accent : Theme.border
            }
        }
    }

    AbstractButton {
        id: addButton
        objectName: "addReaction"
        visible: root.canAdd
        focusPolicy: Qt.StrongFocus
        hoverEnabled: true
        padding: Theme.unit / 2
        leftPadding: Theme.unit
        rightPadding: Theme.unit
        Accessible.role: Accessible.Button
        Accessible.name: qsTr("Add a reaction")
        ToolTip.visible: hovered
        ToolTip.text: Accessible.name
        ToolTip.delay: 500
        onClicked: root.addRequested()
        Keys.onPressed: (event) => {
            if (event.key === Qt.Key_Return || event.key === Qt.Key_Enter) { addButton.clicked(); event.accepted = true }
        }
        contentItem: Text {
            text: "+"
            color: Theme.secondaryText
            font.pixelSize: Theme.smallFontSize
            font.bold: true
        }
        background: Rectangle {
            radius: height / 2
            color: addButton.hovered ? Theme.hover : "transparent"
            border.width: addButton.visualFocus ? 2 : 1
            border.color: addButton.visualFocus ? Theme.accent : Theme.border
        }
    }
}
