// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import "Format.js" as Format

// A round badge with the name's initials and, optionally, a presence dot.
Item {
    id: root

    property string name
    property bool online: false
    property bool showPresence: false
    property real size: Theme.avatarSize

    implicitWidth: size
    implicitHeight: size

    Accessible.role: Accessible.Graphic
    Accessible.name: showPresence ? (online ? qsTr("%1, online").arg(name) : qsTr("%1, offline").arg(name))
                                  : name

    Rectangle {
        anchors.fill: parent
        radius: width / 2
        color: Theme.colorFor(root.name)

        Text {
            anchors.centerIn: parent
            text: Format.initials(root.name)
            color: "#ffffff"
            font.pixelSize: root.size * 0.38
            font.bold: true
            textFormat: Text.PlainText
        }
    }

    Rectangle {
        objectName: "presenceDot"
        visible: root.showPresence && root.online
        width: Math.round(root.size * 0.3)
        height: width
        radius: width / 2
        anchors.right: parent.right
        anchors.bottom: parent.bottom
        color: Theme.online
        border.width: Math.max(1, Math.round(width * 0.18))
        border.color: Theme.sidebar
    }
}
