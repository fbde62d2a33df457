// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// ChangeCatchUp: the synced rev per conversation and the pages of changes?since=, over a
// stub HTTP server (the real server's pages are covered by chat_messagechanges): paging
// to the cursor, the rev that only moves forward, the live contiguous rule, a
// catch-up asked twice, and a v1 server (no rev, 404) skipped quietly.
#include "../auth/stubhttpserver.h"

#include "api/restclient.h"
#include "chat/changecatchup.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace ringchat;
using chat::ChangeCatchUp;

namespace {

const QString kConv = QStringLiteral("conv");

QJsonObject message(qint64 seq, qint64 rev)
{
    api::Message m;
    m.id = QStringLiteral("m%1").arg(seq);
    m.conversationId = kConv;
    m.seq = seq;
    m.clientId = QStringLiteral("k%1").arg(seq);
    m.senderId = QStringLiteral("bob");
    m.senderName = QStringLiteral("Bob");
    m.content = QStringLiteral("message %1").arg(seq);
    m.timestamp = QDateTime::fromMSecsSinceEpoch(1795000000000, Qt::UTC);
    m.rev = rev;
    return m.toJson();
}

// Changes at revs 11..15 (seq = rev - 10), two to a page.
std::optional<StubResponse> changes(const StubRequest &r)
{
    if (!r.path.endsWith("/changes"))
        return StubResponse { 404, R"({"success":false,"error":{"code":"NOT_FOUND","message":"no"}})" };
    const QUrlQuery q(QString::fromUtf8(r.query));
    const qint64 since = q.queryItemValue(QStringLiteral("since")).toLongLong();
    QJsonArray data;
    qint64 rev = since;
    while (rev < 15 && data.size() < 2) {
        ++rev;
        if (rev > 10)
            data.append(message(rev - 10, rev));
    }
    const QJsonObject body { { QStringLiteral("success"), true },
                             { QStringLiteral("data"), data },
                             { QStringLiteral("pagination"),
                               QJsonObject { { QStringLiteral("hasMore"), rev < 15 },
                                             { QStringLiteral("cursor"), rev } } } };
    return StubResponse { 200, QJsonDocument(body).toJson(QJsonDocument::Compact) };
}

} // namespace

class TstChangeCatchUp : public QObject
{
    Q_OBJECT
private slots:
    void pagesToTheServerRevAndMovesOnlyForward()
    {
        StubHttpServer server(changes);
        api::RestClient rest(server.url(), nullptr);
        QList<qint64> delivered;
        QList<std::pair<QString, qint64>> persisted;
        ChangeCatchUp catchUp(
            &rest,
            [&](const QString &, const QList<api::Message> &page) {
                for (const api::Message &m : page)
                    delivered.append(m.rev);
            },
            [&](const QString &conv, qint64 rev) {
                persisted.append({ conv, rev });
            },
            nullptr, 2);

        catchUp.restore({ { kConv, 10 } });
        QCOMPARE(catchUp.syncedRev(kConv), 10);
        int done = 0;
        catchUp.catchUp(kConv, 15, [&] { ++done; });
        catchUp.catchUp(kConv, 15, [&] { ++done; }); // asked again while running: one run answers both
        QTRY_COMPARE(done, 2);
        QCOMPARE(delivered, (QList<qint64> { 11, 12, 13, 14, 15 }));
        QCOMPARE(catchUp.syncedRev(kConv), 15);
        // Saved after each page, at its cursor.
        QCOMPARE(persisted,
                 (QList<std::pair<QString, qint64>> { { kConv, 12 }, { kConv, 14 }, { kConv, 15 } }));
        QCOMPARE(server.requests.size(), 3);
        QCOMPARE(QUrlQuery(QString::fromUtf8(server.requests.first().query))
                     .queryItemValue(QStringLiteral("since")),
                 QStringLiteral("10"));

        // Nothing above the synced rev: no request at all.
        catchUp.catchUp(kConv, 15, [&] { ++done; });
        QCOMPARE(done, 3);
        QCOMPARE(server.requests.size(), 3);

        // Live: only the next rev moves it; a later one waits for the catch-up.
        catchUp.noteLive(kConv, 17);
        QCOMPARE(catchUp.syncedRev(kConv), 15);
        catchUp.noteLive(kConv, 16);
        QCOMPARE(catchUp.syncedRev(kConv), 16);
        catchUp.noteLive(kConv, 0); // a v1 message
        QCOMPARE(catchUp.syncedRev(kConv), 16);
        // Never back: a start or a restore below it changes nothing.
        catchUp.startAt(kConv, 3);
        catchUp.restore({ { kConv, 4 } });
        QCOMPARE(catchUp.syncedRev(kConv), 16);
        QCOMPARE(persisted.last(), (std::pair<QString, qint64> { kConv, 16 }));
        // A conversation first loaded with nothing held starts at the server's rev.
        catchUp.startAt(QStringLiteral("fresh"), 42);
        QCOMPARE(catchUp.syncedRev(QStringLiteral("fresh")), 42);
    }

    void aVersionOneServerIsSkippedQuietly()
    {
        StubHttpServer server([](const StubRequest &) {
            return StubResponse { 404, R"({"success":false,"error":{"code":"NOT_FOUND","message":"no"}})" };
        });
        api::RestClient rest(server.url(), nullptr);
        int delivered = 0, persisted = 0, done = 0;
        ChangeCatchUp catchUp(
            &rest, [&](const QString &, const QList<api::Message> &) { ++delivered; },
            [&](const QString &, qint64) { ++persisted; });
        // Its conversations have rev 0: nothing to ask.
        catchUp.catchUp(kConv, 0, [&] { ++done; });
        QCOMPARE(done, 1);
        QCOMPARE(server.requests.size(), 0);
        // And a 404 from the changes endpoint ends the catch-up with nothing moved.
        catchUp.catchUp(kConv, 5, [&] { ++done; });
        QTRY_COMPARE(done, 2);
        QCOMPARE(server.requests.size(), 1);
        QCOMPARE(delivered, 0);
        QCOMPARE(persisted, 0);
        QCOMPARE(catchUp.syncedRev(kConv), 0);
    }
};

QTEST_GUILESS_MAIN(TstChangeCatchUp)
#include "tst_changecatchup.moc"
