// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls

// The conversation's notification menu (its header's bell): what notifies here,
// and mute for 1 hour / 8 hours / until turned back on. Asks the server
// (CurrentConversation.setNotify); the menu shows what the server then has.
Menu {
    id: root

    property string level: "all"
    property bool muted: false

    signal chosen(string level, int muteMinutes)

    MenuItem {
        objectName: "notifyAll"
        text: qsTr("All messages")
        checkable: true
        checked: root.level === "all"
        onTriggered: root.chosen("all", 0)
    }
    MenuItem {
        objectName: "notifyMentions"
        text: qsTr("Mentions only")
        checkable: true
        checked: root.level === "mentions"
        onTriggered: root.chosen("mentions", 0)
    }
    MenuItem {
        objectName: "notifyNone"
        text: qsTr("Nothing")
        checkable: true
        checked: root.level === "none"
        onTriggered: root.chosen("none", 0)
    }
    MenuSeparator { }
    MenuItem {
        objectName: "mute1h"
        text: qsTr("Mute for 1 hour")
        onTriggered: root.chosen(root.level, 60)
    }
    MenuItem {
        objectName: "mute8h"
        text: qsTr("Mute for 8 hours")
        onTriggered: root.chosen(root.level, 8 * 60)
    }
    MenuItem {
        objectName: "muteForever"
        text: qsTr("Mute until I turn it back on")
        onTriggered: root.chosen(root.level, -1)
    }
    MenuItem {
        objectName: "unmute"
        visible: root.muted
        height: visible ? implicitHeight : 0
        text: qsTr("Unmute")
        onTriggered: root.chosen(root.level, 0)
    }
}
