import QtQuick
import QtTest
import "qrc:/RingChat/Linkify.js" as Linkify

    TestCase {
        name: "Linkify"

        function test_escape() {
            compare(Linkify.escapeHtml("<a href='x'>&\"</a>"), "&lt;a href=&#39;x&#39;&gt;&amp;&quot;&lt;/a&gt;")
        }
        function test_links_data() {
            return [
                { tag: "plain", input: "hello", output: "hello" },
                { tag: "url", input: "go https://a.org/x now",
                  output: 'go <a href="https://a.org/x">https://a.org/x</a> now' },
                { tag: "trailing dot", input: "see http://a.org.",
                  output: 'see <a href="http://a.org">http://a.org</a>.' },
                { tag: "quote ends url", input: 'x "https://a.org/"><script>',
                  output: 'x &quot;<a href="https://a.org/">https://a.org/</a>&quot;&gt;&lt;script&gt;' },
                { tag: "ampersand", input: "https://a.org/?a=1&b=2",
                  output: '<a href="https://a.org/?a=1&amp;b=2">https://a.org/?a=1&amp;b=2</a>' },
                { tag: "not http", input: "ftp://a.org javascript:alert(1)", output: "ftp://a.org javascript:alert(1)" },
                { tag: "newline", input: "a\nb", output: "a<br>b" },
            ]
        }
        function test_links(data) {
            compare(Linkify.linkify(data.input), data.output)
        }
        function test_safeLink() {
            verify(Linkify.isSafeLink("https://a.org"))
            verify(Linkify.isSafeLink("HTTP://a.org"))
            verify(!Linkify.isSafeLink("javascript:alert(1)"))
            verify(!Linkify.isSafeLink("file:///etc/passwd"))
            verify(!Linkify.isSafeLink("https://a.org x"))
        }
}
