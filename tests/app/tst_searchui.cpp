// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The search UI's C++ (src/app): the highlight of hit ranges in a message's plain text,
// with hostile text and hostile ranges; the snippet; the Ctrl+F bar's hits in one
// conversation and the results across conversations, against the real reference
// server and a real SQLite cache; the results' server pages as the list asks for more
// (each hit once, a page of an older query never shown, a failed page said); and the
// results' "server results are missing" offline.
#include "chatclient.h"
#include "referenceserver.h"

#include "api/restclient.h"
#include "app/conversationsearch.h"
#include "app/searchhighlight.h"
#include "app/searchresultsmodel.h"
#include "chat/searchservice.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBlock>
#include <QTextDocument>
#include <QUuid>

using namespace ringchat;
using app::ConversationSearch;
using app::SearchResultsModel;
using Ranges = QList<store::TextRange>;

namespace {
const QString kDm = QStringLiteral("dm-alice-bob");
const QString kGroup = QStringLiteral("group-ring");
constexpr int kWait = 20000;
const QColor kYellow(0xff, 0xd8, 0x4d);

template <typename T> T wait(QFuture<T> future)
{
    QTest::qWaitFor([&] { return future.isFinished(); }, kWait);
    return future.result();
}

// What a Text item shows of RichText: its plain text, and which characters are highlighted.
struct Shown
{
    QString text;
    QString marked; // '^' under each highlighted character, ' ' elsewhere
};

Shown shown(const QString &html)
{
    QTextDocument doc;
    doc.setHtml(html);
    Shown s;
    s.text = doc.toPlainText();
    for (QTextBlock block = doc.begin(); block.isValid(); block = block.next()) {
        for (auto it = block.begin(); !it.atEnd(); ++it) {
            const QTextFragment f = it.fragment();
            const bool on = f.charFormat().background().color() == kYellow;
            s.marked += QString(f.length(), on ? u'^' : u' ');
        }
        if (block.next().isValid())
            s.marked += u' ';
    }
    return s;
}
} // namespace

class TestSearchUi : public QObject
{
    Q_OBJECT

private slots:
    void highlightEscapesEverythingOfTheMessage()
    {
        const QString text
            = QStringLiteral("<b>bold</b> &amp; <a href=\"javascript:x\">x</a> <img src=y> \"q\" 'a'");
        const QString html = app::searchhighlight::toHtml(text, { { 0, 3 }, { 12, 17 } }, kYellow);
        QVERIFY(!html.contains(QLatin1String("<b>")));
        QVERIFY(!html.contains(QLatin1String("<a ")));
        QVERIFY(!html.contains(QLatin1String("<img")));
        const Shown s = shown(html);
        QCOMPARE(s.text, text);
        QCOMPARE(s.marked.left(18), QStringLiteral("^^^         ^^^^^ "));
    }

    void highlightKeepsSpacesAndLineBreaks()
    {
        const QString text = QStringLiteral("two  spaces\nnext line\n\n  indented");
        const Shown s = shown(app::searchhighlight::toHtml(text, { { 17, 21 } }, kYellow));
        QCOMPARE(s.text, text);
        QCOMPARE(s.marked.mid(17, 4), QStringLiteral("^^^^"));
        QCOMPARE(s.marked.count(u'^'), 4);
    }

