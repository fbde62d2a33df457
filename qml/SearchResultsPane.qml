// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import "Format.js" as Format

// Ctrl+Shift+F: search every conversation. Each result says who, where and when, with
// a snippet whose hit is highlighted; arrows move, Enter opens it. The owner runs the
// search on `query` (SearchResultsModel) and says what is missing: the server's results
// (serverProblem) and the index still being built (indexed of indexTotal). Scrolled to
// the end of the list while the server has more (hasMore), it asks for them (moreWanted).
Popup {
    id: root

    property var model                      // rows: messageId, conversationId, conversationTitle,
                                            // senderName, timestamp, seq, snippet (RichText)
    readonly property alias query: field.text
    property bool searching: false          // the server's answer is still to come
    property bool serverIncluded: false
    property string serverProblem
    property string error
    property bool indexing: false
    property real indexed: 0
    property real indexTotal: 0
    property bool hasMore: false            // the server has more hits, none on the way

    signal queryEdited(string text)
    signal moreWanted()
    signal resultChosen(string conversationId, string messageId, var seq)

    modal: true
    focus: true
    closePolicy: Popup.CloseOnEscape | Popup.CloseOnPressOutside
    x: (parent ? (parent.width - width) / 2 : 0)
    y: parent ? parent.height * 0.1 : 0
    width: Math.min(parent ? parent.width - Theme.padding * 2 : 500, Theme.fontSize * 40)
    padding: Theme.unit
    height: Math.min(layout.implicitHeight + padding * 2, parent ? parent.height * 0.8 : 500)

    Accessible.role: Accessible.Dialog
    Accessible.name: qsTr("Search all conversations")

    // The owner may drop the results while closed: the kept query asks again.
    onOpened: {
        field.forceActiveFocus()
        field.selectAll()
        list.currentIndex = 0
        if (query.length > 0)
            root.queryEdited(query)
    }

    // Shows and searches `text`, as if typed.
    function search(text) {
        field.text = text
        list.currentIndex = 0
        root.queryEdited(text)
    }
    // The end of the list is in sight and the server has more: ask for them.
    function askMoreAtTheEnd() {
        if (hasMore && list.count > 0 && list.atYEnd)
            root.moreWanted()
    }
    onHasMoreChanged: askMoreAtTheEnd()

    function choose(index) {
        if (index < 0 || index >= list.count)
            return
        const item = list.itemAtIndex(index)
        if (!item)
            return
        root.resultChosen(item.conversationIdValue, item.messageIdValue, item.seqValue)
        root.close()
    }

    // What the list cannot show yet, or at all.
    readonly property string statusText: {
        if (error.length > 0)
            return error
        let parts = []
        if (indexing)
            parts.push(qsTr("Indexing older messages: %1 of %2").arg(indexed).arg(indexTotal))
        if (query.trim().length > 0) {
            if (searching)
                parts.push(qsTr("Searching the server…"))
            else if (!serverIncluded)
                parts.push(serverProblem.length > 0 ? qsTr("Server results are missing: %1").arg(serverProblem)
                                                    : qsTr("Server results are missing."))
        }
        return parts.join(" · ")
    }

    background: Rectangle {
        color: Theme.surface
        border.color: Theme.border
        radius: Theme.radius
    }

    ColumnLayout {
        id: layout
        anchors.fill: parent
        spacing: Theme.unit

        TextField {
            id: field
            objectName: "globalSearchField"
            Layout.fillWidth: true
            placeholderText: qsTr("Search messages (from: in: before: after:)")
            font.pixelSize: Theme.fontSize
            color: Theme.text
            placeholderTextColor: Theme.secondaryText
            Accessible.role: Accessible.EditableText
            Accessible.name: qsTr("Search messages")
            onTextEdited: { list.currentIndex = 0; root.queryEdited(text) }
            Keys.onDownPressed: list.incrementCurrentIndex()
            Keys.onUpPressed: list.decrementCurrentIndex()
            Keys.onReturnPressed: root.choose(list.currentIndex)
            Keys.onEnterPressed: root.choose(list.currentIndex)
        }

        Text {
            objectName: "globalSearchStatus"
            Layout.fillWidth: true
            visible: text.length > 0
            text: root.statusText
            textFormat: Text.PlainText
            wrapMode: Text.Wrap
            color: root.error.length > 0 ? Theme.danger : Theme.secondaryText
            font.pixelSize: Theme.smallFontSize
            Accessible.role: Accessible.StaticText
            Accessible.name: text
        }

        ListView {
            id: list
            objectName: "globalSearchList"
            Layout.fillWidth: true
            Layout.preferredHeight: Math.min(contentHeight, Theme.rowHeight * 8)
            clip: true
            model: root.model
            keyNavigationWraps: true
            highlightMoveDuration: 0
            Accessible.role: Accessible.List
            Accessible.name: qsTr("Messages found")
            ScrollBar.vertical: ScrollBar { }
            // New results (the model is reset) start at the first again.
            onCountChanged: if (currentIndex < 0 && count > 0) currentIndex = 0
            onAtYEndChanged: root.askMoreAtTheEnd()

            delegate: ItemDelegate {
                id: row
                required property int index
                required property string messageId
                required property string conversationId
                required property string conversationTitle
                required property string senderName
                required property var timestamp
                required property var seq
                required property string snippet
                readonly property string conversationIdValue: conversationId
                readonly property string messageIdValue: messageId
                readonly property var seqValue: seq
                width: ListView.view.width
                highlighted: ListView.isCurrentItem
                background: Rectangle {
                    color: row.highlighted ? Theme.selection : row.hovered ? Theme.hover : "transparent"
                    radius: Theme.radius
                }
                Accessible.role: Accessible.ListItem
                Accessible.name: qsTr("%1 in %2: %3").arg(senderName).arg(conversationTitle).arg(snippetText.text)
                onClicked: root.choose(index)

                contentItem: ColumnLayout {
                    spacing: 2
                    RowLayout {
                        Layout.fillWidth: true
                        Text {
                            Layout.fillWidth: true
                            text: qsTr("%1 in %2").arg(row.senderName).arg(row.conversationTitle)
                            textFormat: Text.PlainText
                            elide: Text.ElideRight
                            color: Theme.text
                            font.pixelSize: Theme.smallFontSize
                            font.bold: true
                        }
                        Text {
                            text: Format.shortStamp(row.timestamp, new Date())
                            textFormat: Text.PlainText
                            color: Theme.secondaryText
                            font.pixelSize: Theme.smallFontSize
                        }
                    }
                    Text {
                        id: snippetText
                        objectName: "snippet"
                        Layout.fillWidth: true
                        text: row.snippet
                        textFormat: Text.RichText
                        elide: Text.ElideRight
                        maximumLineCount: 2
                        wrapMode: Text.Wrap
                        color: Theme.text
                        font.pixelSize: Theme.fontSize
                    }
                }
            }
        }

        Text {
            visible: list.count === 0 && root.query.trim().length > 0 && root.error.length === 0
            text: qsTr("No messages found.")
            color: Theme.secondaryText
            font.pixelSize: Theme.smallFontSize
            Layout.margins: Theme.unit
        }
    }
}
