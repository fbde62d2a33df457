// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import QtQuick.Window
import RingChat

// The window: sign-in until there is a session, then the conversation list and
// the open conversation side by side (one pane at a time when narrow).
ThemedApplicationWindow {
    id: window
    objectName: "mainWindow"

    width: 1000
    height: 680
    minimumWidth: 360
    minimumHeight: 420
    visible: true
    title: Session.unreadTotal > 0 ? qsTr("(%1) Ring Chat").arg(Session.unreadTotal) : qsTr("Ring Chat")

    readonly property bool narrow: width < Theme.fontSize * 48
    readonly property string currentId: CurrentConversation.conversationId
    property bool settingsOpen: false

    Binding { target: Theme; property: "mode"; value: Settings.themeMode }
    Binding { target: CurrentConversation; property: "windowActive"; value: window.active }

    onClosing: (close) => {
        if (Settings.closeToTray && Desktop.trayAvailable) {
            close.accepted = false
            window.hide()
        }
    }

    function openConversation(id) {
        if (!id)
            return
        settingsOpen = false
        CurrentConversation.conversationId = id
        if (chatLoader.item)
            chatLoader.item.focusComposer()
    }
    // Ctrl+F in the open conversation, and Ctrl+Shift+F, with text; "" closes them
    // (the automation's "find" and "search").
    function findInConversation(text) {
        if (currentId === "" || !chatLoader.item)
            return
        if (text === "")
            chatLoader.item.view.closeSearch()
        else
            chatLoader.item.view.openSearch(text)
    }
    function searchAll(text) {
        if (text === "") {
            if (globalSearchLoader.item)
                globalSearchLoader.item.close()
            return
        }
        globalSearchLoader.open()
        globalSearchLoader.item.search(text)
    }
    // Opens the search result at row `index`, as Enter on it does (the automation's "choose").
    function chooseSearchResult(index) {
        if (globalSearchLoader.item)
            globalSearchLoader.item.choose(index)
    }
    function stepConversation(delta) {
        const n = conversationFilter.count
        if (n === 0)
            return
        let index = -1
        for (let i = 0; i < n; ++i) {
            if (conversationFilter.get(i, "conversationId") === currentId) { index = i; break }
        }
        index = index < 0 ? 0 : Math.max(0, Math.min(n - 1, index + delta))
        openConversation(conversationFilter.get(index, "conversationId"))
    }

    Connections {
        target: Desktop
        function onConversationRequested(id) { window.openConversation(id) }
    }
    Connections {
        target: Session
        function onSignedInChanged() { if (!Session.signedIn) window.settingsOpen = false }
    }
    Connections {
        target: CurrentConversation
        // Opened at a message (a search result, a notification): the history shows it.
        function onOpenedAt() { window.settingsOpen = false }
        // Reopen the last conversation once the account knows it (wide windows only).
        function onRestorableIdChanged() {
            if (window.currentId === "" && !window.narrow && CurrentConversation.restorableId !== "")
                window.openConversation(CurrentConversation.restorableId)
        }
    }

    ConversationFilter {
        id: conversationFilter
        sourceModel: Session.conversations
        filterText: chatLoader.item ? chatLoader.item.listPane.filterText : ""
    }
    ConversationFilter {
        id: switcherFilter
        sourceModel: Session.conversations
        filterText: switcherLoader.item ? switcherLoader.item.query : ""
    }
    UserDirectory {
        id: users
        service: Session.service
        onCreated: (id) => window.openConversation(id)
    }

    // Keyboard
    Shortcut { sequence: "Ctrl+K"; enabled: Session.signedIn; onActivated: switcherLoader.open() }
    Shortcut { sequence: "Ctrl+N"; enabled: Session.signedIn; onActivated: newConversationLoader.open() }
    Shortcut { sequences: ["Alt+Up"]; enabled: Session.signedIn; onActivated: window.stepConversation(-1) }
    Shortcut { sequences: ["Alt+Down"]; enabled: Session.signedIn; onActivated: window.stepConversation(1) }
    Shortcut {
        sequence: "Ctrl+F"
        enabled: Session.signedIn
        onActivated: {
            // In a conversation: find in it; else filter the conversation list.
            if (window.currentId !== "" && !window.settingsOpen) {
                chatLoader.item.view.openSearch()
                return
            }
            if (window.narrow)
                CurrentConversation.conversationId = ""
            chatLoader.item.listPane.focusSearch()
        }
    }
    Shortcut { sequence: "Ctrl+Shift+F"; enabled: Session.signedIn; onActivated: globalSearchLoader.open() }
    Shortcut { sequence: "Ctrl+,"; enabled: Session.signedIn; onActivated: window.settingsOpen = true }
    Shortcut { sequence: StandardKey.MoveToPreviousPage; enabled: Session.signedIn && window.currentId !== ""; onActivated: chatLoader.item.view.pageUp() }
    Shortcut { sequence: StandardKey.MoveToNextPage; enabled: Session.signedIn && window.currentId !== ""; onActivated: chatLoader.item.view.pageDown() }
    Shortcut { sequence: "Esc"; enabled: window.settingsOpen; onActivated: window.settingsOpen = false }
    Shortcut { sequence: StandardKey.Quit; onActivated: Qt.quit() }

    // Any input counts as activity (presence "away" after 5 minutes without it).
    MouseArea {
        anchors.fill: parent
        acceptedButtons: Qt.NoButton
        hoverEnabled: true
        z: 1000
        onPositionChanged: activityTimer.running || activityTimer.start()
    }
    Timer { id: activityTimer; interval: 5000; onTriggered: if (Session.service) Session.service.noteUserActivity() }

    // Sign-in: only loaded while signed out, and not before the controller has
    // started (a signed-in start goes straight to the chat). The pages below are
    // loaded by URL, not as inline components, so their QML types (and the
    // Controls they use) are compiled only when first shown: less memory at the
    // first screen.
    Loader {
        id: signInLoader
        anchors.fill: parent
        active: Session.started && !Session.signedIn
        source: "SignInPage.qml"
        onLoaded: {
            const page = item
            page.serverUrl = Qt.binding(() => Settings.serverUrl)
            page.signInState = Qt.binding(() => Session.signInState)
            page.errorString = Qt.binding(() => Session.signInError)
            page.authorizationUrl = Qt.binding(() => Session.authorizationUrl)
            page.keychainMissing = Qt.binding(() => Session.keychainMissing)
            page.storeUnencrypted = Qt.binding(() => Settings.storeUnencrypted)
            page.signInRequested.connect((url) => Session.signIn(url))
            page.cancelRequested.connect(() => Session.cancelSignIn())
            page.storeUnencryptedToggled.connect((on) => { Settings.storeUnencrypted = on })
            page.copyLinkRequested.connect((url) => Desktop.copyToClipboard(url))
        }
    }

    // The chat: list and conversation.
    Loader {
        id: chatLoader
        anchors.fill: parent
        active: Session.signedIn
        visible: !window.settingsOpen
        sourceComponent: Item {
            readonly property alias listPane: listPane
            readonly property alias view: view
            function focusComposer() { view.focusComposer() }

            ColumnLayout {
                anchors.fill: parent
                spacing: 0

                ConnectionBanner {
                    objectName: "connectionBanner"
                    Layout.fillWidth: true
                    status: Session.connectionState
                    secondsUntilRetry: Session.secondsUntilRetry
                    onRetryRequested: if (Session.service) Session.service.retryNow()
                }

                SplitView {
                    id: split
                    Layout.fillWidth: true
                    Layout.fillHeight: true
                    orientation: Qt.Horizontal
                    handle: Rectangle {
                        implicitWidth: 1
                        color: SplitHandle.pressed || SplitHandle.hovered ? Theme.accent : Theme.border
                    }

                    ConversationListPane {
                        id: listPane
                        visible: !window.narrow || window.currentId === ""
                        SplitView.preferredWidth: window.narrow ? window.width : Theme.fontSize * 22
                        SplitView.minimumWidth: Theme.fontSize * 14
                        SplitView.fillWidth: window.narrow
                        model: conversationFilter
                        currentConversationId: window.currentId
                        userName: Session.userName
                        presenceKnown: Session.connectionState === ConnectionState.Online
                        onConversationActivated: (id) => window.openConversation(id)
                        onNewConversationRequested: newConversationLoader.open()
                        onSettingsRequested: window.settingsOpen = true
                    }

                    Item {
                        visible: !window.narrow || window.currentId !== ""
                        SplitView.fillWidth: true
                        SplitView.minimumWidth: Theme.fontSize * 20

                        ConversationView {
                            id: view
                            anchors.fill: parent
                            visible: window.currentId !== ""
                            conversationId: CurrentConversation.conversationId
                            searchService: Session.search
                            title: CurrentConversation.title
                            subtitle: CurrentConversation.subtitle
                            isGroup: CurrentConversation.isGroup
                            notifyLevel: CurrentConversation.notifyLevel
                            muted: CurrentConversation.muted
                            onNotifyChosen: (level, minutes) => CurrentConversation.setNotify(level, minutes)
                            composer.mentions: CurrentConversation.mentions
                            messages: CurrentConversation.messages
                            typingText: CurrentConversation.typingText
                            showBack: window.narrow
                            windowActive: window.active
                            composer.spellCheck: SpellCheck
                            pendingFiles: CurrentConversation.files
                            files: typeof Files !== "undefined" ? Files : null
                            onBackRequested: CurrentConversation.conversationId = ""
                            onSendRequested: (text) => CurrentConversation.send(text)
                            draft: CurrentConversation.draft
                            onDraftEdited: (text) => CurrentConversation.editDraft(text)
                            onTyping: CurrentConversation.typed()
                            onStoppedTyping: CurrentConversation.stoppedTyping()
                            onRetryRequested: (clientId) => CurrentConversation.retry(clientId)
                            onDiscardRequested: (clientId) => CurrentConversation.discard(clientId)
                            onVisibleUpTo: (seq) => CurrentConversation.markVisible(seq)
                            onLinkOpened: (url) => Desktop.openLink(url)
                            // Reply, edit, delete, react (CurrentConversation.actions).
                            replying: CurrentConversation.actions.replying
                            replySenderName: CurrentConversation.actions.replySenderName
                            replySnippet: CurrentConversation.actions.replySnippet
                            editingKey: CurrentConversation.actions.editingKey
                            notice: CurrentConversation.actions.notice
                            onReplyRequested: (id, sender, text) => CurrentConversation.actions.startReply(id, sender, text)
                            onReplyCancelled: CurrentConversation.actions.cancelReply()
                            onEditRequested: (key, text) => CurrentConversation.actions.startEdit(key, text)
                            onEditLastRequested: CurrentConversation.actions.editLast()
                            onEditSaved: (text) => CurrentConversation.actions.saveEdit(text)
                            onEditCancelled: CurrentConversation.actions.cancelEdit()
                            onDeleteRequested: (key) => CurrentConversation.actions.deleteMessage(key)
                            onReactionRequested: (id, emoji, on) => CurrentConversation.actions.react(id, emoji, on)
                            onCopyRequested: (text) => Desktop.copyToClipboard(text)
                        }

                        Text {
                            anchors.centerIn: parent
                            visible: window.currentId === ""
                            text: qsTr("Choose a conversation, or press Ctrl+K.")
                            color: Theme.secondaryText
                            font.pixelSize: Theme.fontSize
                        }
                    }
                }
            }
        }
    }

    Loader {
        id: settingsLoader
        anchors.fill: parent
        active: window.settingsOpen && Session.signedIn
        source: "SettingsPage.qml"
        onLoaded: {
            const page = item
            page.focus = true
            page.serverUrl = Qt.binding(() => Settings.serverUrl)
            page.userName = Qt.binding(() => Session.userName)
            page.userId = Qt.binding(() => Session.userId)
            page.themeMode = Qt.binding(() => Settings.themeMode)
            page.notificationsEnabled = Qt.binding(() => Settings.notificationsEnabled)
            page.hideNotificationText = Qt.binding(() => Settings.hideNotificationText)
            page.closeToTray = Qt.binding(() => Settings.closeToTray)
            page.formatMarkdown = Qt.binding(() => Settings.formatMarkdown)
            page.fileCacheMegabytes = Qt.binding(() => Settings.fileCacheMegabytes)
            page.trayAvailable = Qt.binding(() => Desktop.trayAvailable)
            page.storeUnencrypted = Qt.binding(() => Settings.storeUnencrypted)
            page.appVersion = Qt.application.version
            page.proxyMode = Qt.binding(() => Settings.proxy.mode)
            page.proxyUrl = Qt.binding(() => Settings.proxy.url)
            page.proxyUser = Qt.binding(() => Settings.proxy.user)
            page.proxyHasPassword = Qt.binding(() => Settings.proxy.hasPassword)
            page.proxyError = Qt.binding(() => Settings.proxy.error)
            page.spellCheckEnabled = Qt.binding(() => SpellCheck.enabled)
            page.spellLanguages = Qt.binding(() => SpellCheck.languages)
            page.availableSpellLanguages = SpellCheck.availableLanguages
            page.closeRequested.connect(() => { window.settingsOpen = false })
            page.signOutRequested.connect(() => Session.signOut())
            page.themeModeSelected.connect((mode) => { Settings.themeMode = mode })
            page.notificationsToggled.connect((on) => { Settings.notificationsEnabled = on })
            page.hideNotificationTextToggled.connect((on) => { Settings.hideNotificationText = on })
            page.closeToTrayToggled.connect((on) => { Settings.closeToTray = on })
            page.formatMarkdownToggled.connect((on) => { Settings.formatMarkdown = on })
            page.fileCacheMegabytesEdited.connect((mb) => { Settings.fileCacheMegabytes = mb })
            page.storeUnencryptedToggled.connect((on) => { Settings.storeUnencrypted = on })
            page.spellCheckToggled.connect((on) => { SpellCheck.enabled = on })
            page.spellLanguageToggled.connect((code, chosen) => SpellCheck.setLanguageChosen(code, chosen))
            page.proxyApplied.connect((mode, url, user, password) => Settings.proxy.set(mode, url, user, password))
            page.forceActiveFocus()
        }
    }

    // Dialogs, created on first use.
    Loader {
        id: switcherLoader
        onLoaded: item.conversationChosen.connect((id) => window.openConversation(id))
        function open() {
            if (!item)
                setSource("QuickSwitcher.qml", { parent: Overlay.overlay, model: switcherFilter })
            item.open()
        }
    }
    // Ctrl+Shift+F: the results across conversations; a result opens its conversation
    // at the message with the query's words highlighted there.
    SearchResultsModel {
        id: globalResults
        service: Session.search
        highlightColor: Theme.searchHit
    }
    Loader {
        id: globalSearchLoader
        onLoaded: {
            const pane = item
            pane.searching = Qt.binding(() => globalResults.searching)
            pane.serverIncluded = Qt.binding(() => globalResults.serverIncluded)
            pane.serverProblem = Qt.binding(() => globalResults.serverProblem)
            pane.error = Qt.binding(() => globalResults.error)
            pane.indexing = Qt.binding(() => globalResults.indexing)
            pane.indexed = Qt.binding(() => globalResults.indexed)
            pane.indexTotal = Qt.binding(() => globalResults.indexTotal)
            pane.hasMore = Qt.binding(() => globalResults.canLoadMore)
            pane.moreWanted.connect(() => globalResults.loadMore())
            pane.queryEdited.connect((text) => { globalResults.query = text })
            // Results are not kept while closed: they would go stale (offline, new messages).
            pane.closed.connect(() => globalResults.clear())
            // Opened at the message as a notification's click is (CurrentConversation.openAt);
            // the Ctrl+F bar then highlights the query's words, this hit current.
            pane.resultChosen.connect((conversationId, messageId, seq) => {
                CurrentConversation.openAt(conversationId, seq)
                if (chatLoader.item)
                    chatLoader.item.view.openSearch(globalResults.query, messageId)
            })
        }
        function open() {
            if (!item)
                setSource("SearchResultsPane.qml", { parent: Overlay.overlay, model: globalResults })
            item.open()
        }
    }
    Loader {
        id: newConversationLoader
        onLoaded: {
            const dialog = item
            dialog.users = Qt.binding(() => users.results)
            dialog.searching = Qt.binding(() => users.searching)
            dialog.errorString = Qt.binding(() => users.errorString)
            dialog.searchRequested.connect((query) => users.search(query))
            dialog.createRequested.connect((ids, title) => users.create(ids, title))
        }
        function open() {
            if (!item)
                setSource("NewConversationDialog.qml", { parent: Overlay.overlay })
            item.open()
        }
    }
}
