// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

// The files of one message, in the sender's order: pictures inline (AttachmentImage),
// other files as cards (FileCard). While our message's files go up (`uploading`) a
// bar shows how far, with Cancel (which discards the message).
Column {
    id: root

    property var attachments: []     // the model's `attachments` role
    property QtObject files: null    // the Files singleton
    property bool pending: false     // our message, not on the server yet
    property bool uploading: false   // ... and its files are going up now
    property real uploadProgress: 0  // 0..1
    property real maxWidth: Theme.fontSize * 20

    signal imageOpened(string attachmentId, string name)
    signal saveAsRequested(string attachmentId, string name)
    signal cancelRequested()

    spacing: Theme.unit / 2

    Repeater {
        model: root.attachments
        delegate: Item {
            id: entry
            required property var modelData
            implicitWidth: image.active ? image.implicitWidth : card.implicitWidth
            implicitHeight: image.active ? image.implicitHeight : card.implicitHeight
            width: implicitWidth
            height: implicitHeight
            Loader {
                id: image
                active: !!entry.modelData.isImage
                sourceComponent: AttachmentImage {
                    attachment: entry.modelData
                    maxWidth: Math.min(root.maxWidth, Theme.fontSize * 20)
                    maxHeight: Theme.fontSize * 20
                    onOpened: root.imageOpened(entry.modelData.id, entry.modelData.name)
                }
            }
            Loader {
                id: card
                active: !entry.modelData.isImage
                sourceComponent: FileCard {
                    attachment: entry.modelData
                    files: root.files
                    pending: root.pending
                    maxWidth: root.maxWidth
                    onSaveAsRequested: (id, name) => root.saveAsRequested(id, name)
                }
            }
        }
    }

    Loader {
        objectName: "uploadBar"
        active: root.uploading
        visible: active
        width: Math.min(root.maxWidth, Theme.fontSize * 20)
        sourceComponent: RowLayout {
            spacing: Theme.unit
            ProgressBar {
                objectName: "uploadProgress"
                Layout.fillWidth: true
                from: 0
                to: 1
                value: root.uploadProgress
                Accessible.name: qsTr("Uploading, %1 %").arg(Math.round(root.uploadProgress * 100))
            }
            Button {
                objectName: "cancelUpload"
                text: qsTr("Cancel")
                flat: true
                font.pixelSize: Theme.smallFontSize
                Accessible.name: qsTr("Cancel sending")
                onClicked: root.cancelRequested()
            }
        }
    }
}
