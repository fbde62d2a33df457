// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtTest
import RingChat

// The strip of files above the composer, on the real PendingAttachments model with
// files on disk (testFiles, made by main.cpp): add, remove, what they weigh, the
// 25 MiB sentence, and that the composer sends files without text.
Item {
    id: scene
    width: 700; height: 400

    TestCase {
        name: "AttachmentStrip"
        when: windowShown

        Component { id: filesComponent; PendingAttachments { } }
        Component { id: composerComponent; Composer { width: 600; conversationId: "c1" } }
        SignalSpy { id: sendSpy; signalName: "sendRequested" }

        function make() {
            const files = createTemporaryObject(filesComponent, scene)
            const composer = createTemporaryObject(composerComponent, scene, { files: files })
            sendSpy.target = composer
            sendSpy.clear()
            return { files: files, composer: composer, strip: findChild(composer, "attachmentStrip") }
        }
        function url(path) { return "file://" + path }

        function test_emptyStripIsHidden() {
            const s = make()
            verify(!s.strip.visible)
            verify(findChild(s.composer, "attachButton").visible)
        }

        function test_addShowsChipsAndSummary() {
            const s = make()
            compare(s.files.addUrls([url(testFiles.text), url(testFiles.picture)]), 2)
            verify(s.strip.visible)
            const list = findChild(s.strip, "pendingFiles")
            tryCompare(list, "count", 2)
            const summary = findChild(s.strip, "filesSummary")
            verify(summary.text.startsWith("2 files, "), summary.text)
            compare(summary.color, Theme.secondaryText)
            // The picture shows its own thumbnail, read from the file.
            tryVerify(() => list.itemAtIndex(1) !== null)
            const chip = list.itemAtIndex(1)
            const thumb = findChild(chip, "thumbnail")
            verify(thumb.visible)
            tryCompare(thumb, "status", Image.Ready)
            verify(!findChild(list.itemAtIndex(0), "thumbnail").visible)
            verify(s.composer.implicitHeight > s.strip.implicitHeight)
        }

        function test_removeButtonRemovesThatFile() {
            const s = make()
            s.files.addUrls([url(testFiles.text), url(testFiles.picture)])
            const list = findChild(s.strip, "pendingFiles")
            tryCompare(list, "count", 2)
            tryVerify(() => list.itemAtIndex(0) !== null)
            mouseClick(findChild(list.itemAtIndex(0), "removeFile"))
            compare(s.files.count, 1)
            tryCompare(list, "count", 1)
            verify(findChild(s.strip, "filesSummary").text.startsWith("1 file, "))
            tryVerify(() => list.itemAtIndex(0) !== null)
            wait(Qt.styleHints.mouseDoubleClickInterval + 50) // the same spot again is not a double click
            mouseClick(findChild(list.itemAtIndex(0), "removeFile"))
            compare(s.files.count, 0)
            verify(!s.strip.visible)
        }

        function test_overTheLimitIsSaidAndBlocksSending() {
            const s = make()
            s.files.addUrls([url(testFiles.tooLarge)])
            const summary = findChild(s.strip, "filesSummary")
            verify(summary.text.indexOf("huge.iso") >= 0, summary.text)
            verify(summary.text.indexOf("25 MiB") >= 0, summary.text)
            compare(summary.color, Theme.danger)
            verify(!findChild(s.composer, "sendButton").enabled)
            s.files.remove(0)
            compare(summary.text, "")
        }

        function test_filesAloneCanBeSent() {
            const s = make()
            verify(!findChild(s.composer, "sendButton").enabled)
            s.files.addUrls([url(testFiles.picture)])
            const send = findChild(s.composer, "sendButton")
            verify(send.enabled)
            mouseClick(send)
            compare(sendSpy.count, 1)
            compare(sendSpy.signalArguments[0][0], "")
        }
    }
}
