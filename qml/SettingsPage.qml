// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import RingChat

// Settings: server and account, sign out, theme, Markdown in messages,
// notifications, closing to the tray, spell checking (on or off, and its languages),
// the proxy of every connection, and the plaintext-session opt-in with its warning.
Rectangle {
    id: root

    property string serverUrl
    property string userName
    property string userId
    property int themeMode: ThemeMode.System
    property bool notificationsEnabled: true
    property bool hideNotificationText: false
    property bool closeToTray: false
    property bool formatMarkdown: true
    property bool trayAvailable: true
    property bool storeUnencrypted: false
    property string appVersion
    property string proxyMode: "system"
    property string proxyUrl
    property string proxyUser
    property bool proxyHasPassword: false
    property string proxyError
    property bool spellCheckEnabled: true
    property int fileCacheMegabytes: 500
    property var spellLanguages: []            // the chosen dictionaries' codes
    property var availableSpellLanguages: []   // [{ code, name }] of the installed ones

    signal closeRequested()
    signal signOutRequested()
    signal themeModeSelected(int mode)
    signal notificationsToggled(bool on)
    signal hideNotificationTextToggled(bool on)
    signal closeToTrayToggled(bool on)
    signal formatMarkdownToggled(bool on)
    signal storeUnencryptedToggled(bool on)
    signal spellCheckToggled(bool on)
    signal fileCacheMegabytesEdited(int megabytes)
    signal spellLanguageToggled(string code, bool chosen)
    // mode "system", "none" or "manual"; an empty password keeps the saved one.
    signal proxyApplied(string mode, string url, string user, string password)

    color: Theme.background
    Accessible.role: Accessible.Pane
    Accessible.name: qsTr("Settings")

    Keys.onEscapePressed: root.closeRequested()

    ScrollView {
        anchors.fill: parent
        contentWidth: availableWidth

        ColumnLayout {
            width: Math.min(parent.width - Theme.padding * 4, Theme.fontSize * 36)
            x: (parent.width - width) / 2
            spacing: Theme.padding

            RowLayout {
                Layout.fillWidth: true
                Layout.topMargin: Theme.padding * 2
                IconButton {
                    objectName: "backButton"
                    text: "\u2190"
                    toolTip: qsTr("Back")
                    onClicked: root.closeRequested()
                }
                Text {
                    Layout.fillWidth: true
                    text: qsTr("Settings")
                    color: Theme.text
                    font.pixelSize: Theme.titleFontSize
                    font.bold: true
                    Accessible.role: Accessible.Heading
                    Accessible.name: text
                }
            }

            // Account
            Text { text: qsTr("Account"); color: Theme.secondaryText; font.pixelSize: Theme.smallFontSize; font.bold: true }
            RowLayout {
                spacing: Theme.padding
                Avatar { name: root.userName }
                ColumnLayout {
                    Layout.fillWidth: true
                    Text { text: root.userName; textFormat: Text.PlainText; color: Theme.text; font.pixelSize: Theme.fontSize; font.bold: true }
                    Text { text: root.serverUrl; textFormat: Text.PlainText; color: Theme.secondaryText; font.pixelSize: Theme.smallFontSize }
                }
                Button {
                    objectName: "signOutButton"
                    text: qsTr("Sign out")
                    font.pixelSize: Theme.fontSize
                    Accessible.role: Accessible.Button
                    Accessible.name: text
                    onClicked: root.signOutRequested()
                }
            }

            // Appearance
            Text { text: qsTr("Appearance"); color: Theme.secondaryText; font.pixelSize: Theme.smallFontSize; font.bold: true; Layout.topMargin: Theme.padding }
            RowLayout {
                spacing: Theme.padding
                Label { text: qsTr("Theme"); color: Theme.text; font.pixelSize: Theme.fontSize }
                ComboBox {
                    id: themeBox
                    objectName: "themeBox"
                    Layout.preferredWidth: Theme.fontSize * 14
                    textRole: "text"
                    valueRole: "value"
                    model: [
                        { value: ThemeMode.System, text: qsTr("Same as the system") },
                        { value: ThemeMode.Light, text: qsTr("Light") },
                        { value: ThemeMode.Dark, text: qsTr("Dark") }
                    ]
                    currentIndex: Math.max(0, [ThemeMode.System, ThemeMode.Light, ThemeMode.Dark].indexOf(root.themeMode))
                    font.pixelSize: Theme.fontSize
                    Accessible.role: Accessible.ComboBox
                    Accessible.name: qsTr("Theme")
                    onActivated: root.themeModeSelected(currentValue)
                }
            }

            // Messages
            Text { text: qsTr("Messages"); color: Theme.secondaryText; font.pixelSize: Theme.smallFontSize; font.bold: true; Layout.topMargin: Theme.padding }
            ThemedSwitch {
                objectName: "formatMarkdownSwitch"
                text: qsTr("Format messages with Markdown")
                checked: root.formatMarkdown
                font.pixelSize: Theme.fontSize
                Accessible.role: Accessible.CheckBox
                Accessible.name: text
                Accessible.description: hint.text
                onToggled: root.formatMarkdownToggled(checked)
            }
            Text {
                id: hint
                Layout.fillWidth: true
                text: qsTr("**bold**, *italic*, `code`, > quote, [link](https://…). A backslash keeps a character as it is: %1. Off: messages go as plain text.").arg("\\*")
                textFormat: Text.PlainText
                wrapMode: Text.Wrap
                color: Theme.secondaryText
                font.pixelSize: Theme.smallFontSize
            }

            // Notifications and tray
            Text { text: qsTr("Notifications"); color: Theme.secondaryText; font.pixelSize: Theme.smallFontSize; font.bold: true; Layout.topMargin: Theme.padding }
            ThemedSwitch {
                objectName: "notificationsSwitch"
                text: qsTr("Show desktop notifications for new messages")
                checked: root.notificationsEnabled
                font.pixelSize: Theme.fontSize
                Accessible.role: Accessible.CheckBox
                Accessible.name: text
                onToggled: root.notificationsToggled(checked)
            }
            ThemedSwitch {
                objectName: "hideNotificationTextSwitch"
                text: qsTr("Hide message text in notifications")
                checked: root.hideNotificationText
                font.pixelSize: Theme.fontSize
                Accessible.role: Accessible.CheckBox
                Accessible.name: text
                Accessible.description: notifyHint.text
                onToggled: root.hideNotificationTextToggled(checked)
            }
            Text {
                id: notifyHint
                Layout.fillWidth: true
                text: qsTr("Notifications then say only who wrote. They never show the text while the screen is locked. Each conversation's menu sets what notifies there: all messages, mentions of you only, or nothing, and mutes it for a while.")
                textFormat: Text.PlainText
                wrapMode: Text.Wrap
                color: Theme.secondaryText
                font.pixelSize: Theme.smallFontSize
            }
            ThemedSwitch {
                objectName: "closeToTraySwitch"
                enabled: root.trayAvailable
                text: qsTr("Keep running in the tray when the window is closed")
                checked: root.closeToTray
                font.pixelSize: Theme.fontSize
                Accessible.role: Accessible.CheckBox
                Accessible.name: text
                onToggled: root.closeToTrayToggled(checked)
            }

            // Spelling
            Text { text: qsTr("Spelling"); color: Theme.secondaryText; font.pixelSize: Theme.smallFontSize; font.bold: true; Layout.topMargin: Theme.padding }
            ThemedSwitch {
                objectName: "spellCheckSwitch"
                text: qsTr("Check spelling as I type")
                checked: root.spellCheckEnabled
                enabled: root.availableSpellLanguages.length > 0
                font.pixelSize: Theme.fontSize
                Accessible.role: Accessible.CheckBox
                Accessible.name: text
                onToggled: root.spellCheckToggled(checked)
            }
            Flow {
                Layout.fillWidth: true
                visible: root.availableSpellLanguages.length > 0
                spacing: Theme.padding
                Repeater {
                    model: root.availableSpellLanguages
                    CheckBox {
                        required property var modelData
                        objectName: "spellLanguage_" + modelData.code
                        text: modelData.name
                        checked: root.spellLanguages.indexOf(modelData.code) >= 0
                        enabled: root.spellCheckEnabled
                        font.pixelSize: Theme.fontSize
                        Accessible.role: Accessible.CheckBox
                        Accessible.name: qsTr("Check %1").arg(modelData.name)
                        onToggled: root.spellLanguageToggled(modelData.code, checked)
                    }
                }
            }
            Text {
                Layout.fillWidth: true
                wrapMode: Text.Wrap
                text: root.availableSpellLanguages.length > 0
                      ? qsTr("A word is right when any chosen language knows it.")
                      : qsTr("No dictionaries are installed. On Debian or Ubuntu, install hunspell-en-us, hunspell-uk or another hunspell dictionary.")
                color: Theme.secondaryText
                font.pixelSize: Theme.smallFontSize
            }

            // Files
            Text { text: qsTr("Files"); color: Theme.secondaryText; font.pixelSize: Theme.smallFontSize; font.bold: true; Layout.topMargin: Theme.padding }
            RowLayout {
                spacing: Theme.padding
                Label { text: qsTr("Keep received files up to (MB)"); color: Theme.text; font.pixelSize: Theme.fontSize }
                SpinBox {
                    objectName: "fileCacheBox"
                    from: 50
                    to: 100000
                    stepSize: 50
                    editable: true
                    value: root.fileCacheMegabytes
                    font.pixelSize: Theme.fontSize
                    Accessible.name: qsTr("Keep received files up to (MB)")
                    onValueModified: root.fileCacheMegabytesEdited(value)
                    // The style's edge is the button colour, too faint to see the field by.
                    background: Rectangle {
                        implicitWidth: 140
                        color: Theme.surface
                        border.color: Theme.controlBorder
                    }
                }
            }
            Text {
                Layout.fillWidth: true
                wrapMode: Text.Wrap
                text: qsTr("Downloaded files and pictures are kept on this computer up to this size; the least recently used go first.")
                color: Theme.secondaryText
                font.pixelSize: Theme.smallFontSize
            }

            // Network
            Text { text: qsTr("Network"); color: Theme.secondaryText; font.pixelSize: Theme.smallFontSize; font.bold: true; Layout.topMargin: Theme.padding }
            RowLayout {
                spacing: Theme.padding
                Label { text: qsTr("Proxy"); color: Theme.text; font.pixelSize: Theme.fontSize }
                ComboBox {
                    id: proxyBox
                    objectName: "proxyModeBox"
                    Layout.preferredWidth: Theme.fontSize * 14
                    textRole: "text"
                    valueRole: "value"
                    model: [
                        { value: "system", text: qsTr("Same as the system") },
                        { value: "none", text: qsTr("No proxy") },
                        { value: "manual", text: qsTr("This proxy") }
                    ]
                    currentIndex: Math.max(0, ["system", "none", "manual"].indexOf(root.proxyMode))
                    font.pixelSize: Theme.fontSize
                    Accessible.role: Accessible.ComboBox
                    Accessible.name: qsTr("Proxy")
                    // Manual waits for its address and the Use button.
                    onActivated: if (currentValue !== "manual") root.proxyApplied(currentValue, "", "", "")
                }
            }
            GridLayout {
                visible: proxyBox.currentValue === "manual"
                Layout.fillWidth: true
                columns: 2
                columnSpacing: Theme.padding
                rowSpacing: Theme.spacing
                Label { text: qsTr("Address"); color: Theme.text; font.pixelSize: Theme.fontSize }
                TextField {
                    id: proxyUrlField
                    objectName: "proxyUrlField"
                    Layout.fillWidth: true
                    text: root.proxyUrl
                    placeholderText: "http://proxy.example.com:3128"
                    inputMethodHints: Qt.ImhUrlCharactersOnly | Qt.ImhNoAutoUppercase
                    font.pixelSize: Theme.fontSize
                    Accessible.role: Accessible.EditableText
                    Accessible.name: qsTr("Proxy address")
                    onAccepted: useProxyButton.clicked()
                }
                Label { text: qsTr("User name"); color: Theme.text; font.pixelSize: Theme.fontSize }
                TextField {
                    id: proxyUserField
                    objectName: "proxyUserField"
                    Layout.fillWidth: true
                    text: root.proxyUser
                    placeholderText: qsTr("Only if the proxy asks for one")
                    inputMethodHints: Qt.ImhNoAutoUppercase | Qt.ImhNoPredictiveText
                    font.pixelSize: Theme.fontSize
                    Accessible.role: Accessible.EditableText
                    Accessible.name: qsTr("Proxy user name")
                }
                Label { text: qsTr("Password"); color: Theme.text; font.pixelSize: Theme.fontSize }
                TextField {
                    id: proxyPasswordField
                    objectName: "proxyPasswordField"
                    Layout.fillWidth: true
                    echoMode: TextInput.Password
                    placeholderText: root.proxyHasPassword ? qsTr("Saved (type to change)") : ""
                    inputMethodHints: Qt.ImhSensitiveData | Qt.ImhNoPredictiveText
                    font.pixelSize: Theme.fontSize
                    Accessible.role: Accessible.EditableText
                    Accessible.name: qsTr("Proxy password")
                    onAccepted: useProxyButton.clicked()
                }
                Item { width: 1; height: 1 }
                Button {
                    id: useProxyButton
                    objectName: "useProxyButton"
                    text: qsTr("Use this proxy")
                    enabled: proxyUrlField.text.trim() !== ""
                    font.pixelSize: Theme.fontSize
                    Accessible.role: Accessible.Button
                    Accessible.name: text
                    onClicked: {
                        root.proxyApplied("manual", proxyUrlField.text, proxyUserField.text, proxyPasswordField.text)
                        proxyPasswordField.text = ""
                    }
                }
            }
            Text {
                Layout.fillWidth: true
                wrapMode: Text.Wrap
                text: proxyBox.currentValue === "system"
                      ? qsTr("Uses the desktop's proxy settings, or the https_proxy, http_proxy, all_proxy and no_proxy environment variables when they are set.")
                      : proxyBox.currentValue === "none"
                        ? qsTr("Connects to the server directly.")
                        : qsTr("An HTTP proxy (http://host:port) or a SOCKS5 proxy (socks5://host:port) for every connection.") + " "
                          + (root.storeUnencrypted ? qsTr("The password is kept in the unencrypted session file.")
                                                   : qsTr("The password is kept in the keychain."))
                color: Theme.secondaryText
                font.pixelSize: Theme.smallFontSize
            }
            Text {
                objectName: "proxyError"
                Layout.fillWidth: true
                visible: root.proxyError !== ""
                wrapMode: Text.Wrap
                text: root.proxyError
                color: Theme.danger
                font.pixelSize: Theme.smallFontSize
                Accessible.role: Accessible.AlertMessage
                Accessible.name: text
            }

            // Security
            Text { text: qsTr("Security"); color: Theme.secondaryText; font.pixelSize: Theme.smallFontSize; font.bold: true; Layout.topMargin: Theme.padding }
            ThemedSwitch {
                objectName: "plaintextSwitch"
                text: qsTr("Store the session in an unencrypted file")
                checked: root.storeUnencrypted
                font.pixelSize: Theme.fontSize
                Accessible.role: Accessible.CheckBox
                Accessible.name: text
                Accessible.description: warning.text
                onToggled: root.storeUnencryptedToggled(checked)
            }
            Text {
                id: warning
                Layout.fillWidth: true
                wrapMode: Text.Wrap
                text: qsTr("Only for systems without a keychain. Anyone who can read your files can then use your account until you sign out. Takes effect at the next sign-in.")
                color: root.storeUnencrypted ? Theme.danger : Theme.secondaryText
                font.pixelSize: Theme.smallFontSize
            }

            Text {
                Layout.topMargin: Theme.padding * 2
                Layout.bottomMargin: Theme.padding * 2
                text: qsTr("Ring Chat %1").arg(root.appVersion)
                color: Theme.secondaryText
                font.pixelSize: Theme.smallFontSize
            }
        }
    }
}
