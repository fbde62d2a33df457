// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Layouts

// The right end of a conversation row: a muted icon, the "@" badge while unread
// messages mention me, and the unread count (greyed when muted).
RowLayout {
    id: root

    property int unreadCount: 0
    property int unreadMentionCount: 0
    property bool muted: false

    readonly property string badgeText: unreadCount > 99 ? "99+" : String(unreadCount)

    spacing: Theme.unit / 2

    Text {
        objectName: "mutedIcon"
        visible: root.muted
        text: "\u{1F507}" // speaker with a cancellation stroke
        color: Theme.secondaryText
        font.pixelSize: Theme.smallFontSize
        Accessible.name: qsTr("Muted")
    }
    Rectangle {
        objectName: "mentionBadge"
        visible: root.unreadMentionCount > 0
        radius: height / 2
        color: root.muted ? Theme.mutedBadge : Theme.badge
        implicitHeight: mentionLabel.implicitHeight + Theme.unit / 2
        implicitWidth: implicitHeight
        Accessible.name: qsTr("Mentioned")
        Text {
            id: mentionLabel
            anchors.centerIn: parent
            text: "@"
            color: Theme.accentText
            font.pixelSize: Theme.smallFontSize
            font.bold: true
        }
    }
    Rectangle {
        objectName: "badge"
        visible: root.unreadCount > 0
        radius: height / 2
        color: root.muted ? Theme.mutedBadge : Theme.badge
        implicitHeight: badgeLabel.implicitHeight + Theme.unit / 2
        implicitWidth: Math.max(implicitHeight, badgeLabel.implicitWidth + Theme.unit * 1.5)
        Text {
            id: badgeLabel
            anchors.centerIn: parent
            text: root.badgeText
            color: Theme.accentText
            font.pixelSize: Theme.smallFontSize
            font.bold: true
        }
    }
}
