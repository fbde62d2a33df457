// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls

// A window whose stock controls (check boxes, combo boxes, spin boxes, text fields,
// buttons, menus) take their colours from Theme: the one mapping of Theme to the
// Basic style's palette, used by Main.qml and by the contrast test (tst_contrast).
ApplicationWindow {
    color: Theme.background

    palette.window: Theme.background
    palette.windowText: Theme.text
    palette.base: Theme.surface
    palette.alternateBase: Theme.sidebar
    palette.text: Theme.text
    palette.button: Theme.hover
    palette.buttonText: Theme.text
    palette.brightText: Theme.accentText
    palette.highlight: Theme.accent
    palette.highlightedText: Theme.accentText
    palette.placeholderText: Theme.secondaryText
    palette.light: Theme.surface
    palette.midlight: Theme.hover
    // Text fields' and check boxes' edges: 3:1 against what they sit on.
    palette.mid: Theme.controlBorder
    palette.dark: Theme.secondaryText
    palette.shadow: Theme.border
    palette.toolTipBase: Theme.surface
    palette.toolTipText: Theme.text
    palette.link: Theme.link
}
