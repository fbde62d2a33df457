// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The words of message search: what a word is, how it folds, the FTS5 expression a query
// becomes, and the hit ranges (UTF-16 offsets, end exclusive), as server/src/search.js.

#include "store/searchtext.h"

#include <QTest>

using namespace ringchat::store;
using Ranges = QList<TextRange>;

class TestSearchText : public QObject
{
    Q_OBJECT

private slots:
    void wordsAreLettersNumbersAndMarks()
    {
        const QList<SearchWord> words = searchWords(u"Hi, Bob! it's 42 \U0001F600 naïve");
        QStringList texts;
        for (const SearchWord &w : words)
            texts.append(w.text);
        QCOMPARE(texts, (QStringList { "Hi", "Bob", "it", "s", "42", QStringLiteral("naïve") }));
        QCOMPARE(words.at(1).start, 4);
        QCOMPARE(words.at(1).end, 7);
    }

    void foldingLowersAndDropsLatinDiacriticsOnly()
    {
        QCOMPARE(foldSearchWord(u"CAFÉ"), QStringLiteral("cafe"));
        QCOMPARE(foldSearchWord(u"Ñandú"), QStringLiteral("nandu"));
        // Ukrainian letters stay themselves: й is not и, ї is not і.
        QCOMPARE(foldSearchWord(u"ЙОГО"), QStringLiteral("його"));
        QCOMPARE(foldSearchWord(u"Її"), QStringLiteral("її"));
        QCOMPARE(foldSearchWord(u"Ґанок"), QStringLiteral("ґанок"));
    }

    void termsSkipWordlessInputAndStopAtSixteen()
    {
        QCOMPARE(searchTerms(u"  !!! \U0001F600 "), QStringList());
        QCOMPARE(searchTerms(u"Hello, WORLD"), (QStringList { "hello", "world" }));
        QString many;
        for (int i = 0; i < 20; ++i)
            many += QStringLiteral("w%1 ").arg(i);
        QCOMPARE(searchTerms(many).size(), kMaxSearchWords);
    }

    void userInputIsNeverFtsSyntax()
    {
        QCOMPARE(ftsMatchExpression({}), QString());
        QCOMPARE(ftsMatchExpression({ "a\"b", "or" }), QStringLiteral("\"a\"\"b\"* AND \"or\"*"));
        // Operators and columns in the query are only words.
        QCOMPARE(ftsMatchExpression(searchTerms(u"NEAR(x) content:y OR -z*")),
                 QStringLiteral("\"near\"* AND \"x\"* AND \"content\"* AND \"y\"* AND \"or\"* AND \"z\"*"));
    }

    void rangesCoverEachWordATermBegins()
    {
        QCOMPARE(searchHitRanges(u"Deploy the deployment, Dep!", searchTerms(u"dep")),
                 (Ranges { { 0, 6 }, { 11, 21 }, { 23, 26 } }));
        QCOMPARE(searchHitRanges(u"nothing here", searchTerms(u"dep")), Ranges());
        QCOMPARE(searchHitRanges(u"Привіт, ПРИВІТАННЯ", searchTerms(u"прив")),
                 (Ranges { { 0, 6 }, { 8, 18 } }));
        QCOMPARE(searchHitRanges(u"Café", searchTerms(u"cafe")), (Ranges { { 0, 4 } }));
    }

    void rangesAreUtf16Offsets()
    {
        // An emoji outside the BMP counts two code units before the hit.
        QCOMPARE(searchHitRanges(u"\U0001F600 hello", searchTerms(u"hel")), (Ranges { { 3, 8 } }));
    }
};

QTEST_GUILESS_MAIN(TestSearchText)
#include "tst_searchtext.moc"
