// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// MessageListModel under QAbstractItemModelTester (Fatal), with a history
// source the test answers by hand behind fetchMore / loadNewer / jumpToLatest
// (the real one, the chat service's HistoryLoader, has its own tests).

#include "modelfixtures.h"
#include "models/messagelistmodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>
#include <QTimer>

using namespace ringchat;
using namespace fixtures;
using models::MessageHistory;
using models::MessageListModel;
using models::MessageRoles;
using Role = MessageListModel::Role;

namespace {

const QString kConv = QStringLiteral("conv");

// Records what the model asks; the test answers.
struct FakeHistory : models::MessageHistory
{
    struct Request
    {
        bool older = true;
        bool around = false;
        qint64 seq = 0;
        int limit = 0;
        Done done;
    };
    void older(const QString &, qint64 beforeSeq, int limit, Done done) override
    {
        requests.append({ true, false, beforeSeq, limit, std::move(done) });
    }
    void newer(const QString &, qint64 afterSeq, int limit, Done done) override
    {
        requests.append({ false, false, afterSeq, limit, std::move(done) });
    }
    void around(const QString &, qint64 seq, int limit, Done done) override
    {
        requests.append({ false, true, seq, limit, std::move(done) });
    }
    // Answers the last request; the model applies it on the next pass of the event loop.
    void answer(const QList<Message> &messages, bool reachedEnd = false, bool ok = true)
    {
        requests.last().done(Page { messages, ok, reachedEnd });
        QCoreApplication::processEvents();
    }
    QList<Request> requests;
};

Message pending(const QString &clientId, const QString &text)
{
    Message m;
    m.conversationId = kConv;
    m.clientId = clientId;
    m.senderId = QStringLiteral("alice");
    m.senderName = QStringLiteral("Alice");
    m.content = text;
    m.timestamp = kT0.addSecs(100000);
    m.delivery = DeliveryState::Sending;
    return m;
}

struct Harness
{
    explicit Harness(int maxRows = 1000)
        : model(kConv, QStringLiteral("alice"))
        , tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal)
    {
        model.setMaxRows(maxRows);
        model.setHistory(&history);
        model.setParticipants({ participant(QStringLiteral("alice"), QStringLiteral("Alice")),
                                participant(QStringLiteral("bob"), QStringLiteral("Bob")),
                                participant(QStringLiteral("carol"), QStringLiteral("Carol")) });
    }
    QList<qint64> seqs() const { return seqColumn(model, Role::SeqRole); }
    QVariant at(int row, int role) const { return model.data(model.index(row), role); }

    FakeHistory history; // before the model: it must outlive it
    MessageListModel model;
    QAbstractItemModelTester tester;
};

} // namespace

class TestMessageListModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void orderedBySeqWithPendingLast()
    {
        Harness h;
        auto list = range(kConv, 1, 5);
        std::reverse(list.begin(), list.end());
        list.insert(2, pending(QStringLiteral("p1"), QStringLiteral("pending one")));
        list.append(message(kConv, 3));                   // duplicate seq
        list.append(message(QStringLiteral("other"), 9)); // another conversation
        h.model.setMessages(list);
        QCOMPARE(h.seqs(), (QList<qint64> { 1, 2, 3, 4, 5, 0 }));
        QCOMPARE(h.at(5, Role::IsPendingRole).toBool(), true);
        QCOMPARE(h.at(5, Role::DeliveryStateRole).toString(), QStringLiteral("sending"));
        QCOMPARE(h.at(0, Role::IsPendingRole).toBool(), false);
        QVERIFY(h.model.atStartOfHistory());
        QVERIFY(!h.model.canFetchMore({}));
        QCOMPARE(h.model.roleNames().value(Role::GroupedWithPreviousRole), QByteArray("groupedWithPrevious"));
    }

    void appendOrMergeDeduplicates()
    {
        Harness h;
        h.model.setMessages(range(kConv, 1, 5));
        h.model.appendOrMerge(message(kConv, 6));
        h.model.appendOrMerge(message(kConv, 6)); // same again
        QCOMPARE(h.seqs(), seqRange(1, 6));

        // A pending message, then its ack: the row leaves the pending section.
        h.model.appendOrMerge(pending(QStringLiteral("p1"), QStringLiteral("hello")));
        h.model.appendOrMerge(pending(QStringLiteral("p2"), QStringLiteral("again")));
        QCOMPARE(h.seqs(), (QList<qint64> { 1, 2, 3, 4, 5, 6, 0, 0 }));
        Message ack = message(kConv, 7, QStringLiteral("alice"));
        ack.clientId = QStringLiteral("p1");
        ack.content = QStringLiteral("hello");
        h.model.appendOrMerge(ack);
        QCOMPARE(h.seqs(), (QList<qint64> { 1, 2, 3, 4, 5, 6, 7, 0 }));
        QCOMPARE(h.at(6, Role::ClientIdRole).toString(), QStringLiteral("p1"));
        QCOMPARE(h.at(6, Role::DeliveryStateRole).toString(), QStringLiteral("sent"));
        QCOMPARE(h.at(6, Role::IsOwnRole).toBool(), true);
        QCOMPARE(h.at(7, Role::ClientIdRole).toString(), QStringLiteral("p2"));
        QCOMPARE(h.model.rowOfClientId(QStringLiteral("p2")), 7);
        QCOMPARE(h.model.rowOfSeq(7), 6);
        QCOMPARE(h.model.rowOfSeq(99), -1);
        QCOMPARE(h.model.rowOfClientId(QStringLiteral("nope")), -1);
        // The echo after the ack changes nothing.
        h.model.appendOrMerge(ack);
        QCOMPARE(h.model.count(), 8);
        // A row is its seq, as in the cache: another seq with the same (sender, clientId)
        // is another row (the server answers a resend under the seq it stored).
        Message replay = ack;
        replay.seq = 12;
        h.model.appendOrMerge(replay);
        QCOMPARE(h.seqs(), (QList<qint64> { 1, 2, 3, 4, 5, 6, 7, 12, 0 }));
        h.model.appendOrMerge(replay);
        QCOMPARE(h.model.count(), 9);

        // Catch-up out of order lands in place.
        h.model.appendOrMerge(message(kConv, 10));
        h.model.appendOrMerge(message(kConv, 9));
        QCOMPARE(h.seqs(), (QList<qint64> { 1, 2, 3, 4, 5, 6, 7, 9, 10, 12, 0 }));
        h.model.appendOrMerge(message(kConv, 8));
        QCOMPARE(h.seqs(), (QList<qint64> { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 12, 0 }));

        // An edit replaces the text; an older edit does not.
        Message edit = message(kConv, 9);
        edit.content = QStringLiteral("edited");
        edit.editedAt = kT0.addSecs(5000);
        h.model.appendOrMerge(edit);
        QCOMPARE(h.at(8, Role::TextRole).toString(), QStringLiteral("edited"));
        QCOMPARE(h.at(8, Role::EditedRole).toBool(), true);
        Message stale = edit;
        stale.content = QStringLiteral("stale");
        stale.editedAt = kT0.addSecs(4000);
        h.model.appendOrMerge(stale);
        QCOMPARE(h.at(8, Role::TextRole).toString(), QStringLiteral("edited"));

        // Another conversation's message is ignored.
        h.model.appendOrMerge(message(QStringLiteral("elsewhere"), 11));
        QCOMPARE(h.model.count(), 12);
    }

    void deliveryStateAndRemove()
    {
        Harness h;
        h.model.setMessages(range(kConv, 1, 2));
        h.model.appendOrMerge(pending(QStringLiteral("p1"), QStringLiteral("x")));
        QSignalSpy changed(&h.model, &QAbstractItemModel::dataChanged);
        h.model.setDeliveryState(QStringLiteral("p1"), DeliveryState::Failed);
        QCOMPARE(h.at(2, Role::DeliveryStateRole).toString(), QStringLiteral("failed"));
        QCOMPARE(changed.size(), 1);
        h.model.setDeliveryState(QStringLiteral("unknown"), DeliveryState::Failed);
        QCOMPARE(changed.size(), 1);
        QVERIFY(h.model.messageByClientId(QStringLiteral("p1")));
        h.model.remove(QStringLiteral("p1"));
        QCOMPARE(h.seqs(), (QList<qint64> { 1, 2 }));
        QVERIFY(!h.model.messageByClientId(QStringLiteral("p1")));
        // Others' messages show no delivery state.
        QCOMPARE(h.at(0, Role::DeliveryStateRole).toString(), QString());
    }

    // ---- Files (issue 15)
    void attachmentsRoleSaysWhatIsAPicture()
    {
        Harness h;
        QList<Message> messages = range(kConv, 1, 1);
        const api::Attachment photo { QStringLiteral("att1"),
                                      QStringLiteral("cat.png"),
                                      5000,
                                      QStringLiteral("image/png"),
                                      QString(64, QLatin1Char('a')),
                                      800,
                                      600,
                                      true };
        api::Attachment pdf = photo;
        pdf.id = QStringLiteral("att2");
        pdf.name = QStringLiteral("report.pdf");
        pdf.mimeType = QStringLiteral("application/pdf");
        pdf.width = pdf.height = 0;
        pdf.hasThumbnail = false;
        api::Attachment undecoded = photo; // an image the server could not size
        undecoded.id = QStringLiteral("att3");
        undecoded.width = undecoded.height = 0;
        messages[0].attachments = { photo, pdf, undecoded };
        h.model.setMessages(messages);

        const QVariantList list = h.at(0, Role::AttachmentsRole).toList();
        QCOMPARE(list.size(), 3);
        const QVariantMap first = list.at(0).toMap();
        QCOMPARE(first.value(QStringLiteral("id")).toString(), QStringLiteral("att1"));
        QCOMPARE(first.value(QStringLiteral("name")).toString(), QStringLiteral("cat.png"));
        QCOMPARE(first.value(QStringLiteral("mimeType")).toString(), QStringLiteral("image/png"));
        QCOMPARE(first.value(QStringLiteral("size")).toLongLong(), 5000);
        QCOMPARE(first.value(QStringLiteral("width")).toInt(), 800);
        QCOMPARE(first.value(QStringLiteral("height")).toInt(), 600);
        QCOMPARE(first.value(QStringLiteral("isImage")).toBool(), true);
        QVERIFY(!first.value(QStringLiteral("sizeText")).toString().isEmpty());
        QCOMPARE(list.at(1).toMap().value(QStringLiteral("isImage")).toBool(), false);
        QCOMPARE(list.at(2).toMap().value(QStringLiteral("isImage")).toBool(), false); // no size: a card
        QVERIFY(h.model.roleNames().value(Role::AttachmentsRole) == "attachments");
    }

    void uploadProgressOfAPendingRow()
    {
        Harness h;
        h.model.setMessages(range(kConv, 1, 1));
        h.model.appendOrMerge(pending(QStringLiteral("p1"), QString()));
        QCOMPARE(h.at(1, Role::UploadProgressRole).toDouble(), 0.0);
        QSignalSpy changed(&h.model, &QAbstractItemModel::dataChanged);
        h.model.setUploadProgress(QStringLiteral("p1"), 250, 1000);
        QCOMPARE(h.at(1, Role::UploadProgressRole).toDouble(), 0.25);
        QCOMPARE(changed.size(), 1);
        QCOMPARE(changed.at(0).at(2).value<QList<int>>(), QList<int> { Role::UploadProgressRole });
        h.model.setUploadProgress(QStringLiteral("p1"), 250, 1000); // no change: no signal
        h.model.setUploadProgress(QStringLiteral("unknown"), 1, 2);
        h.model.setUploadProgress(QStringLiteral("p1"), 1, 0); // no total: ignored
        QCOMPARE(changed.size(), 1);
        QCOMPARE(h.at(0, Role::UploadProgressRole).toDouble(), 1.0); // a server row is all there
        h.model.remove(QStringLiteral("p1"));
        h.model.appendOrMerge(pending(QStringLiteral("p1"), QString()));
        QCOMPARE(h.at(1, Role::UploadProgressRole).toDouble(), 0.0); // a new send starts again
    }

    void daySeparatorsAndGrouping()
    {
        Harness h;
        const QDateTime day1 = QDateTime(QDate(2026, 11, 20), QTime(22, 0), Qt::LocalTime).toUTC();
        const QDateTime day2 = QDateTime(QDate(2026, 11, 21), QTime(9, 0), Qt::LocalTime).toUTC();
        h.model.setMessages({ message(kConv, 1, QStringLiteral("bob"), day1),
                              message(kConv, 2, QStringLiteral("bob"), day1.addSecs(4 * 60)),
                              message(kConv, 3, QStringLiteral("bob"), day1.addSecs(10 * 60)),
                              message(kConv, 4, QStringLiteral("carol"), day1.addSecs(11 * 60)),
                              message(kConv, 5, QStringLiteral("carol"), day2) });
        QCOMPARE(column(h.model, Role::DaySeparatorRole), (QVariantList { true, false, false, false, true }));
        QCOMPARE(column(h.model, Role::GroupedWithPreviousRole),
                 (QVariantList { false, true, false, false, false }));
        // Inserting a row in between updates its neighbour's derived roles.
        QSignalSpy changed(&h.model, &QAbstractItemModel::dataChanged);
        h.model.setMessages({ message(kConv, 1, QStringLiteral("bob"), day1),
                              message(kConv, 3, QStringLiteral("bob"), day1.addSecs(8 * 60)) });
        QCOMPARE(column(h.model, Role::GroupedWithPreviousRole), (QVariantList { false, false }));
        h.model.appendOrMerge(message(kConv, 2, QStringLiteral("bob"), day1.addSecs(4 * 60)));
        QCOMPARE(column(h.model, Role::GroupedWithPreviousRole), (QVariantList { false, true, true }));
        QVERIFY(!changed.isEmpty());
        QCOMPARE(changed.last().at(0).toModelIndex().row(), 2);
    }

    void readMarkersAndReaders()
    {
        Harness h;
        QList<Message> list;
        for (qint64 s = 1; s <= 6; ++s)
            list.append(message(kConv, s, s % 2 ? QStringLiteral("alice") : QStringLiteral("bob")));
        h.model.setMessages(list);
        QCOMPARE(h.at(0, Role::DeliveryStateRole).toString(), QStringLiteral("sent"));
        QSignalSpy changed(&h.model, &QAbstractItemModel::dataChanged);
        h.model.setReadMarker(QStringLiteral("bob"), 3);
        QCOMPARE(changed.size(), 1);
        QCOMPARE(changed.first().at(0).toModelIndex().row(), 0);
        QCOMPARE(changed.first().at(1).toModelIndex().row(), 2);
        QCOMPARE(h.at(0, Role::ReadersRole).toStringList(), QStringList { "Bob" });
        QCOMPARE(h.at(0, Role::DeliveryStateRole).toString(), QStringLiteral("read"));
        QCOMPARE(h.at(0, Role::IsReadRole).toBool(), true);
        // Bob's own message: the sender is not its reader.
        QCOMPARE(h.at(1, Role::ReadersRole).toStringList(), QStringList());
        QCOMPARE(h.at(4, Role::DeliveryStateRole).toString(), QStringLiteral("sent"));
        h.model.setReadMarker(QStringLiteral("carol"), 5);
        QCOMPARE(h.at(0, Role::ReadersRole).toStringList(), (QStringList { "Bob", "Carol" }));
        QCOMPARE(h.at(1, Role::ReadersRole).toStringList(), QStringList { "Carol" });
        QCOMPARE(h.at(4, Role::DeliveryStateRole).toString(), QStringLiteral("read"));
        QCOMPARE(changed.last().at(0).toModelIndex().row(), 0);
        QCOMPARE(changed.last().at(1).toModelIndex().row(), 4);
        // Markers never move back.
        const auto before = changed.size();
        h.model.setReadMarker(QStringLiteral("carol"), 2);
        QCOMPARE(changed.size(), before);
        QCOMPARE(h.at(4, Role::IsReadRole).toBool(), true);
        // Our own marker does not make our messages "read".
        h.model.setReadMarker(QStringLiteral("alice"), 6);
        QCOMPARE(h.at(5, Role::IsReadRole).toBool(), false);
    }

    void windowDropsOldRowsAsNewOnesArrive()
    {
        Harness h(10);
        h.model.setMessages(range(kConv, 1, 5));
        QVERIFY(h.model.atStartOfHistory());
        h.model.appendOrMerge(pending(QStringLiteral("p"), QStringLiteral("pending")));
        for (qint64 s = 6; s <= 40; ++s)
            h.model.appendOrMerge(message(kConv, s));
        QCOMPARE(h.model.count(), 11); // 10 server rows + the pending one
        QCOMPARE(h.model.firstSeq(), 31);
        QCOMPARE(h.model.lastSeq(), 40);
        QVERIFY(!h.model.atStartOfHistory());
        // The tester calls fetchMore on every change, as a view would: the
        // dropped rows are asked for again. That request went out while seq 1
        // was still the first row: its answer ("nothing before 1") is stale
        // and dropped, and the next request asks for what is before the window now.
        QVERIFY(h.model.isLoadingHistory());
        QCOMPARE(h.history.requests.last().seq, 1);
        h.history.answer({}, true);
        QVERIFY(!h.model.atStartOfHistory());
        QVERIFY(!h.model.isLoadingHistory());
        QVERIFY(h.model.canFetchMore({}));
        h.model.fetchMore({});
        QCOMPARE(h.history.requests.last().seq, 31);
        QCOMPARE(h.at(0, Role::DaySeparatorRole).toBool(), true); // the new first row
        // A message older than the window is not inserted (it is in the store).
        h.model.appendOrMerge(message(kConv, 3));
        QCOMPARE(h.model.firstSeq(), 31);
        // setMaxRows shrinks the window at once.
        h.model.setMaxRows(20);
        h.model.setMaxRows(10);
        QCOMPARE(h.model.count(), 11);
    }

    void batchOfNewMessagesIsOneInsert()
    {
        Harness h(10);
        h.model.setMessages(range(kConv, 1, 5));
        h.model.appendOrMerge(pending(QStringLiteral("p"), QStringLiteral("pending")));
        QSignalSpy inserted(&h.model, &QAbstractItemModel::rowsInserted);
        QSignalSpy removed(&h.model, &QAbstractItemModel::rowsRemoved);
        h.model.appendOrMerge(range(kConv, 6, 12));
        // One insert before the pending row, one trim of the oldest two.
        QCOMPARE(inserted.size(), 1);
        QCOMPARE(inserted.first().at(1).toInt(), 5);
        QCOMPARE(inserted.first().at(2).toInt(), 11);
        QCOMPARE(removed.size(), 1);
        QCOMPARE(h.seqs(), (QList<qint64> { 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 0 }));
        QVERIFY(!h.model.atStartOfHistory());

        // A batch longer than the window: only its newest rows go in.
        inserted.clear();
        h.model.appendOrMerge(range(kConv, 13, 40));
        QCOMPARE(inserted.size(), 1);
        QCOMPARE(inserted.first().at(2).toInt() - inserted.first().at(1).toInt() + 1, 10);
        QCOMPARE(h.seqs(), (QList<qint64> { 31, 32, 33, 34, 35, 36, 37, 38, 39, 40, 0 }));
    }

    void batchKeepsOrderAroundMergesAndDuplicates()
    {
        Harness h;
        h.model.setMessages(range(kConv, 1, 3));
        h.model.appendOrMerge(pending(QStringLiteral("p1"), QStringLiteral("mine")));
        Message ack = message(kConv, 5, QStringLiteral("alice"));
        ack.clientId = QStringLiteral("p1");
        Message replay = message(kConv, 7);
        replay.clientId = message(kConv, 6).clientId; // same (sender, clientId) as seq 6
        // New rows, the server's copy of the pending row, a duplicate seq, another
        // conversation's row and a replayed clientId (a row of its own: a row is its
        // seq), in one batch.
        h.model.appendOrMerge({ message(kConv, 4), ack, message(kConv, 4), message(kConv, 6), replay,
                                message(QStringLiteral("other"), 8), message(kConv, 9) });
        QCOMPARE(h.seqs(), (QList<qint64> { 1, 2, 3, 4, 5, 6, 7, 9 }));
        QCOMPARE(h.at(4, Role::ClientIdRole).toString(), QStringLiteral("p1"));
        QCOMPARE(h.at(4, Role::IsPendingRole).toBool(), false);
        QCOMPARE(h.model.rowOfSeq(9), 7);
        // Grouping follows the batch: 4 and 6 are bob's, 5 is alice's.
        QCOMPARE(h.at(3, Role::GroupedWithPreviousRole).toBool(), true);
        QCOMPARE(h.at(4, Role::GroupedWithPreviousRole).toBool(), false);
        QCOMPARE(h.at(5, Role::GroupedWithPreviousRole).toBool(), false);
    }

    void fetchMoreAsksTheHistoryPath()
    {
        Harness h;
        FakeHistory &history = h.history;
        h.model.setMessages({});
        QVERIFY(!h.model.isLoadingHistory()); // what the tester asked during the reset is void
        QVERIFY(h.model.canFetchMore({}));
        history.requests.clear();
        h.model.fetchMore({});
        QCOMPARE(history.requests.size(), 1);
        QVERIFY(history.requests.last().older);
        QCOMPARE(history.requests.last().seq, 0); // "the latest"
        QVERIFY(h.model.isLoadingHistory());
        QVERIFY(!h.model.canFetchMore({})); // one request at a time
        h.model.fetchMore({});
        QCOMPARE(history.requests.size(), 1);

        history.answer(range(kConv, 11, 20));
        QCOMPARE(h.seqs(), seqRange(11, 20));
        QVERIFY(!h.model.isLoadingHistory());
        QCOMPARE(history.requests.size(), 1); // not asked again while the page went in
        h.model.fetchMore({});
        QCOMPARE(history.requests.size(), 2);
        QCOMPARE(history.requests.last().seq, 11);
        history.answer({}, false, false); // the server could not be reached
        QVERIFY(!h.model.isLoadingHistory());
        QVERIFY(h.model.canFetchMore({}));
        h.model.fetchMore({});
        QCOMPARE(history.requests.size(), 3);
        QCOMPARE(history.requests.last().seq, 11);
        // The older page, with an overlap and a duplicate, reaching the start.
        auto older = range(kConv, 1, 12);
        older.append(message(kConv, 4));
        history.answer(older, true);
        QCOMPARE(h.seqs(), seqRange(1, 20));
        QVERIFY(h.model.atStartOfHistory());
        QVERIFY(!h.model.isLoadingHistory());
        QVERIFY(!h.model.canFetchMore({}));
        QCOMPARE(history.requests.size(), 3);
    }

    void answerAfterAResetIsDropped()
    {
        Harness h;
        h.model.setMessages(range(kConv, 30, 40));
        h.model.fetchMore({});
        QVERIFY(h.model.isLoadingHistory());
        const auto asked = h.history.requests.last();
        QCOMPARE(asked.seq, 30);
        h.model.setMessages(range(kConv, 50, 60)); // e.g. jumpToLatest's answer
        h.model.fetchMore({});
        asked.done(MessageHistory::Page { range(kConv, 20, 29), true, false });
        QCoreApplication::processEvents();
        QCOMPARE(h.seqs(), seqRange(50, 60));
        QVERIFY(h.model.isLoadingHistory()); // the new request is still open
    }

    void scrollingUpAndBackDown()
    {
        Harness h(20);
        FakeHistory &history = h.history;
        h.model.setPageSize(5);
        h.model.setMessages(range(kConv, 31, 40));
        h.model.fetchMore({});
        QCOMPARE(history.requests.last().seq, 31);
        QCOMPARE(history.requests.last().limit, 5);
        history.answer(range(kConv, 26, 30));
        QCOMPARE(h.seqs(), seqRange(26, 40));
        h.model.fetchMore({});
        history.answer(range(kConv, 21, 25));
        QCOMPARE(h.seqs(), seqRange(21, 40));
        // Full window: older rows push the newest out, and live ones are not added.
        h.model.fetchMore({});
        history.answer(range(kConv, 16, 20));
        QCOMPARE(h.seqs(), seqRange(16, 35));
        QVERIFY(!h.model.atLatest());
        h.model.appendOrMerge(message(kConv, 41));
        QCOMPARE(h.model.lastSeq(), 35);
        h.model.fetchMore({});
        history.answer(range(kConv, 1, 15), true);
        QVERIFY(h.model.atStartOfHistory());
        QCOMPARE(h.seqs(), seqRange(1, 20));
        QVERIFY(!h.model.canFetchMore({}));

        // Back down: loadNewer asks for what follows the window and drops the top.
        h.model.loadNewer();
        QVERIFY(!history.requests.last().older);
        QCOMPARE(history.requests.last().seq, 20);
        history.answer(range(kConv, 21, 25));
        QCOMPARE(h.model.lastSeq(), 25);
        QCOMPARE(h.model.count(), 20);
        QVERIFY(!h.model.atStartOfHistory());
        QVERIFY(!h.model.atLatest());
        // jumpToLatest: the latest page replaces the window.
        h.model.jumpToLatest();
        QVERIFY(history.requests.last().older);
        QCOMPARE(history.requests.last().seq, 0);
        QCOMPARE(history.requests.last().limit, 10);
        history.answer(range(kConv, 32, 41));
        QVERIFY(h.model.atLatest());
        QCOMPARE(h.model.lastSeq(), 41);
        QCOMPARE(h.model.count(), 10);
    }

    void changedMessagesReplaceTheirRowsByTheRevRule()
    {
        Harness h;
        QList<Message> held = range(kConv, 1, 5);
        for (Message &m : held)
            m.rev = m.seq;
        h.model.setMessages(held);
        QSignalSpy changed(&h.model, &QAbstractItemModel::dataChanged);

        Message edited = held.at(2); // seq 3
        edited.rev = 9;
        edited.content = QStringLiteral("fixed the typo");
        edited.editedAt = kT0.addSecs(3600);
        Message stale = held.at(3); // seq 4: an older state than the row's
        stale.rev = 2;
        stale.content = QStringLiteral("stale");
        Message unknown = message(kConv, 40); // not in the window: never inserted
        unknown.rev = 50;
        h.model.applyChanges({ edited, stale, unknown });
        QCOMPARE(h.seqs(), seqRange(1, 5));
        QCOMPARE(h.at(2, Role::TextRole).toString(), QStringLiteral("fixed the typo"));
        QCOMPARE(h.at(2, Role::RevRole).toLongLong(), 9);
        QCOMPARE(h.at(2, Role::EditedAtRole).toDateTime(), kT0.addSecs(3600));
        QCOMPARE(h.at(3, Role::TextRole).toString(), QStringLiteral("message 4"));
        QCOMPARE(changed.size(), 1);

        // The same rev again changes nothing; a tombstone at a higher rev replaces the row in place.
        h.model.applyChanges({ edited });
        QCOMPARE(changed.size(), 1);
        Message tombstone = edited;
        tombstone.rev = 10;
        tombstone.content.clear();
        tombstone.deletedAt = kT0.addSecs(7200);
        h.model.appendOrMerge(tombstone); // a live copy follows the same rule
        QCOMPARE(h.at(2, Role::IsDeletedRole).toBool(), true);
        QCOMPARE(h.at(2, Role::TextRole).toString(), QString());
        QCOMPARE(h.at(2, Role::SeqRole).toLongLong(), 3);
        QCOMPARE(h.model.count(), 5);
        h.model.appendOrMerge(edited); // older than the tombstone
        QCOMPARE(h.at(2, Role::IsDeletedRole).toBool(), true);

        // A pending row is found by its clientId.
        Message mine = pending(QStringLiteral("p1"), QStringLiteral("first words"));
        h.model.appendOrMerge(mine);
        Message rewritten = mine;
        rewritten.content = QStringLiteral("second words");
        rewritten.rev = 1;
        h.model.applyChanges({ rewritten });
        QCOMPARE(h.at(5, Role::TextRole).toString(), QStringLiteral("second words"));
        QCOMPARE(h.at(5, Role::DeliveryStateRole).toString(), QStringLiteral("sending"));

        // A page read before a change arrives after it: the change still wins.
        Harness paging;
        QList<Message> newest = range(kConv, 11, 20);
        paging.model.setMessages(newest);
        paging.model.fetchMore({}); // (unless the tester asked already)
        QVERIFY(paging.model.isLoadingHistory());
        QVERIFY(paging.history.requests.last().older);
        QCOMPARE(paging.history.requests.last().seq, 11);
        Message changedMeanwhile = message(kConv, 8);
        changedMeanwhile.rev = 30;
        changedMeanwhile.content = QStringLiteral("changed meanwhile");
        paging.model.applyChanges({ changedMeanwhile });
        paging.history.answer(range(kConv, 1, 10), true); // as read before the change
        QCOMPARE(paging.seqs(), seqRange(1, 20));
        QCOMPARE(paging.at(7, Role::TextRole).toString(), QStringLiteral("changed meanwhile"));
        QCOMPARE(paging.at(6, Role::TextRole).toString(), QStringLiteral("message 7"));
    }

    void v2RolesShowTheMessageState()
    {
        Harness h;
        const QDateTime now = QDateTime::currentDateTimeUtc();
        Message reply = message(kConv, 1, QStringLiteral("bob"), now.addSecs(-60));
        reply.rev = 4;
        reply.format = Message::Format::Markdown;
        reply.replyTo = QStringLiteral("id-conv-0");
        reply.replyPreview = ReplyPreview { QStringLiteral("id-conv-0"),    7,
                                            QStringLiteral("carol"),        QStringLiteral("Carol"),
                                            QStringLiteral("the original"), false };
        reply.reactions
            = { Reaction { QStringLiteral("👍"), 2, { QStringLiteral("alice"), QStringLiteral("carol") } },
                Reaction { QStringLiteral("🎉"), 1, { QStringLiteral("dave") } } };
        Message recentOwn = message(kConv, 2, QStringLiteral("alice"), now.addSecs(-5 * 60));
        Message oldOwn = message(kConv, 3, QStringLiteral("alice"), now.addSecs(-16 * 60));
        Message deletedOwn = message(kConv, 4, QStringLiteral("alice"), now.addSecs(-60));
        deletedOwn.content.clear();
        deletedOwn.deletedAt = now;
        deletedOwn.replyPreview
            = ReplyPreview { QStringLiteral("id-conv-1"), 1,         QStringLiteral("bob"),
                             QStringLiteral("Bob"),       QString(), true };
        Message reacting = message(kConv, 5, QStringLiteral("bob"), now);
        reacting.pendingChange = Message::PendingChange::React;
        h.model.setMessages({ reply, recentOwn, oldOwn, deletedOwn, reacting });

        QCOMPARE(h.at(0, Role::RevRole).toLongLong(), 4);
        QCOMPARE(h.at(0, Role::FormatRole).toString(), QStringLiteral("markdown"));
        QCOMPARE(h.at(1, Role::FormatRole).toString(), QStringLiteral("plain"));
        QCOMPARE(h.at(0, Role::IsDeletedRole).toBool(), false);
        QVERIFY(!h.at(0, Role::EditedAtRole).toDateTime().isValid());
        QCOMPARE(h.at(0, Role::HasReplyRole).toBool(), true);
        QCOMPARE(h.at(0, Role::ReplyToIdRole).toString(), QStringLiteral("id-conv-0"));
        QCOMPARE(h.at(0, Role::ReplyToSeqRole).toLongLong(), 7);
        QCOMPARE(h.at(0, Role::ReplySenderNameRole).toString(), QStringLiteral("Carol"));
        QCOMPARE(h.at(0, Role::ReplySnippetRole).toString(), QStringLiteral("the original"));
        QCOMPARE(h.at(0, Role::ReplyDeletedRole).toBool(), false);
        QCOMPARE(h.at(1, Role::HasReplyRole).toBool(), false);
        QCOMPARE(h.at(1, Role::ReplyToSeqRole).toLongLong(), 0);
        QCOMPARE(h.at(3, Role::ReplyDeletedRole).toBool(), true);
        QCOMPARE(h.at(3, Role::IsDeletedRole).toBool(), true);

        // Reactions in the server's order, ours marked, named from the participants
        // (an id nobody knows stays an id).
        const QVariantList reactions = h.at(0, Role::ReactionsRole).toList();
        QCOMPARE(reactions.size(), 2);
        const QVariantMap thumbs = reactions.at(0).toMap();
        QCOMPARE(thumbs.value(QStringLiteral("emoji")).toString(), QStringLiteral("👍"));
        QCOMPARE(thumbs.value(QStringLiteral("count")).toInt(), 2);
        QCOMPARE(thumbs.value(QStringLiteral("mine")).toBool(), true);
        QCOMPARE(thumbs.value(QStringLiteral("names")).toStringList(),
                 (QStringList { QStringLiteral("Alice"), QStringLiteral("Carol") }));
        const QVariantMap party = reactions.at(1).toMap();
        QCOMPARE(party.value(QStringLiteral("mine")).toBool(), false);
        QCOMPARE(party.value(QStringLiteral("names")).toStringList(), QStringList { QStringLiteral("dave") });
        QVERIFY(h.at(1, Role::ReactionsRole).toList().isEmpty());

        // Edit: our own, within 15 minutes, not deleted. Delete: our own, not deleted.
        QCOMPARE(h.at(0, Role::CanEditRole).toBool(), false);
        QCOMPARE(h.at(1, Role::CanEditRole).toBool(), true);
        QCOMPARE(h.at(2, Role::CanEditRole).toBool(), false);
        QCOMPARE(h.at(3, Role::CanEditRole).toBool(), false);
        QCOMPARE(h.at(0, Role::CanDeleteRole).toBool(), false);
        QCOMPARE(h.at(2, Role::CanDeleteRole).toBool(), true);
        QCOMPARE(h.at(3, Role::CanDeleteRole).toBool(), false);
        QCOMPARE(h.model.lastEditableRow(), 1);
        QCOMPARE(h.model.rowOfMessageId(QStringLiteral("id-conv-3")), 2);
        QCOMPARE(h.model.rowOfMessageId(QStringLiteral("nope")), -1);

        // A group admin may delete anyone's message; a member, or anyone in a direct chat, not.
        Participant admin = participant(QStringLiteral("alice"), QStringLiteral("Alice"));
        admin.role = Participant::Role::Admin;
        h.model.setParticipants({ admin, participant(QStringLiteral("bob"), QStringLiteral("Bob")) });
        QCOMPARE(h.at(0, Role::CanDeleteRole).toBool(), false);
        QSignalSpy changed(&h.model, &QAbstractItemModel::dataChanged);
        h.model.setGroup(true);
        QCOMPARE(changed.size(), 1);
        QCOMPARE(h.at(0, Role::CanDeleteRole).toBool(), true);
        QCOMPARE(h.at(3, Role::CanDeleteRole).toBool(), false); // already deleted
        h.model.setParticipants({ participant(QStringLiteral("alice"), QStringLiteral("Alice")) });
        QCOMPARE(h.at(0, Role::CanDeleteRole).toBool(), false);
        // The same participants again (a conversation update comes with every live
        // message): no row changes.
        changed.clear();
        h.model.setParticipants({ participant(QStringLiteral("alice"), QStringLiteral("Alice")) });
        QCOMPARE(changed.size(), 0);

        QCOMPARE(h.at(4, Role::PendingChangeRole).toString(), QStringLiteral("react"));
        QCOMPARE(h.at(0, Role::PendingChangeRole).toString(), QString());

        // A pending message of ours can be edited too (the queued send is rewritten).
        h.model.appendOrMerge(pending(QStringLiteral("p1"), QStringLiteral("queued")));
        QCOMPARE(h.model.lastEditableRow(), 1); // p1's time (kT0 + a day) is long past
        Message fresh = pending(QStringLiteral("p2"), QStringLiteral("queued now"));
        fresh.timestamp = now;
        h.model.appendOrMerge(fresh);
        QCOMPARE(h.model.lastEditableRow(), 6);

        const auto names = h.model.roleNames();
        for (const char *name : { "rev", "format", "isDeleted", "editedAt", "hasReply", "replyToId",
                                  "replyToSeq", "replySenderName", "replySnippet", "replyDeleted",
                                  "reactions", "canEdit", "canDelete", "pendingChange" })
            QVERIFY2(names.values().contains(QByteArray(name)), name);
    }

    void canEditTurnsFalseWhenTheEditWindowCloses()
    {
        Harness h;
        const qint64 window = MessageRoles::kEditWindowMs;
        const QDateTime now = QDateTime::currentDateTimeUtc();
        // Our messages whose windows close in 0.4 s and 1.2 s, one of Bob's, one of ours
        // with minutes left; then a hundred more of ours: still one timer.
        h.model.setMessages({ message(kConv, 1, QStringLiteral("alice"), now.addMSecs(400 - window)),
                              message(kConv, 2, QStringLiteral("bob"), now.addMSecs(400 - window)),
                              message(kConv, 3, QStringLiteral("alice"), now.addMSecs(1200 - window)),
                              message(kConv, 4, QStringLiteral("alice"), now.addSecs(-60)) });
        QList<Message> more;
        for (qint64 seq = 5; seq < 105; ++seq)
            more << message(kConv, seq, QStringLiteral("alice"), now.addSecs(-seq));
        h.model.appendOrMerge(more);
        QCOMPARE(h.model.findChildren<QTimer *>().size(), 1);
        QCOMPARE(h.at(0, Role::CanEditRole).toBool(), true);
        QCOMPARE(h.at(2, Role::CanEditRole).toBool(), true);

        QSignalSpy changed(&h.model, &QAbstractItemModel::dataChanged);
        auto canEditChanges = [&] {
            QList<int> rows;
            for (const QList<QVariant> &args : std::as_const(changed))
                if (args.at(2).value<QList<int>>().contains(Role::CanEditRole))
                    rows << args.at(0).toModelIndex().row();
            return rows;
        };
        QTRY_COMPARE_WITH_TIMEOUT(canEditChanges(), QList<int>({ 0 }), 5000);
        QCOMPARE(h.at(0, Role::CanEditRole).toBool(), false);
        QCOMPARE(h.at(2, Role::CanEditRole).toBool(), true);
        QTRY_COMPARE_WITH_TIMEOUT(canEditChanges(), QList<int>({ 0, 2 }), 5000);
        QCOMPARE(h.at(2, Role::CanEditRole).toBool(), false);
        QCOMPARE(h.at(3, Role::CanEditRole).toBool(), true);
        QTest::qWait(200); // nothing else closes for minutes
        QCOMPARE(canEditChanges(), QList<int>({ 0, 2 }));
    }

    void jumpToRevealsOrLoadsThePageAround()
    {
        Harness h;
        FakeHistory &history = h.history;
        h.model.setPageSize(10);
        h.model.setMessages(range(kConv, 100, 120));
        QSignalSpy revealed(&h.model, &MessageListModel::revealed);

        // (The tester may page older by itself: only the jump's requests count here.)
        const auto arounds = [&] {
            return std::count_if(history.requests.cbegin(), history.requests.cend(),
                                 [](const FakeHistory::Request &r) { return r.around; });
        };
        // In the window: at once, no request.
        h.model.jumpTo(105);
        QCOMPARE(revealed.size(), 1);
        QCOMPARE(revealed.last().at(0).toInt(), 5);
        QCOMPARE(arounds(), 0);

        // Outside: the page around it replaces the window; pending rows stay.
        h.model.appendOrMerge(pending(QStringLiteral("p1"), QStringLiteral("queued")));
        h.model.jumpTo(40);
        QCOMPARE(arounds(), 1);
        QVERIFY(history.requests.last().around);
        QCOMPARE(history.requests.last().seq, 40);
        QCOMPARE(history.requests.last().limit, 20);
        QCOMPARE(revealed.size(), 1);
        history.answer(range(kConv, 30, 49));
        QCOMPARE(h.seqs().mid(0, 20), seqRange(30, 49));
        QCOMPARE(h.model.count(), 21);
        QCOMPARE(revealed.size(), 2);
        QCOMPARE(revealed.last().at(0).toInt(), 10);
        QVERIFY(!h.model.atLatest()); // 50..120 are below: loadNewer reads them
        QVERIFY(!h.model.atStartOfHistory());
        h.model.loadNewer();
        QVERIFY(!history.requests.last().older && !history.requests.last().around);
        QCOMPARE(history.requests.last().seq, 49);

        // Near the start: the window reaches seq 1.
        Harness near;
        near.model.setMessages(range(kConv, 100, 120));
        near.model.jumpTo(3);
        near.history.answer(range(kConv, 1, 12));
        QVERIFY(near.model.atStartOfHistory());
        QCOMPARE(near.model.rowOfSeq(3), 2);

        // A page without it (the server could not be asked): the window stays, nothing revealed.
        Harness failing;
        failing.model.setMessages(range(kConv, 100, 120));
        QSignalSpy none(&failing.model, &MessageListModel::revealed);
        failing.model.jumpTo(7);
        failing.history.answer({}, false, false);
        QCOMPARE(failing.seqs(), seqRange(100, 120));
        QVERIFY(failing.model.atLatest());
        QCOMPARE(none.size(), 0);
    }

    // A conversation opened at a message while its latest page comes from the cache:
    // the reset makes the jump's page stale, so the jump goes on from the new window;
    // jumpToLatest ends it.
    void jumpGoesOnAfterAReset()
    {
        Harness h;
        h.model.setMessages(range(kConv, 100, 110));
        QSignalSpy revealed(&h.model, &MessageListModel::revealed);
        // (The tester may page older by itself: only the jump's requests count here.)
        const auto arounds = [&] {
            QList<FakeHistory::Request *> out;
            for (FakeHistory::Request &r : h.history.requests) {
                if (r.around)
                    out.append(&r);
            }
            return out;
        };
        h.model.jumpTo(40);
        QCOMPARE(arounds().size(), 1);
        h.model.setMessages(range(kConv, 60, 120)); // the latest page: 40 still outside
        QCOMPARE(arounds().size(), 2);
        QCOMPARE(arounds().last()->seq, 40);
        arounds().first()->done(MessageHistory::Page { range(kConv, 30, 49), true, false });
        QCoreApplication::processEvents(); // the stale answer: dropped
        QCOMPARE(revealed.size(), 0);
        arounds().last()->done(MessageHistory::Page { range(kConv, 30, 49), true, false });
        QCoreApplication::processEvents();
        QCOMPARE(revealed.size(), 1);
        QCOMPARE(revealed.last().at(0).toInt(), h.model.rowOfSeq(40));

        // A reset that holds it reveals it at once.
        h.model.jumpTo(20);
        h.model.setMessages(range(kConv, 15, 25));
        QCOMPARE(revealed.size(), 2);
        QCOMPARE(revealed.last().at(0).toInt(), 5);

        // jumpToLatest: the user left the message; a reset makes no new jump.
        h.model.jumpTo(2);
        const qsizetype asked = arounds().size();
        h.model.jumpToLatest();
        h.model.setMessages(range(kConv, 100, 120));
        QCOMPARE(arounds().size(), asked);
        QCOMPARE(h.seqs(), seqRange(100, 120));
        QCOMPARE(revealed.size(), 2);
    }
};

QTEST_MAIN(TestMessageListModel)
#include "tst_messagelistmodel.moc"
