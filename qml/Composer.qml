// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import QtQuick.Dialogs

// The message field. Enter sends, Shift+Enter starts a new line. It shows the
// owner's draft of the open conversation (`draft`) and hands back each edit
// (draftEdited), tells the owner when the user types (typing events) and shows
// the length limit as the text nears it. While replying it shows the
// quote bar above the field (Esc cancels the reply); Up in the empty field asks
// to edit our last message. With a spell checker (`spellCheck`) misspelt words are
// underlined; right-click one, or press the Menu key or Shift+F10 on it, for
// suggestions (SpellMenu). Files (`files`, a PendingAttachments) come from the
// attach button's picker or Ctrl+V (copied files, or an image); the strip above the
// field lists them, and with files the text may be empty.
FocusScope {
    id: root

    // A MentionCompleter (CurrentConversation.mentions): typing "@" in a group opens it.
    property var mentions: null
    property string conversationId
    property int maxLength: 10000
    // The counter appears from this many characters on.
    property int warnAt: maxLength - 500
    property string placeholderText: replying ? qsTr("Write a reply…") : qsTr("Write a message…")
    property bool replying: false
    property string replySenderName
    property string replySnippet
    property QtObject spellCheck: null  // the SpellCheck singleton; null: no spell checking
    property var files: null            // PendingAttachments of this conversation; null: no files
    readonly property int fileCount: files ? files.count : 0
    readonly property bool filesOk: !files || files.problem.length === 0

    readonly property alias text: area.text
    readonly property int length: area.length
    readonly property bool overLimit: area.length > maxLength
    readonly property bool canSend: (area.text.trim().length > 0 || fileCount > 0) && !overLimit && filesOk
    readonly property bool counterVisible: area.length >= warnAt

    // The open conversation's unsent text, as the owner keeps it: the field shows it
    // whenever it changes (another conversation opened, or its draft came back).
    property string draft

    signal sendRequested(string text)
    signal draftEdited(string text) // each edit by the user
    signal typing()            // each edit by the user
    signal stoppedTyping()     // sent, cleared, or left the conversation
    signal replyCancelled()
    signal editLastRequested() // Up in the empty field

    // What sits above the field: the quote bar and the strip of files.
    readonly property real topHeight: (replyBar.visible ? replyBar.implicitHeight + Theme.unit / 2 : 0)
                                      + (strip.visible ? strip.implicitHeight + Theme.unit / 2 : 0)
    implicitHeight: topHeight + frame.implicitHeight
    implicitWidth: 300

    function send() {
        if (!canSend)
            return false
        const message = area.text.trim()
        loading = true
        area.clear()
        loading = false
        stoppedTyping()
        sendRequested(message)
        return true
    }
    // The field itself (the scope alone may keep the focus on itself).
    function focusInput() { area.forceActiveFocus() }
    function chooseFiles() { fileDialog.open() }

    FileDialog {
        id: fileDialog
        objectName: "fileDialog"
        title: qsTr("Attach files")
        fileMode: FileDialog.OpenFiles
        onAccepted: {
            if (root.files)
                root.files.addUrls(selectedFiles)
            area.forceActiveFocus()
        }
    }

    // True while we change the text ourselves (not a user edit).
    property bool loading: false

    onDraftChanged: {
        if (area.text === draft)
            return
        loading = true
        area.text = draft
        area.cursorPosition = area.length
        loading = false
    }
    // Leaving a conversation with text in the field ends our typing state there.
    onConversationIdChanged: if (area.text.length > 0) stoppedTyping()

    SpellMenu {
        id: spellMenu
        objectName: "spellMenu"
        field: area
        spellCheck: root.spellCheck
    }

    ReplyBar {
        id: replyBar
        objectName: "replyBar"
        visible: root.replying
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.top: parent.top
        senderName: root.replySenderName
        snippet: root.replySnippet
        onCancelled: {
            root.replyCancelled()
            area.forceActiveFocus()
        }
    }

    PendingAttachmentStrip {
        id: strip
        objectName: "attachmentStrip"
        anchors.left: parent.left
        anchors.right: parent.right
        y: replyBar.visible ? replyBar.implicitHeight + Theme.unit / 2 : 0
        files: root.files
    }

    Rectangle {
        id: frame
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.bottom: parent.bottom
        height: parent.height - root.topHeight
        implicitHeight: Math.min(layout.implicitHeight, Theme.fontSize * 14) + Theme.unit * 2
        color: Theme.surface
        border.color: area.activeFocus ? Theme.focusRing : Theme.controlBorder
        border.width: area.activeFocus ? 2 : 1
        radius: Theme.radius

        RowLayout {
            id: layout
            anchors.fill: parent
            anchors.margins: Theme.unit
            spacing: Theme.unit

            IconButton {
                objectName: "attachButton"
                visible: root.files !== null
                Layout.alignment: Qt.AlignBottom
                text: "\u{1F4CE}"
                font.pixelSize: Theme.fontSize
                toolTip: qsTr("Attach files")
                focusPolicy: Qt.TabFocus
                onClicked: root.chooseFiles()
            }

            ScrollView {
                Layout.fillWidth: true
                Layout.fillHeight: true
                Layout.preferredHeight: area.implicitHeight
                // The "@" list above the input (MentionPopup.qml).
                MentionPopup {
                    id: mentionPopup
                    objectName: "mentionPopup"
                    completer: root.mentions
                    input: area
                }
                TextArea {
                    id: area
                    objectName: "composerInput"
                    focus: true
                    wrapMode: TextEdit.Wrap
                    textFormat: TextEdit.PlainText
                    placeholderText: root.placeholderText
                    placeholderTextColor: Theme.secondaryText
                    color: Theme.text
                    selectByMouse: true
                    font.pixelSize: Theme.fontSize
                    background: null
                    Accessible.role: Accessible.EditableText
                    Accessible.name: qsTr("Message")
                    Accessible.description: root.counterVisible ? counter.text : ""

                    onCursorPositionChanged: if (root.mentions) root.mentions.update(text, cursorPosition)
                    onTextChanged: {
                        if (root.mentions)
                            root.mentions.update(text, cursorPosition)
                        if (root.loading)
                            return
                        root.draftEdited(text)
                        if (text.length > 0)
                            root.typing()
                        else
                            root.stoppedTyping()
                    }
                    TapHandler {
                        acceptedButtons: Qt.RightButton
                        onTapped: (eventPoint) => spellMenu.openAt(
                                      area.positionAt(eventPoint.position.x, eventPoint.position.y), eventPoint.position)
                    }
                    Keys.onPressed: (event) => {
                        if (mentionPopup.handleKey(event))
                            return
                        if ((event.key === Qt.Key_Menu || (event.key === Qt.Key_F10 && (event.modifiers & Qt.ShiftModifier)))
                                && spellMenu.openAt(area.cursorPosition)) {
                            event.accepted = true
                            return
                        }
                        // Copied files or an image join the message; text pastes as text.
                        if (event.matches(StandardKey.Paste) && root.files && root.files.paste()) {
                            event.accepted = true
                            return
                        }
                        if (event.key === Qt.Key_Escape && root.replying) {
                            root.replyCancelled()
                            event.accepted = true
                            return
                        }
                        if (event.key === Qt.Key_Up && area.length === 0
                                && !(event.modifiers & (Qt.ShiftModifier | Qt.ControlModifier | Qt.AltModifier))) {
                            root.editLastRequested()
                            event.accepted = true
                            return
                        }
                        if (event.key !== Qt.Key_Return && event.key !== Qt.Key_Enter)
                            return
                        if (event.modifiers & Qt.ShiftModifier) {
                            area.insert(area.cursorPosition, "\n")
                        } else {
                            root.send()
                        }
                        event.accepted = true
                    }
                }
            }

            Text {
                id: counter
                objectName: "counter"
                visible: root.counterVisible
                Layout.alignment: Qt.AlignBottom
                text: qsTr("%1 / %2").arg(area.length).arg(root.maxLength)
                color: root.overLimit ? Theme.danger : Theme.secondaryText
                font.pixelSize: Theme.smallFontSize
                font.bold: root.overLimit
                Accessible.role: Accessible.StaticText
                Accessible.name: root.overLimit ? qsTr("%1 characters over the limit").arg(area.length - root.maxLength)
                                                : qsTr("%1 characters left").arg(root.maxLength - area.length)
            }

            PrimaryButton {
                id: sendButton
                objectName: "sendButton"
                Layout.alignment: Qt.AlignBottom
                text: qsTr("Send")
                enabled: root.canSend
                focusPolicy: Qt.TabFocus
                Accessible.role: Accessible.Button
                Accessible.name: qsTr("Send message")
                onClicked: root.send()
            }
        }
    }
}
