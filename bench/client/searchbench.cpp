// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// Message search benchmark (issue 16), on real cache files:
//  - ingest: the store's insert of N messages (batches of 500) into a cache with the
//    search index and into one without it (searchindexoff.h): the index's cost per
//    message in wall time and in this thread's CPU time, and both files' sizes;
//  - typing: words typed letter by letter, a local search (first 50 results) per
//    keystroke through ChatStore (the worker thread, as the app), p50/p99/max;
//  - checks: each query's hits against a brute-force scan of the same texts (the counts
//    must match), so a fast wrong answer fails.
// Usage: ringchat-bench-search [--quick] [--messages N] [--dir DIR] [--ingest-only with|without]
// --quick: 20,000 messages, checks only (CTest). --ingest-only: one cache, no searches (for
// callgrind's instruction counts of CacheDatabase::insertMessages). Prints one JSON object.

#include "percentile.h"
#include "searchindexoff.h"

#include "store/cachedatabase.h"
#include "store/chatstore.h"
#include "store/searchtext.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QSqlQuery>
#include <QTemporaryDir>

#include <cstdio>
#include <ctime>

using namespace ringchat;

namespace {

const QDateTime kStart = QDateTime::fromMSecsSinceEpoch(1767225600000LL, Qt::UTC);

// A chat-like vocabulary, English and Ukrainian; picked with a skew, so a few words are
// everywhere (the worst case for a one-letter prefix) and most are rare.
const QStringList kWords
    = QStringLiteral("the a to and is it you that in for on of we this be can will with have not do at are "
                     "release deploy meeting lunch tomorrow today build test server client message search "
                     "please thanks review merge branch issue bug fix crash window cache index query report "
                     "привіт дякую будь ласка завтра сьогодні зустріч обід реліз збірка тест сервер клієнт "
                     "повідомлення пошук помилка виправлення вікно звіт так ні добре гаразд зараз потім "
                     "kubernetes postgres sqlite valgrind callgrind latency throughput keyboard highlight")
          .split(u' ');

QString sentence(QRandomGenerator &rng)
{
    const int n = 4 + int(rng.bounded(12));
    QStringList words;
    for (int i = 0; i < n; ++i) {
        // Squared uniform: low indexes (the common words) far more often.
        const double u = rng.generateDouble();
        words.append(kWords.at(int(u * u * kWords.size())));
    }
    words.first()[0] = words.first().at(0).toUpper();
    return words.join(u' ') + u'.';
}

QList<api::Message> batch(qint64 from, int count, QRandomGenerator &rng)
{
    QList<api::Message> out;
    for (qint64 seq = from; seq < from + count; ++seq) {
        api::Message m;
        m.conversationId = QStringLiteral("c%1").arg(seq % 50, 3, 10, QLatin1Char('0'));
        m.seq = seq;
        m.id = QStringLiteral("00000000-0000-4000-8000-%1").arg(seq, 12, 10, QLatin1Char('0'));
        m.clientId = QStringLiteral("10000000-0000-4000-8000-%1").arg(seq, 12, 10, QLatin1Char('0'));
        m.senderId = QStringLiteral("u-%1").arg(seq % 7);
        m.senderName = QStringLiteral("Sender %1").arg(seq % 7);
        m.content = sentence(rng);
        m.timestamp = kStart.addSecs(seq);
        m.rev = seq;
        out.append(std::move(m));
    }
    return out;
}

// This thread's CPU time: unlike the wall time it leaves out the fsyncs (synchronous=FULL)
// and the time other processes had the core.
qint64 threadCpuNs()
{
    timespec ts {};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return qint64(ts.tv_sec) * 1000000000 + ts.tv_nsec;
}

struct Ingest
{
    double usPerMessage = 0;
    double cpuUsPerMessage = 0;
    qint64 bytes = 0;
    bool ok = true;
};

// Inserts `count` messages (the same ones for the same seed) into a new cache at `path`.
Ingest ingest(const QString &path, qint64 count, bool withIndex, QStringList *texts)
{
    Ingest r;
    store::CacheDatabase db;
    // Without: the cache as it was before the index (searchindexoff.h).
    if (!withIndex && !bench::createCacheWithoutSearchIndex(path))
        return { 0, 0, false };
    if (!db.open(path, QStringLiteral("me")))
        return { 0, 0, false };
    QRandomGenerator rng(16);
    QElapsedTimer timer;
    qint64 elapsedNs = 0, cpuNs = 0;
    constexpr int kBatch = 500;
    for (qint64 from = 1; from <= count && r.ok; from += kBatch) {
        const QList<api::Message> messages
            = batch(from, int(std::min<qint64>(kBatch, count - from + 1)), rng);
        if (texts)
            for (const api::Message &m : messages)
                texts->append(m.content);
        timer.start();
        const qint64 cpu0 = threadCpuNs();
        r.ok = db.insertMessages(messages).inserted == messages.size();
        cpuNs += threadCpuNs() - cpu0;
        elapsedNs += timer.nsecsElapsed();
    }
    db.releaseMemory();
    {
        QSqlDatabase raw = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("size"));
        raw.setDatabaseName(path);
        raw.open();
        QSqlQuery(raw).exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)"));
        raw.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("size"));
    db.close();
    r.usPerMessage = double(elapsedNs) / 1000.0 / double(count);
    r.cpuUsPerMessage = double(cpuNs) / 1000.0 / double(count);
    r.bytes = QFileInfo(path).size();
    return r;
}

