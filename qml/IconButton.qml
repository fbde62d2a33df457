// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls

// A small flat button with a glyph and a tooltip; the tooltip doubles as its accessible name.
ToolButton {
    id: root

    property string toolTip

    flat: true
    font.pixelSize: Theme.largeFontSize
    focusPolicy: Qt.StrongFocus
    Accessible.role: Accessible.Button
    Accessible.name: toolTip
    ToolTip.visible: hovered && toolTip.length > 0
    ToolTip.text: toolTip
    ToolTip.delay: 500

    contentItem: Text {
        text: root.text
        font: root.font
        color: Theme.text
        horizontalAlignment: Text.AlignHCenter
        verticalAlignment: Text.AlignVCenter
    }
    background: Rectangle {
        implicitWidth: Theme.fontSize * 2.4
        implicitHeight: Theme.fontSize * 2.4
        radius: Theme.radius
        color: root.down ? Theme.selection : (root.hovered ? Theme.hover : "transparent")
        border.width: root.visualFocus ? 2 : 0
        border.color: Theme.focusRing
    }
}
