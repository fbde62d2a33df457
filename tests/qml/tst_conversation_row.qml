// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtTest
import RingChat

Item {
    id: scene
    width: 400; height: 200

    TestCase {
        id: testCase
        name: "ConversationRow"
        when: windowShown

        Component { id: rowComponent; ConversationRow { width: 360 } }
        SignalSpy { id: activatedSpy; signalName: "activated" }

        function test_previewTimeAndBadge() {
            const now = new Date()
            const row = createTemporaryObject(rowComponent, scene, {
                title: "Bob", preview: "See you at 10", lastActivity: now, unreadCount: 3 })
            compare(findChild(row, "title").text, "Bob")
            compare(findChild(row, "preview").text, "See you at 10")
            compare(findChild(row, "time").text, Qt.formatTime(now, "HH:mm"))
            const badge = findChild(row, "badge")
            verify(badge.visible)
            compare(row.badgeText, "3")
            compare(row.Accessible.name, "Bob, 3 unread, See you at 10, " + Qt.formatTime(now, "HH:mm"))
        }
        function test_olderTimesShowDayOrDate() {
            const threeDaysAgo = new Date(Date.now() - 3 * 86400000)
            const row = createTemporaryObject(rowComponent, scene, { title: "Bob", lastActivity: threeDaysAgo })
            compare(findChild(row, "time").text, Qt.locale().dayName(threeDaysAgo.getDay(), Locale.ShortFormat))
            const longAgo = new Date(2025, 0, 15, 9, 30)
            row.lastActivity = longAgo
            compare(findChild(row, "time").text, Qt.formatDate(longAgo, Qt.locale().dateFormat(Locale.ShortFormat)))
            verify(findChild(row, "time").text.length > 0)
        }
        function test_noBadgeWhenRead() {
            const row = createTemporaryObject(rowComponent, scene, { title: "Bob", preview: "x", unreadCount: 0 })
            verify(!findChild(row, "badge").visible)
            compare(row.Accessible.name, "Bob, x")
        }
        function test_manyUnread() {
            const row = createTemporaryObject(rowComponent, scene, { title: "Team", unreadCount: 250 })
            compare(row.badgeText, "99+")
        }
        function test_typingReplacesPreview() {
            const row = createTemporaryObject(rowComponent, scene, { title: "Bob", preview: "old text" })
            row.typingText = "Bob is typing…"
            compare(findChild(row, "preview").text, "Bob is typing…")
            row.typingText = ""
            compare(findChild(row, "preview").text, "old text")
        }
        function test_draftReplacesPreviewUnlessOpenOrTyping() {
            const row = createTemporaryObject(rowComponent, scene, { title: "Bob", preview: "old text",
                                                                     draftText: "half a thought" })
            const label = findChild(row, "draftLabel")
            verify(label.visible)
            compare(label.text, "Draft:")
            compare(findChild(row, "preview").text, "half a thought")
            compare(row.previewShown, "Draft: half a thought")
            compare(row.Accessible.name, "Bob, Draft: half a thought")
            // The open conversation: the composer shows the draft, the row its last message.
            row.selected = true
            verify(!label.visible)
            compare(findChild(row, "preview").text, "old text")
            row.selected = false
            // Someone typing there says more than our draft.
            row.typingText = "Bob is typing…"
            verify(!label.visible)
            compare(findChild(row, "preview").text, "Bob is typing…")
            row.typingText = ""
            // Sent: the last message again.
            row.draftText = ""
            verify(!label.visible)
            compare(findChild(row, "preview").text, "old text")
            // A draft is plain text too.
            row.draftText = "<b>x</b>"
            compare(findChild(row, "preview").textFormat, Text.PlainText)
        }
        function test_multilinePreviewIsOneLine() {
            const row = createTemporaryObject(rowComponent, scene, { title: "Bob", preview: "a\nb\n\nc" })
            compare(findChild(row, "preview").text, "a b c")
        }
        function test_titleIsPlainText() {
            const row = createTemporaryObject(rowComponent, scene, { title: "<img src=x>", preview: "<b>hi</b>" })
            compare(findChild(row, "title").textFormat, Text.PlainText)
            compare(findChild(row, "preview").textFormat, Text.PlainText)
        }
        function test_activatedByMouseAndKeyboard() {
            const row = createTemporaryObject(rowComponent, scene, { title: "Bob" })
            activatedSpy.target = row
            activatedSpy.clear()
            mouseClick(row)
            compare(activatedSpy.count, 1)
            row.forceActiveFocus()
            keyClick(Qt.Key_Return)
            compare(activatedSpy.count, 2)
            compare(row.Accessible.role, Accessible.ListItem)
        }
        function test_presenceDot() {
            const row = createTemporaryObject(rowComponent, scene, { title: "Bob", showPresence: true, online: true })
            verify(findChild(row, "presenceDot").visible)
            row.online = false
            verify(!findChild(row, "presenceDot").visible)
        }
    }
}
