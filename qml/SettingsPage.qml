import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

// Settings: server and account, sign out, theme, notifications, closing to the
// tray and the plaintext-session opt-in with its warning.
Rectangle {
    id: root

    property string serverUrl
    property string userName
    property string userId
    property string themeMode: "system"
    property bool notificationsEnabled: true
    property bool closeToTray: false
    property bool trayAvailable: true
    property bool storeUnencrypted: false
    property string appVersion

    signal closeRequested()
    signal signOutRequested()
    signal themeModeSelected(string mode)
    signal notificationsToggled(bool on)
    signal closeToTrayToggled(bool on)
    signal storeUnencryptedToggled(bool on)

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
                        { value: "system", text: qsTr("Same as the system") },
                        { value: "light", text: qsTr("Light") },
                        { value: "dark", text: qsTr("Dark") }
                    ]
                    currentIndex: Math.max(0, ["system", "light", "dark"].indexOf(root.themeMode))
                    font.pixelSize: Theme.fontSize
                    Accessible.role: Accessible.ComboBox
                    Accessible.name: qsTr("Theme")
                    onActivated: root.themeModeSelected(currentValue)
                }
            }

            // Notifications and tray
            Text { text: qsTr("Notifications"); color: Theme.secondaryText; font.pixelSize: Theme.smallFontSize; font.bold: true; Layout.topMargin: Theme.padding }
            Switch {
                objectName: "notificationsSwitch"
                text: qsTr("Show desktop notifications for new messages")
                checked: root.notificationsEnabled
                font.pixelSize: Theme.fontSize
                Accessible.role: Accessible.CheckBox
                Accessible.name: text
                onToggled: root.notificationsToggled(checked)
            }
            Switch {
                objectName: "closeToTraySwitch"
                enabled: root.trayAvailable
                text: qsTr("Keep running in the tray when the window is closed")
                checked: root.closeToTray
                font.pixelSize: Theme.fontSize
                Accessible.role: Accessible.CheckBox
                Accessible.name: text
                onToggled: root.closeToTrayToggled(checked)
            }

            // Security
            Text { text: qsTr("Security"); color: Theme.secondaryText; font.pixelSize: Theme.smallFontSize; font.bold: true; Layout.topMargin: Theme.padding }
            Switch {
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
