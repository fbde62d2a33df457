import QtQuick

// "Bob is typing…", "Bob and Carol are typing…", "Bob, Carol and 2 others are typing…".
Item {
    id: root

    property var names: []          // display names of who is typing
    readonly property string text: describe(names)

    implicitHeight: label.implicitHeight
    implicitWidth: label.implicitWidth
    visible: text.length > 0

    Accessible.role: Accessible.StaticText
    Accessible.name: text

    function describe(list) {
        const n = list ? list.length : 0
        if (n === 0)
            return ""
        if (n === 1)
            return qsTr("%1 is typing…").arg(list[0])
        if (n === 2)
            return qsTr("%1 and %2 are typing…").arg(list[0]).arg(list[1])
        if (n === 3)
            return qsTr("%1, %2 and %3 are typing…").arg(list[0]).arg(list[1]).arg(list[2])
        return qsTr("%1, %2 and %n others are typing…", "", n - 2).arg(list[0]).arg(list[1])
    }

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
