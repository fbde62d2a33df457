// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// Our own pipeline under the same flood: the chat engine (ChatService) takes each
// message_received into its timeline, the SQLite store (worker thread) and the
// conversation's MessageListModel with its bounded window.
//
// Usage: ringchat-bench-pipeline PORT COUNT SIZE [reconnect] [--no-search-index]
// --no-search-index: the cache without the search index (searchindexoff.h), so two runs
// give what the index costs the pipeline.
// Prints one JSON line. Timing runs from the flood request until the model shows
// the last message AND the store reports every seq stored without a gap.
//
// reconnect: after a flood of 10, the server cuts the link, takes COUNT messages
// and refuses connections for kDownMs, then accepts again; timed from then until
// the model and the store hold all of them (the engine's reconnect and gap fill).

#include "api/types.h"
#include "auth/accesstokensource.h"
#include "benchengine.h"
#include "chat/chatservice.h"
#include "chat/storechatcache.h"
#include "models/messagelistmodel.h"
#include "net/socketioclient.h"
#include "store/chatstore.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFuture>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTimer>

#include "processcpu.h"
#include "searchindexoff.h"

#include <cstdio>

using namespace ringchat;

namespace {

const QString kConv = QStringLiteral("bench");
constexpr int kDownMs = 300;
constexpr int kWarmup = 10;

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QStringList args = app.arguments();
    const bool withoutIndex = args.removeAll(QStringLiteral("--no-search-index")) > 0;
    const bool reconnectMode = args.size() == 5 && args[4] == QLatin1String("reconnect");
    if (args.size() != 4 && !reconnectMode) {
        std::fputs("usage: ringchat-bench-pipeline PORT COUNT SIZE [reconnect] [--no-search-index]\n",
                   stderr);
        return 2;
    }
    const int port = args[1].toInt();
    const int gapCount = args[2].toInt();
    // In reconnect mode the live flood is a short warm-up and the gap is COUNT.
    const int count = reconnectMode ? kWarmup : gapCount;
    const int size = args[3].toInt();

    QTemporaryDir dir;
    const QString cachePath = dir.filePath(QStringLiteral("bench.sqlite"));
    if (withoutIndex && !bench::createCacheWithoutSearchIndex(cachePath)) {
        std::fputs("bench pipeline: cannot take the search index out\n", stderr);
        return 2;
    }
    store::ChatStore store;
    if (!store.open(cachePath, QStringLiteral("u-me")).result()) {
        std::fputs("bench pipeline: cannot open the store\n", stderr);
        return 2;
    }
    chat::StoreChatCache cache(&store);
    auth::FixedTokenSource tokens(bench::benchToken());
    chat::ChatService service(bench::benchOptions(port), &tokens, &cache);

    models::MessageListModel *model = nullptr;
    QElapsedTimer clock;
    qint64 cpu0 = 0;
    bool started = false;
    bool floodDone = false;
    bool finished = false;

    // The run of stored seqs from 1 without a hole, up to upTo: read after the clock
    // stops, a page at a time (a whole flood at once would be the process's peak RSS).
    std::function<void(qint64, qint64, std::function<void(qint64)>)> storedRun
        = [&](qint64 from, qint64 upTo, std::function<void(qint64)> done) {
              const int page = int(qMin<qint64>(upTo - from, 5000));
              if (page <= 0)
                  return done(from);
              store.messagesAfter(kConv, from, page)
                  .then(&app, [&, from, upTo, page, done](const QList<api::Message> &rows) {
                      qint64 run = from;
                      for (const api::Message &m : rows) {
                          if (m.seq != run + 1)
                              break;
                          ++run;
                      }
                      if (run == from + page)
                          storedRun(run, upTo, done);
                      else
                          done(run);
                  });
          };

    auto finish = [&](bool storeOk) {
        finished = true;
        const double wallUs = clock.nsecsElapsed() / 1000.0;
        const double cpuUs = double(processCpuMicroseconds() - cpu0);
        storedRun(0, count, [&, storeOk, wallUs, cpuUs](qint64 cursor) {
            const QList<api::Message> held = service.messages(kConv);
            const bool modelOk = model && model->count() > 0
                && model->data(model->index(model->count() - 1), models::MessageListModel::SeqRole)
                        .toLongLong()
                    == count;
            bool heldOk = !held.isEmpty() && held.last().seq == count;
            for (int i = 1; i < held.size(); ++i)
                heldOk = heldOk && held[i].seq == held[i - 1].seq + 1;
            const bool ok = storeOk && cursor == count && modelOk && heldOk;
            const QJsonObject result { { QStringLiteral("client"), QStringLiteral("pipeline") },
                                       { QStringLiteral("mode"), QStringLiteral("pipeline") },
                                       { QStringLiteral("searchIndex"), !withoutIndex },
                                       { QStringLiteral("ok"), ok },
                                       { QStringLiteral("received"), cursor },
                                       { QStringLiteral("modelRows"), model ? model->count() : 0 },
                                       { QStringLiteral("heldInMemory"), int(held.size()) },
                                       { QStringLiteral("orderOk"), heldOk && modelOk },
                                       { QStringLiteral("msgPerS"), count / (wallUs / 1e6) },
                                       { QStringLiteral("cpuUsPerMsg"), cpuUs / count },
                                       { QStringLiteral("wallUsPerMsg"), wallUs / count },
                                       { QStringLiteral("wallUs"), wallUs },
                                       { QStringLiteral("cpuUs"), cpuUs } };
            bench::printResult(result);
            QCoreApplication::exit(ok ? 0 : 1);
        });
    };

