// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtTest
import RingChat

// The Ctrl+F bar: typing asks for a search, the count reads "3 of 17" / "No results",
// Enter and Shift+Enter (and the buttons) step, Esc closes. The search is stood in for
// by a list of 17 hits for "re" (ConversationSearch does it in the app), and a bubble
// shows the highlighted text it is given.
Item {
    id: scene
    width: 600; height: 400

    // Stands in for ConversationSearch: "re" hits 17 messages, anything else none.
    QtObject {
        id: fake
        property int count: 0
        property int current: 0
        function search(text) { count = text === "re" ? 17 : 0; current = count > 0 ? 1 : 0 }
        function next() { if (count > 0) current = current % count + 1 }
        function previous() { if (count > 0) current = current <= 1 ? count : current - 1 }
    }

    SearchBar {
        id: bar
        width: parent.width
        count: fake.count
        current: fake.current
        onQueryEdited: (text) => fake.search(text)
        onNextRequested: fake.next()
        onPreviousRequested: fake.previous()
    }
    SignalSpy { id: closeSpy; target: bar; signalName: "closeRequested" }

    MessageBubble {
        id: bubble
        y: 100
        width: parent.width
        content: "<b>re</b>ady"
        senderName: "Bob"
        timestamp: new Date()
    }

    TestCase {
        name: "SearchBar"
        when: windowShown

        function status() { return findChild(bar, "searchStatus").text }

        function init() {
            closeSpy.clear()
            bar.query = ""
            fake.search("")
            bar.open()
        }

        function test_typingCountsAndSteps() {
            compare(status(), "")
            keyClick(Qt.Key_R); keyClick(Qt.Key_E)
            compare(bar.query, "re")
            compare(status(), "1 of 17")
            keyClick(Qt.Key_Return)
            keyClick(Qt.Key_Return)
            compare(status(), "3 of 17")
            keyClick(Qt.Key_Return, Qt.ShiftModifier)
            compare(status(), "2 of 17")
            keyClick(Qt.Key_Enter, Qt.ShiftModifier)
            keyClick(Qt.Key_Enter, Qt.ShiftModifier)
            compare(status(), "17 of 17")
        }
        function test_buttonsStep() {
            keyClick(Qt.Key_R); keyClick(Qt.Key_E)
            const older = findChild(bar, "searchOlder")
            const newer = findChild(bar, "searchNewer")
            verify(older.enabled && newer.enabled)
            mouseClick(older)
            compare(status(), "2 of 17")
            mouseClick(newer)
            mouseClick(newer)
            compare(status(), "17 of 17")
        }
        function test_noResults() {
            keyClick(Qt.Key_Z); keyClick(Qt.Key_Z)
            compare(status(), "No results")
            verify(!findChild(bar, "searchOlder").enabled)
            keyClick(Qt.Key_Return)
            compare(status(), "No results")
        }
        function test_busyShowsNoStaleCount() {
            keyClick(Qt.Key_R); keyClick(Qt.Key_E)
            bar.busy = true
            compare(status(), "")
            bar.busy = false
            compare(status(), "1 of 17")
        }
        function test_escapeCloses() {
            keyClick(Qt.Key_Escape)
            compare(closeSpy.count, 1)
            mouseClick(findChild(bar, "searchClose"))
            compare(closeSpy.count, 2)
        }
        function test_bubbleShowsTheHighlight() {
            const body = findChild(bubble, "body")
            compare(body.textFormat, Text.PlainText)
            compare(body.text, "<b>re</b>ady")
            bubble.highlightedText = "&lt;b&gt;<span style=\"background-color:#ffd84d\">re</span>&lt;/b&gt;ady"
            compare(body.textFormat, Text.RichText)
            compare(body.text, bubble.highlightedText)
            bubble.highlightedText = ""
            compare(body.textFormat, Text.PlainText)
        }
    }
}
