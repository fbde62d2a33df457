// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import RingChat

// Sign-in: the server address, "Sign in with your browser", a waiting state
// with Cancel, errors in words, and the question asked when no keychain exists.
Rectangle {
    id: root

    property string serverUrl
    property int signInState: SignInState.SignedOut
    property string errorString
    property string authorizationUrl
    // No keychain: offer to keep the session in an unencrypted file.
    property bool keychainMissing: false
    property bool storeUnencrypted: false

    readonly property bool busy: signInState !== SignInState.SignedOut && signInState !== SignInState.SignedIn
    readonly property string statusText: {
        switch (signInState) {
        case SignInState.Discovering: return qsTr("Contacting %1…").arg(serverUrl)
        case SignInState.WaitingForBrowser: return qsTr("Finish signing in in your browser.")
        case SignInState.Completing: return qsTr("Signing in…")
        case SignInState.Restoring: return qsTr("Restoring your session…")
        }
        return ""
    }

    signal signInRequested(string serverUrl)
    signal cancelRequested()
    signal storeUnencryptedToggled(bool on)
    signal copyLinkRequested(string url)

    color: Theme.background
    Accessible.role: Accessible.Pane
    Accessible.name: qsTr("Sign in")

    function submit() {
        const url = serverField.text.trim()
        if (url.length > 0 && !root.busy)
            root.signInRequested(url)
    }

    ColumnLayout {
        anchors.centerIn: parent
        width: Math.min(parent.width - Theme.padding * 4, Theme.fontSize * 28)
        spacing: Theme.padding

        Text {
            Layout.alignment: Qt.AlignHCenter
            text: qsTr("Ring Chat")
            color: Theme.text
            font.pixelSize: Theme.titleFontSize
            font.bold: true
            Accessible.role: Accessible.Heading
            Accessible.name: text
        }
        Text {
            Layout.fillWidth: true
            horizontalAlignment: Text.AlignHCenter
            wrapMode: Text.Wrap
            text: qsTr("Sign in to your Ring server to start chatting.")
            color: Theme.secondaryText
            font.pixelSize: Theme.fontSize
        }

        Label {
            text: qsTr("Server address")
            color: Theme.text
            font.pixelSize: Theme.smallFontSize
        }
        TextField {
            id: serverField
            objectName: "serverField"
            Layout.fillWidth: true
            text: root.serverUrl
            enabled: !root.busy
            focus: true
            selectByMouse: true
            inputMethodHints: Qt.ImhUrlCharactersOnly | Qt.ImhNoAutoUppercase
            placeholderText: "https://chat.example.org"
            font.pixelSize: Theme.fontSize
            Accessible.role: Accessible.EditableText
            Accessible.name: qsTr("Server address")
            onAccepted: root.submit()
        }

        PrimaryButton {
            objectName: "signInButton"
            Layout.fillWidth: true
            visible: !root.busy
            text: qsTr("Sign in with your browser")
            enabled: serverField.text.trim().length > 0
            font.pixelSize: Theme.fontSize
            Accessible.role: Accessible.Button
            Accessible.name: text
            onClicked: root.submit()
        }

        RowLayout {
            visible: root.busy
            Layout.fillWidth: true
            spacing: Theme.padding
            BusyIndicator {
                running: root.busy
                Layout.preferredWidth: Theme.fontSize * 2
                Layout.preferredHeight: Theme.fontSize * 2
            }
            Text {
                objectName: "statusText"
                Layout.fillWidth: true
                wrapMode: Text.Wrap
                text: root.statusText
                color: Theme.text
                font.pixelSize: Theme.fontSize
                Accessible.role: Accessible.StaticText
                Accessible.name: text
            }
            Button {
                objectName: "cancelButton"
                text: qsTr("Cancel")
                font.pixelSize: Theme.fontSize
                Accessible.role: Accessible.Button
                Accessible.name: qsTr("Cancel sign-in")
                onClicked: root.cancelRequested()
            }
        }

        Button {
            visible: root.signInState === SignInState.WaitingForBrowser && root.authorizationUrl.length > 0
            Layout.alignment: Qt.AlignHCenter
            flat: true
            text: qsTr("Browser did not open? Copy the sign-in link")
            font.pixelSize: Theme.smallFontSize
            Accessible.role: Accessible.Button
            Accessible.name: text
            onClicked: root.copyLinkRequested(root.authorizationUrl)
        }

        Text {
            objectName: "errorText"
            visible: root.errorString.length > 0 && !root.busy
            Layout.fillWidth: true
            wrapMode: Text.Wrap
            text: root.errorString
            textFormat: Text.PlainText
            color: Theme.danger
            font.pixelSize: Theme.fontSize
            Accessible.role: Accessible.AlertMessage
            Accessible.name: text
        }

        // No keychain on this system: ask before keeping the session in a file.
        Rectangle {
            visible: root.keychainMissing
            Layout.fillWidth: true
            implicitHeight: keychainColumn.implicitHeight + Theme.padding * 2
            radius: Theme.radius
            color: Theme.bannerOffline
            ColumnLayout {
                id: keychainColumn
                anchors.fill: parent
                anchors.margins: Theme.padding
                Text {
                    Layout.fillWidth: true
                    wrapMode: Text.Wrap
                    text: qsTr("No keychain is available, so Ring Chat cannot keep you signed in securely. Install and unlock a keychain (for example GNOME Keyring or KWallet), or keep the session in an unencrypted file.")
                    color: Theme.text
                    font.pixelSize: Theme.smallFontSize
                }
                CheckBox {
                    objectName: "plaintextCheck"
                    text: qsTr("Keep me signed in using an unencrypted file")
                    checked: root.storeUnencrypted
                    font.pixelSize: Theme.smallFontSize
                    Accessible.role: Accessible.CheckBox
                    Accessible.name: text
                    onToggled: root.storeUnencryptedToggled(checked)
                }
            }
        }
    }
}