    // Reconnect mode: poll until the model's last row and the store reach the end
    // of the gap; time from when the server accepts again.
    const int target = kWarmup + gapCount;
    QElapsedTimer gapClock;
    std::function<void()> waitForGap = [&] {
        const qint64 lastRow = model && model->count() > 0
            ? model->data(model->index(model->count() - 1), models::MessageListModel::SeqRole).toLongLong()
            : 0;
        if (lastRow < target && gapClock.elapsed() < 60000) {
            QTimer::singleShot(1, &app, waitForGap);
            return;
        }
        store.highestSeq(kConv).then(&app, [&, lastRow](qint64 highest) {
            if (highest < target && gapClock.elapsed() < 60000) {
                QTimer::singleShot(1, &app, waitForGap);
                return;
            }
            finished = true;
            const double sinceAcceptMs = gapClock.nsecsElapsed() / 1e6 - kDownMs;
            storedRun(0, target, [&, lastRow, sinceAcceptMs](qint64 cursor) {
                const bool ok = lastRow == target && cursor == target;
                const QJsonObject result { { QStringLiteral("client"), QStringLiteral("pipeline") },
                                           { QStringLiteral("mode"), QStringLiteral("reconnect") },
                                           { QStringLiteral("ok"), ok },
                                           { QStringLiteral("gap"), gapCount },
                                           { QStringLiteral("stored"), cursor },
                                           { QStringLiteral("modelLastSeq"), lastRow },
                                           { QStringLiteral("gapFillMs"), sinceAcceptMs } };
                bench::printResult(result);
                QCoreApplication::exit(ok ? 0 : 1);
            });
        });
    };

    // After flood_done: wait (polling the worker thread) until the store holds
    // every seq from 1 without a gap.
    std::function<void()> waitForStore = [&] {
        store.highestSeq(kConv).then(&app, [&](qint64 highest) {
            if (reconnectMode && highest >= count) {
                // Warm-up stored: the server cuts us off, takes the gap and is down
                // for kDownMs (it accepts again at about gapClock + kDownMs).
                gapClock.start();
                service.socket()->emitEvent(QStringLiteral("gap"),
                                            QJsonObject { { QStringLiteral("count"), gapCount },
                                                          { QStringLiteral("downMs"), kDownMs } });
                waitForGap();
                return;
            }
            if (highest >= count || clock.elapsed() > 120000)
                return finish(true);
            QTimer::singleShot(2, &app, waitForStore);
        });
    };

    auto startFlood = [&] {
        if (started)
            return;
        started = true;
        model = service.messageModel(kConv);
        service.socket()->on(QStringLiteral("flood_done"), [&](const net::Payload &, const net::Reply &) {
            floodDone = true;
            waitForStore();
        });
        cpu0 = processCpuMicroseconds();
        clock.start();
        service.socket()->emitEvent(
            QStringLiteral("flood"),
            QJsonObject { { QStringLiteral("count"), count }, { QStringLiteral("size"), size } });
    };
    QObject::connect(&service, &chat::ChatService::syncedChanged, &app, [&](bool synced) {
        if (synced) {
            service.openConversation(kConv);
            // Let the open's join and first page settle before the flood.
            QTimer::singleShot(200, &app, startFlood);
        } else if (started && !finished && !gapClock.isValid()) {
            std::fputs("bench pipeline: lost sync during the flood\n", stderr);
            QCoreApplication::exit(3);
        }
    });
    QObject::connect(&service, &chat::ChatService::authFailed, &app, [](const QString &error) {
        std::fprintf(stderr, "bench pipeline: auth failed: %s\n", qPrintable(error));
        QCoreApplication::exit(3);
    });
    QTimer::singleShot(150000, &app, [] {
        std::fputs("bench pipeline: timed out\n", stderr);
        QCoreApplication::exit(4);
    });
    service.start();
    const int rc = app.exec();
    store.close().waitForFinished();
    return rc;
}
