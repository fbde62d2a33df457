// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick

// Who is typing, as the sentence C++ made ("Bob is typing…", CurrentConversation.typingText).
Item {
    id: root

    property string text            // empty when nobody types

    implicitHeight: label.implicitHeight
    implicitWidth: label.implicitWidth
    visible: text.length > 0

    Accessible.role: Accessible.StaticText
    Accessible.name: text

    Text {
        id: label
        objectName: "typingLabel"
        width: root.width
        text: root.text
        textFormat: Text.PlainText
        elide: Text.ElideRight
        color: Theme.secondaryText
        font.pixelSize: Theme.smallFontSize
        font.italic: true
    }
}
