// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtTest
import RingChat

// The composer's "@" list from the keyboard: it opens on "@", narrows as one types,
// Up/Down move, Enter and Tab insert the name and record the mention, Esc closes it
// until the next "@".
Item {
    id: scene
    width: 500; height: 400

    MentionCompleter { id: completer }

    TestCase {
        id: testCase
        name: "MentionPopup"
        when: windowShown

        Component {
            id: composerComponent
            Composer { width: 460; y: 300; conversationId: "group-ring"; mentions: completer }
        }
        SignalSpy { id: sendSpy; signalName: "sendRequested" }

        function init() {
            completer.clear()
            completer.setPeople([{ userId: "bob", name: "Bob Example" },
                                 { userId: "carol", name: "Carol Example" },
                                 { userId: "bea", name: "Bea Bright" }])
        }
        function composer() {
            const c = createTemporaryObject(composerComponent, scene)
            sendSpy.target = c
            sendSpy.clear()
            const input = findChild(c, "composerInput")
            input.forceActiveFocus()
            return [c, input]
        }

        function test_narrowsAndInsertsWithEnter() {
            const [c, input] = composer()
            keyClick("H"); keyClick("i"); keyClick(Qt.Key_Space)
            verify(!completer.active)
            keyClick("@")
            verify(completer.active)
            compare(completer.count, 3)
            const popup = findChild(c, "mentionPopup")
            verify(popup && popup.visible)
            keyClick("b")
            compare(completer.count, 2) // Bea Bright, Bob Example
            keyClick("o")
            compare(completer.count, 1)
            compare(completer.data(completer.index(0, 0), Qt.DisplayRole), "Bob Example")
            keyClick(Qt.Key_Return)
            compare(input.text, "Hi @Bob Example ")
            compare(input.cursorPosition, input.text.length)
            verify(!completer.active)
            compare(sendSpy.count, 0) // Enter chose the name; it did not send
            keyClick("!")
            compare(completer.mentionsIn(input.text), ["bob"])
            keyClick(Qt.Key_Return)
            compare(sendSpy.count, 1)
            compare(sendSpy.signalArguments[0][0], "Hi @Bob Example !")
        }

        function test_upDownAndTab() {
            const [c, input] = composer()
            keyClick("@")
            compare(completer.currentIndex, 0)
            keyClick(Qt.Key_Down)
            compare(completer.currentIndex, 1)
            keyClick(Qt.Key_Down); keyClick(Qt.Key_Down)
            compare(completer.currentIndex, 0) // wraps
            keyClick(Qt.Key_Up)
            compare(completer.currentIndex, 2)
            keyClick(Qt.Key_Tab)
            compare(input.text, "@Carol Example ")
            compare(completer.mentionsIn(input.text), ["carol"])
            // A mention whose name was deleted from the text is not sent.
            input.text = "nobody"
            compare(completer.mentionsIn(input.text), [])
        }

        function test_escapeClosesUntilTheNextAt() {
            const [c, input] = composer()
            keyClick("@"); keyClick("c")
            verify(completer.active)
            keyClick(Qt.Key_Escape)
            verify(!completer.active)
            keyClick("a")
            verify(!completer.active) // the same "@"
            keyClick(Qt.Key_Space); keyClick("@")
            verify(completer.active)
            // Mid-word "@" (an e-mail address) opens nothing.
            input.text = ""
            keyClick("a"); keyClick("@")
            verify(!completer.active)
        }

        function test_noPeopleNoList() {
            completer.setPeople([])
            const [c, input] = composer()
            keyClick("@")
            verify(!completer.active)
            verify(!findChild(c, "mentionPopup").visible)
        }
    }
}
