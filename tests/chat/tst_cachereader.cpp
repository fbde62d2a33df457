// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// CacheReader: the start-up read of the cache and each shown conversation's latest
// page. The cache here answers when the test says so, so the order of requests
// and answers is exact (the real SQLite cache at start-up is in chat_cachedstart).
#include "chat/cachereader.h"

#include <QSignalSpy>
#include <QTest>

#include <limits>

using namespace ringchat;
using chat::CacheReader;
using chat::ChatCache;

namespace {

const QString kConv = QStringLiteral("conv");
const QString kLater = QStringLiteral("later");

// Holds the reads until answered.
class HeldReads final : public ChatCache
{
public:
    void load(int perConversation, const QHash<QString, int> &limits,
              std::function<void(const Snapshot &)> done) override
    {
        loadPerConversation = perConversation;
        loadLimits = limits;
        loadDone = std::move(done);
    }
    void loadBefore(const QString &conv, qint64 beforeSeq, int limit,
                    std::function<void(const QList<api::Message> &)> done) override
    {
        pageReads.append({ conv, beforeSeq, limit, std::move(done) });
    }
    void loadAfter(const QString &, qint64, int, std::function<void(const QList<api::Message> &)>) override {
    }
    void saveConversations(const QList<api::Conversation> &) override { }
    void saveMessages(const QList<api::Message> &) override { }
    void saveChanges(const QList<api::Message> &) override { }
    void saveSyncedRev(const QString &, qint64) override { }
    void saveOutboxEntry(const chat::OutboxEntry &, std::function<void()> durable) override { durable(); }
    void updateOutboxEntry(const chat::OutboxEntry &) override { }
    void removeOutboxEntry(const QString &) override { }
    void destroy() override { }

    struct PageRead
    {
        QString conv;
        qint64 beforeSeq;
        int limit;
        std::function<void(const QList<api::Message> &)> done;
    };
    int loadPerConversation = -1;
    QHash<QString, int> loadLimits;
    std::function<void(const Snapshot &)> loadDone;
    QList<PageRead> pageReads;
};

api::Message message(const QString &conv, qint64 seq)
{
    api::Message m;
    m.conversationId = conv;
    m.seq = seq;
    return m;
}

} // namespace

class TstCacheReader : public QObject
{
    Q_OBJECT

    HeldReads m_cache;
    ChatCache *m_cachePtr = nullptr;
    QStringList m_log; // what reached the hooks and signals, in order
    CacheReader *m_reader = nullptr;

    void make(ChatCache *cache, CacheReader::Sizes sizes = { 1, 50 })
    {
        m_cachePtr = cache;
        CacheReader::Hooks hooks;
        hooks.snapshot = [this](const ChatCache::Snapshot &s) {
            m_log.append(QStringLiteral("snapshot %1").arg(s.conversations.size()));
        };
        hooks.page = [this](const QString &conv, const QList<api::Message> &page) {
            m_log.append(QStringLiteral("page %1 %2").arg(conv).arg(page.size()));
        };
        m_reader = new CacheReader(m_cachePtr, sizes, std::move(hooks), this);
        connect(m_reader, &CacheReader::pageLoaded, this,
                [this](const QString &conv) { m_log.append(QStringLiteral("pageLoaded ") + conv); });
        connect(m_reader, &CacheReader::loaded, this, [this] { m_log.append(QStringLiteral("loaded")); });
    }

private slots:
    void init()
    {
        m_cache = HeldReads();
        m_log.clear();
    }
    void cleanup() { delete m_reader; }

    void withoutACacheItIsLoadedAtOnce()
    {
        make(nullptr);
        QVERIFY(!m_reader->requestPage(kConv));
        m_reader->start();
        QVERIFY(m_reader->isLoaded());
        QCOMPARE(m_log, QStringList { QStringLiteral("loaded") });
    }

    void pagesAskedBeforeStartComeWithTheSnapshot()
    {
        make(&m_cache, { 1, 50 });
        QVERIFY(m_reader->requestPage(kConv));
        QVERIFY(!m_reader->requestPage(kConv)); // once per conversation
        QVERIFY(!m_reader->requestPage(QStringLiteral("not valid!")));
        m_reader->start();
        QVERIFY(!m_reader->isLoaded());
        QCOMPARE(m_cache.loadPerConversation, 1);
        QCOMPARE(m_cache.loadLimits, (QHash<QString, int> { { kConv, 50 } }));

        ChatCache::Snapshot s;
        s.conversations.resize(2);
        m_cache.loadDone(s);
        QVERIFY(m_reader->isLoaded());
        QVERIFY(m_cache.pageReads.isEmpty()); // the snapshot held the page
        QCOMPARE(m_log,
                 (QStringList { QStringLiteral("snapshot 2"), QStringLiteral("pageLoaded conv"),
                                QStringLiteral("loaded") }));
    }

    void pagesAskedDuringTheReadAreReadAfterIt()
    {
        make(&m_cache, { 1, 30 });
        m_reader->start();
        QVERIFY(m_reader->requestPage(kLater));
        QVERIFY(m_cache.pageReads.isEmpty()); // not while the start-up read runs
        m_cache.loadDone({});
        QCOMPARE(m_cache.pageReads.size(), 1);
        QCOMPARE(m_cache.pageReads[0].conv, kLater);
        QCOMPARE(m_cache.pageReads[0].beforeSeq, std::numeric_limits<qint64>::max());
        QCOMPARE(m_cache.pageReads[0].limit, 30);
        QCOMPARE(m_log, (QStringList { QStringLiteral("snapshot 0"), QStringLiteral("loaded") }));

        m_cache.pageReads[0].done({ message(kLater, 1), message(kLater, 2) });
        QCOMPARE(m_log.mid(2),
                 (QStringList { QStringLiteral("page later 2"), QStringLiteral("pageLoaded later") }));
    }

    void pagesAskedAfterTheReadAreReadAtOnce()
    {
        make(&m_cache);
        m_reader->start();
        m_cache.loadDone({});
        QVERIFY(m_reader->requestPage(kConv));
        QCOMPARE(m_cache.pageReads.size(), 1);
        QVERIFY(!m_reader->requestPage(kConv));
        QCOMPARE(m_cache.pageReads.size(), 1);
    }

    void noPageWhenTheStartupReadBringsEnough()
    {
        make(&m_cache, { 50, 50 });
        QVERIFY(!m_reader->requestPage(kConv));
        m_reader->start();
        QVERIFY(m_cache.loadLimits.isEmpty());
    }

    void anAnswerAfterSignOutIsDropped()
    {
        make(&m_cache);
        m_reader->start();
        m_cache.loadDone({});
        QVERIFY(m_reader->requestPage(kConv));
        m_cachePtr = nullptr; // sign-out destroyed the cache
        m_cache.pageReads[0].done({ message(kConv, 1) });
        QCOMPARE(m_log, (QStringList { QStringLiteral("snapshot 0"), QStringLiteral("loaded") }));
    }
};

QTEST_GUILESS_MAIN(TstCacheReader)
#include "tst_cachereader.moc"
