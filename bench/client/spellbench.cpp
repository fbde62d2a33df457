// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The typing benchmark with spell check (issue 15: at most 16 ms a keystroke in a
// 10,000-character draft). A QTextDocument laid out at the composer's width holds a
// 10,000-character draft of English and Ukrainian prose (with two misspellings that
// recur); the real SpellHighlighter with the real en_US and uk_UA dictionaries is on
// it. Then it types English and Ukrainian phrases into the middle of the draft, one
// character a keystroke (QTextCursor::insertText: the edit, the re-highlight of the
// changed paragraph and its layout), and times each keystroke. Two drafts: one long
// paragraph (the worst case: every keystroke re-checks all 10,000 characters) and
// paragraphs of about 300 characters; each with spell check off too, for the
// difference. Prints one JSON line per case (p50, p99 and worst keystroke, the first
// full highlight) and checks that at the end exactly the draft's misspellings are
// underlined (exit 1 otherwise); it never judges speed.
//
//   ringchat-bench-spell [--quick]    (--quick: 120 keystrokes a case instead of 2000)
#include "../../tests/spell/underlinedwords.h"
#include "percentile.h"
#include "spell/dictionaries.h"
#include "spell/spellchecker.h"
#include "spell/spellhighlighter.h"

#include <QElapsedTimer>
#include <QGuiApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <QTextCursor>
#include <QTextDocument>

#include <cstdio>
#include <memory>

using namespace ringchat;

namespace {

constexpr int kDraftLength = 10'000;
const QStringList kSentences {
    QStringLiteral("The release notes are ready for review, and the wrold can wait until Monday."),
    QStringLiteral("Я переглянула журнал збірки: це помилкка в налаштуваннях, а не в коді."),
    QStringLiteral("Could you attach the screenshot of the settings page before the meeting?"),
    QStringLiteral("Завтра зранку надішлю оновлений план і відповім на всі запитання."),
    QStringLiteral("We measured the scroll again after the change, and it stayed smooth."),
};
const QString kTyped = QStringLiteral("thanks for the quick answer, дякую за швидку відповідь. ");
const QSet<QString> kMisspelt { QStringLiteral("wrold"), QStringLiteral("помилкка") };

QString makeDraft(bool paragraphs)
{
    QString draft;
    for (int i = 0; draft.size() < kDraftLength; ++i) {
        draft += kSentences[i % kSentences.size()];
        draft += (paragraphs && i % 4 == 3) ? QLatin1Char('\n') : QLatin1Char(' ');
    }
    draft.truncate(kDraftLength);
    return draft.left(draft.lastIndexOf(QLatin1Char(' '))); // end on a whole word
}

struct Result
{
    QJsonObject row;
    bool ok = true;
};

Result typeInto(spell::SpellChecker *checker, bool paragraphs, int keystrokes)
{
    QTextDocument document;
    document.setTextWidth(600); // laid out, as the composer's TextArea lays it out
    document.setPlainText(makeDraft(paragraphs));
    document.documentLayout();
    std::unique_ptr<spell::SpellHighlighter> highlighter;
    QElapsedTimer timer;
    double fullHighlightMs = 0;
    if (checker) {
        timer.start();
        highlighter = std::make_unique<spell::SpellHighlighter>(checker, &document);
        highlighter->rehighlight();
        fullHighlightMs = double(timer.nsecsElapsed()) / 1e6;
    }
    // Whole phrases, so the text ends on whole words.
    const int phrases = (keystrokes + int(kTyped.size()) - 1) / int(kTyped.size());
    QTextCursor cursor(&document);
    const QString text = document.toPlainText();
    const qsizetype draftChars = text.size();
    cursor.setPosition(int(text.indexOf(QLatin1Char(' '), text.size() / 2)) + 1);
    QList<double> times;
    for (int phrase = 0; phrase < phrases; ++phrase) {
        for (const QChar c : kTyped) {
            timer.start();
            cursor.insertText(QString(c));
            times.append(double(timer.nsecsElapsed()) / 1e6);
        }
    }
    std::sort(times.begin(), times.end());
    Result result;
    if (checker) {
        const QStringList underlined = underlinedWords(document);
        result.ok = QSet<QString>(underlined.begin(), underlined.end()) == kMisspelt;
        if (!result.ok)
            std::fprintf(stderr, "ringchat-bench-spell: underlined %s\n",
                         qPrintable(QStringList(underlined.mid(0, 10)).join(QLatin1Char(' '))));
    }
    result.row = QJsonObject {
        { QStringLiteral("bench"), QStringLiteral("spell") },
        { QStringLiteral("draft"),
          paragraphs ? QStringLiteral("paragraphs") : QStringLiteral("one paragraph") },
        { QStringLiteral("spellCheck"), checker != nullptr },
        { QStringLiteral("draftChars"), draftChars },
        { QStringLiteral("keystrokes"), times.size() },
        { QStringLiteral("p50Ms"), percentile(times, 0.5) },
        { QStringLiteral("p99Ms"), percentile(times, 0.99) },
        { QStringLiteral("maxMs"), times.isEmpty() ? 0.0 : times.last() },
        { QStringLiteral("fullHighlightMs"), fullHighlightMs },
        { QStringLiteral("ok"), result.ok },
    };
    return result;
}

} // namespace

int main(int argc, char *argv[])
{
    QGuiApplication app(argc, argv);
    const bool quick = app.arguments().contains(QStringLiteral("--quick"));
    const int keystrokes = quick ? 120 : 2000;

    QTemporaryDir dataDir;
    spell::SpellChecker checker(spell::findDictionaries(),
                                dataDir.filePath(QStringLiteral("personal-words.txt")));
    checker.setLanguages({ QStringLiteral("en_US"), QStringLiteral("uk_UA") });
    if (checker.languages().size() != 2 || !QTest::qWaitFor([&] { return checker.isReady(); }, 60'000)) {
        std::fprintf(stderr,
                     "ringchat-bench-spell: needs the en_US and uk_UA dictionaries "
                     "(hunspell-en-us, hunspell-uk)\n");
        return 1;
    }
    bool ok = true;
    for (const bool paragraphs : { false, true }) {
        for (spell::SpellChecker *spelling : { static_cast<spell::SpellChecker *>(nullptr), &checker }) {
            const Result result = typeInto(spelling, paragraphs, keystrokes);
            ok = ok && result.ok;
            std::printf("%s\n", QJsonDocument(result.row).toJson(QJsonDocument::Compact).constData());
        }
    }
    return ok ? 0 : 1;
}
