// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

// The Ctrl+F bar over a conversation: the query, "3 of 17" / "No results", and next /
// previous (Enter, Shift+Enter, or the buttons). It only shows and asks; the search
// itself is the owner's (ConversationSearch).
Rectangle {
    id: root

    property alias query: field.text
    property int count: 0
    property int current: 0                 // 1-based, 0 when none
    property bool busy: false               // the count is not yet the query's
    readonly property bool typing: field.activeFocus

    readonly property string status: query.trim().length === 0 || busy ? ""
                                     : count === 0 ? qsTr("No results")
                                     : qsTr("%1 of %2").arg(current).arg(count)

    signal queryEdited(string text)
    signal nextRequested()
    signal previousRequested()
    signal closeRequested()

    function open(text) {
        if (text !== undefined)
            field.text = text
        field.forceActiveFocus()
        field.selectAll()
    }

    implicitHeight: row.implicitHeight + Theme.unit * 2
    color: Theme.sidebar
    Accessible.role: Accessible.ToolBar
    Accessible.name: qsTr("Find in conversation")

    Rectangle { anchors.bottom: parent.bottom; width: parent.width; height: 1; color: Theme.border }

    RowLayout {
        id: row
        anchors.fill: parent
        anchors.leftMargin: Theme.padding
        anchors.rightMargin: Theme.unit
        spacing: Theme.unit

        TextField {
            id: field
            objectName: "searchField"
            Layout.fillWidth: true
            placeholderText: qsTr("Find in conversation")
            color: Theme.text
            font.pixelSize: Theme.fontSize
            selectByMouse: true
            Accessible.name: placeholderText
            onTextEdited: root.queryEdited(text)
            Keys.onPressed: (event) => {
                if (event.key === Qt.Key_Return || event.key === Qt.Key_Enter) {
                    if (event.modifiers & Qt.ShiftModifier)
                        root.previousRequested()
                    else
                        root.nextRequested()
                    event.accepted = true
                } else if (event.key === Qt.Key_Escape) {
                    root.closeRequested()
                    event.accepted = true
                }
            }
        }
        Text {
            objectName: "searchStatus"
            text: root.status
            textFormat: Text.PlainText
            color: root.count === 0 ? Theme.secondaryText : Theme.text
            font.pixelSize: Theme.smallFontSize
            Accessible.role: Accessible.StaticText
            Accessible.name: text
        }
        IconButton {
            objectName: "searchNewer"
            text: "\u2193"
            toolTip: qsTr("Newer match (Shift+Enter)")
            enabled: root.count > 0
            onClicked: root.previousRequested()
        }
        IconButton {
            objectName: "searchOlder"
            text: "\u2191"
            toolTip: qsTr("Older match (Enter)")
            enabled: root.count > 0
            onClicked: root.nextRequested()
        }
        IconButton {
            objectName: "searchClose"
            text: "\u2715"
            toolTip: qsTr("Close search (Esc)")
            onClicked: root.closeRequested()
        }
    }
}
