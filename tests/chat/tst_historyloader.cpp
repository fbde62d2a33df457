// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// HistoryLoader, the one history path: the cache when it holds a page without a
// hole, else the server. Here the cache is in memory and the server is a port
// nobody listens on (the path through the real server and a real SQLite cache
// is in chat_service).
#include "api/restclient.h"
#include "chat/chatcache.h"
#include "chat/historyloader.h"

#include <QDeadlineTimer>
#include <QTcpServer>
#include <QTest>

#include <map>

using namespace ringchat;
using chat::HistoryLoader;
using Page = models::MessageHistory::Page;

namespace {

const QString kConv = QStringLiteral("conv");

api::Message message(qint64 seq)
{
    api::Message m;
    m.id = QStringLiteral("m%1").arg(seq);
    m.conversationId = kConv;
    m.seq = seq;
    m.senderId = QStringLiteral("bob");
    m.content = QStringLiteral("message %1").arg(seq);
    return m;
}

// The cache's history reads over a map; everything else is not needed here.
class MemoryCache final : public chat::ChatCache
{
public:
    void add(qint64 from, qint64 to)
    {
        for (qint64 s = from; s <= to; ++s)
            held.emplace(s, message(s));
    }
    void load(int, const QHash<QString, int> &, std::function<void(const Snapshot &)>) override { }
    void loadBefore(const QString &, qint64 beforeSeq, int limit,
                    std::function<void(const QList<api::Message> &)> done) override
    {
        QList<api::Message> out;
        for (auto it = held.lower_bound(beforeSeq); it != held.begin() && out.size() < limit;)
            out.prepend((--it)->second);
        done(out);
    }
    void loadAfter(const QString &, qint64 afterSeq, int limit,
                   std::function<void(const QList<api::Message> &)> done) override
    {
        QList<api::Message> out;
        for (auto it = held.upper_bound(afterSeq); it != held.end() && out.size() < limit; ++it)
            out.append(it->second);
        done(out);
    }
    void saveConversations(const QList<api::Conversation> &) override { }
    void saveMessages(const QList<api::Message> &messages) override { saved += messages.size(); }
    void saveChanges(const QList<api::Message> &) override { }
    void saveSyncedRev(const QString &, qint64) override { }
    void saveOutboxEntry(const chat::OutboxEntry &, std::function<void()> durable) override { durable(); }
    void updateOutboxEntry(const chat::OutboxEntry &) override { }
    void removeOutboxEntry(const QString &) override { }
    void destroy() override { }

    std::map<qint64, api::Message> held;
    qsizetype saved = 0;
};

QUrl deadServer()
{
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost);
    return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(probe.serverPort()));
}

QList<qint64> seqs(const Page &page)
{
    QList<qint64> out;
    for (const api::Message &m : page.messages)
        out.append(m.seq);
    return out;
}

QList<qint64> seqRange(qint64 from, qint64 to)
{
    QList<qint64> out;
    for (qint64 s = from; s <= to; ++s)
        out.append(s);
    return out;
}

} // namespace

class TstHistoryLoader : public QObject
{
    Q_OBJECT
private slots:
    void pagesComeFromTheCacheUpToAHole()
    {
        MemoryCache cache;
        cache.add(1, 5); // a hole at 6..10
        cache.add(11, 40);
        api::RestClient rest(deadServer(), nullptr);
        HistoryLoader loader(&cache, &rest);
        std::optional<Page> got;
        const auto ask = [&](bool older, qint64 seq, int limit) -> Page {
            got.reset();
            auto done = [&](const Page &p) { got = p; };
            older ? loader.older(kConv, seq, limit, done) : loader.newer(kConv, seq, limit, done);
            const QDeadlineTimer deadline(10000);
            while (!got && !deadline.hasExpired())
                QTest::qWait(10);
            return got.value_or(
                Page { { QList<api::Message> { message(-1) } }, false, false }); // fails every check
        };

        // The latest, then older: whole pages from the cache, no server needed.
        Page p = ask(true, 0, 10);
        QCOMPARE(seqs(p), seqRange(31, 40));
        QVERIFY(p.ok && !p.reachedEnd);
        p = ask(true, 21, 10);
        QCOMPARE(seqs(p), seqRange(11, 20));
        QVERIFY(p.ok);
        // Before 11 the cache has 1..5 only: never skipped, the server is asked, and
        // it cannot be reached: no rows, not ok.
        p = ask(true, 11, 10);
        QVERIFY(p.messages.isEmpty());
        QVERIFY(!p.ok);
        // Part of a page before the hole: what joins is kept, the rest would come from the server.
        p = ask(true, 14, 10);
        QCOMPARE(seqs(p), seqRange(11, 13));
        QVERIFY(!p.ok);
        // The start of history, from the cache alone.
        p = ask(true, 4, 10);
        QCOMPARE(seqs(p), seqRange(1, 3));
        QVERIFY(p.ok && p.reachedEnd);
        p = ask(true, 1, 10);
        QVERIFY(p.messages.isEmpty() && p.reachedEnd);

        // Newer: a whole page, then the newest cached (the end), then a hole (the server).
        p = ask(false, 20, 10);
        QCOMPARE(seqs(p), seqRange(21, 30));
        QVERIFY(p.ok && !p.reachedEnd);
        p = ask(false, 35, 10);
        QCOMPARE(seqs(p), seqRange(36, 40));
        QVERIFY(p.ok && p.reachedEnd);
        p = ask(false, 3, 10);
        QCOMPARE(seqs(p), seqRange(4, 5));
        QVERIFY(!p.ok && !p.reachedEnd);
        QCOMPARE(cache.saved, 0); // nothing came from the server
    }

    void thePageAroundAMessageComesFromTheCacheWhenItHoldsIt()
    {
        MemoryCache cache;
        cache.add(1, 5); // a hole at 6..10
        cache.add(11, 40);
        api::RestClient rest(deadServer(), nullptr);
        HistoryLoader loader(&cache, &rest);
        const auto around = [&](qint64 seq, int limit) -> Page {
            std::optional<Page> got;
            loader.around(kConv, seq, limit, [&](const Page &p) { got = p; });
            const QDeadlineTimer deadline(10000);
            while (!got && !deadline.hasExpired())
                QTest::qWait(10);
            return got.value_or(Page { { QList<api::Message> { message(-1) } }, false, false });
        };
        // Held: the message with about half the page before it, and the run after it.
        Page p = around(20, 10);
        QCOMPARE(seqs(p), seqRange(15, 24));
        QVERIFY(p.ok);
        // Near a hole or the end: only what joins it, no server needed.
        p = around(12, 10);
        QCOMPARE(seqs(p), seqRange(11, 16));
        QVERIFY(p.ok);
        p = around(39, 10);
        QCOMPARE(seqs(p), seqRange(34, 40));
        // Not held: the server's messages?around= (unreachable here: no rows, not ok).
        p = around(8, 10);
        QVERIFY(p.messages.isEmpty());
        QVERIFY(!p.ok);
        QCOMPARE(cache.saved, 0);
    }
};

QTEST_GUILESS_MAIN(TstHistoryLoader)
#include "tst_historyloader.moc"
