// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import RingChat

// The actions on one message, offered only where the contract allows them: Edit
// for our own messages inside the edit window, Delete for our own (or anyone's for
// a group admin). One menu serves the whole conversation: open it with a message's
// details and it says which one was chosen.
Menu {
    id: root

    property string messageKey              // the message id, or the clientId while queued
    property string messageId
    property string senderName
    property string text
    property bool canEdit: false
    property bool canDelete: false
    readonly property string link: TextFormat.firstLink(text)
    readonly property bool hasServerCopy: messageId.length > 0

    signal replyChosen()
    signal editChosen()
    signal deleteChosen()
    signal reactChosen()
    signal copyTextChosen()
    signal copyLinkChosen()

    MenuItem {
        objectName: "replyItem"
        text: qsTr("Reply")
        enabled: root.hasServerCopy
        height: enabled ? implicitHeight : 0
        visible: enabled
        Accessible.name: text
        onTriggered: root.replyChosen()
    }
    MenuItem {
        objectName: "editItem"
        text: qsTr("Edit")
        enabled: root.canEdit
        height: enabled ? implicitHeight : 0
        visible: enabled
        Accessible.name: text
        onTriggered: root.editChosen()
    }
    MenuItem {
        objectName: "reactItem"
        text: qsTr("React…")
        enabled: root.hasServerCopy
        height: enabled ? implicitHeight : 0
        visible: enabled
        Accessible.name: qsTr("React")
        onTriggered: root.reactChosen()
    }
    MenuItem {
        objectName: "copyTextItem"
        text: qsTr("Copy text")
        enabled: root.text.length > 0
        height: enabled ? implicitHeight : 0
        visible: enabled
        Accessible.name: text
        onTriggered: root.copyTextChosen()
    }
    MenuItem {
        objectName: "copyLinkItem"
        text: qsTr("Copy link")
        enabled: root.link.length > 0
        height: enabled ? implicitHeight : 0
        visible: enabled
        Accessible.name: text
        onTriggered: root.copyLinkChosen()
    }
    MenuItem {
        objectName: "deleteItem"
        text: qsTr("Delete…")
        enabled: root.canDelete
        height: enabled ? implicitHeight : 0
        visible: enabled
        Accessible.name: qsTr("Delete")
        onTriggered: root.deleteChosen()
    }
}
