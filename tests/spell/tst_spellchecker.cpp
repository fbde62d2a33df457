// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The spell checker on Debian's real dictionaries (en_US, uk_UA in /usr/share/hunspell):
// both languages at once, suggestions, the personal word list across a restart,
// languages switched off, and the highlighter's underlines on a QTextDocument.
#include "spell/dictionaries.h"
#include "spell/spellchecker.h"
#include "spell/spellhighlighter.h"
#include "underlinedwords.h"

#include <QGuiApplication>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTextDocument>

#include <memory>

using namespace ringchat::spell;
using Verdict = SpellChecker::Verdict;

class TestSpellChecker : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    std::unique_ptr<SpellChecker> makeChecker(const QStringList &languages, const QString &wordsFile = {})
    {
        auto checker = std::make_unique<SpellChecker>(
            findDictionaries(), wordsFile.isEmpty() ? m_dir.filePath(QStringLiteral("none.txt")) : wordsFile);
        checker->setLanguages(languages);
        // Loading runs on the worker; uk_UA takes about a second.
        if (!QTest::qWaitFor([&] { return checker->isReady(); }, 30000))
            qFatal("the dictionaries did not load");
        return checker;
    }

    static QStringList underlined(const QTextDocument &document) { return underlinedWords(document); }

private slots:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void findsDebiansDictionaries()
    {
        QStringList names;
        for (const DictionaryInfo &info : findDictionaries())
            names.append(info.language);
        QVERIFY2(names.contains(QStringLiteral("en_US")) && names.contains(QStringLiteral("uk_UA")),
                 "install hunspell-en-us and hunspell-uk (scripts/setup does)");
    }

    void defaultLanguagesFollowTheSystem()
    {
        const QStringList installed { "de_DE", "en_GB", "en_US", "uk_UA" };
        QCOMPARE(defaultLanguages({ "uk-UA", "uk", "en-US", "en" }, installed),
                 (QStringList { "uk_UA", "en_US" }));
        QCOMPARE(defaultLanguages({ "uk", "en-GB" }, installed), (QStringList { "uk_UA", "en_GB" }));
        QCOMPARE(defaultLanguages({ "fr-FR" }, installed), QStringList { "en_US" });
        QCOMPARE(defaultLanguages({ "C" }, { "en_GB", "uk_UA" }), QStringList { "en_GB" });
        QCOMPARE(defaultLanguages({ "fr-FR" }, { "uk_UA" }), QStringList {});
    }

    void englishAndUkrainianMisspellingsInOneLine()
    {
        auto checker = makeChecker({ "en_US", "uk_UA" });
        QTextDocument document(QStringLiteral("Hello wrold, привіт світе: це помилкка, and this is fine."));
        SpellHighlighter highlighter(checker.get(), &document);
        QTRY_COMPARE(underlined(document), (QStringList { "wrold", "помилкка" }));
        QCOMPARE(checker->check(QStringLiteral("world")), Verdict::Correct);
        QCOMPARE(checker->check(QStringLiteral("помилка")), Verdict::Correct);
        QCOMPARE(checker->check(QStringLiteral("Київ")), Verdict::Correct);
        // A Latin letter in a Cyrillic word (a look-alike) is no word in either language.
        QCOMPARE(checker->check(QStringLiteral("Kиїв")), Verdict::Misspelt);
    }

    void skipsCodeLinksAndMentions()
    {
        auto checker = makeChecker({ "en_US" });
        QTextDocument document(
            QStringLiteral("see `mak instal` and https://exmple.org @alce\n```\nint mian() {}\n```\n"
                           "after the fense"));
        SpellHighlighter highlighter(checker.get(), &document);
        QTRY_COMPARE(underlined(document), QStringList { "fense" });
    }

    void suggestionsContainTheWord()
    {
        auto checker = makeChecker({ "en_US", "uk_UA" });
        QSignalSpy ready(checker.get(), &SpellChecker::suggestionsReady);
        checker->requestSuggestions(QStringLiteral("recieve"));
        checker->requestSuggestions(QStringLiteral("привт"));
        QTRY_COMPARE_WITH_TIMEOUT(ready.size(), 2, 30000);
        QCOMPARE(ready[0][0].toString(), QStringLiteral("recieve"));
        QVERIFY2(ready[0][1].toStringList().contains(QStringLiteral("receive")),
                 qPrintable(ready[0][1].toStringList().join(QLatin1Char(' '))));
        QCOMPARE(ready[1][0].toString(), QStringLiteral("привт"));
        QVERIFY2(ready[1][1].toStringList().contains(QStringLiteral("привіт")),
                 qPrintable(ready[1][1].toStringList().join(QLatin1Char(' '))));
        // Only the dictionary of the word's script answers: no Ukrainian for English.
        for (const QString &suggestion : ready[0][1].toStringList())
            QVERIFY2(suggestion.front().script() == QChar::Script_Latin, qPrintable(suggestion));
    }

    void personalWordsSurviveARestart()
    {
        const QString file = m_dir.filePath(QStringLiteral("data/personal-words.txt"));
        {
            auto checker = makeChecker({ "en_US", "uk_UA" }, file);
            QCOMPARE(checker->check(QStringLiteral("ringchatty")), Verdict::Misspelt);
            QCOMPARE(checker->check(QStringLiteral("рінгчат")), Verdict::Misspelt);
            QSignalSpy changed(checker.get(), &SpellChecker::verdictsChanged);
            checker->addToPersonal(QStringLiteral("ringchatty"));
            checker->addToPersonal(QStringLiteral("рінгчат"));
            QVERIFY(changed.size() >= 1);
            QCOMPARE(checker->check(QStringLiteral("ringchatty")), Verdict::Correct);
            QCOMPARE(checker->check(QStringLiteral("Ringchatty")), Verdict::Correct); // starts a sentence
        } // the destructor waits for the write
        auto restarted = makeChecker({ "en_US", "uk_UA" }, file);
        QCOMPARE(restarted->check(QStringLiteral("ringchatty")), Verdict::Correct);
        QCOMPARE(restarted->check(QStringLiteral("рінгчат")), Verdict::Correct);
        QCOMPARE(restarted->check(QStringLiteral("ringchaty")), Verdict::Misspelt);
        // Right whatever the languages.
        restarted->setLanguages({ "uk_UA" });
        QTRY_VERIFY(restarted->isReady());
        QCOMPARE(restarted->check(QStringLiteral("рінгчат")), Verdict::Correct);
    }

    void languagesSwitchedOffStopFlagging()
    {
        auto checker = makeChecker({ "en_US", "uk_UA" });
        QTextDocument document(QStringLiteral("Hello wrold, це помилкка"));
        SpellHighlighter highlighter(checker.get(), &document);
        QTRY_COMPARE(underlined(document), (QStringList { "wrold", "помилкка" }));
        checker->setLanguages({ "uk_UA" });
        QCOMPARE(underlined(document), QStringList { "помилкка" });
        checker->setLanguages({});
        QCOMPARE(underlined(document), QStringList {});
        // Back on: the dictionary loads again, and the underlines come back when it is in.
        checker->setLanguages({ "en_US" });
        QTRY_COMPARE_WITH_TIMEOUT(underlined(document), QStringList { "wrold" }, 30000);
    }

    void misspeltWordAtAPosition()
    {
        auto checker = makeChecker({ "en_US" });
        QTextDocument document(QStringLiteral("fine line\nthe wrold is"));
        SpellHighlighter highlighter(checker.get(), &document);
        highlighter.rehighlight(); // the block states (code fences)
        const int start = int(document.toPlainText().indexOf(QStringLiteral("wrold")));
        for (int position : { start, start + 2, start + 5 }) {
            const auto word = highlighter.misspeltWordAt(position);
            QVERIFY(word);
            QCOMPARE(word->start, start);
            QCOMPARE(word->length, 5);
        }
        QVERIFY(!highlighter.misspeltWordAt(start - 1));
        QVERIFY(!highlighter.misspeltWordAt(1));
    }

    void unknownLanguagesAreIgnored()
    {
        SpellChecker checker(findDictionaries(), m_dir.filePath(QStringLiteral("none.txt")));
        checker.setLanguages({ "xx_XX", "en_US", "en_US" });
        QCOMPARE(checker.languages(), QStringList { "en_US" });
    }
};

int main(int argc, char *argv[])
{
    QGuiApplication app(argc, argv); // QTextDocument needs fonts
    TestSpellChecker test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_spellchecker.moc"
