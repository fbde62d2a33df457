// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// Which words of a line spell checking looks at (spell/words.h).
#include "spell/words.h"

#include <QTest>

using namespace ringchat::spell;

class TestWords : public QObject
{
    Q_OBJECT

private:
    static QStringList wordsOf(const QString &line)
    {
        QStringList words;
        for (const WordRange &word : checkableWords(line))
            words.append(line.mid(word.start, word.length));
        return words;
    }

private slots:
    void wordsByUnicodeBoundaries_data()
    {
        QTest::addColumn<QString>("line");
        QTest::addColumn<QStringList>("words");
        QTest::newRow("prose") << QStringLiteral("Hello, world! How are you?")
                               << QStringList { "Hello", "world", "How", "are", "you" };
        QTest::newRow("apostrophes stay in the word")
            << QStringLiteral("don't, п’ять і м'ясо") << QStringList { "don't", "п’ять", "м'ясо" };
        QTest::newRow("hyphen splits") << QStringLiteral("будь-ласка") << QStringList { "будь", "ласка" };
        QTest::newRow("single letters, numbers, digits and capitals are skipped")
            << QStringLiteral("a 42 3.14 v2 API НБУ word") << QStringList { "word" };
        QTest::newRow("links") << QStringLiteral("see https://exmple.org/pth?q=wrld and www.exmple.com now")
                               << QStringList { "see", "and", "now" };
        QTest::newRow("mentions and e-mail")
            << QStringLiteral("ask @alce or bbo@exmple.org please") << QStringList { "ask", "or", "please" };
        QTest::newRow("inline code") << QStringLiteral("run `mak instal` then `unclosd")
                                     << QStringList { "run", "then" };
        QTest::newRow("empty") << QString() << QStringList {};
        QTest::newRow("emoji and punctuation only") << QStringLiteral("👍 … — !") << QStringList {};
    }
    void wordsByUnicodeBoundaries()
    {
        QFETCH(QString, line);
        QFETCH(QStringList, words);
        QCOMPARE(wordsOf(line), words);
    }

    void rangesPointIntoTheLine()
    {
        const QString line = QStringLiteral("  привіт, світе");
        const QList<WordRange> words = checkableWords(line);
        QCOMPARE(words.size(), 2);
        QCOMPARE(words[0], (WordRange { 2, 6 }));
        QCOMPARE(words[1], (WordRange { 10, 5 }));
    }

    void codeFences()
    {
        QVERIFY(isCodeFence(QStringLiteral("```")));
        QVERIFY(isCodeFence(QStringLiteral("  ```cpp")));
        QVERIFY(!isCodeFence(QStringLiteral("text ```")));
    }
};

QTEST_GUILESS_MAIN(TestWords)
#include "tst_words.moc"
