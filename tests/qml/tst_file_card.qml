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

        // ---- In a message bubble: pictures inline, other files as cards, and the
        // pending bubble's upload bar whose Cancel discards the message.
        Component {
            id: bubbleComponent
            MessageBubble {
                width: 560
                own: true
                senderName: "Alice"
                timestamp: new Date()
                files: filesStandIn
                attachments: [
                    { id: "p1", name: "shot.png", mimeType: "image/png", size: 9000, sizeText: "8.8 KB",
                      width: 1600, height: 900, isImage: true },
                    { id: "f1", name: "notes.txt", mimeType: "text/plain", size: 10, sizeText: "10 bytes",
                      width: 0, height: 0, isImage: false } ]
            }
        }
        SignalSpy { id: discardSpy; signalName: "discardRequested" }
        SignalSpy { id: imageSpy; signalName: "imageOpened" }

        function test_bubbleShowsPicturesAndCards() {
            const bubble = createTemporaryObject(bubbleComponent, scene)
            const picture = findChild(bubble, "thumbnail")
            verify(picture)
            compare(picture.source.toString(), "image://attachments/p1/thumb")
            compare(findChild(bubble, "fileName").text, "notes.txt")
            verify(!findChild(bubble, "body").visible) // no text: no empty line
            verify(!findChild(bubble, "uploadBar").active)
            imageSpy.target = bubble
            imageSpy.clear()
            mouseClick(picture)
            compare(imageSpy.count, 1)
            compare(imageSpy.signalArguments[0][0], "p1")
        }

        function test_pendingBubbleShowsUploadAndCancels() {
            const bubble = createTemporaryObject(bubbleComponent, scene, {
                isPending: true, delivery: "sending", uploadProgress: 0.3, content: "the logs",
                attachments: [ { id: "", name: "build.log", mimeType: "text/plain", size: 100,
                                 sizeText: "100 bytes", isImage: false } ] })
            const bar = findChild(bubble, "uploadBar")
            verify(bar.active)
            tryVerify(() => findChild(bubble, "uploadProgress") !== null)
            compare(findChild(bubble, "uploadProgress").value, 0.3)
            bubble.uploadProgress = 0.8
            compare(findChild(bubble, "uploadProgress").value, 0.8)
            verify(!findChild(bubble, "downloadButton").visible) // not on the server yet
            discardSpy.target = bubble
            discardSpy.clear()
            mouseClick(findChild(bubble, "cancelUpload"))
            compare(discardSpy.count, 1)
            // A failed upload is a failed send: no bar, Retry and Discard.
            bubble.delivery = "failed"
            verify(!bar.active)
            verify(findChild(bubble, "failedActions").active)
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
