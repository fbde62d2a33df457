// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick

// A received picture in its bubble: the server's thumbnail at the picture's aspect
// ratio, fitted into maxWidth × maxHeight. Until it arrives a placeholder of exactly
// that size stands in, so nothing moves when it loads. Click (or Enter) to open it.
Rectangle {
    id: root

    property var attachment: ({})   // a row of the `attachments` role (isImage)
    property real maxWidth: Theme.fontSize * 20
    property real maxHeight: Theme.fontSize * 20

    readonly property real fit: Math.min(1, maxWidth / Math.max(1, attachment.width),
                                         maxHeight / Math.max(1, attachment.height))
    readonly property alias status: thumb.status

    signal opened()

    implicitWidth: Math.max(1, Math.round(attachment.width * fit))
    implicitHeight: Math.max(1, Math.round(attachment.height * fit))
    width: implicitWidth
    height: implicitHeight
    radius: Theme.unit
    color: Theme.hover
    activeFocusOnTab: true
    Accessible.role: Accessible.Graphic
    Accessible.name: qsTr("Image %1, %2 × %3").arg(attachment.name).arg(attachment.width).arg(attachment.height)

    Image {
        id: thumb
        objectName: "thumbnail"
        anchors.fill: parent
        source: root.attachment.id ? "image://attachments/" + root.attachment.id + "/thumb" : ""
        sourceSize.width: root.width
        sourceSize.height: root.height
        asynchronous: true
        fillMode: Image.Stretch // the box already has the picture's aspect ratio
        smooth: true
    }
    Text {
        anchors.centerIn: parent
        visible: thumb.status === Image.Error
        text: qsTr("Image not available")
        textFormat: Text.PlainText
        color: Theme.secondaryText
        font.pixelSize: Theme.smallFontSize
    }
    Rectangle {
        anchors.fill: parent
        radius: root.radius
        color: "transparent"
        border.width: root.activeFocus ? 2 : 0
        border.color: Theme.focusRing
    }
    TapHandler { onTapped: root.opened() }
    HoverHandler { cursorShape: Qt.PointingHandCursor }
    Keys.onReturnPressed: root.opened()
    Keys.onEnterPressed: root.opened()
    Keys.onSpacePressed: root.opened()
}
