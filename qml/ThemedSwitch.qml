// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls

// A Switch whose track and knob keep at least 3:1 contrast in both themes (the
// style's own dark knob on a dark track did not): colours from Theme.
Switch {
    id: control

    indicator: Rectangle {
        objectName: "track"
        implicitWidth: Theme.fontSize * 2.6
        implicitHeight: Theme.fontSize * 1.4
        x: control.leftPadding
        y: control.topPadding + (control.availableHeight - height) / 2
        radius: height / 2
        color: control.checked ? Theme.controlTrackOn : Theme.controlTrackOff
        opacity: control.enabled ? 1 : 0.5
        border.width: control.visualFocus ? 2 : 0
        border.color: Theme.focusRing

        Rectangle {
            objectName: "knob"
            width: parent.height - 6
            height: width
            radius: width / 2
            y: 3
            x: control.checked ? parent.width - width - 3 : 3
            color: control.checked ? Theme.controlKnobOn : Theme.controlKnob
            Behavior on x { NumberAnimation { duration: 120 } }
        }
    }
    contentItem: Text {
        leftPadding: control.indicator.width + control.spacing
        text: control.text
        font: control.font
        color: Theme.text
        verticalAlignment: Text.AlignVCenter
        wrapMode: Text.WordWrap
    }
}
