import QtQuick
import QtQuick.Controls
import QtQuick.Window

ApplicationWindow {
    id: window
    width: 960
    height: 640
    visible: true
    title: qsTr("Ring Chat")

    Label {
        anchors.centerIn: parent
        text: qsTr("Ring Chat")
        font.pixelSize: 28
        Accessible.name: text
    }
}
