// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

// The files chosen for the next message, above the composer: a thumbnail (local
// images, read from disk at thumbnail size) or a type icon, the name, the size and
// a remove button each; under them what they weigh, or why they cannot be sent.
// `files` is a PendingAttachments (CurrentConversation.files).
ColumnLayout {
    id: root

    property var files: null
    readonly property int count: files ? files.count : 0

    visible: count > 0 || !!(files && files.saving)
    spacing: Theme.unit / 2

    ListView {
        id: chips
        objectName: "pendingFiles"
        Layout.fillWidth: true
        Layout.preferredHeight: Theme.fontSize * 4
        orientation: ListView.Horizontal
        spacing: Theme.unit
        clip: true
        model: root.files
        Accessible.role: Accessible.List
        Accessible.name: qsTr("Files to send")

        delegate: Rectangle {
            id: chip
            required property int index
            required property string name
            required property string sizeText
            required property string mimeType
            required property url url
            required property bool isImage
            objectName: "pendingFile"
            width: Math.min(Theme.fontSize * 16, row.implicitWidth + Theme.unit * 2)
            height: ListView.view.height
            radius: Theme.radius
            color: Theme.surface
            border.color: Theme.border
            Accessible.role: Accessible.ListItem
            Accessible.name: name + ", " + sizeText

            RowLayout {
                id: row
                anchors.fill: parent
                anchors.margins: Theme.unit
                spacing: Theme.unit
                Item {
                    Layout.preferredWidth: chip.height - Theme.unit * 2
                    Layout.preferredHeight: Layout.preferredWidth
                    Image {
                        objectName: "thumbnail"
                        anchors.fill: parent
                        visible: chip.isImage
                        source: chip.isImage ? chip.url : ""
                        sourceSize.width: width * 2
                        sourceSize.height: height * 2
                        fillMode: Image.PreserveAspectCrop
                        asynchronous: true
                    }
                    FileTypeIcon {
                        anchors.centerIn: parent
                        visible: !chip.isImage
                        name: chip.name
                        mimeType: chip.mimeType
                        size: parent.height
                    }
                }
                ColumnLayout {
                    spacing: 0
                    Layout.fillWidth: true
                    Text {
                        Layout.fillWidth: true
                        Layout.maximumWidth: Theme.fontSize * 9
                        text: chip.name
                        textFormat: Text.PlainText
                        elide: Text.ElideMiddle
                        color: Theme.text
                        font.pixelSize: Theme.smallFontSize
                    }
                    Text {
                        text: chip.sizeText
                        textFormat: Text.PlainText
                        color: Theme.secondaryText
                        font.pixelSize: Theme.smallFontSize
                    }
                }
                IconButton {
                    objectName: "removeFile"
                    text: "\u2715"
                    font.pixelSize: Theme.fontSize
                    toolTip: qsTr("Remove %1").arg(chip.name)
                    onClicked: root.files.remove(chip.index)
                }
            }
        }
    }

    Text {
        objectName: "filesSummary"
        Layout.fillWidth: true
        text: !root.files ? "" : root.files.problem.length > 0 ? root.files.problem
                                                              : root.files.saving ? qsTr("Saving the pasted image…")
                                                                                  : root.files.summary
        textFormat: Text.PlainText
        wrapMode: Text.Wrap
        color: root.files && root.files.problem.length > 0 ? Theme.danger : Theme.secondaryText
        font.pixelSize: Theme.smallFontSize
        Accessible.role: Accessible.StaticText
        Accessible.name: text
    }
}
