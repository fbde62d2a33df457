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
    }
}
