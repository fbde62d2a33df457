// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

// Ctrl+N: find people (the owner runs the search and fills `users`), pick one
// for a direct chat or several for a group with a title.
Popup {
    id: root

    property var users: []            // [{ id, name }] search results
    property bool searching: false
    property string errorString
    readonly property var selectedIds: Object.keys(selected)
    readonly property bool isGroup: selectedIds.length > 1
    readonly property bool canCreate: selectedIds.length > 0 && (!isGroup || titleField.text.trim().length > 0)
    property var selected: ({})       // id -> name

    signal searchRequested(string query)
    signal createRequested(var userIds, string title)

    modal: true
    focus: true
    closePolicy: Popup.CloseOnEscape | Popup.CloseOnPressOutside
    x: parent ? (parent.width - width) / 2 : 0
    y: parent ? parent.height * 0.12 : 0
    width: Math.min(parent ? parent.width - Theme.padding * 2 : 420, Theme.fontSize * 32)
    padding: Theme.padding

    Accessible.role: Accessible.Dialog
    Accessible.name: qsTr("New conversation")

    onOpened: {
        selected = {}
        searchField.text = ""
        titleField.text = ""
        searchField.forceActiveFocus()
        root.searchRequested("")
    }

    function toggle(id, name) {
        let copy = Object.assign({}, selected)
        if (copy[id] !== undefined)
            delete copy[id]
        else
            copy[id] = name
        selected = copy
    }
    function create() {
        if (!canCreate)
            return
        root.createRequested(selectedIds, isGroup ? titleField.text.trim() : "")
        root.close()
    }

    Timer {
        id: debounce
        interval: 250
        onTriggered: root.searchRequested(searchField.text.trim())
    }

    background: Rectangle {
        color: Theme.surface
        border.color: Theme.border
        radius: Theme.radius
    }

    contentItem: ColumnLayout {
        spacing: Theme.unit

        Text {
            text: qsTr("New conversation")
            color: Theme.text
            font.pixelSize: Theme.largeFontSize
            font.bold: true
            Accessible.role: Accessible.Heading
            Accessible.name: text
        }
        TextField {
            id: searchField
            objectName: "userSearchField"
            Layout.fillWidth: true
            placeholderText: qsTr("Search people by name")
            font.pixelSize: Theme.fontSize
            color: Theme.text
            placeholderTextColor: Theme.secondaryText
            Accessible.role: Accessible.EditableText
            Accessible.name: qsTr("Search people")
            onTextEdited: debounce.restart()
            Keys.onDownPressed: results.forceActiveFocus()
        }
        ListView {
            id: results
            objectName: "userResults"
            Layout.fillWidth: true
            Layout.preferredHeight: Math.min(contentHeight, Theme.rowHeight * 5)
            clip: true
            model: root.users
            Accessible.role: Accessible.List
            Accessible.name: qsTr("People")
            delegate: CheckDelegate {
                required property var modelData
                width: ListView.view.width
                text: modelData.name
                checked: root.selected[modelData.id] !== undefined
                font.pixelSize: Theme.fontSize
                Accessible.role: Accessible.CheckBox
                Accessible.name: modelData.name
                onToggled: root.toggle(modelData.id, modelData.name)
            }
        }
        Text {
            visible: !root.searching && root.users.length === 0
            text: root.errorString.length > 0 ? root.errorString : qsTr("Nobody found.")
            color: root.errorString.length > 0 ? Theme.danger : Theme.secondaryText
            font.pixelSize: Theme.smallFontSize
        }
        TextField {
            id: titleField
            objectName: "groupTitleField"
            visible: root.isGroup
            Layout.fillWidth: true
            placeholderText: qsTr("Group title")
            font.pixelSize: Theme.fontSize
            color: Theme.text
            placeholderTextColor: Theme.secondaryText
            Accessible.role: Accessible.EditableText
            Accessible.name: qsTr("Group title")
            onAccepted: root.create()
        }
        RowLayout {
            Layout.alignment: Qt.AlignRight
            Button {
                text: qsTr("Cancel")
                font.pixelSize: Theme.fontSize
                Accessible.role: Accessible.Button
                Accessible.name: text
                onClicked: root.close()
            }
            PrimaryButton {
                objectName: "createButton"
                enabled: root.canCreate
                text: root.isGroup ? qsTr("Create group") : qsTr("Start chat")
                font.pixelSize: Theme.fontSize
                Accessible.role: Accessible.Button
                Accessible.name: text
                onClicked: root.create()
            }
        }
    }
}
