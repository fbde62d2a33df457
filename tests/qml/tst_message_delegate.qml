// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtTest
import RingChat

Item {
    id: scene
    width: 600; height: 400

    TestCase {
        id: testCase
        name: "MessageBubble"
        when: windowShown

        Component { id: bubbleComponent; MessageBubble { width: 560 } }
        SignalSpy { id: retrySpy; signalName: "retryRequested" }
        SignalSpy { id: discardSpy; signalName: "discardRequested" }
        SignalSpy { id: linkSpy; signalName: "linkOpened" }
        SignalSpy { id: quoteSpy; signalName: "quoteActivated" }
        SignalSpy { id: toggleSpy; signalName: "reactionToggled" }
        SignalSpy { id: menuSpy; signalName: "menuRequested" }
        SignalSpy { id: savedSpy; signalName: "editSaved" }
        SignalSpy { id: cancelledSpy; signalName: "editCancelled" }

        readonly property var stamp: new Date(2026, 10, 27, 10, 42, 0)

        function make(props) {
            const base = { content: "Hello", senderName: "Bob", timestamp: stamp }
            const b = createTemporaryObject(bubbleComponent, scene, Object.assign(base, props))
            verify(b)
            return b
        }

        function test_deliveryStates_data() {
            return [
                { tag: "sending", state: "sending", glyph: "\u25F7", said: "sending" },
                { tag: "sent", state: "sent", glyph: "\u2713", said: "sent" },
                { tag: "read", state: "read", glyph: "\u2713\u2713", said: "read" },
                { tag: "failed", state: "failed", glyph: "\u26A0", said: "not sent" },
            ]
        }
        function test_deliveryStates(data) {
            const b = make({ own: true, delivery: data.state })
            const icon = findChild(b, "deliveryIcon")
            verify(icon.visible)
            compare(icon.text, data.glyph)
            compare(b.Accessible.name, "You, 10:42: Hello, " + data.said)
            compare(findChild(b, "failedActions").active, data.state === "failed")
        }
        function test_othersMessageHasNoDeliveryState() {
            const b = make({ own: false, delivery: "read" })
            verify(!findChild(b, "deliveryIcon").visible)
            compare(b.Accessible.name, "Bob, 10:42: Hello")
            compare(b.Accessible.role, Accessible.ListItem)
        }
        function test_failedRetryAndDiscard() {
            const b = make({ own: true, delivery: "failed" })
            retrySpy.target = b; retrySpy.clear()
            discardSpy.target = b; discardSpy.clear()
            mouseClick(findChild(b, "retryButton"))
            compare(retrySpy.count, 1)
            mouseClick(findChild(b, "discardButton"))
            compare(discardSpy.count, 1)
            // Without a mouse: focus the message, R retries, Delete discards.
            b.forceActiveFocus()
            keyClick(Qt.Key_R)
            compare(retrySpy.count, 2)
            keyClick(Qt.Key_Delete)
            compare(discardSpy.count, 2)
        }
        function test_readersInGroupsOnFocus() {
            const b = make({ own: true, delivery: "read", isGroup: true, readers: ["Bob", "Carol"] })
            const readers = findChild(b, "readers")
            verify(!readers.active)
            b.forceActiveFocus()
            verify(readers.active)
            compare(readers.item.text, "Read by Bob, Carol")
            compare(b.Accessible.name, "You, 10:42: Hello, read, Read by Bob, Carol")
        }
        function test_readersOnHover() {
            const b = make({ own: true, delivery: "read", isGroup: true, readers: ["Carol"] })
            const readers = findChild(b, "readers")
            verify(!readers.active)
            mouseMove(findChild(b, "bubble"))
            tryCompare(readers, "active", true)
        }
        function test_senderShownInGroupsOnlyAtGroupStart() {
            const b = make({ isGroup: true, showSender: true })
            verify(findChild(b, "sender").visible)
            b.showSender = false
            verify(!findChild(b, "sender").visible)
            const direct = make({ isGroup: false })
            verify(!findChild(direct, "sender").visible)
        }
        function test_htmlIsNeverInterpreted() {
            const b = make({ content: "<b>bold</b> <img src=x> &amp;" })
            const body = findChild(b, "body")
            compare(body.textFormat, Text.PlainText)
            compare(body.text, "<b>bold</b> <img src=x> &amp;")
        }
        function test_linksAreEscapedAndClickable() {
            const b = make({ content: "see <i>https://example.org/a?b=1&c=2</i> and javascript:alert(1)" })
            const body = findChild(b, "body")
            compare(body.textFormat, Text.StyledText)
            verify(body.text.indexOf("<i>") < 0)
            verify(body.text.indexOf("&lt;i&gt;") >= 0)
            verify(body.text.indexOf('<a href="https://example.org/a?b=1&amp;c=2&lt;/i&gt;"') < 0)
            verify(body.text.indexOf("javascript") >= 0)
            verify(body.text.indexOf('href="javascript') < 0)
            linkSpy.target = b; linkSpy.clear()
            body.linkActivated("https://example.org/a")
            compare(linkSpy.count, 1)
            body.linkActivated("file:///etc/passwd")
            body.linkActivated("javascript:alert(1)")
            compare(linkSpy.count, 1)
        }
        function test_daySeparator() {
            const b = make({ showDaySeparator: true, timestamp: new Date() })
            const sep = findChild(b, "daySeparator")
            verify(sep.active)
            compare(sep.item.label, "Today")
            compare(sep.item.Accessible.role, Accessible.Heading)
            const y = make({ showDaySeparator: true, timestamp: new Date(Date.now() - 86400000) })
            compare(findChild(y, "daySeparator").item.label, "Yesterday")
            const old = new Date(2025, 0, 15, 9, 30)
            const o = make({ showDaySeparator: true, timestamp: old })
            compare(findChild(o, "daySeparator").item.label, old.toLocaleDateString(Qt.locale(), Locale.LongFormat))
            const none = make({ showDaySeparator: false })
            verify(!findChild(none, "daySeparator").active)
        }
        function test_longMessageCollapsed() {
            const text = "word ".repeat(2000)      // 10000 characters
            const b = make({ content: text })
            verify(b.collapsed)
            const more = findChild(b, "showMore")
            verify(more.active)
            verify(findChild(b, "body").text.length < text.length)
            mouseClick(more.item)
            verify(!b.collapsed)
            compare(findChild(b, "body").text, text)
        }
        function test_systemMessage() {
            const b = make({ isSystem: true, content: "Carol joined" })
            compare(b.Accessible.name, "Carol joined")
            verify(!findChild(b, "bubble").visible)
        }

        // ---- Message actions (contract v2)

        function test_quoteShowsTheOriginalAndJumps() {
            const b = make({ content: "Yes", messageId: "m2", hasReply: true, replyToSeq: 7,
                             replySenderName: "Carol", replySnippet: "Lunch at 12:30?" })
            const quote = findChild(b, "quote")
            verify(quote.active)
            compare(findChild(quote.item, "quoteSender").text, "Carol")
            compare(findChild(quote.item, "quoteText").text, "Lunch at 12:30?")
            compare(quote.item.Accessible.name, "Reply to Carol: Lunch at 12:30?")
            compare(quote.item.Accessible.role, Accessible.Button)
            quoteSpy.target = b; quoteSpy.clear()
            mouseClick(quote.item)
            compare(quoteSpy.count, 1)
            compare(quoteSpy.signalArguments[0][0], 7)
            // From the keyboard too.
            quote.item.forceActiveFocus()
            keyClick(Qt.Key_Return)
            keyClick(Qt.Key_Space)
            compare(quoteSpy.count, 3)
            compare(b.Accessible.name, "Bob, 10:42: in reply to Carol, Yes")
            // No reply: no quote.
            verify(!findChild(make({}), "quote").active)
        }
        function test_quoteOfADeletedOriginal() {
            const b = make({ content: "Yes", hasReply: true, replyToSeq: 7, replySenderName: "Carol",
                             replySnippet: "", replyDeleted: true })
            const quote = findChild(b, "quote")
            compare(findChild(quote.item, "quoteText").text, "Original message deleted")
            verify(!findChild(quote.item, "quoteSender").visible)
            compare(quote.item.Accessible.name, "Reply to a deleted message")
        }
        function test_editedMarkTellsWhenInLocalTime() {
            const plain = make({})
            verify(!findChild(plain, "editedMark").active)
            const at = new Date(2026, 10, 27, 10, 50, 0)
            const b = make({ edited: true, editedAt: at })
            const mark = findChild(b, "editedMark")
            verify(mark.active)
            compare(mark.item.text, "edited")
            compare(mark.item.description, "Edited " + at.toLocaleString(Qt.locale(), Locale.ShortFormat))
            compare(mark.item.Accessible.name, mark.item.description)
            verify(!mark.item.showTime)
            mouseMove(mark.item)
            tryCompare(mark.item, "showTime", true)    // the tooltip, with the time
            compare(b.Accessible.name, "Bob, 10:42: Hello, edited")
            // An unknown time still says "edited".
            compare(findChild(make({ edited: true }), "editedMark").item.description, "Edited")
        }
        function test_tombstoneKeepsItsPlace() {
            const b = make({ content: "", isDeleted: true, messageId: "m1", hasReply: true, replySenderName: "Carol",
                             reactions: [{ emoji: "\u{1F44D}", count: 1, mine: true, names: ["Alice"] }],
                             edited: true })
            const tomb = findChild(b, "tombstone")
            verify(tomb.active)
            compare(tomb.item.text, "Message deleted")
            verify(!findChild(b, "body").visible)
            verify(!findChild(b, "quote").active)
            verify(!findChild(b, "reactions").active)
            verify(!findChild(b, "editedMark").active)
            b.forceActiveFocus()
            verify(!findChild(b, "menuButton").active)
            verify(b.height > 0)
            compare(b.Accessible.name, "Bob, 10:42: Message deleted")
            // No context menu on a tombstone.
            menuSpy.target = b; menuSpy.clear()
            b.forceActiveFocus()
            keyClick(Qt.Key_Menu)
            compare(menuSpy.count, 0)
            verify(!findChild(make({}), "tombstone").active)
        }
        function test_reactionChips() {
            const b = make({ messageId: "m1", reactions: [
                { emoji: "\u{1F44D}", count: 2, mine: true, names: ["Alice", "Bob"] },
                { emoji: "\u{1F389}", count: 1, mine: false, names: ["Carol"] }] })
            const loader = findChild(b, "reactions")
            verify(loader.active)
            const chips = []
            for (let i = 0; i < loader.item.children.length; ++i)
                if (loader.item.children[i].objectName === "reactionChip")
                    chips.push(loader.item.children[i])
            compare(chips.length, 2)
            compare(chips[0].contentItem.text, "\u{1F44D} 2")
            verify(chips[0].mine)
            verify(Qt.colorEqual(chips[0].contentItem.color, Theme.accent))   // ours stands out
            verify(!Qt.colorEqual(chips[1].contentItem.color, Theme.accent))
            tryCompare(Emojis, "ready", true) // the names come with the catalog, read on a worker thread
            compare(chips[0].Accessible.name, "Thumbs up, 2, you reacted")
            compare(chips[1].Accessible.name, "Party popper, 1")
            compare(chips[0].Accessible.description, "Alice, Bob")
            toggleSpy.target = b; toggleSpy.clear()
            mouseClick(chips[0])
            compare(toggleSpy.count, 1)
            compare(toggleSpy.signalArguments[0][0], "\u{1F44D}")
            compare(toggleSpy.signalArguments[0][1], false)       // ours: take it back
            chips[1].forceActiveFocus()
            keyClick(Qt.Key_Space)
            compare(toggleSpy.signalArguments[1][1], true)        // theirs: add ours
            mouseMove(chips[1])
            tryCompare(chips[1], "showingNames", true)   // the tooltip
            compare(chips[1].names, "Carol")
            verify(b.Accessible.description.indexOf("Thumbs up 2") >= 0)
        }
        function test_pendingChangeShowsSaving() {
            const b = make({ own: true, pendingChange: "edit" })
            verify(findChild(b, "saving").active)
            verify(findChild(b, "bubble").opacity < 1)
            verify(b.Accessible.name.indexOf("saving") >= 0)
            verify(!findChild(make({ own: true }), "saving").active)
        }
        function test_menuFromKeyboardMouseAndButton() {
            const b = make({ messageId: "m1" })
            menuSpy.target = b; menuSpy.clear()
            b.forceActiveFocus()
            keyClick(Qt.Key_Menu)
            compare(menuSpy.count, 1)
            keyClick(Qt.Key_F10, Qt.ShiftModifier)
            compare(menuSpy.count, 2)
            mouseClick(findChild(b, "bubble"), 10, 10, Qt.RightButton)
            compare(menuSpy.count, 3)
            const button = findChild(b, "menuButton")
            verify(button.active)                 // focused (and hovered)
            mouseClick(button.item)
            compare(menuSpy.count, 4)
            compare(button.item.Accessible.name, "Message actions")
        }
        function test_editInPlace() {
            const b = make({ own: true, messageId: "m1", content: "teh typo", canEdit: true })
            verify(!findChild(b, "editor").active)
            b.editing = true
            const editor = findChild(b, "editor")
            verify(editor.active)
            verify(!findChild(b, "body").visible)
            tryVerify(() => editor.item.activeFocus)
            compare(editor.item.text, "teh typo")
            savedSpy.target = b; savedSpy.clear()
            cancelledSpy.target = b; cancelledSpy.clear()
            keyClick(Qt.Key_Backspace)
            keyClick(Qt.Key_Return)
            compare(savedSpy.count, 1)
            compare(savedSpy.signalArguments[0][0], "teh typ")
            keyClick(Qt.Key_Escape)
            compare(cancelledSpy.count, 1)
            b.editing = false
            verify(findChild(b, "body").visible)
        }
        function test_markdownIsRenderedSafely() {
            const b = make({ format: "markdown", content: "**bold** <b>raw</b> ![x](http://evil.example/i.png)" })
            const body = findChild(b, "body")
            compare(body.textFormat, Text.RichText)
            verify(body.text.indexOf("font-weight") >= 0)
            verify(body.text.indexOf("<b>") < 0)
            verify(body.text.indexOf("&lt;b&gt;") >= 0)
            verify(body.text.indexOf("evil.example") < 0)
            // Plain messages stay plain, even when they look like Markdown.
            const plain = make({ content: "**not bold**" })
            compare(findChild(plain, "body").textFormat, Text.PlainText)
            compare(findChild(plain, "body").text, "**not bold**")
        }
    }
}
