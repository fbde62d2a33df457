// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick

// A file's type as a small page with a folded corner and its extension ("PDF"),
// coloured by the broad kind of its MIME type.
Item {
    id: root

    property string name
    property string mimeType
    property real size: Theme.fontSize * 2.6

    readonly property string extension: {
        const dot = name.lastIndexOf(".")
        return dot > 0 && name.length - dot <= 5 ? name.substring(dot + 1).toUpperCase() : ""
    }
    readonly property string kind: mimeType.split("/")[0]
    readonly property color tint: kind === "image" ? "#2a9d8f"
                                : kind === "audio" ? "#8e6bbf"
                                : kind === "video" ? "#d1495b"
                                : kind === "text" ? "#577590"
                                : mimeType === "application/pdf" ? "#cf222e" : "#6c757d"

    implicitWidth: size * 0.8
    implicitHeight: size
    Accessible.ignored: true

    Rectangle {
        anchors.fill: parent
        radius: Theme.unit / 2
        color: root.tint
    }
    Rectangle { // the folded corner
        width: root.width * 0.3
        height: width
        anchors.right: parent.right
        anchors.top: parent.top
        color: Qt.lighter(root.tint, 1.4)
    }
    Text {
        anchors.centerIn: parent
        anchors.verticalCenterOffset: root.height * 0.12
        width: parent.width
        horizontalAlignment: Text.AlignHCenter
        text: root.extension.length > 0 ? root.extension : "\u2022\u2022\u2022"
        textFormat: Text.PlainText
        color: "#ffffff"
        font.pixelSize: Math.max(8, root.size * 0.22)
        font.bold: true
        fontSizeMode: Text.HorizontalFit
        minimumPixelSize: 7
    }
}
