// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls

// The main action of a view (Send, Sign in, Create), in the accent colour.
Button {
    id: root

    font.pixelSize: Theme.fontSize
    Accessible.role: Accessible.Button
    Accessible.name: text

    contentItem: Text {
        text: root.text
        font: root.font
        color: root.enabled ? Theme.accentText : Theme.secondaryText
        horizontalAlignment: Text.AlignHCenter
        verticalAlignment: Text.AlignVCenter
        elide: Text.ElideRight
    }
    background: Rectangle {
        implicitWidth: Theme.fontSize * 6
        implicitHeight: Theme.fontSize * 2.6
        radius: Theme.radius
        color: !root.enabled ? Theme.hover : root.down ? Qt.darker(Theme.accentFill, 1.2)
             : root.hovered ? Qt.lighter(Theme.accentFill, 1.1) : Theme.accentFill
        border.width: root.visualFocus ? 2 : 0
        border.color: Theme.text
    }
}
