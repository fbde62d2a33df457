// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// Link detection and escaping of message text (src/app/textformat), with hostile
// input: what reaches a Text item as StyledText, which links may be opened, and
// what a "markdown" message may become (no raw HTML, no images, no unsafe links).
#include "app/textformat.h"

#include <QElapsedTimer>
#include <QRegularExpression>
#include <QTest>
#include <QTextDocument>

using namespace ringchat::app;

class TestTextFormat : public QObject
{
    Q_OBJECT

private slots:
    void escape()
    {
        QCOMPARE(textformat::escapeHtml(QStringLiteral("<a href='x'>&\"</a>")),
                 QStringLiteral("&lt;a href=&#39;x&#39;&gt;&amp;&quot;&lt;/a&gt;"));
    }

    void linkify_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("output");
        QTest::newRow("plain") << "hello"
                               << "hello";
        QTest::newRow("url") << "go https://a.org/x now"
                             << "go <a href=\"https://a.org/x\">https://a.org/x</a> now";
        QTest::newRow("upper-case scheme") << "HTTPS://A.org"
                                           << "<a href=\"HTTPS://A.org\">HTTPS://A.org</a>";
        QTest::newRow("trailing dot") << "see http://a.org."
                                      << "see <a href=\"http://a.org\">http://a.org</a>.";
        QTest::newRow("trailing punctuation") << "(see https://a.org/x)!?"
                                              << "(see <a href=\"https://a.org/x\">https://a.org/x</a>)!?";
        QTest::newRow("bracket that belongs to the url")
            << "https://en.wikipedia.org/wiki/Qt_(software)."
            << "<a "
               "href=\"https://en.wikipedia.org/wiki/Qt_(software)\">https://en.wikipedia.org/wiki/"
               "Qt_(software)</a>.";
        QTest::newRow("quote ends url")
            << "x \"https://a.org/\"><script>"
            << "x &quot;<a href=\"https://a.org/\">https://a.org/</a>&quot;&gt;&lt;script&gt;";
        QTest::newRow("single quote ends url")
            << "'https://a.org/' onmouseover='x'"
            << "&#39;<a href=\"https://a.org/\">https://a.org/</a>&#39; onmouseover=&#39;x&#39;";
        QTest::newRow("ampersand") << "https://a.org/?a=1&b=2"
                                   << "<a href=\"https://a.org/?a=1&amp;b=2\">https://a.org/?a=1&amp;b=2</a>";
        QTest::newRow("script") << "<script>alert(1)</script>"
                                << "&lt;script&gt;alert(1)&lt;/script&gt;";
        QTest::newRow("markup") << "<a href=\"javascript:alert(1)\">x</a>"
                                << "&lt;a href=&quot;javascript:alert(1)&quot;&gt;x&lt;/a&gt;";
        QTest::newRow("javascript") << "javascript:alert(1)"
                                    << "javascript:alert(1)";
        QTest::newRow("javascript after http") << "javascript:http://a.org"
                                               << "javascript:<a href=\"http://a.org\">http://a.org</a>";
        QTest::newRow("data") << "data:text/html,<b>x</b>"
                              << "data:text/html,&lt;b&gt;x&lt;/b&gt;";
        QTest::newRow("not http") << "ftp://a.org file:///etc/passwd"
                                  << "ftp://a.org file:///etc/passwd";
        QTest::newRow("no host") << "https:// and https:///x"
                                 << "https:// and https:///x";
        QTest::newRow("glued to a word") << "xhttps://a.org"
                                         << "xhttps://a.org";
        // A right-to-left override would make the link text read differently from
        // where it goes: it ends the URL, and stays in the text, escaped as any text.
        QTest::newRow("rtl override") << QStringLiteral("https://a.org/\u202Egnp.exe")
                                      << QStringLiteral("<a href=\"https://a.org/\">https://a.org/</a>")
                + QChar(0x202E) + QStringLiteral("gnp.exe");
        QTest::newRow("zero-width space") << QStringLiteral("https://a.org\u200B/x")
                                          << QStringLiteral("<a href=\"https://a.org\">https://a.org</a>")
                + QChar(0x200B) + QStringLiteral("/x");
        QTest::newRow("punycode")
            << "https://xn--80ak6aa92e.com/"
            << "<a href=\"https://xn--80ak6aa92e.com/\">https://xn--80ak6aa92e.com/</a>";
        // Shown as typed, so the look-alike letters are visible to the reader.
        QTest::newRow("idn") << QStringLiteral("https://аррӏе.com")
                             << QStringLiteral("<a href=\"https://аррӏе.com\">https://аррӏе.com</a>");
        QTest::newRow("newline") << "a\nb https://a.org\nc"
                                 << "a<br>b <a href=\"https://a.org\">https://a.org</a><br>c";
        QTest::newRow("two links")
            << "https://a.org https://b.org"
            << "<a href=\"https://a.org\">https://a.org</a> <a href=\"https://b.org\">https://b.org</a>";
    }
    void linkify()
    {
        QFETCH(QString, input);
        QFETCH(QString, output);
        QCOMPARE(textformat::linkify(input), output);
        QCOMPARE(textformat::hasLinks(input), output.contains(QLatin1String("<a href=")));
    }

    void linkColor()
    {
        QCOMPARE(textformat::linkify(QStringLiteral("https://a.org"), QColor(0x0b, 0x57, 0xd0)),
                 QStringLiteral("<a href=\"https://a.org\" style=\"color:#0b57d0\">https://a.org</a>"));
    }

    void safeLinks_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<bool>("safe");
        QTest::newRow("https") << "https://a.org" << true;
        QTest::newRow("upper-case http") << "HTTP://a.org/x?y=1" << true;
        QTest::newRow("idn") << QStringLiteral("https://bücher.de/ü") << true;
        QTest::newRow("javascript") << "javascript:alert(1)" << false;
        QTest::newRow("javascript with http inside") << "javascript://a.org/%0Aalert(1)" << false;
        QTest::newRow("data") << "data:text/html;base64,PHNjcmlwdD4=" << false;
        QTest::newRow("file") << "file:///etc/passwd" << false;
        QTest::newRow("ftp") << "ftp://a.org/x" << false;
        QTest::newRow("own scheme") << "ringchat://open" << false;
        QTest::newRow("no host") << "https://" << false;
        QTest::newRow("space") << "https://a.org x" << false;
        QTest::newRow("newline") << "https://a.org\nx" << false;
        QTest::newRow("rtl override") << QStringLiteral("https://a.org/\u202Egnp.exe") << false;
        QTest::newRow("leading space") << " https://a.org" << false;
        QTest::newRow("empty") << "" << false;
    }
    void safeLinks()
    {
        QFETCH(QString, url);
        QFETCH(bool, safe);
        QCOMPARE(textformat::isSafeLink(url), safe);
    }

    void veryLongInputStaysLinearAndEscaped()
    {
        // 1 MB of text with a link every few hundred characters and markup in between.
        QString input;
        while (input.size() < 1'000'000)
            input += QStringLiteral("<b>x</b> & https://a.org/path?q=1 ") + QString(300, QLatin1Char('y'));
        QElapsedTimer timer;
        timer.start();
        const QString out = textformat::linkify(input);
        QVERIFY2(timer.elapsed() < 5000, qPrintable(QStringLiteral("%1 ms").arg(timer.elapsed())));
        QVERIFY(!out.contains(QLatin1String("<b>")));
        QCOMPARE(out.count(QLatin1String("<a href=")), input.count(QLatin1String("https://")));
        // One endless URL.
        const QString url = QStringLiteral("https://a.org/") + QString(200'000, QLatin1Char('z'));
        QCOMPARE(textformat::linkify(url).count(QLatin1String("<a href=")), 1);
    }

    void firstLink()
    {
        QCOMPARE(textformat::firstLink(QStringLiteral("see https://a.org/x, then http://b.org")),
                 QStringLiteral("https://a.org/x"));
        QCOMPARE(textformat::firstLink(QStringLiteral("javascript:alert(1) and ftp://a.org")), QString());
        QCOMPARE(textformat::firstLink(QStringLiteral("[docs](https://a.org/docs)")),
                 QStringLiteral("https://a.org/docs"));
    }

    void markdownSubset()
    {
        const QString html = textformat::markdownToHtml(
            QStringLiteral(
                "**bold** *italic* `code` [site](https://a.org/x)\n\n> quoted\n\n```\nint x;\n```"),
            QColor(0x0b, 0x57, 0xd0));
        QVERIFY2(html.contains(QLatin1String("font-weight")), qPrintable(html)); // bold
        QVERIFY2(html.contains(QLatin1String("font-style:italic")), qPrintable(html));
        QVERIFY2(html.contains(QLatin1String("monospace")), qPrintable(html)); // code and the code block
        QVERIFY2(html.contains(QLatin1String("<a href=\"https://a.org/x\"")), qPrintable(html));
        QVERIFY2(html.contains(QLatin1String("#0b57d0")), qPrintable(html)); // the link colour
        QVERIFY2(html.contains(QLatin1String("quoted")), qPrintable(html));
        QVERIFY2(html.contains(QLatin1String("int x;")), qPrintable(html));
        QVERIFY(!html.contains(QLatin1String("**")));
        // A fragment for a Text item, without the document's own font.
        QVERIFY(!html.contains(QLatin1String("<body")));
        QVERIFY(!html.contains(QLatin1String("<html")));
    }

    void markdownHostile_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("mustShow"); // text that must still be there, escaped
        QTest::newRow("script tag") << "<script>alert(1)</script> hi"
                                    << "&lt;script&gt;";
        QTest::newRow("html block") << "<div onclick=\"x()\">click</div>"
                                    << "&lt;div";
        QTest::newRow("inline html link") << "<a href=\"javascript:alert(1)\">x</a>"
                                          << "&lt;a href=";
        QTest::newRow("html image") << "<img src=\"http://evil.example/p.png\">"
                                    << "&lt;img";
        QTest::newRow("markdown image") << "look ![alt](http://evil.example/p.png) here"
                                        << "look";
        QTest::newRow("image in a link") << "[![a](http://evil.example/i.png)](https://a.org)"
                                         << "";
        QTest::newRow("javascript link") << "[click](javascript:alert(1))"
                                         << "click";
        QTest::newRow("file link") << "[passwd](file:///etc/passwd)"
                                   << "passwd";
        QTest::newRow("data link") << "[d](data:text/html;base64,PHNjcmlwdD4=)"
                                   << "d";
        QTest::newRow("own scheme autolink") << "<ringchat://open>"
                                             << "ringchat://open";
        QTest::newRow("rtl override in a link") << QStringLiteral("[x](https://a.org/\u202Egnp.exe)") << "x";
        QTest::newRow("entities") << "&lt;script&gt; &amp;"
                                  << "&lt;script&gt;";
        QTest::newRow("reference image") << "![x][img]\n\n[img]: http://evil.example/p.png"
                                         << "";
        QTest::newRow("image with a javascript source") << "![x](javascript:alert(1)) after"
                                                        << "after";
        QTest::newRow("javascript autolink") << "<javascript:alert(1)>"
                                             << "javascript:alert(1)";
        QTest::newRow("upper-case javascript") << "[x](JaVaScRiPt:alert(1))"
                                               << "x";
        QTest::newRow("entity-encoded javascript") << "[x](&#106;avascript:alert(1))"
                                                   << "x";
        QTest::newRow("percent-encoded scheme") << "[x](%6Aavascript:alert(1))"
                                                << "x";
        QTest::newRow("javascript in a reference") << "[x][r]\n\n[r]: javascript:alert(1)"
                                                   << "x";
        QTest::newRow("vbscript") << "[x](vbscript:msgbox(1))"
                                  << "x";
        QTest::newRow("protocol-relative") << "[x](//evil.example/p)"
                                           << "x";
        QTest::newRow("mailto") << "[mail](mailto:a@example.org)"
                                << "mail";
        QTest::newRow("link title with markup") << "[x](https://a.org \"<script>\")"
                                                << "x";
        QTest::newRow("html comment") << "<!-- <img src=x> -->"
                                      << "&lt;!--";
        QTest::newRow("style tag") << "<style>*{background:url(http://evil.example)}</style>"
                                   << "&lt;style&gt;";
        QTest::newRow("iframe") << "<iframe src=\"https://evil.example\"></iframe>"
                                << "&lt;iframe";
        QTest::newRow("svg onload") << "<svg onload=alert(1)>"
                                    << "&lt;svg";
        QTest::newRow("html in a code span") << "`<img src=x>`"
                                             << "&lt;img src=x&gt;";
        QTest::newRow("html in a code block") << "```html\n<script>alert(1)</script>\n```"
                                              << "&lt;script&gt;";
        QTest::newRow("link in a quote in a list") << "- > [x](javascript:alert(1))"
                                                   << "x";
    }
    void markdownHostile()
    {
        QFETCH(QString, input);
        QFETCH(QString, mustShow);
        const QString html = textformat::markdownToHtml(input);
        QVERIFY2(!html.contains(QLatin1String("<img"), Qt::CaseInsensitive), qPrintable(html));
        QVERIFY2(!html.contains(QLatin1String("<script"), Qt::CaseInsensitive), qPrintable(html));
        QVERIFY2(!html.contains(QLatin1String("<div"), Qt::CaseInsensitive), qPrintable(html));
        // Nothing to fetch: no source attribute, no CSS url(). (Raw HTML stays as text.)
        QVERIFY2(!html.contains(QLatin1String("src=\""), Qt::CaseInsensitive), qPrintable(html));
        static const QRegularExpression cssUrl(QStringLiteral("style=\"[^\"]*url\\("),
                                               QRegularExpression::CaseInsensitiveOption);
        QVERIFY2(!cssUrl.match(html).hasMatch(), qPrintable(html));
        // A Markdown image leaves nothing of its address.
        if (input.contains(QLatin1String("![")))
            QVERIFY2(!html.contains(QLatin1String("evil.example")), qPrintable(html));
        // Every link left is one isSafeLink allows.
        static const QRegularExpression href(QStringLiteral("href=\"([^\"]*)\""));
        for (auto it = href.globalMatch(html); it.hasNext();) {
            const QString url = it.next().captured(1);
            QVERIFY2(textformat::isSafeLink(url), qPrintable(html));
        }
        QVERIFY2(html.contains(mustShow), qPrintable(html));
    }

    // Deep nesting of every kind the reader knows: no crash, no stack exhaustion, a
    // bounded time, the text still there and nothing unsafe let through.
    void markdownDeepNesting_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("mustShow");
        const auto repeat
            = [](const char *piece, int times) { return QString::fromLatin1(piece).repeated(times); };
        QTest::newRow("quotes") << repeat(">", 5000) + QStringLiteral(" deep") << "deep";
        QTest::newRow("quotes on many lines")
            << repeat("> ", 1000) + QStringLiteral("a\n").repeated(200) << "a";
        QTest::newRow("lists") << [] {
            QString s;
            for (int i = 0; i < 1000; ++i)
                s += QString(i * 2, QLatin1Char(' ')) + QStringLiteral("- level\n");
            return s;
        }() << "level";
        QTest::newRow("list markers on one line") << repeat("- ", 3000) + QStringLiteral("x") << "x";
        QTest::newRow("ordered lists") << repeat("1. ", 3000) + QStringLiteral("x") << "x";
        QTest::newRow("emphasis") << repeat("*", 5000) + QStringLiteral("x") + repeat("*", 5000) << "x";
        QTest::newRow("mixed emphasis")
            << repeat("*_", 3000) + QStringLiteral("x") + repeat("_*", 3000) << "x";
        QTest::newRow("open brackets") << repeat("[", 10000) + QStringLiteral("x") << "x";
        QTest::newRow("links in links")
            << repeat("[", 2000) + QStringLiteral("x") + repeat("](https://a.org)", 2000) << "x";
        QTest::newRow("images in links") << repeat("[![", 2000) + QStringLiteral("x")
                + repeat("](http://evil.example/i.png)](https://a.org)", 2000)
                                         << "";
        QTest::newRow("parentheses in a link") << QStringLiteral("[a](") + repeat("(", 5000) << "a";
        QTest::newRow("backticks") << repeat("`", 5000) + QStringLiteral("x") + repeat("`", 4999) << "x";
        QTest::newRow("html nesting") << repeat("<div>", 5000) + QStringLiteral("x") << "&lt;div&gt;";
        QTest::newRow("quote, list and emphasis") << repeat("> - *", 2000) + QStringLiteral("x") << "x";
    }
    void markdownDeepNesting()
    {
        QFETCH(QString, input);
        QFETCH(QString, mustShow);
        QElapsedTimer timer;
        timer.start();
        const QString html = textformat::markdownToHtml(input);
        textformat::hasMarkdown(input);
        QVERIFY2(timer.elapsed() < 10000, qPrintable(QStringLiteral("%1 ms").arg(timer.elapsed())));
        QVERIFY(!html.isEmpty());
        QVERIFY(html.contains(mustShow));
        QVERIFY(!html.contains(QLatin1String("<img"), Qt::CaseInsensitive));
        QVERIFY(!html.contains(QLatin1String("evil.example")));
        static const QRegularExpression href(QStringLiteral("href=\"([^\"]*)\""));
        for (auto it = href.globalMatch(html); it.hasNext();)
            QVERIFY(textformat::isSafeLink(it.next().captured(1)));
    }

    // A backslash keeps a character as typed; what shows is the text, not emphasis.
    void backslashEscapes_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("shown");
        QTest::newRow("not bold") << "\\*not bold\\*"
                                  << "*not bold*";
        QTest::newRow("not strong") << "\\*\\*not strong\\*\\*"
                                    << "**not strong**";
        QTest::newRow("not code") << "\\`not code\\`"
                                  << "`not code`";
        QTest::newRow("not a link") << "\\[x](https://a.org)"
                                    << "[x](https://a.org)";
        QTest::newRow("not a quote") << "\\> not quoted"
                                     << "> not quoted";
        QTest::newRow("not a heading") << "\\# not a heading"
                                       << "# not a heading";
        QTest::newRow("not a list") << "1\\. not a list"
                                    << "1. not a list";
        QTest::newRow("a backslash itself") << "C:\\\\temp"
                                            << "C:\\temp";
    }
    void backslashEscapes()
    {
        QFETCH(QString, input);
        QFETCH(QString, shown);
        const QString html = textformat::markdownToHtml(input);
        QTextDocument rendered;
        rendered.setHtml(html);
        QCOMPARE(rendered.toPlainText(), shown);
        for (const char *formatted : { "font-weight", "font-style:italic", "monospace", "<a ", "<h", "<li" })
            QVERIFY2(!html.contains(QLatin1String(formatted)), qPrintable(html));
        // Only Markdown reads it so: the composer sends it as "markdown".
        QVERIFY(textformat::hasMarkdown(input));
    }

    // A chat message means its line breaks (CommonMark would join the lines); code
    // keeps its text exactly, and a backslash break stays one break.
    void markdownKeepsLineBreaks_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("shown");
        QTest::newRow("paragraph") << "**first** line\nsecond line\n\nthird"
                                   << "first line\nsecond line\nthird";
        QTest::newRow("quote") << "> one\n> two"
                               << "one\ntwo";
        QTest::newRow("fenced code") << "```\nint a;  \nint b;\n```\nafter\nend"
                                     << "int a;  \nint b;\nafter\nend";
        QTest::newRow("tilde fence with backticks inside") << "~~~\n```\nx\n~~~\ny\nz"
                                                           << "```\nx\ny\nz";
        QTest::newRow("backslash break") << "*a*\\\nb"
                                         << "a\nb";
    }
    void markdownKeepsLineBreaks()
    {
        QFETCH(QString, input);
        QFETCH(QString, shown);
        QTextDocument rendered;
        rendered.setHtml(textformat::markdownToHtml(input));
        QCOMPARE(rendered.toPlainText(), shown);
    }

    // What the composer sends as "markdown" (hasMarkdown), and what stays plain text.
    void hasMarkdown_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<bool>("markdown");
        QTest::newRow("words") << "See you at 10" << false;
        QTest::newRow("lines") << "first\nsecond\n\nthird" << false;
        QTest::newRow("snake_case") << "call read_file_now with x_y" << false;
        QTest::newRow("arithmetic") << "2 * 3 = 6, 7 * 8" << false;
        QTest::newRow("hashtag") << "#release today" << false;
        QTest::newRow("bare url") << "https://a.org/x_y_z" << false;
        QTest::newRow("raw html") << "<b>not html</b> & done" << false;
        QTest::newRow("emoticon") << "\\o/ :-* ;)" << false;
        QTest::newRow("ukrainian") << "Привіт, як справи?" << false;
        QTest::newRow("bold") << "**bold**" << true;
        QTest::newRow("italic") << "an *italic* word" << true;
        QTest::newRow("underscore italic") << "an _italic_ word" << true;
        QTest::newRow("code") << "run `make`" << true;
        QTest::newRow("code block") << "```\nint x;\n```" << true;
        QTest::newRow("indented code") << "    int x;" << true;
        QTest::newRow("quote") << "> quoted" << true;
        QTest::newRow("link") << "[site](https://a.org)" << true;
        QTest::newRow("autolink") << "<https://a.org>" << true;
        QTest::newRow("list") << "- one\n- two" << true;
        QTest::newRow("heading") << "# Title" << true;
        QTest::newRow("rule") << "above\n\n---\n\nbelow" << true;
        QTest::newRow("escape") << "\\*literal\\*" << true;
        QTest::newRow("entity") << "&copy; 2026" << true;
        QTest::newRow("image") << "![x](http://evil.example/i.png)" << true;
        // CommonMark's own rule: a dunder name is strong emphasis (`__init__` in backticks is not).
        QTest::newRow("dunder") << "__init__" << true;
    }
    void hasMarkdown()
    {
        QFETCH(QString, input);
        QFETCH(bool, markdown);
        QCOMPARE(textformat::hasMarkdown(input), markdown);
    }

    void markdownOfAHugeInputStaysQuick()
    {
        const QString nested = QString(5000, QLatin1Char('>')) + QStringLiteral(" deep ")
            + QString(5000, QLatin1Char('*')) + QStringLiteral("[a](") + QString(5000, QLatin1Char('('));
        QElapsedTimer timer;
        timer.start();
        const QString html = textformat::markdownToHtml(nested);
        QVERIFY2(timer.elapsed() < 5000, qPrintable(QStringLiteral("%1 ms").arg(timer.elapsed())));
        QVERIFY(html.contains(QLatin1String("deep")));
    }
};

// QTextDocument (the Markdown reader) needs a QGuiApplication for its fonts.
QTEST_MAIN(TestTextFormat)

#include "tst_textformat.moc"
