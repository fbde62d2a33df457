// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

// Above the composer while writing a reply: who is being answered and the start of
// their message, with a button (or Esc in the composer) to stop replying.
Rectangle {
    id: root

    property string senderName
    property string snippet

    signal cancelled()

    implicitHeight: row.implicitHeight + Theme.unit
    color: Theme.sidebar
    radius: Theme.radius
    Accessible.role: Accessible.Grouping
    Accessible.name: qsTr("Replying to %1: %2").arg(senderName).arg(snippet)

    RowLayout {
        id: row
        anchors.fill: parent
        anchors.leftMargin: Theme.unit
        anchors.rightMargin: Theme.unit / 2
        spacing: Theme.unit
        Rectangle { Layout.fillHeight: true; Layout.topMargin: Theme.unit / 2; Layout.bottomMargin: Theme.unit / 2; implicitWidth: 3; radius: 1.5; color: Theme.accent }
        ColumnLayout {
            Layout.fillWidth: true
            spacing: 0
            Text {
                objectName: "replyBarSender"
                Layout.fillWidth: true
                text: qsTr("Replying to %1").arg(root.senderName)
                textFormat: Text.PlainText
                elide: Text.ElideRight
                color: Theme.accent
                font.pixelSize: Theme.smallFontSize
                font.bold: true
            }
            Text {
                objectName: "replyBarSnippet"
                Layout.fillWidth: true
                text: root.snippet
                textFormat: Text.PlainText
                elide: Text.ElideRight
                maximumLineCount: 1
                color: Theme.secondaryText
                font.pixelSize: Theme.smallFontSize
            }
        }
        IconButton {
            objectName: "cancelReply"
            text: "\u2715"
            font.pixelSize: Theme.fontSize
            toolTip: qsTr("Cancel reply")
            onClicked: root.cancelled()
        }
    }
}
