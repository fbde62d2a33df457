// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import "Format.js" as Format

// One conversation in the list: avatar, title, preview (or who is typing, or the
// user's draft when the conversation is not the open one), time and the unread badge.
ItemDelegate {
    id: root

    property string title
    property string preview
    property var lastActivity
    property int unreadCount: 0
    property int unreadMentionCount: 0  // the "@" badge
    property bool muted: false          // a muted icon, a greyed count
    property string typingText      // replaces the preview while someone types
    property string draftText       // the first line of the user's unsent draft
    property bool online: false
    property bool showPresence: false
    property bool selected: false

    // As Telegram and NeoChat do: "Draft: …" in every conversation but the open one
    // (where the composer shows it), unless someone is typing there.
    readonly property bool showsDraft: draftText.length > 0 && !selected && typingText.length === 0
    // The texts shown, for tests and screen readers.
    readonly property string previewShown: typingText.length > 0 ? typingText
                                         : showsDraft ? qsTr("Draft: %1").arg(draftText) : preview
    readonly property string timeShown: Format.shortStamp(lastActivity)
    readonly property string badgeText: badges.badgeText

    signal activated()

    implicitHeight: Theme.rowHeight
    padding: Theme.padding
    topPadding: Theme.unit
    bottomPadding: Theme.unit
    focusPolicy: Qt.StrongFocus

    Accessible.role: Accessible.ListItem
    Accessible.name: {
        let parts = [title]
        if (unreadCount > 0)
            parts.push(qsTr("%n unread", "", unreadCount))
        if (unreadMentionCount > 0)
            parts.push(qsTr("mentioned"))
        if (muted)
            parts.push(qsTr("muted"))
        if (previewShown.length > 0)
            parts.push(previewShown)
        if (timeShown.length > 0)
            parts.push(timeShown)
        return parts.join(", ")
    }

    onClicked: root.activated()
    Keys.onReturnPressed: root.activated()
    Keys.onEnterPressed: root.activated()

    background: Rectangle {
        color: root.selected ? Theme.selection : (root.hovered || root.visualFocus ? Theme.hover : "transparent")
        Rectangle {
            visible: root.visualFocus
            anchors.fill: parent
            color: "transparent"
            border.color: Theme.focusRing
            border.width: 2
        }
    }

    contentItem: RowLayout {
        spacing: Theme.padding

        Avatar {
            name: root.title
            online: root.online
            showPresence: root.showPresence
            Layout.alignment: Qt.AlignVCenter
        }

        ColumnLayout {
            Layout.fillWidth: true
            Layout.alignment: Qt.AlignVCenter
            spacing: Theme.unit / 2

            RowLayout {
                Layout.fillWidth: true
                Text {
                    objectName: "title"
                    Layout.fillWidth: true
                    text: root.title
                    textFormat: Text.PlainText
                    elide: Text.ElideRight
                    color: Theme.text
                    font.pixelSize: Theme.fontSize
                    font.bold: root.unreadCount > 0
                }
                Text {
                    objectName: "time"
                    text: root.timeShown
                    textFormat: Text.PlainText
                    color: root.unreadCount > 0 ? Theme.accent : Theme.secondaryText
                    font.pixelSize: Theme.smallFontSize
                }
            }
            RowLayout {
                Layout.fillWidth: true
                Text {
                    objectName: "draftLabel"
                    visible: root.showsDraft
                    text: qsTr("Draft:")
                    color: Theme.danger
                    font.pixelSize: Theme.smallFontSize
                }
                Text {
                    objectName: "preview"
                    Layout.fillWidth: true
                    text: (root.showsDraft ? root.draftText : root.previewShown).replace(/\s+/g, " ")
                    textFormat: Text.PlainText
                    elide: Text.ElideRight
                    maximumLineCount: 1
                    color: root.typingText.length > 0 ? Theme.accent : Theme.secondaryText
                    font.pixelSize: Theme.smallFontSize
                    font.italic: root.typingText.length > 0
                }
                ConversationBadges {
                    id: badges
                    unreadCount: root.unreadCount
                    unreadMentionCount: root.unreadMentionCount
                    muted: root.muted
                }
            }
        }
    }
}