// How many of `texts` the query's words all begin a word of: what the index must find.
qint64 bruteForceCount(const QStringList &texts, const QStringList &terms)
{
    qint64 n = 0;
    for (const QString &text : texts) {
        QStringList folded;
        for (const store::SearchWord &w : store::searchWords(text))
            folded.append(store::foldSearchWord(w.text));
        bool all = true;
        for (const QString &t : terms)
            all = all && std::any_of(folded.cbegin(), folded.cend(), [&](const QString &w) {
                      return w.startsWith(t);
                  });
        n += all ? 1 : 0;
    }
    return n;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    const bool quick = args.contains(QStringLiteral("--quick"));
    qint64 count = quick ? 20000 : 1000000;
    if (const auto i = args.indexOf(QStringLiteral("--messages")); i > 0 && i + 1 < args.size())
        count = args.at(i + 1).toLongLong();
    QTemporaryDir tmp;
    QString dir = tmp.path();
    if (const auto i = args.indexOf(QStringLiteral("--dir")); i > 0 && i + 1 < args.size())
        dir = args.at(i + 1);
    QString ingestOnly;
    if (const auto i = args.indexOf(QStringLiteral("--ingest-only")); i > 0 && i + 1 < args.size())
        ingestOnly = args.at(i + 1);

    QStringList texts;
    const QString withPath = dir + QStringLiteral("/with-index.sqlite");
    const QString withoutPath = dir + QStringLiteral("/without-index.sqlite");
    QFile::remove(withPath);
    QFile::remove(withoutPath);
    const Ingest without
        = ingestOnly == QLatin1StringView("with") ? Ingest() : ingest(withoutPath, count, false, nullptr);
    const Ingest with
        = ingestOnly == QLatin1StringView("without") ? Ingest() : ingest(withPath, count, true, &texts);
    QJsonObject out { { "messages", count },
                      { "ingestUsPerMessageWithout", without.usPerMessage },
                      { "ingestUsPerMessageWith", with.usPerMessage },
                      { "indexUsPerMessage", with.usPerMessage - without.usPerMessage },
                      { "ingestCpuUsPerMessageWithout", without.cpuUsPerMessage },
                      { "ingestCpuUsPerMessageWith", with.cpuUsPerMessage },
                      { "indexCpuUsPerMessage", with.cpuUsPerMessage - without.cpuUsPerMessage },
                      { "bytesWithout", without.bytes },
                      { "bytesWith", with.bytes },
                      { "sizeRatio", double(with.bytes) / double(qMax<qint64>(1, without.bytes)) } };
    bool ok = with.ok && without.ok;
    if (ok && ingestOnly.isEmpty()) {
        store::ChatStore store;
        ok = store.open(withPath, QStringLiteral("me")).result();
        // Typing: each word letter by letter, a search for the first page per keystroke.
        const QStringList typed = { "release",   "deploy", "tomorrow", "повідомлення", "сьогодні",
                                    "callgrind", "the",    "server",   "пошук",        "keyboard" };
        QList<double> keystrokeMs;
        QElapsedTimer timer;
        for (const QString &word : typed) {
            for (qsizetype n = 1; n <= word.size() && ok; ++n) {
                store::LocalSearchRequest request;
                request.terms = store::searchTerms(word.left(n));
                request.limit = 50;
                timer.start();
                const QList<api::Message> page = store.searchMessages(request).result();
                keystrokeMs.append(double(timer.nsecsElapsed()) / 1e6);
                ok = !page.isEmpty();
            }
        }
        std::sort(keystrokeMs.begin(), keystrokeMs.end());
        out.insert("keystrokes", keystrokeMs.size());
        out.insert("firstResultsP50Ms", percentile(keystrokeMs, 0.50));
        out.insert("firstResultsP99Ms", percentile(keystrokeMs, 0.99));
        out.insert("firstResultsMaxMs", keystrokeMs.isEmpty() ? 0.0 : keystrokeMs.last());
        // Checks: every hit found, none made up (a count over the whole cache).
        for (const QString &query : { QStringLiteral("rel"), QStringLiteral("ПОВІД"), QStringLiteral("t s"),
                                      QStringLiteral("kubernetes postgres") }) {
            store::LocalSearchRequest request;
            request.terms = store::searchTerms(query);
            request.limit = std::numeric_limits<int>::max();
            const qint64 found = store.searchMessages(request).result().size();
            const qint64 expected = bruteForceCount(texts, request.terms);
            if (found != expected) {
                std::fprintf(stderr, "search \"%s\": %lld hits, expected %lld\n", qPrintable(query),
                             qlonglong(found), qlonglong(expected));
                ok = false;
            }
        }
        store.close().waitForFinished();
    }
    out.insert("ok", ok);
    std::printf("%s\n", QJsonDocument(out).toJson(QJsonDocument::Compact).constData());
    return ok ? 0 : 1;
}
