// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import "Format.js" as Format
import RingChat

// One message in a conversation. Own messages sit on the right with their
// delivery state; failed ones offer Retry and Discard. The text is plain text:
// only http(s) URLs become links, everything else is escaped.
FocusScope {
    id: root

    property string content
    property string senderName
    property var timestamp
    property bool own: false
    property string delivery: "sent"        // "sending", "sent", "read", "failed"
    property var readers: []                // names of who read it (groups)
    property bool isGroup: false
    property bool isSystem: false
    property bool showSender: true          // first message of a group of the same sender
    property bool showDaySeparator: false
    property real maxBubbleWidth: Theme.bubbleMaxWidth
    // Very long messages show their start until expanded, so layout stays cheap.
    property int collapsedLength: 1500
    property bool expanded: false

    readonly property bool collapsed: !expanded && content.length > collapsedLength
    readonly property string shownContent: collapsed ? content.substring(0, collapsedLength) + "\u2026" : content
    readonly property bool richText: TextFormat.hasLinks(shownContent)
    readonly property bool showReaders: own && delivery === "read" && isGroup && readers && readers.length > 0
                                        && (hover.hovered || root.activeFocus)
    readonly property string readersText: readers && readers.length > 0
                                          ? qsTr("Read by %1").arg(readers.join(", ")) : ""
    readonly property string deliveryText: deliveryIcon.description(delivery)

    signal retryRequested()
    signal discardRequested()
    signal linkOpened(string url)

    implicitHeight: column.implicitHeight
    implicitWidth: column.implicitWidth
    activeFocusOnTab: true

    Accessible.role: Accessible.ListItem
    Accessible.name: {
        if (isSystem)
            return content
        let s = (own ? qsTr("You") : senderName) + ", " + Format.time(timestamp) + ": " + content
        if (own) {
            s += ", " + deliveryText
            if (delivery === "read" && isGroup && readersText.length > 0)
                s += ", " + readersText
        }
        return s
    }
    Accessible.description: readersText

    HoverHandler { id: hover }

    Column {
        id: column
        width: parent.width
        spacing: Theme.unit / 2
        topPadding: root.showSender && !root.showDaySeparator ? Theme.unit : 0

        // Rarely shown parts are Loaders, so a delegate stays cheap to create while scrolling.
        Loader {
            objectName: "daySeparator"
            active: root.showDaySeparator
            visible: active
            width: parent.width
            sourceComponent: DaySeparator { date: root.timestamp }
        }

        // System messages (joins, title changes): centred, no bubble.
        Loader {
            active: root.isSystem
            visible: active
            width: parent.width
            sourceComponent: Text {
                horizontalAlignment: Text.AlignHCenter
                text: root.content
                textFormat: Text.PlainText
                wrapMode: Text.Wrap
                color: Theme.secondaryText
                font.pixelSize: Theme.smallFontSize
                font.italic: true
            }
        }

        Item {
            visible: !root.isSystem
            width: parent.width
            height: bubbleRow.implicitHeight

            RowLayout {
                id: bubbleRow
                anchors.left: root.own ? undefined : parent.left
                anchors.right: root.own ? parent.right : undefined
                layoutDirection: root.own ? Qt.RightToLeft : Qt.LeftToRight
                spacing: Theme.unit

                // The avatar column keeps grouped messages aligned.
                Item {
                    visible: !root.own && root.isGroup
                    Layout.preferredWidth: Theme.avatarSize * 0.8
                    Layout.preferredHeight: Theme.avatarSize * 0.8
                    Layout.alignment: Qt.AlignTop
                    Avatar {
                        visible: root.showSender
                        name: root.senderName
                        size: parent.width
                    }
                }

                Rectangle {
                    id: bubble
                    objectName: "bubble"
                    Layout.alignment: Qt.AlignTop
                    color: root.own ? Theme.ownBubble : Theme.otherBubble
                    radius: Theme.radius
                    border.width: root.activeFocus ? 2 : (root.delivery === "failed" && root.own ? 1 : 0)
                    border.color: root.activeFocus ? Theme.focusRing : Theme.danger
                    implicitWidth: Math.max(body.width, senderLabel.visible ? senderLabel.implicitWidth : 0,
                                            footer.implicitWidth) + Theme.padding * 1.5
                    implicitHeight: bubbleColumn.implicitHeight + Theme.unit * 1.5

                    Column {
                        id: bubbleColumn
                        x: Theme.padding * 0.75
                        y: Theme.unit * 0.75
                        spacing: Theme.unit / 2

                        Text {
                            id: senderLabel
                            objectName: "sender"
                            visible: !root.own && root.isGroup && root.showSender
                            text: root.senderName
                            textFormat: Text.PlainText
                            color: Theme.colorFor(root.senderName)
                            font.pixelSize: Theme.smallFontSize
                            font.bold: true
                        }

                        Text {
                            id: body
                            objectName: "body"
                            width: Math.min(implicitWidth, root.maxBubbleWidth)
                            text: root.richText ? TextFormat.linkify(root.shownContent, Theme.link) : root.shownContent
                            textFormat: root.richText ? Text.StyledText : Text.PlainText
                            wrapMode: Text.Wrap
                            color: Theme.text
                            linkColor: Theme.link
                            font.pixelSize: Theme.fontSize
                            onLinkActivated: (link) => {
                                if (TextFormat.isSafeLink(link))
                                    root.linkOpened(link)
                            }
                            HoverHandler {
                                enabled: body.hoveredLink.length > 0
                                cursorShape: Qt.PointingHandCursor
                            }
                        }

                        Loader {
                            objectName: "showMore"
                            active: root.collapsed
                            visible: active
                            sourceComponent: Button {
                                flat: true
                                text: qsTr("Show more")
                                font.pixelSize: Theme.smallFontSize
                                Accessible.role: Accessible.Button
                                Accessible.name: text
                                onClicked: root.expanded = true
                            }
                        }

                        Row {
                            id: footer
                            anchors.right: parent.right
                            spacing: Theme.unit / 2
                            Text {
                                text: Format.time(root.timestamp)
                                textFormat: Text.PlainText
                                color: Theme.secondaryText
                                font.pixelSize: Theme.smallFontSize
                            }
                            DeliveryIcon {
                                id: deliveryIcon
                                objectName: "deliveryIcon"
                                visible: root.own
                                deliveryState: root.delivery
                            }
                        }
                    }
                }
            }
        }

        // Who read it (groups), on hover or keyboard focus.
        Loader {
            objectName: "readers"
            active: root.showReaders
            visible: active
            anchors.right: parent.right
            sourceComponent: Text {
                text: root.readersText
                textFormat: Text.PlainText
                color: Theme.secondaryText
                font.pixelSize: Theme.smallFontSize
            }
        }

        // A failed message: say so and offer Retry and Discard.
        Loader {
            objectName: "failedActions"
            active: root.own && root.delivery === "failed"
            visible: active
            anchors.right: parent.right
            sourceComponent: Row {
                spacing: Theme.unit
                Text {
                    anchors.verticalCenter: parent.verticalCenter
                    text: qsTr("Not sent")
                    color: Theme.danger
                    font.pixelSize: Theme.smallFontSize
                }
                Button {
                    objectName: "retryButton"
                    text: qsTr("Retry")
                    flat: true
                    font.pixelSize: Theme.smallFontSize
                    Accessible.role: Accessible.Button
                    Accessible.name: qsTr("Retry sending")
                    onClicked: root.retryRequested()
                }
                Button {
                    objectName: "discardButton"
                    text: qsTr("Discard")
                    flat: true
                    font.pixelSize: Theme.smallFontSize
                    Accessible.role: Accessible.Button
                    Accessible.name: qsTr("Discard message")
                    onClicked: root.discardRequested()
                }
            }
        }
    }

    Keys.onPressed: (event) => {
        if (root.own && root.delivery === "failed") {
            if (event.key === Qt.Key_R) { root.retryRequested(); event.accepted = true }
            else if (event.key === Qt.Key_Delete) { root.discardRequested(); event.accepted = true }
        }
    }
}
