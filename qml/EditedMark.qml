// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls

// "edited" in a bubble's footer; hovering it (or focusing the message) tells when,
// in local time.
Text {
    id: root

    property var editedAt                     // Date; invalid when the time is unknown
    property bool showTime: hover.hovered

    readonly property bool timeKnown: editedAt instanceof Date && !isNaN(editedAt.getTime())
    readonly property string timeText: timeKnown ? editedAt.toLocaleString(Qt.locale(), Locale.ShortFormat) : ""
    readonly property string description: timeKnown ? qsTr("Edited %1").arg(timeText) : qsTr("Edited")

    text: qsTr("edited")
    textFormat: Text.PlainText
    color: Theme.secondaryText
    font.pixelSize: Theme.smallFontSize
    font.italic: true

    Accessible.role: Accessible.StaticText
    Accessible.name: description

    HoverHandler { id: hover }
    ToolTip.visible: root.showTime
    ToolTip.text: root.description
    ToolTip.delay: 300
}
