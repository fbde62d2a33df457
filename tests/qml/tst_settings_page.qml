// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtTest
import RingChat

// The Network section of the settings page: the mode box, the manual proxy's fields and
// what the page asks the app to apply (it never applies anything itself).
Item {
    id: scene
    width: 900; height: 1400

    TestCase {
        id: testCase
        name: "SettingsPage"
        when: windowShown

        Component { id: pageComponent; SettingsPage { anchors.fill: parent } }
        SignalSpy { id: appliedSpy; signalName: "proxyApplied" }
        SignalSpy { id: themeSpy; signalName: "themeModeSelected" }
        SignalSpy { id: spellSwitchSpy; signalName: "spellCheckToggled" }
        SignalSpy { id: spellLanguageSpy; signalName: "spellLanguageToggled" }

        function make(properties) {
            const page = createTemporaryObject(pageComponent, scene, properties || {})
            verify(page)
            appliedSpy.target = page
            appliedSpy.clear()
            return page
        }

        SignalSpy { id: markdownSpy; signalName: "formatMarkdownToggled" }
        function test_markdownSwitchShowsAndAsks() {
            const page = make()
            const box = findChild(page, "formatMarkdownSwitch")
            verify(box.checked)                       // on by default
            compare(box.Accessible.name, "Format messages with Markdown")
            markdownSpy.target = page
            markdownSpy.clear()
            box.forceActiveFocus()
            keyClick(Qt.Key_Space)
            compare(markdownSpy.count, 1)
            compare(markdownSpy.signalArguments[0][0], false)
            page.formatMarkdown = false               // the app applied it
            verify(!box.checked)
        }
        SignalSpy { id: cacheSpy; signalName: "fileCacheMegabytesEdited" }
        function test_fileCacheCapShowsAndAsks() {
            const page = make({ fileCacheMegabytes: 700 })
            const box = findChild(page, "fileCacheBox")
            compare(box.value, 700)
            cacheSpy.target = page
            cacheSpy.clear()
            box.forceActiveFocus()
            keyClick(Qt.Key_Up)                       // one step of 50 MB
            compare(cacheSpy.count, 1)
            compare(cacheSpy.signalArguments[0][0], 750)
            page.fileCacheMegabytes = 100             // the app applied another value
            compare(box.value, 100)
        }
        function test_systemByDefaultWithoutManualFields() {
            const page = make()
            compare(findChild(page, "proxyModeBox").currentValue, "system")
            verify(!findChild(page, "proxyUrlField").visible)
        }
        function test_choosingNoProxyAppliesAtOnce() {
            const page = make()
            const box = findChild(page, "proxyModeBox")
            box.currentIndex = 1
            box.activated(1)
            compare(appliedSpy.count, 1)
            compare(appliedSpy.signalArguments[0][0], "none")
        }
        function test_manualProxyWaitsForItsAddress() {
            const page = make({ proxyMode: "manual" })
            const url = findChild(page, "proxyUrlField")
            const use = findChild(page, "useProxyButton")
            verify(url.visible)
            verify(!use.enabled)
            url.text = "socks5://127.0.0.1:1080"
            findChild(page, "proxyUserField").text = "ann"
            const password = findChild(page, "proxyPasswordField")
            password.text = "s3cret"
            verify(use.enabled)
            mouseClick(use)
            compare(appliedSpy.count, 1)
            const args = appliedSpy.signalArguments[0]
            compare([args[0], args[1], args[2], args[3]], ["manual", "socks5://127.0.0.1:1080", "ann", "s3cret"])
            compare(password.text, "")   // the password does not stay in the field
        }
        function test_errorIsShown() {
            const page = make({ proxyMode: "manual", proxyError: "The proxy address must start with http:// or socks5://." })
            const error = findChild(page, "proxyError")
            verify(error.visible)
            compare(error.text, "The proxy address must start with http:// or socks5://.")
        }
        // The theme is a ThemeMode value both ways (Settings.themeMode).
        function test_themeModeIsAnEnum() {
            const page = make({ themeMode: ThemeMode.Dark })
            const box = findChild(page, "themeBox")
            compare(box.currentIndex, 2)
            compare(box.currentValue, ThemeMode.Dark)
            themeSpy.target = page
            themeSpy.clear()
            box.currentIndex = 1
            box.activated(1)
            compare(themeSpy.count, 1)
            compare(themeSpy.signalArguments[0][0], ThemeMode.Light)
        }

        // Spelling: the switch and one check box per installed dictionary, the chosen ones checked.
        function test_spellingLanguages() {
            const page = make({
                spellCheckEnabled: true,
                spellLanguages: ["uk_UA"],
                availableSpellLanguages: [{ code: "en_US", name: "American English" }, { code: "uk_UA", name: "українська" }]
            })
            spellSwitchSpy.target = page; spellSwitchSpy.clear()
            spellLanguageSpy.target = page; spellLanguageSpy.clear()
            const english = findChild(page, "spellLanguage_en_US")
            const ukrainian = findChild(page, "spellLanguage_uk_UA")
            verify(english && ukrainian)
            verify(!english.checked)
            verify(ukrainian.checked)
            compare(english.text, "American English")
            english.toggle(); english.toggled()
            compare(spellLanguageSpy.count, 1)
            compare([spellLanguageSpy.signalArguments[0][0], spellLanguageSpy.signalArguments[0][1]], ["en_US", true])
            const onOff = findChild(page, "spellCheckSwitch")
            verify(onOff.checked)
            onOff.toggle(); onOff.toggled()
            compare(spellSwitchSpy.count, 1)
            compare(spellSwitchSpy.signalArguments[0][0], false)
        }
        function test_spellingWithoutDictionaries() {
            const page = make({ availableSpellLanguages: [] })
            verify(!findChild(page, "spellCheckSwitch").enabled)
        }
    }
}
