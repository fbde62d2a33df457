// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import "Format.js" as Format

// "Today", "Yesterday" or the date, between the messages of two days.
Item {
    id: root

    property var date
    readonly property string label: Format.dayLabel(date)

    implicitHeight: pill.height + Theme.padding
    implicitWidth: pill.width

    Accessible.role: Accessible.Heading
    Accessible.name: label

    Rectangle {
        id: pill
        anchors.centerIn: parent
        width: dayText.implicitWidth + Theme.padding * 2
        height: dayText.implicitHeight + Theme.unit
        radius: height / 2
        color: Theme.hover
        Text {
            id: dayText
            anchors.centerIn: parent
            text: root.label
            textFormat: Text.PlainText
            color: Theme.secondaryText
            font.pixelSize: Theme.smallFontSize
            font.bold: true
        }
    }
}
