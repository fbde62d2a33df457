// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import QtTest
import RingChat

// A received picture inline (its placeholder has the final size, so nothing moves
// when the thumbnail arrives) and the viewer: opens, fits, zooms with Ctrl+= / Ctrl+-
// and the wheel, Esc closes. main.cpp stands in for the "attachments" image provider
// (1600 × 1200 pictures).
Item {
    id: scene
    width: 800; height: 600

    ImageViewer { id: viewer }

    TestCase {
        name: "ImageViewer"
        when: windowShown

        Component {
            id: imageComponent
            AttachmentImage {
                attachment: ({ id: "att1", name: "cat.png", mimeType: "image/png", size: 5000,
                               width: 1600, height: 1200, isImage: true })
                maxWidth: 320; maxHeight: 320
            }
        }
        SignalSpy { id: openedSpy; signalName: "opened" }

        function cleanup() { viewer.close(); tryCompare(viewer, "visible", false) }

        function test_placeholderHasTheFinalSize() {
            const image = createTemporaryObject(imageComponent, scene)
            // 1600 × 1200 into 320 × 320: 320 × 240, before and after the thumbnail loads.
            compare(image.width, 320)
            compare(image.height, 240)
            tryCompare(image, "status", Image.Ready)
            compare(image.width, 320)
            compare(image.height, 240)
            const thumb = findChild(image, "thumbnail")
            compare(thumb.sourceSize.width, 320)
            compare(thumb.source.toString(), "image://attachments/att1/thumb")
        }

        function test_tallPictureFitsTheHeight() {
            const image = createTemporaryObject(imageComponent, scene,
                { attachment: { id: "att2", width: 300, height: 900, isImage: true } })
            compare(image.height, 320)
            compare(image.width, Math.round(300 * 320 / 900))
            // A small picture is never enlarged.
            image.attachment = { id: "att3", width: 40, height: 30, isImage: true }
            compare(image.width, 40)
            compare(image.height, 30)
        }

        function test_clickOpens() {
            const image = createTemporaryObject(imageComponent, scene)
            openedSpy.target = image
            openedSpy.clear()
            mouseClick(image)
            compare(openedSpy.count, 1)
        }

        function test_opensFittedAndEscCloses() {
            viewer.show("att1", "cat.png")
            tryCompare(viewer, "opened", true)
            tryCompare(viewer, "status", Image.Ready)
            const picture = findChild(viewer.contentItem, "viewerImage")
            compare(picture.source.toString(), "image://attachments/att1/full")
            // Fitted: the whole picture inside the view, never enlarged.
            const flick = findChild(viewer.contentItem, "viewerFlick")
            verify(viewer.fitScale < 1)
            verify(picture.width <= flick.width + 0.5 && picture.height <= flick.height + 0.5)
            verify(Math.abs(picture.width - flick.width) < 0.5 || Math.abs(picture.height - flick.height) < 0.5)
            keyClick(Qt.Key_Escape)
            tryCompare(viewer, "visible", false)
        }

        function test_keysAndWheelZoom() {
            viewer.show("att1", "cat.png")
            tryCompare(viewer, "opened", true)
            tryCompare(viewer, "status", Image.Ready)
            const picture = findChild(viewer.contentItem, "viewerImage")
            const fitted = picture.width
            keyClick(Qt.Key_Equal, Qt.ControlModifier)
            compare(viewer.zoom, 1.25)
            fuzzyCompare(picture.width, fitted * 1.25, 0.5)
            keyClick(Qt.Key_Minus, Qt.ControlModifier)
            keyClick(Qt.Key_Minus, Qt.ControlModifier)
            fuzzyCompare(viewer.zoom, 0.8, 0.001)
            keyClick(Qt.Key_0, Qt.ControlModifier)
            compare(viewer.zoom, 1)
            const flick = findChild(viewer.contentItem, "viewerFlick")
            mouseWheel(flick, flick.width / 2, flick.height / 2, 0, 120)
            compare(viewer.zoom, 1.25)
            mouseWheel(flick, flick.width / 2, flick.height / 2, 0, -120)
            compare(viewer.zoom, 1)
            // Zoomed in, the picture is larger than the view and can be panned.
            for (let i = 0; i < 4; ++i)
                keyClick(Qt.Key_Equal, Qt.ControlModifier)
            verify(flick.contentWidth > flick.width)
            const before = flick.contentX
            mouseDrag(flick, flick.width / 2, flick.height / 2, -150, 0)
            tryVerify(() => flick.contentX > before)
        }
    }
}
