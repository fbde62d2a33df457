// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtTest
import RingChat

// A received file's card follows its transfer (Files.transfer(id): Idle, Downloading,
// Done, Failed): which buttons show, the progress bar, and what they call. `files`
// is a stand-in with the Files singleton's names.
Item {
    id: scene
    width: 600; height: 400

    QtObject {
        id: transferObject
        property int state: 0          // Idle, Downloading, Done, Failed
        property real progress: 0
        property string error
        property string localPath
    }
    QtObject {
        id: filesStandIn
        property var calls: []
        function transfer(id) { calls.push("transfer " + id); return transferObject }
        function download(id) { calls.push("download " + id) }
        function cancel(id) { calls.push("cancel " + id) }
        function open(id) { calls.push("open " + id) }
        function saveAs(id, url) { calls.push("saveAs " + id) }
    }

    TestCase {
        name: "FileCard"
        when: windowShown

        Component {
            id: cardComponent
            FileCard {
                attachment: ({ id: "att9", name: "report.pdf", mimeType: "application/pdf", size: 123456,
                               sizeText: "120.6 KB", width: 0, height: 0, isImage: false })
                files: filesStandIn
            }
        }
        SignalSpy { id: saveSpy; signalName: "saveAsRequested" }

        function init() {
            transferObject.state = 0
            transferObject.progress = 0
            transferObject.error = ""
            filesStandIn.calls = []
        }
        function make(props) {
            const card = createTemporaryObject(cardComponent, scene, props || {})
            saveSpy.target = card
            saveSpy.clear()
            return card
        }
        function shown(card, name) { const b = findChild(card, name); return b.visible }

        function test_idleOffersDownloadAndSaveAs() {
            const card = make()
            compare(findChild(card, "fileName").text, "report.pdf")
            compare(findChild(card, "fileSize").text, "120.6 KB")
            verify(shown(card, "downloadButton"))
            verify(shown(card, "saveAsButton"))
            verify(!shown(card, "openButton"))
            verify(!shown(card, "cancelButton"))
            verify(!shown(card, "downloadProgress"))
            mouseClick(findChild(card, "downloadButton"))
            verify(filesStandIn.calls.indexOf("download att9") >= 0, filesStandIn.calls)
        }

        function test_downloadingShowsProgressAndCancel() {
            const card = make()
            transferObject.state = 1
            transferObject.progress = 0.4
            verify(shown(card, "downloadProgress"))
            compare(findChild(card, "downloadProgress").value, 0.4)
            verify(shown(card, "cancelButton"))
            verify(!shown(card, "downloadButton"))
            verify(!shown(card, "saveAsButton"))
            transferObject.progress = 0.9
            compare(findChild(card, "downloadProgress").value, 0.9)
            mouseClick(findChild(card, "cancelButton"))
            verify(filesStandIn.calls.indexOf("cancel att9") >= 0)
        }

        function test_doneOffersOpenAndSaveAs() {
            const card = make()
            transferObject.state = 2
            verify(shown(card, "openButton"))
            verify(shown(card, "saveAsButton"))
            verify(!shown(card, "downloadButton"))
            verify(!shown(card, "downloadProgress"))
            mouseClick(findChild(card, "openButton"))
            verify(filesStandIn.calls.indexOf("open att9") >= 0)
            mouseClick(findChild(card, "saveAsButton"))
            compare(saveSpy.count, 1)
            compare(saveSpy.signalArguments[0][0], "att9")
            compare(saveSpy.signalArguments[0][1], "report.pdf")
        }

        function test_failedSaysWhyAndOffersRetry() {
            const card = make()
            transferObject.error = "The file did not match its checksum."
            transferObject.state = 3
            compare(findChild(card, "fileSize").text, "The file did not match its checksum.")
            compare(findChild(card, "downloadButton").text, "Retry")
            verify(shown(card, "downloadButton"))
            verify(!shown(card, "openButton"))
        }

        function test_pendingHasNoButtons() {
            const card = make({ pending: true, attachment: { id: "", name: "draft.txt", mimeType: "text/plain",
                                                             size: 10, sizeText: "10 bytes", isImage: false } })
            verify(!shown(card, "downloadButton"))
            verify(!shown(card, "saveAsButton"))
            compare(filesStandIn.calls.length, 0) // no transfer is asked for
        }
    }
}
