// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtTest
import RingChat

// Switching conversations swaps the view's model: every row on screen must come
// from the new one (pooled delegates once kept an old conversation's rows).
Item {
    id: scene
    width: 700; height: 500

    ListModel {
        id: first
        ListElement { seq: 1; text: "first one"; senderName: "Bob"; isOwn: false; daySeparator: "Today"; groupedWithPrevious: false; messageType: "text" }
        ListElement { seq: 2; text: "first two"; senderName: "Alice"; isOwn: true; daySeparator: ""; groupedWithPrevious: false; messageType: "text" }
        ListElement { seq: 3; text: "first three"; senderName: "Alice"; isOwn: true; daySeparator: ""; groupedWithPrevious: true; messageType: "text" }
    }
    ListModel {
        id: second
        ListElement { seq: 1; text: "second one"; senderName: "Carol"; isOwn: false; daySeparator: "Today"; groupedWithPrevious: false; messageType: "text" }
        ListElement { seq: 2; text: "second two"; senderName: "Carol"; isOwn: false; daySeparator: ""; groupedWithPrevious: true; messageType: "text" }
    }

    ConversationView {
        id: view
        anchors.fill: parent
        title: "Test"
        messages: first
    }

    TestCase {
        name: "ConversationView"
        when: windowShown

        function shownTexts() {
            const out = []
            const items = view.list.contentItem.children
            for (let i = 0; i < items.length; ++i) {
                const item = items[i]
                if (item.visible && item.content !== undefined && item.y + item.height > view.list.contentY
                        && item.y < view.list.contentY + view.list.height)
                    out.push(item.content)
            }
            return out.sort()
        }

        function init() {
            view.messages = first
            second.clear()
            second.append({ seq: 1, text: "second one", senderName: "Carol", isOwn: false, daySeparator: "Today", groupedWithPrevious: false, messageType: "text" })
            second.append({ seq: 2, text: "second two", senderName: "Carol", isOwn: false, daySeparator: "", groupedWithPrevious: true, messageType: "text" })
        }

        function test_switchingModelsShowsOnlyTheNewRows() {
            tryVerify(() => shownTexts().length === 3)
            compare(shownTexts(), ["first one", "first three", "first two"])
            view.messages = second
            tryVerify(() => shownTexts().length === 2)
            compare(shownTexts(), ["second one", "second two"])
            view.messages = first
            tryVerify(() => shownTexts().length === 3)
            compare(shownTexts(), ["first one", "first three", "first two"])
        }

        // The app's case: the conversation is opened with only its newest message
        // held, and the page from the cache replaces the rows a moment later.
        function test_rowsReplacedAfterTheSwitch() {
            tryVerify(() => shownTexts().length === 3)
            second.clear()
            second.append({ seq: 2, text: "second two", senderName: "Carol", isOwn: false, daySeparator: "Today", groupedWithPrevious: false, messageType: "text" })
            view.messages = second
            tryVerify(() => shownTexts().length === 1)
            second.clear()
            second.append({ seq: 1, text: "second one", senderName: "Carol", isOwn: false, daySeparator: "Today", groupedWithPrevious: false, messageType: "text" })
            second.append({ seq: 2, text: "second two", senderName: "Carol", isOwn: false, daySeparator: "", groupedWithPrevious: true, messageType: "text" })
            tryVerify(() => shownTexts().length === 2)
            compare(shownTexts(), ["second one", "second two"])
        }
    }
}