    void hostileRangesAreMendedOrDropped_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<Ranges>("ranges");
        QTest::addColumn<Ranges>("expected");
        QTest::newRow("none") << QStringLiteral("hello") << Ranges {} << Ranges {};
        QTest::newRow("out of bounds")
            << QStringLiteral("hello") << Ranges { { -5, 2 }, { 3, 99 } } << Ranges { { 0, 2 }, { 3, 5 } };
        QTest::newRow("past the end") << QStringLiteral("hello") << Ranges { { 7, 9 } } << Ranges {};
        QTest::newRow("reversed") << QStringLiteral("hello") << Ranges { { 4, 1 } } << Ranges { { 1, 4 } };
        QTest::newRow("empty") << QStringLiteral("hello") << Ranges { { 2, 2 } } << Ranges {};
        QTest::newRow("overlapping, unsorted")
            << QStringLiteral("hello world") << Ranges { { 6, 11 }, { 1, 4 }, { 3, 7 } }
            << Ranges { { 1, 11 } };
        // "😀" is two UTF-16 units: a range never splits it.
        QTest::newRow("surrogate pair")
            << QStringLiteral("a\U0001F600b") << Ranges { { 2, 3 }, { 0, 2 } } << Ranges { { 0, 3 } };
        QTest::newRow("ends inside a pair")
            << QStringLiteral("\U0001F600\U0001F600") << Ranges { { 2, 3 } } << Ranges { { 2, 4 } };
        QTest::newRow("empty text") << QString() << Ranges { { 0, 4 } } << Ranges {};
    }

    void hostileRangesAreMendedOrDropped()
    {
        QFETCH(QString, text);
        QFETCH(Ranges, ranges);
        QFETCH(Ranges, expected);
        QCOMPARE(app::searchhighlight::normalized(text, ranges), expected);
        // And the markup shows the text as it is, whatever the ranges.
        QCOMPARE(shown(app::searchhighlight::toHtml(text, ranges, kYellow)).text, text);
    }

    void snippetCutsAroundTheFirstHit()
    {
        const QString text = QString(300, u'x') + QStringLiteral(" needle\nhere ") + QString(300, u'y');
        const auto s = app::searchhighlight::snippet(text, { { 301, 307 } }, 60);
        QVERIFY(s.text.startsWith(u'\u2026'));
        QVERIFY(s.text.endsWith(u'\u2026'));
        QVERIFY(!s.text.contains(u'\n'));
        QCOMPARE(s.ranges.size(), 1);
        QCOMPARE(s.text.mid(s.ranges[0].first, s.ranges[0].second - s.ranges[0].first),
                 QStringLiteral("needle"));
        // Short text: all of it, uncut.
        const auto whole = app::searchhighlight::snippet(QStringLiteral("a needle"), { { 2, 8 } });
        QCOMPARE(whole.text, QStringLiteral("a needle"));
        QCOMPARE(whole.ranges, (Ranges { { 2, 8 } }));
    }

    void initTestCase()
    {
        QVERIFY(m_server.start());
        m_aliceToken = m_server.token(QStringLiteral("alice"));
        TokenList aliceTokens({ m_aliceToken }), bobTokens({ m_server.token(QStringLiteral("bob")) });
        api::RestClient asAlice(m_server.url(), &aliceTokens), asBob(m_server.url(), &bobTokens);
        const auto send = [&](api::RestClient &rest, const QString &conversation, const QString &text) {
            const auto r = wait(
                rest.sendMessage(conversation, QUuid::createUuid().toString(QUuid::WithoutBraces), text));
            QVERIFY2(r.ok(), qPrintable(r.error().message));
            m_ids.append(r.value().id);
        };
        send(asAlice, kDm, QStringLiteral("zebrafish one <b>not bold</b>"));
        send(asBob, kDm, QStringLiteral("nothing to see"));
        send(asBob, kDm, QStringLiteral("Zebrafish two"));
        send(asAlice, kGroup, QStringLiteral("the zebrafish of the group"));
        send(asBob, kDm, QStringLiteral("zebrafish three & more"));
    }

    void barStepsThroughOneConversationsHits()
    {
        QTemporaryDir dir;
        ChatClient alice(m_server.url(), QStringLiteral("alice"), { m_aliceToken }, dir.path());
        QVERIFY(openAndSync(alice));
        chat::SearchService service(alice.service.get(), alice.store.get());
        QVERIFY(cached(service));

        ConversationSearch search;
        search.setService(&service);
        search.setConversationId(kDm);
        search.setDebounceMs(0);
        QSignalSpy current(&search, &ConversationSearch::currentChanged);
        search.setQuery(QStringLiteral("zebra"));
        QVERIFY(search.busy());
        QTRY_COMPARE_WITH_TIMEOUT(search.count(), 3, kWait); // the group's is not this conversation's
        QVERIFY(!search.busy());
        // Numbered from the newest: 1 is "zebrafish three".
        QCOMPARE(search.current(), 1);
        QCOMPARE(search.currentMessageId(), m_ids.at(4));
        const qint64 newest = search.currentSeq();
        search.next();
        QCOMPARE(search.current(), 2);
        QCOMPARE(search.currentMessageId(), m_ids.at(2));
        QVERIFY(search.currentSeq() < newest);
        search.next();
        search.next(); // wraps to the newest
        QCOMPARE(search.current(), 1);
        search.previous(); // wraps to the oldest
        QCOMPARE(search.current(), 3);
        QCOMPARE(search.currentMessageId(), m_ids.at(0));
        QVERIFY(current.count() >= 5);

        // The bubble's text: the hit marked, the rest escaped.
        const QString html = search.highlight(QStringLiteral("zebrafish one <b>not bold</b>"), kYellow);
        const Shown s = shown(html);
        QCOMPARE(s.text, QStringLiteral("zebrafish one <b>not bold</b>"));
        QCOMPARE(s.marked.count(u'^'), 9);
        QVERIFY(search.highlight(QStringLiteral("nothing to see"), kYellow).isEmpty());

        // A result chosen elsewhere becomes the current hit: once the hits are in, or
        // at once when they are.
        search.setQuery(QStringLiteral("zebrafish"));
        search.focusMessage(m_ids.at(2));
        QTRY_VERIFY_WITH_TIMEOUT(search.searchedQuery() == QStringLiteral("zebrafish"), kWait);
        QCOMPARE(search.current(), 2);
        search.focusMessage(m_ids.at(0));
        QCOMPARE(search.current(), 3);

        search.setQuery(QStringLiteral("quagga"));
        QTRY_VERIFY_WITH_TIMEOUT(search.searchedQuery() == QStringLiteral("quagga"), kWait);
        QCOMPARE(search.count(), 0);
        QCOMPARE(search.current(), 0);

        search.setQuery(QStringLiteral("zebra"));
        QTRY_COMPARE_WITH_TIMEOUT(search.count(), 3, kWait);
        search.clear(); // Esc
        QCOMPARE(search.count(), 0);
        QCOMPARE(search.query(), QString());
        QVERIFY(search.highlight(QStringLiteral("zebrafish"), kYellow).isEmpty());
    }

    void resultsListFetchesTheServersNextPages()
    {
        // More hits than a page (the model asks 50), none of them in the cache, in a
        // conversation of their own (the other tests' cache the group's newest).
        TokenList aliceTokens({ m_aliceToken });
        api::RestClient asAlice(m_server.url(), &aliceTokens);
        constexpr int kSent = 120;
        for (int i = 0; i < kSent; ++i) {
            const auto r = wait(asAlice.sendMessage(QStringLiteral("dm-alice-carol"),
                                                    QUuid::createUuid().toString(QUuid::WithoutBraces),
                                                    QStringLiteral("narwhal pod %1").arg(i)));
            QVERIFY2(r.ok(), qPrintable(r.error().message));
        }
        QTemporaryDir dir;
        ChatClient alice(m_server.url(), QStringLiteral("alice"), { m_aliceToken }, dir.path());
        alice->start(); // the conversations, not their history
        QTRY_VERIFY_WITH_TIMEOUT(alice->isSynced(), kWait);
        chat::SearchService service(alice.service.get(), alice.store.get());

        SearchResultsModel model;
        model.setService(&service);
        model.setLocalDelayMs(0);
        model.setServerDelayMs(0);
        model.setQuery(QStringLiteral("narwhal"));
        QTRY_VERIFY_WITH_TIMEOUT(model.serverIncluded() && !model.searching(), kWait);
        QCOMPARE(model.rowCount(), 50);
        QVERIFY(model.canLoadMore());

        // The pane asks when its list is scrolled to the end: rows are inserted, never reset.
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        model.loadMore();
        QVERIFY(model.searching());    // "Searching the server…"
        QVERIFY(!model.canLoadMore()); // one page on the way at a time
        QTRY_VERIFY_WITH_TIMEOUT(!model.searching(), kWait);
        QCOMPARE(model.rowCount(), 100);
        QCOMPARE(model.get(50).value("conversationId").toString(), QStringLiteral("dm-alice-carol"));
        {
            // The pages to the last, under the model tester.
            QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
            for (int page = 0; page < 5 && (model.searching() || model.canLoadMore()); ++page) {
                model.loadMore();
                QTRY_VERIFY_WITH_TIMEOUT(!model.searching(), kWait);
            }
            QVERIFY(!model.canLoadMore());
        }
        QCOMPARE(model.rowCount(), kSent);
        QVERIFY(model.serverIncluded());
        QVERIFY(inserted.count() >= 2);
        QCOMPARE(reset.count(), 0);
        QSet<QString> ids;
        for (int row = 0; row < model.rowCount(); ++row) {
            const QVariantMap hit = model.get(row);
            ids.insert(hit.value("messageId").toString());
            if (row > 0) // newest first
                QVERIFY(model.get(row - 1).value("timestamp").toDateTime()
                        >= hit.value("timestamp").toDateTime());
        }
        QCOMPARE(ids.size(), kSent); // each once
        QCOMPARE(model.get(kSent - 1).value("snippet").toString().contains("pod 0"), true);

        // A new query while a page is on the way: that page never shows.
        model.setQuery(QStringLiteral("narwh"));
        QTRY_VERIFY_WITH_TIMEOUT(model.serverIncluded() && !model.searching() && model.rowCount() == 50,
                                 kWait);
        model.loadMore();
        model.setQuery(QStringLiteral("zebrafish"));
        QTRY_VERIFY_WITH_TIMEOUT(model.serverIncluded() && !model.searching(), kWait);
        inserted.clear();
        QTest::qWait(1000); // long enough for the older page to have come
        QCOMPARE(model.rowCount(), 4);
        QCOMPARE(inserted.count(), 0);
        for (int row = 0; row < model.rowCount(); ++row)
            QVERIFY(m_ids.contains(model.get(row).value("messageId").toString()));

        // A page that fails: the rows stay, it says the server's are missing, and no more
        // is asked. Offline, nothing is asked at all.
        model.setQuery(QStringLiteral("narwhal pod"));
        QTRY_VERIFY_WITH_TIMEOUT(model.serverIncluded() && !model.searching() && model.rowCount() == 50,
                                 kWait);
        m_server.stop();
        model.loadMore();
        QTRY_VERIFY_WITH_TIMEOUT(!model.searching(), kWait);
        QCOMPARE(model.rowCount(), 50);
        QVERIFY(!model.serverIncluded());
        QVERIFY(!model.serverProblem().isEmpty());
        QVERIFY(!model.canLoadMore());
        model.setQuery(QStringLiteral("narwhal"));
        QTRY_VERIFY_WITH_TIMEOUT(!model.searching(), kWait);
        QVERIFY(!model.serverIncluded());
        QVERIFY(!model.canLoadMore());
        QVERIFY(m_server.start());
    }

    void resultsListLocalThenServer()
    {
        QTemporaryDir dir;
        ChatClient alice(m_server.url(), QStringLiteral("alice"), { m_aliceToken }, dir.path());
        QVERIFY(openAndSync(alice));
        chat::SearchService service(alice.service.get(), alice.store.get());
        QVERIFY(cached(service));

        SearchResultsModel model;
        model.setService(&service);
        model.setLocalDelayMs(0);
        model.setServerDelayMs(300);
        model.setProperty("highlightColor", kYellow);
        model.setQuery(QStringLiteral("zebra"));
        QVERIFY(model.searching());
        // Local first: the hits are there while the server's answer is still to come.
        QTRY_COMPARE_WITH_TIMEOUT(model.rowCount(), 4, kWait);
        QVERIFY(!model.serverIncluded());
        QTRY_VERIFY_WITH_TIMEOUT(model.serverIncluded(), kWait);
        QVERIFY(!model.searching());
        QCOMPARE(model.rowCount(), 4);
        QVERIFY(model.serverProblem().isEmpty());

        // Newest first, with who, where and when.
        const QVariantMap first = model.get(0);
        QCOMPARE(first.value("messageId").toString(), m_ids.at(4));
        QCOMPARE(first.value("conversationId").toString(), kDm);
        QCOMPARE(first.value("senderName").toString(), QStringLiteral("Bob Example"));
        QVERIFY(!first.value("conversationTitle").toString().isEmpty());
        QVERIFY(first.value("timestamp").toDateTime().isValid());
        QVERIFY(first.value("seq").toLongLong() > 0);
        const Shown s = shown(first.value("snippet").toString());
        QCOMPARE(s.text, QStringLiteral("zebrafish three & more"));
        QCOMPARE(s.marked.left(10), QStringLiteral("^^^^^^^^^ "));
        const QVariantMap group = model.get(1);
        QCOMPARE(group.value("conversationId").toString(), kGroup);
        QCOMPARE(group.value("conversationTitle").toString(), QStringLiteral("Ring team"));
        QVERIFY(model.get(99).isEmpty());

        // Offline: the cache's hits, and it says the server's are missing.
        m_server.stop();
        model.setQuery(QStringLiteral("zebrafish"));
        QTRY_VERIFY_WITH_TIMEOUT(!model.searching(), kWait);
        QCOMPARE(model.rowCount(), 4);
        QVERIFY(!model.serverIncluded());
        QVERIFY(!model.serverProblem().isEmpty());

        model.clear();
        QCOMPARE(model.rowCount(), 0);
    }

private:
    // The cache takes writes in batches: all four hits are in it.
    static bool cached(chat::SearchService &service)
    {
        chat::SearchService::Options local;
        local.localOnly = true;
        return QTest::qWaitFor([&] { return wait(service.search("zebra", local)).hits.size() == 4; }, kWait);
    }

    bool openAndSync(ChatClient &alice)
    {
        alice->openConversation(kDm);
        alice->openConversation(kGroup);
        alice->start();
        return QTest::qWaitFor(
            [&] {
                return alice->isSynced() && alice->messages(kDm).size() >= 4
                    && alice->messages(kGroup).size() >= 1;
            },
            kWait);
    }

    ReferenceServer m_server { ReferenceServer::relaxedLimits() };
    QString m_aliceToken;
    QStringList m_ids;
};

QTEST_MAIN(TestSearchUi)
#include "tst_searchui.moc"
