// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

// The open conversation: header, history (grouped, with day separators and
// delivery states), "jump to latest", who is typing, and the composer.
// No background of its own: the window's (Theme.background) shows through, which
// saves a full-size fill every frame (Mesa's software GL pays for each pixel).
Item {
    id: root

    property string conversationId
    property string title
    property string subtitle
    property bool isGroup: false
    property var messages                   // MessageListModel of this conversation
    property string typingText              // "Bob is typing…", or empty
    property bool showBack: false
    // Read markers are sent only while the window has focus.
    property bool windowActive: true

    readonly property alias composer: composer
    readonly property alias list: list

    signal backRequested()
    signal sendRequested(string text)
    signal typing()
    signal stoppedTyping()
    signal retryRequested(string clientId)
    signal discardRequested(string clientId)
    signal visibleUpTo(var seq)             // the newest message on screen
    signal linkOpened(string url)

    Accessible.role: Accessible.Pane
    Accessible.name: title

    function pageUp() { list.contentY = Math.max(list.originY, list.contentY - list.height * 0.9); list.maybeFetchMore() }
    function pageDown() { list.contentY = Math.min(list.originY + list.contentHeight - list.height, list.contentY + list.height * 0.9) }
    function jumpToLatest() {
        if (list.model && list.model.atLatest === false)
            list.model.jumpToLatest()
        list.positionViewAtEnd()
        list.newCount = 0
    }
    function focusComposer() { composer.forceActiveFocus() }

    onConversationIdChanged: {
        list.newCount = 0
        Qt.callLater(list.positionViewAtEnd)
    }
    onWindowActiveChanged: readTimer.restart()

    ColumnLayout {
        anchors.fill: parent
        spacing: 0

        // Header (on the window's background, like the rest of the view)
        Item {
            Layout.fillWidth: true
            implicitHeight: header.implicitHeight + Theme.unit * 2
            RowLayout {
                id: header
                anchors.fill: parent
                anchors.leftMargin: Theme.padding
                anchors.rightMargin: Theme.padding
                spacing: Theme.padding
                IconButton {
                    objectName: "backButton"
                    visible: root.showBack
                    text: "\u2190"
                    toolTip: qsTr("Back to conversations")
                    onClicked: root.backRequested()
                }
                Avatar { name: root.title; size: Theme.avatarSize * 0.85 }
                ColumnLayout {
                    Layout.fillWidth: true
                    spacing: 0
                    Text {
                        Layout.fillWidth: true
                        text: root.title
                        textFormat: Text.PlainText
                        elide: Text.ElideRight
                        color: Theme.text
                        font.pixelSize: Theme.largeFontSize
                        font.bold: true
                        Accessible.role: Accessible.Heading
                        Accessible.name: text
                    }
                    Text {
                        Layout.fillWidth: true
                        visible: text.length > 0
                        text: root.subtitle
                        textFormat: Text.PlainText
                        elide: Text.ElideRight
                        color: Theme.secondaryText
                        font.pixelSize: Theme.smallFontSize
                    }
                }
            }
            Rectangle { anchors.bottom: parent.bottom; width: parent.width; height: 1; color: Theme.border }
        }

        // History
        Item {
            Layout.fillWidth: true
            Layout.fillHeight: true

            ListView {
                id: list
                objectName: "messageList"
                anchors.fill: parent
                anchors.leftMargin: Theme.padding
                anchors.rightMargin: Theme.padding
                clip: true
                model: root.messages
                cacheBuffer: height
                // No reuseItems: in Qt 6.4 a pooled delegate kept an old conversation's
                // row (text and day separator) after the model switched.
                spacing: Theme.unit / 2
                boundsBehavior: Flickable.StopAtBounds
                activeFocusOnTab: true
                keyNavigationEnabled: true
                Accessible.role: Accessible.List
                Accessible.name: qsTr("Messages")
                ScrollBar.vertical: ScrollBar { }

                header: Item { width: 1; height: Theme.unit }
                footer: Item { width: 1; height: Theme.unit }

                // New messages that arrived while scrolled up.
                property int newCount: 0
                property bool stickToEnd: true

                function maybeFetchMore() {
                    if (!model || count === 0)
                        return
                    if (contentY - originY > height * 0.5)
                        return
                    if (!model.atStartOfHistory && !model.loadingHistory)
                        model.loadOlder()
                }

                onAtYEndChanged: {
                    stickToEnd = atYEnd
                    if (atYEnd) {
                        newCount = 0
                        // The model dropped the newest rows while we were far up: read them back.
                        if (model && model.atLatest === false)
                            model.loadNewer()
                    }
                }
                onContentYChanged: { maybeFetchMore(); readTimer.restart() }
                onHeightChanged: if (stickToEnd) Qt.callLater(positionViewAtEnd)

                Connections {
                    target: list.model ? list.model : null
                    ignoreUnknownSignals: true
                    function onRowsInserted(parent, first, last) {
                        if (last < list.count - 1)
                            return          // older history: the view keeps its place
                        if (list.stickToEnd)
                            Qt.callLater(list.positionViewAtEnd)
                        else
                            list.newCount += last - first + 1
                        readTimer.restart()
                    }
                    function onModelReset() { Qt.callLater(list.positionViewAtEnd) }
                }

                Keys.onPressed: (event) => {
                    if (event.key === Qt.Key_PageUp) { root.pageUp(); event.accepted = true }
                    else if (event.key === Qt.Key_PageDown) { root.pageDown(); event.accepted = true }
                    else if (event.key === Qt.Key_End && (event.modifiers & Qt.ControlModifier)) { root.jumpToLatest(); event.accepted = true }
                }

                delegate: MessageBubble {
                    required property var model
                    required property int index
                    readonly property var seq: model.seq
                    width: ListView.view.width
                    content: model.text || ""
                    senderName: model.senderName || ""
                    timestamp: model.timestamp
                    own: !!model.isOwn
                    delivery: model.deliveryState || "sent"
                    readers: model.readers || []
                    isGroup: root.isGroup
                    isSystem: model.messageType === "system"
                    showSender: !model.groupedWithPrevious
                    showDaySeparator: !!model.daySeparator
                    maxBubbleWidth: Math.min(Theme.bubbleMaxWidth, width * 0.75)
                    onRetryRequested: root.retryRequested(model.clientId)
                    onDiscardRequested: root.discardRequested(model.clientId)
                    onLinkOpened: (url) => root.linkOpened(url)
                }
            }

            // Sends the read marker for the newest message on screen, shortly after scrolling stops.
            Timer {
                id: readTimer
                interval: 300
                onTriggered: {
                    if (!root.windowActive || !root.visible || list.count === 0)
                        return
                    const y = list.contentY + list.height - Theme.unit * 2
                    let item = list.itemAt(list.width / 2, y)
                    for (let dy = 0; !item && dy < list.height; dy += Theme.unit * 2)
                        item = list.itemAt(list.width / 2, y - dy)
                    if (item && item.seq > 0)
                        root.visibleUpTo(item.seq)
                }
            }

            RoundButton {
                objectName: "jumpToLatest"
                visible: !list.atYEnd && list.count > 0
                anchors.right: parent.right
                anchors.bottom: parent.bottom
                anchors.margins: Theme.padding
                text: list.newCount > 0 ? qsTr("%n new \u2193", "", list.newCount) : "\u2193"
                font.pixelSize: Theme.fontSize
                Accessible.role: Accessible.Button
                Accessible.name: list.newCount > 0 ? qsTr("Jump to latest, %n new messages", "", list.newCount)
                                                   : qsTr("Jump to latest")
                onClicked: root.jumpToLatest()
            }
        }

        TypingIndicator {
            Layout.fillWidth: true
            Layout.leftMargin: Theme.padding * 1.5
            Layout.preferredHeight: Theme.smallFontSize * 1.6
            text: root.typingText
            visible: true
        }

        Composer {
            id: composer
            objectName: "composer"
            Layout.fillWidth: true
            Layout.leftMargin: Theme.padding
            Layout.rightMargin: Theme.padding
            Layout.bottomMargin: Theme.padding
            conversationId: root.conversationId
            focus: true
            onSendRequested: (text) => { root.sendRequested(text); root.jumpToLatest() }
            onTyping: root.typing()
            onStoppedTyping: root.stoppedTyping()
        }
    }
}
