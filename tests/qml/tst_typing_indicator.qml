import QtQuick
import QtTest
import RingChat

Item {
    id: scene
    width: 400; height: 100

    TypingIndicator { id: indicator; width: 300 }

    TestCase {
        id: testCase
        name: "TypingIndicator"
        when: windowShown

        function test_texts_data() {
            return [
                { tag: "nobody", names: [], text: "" },
                { tag: "one", names: ["Bob"], text: "Bob is typing…" },
                { tag: "two", names: ["Bob", "Carol"], text: "Bob and Carol are typing…" },
                { tag: "three", names: ["Bob", "Carol", "Dave"], text: "Bob, Carol and Dave are typing…" },
                { tag: "five", names: ["Bob", "Carol", "Dave", "Eve", "Frank"], text: "Bob, Carol and 3 others are typing…" },
            ]
        }
        function test_texts(data) {
            indicator.names = data.names
            compare(indicator.text, data.text)
            compare(indicator.visible, data.text.length > 0)
            compare(indicator.Accessible.name, data.text)
        }
        function test_namesAreNotMarkup() {
            indicator.names = ["<b>Mallory</b>"]
            const label = findChild(indicator, "typingLabel")
            compare(label.textFormat, Text.PlainText)
            compare(label.text, "<b>Mallory</b> is typing…")
        }
    }
}
