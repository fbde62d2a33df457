// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// What tst_contrast measures: the settings page with every section shown, the
// conversation list's badges (muted too), the buttons and the composer, in the app's
// palette (ThemedApplicationWindow).
import QtQuick
import QtQuick.Controls
import RingChat
ThemedApplicationWindow {
    width: 1100; height: 1500; visible: true
    function setDark(dark) { Theme.mode = dark ? ThemeMode.Dark : ThemeMode.Light }
    SettingsPage {
        width: 700; height: parent.height
        userName: "Alice"; serverUrl: "http://localhost"
        proxyMode: "manual"; proxyError: "The proxy refused the connection."
        availableSpellLanguages: [{ code: "en_US", name: "English" }, { code: "uk_UA", name: "українська" }]
        spellLanguages: ["en_US"]
    }
    Column {
        x: 720; width: 360; spacing: 8
        Rectangle {
            objectName: "conversationList"; color: Theme.sidebar; width: 360; height: 120
            Column {
                ConversationBadges { objectName: "badges"; unreadCount: 3; unreadMentionCount: 1 }
                ConversationBadges { objectName: "mutedBadges"; unreadCount: 120; unreadMentionCount: 2; muted: true }
            }
        }
        // One avatar of each colour (names found by Theme.colorFor).
        Flow {
            width: 360
            Repeater {
                model: {
                    const names = [], seen = {}
                    for (let i = 0; names.length < Theme.avatarColors.length && i < 1000; ++i) {
                        const color = Theme.colorFor("user" + i)
                        if (!seen[color]) { seen[color] = true; names.push("user" + i) }
                    }
                    return names
                }
                Avatar { required property string modelData; name: modelData }
            }
        }
        PrimaryButton { objectName: "primaryButton"; text: "Send" }
        IconButton { objectName: "iconButton"; text: "x"; toolTip: "Close" }
        Composer { objectName: "composer"; width: 360; files: PendingAttachments { } }
    }
}
