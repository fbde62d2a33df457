// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick

// The delivery state of one of our messages: a clock while sending, one tick
// when sent, two ticks when read, and a warning mark when it failed.
Text {
    id: root

    property string deliveryState: "sent"   // "sending", "sent", "read" or "failed"

    text: deliveryState === "sending" ? "\u25F7" : deliveryState === "sent" ? "\u2713"
        : deliveryState === "read" ? "\u2713\u2713" : deliveryState === "failed" ? "\u26A0" : ""
    textFormat: Text.PlainText
    color: deliveryState === "read" ? Theme.accent : deliveryState === "failed" ? Theme.danger : Theme.secondaryText
    font.pixelSize: Theme.smallFontSize
    font.letterSpacing: deliveryState === "read" ? -Theme.smallFontSize * 0.35 : 0

    Accessible.role: Accessible.StaticText
    Accessible.name: description(deliveryState)

    function description(s) {
        switch (s) {
        case "sending": return qsTr("sending")
        case "sent": return qsTr("sent")
        case "read": return qsTr("read")
        case "failed": return qsTr("not sent")
        }
        return ""
    }
}
