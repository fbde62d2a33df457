// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The search box's text: its words and its filters (from:, in:, before:, after:).

#include "chat/searchquery.h"

#include <QTest>

using ringchat::chat::SearchQuery;

class TstSearchQuery : public QObject
{
    Q_OBJECT

private slots:
    void wordsAndFilters()
    {
        const QTimeZone kyiv("Europe/Kyiv");
        const SearchQuery q = SearchQuery::parse(
            "release FROM:bob  in:\"Ring team\" notes before:2026-03-02 after:2026-03-01", kyiv);
        QCOMPARE(q.text, QStringLiteral("release notes"));
        QCOMPARE(q.from, QStringLiteral("bob"));
        QCOMPARE(q.in, QStringLiteral("Ring team"));
        QCOMPARE(q.before, QDateTime(QDate(2026, 3, 2), QTime(0, 0), kyiv));
        QCOMPARE(q.notBefore, QDateTime(QDate(2026, 3, 2), QTime(0, 0), kyiv)); // after the 1st: from the 2nd
        QVERIFY(q.error.isEmpty());
        QVERIFY(q.hasFilters());
    }

    void anIsoTimeIsExact()
    {
        const SearchQuery q = SearchQuery::parse("x after:2026-03-01T10:30:00Z");
        QCOMPARE(q.notBefore, QDateTime(QDate(2026, 3, 1), QTime(10, 30), Qt::UTC));
    }

    void otherColonsAreWords()
    {
        const SearchQuery q = SearchQuery::parse("see https://example.org at 10:30");
        QCOMPARE(q.text, QStringLiteral("see https://example.org at 10:30"));
        QVERIFY(!q.hasFilters());
    }

    void aFilterStillBeingTypedIsLeftOut()
    {
        const SearchQuery q = SearchQuery::parse("lunch from: before:");
        QCOMPARE(q.text, QStringLiteral("lunch"));
        QVERIFY(!q.hasFilters());
        QVERIFY(q.error.isEmpty());
    }

    void aDateThatDoesNotReadIsSaid()
    {
        const SearchQuery q = SearchQuery::parse("lunch before:tomorrow after:2026-13-40");
        QCOMPARE(q.text, QStringLiteral("lunch"));
        QVERIFY(!q.before.isValid());
        QVERIFY(!q.notBefore.isValid());
        QVERIFY(q.error.contains("tomorrow"));
        QVERIFY(q.error.contains("2026-13-40"));
    }

    void emptyAndQuotedWords()
    {
        QCOMPARE(SearchQuery::parse("").text, QString());
        QCOMPARE(SearchQuery::parse("   ").text, QString());
        QCOMPARE(SearchQuery::parse("\"two words\" third").text, QStringLiteral("two words third"));
        QCOMPARE(SearchQuery::parse("Їжак IN:група").in, QStringLiteral("група"));
    }
};

QTEST_GUILESS_MAIN(TstSearchQuery)
#include "tst_searchquery.moc"
