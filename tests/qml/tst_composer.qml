// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtTest
import RingChat

Item {
    id: scene
    width: 600; height: 300

    TestCase {
        id: testCase
        name: "Composer"
        when: windowShown

        Component { id: composerComponent; Composer { width: 500; conversationId: "c1" } }
        SignalSpy { id: sendSpy; signalName: "sendRequested" }
        SignalSpy { id: typingSpy; signalName: "typing" }
        SignalSpy { id: stopSpy; signalName: "stoppedTyping" }

        function make() {
            const c = createTemporaryObject(composerComponent, scene)
            verify(c)
            for (const spy of [sendSpy, typingSpy, stopSpy]) { spy.target = c; spy.clear() }
            const input = findChild(c, "composerInput")
            input.forceActiveFocus()
            verify(input.activeFocus)
            return c
        }

        function test_enterSends() {
            const c = make()
            keyClick(Qt.Key_H); keyClick(Qt.Key_I)
            compare(c.text, "hi")
            keyClick(Qt.Key_Return)
            compare(sendSpy.count, 1)
            compare(sendSpy.signalArguments[0][0], "hi")
            compare(c.text, "")
        }
        function test_shiftEnterAddsNewLine() {
            const c = make()
            keyClick(Qt.Key_A)
            keyClick(Qt.Key_Return, Qt.ShiftModifier)
            keyClick(Qt.Key_B)
            compare(sendSpy.count, 0)
            compare(c.text, "a\nb")
            keyClick(Qt.Key_Enter)    // the keypad Enter sends too
            compare(sendSpy.count, 1)
            compare(sendSpy.signalArguments[0][0], "a\nb")
        }
        function test_emptyOrBlankDoesNotSend() {
            const c = make()
            keyClick(Qt.Key_Return)
            keyClick(Qt.Key_Space); keyClick(Qt.Key_Space)
            keyClick(Qt.Key_Return)
            compare(sendSpy.count, 0)
            verify(!findChild(c, "sendButton").enabled)
        }
        function test_sendButton() {
            const c = make()
            keyClick(Qt.Key_X)
            const button = findChild(c, "sendButton")
            verify(button.enabled)
            mouseClick(button)
            compare(sendSpy.count, 1)
            compare(sendSpy.signalArguments[0][0], "x")
        }
        function test_typingEvents() {
            const c = make()
            keyClick(Qt.Key_A)
            compare(typingSpy.count, 1)
            keyClick(Qt.Key_B)
            compare(typingSpy.count, 2)
            compare(stopSpy.count, 0)
            keyClick(Qt.Key_Backspace); keyClick(Qt.Key_Backspace)
            compare(stopSpy.count, 1)          // cleared: stopped typing
            keyClick(Qt.Key_C)
            keyClick(Qt.Key_Return)
            verify(stopSpy.count >= 2)         // sending ends the typing state
            compare(sendSpy.count, 1)
        }
        // The owner keeps the drafts (CurrentConversation): each edit goes out, and
        // the field shows whatever draft the owner hands it.
        SignalSpy { id: draftSpy; signalName: "draftEdited" }
        function test_draftGoesOutAndComesBack() {
            const c = make()
            draftSpy.target = c; draftSpy.clear()
            keyClick(Qt.Key_A); keyClick(Qt.Key_B)
            compare(draftSpy.count, 2)
            compare(draftSpy.signalArguments[1][0], "ab")
            // Another conversation opens with its own draft.
            c.conversationId = "c2"
            compare(stopSpy.count, 1)          // leaving with text stops the typing state
            const typed = typingSpy.count
            c.draft = "their draft"
            compare(c.text, "their draft")
            compare(typingSpy.count, typed)    // restoring a draft is not typing...
            compare(draftSpy.count, 2)         // ...nor an edit
            compare(findChild(c, "composerInput").cursorPosition, "their draft".length)
            c.draft = ""
            compare(c.text, "")
        }
        function test_limitCounter() {
            const c = make()
            const counter = findChild(c, "counter")
            verify(!counter.visible)
            c.draft = "x".repeat(9499)
            verify(!counter.visible)
            keyClick(Qt.Key_Y)
            verify(counter.visible)
            compare(counter.text, "9500 / 10000")
            compare(counter.Accessible.name, "500 characters left")
            c.draft = "x".repeat(10000)
            verify(findChild(c, "sendButton").enabled)
            keyClick(Qt.Key_Z)
            verify(c.overLimit)
            verify(!findChild(c, "sendButton").enabled)
            compare(counter.Accessible.name, "1 characters over the limit")
            keyClick(Qt.Key_Return)
            compare(sendSpy.count, 0)          // over the limit nothing is sent
            keyClick(Qt.Key_Backspace)
            keyClick(Qt.Key_Return)
            compare(sendSpy.count, 1)
            compare(sendSpy.signalArguments[0][0].length, 10000)
        }
        function test_accessible() {
            const c = make()
            const input = findChild(c, "composerInput")
            compare(input.Accessible.name, "Message")
            compare(input.Accessible.role, Accessible.EditableText)
            compare(findChild(c, "sendButton").Accessible.role, Accessible.Button)
        }

        // Replying: the quote bar says to whom, Esc or its button cancels.
        SignalSpy { id: replyCancelSpy; signalName: "replyCancelled" }
        SignalSpy { id: editLastSpy; signalName: "editLastRequested" }
        function test_replyBarAndEsc() {
            const c = make()
            replyCancelSpy.target = c; replyCancelSpy.clear()
            const bar = findChild(c, "replyBar")
            verify(!bar.visible)
            const before = c.implicitHeight
            c.replySenderName = "Bob"
            c.replySnippet = "Can you check the build?"
            c.replying = true
            verify(bar.visible)
            verify(c.implicitHeight > before)
            compare(findChild(bar, "replyBarSender").text, "Replying to Bob")
            compare(findChild(bar, "replyBarSnippet").text, "Can you check the build?")
            compare(bar.Accessible.name, "Replying to Bob: Can you check the build?")
            keyClick(Qt.Key_Escape)
            compare(replyCancelSpy.count, 1)
            mouseClick(findChild(bar, "cancelReply"))
            compare(replyCancelSpy.count, 2)
            verify(findChild(c, "composerInput").activeFocus)
            // Not replying: Esc is left to others.
            c.replying = false
            keyClick(Qt.Key_Escape)
            compare(replyCancelSpy.count, 2)
        }
        function test_upInEmptyComposerEditsLast() {
            const c = make()
            editLastSpy.target = c; editLastSpy.clear()
            keyClick(Qt.Key_Up)
            compare(editLastSpy.count, 1)
            keyClick(Qt.Key_A)
            keyClick(Qt.Key_Up)               // a draft: Up moves the cursor, nothing else
            compare(editLastSpy.count, 1)
        }
    }
}
