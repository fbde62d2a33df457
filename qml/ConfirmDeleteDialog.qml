// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls

// "Delete this message?" before a delete, which cannot be undone and is seen by
// everyone in the conversation. Enter deletes, Esc keeps the message.
Dialog {
    id: root

    property string messageKey

    signal confirmed(string messageKey)

    modal: true
    focus: true
    title: qsTr("Delete message?")
    anchors.centerIn: parent
    onAccepted: root.confirmed(root.messageKey)
    onOpened: deleteButton.forceActiveFocus()

    Label {
        Accessible.role: Accessible.StaticText
        Accessible.name: text
        text: qsTr("It is deleted for everyone in this conversation.")
        color: Theme.text
        wrapMode: Text.Wrap
    }

    footer: DialogButtonBox {
        Button {
            id: deleteButton
            objectName: "confirmDelete"
            text: qsTr("Delete")
            DialogButtonBox.buttonRole: DialogButtonBox.AcceptRole
            Accessible.role: Accessible.Button
            Accessible.name: qsTr("Delete message")
            Keys.onReturnPressed: root.accept()
            Keys.onEnterPressed: root.accept()
        }
        Button {
            objectName: "cancelDelete"
            text: qsTr("Cancel")
            DialogButtonBox.buttonRole: DialogButtonBox.RejectRole
            Accessible.role: Accessible.Button
            Accessible.name: qsTr("Keep message")
        }
    }
}
