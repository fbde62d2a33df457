// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

// Ctrl+K: type part of a name, arrow to it, Enter opens it. The owner filters
// the model by `query` (e.g. a ConversationFilter bound to it).
Popup {
    id: root

    property var model              // rows with conversationId, title, unreadCount
    readonly property alias query: field.text

    signal conversationChosen(string conversationId)

    modal: true
    focus: true
    closePolicy: Popup.CloseOnEscape | Popup.CloseOnPressOutside
    x: (parent ? (parent.width - width) / 2 : 0)
    y: parent ? parent.height * 0.15 : 0
    width: Math.min(parent ? parent.width - Theme.padding * 2 : 400, Theme.fontSize * 32)
    padding: Theme.unit
    height: Math.min(layout.implicitHeight + padding * 2, parent ? parent.height * 0.7 : 400)

    Accessible.role: Accessible.Dialog
    Accessible.name: qsTr("Switch conversation")

    onOpened: {
        field.text = ""
        field.forceActiveFocus()
        list.currentIndex = 0
    }

    function choose(index) {
        // A removed row's delegate can linger until the next frame: check the count first.
        if (index < 0 || index >= list.count)
            return
        const item = list.itemAtIndex(index)
        if (!item)
            return
        root.conversationChosen(item.conversationIdValue)
        root.close()
    }

    background: Rectangle {
        color: Theme.surface
        border.color: Theme.border
        radius: Theme.radius
    }

    ColumnLayout {
        id: layout
        anchors.fill: parent
        spacing: Theme.unit

        TextField {
            id: field
            objectName: "switcherField"
            Layout.fillWidth: true
            placeholderText: qsTr("Jump to a conversation…")
            font.pixelSize: Theme.fontSize
            color: Theme.text
            placeholderTextColor: Theme.secondaryText
            Accessible.role: Accessible.EditableText
            Accessible.name: qsTr("Conversation name")
            onTextChanged: list.currentIndex = 0
            Keys.onDownPressed: list.incrementCurrentIndex()
            Keys.onUpPressed: list.decrementCurrentIndex()
            Keys.onReturnPressed: root.choose(list.currentIndex)
            Keys.onEnterPressed: root.choose(list.currentIndex)
        }

        ListView {
            id: list
            objectName: "switcherList"
            Layout.fillWidth: true
            Layout.preferredHeight: Math.min(contentHeight, Theme.rowHeight * 7)
            clip: true
            model: root.model
            keyNavigationWraps: true
            highlightMoveDuration: 0
            Accessible.role: Accessible.List
            Accessible.name: qsTr("Matching conversations")

            delegate: ItemDelegate {
                required property int index
                required property string conversationId
                required property string title
                readonly property string conversationIdValue: conversationId
                width: ListView.view.width
                highlighted: ListView.isCurrentItem
                text: title
                font.pixelSize: Theme.fontSize
                Accessible.role: Accessible.ListItem
                Accessible.name: title
                onClicked: root.choose(index)
            }
        }

        Text {
            visible: list.count === 0
            text: qsTr("No conversation matches.")
            color: Theme.secondaryText
            font.pixelSize: Theme.smallFontSize
            Layout.margins: Theme.unit
        }
    }
}
