// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import RingChat

// The link to the server in words: offline, connecting, reconnecting with a
// countdown and "Retry now", or "Connected" fading out after an outage.
Rectangle {
    id: root

    property int status: ConnectionState.Online
    property int secondsUntilRetry: 0
    // How long "Connected" shows after an outage.
    property int connectedShownMs: 2000

    readonly property bool outage: status !== ConnectionState.Online
    property bool showConnected: false
    readonly property bool shown: outage || showConnected
    readonly property string text: {
        switch (status) {
        case ConnectionState.Online: return qsTr("Connected")
        case ConnectionState.Connecting: return qsTr("Connecting…")
        case ConnectionState.WaitingToRetry: return secondsUntilRetry > 0 ? qsTr("Reconnecting in %1 s…").arg(secondsUntilRetry)
                                                                          : qsTr("Reconnecting…")
        case ConnectionState.Paused: return qsTr("Offline — showing saved messages")
        case ConnectionState.SignedOut: return qsTr("Your session has ended. Sign in again.")
        }
        return qsTr("Offline — showing saved messages")
    }

    signal retryRequested()

    // "Connected" is news only when the link comes back: after a failed attempt, a
    // suspend or a drop, not when it first comes up at start.
    property bool recovering: false
    property bool wasOnline: false
    function isFailure(s) {
        return s === ConnectionState.WaitingToRetry || s === ConnectionState.Paused || s === ConnectionState.SignedOut
    }
    Component.onCompleted: {
        recovering = isFailure(status)
        wasOnline = status === ConnectionState.Online
    }
    onStatusChanged: {
        if (status === ConnectionState.Online) {
            if (recovering) {
                showConnected = true
                hideTimer.restart()
            }
            recovering = false
            wasOnline = true
        } else {
            hideTimer.stop()
            showConnected = false
            if (wasOnline || isFailure(status))
                recovering = true
        }
    }

    Timer {
        id: hideTimer
        interval: root.connectedShownMs
        onTriggered: root.showConnected = false
    }

    // Keeps its height while fading out, then collapses.
    implicitHeight: opacity > 0 ? row.implicitHeight + Theme.unit : 0
    visible: opacity > 0
    opacity: shown ? 1 : 0
    clip: true
    color: status === ConnectionState.Online ? Theme.bannerOnline : Theme.bannerOffline
    Behavior on opacity { NumberAnimation { duration: 400 } }

    Accessible.role: Accessible.AlertMessage
    Accessible.name: text

    RowLayout {
        id: row
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.verticalCenter: parent.verticalCenter
        anchors.leftMargin: Theme.padding
        anchors.rightMargin: Theme.padding
        spacing: Theme.padding

        Text {
            objectName: "bannerText"
            Layout.fillWidth: true
            text: root.text
            textFormat: Text.PlainText
            elide: Text.ElideRight
            color: Theme.text
            font.pixelSize: Theme.smallFontSize
        }
        Button {
            objectName: "retryNowButton"
            visible: root.status === ConnectionState.WaitingToRetry || root.status === ConnectionState.Offline
            text: qsTr("Retry now")
            flat: true
            padding: Theme.unit / 2
            topInset: 0
            bottomInset: 0
            font.pixelSize: Theme.smallFontSize
            font.bold: true
            background: Rectangle {
                radius: Theme.radius
                color: parent.down ? Theme.selection : parent.hovered ? Theme.hover : "transparent"
                border.width: parent.visualFocus ? 2 : 0
                border.color: Theme.focusRing
            }
            contentItem: Text {
                text: parent.text
                font: parent.font
                color: Theme.accent
            }
            Accessible.role: Accessible.Button
            Accessible.name: text
            onClicked: root.retryRequested()
        }
    }
}
