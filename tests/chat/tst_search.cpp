// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// Message search against the real reference server, with a real SQLite cache: the cache's
// index and the server's search find the same hits with the same ranges over the same
// history (prefix, case, Ukrainian, accents, an edit, a delete); the server's hits fill in
// history the cache does not hold; offline the cache answers and says the server's are
// missing; the filters; one conversation's hits in order; the server's pages beyond the
// first, merged with the cache's hits, each once; and the CLI's search, paging too.
#include "chatclient.h"
#include "clirunner.h"
#include "referenceserver.h"

#include "api/restclient.h"
#include "chat/searchservice.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace ringchat;
using chat::ChatService;
using chat::SearchResults;
using chat::SearchService;
using Ranges = QList<store::TextRange>;

namespace {
const QString kDm = QStringLiteral("dm-alice-bob");
const QString kGroup = QStringLiteral("group-ring");
const QStringList kConversations = { kDm, QStringLiteral("dm-alice-carol"), kGroup };
constexpr int kWait = 20000;

template <typename T> T wait(QFuture<T> future)
{
    QTest::qWaitFor([&] { return future.isFinished(); }, kWait);
    return future.result();
}

// Hits by message id, with their ranges.
using Hits = QMap<QString, Ranges>;

Hits hitsOf(const SearchResults &r)
{
    Hits out;
    for (const chat::SearchResult &hit : r.hits)
        out.insert(hit.message.id, hit.ranges);
    return out;
}

Hits serverHits(api::RestClient &rest, const QString &query)
{
    const auto r = wait(rest.searchMessages(query, {}, 200));
    if (!r.ok()) {
        qWarning("server search failed: %s", qPrintable(r.error().message));
        return {};
    }
    Hits out;
    for (const api::SearchHit &hit : r.value().items)
        out.insert(hit.message.id, hit.ranges);
    return out;
}

SearchService::Options localOnly(int limit = 200)
{
    SearchService::Options o;
    o.localOnly = true;
    o.limit = limit;
    return o;
}

QJsonObject json(const QString &line)
{
    return QJsonDocument::fromJson(line.toUtf8()).object();
}

} // namespace

