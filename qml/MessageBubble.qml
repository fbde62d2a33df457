// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import "Format.js" as Format
import RingChat

// One message in a conversation. Own messages sit on the right with their
// delivery state; failed ones offer Retry and Discard. The text is plain text:
// only http(s) URLs become links, everything else is escaped (a message sent as
// "markdown" gets the light subset, see TextFormat.markdown). It shows the message
// it replies to, an "edited" mark, its reactions, and a tombstone once deleted; it
// asks for its context menu (right-click, the Menu key, Shift+F10, the hover button)
// and edits in place while `editing`.
FocusScope {
    id: root

    property string content
    property string senderName
    property var timestamp
    property bool own: false
    property bool mentionsMe: false         // it mentions me: tinted, with an edge
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

    // Contract v2 (the model's roles of the same names).
    property string messageId
    property string clientId
    readonly property string messageKey: messageId.length > 0 ? messageId : clientId
    property string format: "plain"          // "plain" | "markdown"
    property bool isDeleted: false
    property bool edited: false
    property var editedAt
    property bool hasReply: false
    property int replyToSeq: 0
    property string replySenderName
    property string replySnippet
    property bool replyDeleted: false
    property var reactions: []              // [{emoji, count, mine, names}]
    property bool canEdit: false
    property bool canDelete: false
    property string pendingChange: ""       // "" | "edit" | "delete" | "react"
    property bool editing: false            // edited in place now
    // RichText of content with search hits marked (ConversationSearch.highlight); "" when none.
    property string highlightedText
    readonly property bool hasActions: !isSystem && !isDeleted
    // ---- Files (issue 15)
    property var attachments: []            // the model's `attachments` role
    property bool isPending: false
    property real uploadProgress: 0         // 0..1 while our message's files go up
    property QtObject files: null           // the Files singleton (downloads)
    readonly property bool hasAttachments: !isDeleted && !!attachments && attachments.length > 0

    readonly property bool collapsed: !expanded && content.length > collapsedLength
    readonly property string shownContent: collapsed ? content.substring(0, collapsedLength) + "\u2026" : content
    readonly property bool markdown: format === "markdown"
    readonly property bool richText: !markdown && TextFormat.hasLinks(shownContent)
    readonly property bool showReaders: own && delivery === "read" && isGroup && readers && readers.length > 0
                                        && (hover.hovered || root.activeFocus)
    readonly property string readersText: readers && readers.length > 0
                                          ? qsTr("Read by %1").arg(readers.join(", ")) : ""
    readonly property string deliveryText: deliveryIcon.description(delivery)

    signal retryRequested()
    signal discardRequested()
    signal linkOpened(string url)
    signal menuRequested(real x, real y)    // where, in this item
    signal quoteActivated(int seq)
    signal reactionToggled(string emoji, bool on)
    signal reactRequested()
    signal editSaved(string text)
    signal editCancelled()
    signal imageOpened(string attachmentId, string name)
    signal saveAsRequested(string attachmentId, string name)

    // Draws the eye to this message (it was jumped to from a quote).
    function flash() { flashing = false; flashing = true }
    property bool flashing: false
    function requestMenu() { menuRequested(bubble.x + bubble.width / 2, bubble.y + bubble.height / 2) }

    implicitHeight: column.implicitHeight
    implicitWidth: column.implicitWidth
    activeFocusOnTab: true

    Accessible.role: Accessible.ListItem
    Accessible.name: {
        if (isSystem)
            return content
        let s = (own ? qsTr("You") : senderName) + ", " + Format.time(timestamp) + ": "
        if (isDeleted)
            return s + qsTr("Message deleted")
        if (hasReply)
            s += qsTr("in reply to %1, ").arg(replyDeleted ? qsTr("a deleted message") : replySenderName)
        if (hasAttachments)
            s += attachments.length === 1 ? qsTr("1 file, ") : qsTr("%n files, ", "", attachments.length)
        s += content
        if (edited)
            s += ", " + qsTr("edited")
        if (pendingChange.length > 0)
            s += ", " + qsTr("saving")
        if (own) {
            s += ", " + deliveryText
            if (delivery === "read" && isGroup && readersText.length > 0)
                s += ", " + readersText
        }
        return s
    }
    Accessible.description: {
        const parts = []
        if (readersText.length > 0)
            parts.push(readersText)
        if (!isDeleted && reactions)
            for (let i = 0; i < reactions.length; ++i)
                parts.push((Emojis.ready ? Emojis.nameOf(reactions[i].emoji) : reactions[i].emoji)
                           + " " + reactions[i].count)
        return parts.join(", ")
    }

    HoverHandler { id: hover }
    TapHandler {
        acceptedButtons: Qt.RightButton
        enabled: root.hasActions
        onTapped: (point) => root.menuRequested(point.position.x, point.position.y)
    }

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
                    color: root.own ? Theme.ownBubble : root.mentionsMe ? Theme.mentionBubble : Theme.otherBubble
                    opacity: root.pendingChange.length > 0 ? 0.75 : 1
                    radius: Theme.radius
                    border.width: root.activeFocus || root.mentionsMe ? 2 : (root.delivery === "failed" && root.own ? 1 : 0)
                    border.color: root.activeFocus ? Theme.focusRing : root.mentionsMe ? Theme.mentionEdge : Theme.danger
                    implicitWidth: Math.max(body.visible ? body.width : 0, senderLabel.visible ? senderLabel.implicitWidth : 0,
                                            quote.active ? quote.width : 0, editor.active ? editor.width : 0,
                                            tombstone.active ? tombstone.width : 0,
                                            attachmentList.active ? attachmentList.width : 0,
                                            footer.implicitWidth) + Theme.padding * 1.5
                    implicitHeight: bubbleColumn.implicitHeight + Theme.unit * 1.5

                    // The flash after a jump to this message (made only then).
                    Loader {
                        objectName: "flash"
                        anchors.fill: parent
                        active: root.flashing
                        sourceComponent: Rectangle {
                            id: flashRect
                            radius: Theme.radius
                            color: Theme.accent
                            opacity: 0
                            SequentialAnimation on opacity {
                                NumberAnimation { to: 0.35; duration: 150 }
                                PauseAnimation { duration: 600 }
                                NumberAnimation { to: 0; duration: 600 }
                                ScriptAction { script: root.flashing = false }
                            }
                        }
                    }

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

                        Loader {
                            id: quote
                            objectName: "quote"
                            active: root.hasReply && !root.isDeleted
                            visible: active
                            sourceComponent: ReplyQuote {
                                senderName: root.replySenderName
                                snippet: root.replySnippet
                                deleted: root.replyDeleted
                                maxWidth: root.maxBubbleWidth
                                onClicked: root.quoteActivated(root.replyToSeq)
                            }
                        }

                        Loader {
                            id: tombstone
                            objectName: "tombstone"
                            active: root.isDeleted
                            visible: active
                            sourceComponent: Text {
                                text: qsTr("Message deleted")
                                textFormat: Text.PlainText
                                color: Theme.secondaryText
                                font.pixelSize: Theme.fontSize
                                font.italic: true
                            }
                        }

                        Loader {
                            id: editor
                            objectName: "editor"
                            active: root.editing && !root.isDeleted
                            visible: active
                            width: active && item ? Math.max(root.maxBubbleWidth * 0.6, Math.min(item.implicitWidth, root.maxBubbleWidth)) : 0
                            sourceComponent: InlineEditor {
                                originalText: root.content
                                onSaved: (text) => root.editSaved(text)
                                onCancelled: root.editCancelled()
                            }
                        }

                        Loader {
                            id: attachmentList
                            objectName: "attachments"
                            active: root.hasAttachments
                            visible: active
                            sourceComponent: MessageAttachments {
                                attachments: root.attachments
                                files: root.files
                                pending: root.isPending
                                uploading: root.isPending && root.own && root.delivery === "sending"
                                uploadProgress: root.uploadProgress
                                maxWidth: root.maxBubbleWidth
                                onImageOpened: (id, name) => root.imageOpened(id, name)
                                onSaveAsRequested: (id, name) => root.saveAsRequested(id, name)
                                onCancelRequested: root.discardRequested()
                            }
                        }

                        Text {
                            id: body
                            objectName: "body"
                            // A message of files alone has no text line.
                            visible: !root.isDeleted && !root.editing && (root.content.length > 0 || !root.hasAttachments)
                            width: Math.min(implicitWidth, root.maxBubbleWidth)
                            readonly property bool hits: root.highlightedText.length > 0 && !root.collapsed
                            text: hits ? root.highlightedText : root.markdown ? TextFormat.markdown(root.shownContent, Theme.link)
                                                : root.richText ? TextFormat.linkify(root.shownContent, Theme.link) : root.shownContent
                            textFormat: hits || root.markdown ? Text.RichText : root.richText ? Text.StyledText : Text.PlainText
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
                            Loader {
                                objectName: "saving"
                                active: root.pendingChange.length > 0
                                visible: active
                                sourceComponent: Text {
                                    text: qsTr("saving…")
                                    textFormat: Text.PlainText
                                    color: Theme.secondaryText
                                    font.pixelSize: Theme.smallFontSize
                                    font.italic: true
                                }
                            }
                            Loader {
                                objectName: "editedMark"
                                active: root.edited && !root.isDeleted
                                visible: active
                                sourceComponent: EditedMark {
                                    editedAt: root.editedAt
                                }
                            }
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

                // The context menu for the mouse, on hover and keyboard focus (made only
                // then, so scrolling past messages stays cheap).
                Loader {
                    id: menuButton
                    objectName: "menuButton"
                    Layout.alignment: Qt.AlignVCenter
                    active: root.hasActions && !root.editing && (hover.hovered || root.activeFocus)
                    visible: active
                    sourceComponent: IconButton {
                        text: "\u22EF"
                        font.pixelSize: Theme.fontSize
                        toolTip: qsTr("Message actions")
                        onClicked: {
                            const p = mapToItem(root, 0, height)
                            root.menuRequested(p.x, p.y)
                        }
                    }
                }
            }
        }

        Loader {
            objectName: "reactions"
            active: !root.isSystem && !root.isDeleted && root.reactions && root.reactions.length > 0
            visible: active
            anchors.right: root.own ? parent.right : undefined
            anchors.left: root.own ? undefined : parent.left
            anchors.leftMargin: !root.own && root.isGroup ? Theme.avatarSize * 0.8 + Theme.unit : 0
            width: Math.min(parent.width, root.maxBubbleWidth)
            sourceComponent: ReactionChips {
                layoutDirection: root.own ? Qt.RightToLeft : Qt.LeftToRight
                reactions: root.reactions
                saving: root.pendingChange === "react"
                canAdd: root.messageId.length > 0
                onToggled: (emoji, on) => root.reactionToggled(emoji, on)
                onAddRequested: root.reactRequested()
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
        if (root.hasActions && (event.key === Qt.Key_Menu
                                || (event.key === Qt.Key_F10 && (event.modifiers & Qt.ShiftModifier)))) {
            root.requestMenu()
            event.accepted = true
            return
        }
        if (root.own && root.delivery === "failed") {
            if (event.key === Qt.Key_R) { root.retryRequested(); event.accepted = true }
            else if (event.key === Qt.Key_Delete) { root.discardRequested(); event.accepted = true }
        }
    }
}
