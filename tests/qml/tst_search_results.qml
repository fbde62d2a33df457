// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtTest
import RingChat

// Ctrl+Shift+F's results: typing asks for a search, the arrows move, Enter (or a click)
// opens a result, Esc closes; it says when the server's results are missing and how far
// the index is; scrolled to its end while the server has more, it asks for them. The rows
// are a ListModel here (SearchResultsModel in the app).
Item {
    id: scene
    width: 700; height: 600

    ListModel {
        id: results
        ListElement { messageId: "m3"; conversationId: "dm-bob"; conversationTitle: "Bob"; senderName: "Bob"
                      timestamp: 0; seq: 30; snippet: "the <span style=\"background-color:#ffd84d\">release</span>" }
        ListElement { messageId: "m2"; conversationId: "group"; conversationTitle: "Ring team"; senderName: "Carol"
                      timestamp: 0; seq: 20; snippet: "<span style=\"background-color:#ffd84d\">release</span> notes" }
        ListElement { messageId: "m1"; conversationId: "dm-bob"; conversationTitle: "Bob"; senderName: "Alice"
                      timestamp: 0; seq: 10; snippet: "a <span style=\"background-color:#ffd84d\">rel</span>ay" }
    }

    ListModel { id: many } // 40 rows, filled by the test

    SearchResultsPane {
        id: pane
        model: results
    }
    SignalSpy { id: chosenSpy; target: pane; signalName: "resultChosen" }
    SignalSpy { id: editedSpy; target: pane; signalName: "queryEdited" }
    SignalSpy { id: moreSpy; target: pane; signalName: "moreWanted" }

    TestCase {
        name: "SearchResultsPane"
        when: windowShown

        function status() { return findChild(pane, "globalSearchStatus").text }

        function init() {
            pane.search("")
            chosenSpy.clear()
            editedSpy.clear()
            pane.serverIncluded = true
            pane.serverProblem = ""
            pane.searching = false
            pane.indexing = false
            pane.error = ""
            pane.hasMore = false
            pane.model = results
            moreSpy.clear()
            pane.open()
            tryCompare(pane, "opened", true)
        }
        function cleanup() { pane.close() }

        function test_typingAsks() {
            keyClick(Qt.Key_R); keyClick(Qt.Key_E)
            compare(pane.query, "re")
            compare(editedSpy.count, 2)
            compare(editedSpy.signalArguments[1][0], "re")
        }
        function test_arrowsAndEnterOpen() {
            keyClick(Qt.Key_R)
            keyClick(Qt.Key_Down)
            keyClick(Qt.Key_Return)
            compare(chosenSpy.count, 1)
            compare(chosenSpy.signalArguments[0][0], "group")
            compare(chosenSpy.signalArguments[0][1], "m2")
            compare(chosenSpy.signalArguments[0][2], 20)
            tryCompare(pane, "opened", false)
        }
        function test_upWrapsToTheLast() {
            keyClick(Qt.Key_R)
            keyClick(Qt.Key_Up)
            keyClick(Qt.Key_Enter)
            compare(chosenSpy.count, 1)
            compare(chosenSpy.signalArguments[0][1], "m1")
        }
        function test_clickOpens() {
            const list = findChild(pane, "globalSearchList")
            waitForRendering(list)
            const row = list.itemAtIndex(2)
            verify(row)
            mouseClick(row)
            compare(chosenSpy.count, 1)
            compare(chosenSpy.signalArguments[0][1], "m1")
        }
        function test_snippetIsRichTextWithTheHit() {
            const list = findChild(pane, "globalSearchList")
            const snippet = findChild(list.itemAtIndex(0), "snippet")
            compare(snippet.textFormat, Text.RichText)
            verify(snippet.text.indexOf("background-color") > 0)
        }
        function test_saysWhatIsMissing() {
            keyClick(Qt.Key_R)
            pane.searching = true
            pane.serverIncluded = false
            compare(status(), "Searching the server…")
            pane.searching = false
            pane.serverProblem = "offline"
            compare(status(), "Server results are missing: offline")
            pane.indexing = true
            pane.indexed = 200
            pane.indexTotal = 1000
            verify(status().indexOf("Indexing older messages: 200 of 1000") === 0)
            pane.error = "No one is called zed"
            compare(status(), "No one is called zed")
        }
        function test_reopeningAsksAgain() {
            keyClick(Qt.Key_R); keyClick(Qt.Key_E)
            pane.close()
            tryCompare(pane, "opened", false)
            editedSpy.clear()
            pane.open()
            tryCompare(pane, "opened", true)
            compare(editedSpy.count, 1)
            compare(editedSpy.signalArguments[0][0], "re")
        }
        function test_scrollingToTheEndAsksForMore() {
            many.clear()
            for (let i = 0; i < 40; ++i)
                many.append({ messageId: "p" + i, conversationId: "group", conversationTitle: "Ring team",
                              senderName: "Carol", timestamp: 0, seq: 100 - i, snippet: "hit " + i })
            pane.model = many
            pane.hasMore = true
            const list = findChild(pane, "globalSearchList")
            tryCompare(list, "count", 40)
            waitForRendering(list)
            compare(moreSpy.count, 0) // the end is not in sight
            // Scrolled by the wheel until the end shows: more is asked.
            for (let i = 0; i < 200 && !list.atYEnd; ++i) {
                mouseWheel(list, list.width / 2, list.height / 2, 0, -120)
                wait(5)
            }
            verify(list.atYEnd)
            tryCompare(moreSpy, "count", 1)
            // Back up and down again without more: nothing is asked.
            pane.hasMore = false
            list.positionViewAtBeginning()
            list.positionViewAtEnd()
            verify(list.atYEnd)
            compare(moreSpy.count, 1)
        }
        function test_aShortListAsksAtOnce() {
            // All three rows show, so the end is in sight when the server says it has more.
            const list = findChild(pane, "globalSearchList")
            waitForRendering(list)
            verify(list.atYEnd)
            compare(moreSpy.count, 0)
            pane.hasMore = true
            compare(moreSpy.count, 1)
        }
        function test_escapeCloses() {
            keyClick(Qt.Key_Escape)
            tryCompare(pane, "opened", false)
            compare(chosenSpy.count, 0)
        }
    }
}
