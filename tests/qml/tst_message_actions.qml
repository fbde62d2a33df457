// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtTest
import RingChat

// The message actions in a conversation: the context menu offers only what the
// row allows, Delete asks first, React opens the picker (quick row, search by
// name, keyboard), a quote jumps to its original through the model (jumpTo, then
// revealed), and editing happens in place.
Item {
    id: scene
    width: 800; height: 600

    // MessageListModel's roles and invokables, as the sync branch names them.
    ListModel {
        id: messages
        signal revealed(int row)
        property var jumps: []
        function rowOfSeq(seq) { for (let i = 0; i < count; ++i) if (get(i).seq === seq) return i; return -1 }
        function rowOfMessageId(id) { for (let i = 0; i < count; ++i) if (get(i).messageId === id) return i; return -1 }
        function rowOfClientId(id) { for (let i = 0; i < count; ++i) if (get(i).clientId === id) return i; return -1 }
        function lastEditableRow() { for (let i = count - 1; i >= 0; --i) if (get(i).canEdit) return i; return -1 }
        // The original was not held: load it (here: put it first), then say where it is.
        function jumpTo(seq) {
            jumps.push(seq)
            insert(0, { seq: seq, messageId: "m" + seq, clientId: "", text: "the original", senderName: "Carol",
                        isOwn: false, canEdit: false, canDelete: false, hasReply: false, replyToSeq: 0,
                        replySenderName: "", replySnippet: "", messageType: "text", daySeparator: false,
                        groupedWithPrevious: false })
            revealed(0)
        }
    }

    function fill() {
        messages.clear()
        messages.jumps = []
        const base = { clientId: "", isOwn: false, canEdit: false, canDelete: false, hasReply: false, replyToSeq: 0,
                       replySenderName: "", replySnippet: "", messageType: "text", daySeparator: false,
                       groupedWithPrevious: false }
        messages.append(Object.assign({}, base, { seq: 10, messageId: "m10", text: "Release notes: https://ring.example.org/notes", senderName: "Bob" }))
        messages.append(Object.assign({}, base, { seq: 11, messageId: "m11", text: "Looks good", senderName: "Alice", isOwn: true, canEdit: true, canDelete: true }))
        messages.append(Object.assign({}, base, { seq: 12, messageId: "m12", text: "Agreed", senderName: "Bob",
                                                  hasReply: true, replyToSeq: 11, replySenderName: "Alice", replySnippet: "Looks good" }))
        messages.append(Object.assign({}, base, { seq: 13, messageId: "m13", text: "About the old plan", senderName: "Bob",
                                                  hasReply: true, replyToSeq: 3, replySenderName: "Carol", replySnippet: "the original" }))
    }

    ConversationView {
        id: view
        anchors.fill: parent
        title: "Ring team"
        isGroup: true
        messages: messages
    }

    SignalSpy { id: replySpy; target: view; signalName: "replyRequested" }
    SignalSpy { id: editSpy; target: view; signalName: "editRequested" }
    SignalSpy { id: deleteSpy; target: view; signalName: "deleteRequested" }
    SignalSpy { id: reactSpy; target: view; signalName: "reactionRequested" }
    SignalSpy { id: copySpy; target: view; signalName: "copyRequested" }
    SignalSpy { id: savedSpy; target: view; signalName: "editSaved" }
    SignalSpy { id: editLastSpy; target: view; signalName: "editLastRequested" }

    TestCase {
        name: "MessageActions"
        when: windowShown

        function init() {
            view.editingKey = ""
            view.notice = ""
            view.messageMenu.close()
            view.reactionPicker.close()
            view.deleteDialog.close()
            tryVerify(() => !view.messageMenu.visible && !view.reactionPicker.visible && !view.deleteDialog.visible)
            scene.fill()
            view.list.forceLayout()     // no delegate of the rows just removed is left
            view.focusComposer()
            for (const spy of [replySpy, editSpy, deleteSpy, reactSpy, copySpy, savedSpy, editLastSpy])
                spy.clear()
            tryVerify(() => bubble("m13") !== null)
        }

        function bubble(id) {
            const row = messages.rowOfMessageId(id)
            const item = row < 0 ? null : view.list.itemAtIndex(row)
            return item && item.messageId === id ? item : null
        }
        function compareArgs(args, expected) {
            compare(args.length, expected.length)
            for (let i = 0; i < expected.length; ++i)
                compare(args[i], expected[i])
        }
        function shownItems() {
            const out = []
            const menu = view.messageMenu
            for (let i = 0; i < menu.count; ++i) {
                const item = menu.itemAt(i)
                if (item.visible)
                    out.push(item.objectName)
            }
            return out
        }
        function openMenuOn(id) {
            const b = bubble(id)
            verify(b)
            mouseClick(findChild(b, "bubble"), 10, 10, Qt.RightButton)
            tryCompare(view.messageMenu, "opened", true)
            return b
        }
        function trigger(name) {
            const menu = view.messageMenu
            for (let i = 0; i < menu.count; ++i)
                if (menu.itemAt(i).objectName === name) { menu.itemAt(i).triggered(); menu.close(); return }
            fail("no menu item " + name)
        }

        function test_menuOffersOnlyWhatTheRowAllows() {
            openMenuOn("m11")     // ours, editable, no link
            compare(shownItems(), ["replyItem", "editItem", "reactItem", "copyTextItem", "deleteItem"])
            view.messageMenu.close()
            openMenuOn("m10")     // Bob's, with a link
            compare(shownItems(), ["replyItem", "reactItem", "copyTextItem", "copyLinkItem"])
            trigger("copyLinkItem")
            compare(copySpy.count, 1)
            compare(copySpy.signalArguments[0][0], "https://ring.example.org/notes")
            openMenuOn("m10")
            trigger("copyTextItem")
            compare(copySpy.signalArguments[1][0], "Release notes: https://ring.example.org/notes")
        }
        function test_menuFromTheKeyboard() {
            const b = bubble("m11")
            b.forceActiveFocus()
            keyClick(Qt.Key_Menu)
            tryCompare(view.messageMenu, "opened", true)
            compare(view.messageMenu.messageKey, "m11")
            keyClick(Qt.Key_Escape)
            tryCompare(view.messageMenu, "opened", false)
            tryVerify(() => b.activeFocus)      // focus returns to the message
            keyClick(Qt.Key_F10, Qt.ShiftModifier)
            tryCompare(view.messageMenu, "opened", true)
            // Down to the first item, Enter chooses it: Reply.
            keyClick(Qt.Key_Down)
            keyClick(Qt.Key_Return)
            tryCompare(replySpy, "count", 1)
            compareArgs(replySpy.signalArguments[0], ["m11", "You", "Looks good"])
        }
        function test_replyFromTheMenu() {
            openMenuOn("m10")
            trigger("replyItem")
            compare(replySpy.count, 1)
            compareArgs(replySpy.signalArguments[0], ["m10", "Bob", "Release notes: https://ring.example.org/notes"])
        }
        function test_deleteAsksFirst() {
            openMenuOn("m11")
            trigger("deleteItem")
            tryCompare(view.deleteDialog, "opened", true)
            compare(deleteSpy.count, 0)
            mouseClick(findChild(view.deleteDialog, "cancelDelete"))
            tryCompare(view.deleteDialog, "opened", false)
            compare(deleteSpy.count, 0)
            openMenuOn("m11")
            trigger("deleteItem")
            tryCompare(view.deleteDialog, "opened", true)
            mouseClick(findChild(view.deleteDialog, "confirmDelete"))
            tryCompare(deleteSpy, "count", 1)
            compare(deleteSpy.signalArguments[0][0], "m11")
        }
        function test_pickerQuickRowSearchAndKeyboard() {
            openMenuOn("m10")
            trigger("reactItem")
            const picker = view.reactionPicker
            tryCompare(picker, "opened", true)
            compare(picker.messageId, "m10")
            // The catalog is read on a worker thread: the picker waits for it, busy.
            tryCompare(Emojis, "ready", true)
            tryCompare(picker.emojiModel, "ready", true)
            compare(findChild(picker.grid, "emojiLoading").visible, false)
            const row = findChild(picker.contentItem, "quickReactions")
            const quick = []
            tryVerify(() => row.children.length >= 6)
            for (let i = 0; i < row.children.length; ++i)
                if (row.children[i].objectName === "quickReaction")
                    quick.push(row.children[i])
            compare(quick.length, 6)
            waitForItemPolished(row) // laid out
            compare(quick[0].Accessible.name, "Thumbs up")
            mouseClick(quick[0])
            compare(reactSpy.count, 1)
            compare(reactSpy.signalArguments[0][0], "m10")
            compare(reactSpy.signalArguments[0][1], Emojis.quickReactions[0])
            compare(reactSpy.signalArguments[0][2], true)
            tryCompare(picker, "opened", false)

            // Search by name, then choose from the keyboard.
            view.openPicker("m10")
            tryCompare(picker, "opened", true)
            tryVerify(() => picker.searchField.activeFocus)
            verify(picker.emojiModel.count > 100)                  // the first group of Unicode's list
            for (const c of "party pop")
                keyClick(c)
            tryCompare(picker.emojiModel, "count", 1)
            compare(picker.emojiModel.emojiAt(0), "\u{1F389}")     // party popper
            keyClick(Qt.Key_Down)
            verify(picker.grid.activeFocus)
            keyClick(Qt.Key_Return)
            compare(reactSpy.count, 2)
            compare(reactSpy.signalArguments[1][1], "\u{1F389}")
            tryCompare(picker, "opened", false)

            // Nothing found says so; Esc closes without a reaction.
            view.openPicker("m10")
            tryCompare(picker, "opened", true)
            for (const c of "zzzq")
                keyClick(c)
            compare(picker.emojiModel.count, 0)
            keyClick(Qt.Key_Escape)
            tryCompare(picker, "opened", false)
            compare(reactSpy.count, 2)
        }
        function test_quoteJumpsToAHeldOriginal() {
            const reply = bubble("m12")
            mouseClick(findChild(reply, "quote").item)
            compare(messages.jumps.length, 0)                       // held: no loading
            tryVerify(() => bubble("m11").activeFocus)
        }
        function test_quoteLoadsAndRevealsTheOriginal() {
            const reply = bubble("m13")
            mouseClick(findChild(reply, "quote").item)
            compare(messages.jumps, [3])                            // jumpTo(seq) on the model
            tryVerify(() => bubble("m3") !== null && bubble("m3").activeFocus)
            const flash = bubble("m3")
            verify(flash.flashing)                                  // highlighted
            tryVerify(() => !flash.flashing, 3000)                  // for a moment
            verify(flash.y + flash.height > view.list.contentY && flash.y < view.list.contentY + view.list.height)
        }
        function test_editInPlaceFromTheView() {
            view.editingKey = "m11"
            const b = bubble("m11")
            verify(b.editing)
            verify(!bubble("m10").editing)
            const editor = findChild(b, "editor")
            tryVerify(() => editor.item && editor.item.activeFocus, 2000, "focus is on " + scene.Window.activeFocusItem)
            keyClick(Qt.Key_Exclam)
            keyClick(Qt.Key_Return)
            compare(savedSpy.count, 1)
            compare(savedSpy.signalArguments[0][0], "Looks good!")
            view.editingKey = ""
            verify(!b.editing)
            tryVerify(() => findChild(view.composer, "composerInput").activeFocus)
            keyClick(Qt.Key_Up)                                     // empty composer: edit the last
            compare(editLastSpy.count, 1)
        }
        function test_noticeShowsTheSentence() {
            const notice = findChild(view, "notice")
            verify(!notice.visible)
            view.notice = "This message can no longer be edited."
            verify(notice.visible)
            compare(notice.Accessible.name, "This message can no longer be edited.")
            compare(notice.Accessible.role, Accessible.AlertMessage)
        }
    }
}
