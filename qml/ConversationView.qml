// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import QtQuick.Dialogs
import QtCore
import RingChat

// The open conversation: header, history (grouped, with day separators and
// delivery states), "jump to latest", who is typing, and the composer. It holds the
// one context menu, reaction picker and delete confirmation its messages share, and
// shows a quoted message's original when the quote is activated.
// No background of its own: the window's (Theme.background) shows through, which
// saves a full-size fill every frame (Mesa's software GL pays for each pixel).
Item {
    id: root

    property string conversationId
    property string title
    property string subtitle
    property bool isGroup: false
    property string notifyLevel: "all"     // my notification level here
    property bool muted: false
    property var messages                   // MessageListModel of this conversation
    property string typingText              // "Bob is typing…", or empty
    property bool showBack: false
    // Read markers are sent only while the window has focus.
    property bool windowActive: true
    // The reply being written (the composer's quote bar) and the message edited in place.
    property bool replying: false
    property string replySenderName
    property string replySnippet
    property string editingKey                // message id or clientId; "" when none
    // Why the last action was refused ("" when nothing to say).
    property string notice
    // The composer's unsent text (the owner keeps it per conversation).
    property string draft
    // Files: the ones chosen for the next message (a PendingAttachments: the strip,
    // drops and Ctrl+V add to it) and the Files singleton for received ones.
    property var pendingFiles: null
    property QtObject files: null
    // The account's message search (Session.search): the Ctrl+F bar's hits.
    property alias searchService: conversationSearch.service
    readonly property alias search: conversationSearch
    readonly property alias searchBar: searchBar

    readonly property alias composer: composer
    readonly property alias list: list

    signal backRequested()
    signal notifyChosen(string level, int muteMinutes)
    signal sendRequested(string text)
    signal draftEdited(string text)
    signal typing()
    signal stoppedTyping()
    signal retryRequested(string clientId)
    signal discardRequested(string clientId)
    signal visibleUpTo(var seq)             // the newest message on screen
    signal linkOpened(string url)
    signal replyRequested(string messageId, string senderName, string text)
    signal replyCancelled()
    signal editRequested(string messageKey, string text)
    signal editLastRequested()
    signal editSaved(string text)
    signal editCancelled()
    signal deleteRequested(string messageKey)       // confirmed by the user
    signal reactionRequested(string messageId, string emoji, bool on)
    signal copyRequested(string text)

    readonly property alias messageMenu: messageMenu
    readonly property alias reactionPicker: reactionPicker
    readonly property alias deleteDialog: deleteDialog
    readonly property alias imageViewer: imageViewer
    readonly property alias saveDialog: saveDialog

    // Asks where to save a received file, then hands it to files.saveAs.
    function saveAs(attachmentId, name) {
        saveDialog.attachmentId = attachmentId
        saveDialog.selectedFile = saveDialog.currentFolder + "/" + name
        saveDialog.open()
    }

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
    function focusComposer() { composer.focusInput() }
    // The context menu for one message (a MessageBubble), at (x, y) in it.
    function openMenu(bubble, x, y) {
        messageMenu.messageKey = bubble.messageKey
        messageMenu.messageId = bubble.messageId
        messageMenu.senderName = bubble.own ? qsTr("You") : bubble.senderName
        messageMenu.text = bubble.content
        messageMenu.canEdit = bubble.canEdit
        messageMenu.canDelete = bubble.canDelete
        messageMenu.returnFocus = bubble
        messageMenu.popup(bubble, x, y)
    }
    function openPicker(messageId) {
        reactionPicker.messageId = messageId
        reactionPicker.open()
    }
    // Shows the message a quote points to: the model loads the page around it if
    // needed, then says where it is (revealed).
    function showOriginal(seq) {
        if (seq <= 0 || !list.model)
            return
        const row = list.model.rowOfSeq !== undefined ? list.model.rowOfSeq(seq) : -1
        if (row >= 0)
            list.reveal(row)
        else if (list.model.jumpTo !== undefined)
            list.model.jumpTo(seq)
    }
    // The Ctrl+F bar, with `text` when given; a result chosen elsewhere (messageId)
    // becomes the current hit once the hits are in.
    function openSearch(text, messageId) {
        searchBar.visible = true
        searchBar.open(text)
        if (text !== undefined)
            conversationSearch.query = text
        if (messageId)
            conversationSearch.focusMessage(messageId)
    }
    function closeSearch() {
        searchBar.visible = false
        conversationSearch.clear()
        searchBar.query = ""
        composer.focusInput()
    }
    function rowOfKey(key) {
        if (!list.model || key.length === 0)
            return -1
        let row = list.model.rowOfMessageId !== undefined ? list.model.rowOfMessageId(key) : -1
        if (row < 0 && list.model.rowOfClientId !== undefined)
            row = list.model.rowOfClientId(key)
        return row
    }

    onEditingKeyChanged: {
        if (editingKey.length === 0) {
            composer.focusInput()
            return
        }
        const row = rowOfKey(editingKey)
        if (row >= 0) {
            // The current item keeps the list's focus, and with it the editor's.
            list.currentIndex = row
            list.positionViewAtIndex(row, ListView.Contain)
        }
    }

    onConversationIdChanged: {
        if (searchBar.visible)
            closeSearch()
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
                IconButton {
                    objectName: "notifyButton"
                    text: root.muted || root.notifyLevel === "none" ? "\u{1F515}" : "\u{1F514}"
                    toolTip: qsTr("Notifications")
                    onClicked: notifyMenu.open()
                    NotifyMenu {
                        id: notifyMenu
                        level: root.notifyLevel
                        muted: root.muted
                        onChosen: (level, minutes) => root.notifyChosen(level, minutes)
                    }
                }
            }
            Rectangle { anchors.bottom: parent.bottom; width: parent.width; height: 1; color: Theme.border }
        }

        SearchBar {
            id: searchBar
            objectName: "searchBar"
            Layout.fillWidth: true
            visible: false
            count: conversationSearch.count
            current: conversationSearch.current
            busy: conversationSearch.busy
            onQueryEdited: (text) => { conversationSearch.query = text }
            onNextRequested: conversationSearch.next()
            onPreviousRequested: conversationSearch.previous()
            onCloseRequested: root.closeSearch()
        }
        ConversationSearch {
            id: conversationSearch
            conversationId: root.conversationId
            // Each new current hit is shown: loaded around it when not in the window.
            onCurrentChanged: if (currentSeq > 0) root.showOriginal(currentSeq)
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

                // Scrolls to a row and flashes it.
                function reveal(row) {
                    currentIndex = row
                    positionViewAtIndex(row, ListView.Center)
                    stickToEnd = atYEnd
                    const item = itemAtIndex(row)
                    if (item) {
                        item.flash()
                        // Stepping through search hits leaves the keys in the search bar.
                        if (!searchBar.typing)
                            item.forceActiveFocus()
                    }
                }

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
                    // jumpTo(seq) found the original of a quote (MessageListModel).
                    function onRevealed(row) { Qt.callLater(list.reveal, row) }
                }

                Keys.onPressed: (event) => {
                    if (event.key === Qt.Key_PageUp) { root.pageUp(); event.accepted = true }
                    else if (event.key === Qt.Key_PageDown) { root.pageDown(); event.accepted = true }
                    else if (event.key === Qt.Key_End && (event.modifiers & Qt.ControlModifier)) { root.jumpToLatest(); event.accepted = true }
                }

                delegate: MessageBubble {
                    id: bubbleDelegate
                    required property var model
                    required property int index
                    readonly property var seq: model.seq
                    width: ListView.view.width
                    content: model.text || ""
                    highlightedText: conversationSearch.searchedQuery.length > 0 && !!model.text
                                     ? conversationSearch.highlight(model.text, Theme.searchHit, Theme.searchHitText) : ""
                    senderName: model.senderName || ""
                    timestamp: model.timestamp
                    own: !!model.isOwn
                    mentionsMe: !!model.mentionsMe
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

                    messageId: model.messageId || ""
                    clientId: model.clientId || ""
                    format: model.format || "plain"
                    isDeleted: !!model.isDeleted
                    edited: !!model.edited
                    editedAt: model.editedAt
                    hasReply: !!model.hasReply
                    replyToSeq: model.replyToSeq || 0
                    replySenderName: model.replySenderName || ""
                    replySnippet: model.replySnippet || ""
                    replyDeleted: !!model.replyDeleted
                    reactions: model.reactions || []
                    canEdit: !!model.canEdit
                    canDelete: !!model.canDelete
                    pendingChange: model.pendingChange || ""
                    editing: root.editingKey.length > 0 && root.editingKey === messageKey
                    // Files (issue 15)
                    attachments: model.attachments || []
                    isPending: !!model.isPending
                    uploadProgress: model.uploadProgress || 0
                    files: root.files
                    onImageOpened: (id, name) => imageViewer.show(id, name)
                    onSaveAsRequested: (id, name) => root.saveAs(id, name)
                    onMenuRequested: (x, y) => root.openMenu(bubbleDelegate, x, y)
                    onQuoteActivated: (seq) => root.showOriginal(seq)
                    onReactionToggled: (emoji, on) => root.reactionRequested(messageId, emoji, on)
                    onReactRequested: root.openPicker(messageId)
                    onEditSaved: (text) => root.editSaved(text)
                    onEditCancelled: root.editCancelled()
                    // The focused message is the list's current one, so the list hands
                    // the focus back to it (and not to another row) when it has it.
                    onActiveFocusChanged: if (activeFocus) list.currentIndex = index
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

            NoticeToast {
                objectName: "notice"
                anchors.horizontalCenter: parent.horizontalCenter
                anchors.bottom: parent.bottom
                anchors.bottomMargin: Theme.padding
                width: Math.min(implicitWidth, parent.width - Theme.padding * 2)
                text: root.notice
                z: 2
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
            draft: root.draft
            onDraftEdited: (text) => root.draftEdited(text)
            onTyping: root.typing()
            onStoppedTyping: root.stoppedTyping()
            replying: root.replying
            replySenderName: root.replySenderName
            replySnippet: root.replySnippet
            onReplyCancelled: root.replyCancelled()
            onEditLastRequested: root.editLastRequested()
            files: root.pendingFiles
        }
    }

    // Files dropped anywhere on the conversation join the next message.
    DropArea {
        id: dropArea
        objectName: "dropArea"
        anchors.fill: parent
        enabled: root.pendingFiles !== null && root.conversationId.length > 0
        keys: ["text/uri-list"]
        // Only local files: a link dragged from a browser is refused from the start.
        onEntered: (drag) => { drag.accepted = drag.hasUrls && root.pendingFiles.hasLocalFile(drag.urls) }
        onDropped: (drop) => {
            if (drop.hasUrls && root.pendingFiles.addUrls(drop.urls) > 0) {
                drop.acceptProposedAction()
                composer.focusInput()
            }
        }
        Rectangle {
            anchors.fill: parent
            visible: dropArea.containsDrag
            color: Qt.rgba(Theme.accent.r, Theme.accent.g, Theme.accent.b, 0.12)
            border.color: Theme.accent
            border.width: 2
            radius: Theme.radius
            Text {
                anchors.centerIn: parent
                text: qsTr("Drop files to send them")
                color: Theme.text
                font.pixelSize: Theme.largeFontSize
            }
        }
    }

    ImageViewer {
        id: imageViewer
        objectName: "imageViewer"
        onSaveAsRequested: (id, name) => root.saveAs(id, name)
    }

    FileDialog {
        id: saveDialog
        objectName: "saveDialog"
        property string attachmentId
        title: qsTr("Save file as")
        fileMode: FileDialog.SaveFile
        currentFolder: StandardPaths.writableLocation(StandardPaths.DownloadLocation)
        onAccepted: if (root.files) root.files.saveAs(attachmentId, selectedFile)
    }

    MessageMenu {
        id: messageMenu
        objectName: "messageMenu"
        property Item returnFocus
        onReplyChosen: {
            root.replyRequested(messageId, senderName, text)
            composer.focusInput()
        }
        onEditChosen: root.editRequested(messageKey, text)
        onDeleteChosen: {
            deleteDialog.messageKey = messageKey
            deleteDialog.open()
        }
        onReactChosen: root.openPicker(messageId)
        onCopyTextChosen: root.copyRequested(text)
        onCopyLinkChosen: root.copyRequested(link)
        onClosed: if (returnFocus && !deleteDialog.opened && !reactionPicker.opened && root.editingKey.length === 0) returnFocus.forceActiveFocus()
    }

    ReactionPicker {
        id: reactionPicker
        objectName: "reactionPicker"
        parent: Overlay.overlay
        x: parent ? (parent.width - width) / 2 : 0
        y: parent ? (parent.height - height) / 2 : 0
        onPicked: (emoji) => root.reactionRequested(messageId, emoji, true)
    }

    ConfirmDeleteDialog {
        id: deleteDialog
        objectName: "deleteDialog"
        parent: Overlay.overlay
        onConfirmed: (key) => root.deleteRequested(key)
    }
}
