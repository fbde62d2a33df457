// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtTest
import RingChat

Item {
    id: scene
    width: 600; height: 500

    ListModel {
        id: conversations
        ListElement { conversationId: "dm-bob"; title: "Bob Example" }
        ListElement { conversationId: "dm-carol"; title: "Carol Example" }
        ListElement { conversationId: "group"; title: "Ring team" }
    }
    // The owner filters by the switcher's query; here a plain JS filter into a ListModel.
    ListModel { id: filtered }
    function refilter(query) {
        filtered.clear()
        for (let i = 0; i < conversations.count; ++i) {
            const row = conversations.get(i)
            if (row.title.toLowerCase().indexOf(query.toLowerCase()) >= 0)
                filtered.append({ conversationId: row.conversationId, title: row.title })
        }
    }

    QuickSwitcher {
        id: switcher
        model: filtered
        onQueryChanged: scene.refilter(query)
    }
    SignalSpy { id: chosenSpy; target: switcher; signalName: "conversationChosen" }

    TestCase {
        name: "QuickSwitcher"
        when: windowShown

        function init() {
            chosenSpy.clear()
            scene.refilter("")
            switcher.open()
            tryCompare(switcher, "opened", true)
        }
        function cleanup() { switcher.close() }

        function test_typeAndEnterOpens() {
            keyClick(Qt.Key_C); keyClick(Qt.Key_A); keyClick(Qt.Key_R)
            compare(switcher.query, "car")
            compare(filtered.count, 1)
            keyClick(Qt.Key_Return)
            compare(chosenSpy.count, 1)
            compare(chosenSpy.signalArguments[0][0], "dm-carol")
            tryCompare(switcher, "opened", false)
        }
        function test_arrowsPick() {
            keyClick(Qt.Key_Down)
            keyClick(Qt.Key_Down)
            keyClick(Qt.Key_Enter)
            compare(chosenSpy.count, 1)
            compare(chosenSpy.signalArguments[0][0], "group")
        }
        function test_escapeCloses() {
            keyClick(Qt.Key_Escape)
            tryCompare(switcher, "opened", false)
            compare(chosenSpy.count, 0)
        }
        function test_noMatchChoosesNothing() {
            keyClick(Qt.Key_X); keyClick(Qt.Key_Y)
            compare(filtered.count, 0)
            keyClick(Qt.Key_Return)
            compare(chosenSpy.count, 0)
            compare(switcher.Accessible.role, Accessible.Dialog)
        }
    }
}
