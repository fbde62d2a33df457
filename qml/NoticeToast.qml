// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick

// A short sentence over the bottom of the conversation (why an action was
// refused). It shows while `text` is set; the app layer clears it after a while.
Rectangle {
    id: root

    property string text

    visible: text.length > 0
    implicitWidth: Math.min(label.implicitWidth + Theme.padding * 2, Theme.bubbleMaxWidth)
    implicitHeight: label.implicitHeight + Theme.unit * 2
    radius: Theme.radius
    color: Theme.dark ? "#3b2f2f" : "#fdecea"
    border.color: Theme.danger
    Accessible.role: Accessible.AlertMessage
    Accessible.name: text

    Text {
        id: label
        anchors.fill: parent
        anchors.margins: Theme.unit
        anchors.leftMargin: Theme.padding
        anchors.rightMargin: Theme.padding
        text: root.text
        textFormat: Text.PlainText
        wrapMode: Text.Wrap
        verticalAlignment: Text.AlignVCenter
        color: Theme.text
        font.pixelSize: Theme.smallFontSize
    }
}
