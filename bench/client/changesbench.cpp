// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// Contract v2 changes through the whole engine (ChatService -> timelines -> SQLite
// store -> MessageListModel), against bench/server.mjs.
//
// Usage: ringchat-bench-changes PORT updates COUNT SIZE | PORT catchup HELD CHANGES SIZE
//
// updates: COUNT new messages (message_received), then an edit of each of them
// (message_updated: new content, editedAt, two reactions); CPU per event of each
// phase, timed until the store and the model hold the last one.
// catchup: HELD messages, then the server cuts the link, edits the newest CHANGES
// of them and refuses connections for kDownMs; timed from when it accepts again
// until the store and the model hold every edit (the engine's changes catch-up).
// Prints one JSON line; exit code 0 when the run was right.

#include "api/types.h"
#include "auth/accesstokensource.h"
#include "benchengine.h"
#include "chat/storechatcache.h"
#include "models/messagelistmodel.h"
#include "net/socketioclient.h"
#include "store/chatstore.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QTimer>

#include "processcpu.h"

#include <functional>

using namespace ringchat;

namespace {

const QString kConv = QStringLiteral("bench");
constexpr int kDownMs = 300;

// Polls `ready(done)` every few ms until it answers true (or the run times out).
void pollUntil(QObject *context, std::function<void(std::function<void(bool)>)> ready,
               std::function<void()> then)
{
    ready([=](bool yes) {
        if (yes)
            then();
        else
            QTimer::singleShot(2, context, [=] { pollUntil(context, ready, then); });
    });
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    const bool catchup = args.size() == 6 && args[2] == QLatin1String("catchup");
    if (!(args.size() == 5 && args[2] == QLatin1String("updates")) && !catchup) {
        std::fputs("usage: ringchat-bench-changes PORT updates COUNT SIZE | PORT catchup HELD CHANGES SIZE\n",
                   stderr);
        return 2;
    }
    const int port = args[1].toInt();
    const int held = args[3].toInt();
    const int changes = catchup ? args[4].toInt() : held;
    const int size = args[catchup ? 5 : 4].toInt();
    // Every edit the server makes: the newest `changes` messages, revs held+1...
    const qint64 lastRev = qint64(held) + changes;

    QTemporaryDir dir;
    store::ChatStore store;
    if (!store.open(dir.filePath(QStringLiteral("bench.sqlite")), QStringLiteral("u-me")).result()) {
        std::fputs("bench changes: cannot open the store\n", stderr);
        return 2;
    }
    chat::StoreChatCache cache(&store);
    auth::FixedTokenSource tokens(bench::benchToken());
    chat::ChatService service(bench::benchOptions(port), &tokens, &cache);
    models::MessageListModel *model = nullptr;
    bool started = false;

    auto lastRowText = [&] {
        return model && model->count() > 0
            ? model->data(model->index(model->count() - 1), models::MessageListModel::TextRole).toString()
            : QString();
    };
    auto lastRowSeq = [&] {
        return model && model->count() > 0
            ? model->data(model->index(model->count() - 1), models::MessageListModel::SeqRole).toLongLong()
            : 0;
    };
    // The store's newest message has reached `rev` (the server sends in order).
    auto storeAt = [&](qint64 seq, qint64 rev) {
        return [&, seq, rev](std::function<void(bool)> answer) {
            store.latestMessages(kConv, 1).then(&app, [=](const QList<api::Message> &rows) {
                answer(!rows.isEmpty() && rows.last().seq == seq && rows.last().rev >= rev);
            });
        };
    };
    // After the clock: every edited message in the store is the edit (paged reads).
    std::function<void(qint64, std::function<void(bool)>)> checkEdited = [&](qint64 after,
                                                                             std::function<void(bool)> done) {
        if (after >= held)
            return done(true);
        store.messagesAfter(kConv, after, 2000).then(&app, [&, after, done](const QList<api::Message> &rows) {
            qint64 seq = after;
            for (const api::Message &m : rows) {
                const bool edited = m.seq > held - changes;
                if (m.seq != seq + 1
                    || (edited
                        && (m.rev != (catchup ? m.seq + changes : m.seq + held) || m.reactions.size() != 2
                            || !m.content.startsWith(u'y') || !m.editedAt.isValid())))
                    return done(false);
                seq = m.seq;
            }
            if (rows.isEmpty())
                return done(false);
            checkEdited(seq, done);
        });
    };
    auto exitWith = [&](QJsonObject result, bool ok) {
        result.insert(QStringLiteral("client"), QStringLiteral("changes"));
        result.insert(QStringLiteral("ok"), ok);
        bench::printResult(result);
        QCoreApplication::exit(ok ? 0 : 1);
    };

    qint64 cpu0 = 0;
    QElapsedTimer clock;
    auto runUpdates = [&](double receivedCpuUs, double receivedWallUs) {
        cpu0 = processCpuMicroseconds();
        clock.start();
        service.socket()->emitEvent(
            QStringLiteral("updates"),
            QJsonObject { { QStringLiteral("count"), held }, { QStringLiteral("size"), size } });
        pollUntil(
            &app,
            [&](std::function<void(bool)> answer) {
                if (!lastRowText().startsWith(u'y'))
                    return answer(false);
                storeAt(held, lastRev)(answer);
            },
            [&, receivedCpuUs, receivedWallUs] {
                const double cpuUs = double(processCpuMicroseconds() - cpu0);
                const double wallUs = clock.nsecsElapsed() / 1000.0;
                checkEdited(0, [&, cpuUs, wallUs, receivedCpuUs, receivedWallUs](bool stored) {
                    const QList<api::Message> inMemory = service.messages(kConv);
                    const bool heldOk = !inMemory.isEmpty() && inMemory.last().rev == lastRev;
                    exitWith({ { QStringLiteral("mode"), QStringLiteral("updates") },
                               { QStringLiteral("count"), held },
                               { QStringLiteral("receivedCpuUsPerMsg"), receivedCpuUs / held },
                               { QStringLiteral("updatedCpuUsPerMsg"), cpuUs / held },
                               { QStringLiteral("ratio"), cpuUs / receivedCpuUs },
                               { QStringLiteral("receivedWallUsPerMsg"), receivedWallUs / held },
                               { QStringLiteral("updatedWallUsPerMsg"), wallUs / held } },
                             stored && heldOk);
                });
            });
    };
    auto runCatchup = [&] {
        clock.start();
        service.socket()->emitEvent(QStringLiteral("gap"),
                                    QJsonObject { { QStringLiteral("count"), changes },
                                                  { QStringLiteral("downMs"), kDownMs },
                                                  { QStringLiteral("kind"), QStringLiteral("changes") } });
        pollUntil(
            &app,
            [&](std::function<void(bool)> answer) {
                if (clock.elapsed() < kDownMs || !lastRowText().startsWith(u'y'))
                    return answer(false);
                storeAt(held, lastRev)(answer);
            },
            [&] {
                const double catchupMs = clock.nsecsElapsed() / 1e6 - kDownMs;
                checkEdited(0, [&, catchupMs](bool stored) {
                    exitWith({ { QStringLiteral("mode"), QStringLiteral("catchup") },
                               { QStringLiteral("held"), held },
                               { QStringLiteral("changes"), changes },
                               { QStringLiteral("catchupMs"), catchupMs } },
                             stored);
                });
            });
    };

    auto startFlood = [&] {
        if (started)
            return;
        started = true;
        model = service.messageModel(kConv);
        cpu0 = processCpuMicroseconds();
        clock.start();
        service.socket()->emitEvent(
            QStringLiteral("flood"),
            QJsonObject { { QStringLiteral("count"), held }, { QStringLiteral("size"), size } });
        pollUntil(
            &app,
            [&](std::function<void(bool)> answer) {
                if (lastRowSeq() < held)
                    return answer(false);
                storeAt(held, held)(answer);
            },
            [&] {
                if (catchup)
                    return runCatchup();
                runUpdates(double(processCpuMicroseconds() - cpu0), clock.nsecsElapsed() / 1000.0);
            });
    };
    QObject::connect(&service, &chat::ChatService::syncedChanged, &app, [&](bool synced) {
        if (synced && !started) {
            service.openConversation(kConv);
            // Let the open's join and first page settle before the flood.
            QTimer::singleShot(200, &app, startFlood);
        }
    });
    QObject::connect(&service, &chat::ChatService::authFailed, &app, [](const QString &error) {
        std::fprintf(stderr, "bench changes: auth failed: %s\n", qPrintable(error));
        QCoreApplication::exit(3);
    });
    QTimer::singleShot(150000, &app, [] {
        std::fputs("bench changes: timed out\n", stderr);
        QCoreApplication::exit(4);
    });
    service.start();
    const int rc = app.exec();
    store.close().waitForFinished();
    return rc;
}
