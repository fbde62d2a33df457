import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import QtQuick.Window
import RingChat

// The window: sign-in until there is a session, then the conversation list and
// the open conversation side by side (one pane at a time when narrow).
ApplicationWindow {
    id: window
    objectName: "mainWindow"

    width: 1000
    height: 680
    minimumWidth: 360
    minimumHeight: 420
    visible: true
    color: Theme.background
    title: App.unreadTotal > 0 ? qsTr("(%1) Ring Chat").arg(App.unreadTotal) : qsTr("Ring Chat")

    readonly property bool narrow: width < Theme.fontSize * 48
    property string currentId: ""
    property bool settingsOpen: false
    // Bumped when presence or typing changes, so bindings on App's functions re-run.
    property int presenceTick: 0
    property int typingTick: 0

    Binding { target: Theme; property: "mode"; value: App.themeMode }

    // The stock controls (switches, combo boxes, menus) follow the theme too.
    palette.window: Theme.background
    palette.windowText: Theme.text
    palette.base: Theme.surface
    palette.alternateBase: Theme.sidebar
    palette.text: Theme.text
    palette.button: Theme.hover
    palette.buttonText: Theme.text
    palette.brightText: Theme.accentText
    palette.highlight: Theme.accent
    palette.highlightedText: Theme.accentText
    palette.placeholderText: Theme.secondaryText
    palette.light: Theme.surface
    palette.midlight: Theme.hover
    palette.mid: Theme.border
    palette.dark: Theme.secondaryText
    palette.shadow: Theme.border
    palette.toolTipBase: Theme.surface
    palette.toolTipText: Theme.text
    palette.link: Theme.link
    onActiveChanged: App.windowActive = active
    Component.onCompleted: App.windowActive = active

    onClosing: (close) => {
        if (App.closeToTray && App.trayAvailable) {
            close.accepted = false
            window.hide()
        }
    }

    function openConversation(id) {
        if (!id)
            return
        settingsOpen = false
        currentId = id
        App.currentConversationId = id
        App.openConversation(id)
        if (chatLoader.item)
            chatLoader.item.focusComposer()
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
        target: App
        function onConversationRequested(id) { window.openConversation(id) }
        function onRaiseRequested() { window.show(); window.raise(); window.requestActivate() }
        function onTypersChanged() { window.typingTick++ }
        function onSignedInChanged() { if (!App.signedIn) { window.currentId = ""; window.settingsOpen = false } }
    }
    Connections {
        target: App.chat
        ignoreUnknownSignals: true
        function onPresenceChanged() { window.presenceTick++ }
        function onConversationChanged() { window.presenceTick++ }
        function onConversationsChanged() {
            window.presenceTick++
            // Reopen the last conversation once the list is known (wide windows only).
            if (window.currentId === "" && !window.narrow && App.lastConversationId !== ""
                    && App.conversationTitle(App.lastConversationId) !== "")
                window.openConversation(App.lastConversationId)
        }
    }

    ConversationFilter {
        id: conversationFilter
        sourceModel: App.conversations
        filterText: chatLoader.item ? chatLoader.item.listPane.filterText : ""
    }
    ConversationFilter {
        id: switcherFilter
        sourceModel: App.conversations
        filterText: switcherLoader.item ? switcherLoader.item.query : ""
    }
    UserDirectory {
        id: users
        onCreated: (id) => window.openConversation(id)
    }

    // Keyboard
    Shortcut { sequence: "Ctrl+K"; enabled: App.signedIn; onActivated: switcherLoader.open() }
    Shortcut { sequence: "Ctrl+N"; enabled: App.signedIn; onActivated: newConversationLoader.open() }
    Shortcut { sequences: ["Alt+Up"]; enabled: App.signedIn; onActivated: window.stepConversation(-1) }
    Shortcut { sequences: ["Alt+Down"]; enabled: App.signedIn; onActivated: window.stepConversation(1) }
    Shortcut { sequence: "Ctrl+F"; enabled: App.signedIn; onActivated: { window.currentId = window.narrow ? "" : window.currentId; chatLoader.item.listPane.focusSearch() } }
    Shortcut { sequence: "Ctrl+,"; enabled: App.signedIn; onActivated: window.settingsOpen = true }
    Shortcut { sequence: StandardKey.MoveToPreviousPage; enabled: App.signedIn && window.currentId !== ""; onActivated: chatLoader.item.view.pageUp() }
    Shortcut { sequence: StandardKey.MoveToNextPage; enabled: App.signedIn && window.currentId !== ""; onActivated: chatLoader.item.view.pageDown() }
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
    Timer { id: activityTimer; interval: 5000; onTriggered: App.noteUserActivity() }

    // Sign-in: only loaded while signed out, and not before the controller has
    // started (a signed-in start goes straight to the chat). The pages below are
    // loaded by URL, not as inline components, so their QML types (and the
    // Controls they use) are compiled only when first shown: less memory at the
    // first screen.
    Loader {
        id: signInLoader
        anchors.fill: parent
        active: App.started && !App.signedIn
        source: "SignInPage.qml"
        onLoaded: {
            const page = item
            page.serverUrl = Qt.binding(() => App.serverUrl)
            page.signInState = Qt.binding(() => App.signInState)
            page.errorString = Qt.binding(() => App.signInError)
            page.authorizationUrl = Qt.binding(() => App.authorizationUrl)
            page.keychainMissing = Qt.binding(() => App.keychainMissing)
            page.storeUnencrypted = Qt.binding(() => App.storeUnencrypted)
            page.signInRequested.connect((url) => App.signIn(url))
            page.cancelRequested.connect(() => App.cancelSignIn())
            page.storeUnencryptedToggled.connect((on) => { App.storeUnencrypted = on })
            page.proxyApplied.connect((mode, url, user, password) => App.setProxy(mode, url, user, password))
            page.copyLinkRequested.connect((url) => App.copyToClipboard(url))
        }
    }

    // The chat: list and conversation.
    Loader {
        id: chatLoader
        anchors.fill: parent
        active: App.signedIn
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
                    status: App.connectionState
                    secondsUntilRetry: App.secondsUntilRetry
                    onRetryRequested: App.retryNow()
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
                        userName: App.userName
                        presenceKnown: App.connectionState === "online"
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
                            conversationId: window.currentId
                            title: window.presenceTick, App.conversationTitle(window.currentId)
                            subtitle: window.presenceTick, App.presenceText(window.currentId)
                            isGroup: window.presenceTick, App.isGroup(window.currentId)
                            messages: App.messages(window.currentId)
                            typingNames: window.typingTick, App.typerNames(window.currentId)
                            showBack: window.narrow
                            windowActive: window.active
                            onBackRequested: window.currentId = ""
                            onSendRequested: (text) => App.sendMessage(window.currentId, text)
                            onTyping: App.userTyped(window.currentId)
                            onStoppedTyping: App.userStoppedTyping(window.currentId)
                            onRetryRequested: (clientId) => App.retryMessage(clientId)
                            onDiscardRequested: (clientId) => App.discardMessage(clientId)
                            onVisibleUpTo: (seq) => App.markVisible(window.currentId, seq)
                            onLinkOpened: (url) => App.openLink(url)
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
        active: window.settingsOpen && App.signedIn
        source: "SettingsPage.qml"
        onLoaded: {
            const page = item
            page.focus = true
            page.serverUrl = Qt.binding(() => App.serverUrl)
            page.userName = Qt.binding(() => App.userName)
            page.userId = Qt.binding(() => App.userId)
            page.themeMode = Qt.binding(() => App.themeMode)
            page.notificationsEnabled = Qt.binding(() => App.notificationsEnabled)
            page.closeToTray = Qt.binding(() => App.closeToTray)
            page.trayAvailable = Qt.binding(() => App.trayAvailable)
            page.storeUnencrypted = Qt.binding(() => App.storeUnencrypted)
            page.appVersion = Qt.binding(() => App.appVersion)
            page.proxyMode = Qt.binding(() => App.proxyMode)
            page.proxyUrl = Qt.binding(() => App.proxyUrl)
            page.proxyUser = Qt.binding(() => App.proxyUser)
            page.proxyHasPassword = Qt.binding(() => App.proxyHasPassword)
            page.proxyError = Qt.binding(() => App.proxyError)
            page.closeRequested.connect(() => { window.settingsOpen = false })
            page.signOutRequested.connect(() => App.signOut())
            page.themeModeSelected.connect((mode) => { App.themeMode = mode })
            page.notificationsToggled.connect((on) => { App.notificationsEnabled = on })
            page.closeToTrayToggled.connect((on) => { App.closeToTray = on })
            page.storeUnencryptedToggled.connect((on) => { App.storeUnencrypted = on })
            page.proxyApplied.connect((mode, url, user, password) => App.setProxy(mode, url, user, password))
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
