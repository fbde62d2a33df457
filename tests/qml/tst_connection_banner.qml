// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtTest
import RingChat

Item {
    id: scene
    width: 500; height: 100

    TestCase {
        id: testCase
        name: "ConnectionBanner"
        when: windowShown

        Component { id: bannerComponent; ConnectionBanner { width: 400; connectedShownMs: 200 } }
        SignalSpy { id: retrySpy; signalName: "retryRequested" }

        function make(status) {
            const b = createTemporaryObject(bannerComponent, scene, { status: status })
            verify(b)
            return b
        }

        function test_hiddenWhenOnlineFromStart() {
            const b = make(ConnectionState.Online)
            verify(!b.shown)
            tryCompare(b, "visible", false)
        }
        function test_offline() {
            const b = make(ConnectionState.Offline)
            verify(b.shown)
            compare(b.text, "Offline — showing saved messages")
            compare(findChild(b, "bannerText").text, "Offline — showing saved messages")
        }
        function test_waitingCountdownAndRetry() {
            const b = make(ConnectionState.WaitingToRetry)
            b.secondsUntilRetry = 3
            compare(b.text, "Reconnecting in 3 s…")
            b.secondsUntilRetry = 2
            compare(b.text, "Reconnecting in 2 s…")
            const retry = findChild(b, "retryNowButton")
            verify(retry.visible)
            compare(retry.Accessible.name, "Retry now")
            retrySpy.target = b
            retrySpy.clear()
            mouseClick(retry)
            compare(retrySpy.count, 1)
        }
        function test_connectedFadesOut() {
            const b = make(ConnectionState.WaitingToRetry)
            b.status = ConnectionState.Connecting
            compare(b.text, "Connecting…")
            verify(!findChild(b, "retryNowButton").visible)
            b.status = ConnectionState.Online
            verify(b.shown)
            compare(b.text, "Connected")
            tryCompare(b, "shown", false, 2000)
            tryCompare(b, "visible", false, 3000)
            compare(b.height, 0)
        }
        function test_dropWhileOnlineIsAnOutage() {
            const b = make(ConnectionState.Online)
            b.status = ConnectionState.Connecting
            b.status = ConnectionState.Online
            verify(b.shown)
            compare(b.text, "Connected")
        }
        function test_firstConnectIsNotNews() {
            const b = make(ConnectionState.Offline)
            b.status = ConnectionState.Connecting
            compare(b.text, "Connecting…")
            verify(b.shown)
            b.status = ConnectionState.Online
            verify(!b.shown)
            // A drop after that is an outage: its end is shown.
            b.status = ConnectionState.Connecting
            b.status = ConnectionState.Online
            verify(b.shown)
            compare(b.text, "Connected")
        }
        function test_outageAgainCancelsFade() {
            const b = make(ConnectionState.WaitingToRetry)
            b.status = ConnectionState.Online
            b.status = ConnectionState.WaitingToRetry
            verify(b.shown)
            wait(400)
            verify(b.shown)
            compare(b.opacity, 1)
        }
    }
}
