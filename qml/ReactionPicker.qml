// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import RingChat

// Choosing a reaction: the six quick ones, then every emoji of Unicode's list by
// group, or found by name. From the keyboard: type to search, Down to the grid,
// the arrows to move, Enter to choose, Esc to close.
Popup {
    id: root

    // The message the reaction is for (the view sets it when opening).
    property string messageId

    signal picked(string emoji)

    readonly property alias searchField: search
    readonly property alias grid: grid
    readonly property alias emojiModel: emojiModel

    modal: true
    focus: true
    padding: Theme.unit
    width: Math.min(Theme.fontSize * 26, parent ? parent.width - Theme.padding * 2 : Theme.fontSize * 26)
    height: Math.min(Theme.fontSize * 24, parent ? parent.height - Theme.padding * 2 : Theme.fontSize * 24)
    function choose(emoji) {
        if (!emoji)
            return
        root.picked(emoji)
        root.close()
    }

    onOpened: {
        search.text = ""
        emojiModel.group = 0
        search.forceActiveFocus()
    }

    EmojiModel {
        id: emojiModel
        filterText: search.text
    }

    background: Rectangle {
        color: Theme.surface
        radius: Theme.radius
        border.color: Theme.border
    }

    contentItem: ColumnLayout {
        spacing: Theme.unit
        Accessible.role: Accessible.Dialog
        Accessible.name: qsTr("Choose a reaction")

        Row {
            objectName: "quickReactions"
            spacing: Theme.unit / 2
            Repeater {
                model: Emojis.quickReactions
                delegate: ToolButton {
                    required property string modelData
                    objectName: "quickReaction"
                    text: modelData
                    font.pixelSize: Theme.largeFontSize
                    focusPolicy: Qt.StrongFocus
                    Accessible.role: Accessible.Button
                    Accessible.name: Emojis.ready ? Emojis.nameOf(modelData) : modelData
                    ToolTip.visible: hovered
                    ToolTip.text: Accessible.name
                    ToolTip.delay: 500
                    onClicked: root.choose(modelData)
                }
            }
        }

        TextField {
            id: search
            objectName: "emojiSearch"
            Layout.fillWidth: true
            placeholderText: qsTr("Search emoji by name")
            color: Theme.text
            placeholderTextColor: Theme.secondaryText
            Accessible.role: Accessible.EditableText
            Accessible.name: qsTr("Search emoji by name")
            Accessible.description: qsTr("%n emoji found", "", emojiModel.count)
            Keys.onPressed: (event) => {
                if (event.key === Qt.Key_Down) {
                    grid.currentIndex = 0
                    grid.forceActiveFocus()
                    event.accepted = true
                } else if (event.key === Qt.Key_Return || event.key === Qt.Key_Enter) {
                    root.choose(emojiModel.emojiAt(0))
                    event.accepted = true
                }
            }
        }

        // The groups (hidden while searching: a search looks in all of them).
        Row {
            id: groupRow
            Layout.fillWidth: true
            visible: search.text.length === 0
            spacing: 0
            Repeater {
                model: emojiModel.groups
                delegate: ToolButton {
                    required property int index
                    required property string modelData
                    objectName: "emojiGroup"
                    width: groupRow.width / Math.max(1, emojiModel.groups.length)
                    text: emojiModel.groupIcons[index]
                    checkable: true
                    checked: emojiModel.group === index
                    focusPolicy: Qt.StrongFocus
                    font.pixelSize: Theme.fontSize
                    Accessible.role: Accessible.PageTab
                    Accessible.name: modelData
                    ToolTip.visible: hovered
                    ToolTip.text: modelData
                    ToolTip.delay: 500
                    onClicked: emojiModel.group = index
                }
            }
        }

        GridView {
            id: grid
            objectName: "emojiGrid"
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            model: emojiModel
            cellWidth: Theme.fontSize * 2.4
            cellHeight: Theme.fontSize * 2.4
            keyNavigationEnabled: true
            activeFocusOnTab: true
            Accessible.role: Accessible.List
            Accessible.name: qsTr("Emoji")
            ScrollBar.vertical: ScrollBar { }
            highlight: Rectangle { color: Theme.selection; radius: Theme.unit / 2 }
            highlightMoveDuration: 0
            Keys.onPressed: (event) => {
                if (event.key === Qt.Key_Return || event.key === Qt.Key_Enter || event.key === Qt.Key_Space) {
                    root.choose(emojiModel.emojiAt(grid.currentIndex))
                    event.accepted = true
                }
            }
            delegate: Item {
                id: cell
                required property int index
                required property string emoji
                required property string name
                width: grid.cellWidth
                height: grid.cellHeight
                Accessible.role: Accessible.ListItem
                Accessible.name: name
                Text {
                    anchors.centerIn: parent
                    text: cell.emoji
                    font.pixelSize: Theme.largeFontSize
                }
                TapHandler {
                    onTapped: root.choose(cell.emoji)
                }
            }
            // The catalog is read on a worker thread; the grid fills once it is.
            BusyIndicator {
                objectName: "emojiLoading"
                anchors.centerIn: parent
                running: !emojiModel.ready
                visible: running
                Accessible.name: qsTr("Loading emoji")
            }
            Text {
                anchors.centerIn: parent
                visible: emojiModel.ready && grid.count === 0
                text: search.text.length > 0 ? qsTr("No emoji found") : qsTr("No emoji data installed")
                color: Theme.secondaryText
                font.pixelSize: Theme.smallFontSize
            }
        }
    }
}