class TstSearch : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QVERIFY(m_server.start());
        m_aliceToken = m_server.token(QStringLiteral("alice"));
        QVERIFY(!m_aliceToken.isEmpty());
        TokenList bobTokens({ m_server.token(QStringLiteral("bob")) });
        TokenList aliceTokens({ m_aliceToken });
        api::RestClient asAlice(m_server.url(), &aliceTokens), asBob(m_server.url(), &bobTokens);
        const auto send = [&](api::RestClient &rest, const QString &conversation, const QString &text) {
            const auto r = wait(
                rest.sendMessage(conversation, QUuid::createUuid().toString(QUuid::WithoutBraces), text));
            QVERIFY2(r.ok(), qPrintable(r.error().message));
            m_ids.insert(text, r.value().id);
        };
        send(asAlice, kDm, QStringLiteral("Deploying the release tonight"));
        send(asBob, kDm, QStringLiteral("RELEASE notes are ready"));
        send(asAlice, kGroup, QStringLiteral("Привіт, ЇЖАЧОК у ґанку"));
        send(asBob, kGroup, QStringLiteral("Café Noël at noon, його кафе"));
        send(asAlice, kDm, QStringLiteral("old words to be edited"));
        send(asAlice, kGroup, QStringLiteral("doomed message"));
        send(asBob, kDm, QStringLiteral("\U0001F600 release party 🎉 relaxed"));
    }

    void localAndServerFindTheSameHits()
    {
        QTemporaryDir dir;
        {
            ChatClient alice(m_server.url(), QStringLiteral("alice"), { m_aliceToken }, dir.path());
            QVERIFY(openAll(alice, 3 + 7 + 3 + 3));
            // An edit and a delete, through the app's own path.
            QSignalSpy applied(alice.service.get(), &ChatService::actionApplied);
            QVERIFY(!alice->editMessage(kDm, m_ids.value("old words to be edited"), "fresh wording instead")
                         .isEmpty());
            QVERIFY(!alice->deleteMessage(kGroup, m_ids.value("doomed message")).isEmpty());
            QTRY_COMPARE_WITH_TIMEOUT(applied.count(), 2, kWait);

            SearchService search(alice.service.get(), alice.store.get());
            // The cache takes writes in batches: wait for the last of them.
            QTRY_VERIFY_WITH_TIMEOUT(hitsOf(wait(search.search("fresh", localOnly()))).size() == 1
                                         && wait(search.search("doomed", localOnly())).hits.isEmpty(),
                                     kWait);

            TokenList tokens({ m_aliceToken });
            api::RestClient rest(m_server.url(), &tokens);
            const QStringList queries
                = { "rel",        "RELEASE",  "release notes", "прив",    "їжач", "ҐАН",    "його",
                    "cafe noel",  "CAFÉ",     "fresh",         "wording", "old",  "edited", "doomed",
                    "grup",       "group",    "oops",          "hi",      "h",    "Alice",  "x",
                    "\U0001F600", "rel ready" };
            for (const QString &q : queries) {
                const Hits local = hitsOf(wait(search.search(q, localOnly())));
                QCOMPARE(local, serverHits(rest, q));
            }
            // Spot checks of what both found.
            QCOMPARE(hitsOf(wait(search.search("rel", localOnly()))).size(), 3);
            QCOMPARE(hitsOf(wait(search.search("fresh", localOnly()))).keys(),
                     QStringList { m_ids.value("old words to be edited") });
            QVERIFY(hitsOf(wait(search.search("old", localOnly()))).isEmpty());
            QVERIFY(hitsOf(wait(search.search("doomed", localOnly()))).isEmpty());
            QCOMPARE(hitsOf(wait(search.search("rel", localOnly())))
                         .value(m_ids.value("\U0001F600 release party 🎉 relaxed")),
                     (Ranges { { 3, 10 }, { 20, 27 } }));

            // Merged with the server: the same, and it says so.
            const SearchResults merged = wait(search.search("rel", {}));
            QVERIFY(merged.serverIncluded);
            QVERIFY(merged.localComplete);
            QCOMPARE(hitsOf(merged), serverHits(rest, "rel"));
            for (qsizetype i = 1; i < merged.hits.size(); ++i) // newest first
                QVERIFY(merged.hits.at(i - 1).message.timestamp >= merged.hits.at(i).message.timestamp);

            // Filters: from, in (a title, or the other person of a direct chat), dates.
            QCOMPARE(hitsOf(wait(search.search("from:bob rel", localOnly()))).size(), 2);
            QCOMPARE(hitsOf(wait(search.search("from:\"Bob\" rel", {}))).size(), 2);
            QCOMPARE(hitsOf(wait(search.search("in:ring hi", localOnly()))).size(), 1); // "Hi all."
            QCOMPARE(hitsOf(wait(search.search("in:car hi", {}))).size(), 0);
            QCOMPARE(hitsOf(wait(search.search("in:bob rel", {}))).size(), 3);
            const SearchResults nobody = wait(search.search("from:zed rel", localOnly()));
            QVERIFY(nobody.hits.isEmpty());
            QVERIFY(!nobody.error.isEmpty());
            QCOMPARE(hitsOf(wait(search.search("before:2000-01-01 rel", {}))).size(), 0);
            QCOMPARE(hitsOf(wait(search.search("after:2000-01-01 rel", {}))).size(), 3);
            SearchService::Options inGroup = localOnly();
            inGroup.conversationId = kGroup;
            QCOMPARE(hitsOf(wait(search.search("його", inGroup))).size(), 1);
            inGroup.conversationId = kDm;
            QCOMPARE(hitsOf(wait(search.search("його", inGroup))).size(), 0);

            // One conversation's hits, ascending by seq: the Ctrl+F bar.
            const auto inDm = wait(search.findInConversation(kDm, "rel"));
            QCOMPARE(inDm.size(), 3);
            QVERIFY(inDm.at(0).seq < inDm.at(1).seq && inDm.at(1).seq < inDm.at(2).seq);
            QCOMPARE(inDm.at(0).messageId, m_ids.value("Deploying the release tonight"));
            QCOMPARE(SearchService::hitRanges("Release relay", "from:bob REL"),
                     (Ranges { { 0, 7 }, { 8, 13 } }));
        }

        // The CLI, online: one line a hit, with its ranges; and offline from the same cache.
        const CliResult online
            = runCli(m_server.url(), m_aliceToken, dir.path(), { "search", "rel", "--limit", "2" });
        QCOMPARE(online.exitCode, 0);
        QCOMPARE(online.lines().size(), 2);
        const QJsonObject first = json(online.lines().first());
        QCOMPARE(first.value("message").toObject().value("id").toString(),
                 m_ids.value("\U0001F600 release party 🎉 relaxed"));
        QCOMPARE(first.value("ranges").toArray(),
                 (QJsonArray { QJsonArray { 3, 10 }, QJsonArray { 20, 27 } }));
        m_server.stop();
        const CliResult offline
            = runCli(m_server.url(), m_aliceToken, dir.path(), { "search", "їжач", "--offline" });
        QCOMPARE(offline.exitCode, 0);
        QCOMPARE(offline.lines().size(), 1);
        QCOMPARE(json(offline.lines().first()).value("message").toObject().value("content").toString(),
                 QStringLiteral("Привіт, ЇЖАЧОК у ґанку"));
        QCOMPARE(json(offline.lines().first()).value("ranges").toArray(),
                 (QJsonArray { QJsonArray { 8, 14 } }));
        // Offline from the app: the cache's hits, and the server's said to be missing.
        {
            ChatClient alice(m_server.url(), QStringLiteral("alice"), { m_aliceToken }, dir.path());
            SearchService search(alice.service.get(), alice.store.get());
            const SearchResults r = wait(search.search("rel", {}));
            QCOMPARE(r.hits.size(), 3);
            QVERIFY(!r.serverIncluded);
            QVERIFY(!r.serverProblem.isEmpty());
        }
        const CliResult badDate
            = runCli(m_server.url(), m_aliceToken, dir.path(), { "search", "before:soon", "x" });
        QCOMPARE(badDate.exitCode, 2);
        QVERIFY(badDate.err.contains("soon"));
        QVERIFY(m_server.start());
    }

    void serverHitsFillInHistoryTheCacheDoesNotHold()
    {
        QTemporaryDir dir;
        ChatClient alice(m_server.url(), QStringLiteral("alice"), { m_aliceToken }, dir.path());
        SearchService search(alice.service.get(), alice.store.get());
        alice->start(); // the conversations (for the filters), not their history
        QTRY_VERIFY_WITH_TIMEOUT(alice->isSynced(), kWait);
        QVERIFY(wait(search.search("noon", localOnly())).hits.isEmpty());
        const SearchResults r = wait(search.search("noon", {}));
        QVERIFY(r.serverIncluded);
        QCOMPARE(hitsOf(r).keys(), QStringList { m_ids.value("Café Noël at noon, його кафе") });
        QCOMPARE(r.hits.first().ranges, (Ranges { { 13, 17 } }));
        QCOMPARE(r.hits.first().message.senderName, QStringLiteral("Bob Example"));
    }

    void serverPagesReachEveryHitEachOnce()
    {
        // More hits than a page, of which the cache holds only the newest 20.
        TokenList bobTokens({ m_server.token(QStringLiteral("bob")) });
        api::RestClient asBob(m_server.url(), &bobTokens);
        constexpr int kSent = 130;
        for (int i = 0; i < kSent; ++i) {
            const auto r = wait(asBob.sendMessage(kDm, QUuid::createUuid().toString(QUuid::WithoutBraces),
                                                  QStringLiteral("quokka sighting %1").arg(i)));
            QVERIFY2(r.ok(), qPrintable(r.error().message));
        }
        TokenList tokens({ m_aliceToken });
        api::RestClient rest(m_server.url(), &tokens);
        const Hits all = serverHits(rest, "quokka");
        QCOMPARE(all.size(), kSent);

        QTemporaryDir dir;
        QStringList firstIds; // as the app pages, for the CLI's
        {
            ChatService::Options options = ChatClient::fastOptions();
            options.latestPageSize = 20;
            ChatClient alice(m_server.url(), QStringLiteral("alice"), { m_aliceToken }, dir.path(), options);
            SearchService search(alice.service.get(), alice.store.get());
            alice->openConversation(kDm);
            alice->start();
            QTRY_VERIFY_WITH_TIMEOUT(
                alice->isSynced() && wait(search.search("quokka", localOnly())).hits.size() == 20, kWait);

            SearchService::Options pages;
            pages.limit = 50;
            SearchResults r = wait(search.search("quokka", pages));
            QVERIFY(r.serverIncluded);
            QCOMPARE(r.hits.size(), 50);
            QList<SearchResults> steps { r };
            while (r.hasMore()) {
                r = wait(search.more(r));
                QVERIFY2(r.serverIncluded, qPrintable(r.serverProblem));
                steps.append(r);
            }
            QCOMPARE(steps.size(), 3); // 50, 100, 130
            QCOMPARE(hitsOf(r), all);  // every hit, each once, with the server's ranges
            QCOMPARE(r.hits.size(), kSent);
            for (qsizetype i = 1; i < r.hits.size(); ++i) // newest first
                QVERIFY(r.hits.at(i - 1).message.timestamp >= r.hits.at(i).message.timestamp);
            // Each page only adds at the end: what was shown stays where it was.
            for (qsizetype step = 1; step < steps.size(); ++step)
                for (qsizetype i = 0; i < steps.at(step - 1).hits.size(); ++i)
                    QCOMPARE(steps.at(step).hits.at(i).message.id, steps.at(step - 1).hits.at(i).message.id);
            // Without more, more() is the results as they are.
            QCOMPARE(wait(search.more(r)).hits.size(), kSent);
            for (const chat::SearchResult &hit : r.hits)
                firstIds.append(hit.message.id);
        }

        // The CLI follows the pages up to --limit, in the same order.
        const auto cliIds = [&](const QString &limit) {
            const CliResult out
                = runCli(m_server.url(), m_aliceToken, dir.path(), { "search", "quokka", "--limit", limit });
            QStringList ids;
            if (out.exitCode != 0)
                qWarning("search failed: %s", qPrintable(out.err));
            for (const QString &line : out.lines())
                ids.append(json(line).value("message").toObject().value("id").toString());
            return ids;
        };
        QCOMPARE(cliIds("500"), firstIds);
        QCOMPARE(cliIds("70"), firstIds.mid(0, 70));
    }

private:
    // Opens every conversation of alice's and waits until the cache holds `messages` of them.
    bool openAll(ChatClient &alice, int messages)
    {
        for (const QString &c : kConversations)
            alice->openConversation(c);
        alice->start();
        return QTest::qWaitFor(
            [&] {
                qsizetype held = 0;
                for (const QString &c : kConversations)
                    held += alice->messages(c).size();
                return alice->isSynced() && held >= messages;
            },
            kWait);
    }

    ReferenceServer m_server { ReferenceServer::relaxedLimits() };
    QString m_aliceToken;
    QHash<QString, QString> m_ids; // by text
};

QTEST_MAIN(TstSearch)
#include "tst_search.moc"
