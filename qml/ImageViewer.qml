// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

// A received picture over the whole window: fitted at first (never enlarged),
// zoomed with the wheel or Ctrl+= / Ctrl+- (Ctrl+0 fits again), panned by dragging;
// Save as asks where; Esc or the close button closes it. The picture comes from
// image://attachments/<id>/full.
Popup {
    id: root

    property string attachmentId
    property string name
    // 1: fitted; each step multiplies it by 1.25.
    property real zoom: 1
    readonly property real minZoom: 0.25
    readonly property real maxZoom: 16
    readonly property real fitScale: picture.implicitWidth > 0 && picture.implicitHeight > 0
                                     ? Math.min(1, flick.width / picture.implicitWidth, flick.height / picture.implicitHeight)
                                     : 1
    // Pixels of the screen per pixel of the picture.
    readonly property real scaleFactor: fitScale * zoom
    readonly property alias status: picture.status

    signal saveAsRequested(string attachmentId, string name)

    // The bar's buttons: flat, white on the dark backdrop.
    component BarButton: Button {
        flat: true
        focusPolicy: Qt.NoFocus
        palette.buttonText: "#ffffff"
        palette.windowText: "#ffffff" // the Basic style draws a flat button's text in it
        font.pixelSize: Theme.fontSize
    }

    function show(id, fileName) {
        attachmentId = id
        name = fileName
        zoom = 1
        open()
    }
    function zoomBy(factor) { zoom = Math.max(minZoom, Math.min(maxZoom, zoom * factor)) }
    function zoomIn() { zoomBy(1.25) }
    function zoomOut() { zoomBy(1 / 1.25) }

    parent: Overlay.overlay
    x: 0
    y: 0
    width: parent ? parent.width : 0
    height: parent ? parent.height : 0
    modal: true
    focus: true
    padding: 0
    closePolicy: Popup.CloseOnEscape
    background: Rectangle { color: "#f2101214" }

    onClosed: attachmentId = ""

    contentItem: FocusScope {
        focus: true
        Accessible.role: Accessible.Dialog
        Accessible.name: qsTr("Image %1").arg(root.name)
        Keys.onPressed: (event) => {
            if (!(event.modifiers & Qt.ControlModifier))
                return
            if (event.key === Qt.Key_Equal || event.key === Qt.Key_Plus) { root.zoomIn(); event.accepted = true }
            else if (event.key === Qt.Key_Minus) { root.zoomOut(); event.accepted = true }
            else if (event.key === Qt.Key_0) { root.zoom = 1; event.accepted = true }
        }

        Flickable {
            id: flick
            objectName: "viewerFlick"
            anchors.fill: parent
            anchors.margins: Theme.padding
            anchors.topMargin: bar.height + Theme.padding
            clip: true
            contentWidth: Math.max(width, picture.width)
            contentHeight: Math.max(height, picture.height)
            boundsBehavior: Flickable.StopAtBounds

            Image {
                id: picture
                objectName: "viewerImage"
                x: Math.max(0, (flick.contentWidth - width) / 2)
                y: Math.max(0, (flick.contentHeight - height) / 2)
                width: implicitWidth * root.scaleFactor
                height: implicitHeight * root.scaleFactor
                source: root.attachmentId.length > 0 ? "image://attachments/" + root.attachmentId + "/full" : ""
                asynchronous: true
                smooth: true
                mipmap: true
            }
            WheelHandler {
                objectName: "viewerWheel"
                acceptedDevices: PointerDevice.Mouse | PointerDevice.TouchPad
                onWheel: (event) => {
                    if (event.angleDelta.y > 0)
                        root.zoomIn()
                    else if (event.angleDelta.y < 0)
                        root.zoomOut()
                }
            }
        }

        BusyIndicator {
            anchors.centerIn: parent
            running: picture.status === Image.Loading
        }
        Text {
            anchors.centerIn: parent
            visible: picture.status === Image.Error
            text: qsTr("The image could not be shown.")
            textFormat: Text.PlainText
            color: "#ffffff"
            font.pixelSize: Theme.fontSize
        }

        RowLayout {
            id: bar
            anchors.left: parent.left
            anchors.right: parent.right
            anchors.top: parent.top
            anchors.margins: Theme.unit
            spacing: Theme.unit
            Text {
                Layout.fillWidth: true
                text: root.name
                textFormat: Text.PlainText
                elide: Text.ElideMiddle
                color: "#ffffff"
                font.pixelSize: Theme.fontSize
            }
            Text {
                objectName: "zoomText"
                text: qsTr("%1 %").arg(Math.round(root.scaleFactor * 100))
                color: "#d0d4d9"
                font.pixelSize: Theme.smallFontSize
            }
            BarButton { text: "\u2212"; onClicked: root.zoomOut(); Accessible.name: qsTr("Zoom out") }
            BarButton { text: "+"; onClicked: root.zoomIn(); Accessible.name: qsTr("Zoom in") }
            BarButton {
                objectName: "viewerSaveAs"
                text: qsTr("Save as…")
                onClicked: root.saveAsRequested(root.attachmentId, root.name)
            }
            BarButton {
                objectName: "viewerClose"
                text: qsTr("Close")
                onClicked: root.close()
            }
        }
    }
}
