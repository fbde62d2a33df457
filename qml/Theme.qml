// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
pragma Singleton
import QtQuick
import RingChat

// The one place for colours, sizes and fonts. Sizes are in device-independent
// pixels derived from the system font, so they scale with the font and the
// screen's DPI (Qt applies the device pixel ratio itself).
QtObject {
    id: theme

    // ThemeMode.System, Light or Dark. The window sets it from the settings.
    property int mode: ThemeMode.System

    readonly property SystemPalette systemPalette: SystemPalette { colorGroup: SystemPalette.Active }
    readonly property bool systemIsDark: systemPalette.window.hslLightness < 0.5
    readonly property bool dark: mode === ThemeMode.Dark || (mode === ThemeMode.System && systemIsDark)

    readonly property FontMetrics fontMetrics: FontMetrics { }
    readonly property real fontSize: Math.max(14, fontMetrics.font.pixelSize > 0 ? fontMetrics.font.pixelSize
                                                                         : Math.round(fontMetrics.height * 0.8))
    readonly property real smallFontSize: Math.round(fontSize * 0.85)
    readonly property real largeFontSize: Math.round(fontSize * 1.3)
    readonly property real titleFontSize: Math.round(fontSize * 1.8)

    // Spacing units.
    readonly property real unit: Math.round(fontSize / 2)
    readonly property real spacing: unit
    readonly property real padding: unit * 2
    readonly property real radius: unit * 1.5
    readonly property real avatarSize: Math.round(fontSize * 2.8)
    readonly property real rowHeight: Math.round(fontSize * 4.4)
    readonly property real iconSize: Math.round(fontSize * 1.2)
    readonly property real bubbleMaxWidth: fontSize * 36

    // Palettes.
    readonly property color background: dark ? "#17191c" : "#ffffff"
    readonly property color sidebar: dark ? "#1f2226" : "#f4f5f7"
    readonly property color surface: dark ? "#262a2f" : "#ffffff"
    readonly property color border: dark ? "#33383e" : "#dde0e4"
    readonly property color text: dark ? "#e8eaed" : "#1b1d21"
    readonly property color secondaryText: dark ? "#9aa1a9" : "#5f6670"
    readonly property color accent: dark ? "#5b9dff" : "#1f6feb"
    readonly property color accentText: "#ffffff"
    // A fill under accentText (the Send button, unread badges): 4.5:1 with it in both
    // themes (the dark theme's lighter accent has only 2.7:1 with white).
    readonly property color accentFill: dark ? "#1f6feb" : accent
    readonly property color selection: dark ? "#2d3b52" : "#dbe8fd"
    readonly property color hover: dark ? "#2a2e34" : "#eceef1"
    readonly property color ownBubble: dark ? "#2b4f86" : "#d7e7ff"
    readonly property color otherBubble: dark ? "#2a2e34" : "#eef0f3"
    readonly property color ownBubbleText: text
    readonly property color link: dark ? "#8cc0ff" : "#0b57d0"
    readonly property color online: "#2ea043"
    readonly property color danger: dark ? "#ff7b72" : "#cf222e"
    readonly property color warning: dark ? "#d29922" : "#9a6700"
    readonly property color success: dark ? "#3fb950" : "#1a7f37"
    readonly property color bannerOffline: dark ? "#4a3b12" : "#fff4d6"
    readonly property color bannerOnline: dark ? "#173d23" : "#dcf5e3"
    readonly property color badge: accentFill
    // A muted conversation's count: grey, still 3:1 against the white label.
    readonly property color mutedBadge: dark ? "#5f6670" : "#6e7781"
    // Controls (switches, check boxes): every part at least 3:1 against what is
    // behind it in both themes (WCAG 1.4.11), the knob also against its track.
    // The edge of a text field, a spin box, a check box or the composer, and an off
    // switch's track (Theme.border, for separators and cards, is too faint for that).
    readonly property color controlBorder: dark ? "#7b828c" : "#6e7781"
    readonly property color controlTrackOff: controlBorder
    readonly property color controlTrackOn: accent
    readonly property color controlKnob: "#ffffff"
    readonly property color controlKnobOn: dark ? background : "#ffffff"
    // A message that mentions me: the bubble's tint and its edge.
    readonly property color mentionBubble: dark ? "#3d3520" : "#fff3cd"
    readonly property color mentionEdge: dark ? "#d29922" : "#9a6700"
    readonly property color focusRing: accent
    // Search hits in the text: dark text on yellow, readable in both themes.
    readonly property color searchHit: dark ? "#e3b341" : "#ffd84d"
    readonly property color searchHitText: "#1b1d21"

    // A stable colour per name for avatars.
    // Each at least 4.6:1 with the white initial on it (tst_contrast).
    readonly property var avatarColors: ["#d1411d", "#228175", "#8762bb", "#a26712", "#0c6aff",
                                         "#cf4154", "#33826a", "#6c757d", "#bd4993", "#577590"]
    function colorFor(key) {
        let h = 0
        const s = String(key || "")
        for (let i = 0; i < s.length; ++i)
            h = (h * 31 + s.charCodeAt(i)) >>> 0
        return avatarColors[h % avatarColors.length]
    }
}
