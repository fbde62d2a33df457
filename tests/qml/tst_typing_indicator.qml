// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtTest
import RingChat

// The indicator shows the sentence it is given (CurrentConversation.typingText; the
// sentence itself is tested in C++, tests/models/tst_conversationtext.cpp).
Item {
    id: scene
    width: 400; height: 100

    TypingIndicator { id: indicator; width: 300 }

    TestCase {
        id: testCase
        name: "TypingIndicator"
        when: windowShown

        function test_showsTheSentence() {
            indicator.text = ""
            verify(!indicator.visible)
            indicator.text = "Bob is typing…"
            verify(indicator.visible)
            compare(findChild(indicator, "typingLabel").text, "Bob is typing…")
            compare(indicator.Accessible.name, "Bob is typing…")
            indicator.text = ""
            verify(!indicator.visible)
        }
        function test_namesAreNotMarkup() {
            indicator.text = "<b>Mallory</b> is typing…"
            const label = findChild(indicator, "typingLabel")
            compare(label.textFormat, Text.PlainText)
            compare(label.text, "<b>Mallory</b> is typing…")
        }
    }
}
