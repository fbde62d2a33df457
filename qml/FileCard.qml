// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

// A file in a message: type icon, name and size, and what can be done with it as
// its download (files.transfer(id): Idle, Downloading, Done, Failed) allows:
// Download, Cancel with a progress bar while it runs, Open once it is here, and
// Save as. While our own message is still pending (`pending`) it has no buttons.
// `files` is the Files singleton; nothing opens a file by itself.
Rectangle {
    id: root

    property var attachment: ({})   // a row of the `attachments` role
    property QtObject files: null
    property bool pending: false
    property real maxWidth: Theme.fontSize * 22

    readonly property QtObject transfer: files && !pending && attachment.id ? files.transfer(attachment.id) : null
    // The transfer's state, whether the object names it or numbers it (in the order above).
    readonly property var transferState: transfer ? transfer.state : 0
    function inState(name, index) { return transferState === name || transferState === index }
    readonly property bool downloading: inState("Downloading", 1)
    readonly property bool done: inState("Done", 2)
    readonly property bool failed: inState("Failed", 3)

    signal saveAsRequested(string attachmentId, string name)

    implicitWidth: Math.min(maxWidth, layout.implicitWidth + Theme.unit * 2)
    implicitHeight: layout.implicitHeight + Theme.unit * 2
    width: implicitWidth
    radius: Theme.unit
    color: Theme.surface
    border.color: Theme.border
    Accessible.role: Accessible.Grouping
    Accessible.name: qsTr("File %1, %2").arg(attachment.name).arg(attachment.sizeText)

    ColumnLayout {
        id: layout
        x: Theme.unit
        y: Theme.unit
        width: root.width - Theme.unit * 2
        spacing: Theme.unit / 2

        RowLayout {
            spacing: Theme.unit
            FileTypeIcon {
                name: root.attachment.name || ""
                mimeType: root.attachment.mimeType || ""
            }
            ColumnLayout {
                spacing: 0
                Layout.fillWidth: true
                Text {
                    objectName: "fileName"
                    Layout.fillWidth: true
                    Layout.maximumWidth: root.maxWidth - Theme.fontSize * 4
                    text: root.attachment.name || ""
                    textFormat: Text.PlainText
                    elide: Text.ElideMiddle
                    color: Theme.text
                    font.pixelSize: Theme.fontSize
                }
                Text {
                    objectName: "fileSize"
                    text: root.failed && root.transfer && root.transfer.error
                          ? root.transfer.error : (root.attachment.sizeText || "")
                    textFormat: Text.PlainText
                    wrapMode: Text.Wrap
                    Layout.maximumWidth: root.maxWidth - Theme.fontSize * 4
                    color: root.failed ? Theme.danger : Theme.secondaryText
                    font.pixelSize: Theme.smallFontSize
                }
            }
        }

        ProgressBar {
            objectName: "downloadProgress"
            Layout.fillWidth: true
            visible: root.downloading
            from: 0
            to: 1
            value: root.transfer ? root.transfer.progress : 0
            Accessible.name: qsTr("Downloading %1").arg(root.attachment.name)
        }

        Row {
            visible: !root.pending
            spacing: Theme.unit / 2
            Button {
                objectName: "downloadButton"
                visible: !root.downloading && !root.done
                text: root.failed ? qsTr("Retry") : qsTr("Download")
                flat: true
                font.pixelSize: Theme.smallFontSize
                Accessible.name: qsTr("Download %1").arg(root.attachment.name)
                onClicked: root.files.download(root.attachment.id)
            }
            Button {
                objectName: "cancelButton"
                visible: root.downloading
                text: qsTr("Cancel")
                flat: true
                font.pixelSize: Theme.smallFontSize
                Accessible.name: qsTr("Cancel the download of %1").arg(root.attachment.name)
                onClicked: root.files.cancel(root.attachment.id)
            }
            Button {
                objectName: "openButton"
                visible: root.done
                text: qsTr("Open")
                flat: true
                font.pixelSize: Theme.smallFontSize
                Accessible.name: qsTr("Open %1").arg(root.attachment.name)
                onClicked: root.files.open(root.attachment.id)
            }
            Button {
                objectName: "saveAsButton"
                visible: !root.downloading
                text: qsTr("Save as…")
                flat: true
                font.pixelSize: Theme.smallFontSize
                Accessible.name: qsTr("Save %1 as").arg(root.attachment.name)
                onClicked: root.saveAsRequested(root.attachment.id, root.attachment.name)
            }
        }
    }
}
