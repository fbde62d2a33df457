// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

// The left pane: who I am, the search field, "New conversation", and the list.
Rectangle {
    id: root

    property var model                  // ConversationListModel roles: conversationId, title, lastMessageText, ...
    property string currentConversationId
    property string userName
    // Presence is only shown while connected (otherwise it may be stale).
    property bool presenceKnown: true
    readonly property alias filterText: search.text
    readonly property alias list: list

    signal conversationActivated(string conversationId)
    signal newConversationRequested()
    signal settingsRequested()

    color: Theme.sidebar
    Accessible.role: Accessible.Pane
    Accessible.name: qsTr("Conversations")

    function focusSearch() { search.forceActiveFocus() }

    ColumnLayout {
        anchors.fill: parent
        spacing: 0

        RowLayout {
            Layout.fillWidth: true
            Layout.margins: Theme.unit
            spacing: Theme.unit
            Avatar { name: root.userName; size: Theme.avatarSize * 0.8 }
            Text {
                Layout.fillWidth: true
                text: root.userName
                textFormat: Text.PlainText
                elide: Text.ElideRight
                color: Theme.text
                font.pixelSize: Theme.fontSize
                font.bold: true
            }
            IconButton {
                objectName: "newConversationButton"
                text: "+"
                toolTip: qsTr("New conversation (Ctrl+N)")
                onClicked: root.newConversationRequested()
            }
            IconButton {
                objectName: "settingsButton"
                text: "\u2699"
                toolTip: qsTr("Settings (Ctrl+,)")
                onClicked: root.settingsRequested()
            }
        }

        TextField {
            id: search
            objectName: "conversationSearch"
            Layout.fillWidth: true
            Layout.leftMargin: Theme.unit
            Layout.rightMargin: Theme.unit
            Layout.bottomMargin: Theme.unit
            placeholderText: qsTr("Search conversations")
            placeholderTextColor: Theme.secondaryText
            color: Theme.text
            font.pixelSize: Theme.fontSize
            Accessible.role: Accessible.EditableText
            Accessible.name: qsTr("Search conversations")
            background: Rectangle {
                radius: Theme.radius
                color: Theme.surface
                border.color: search.activeFocus ? Theme.focusRing : Theme.border
            }
            Keys.onDownPressed: list.forceActiveFocus()
            Keys.onEscapePressed: text = ""
            onAccepted: if (list.count > 0) list.itemAtIndex(0).activated()
        }

        ListView {
            id: list
            objectName: "conversationList"
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            model: root.model
            keyNavigationEnabled: true
            highlightMoveDuration: 0
            boundsBehavior: Flickable.StopAtBounds
            Accessible.role: Accessible.List
            Accessible.name: qsTr("Conversations")
            ScrollBar.vertical: ScrollBar { }

            delegate: ConversationRow {
                id: row
                required property int index
                required property var model
                width: ListView.view.width
                title: model.title || ""
                preview: model.lastMessageText || ""
                lastActivity: model.lastActivity
                unreadCount: model.unreadCount || 0
                unreadMentionCount: model.unreadMentionCount || 0
                muted: model.muted || false
                typingText: model.typingText || ""
                draftText: model.draftText || ""
                online: model.presence === "online"
                showPresence: root.presenceKnown && model.type === "direct"
                selected: model.conversationId === root.currentConversationId
                onActivated: {
                    ListView.view.currentIndex = index
                    root.conversationActivated(model.conversationId)
                }
            }

            Text {
                anchors.centerIn: parent
                width: parent.width - Theme.padding * 2
                visible: list.count === 0
                horizontalAlignment: Text.AlignHCenter
                wrapMode: Text.Wrap
                text: search.text.length > 0 ? qsTr("No conversation matches “%1”.").arg(search.text)
                                             : qsTr("No conversations yet. Start one with +.")
                textFormat: Text.PlainText
                color: Theme.secondaryText
                font.pixelSize: Theme.smallFontSize
            }
        }
    }

    Rectangle {
        anchors.right: parent.right
        width: 1
        height: parent.height
        color: Theme.border
    }
}
