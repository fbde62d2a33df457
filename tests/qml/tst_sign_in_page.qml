// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtTest
import RingChat

// The sign-in page in each SignInState: what it says, and when it is busy.
Item {
    id: scene
    width: 800; height: 700

    TestCase {
        id: testCase
        name: "SignInPage"
        when: windowShown

        Component { id: pageComponent; SignInPage { anchors.fill: parent; serverUrl: "https://chat.example.org" } }
        SignalSpy { id: signInSpy; signalName: "signInRequested" }

        function make(state) {
            const page = createTemporaryObject(pageComponent, scene, { signInState: state })
            verify(page)
            return page
        }

        function test_states_data() {
            return [
                { tag: "signed out", state: SignInState.SignedOut, busy: false, text: "" },
                { tag: "restoring", state: SignInState.Restoring, busy: true, text: "Restoring your session…" },
                { tag: "discovering", state: SignInState.Discovering, busy: true,
                  text: "Contacting https://chat.example.org…" },
                { tag: "waiting", state: SignInState.WaitingForBrowser, busy: true,
                  text: "Finish signing in in your browser." },
                { tag: "completing", state: SignInState.Completing, busy: true, text: "Signing in…" },
            ]
        }
        function test_states(data) {
            const page = make(data.state)
            compare(page.busy, data.busy)
            compare(page.statusText, data.text)
            compare(findChild(page, "signInButton").visible, !data.busy)
            compare(findChild(page, "cancelButton").visible, data.busy)
        }
        function test_signInAsksForTheTypedServer() {
            const page = make(SignInState.SignedOut)
            signInSpy.target = page
            signInSpy.clear()
            mouseClick(findChild(page, "signInButton"))
            compare(signInSpy.count, 1)
            compare(signInSpy.signalArguments[0][0], "https://chat.example.org")
        }
    }
}
