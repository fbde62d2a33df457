// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// TimelineWriter: what each way in (live, server pages, cache, history, changes,
// read markers, conversations) saves to the cache and says to the models, with
// our unanswered actions on every row it hands out.
#include "chat/chatcache.h"
#include "chat/timelinewriter.h"
#include "sampletimeline.h"

#include <QSignalSpy>
#include <QTest>

using namespace ringchat;
using chat::Timelines;
using chat::TimelineWriter;
using Source = Timelines::Source;
using namespace sample;

namespace {

const QString kMe = QStringLiteral("alice");

api::Conversation conversation(qint64 myMarker)
{
    api::Conversation c;
    c.id = kConv;
    c.createdAt = kT0;
    c.updatedAt = kT0;
    c.lastSeq = 5;
    for (const QString &id : { kMe, QStringLiteral("bob") }) {
        api::Participant p;
        p.userId = id;
        p.name = id;
        p.lastReadSeq = id == kMe ? myMarker : 0;
        c.participants.append(p);
    }
    return c;
}

// Records what is written; reads answer nothing.
class RecordingCache final : public chat::ChatCache
{
public:
    void load(int, const QHash<QString, int> &, std::function<void(const Snapshot &)>) override { }
    void loadBefore(const QString &, qint64, int, std::function<void(const QList<api::Message> &)>) override
    {
    }
    void loadAfter(const QString &, qint64, int, std::function<void(const QList<api::Message> &)>) override {
    }
    void saveConversations(const QList<api::Conversation> &c) override { conversations += c; }
    void saveMessages(const QList<api::Message> &m) override { messages += m; }
    void saveChanges(const QList<api::Message> &m) override { changes += m; }
    void saveSyncedRev(const QString &, qint64) override { }
    void saveOutboxEntry(const chat::OutboxEntry &, std::function<void()>) override { }
    void updateOutboxEntry(const chat::OutboxEntry &) override { }
    void removeOutboxEntry(const QString &) override { }
    void destroy() override { }

    QList<api::Conversation> conversations;
    QList<api::Message> messages, changes;
};

// A writer over its own timelines and cache. Our pending clientIds are in `pending`;
// every row handed out gets `Edit` as our unanswered action when its seq is in `editing`.
struct Fixture
{
    Fixture()
    {
        timelines.setOwnUserId(kMe);
        TimelineWriter::Hooks hooks;
        hooks.isOwnPending = [this](const QString &clientId) { return pending.contains(clientId); };
        hooks.overlaid = [this](api::Message m) {
            if (editing.contains(m.seq))
                m.pendingChange = api::Message::PendingChange::Edit;
            return m;
        };
        writer = std::make_unique<TimelineWriter>(&timelines, &cache, std::move(hooks));
    }
    Timelines timelines;
    RecordingCache cache;
    QStringList pending;
    QList<qint64> editing;
    std::unique_ptr<TimelineWriter> writer;
};

} // namespace

class TstTimelineWriter : public QObject
{
    Q_OBJECT
private slots:
    void whatTheServerSentIsSavedAndWhatWasReadBackIsNot_data()
    {
        QTest::addColumn<int>("source");
        QTest::addColumn<bool>("saved");
        QTest::newRow("live") << int(Source::Live) << true;
        QTest::newRow("server page") << int(Source::Server) << true;
        QTest::newRow("cache") << int(Source::Cache) << false;
        QTest::newRow("history (saved by the history path)") << int(Source::History) << false;
    }
    void whatTheServerSentIsSavedAndWhatWasReadBackIsNot()
    {
        QFETCH(int, source);
        QFETCH(bool, saved);
        Fixture f;
        QSignalSpy inserted(f.writer.get(), &TimelineWriter::messagesInserted);
        const QList<api::Message> added = f.writer->ingest(kConv, range(1, 3), Source(source));
        QCOMPARE(seqs(added), (QList<qint64> { 1, 2, 3 }));
        QCOMPARE(inserted.count(), 1);
        QCOMPARE(seqs(inserted.at(0).at(1).value<QList<api::Message>>()), (QList<qint64> { 1, 2, 3 }));
        QCOMPARE(seqs(f.cache.messages), saved ? (QList<qint64> { 1, 2, 3 }) : QList<qint64> {});

        // The same again adds nothing and says nothing.
        QVERIFY(f.writer->ingest(kConv, range(1, 3), Source(source)).isEmpty());
        QCOMPARE(inserted.count(), 1);
        QCOMPARE(f.cache.messages.size(), saved ? 3 : 0);
    }

    void ourMessageComingBackUpdatesItsRowWithOurActionsOnIt()
    {
        Fixture f;
        f.pending = { QStringLiteral("c4") };
        f.editing = { 4 };
        f.writer->ingest(kConv, range(1, 3), Source::Server);
        QSignalSpy inserted(f.writer.get(), &TimelineWriter::messagesInserted);
        QSignalSpy updated(f.writer.get(), &TimelineWriter::messageUpdated);
        f.writer->ingest(kConv, { message(4, kMe) }, Source::Live);
        QCOMPARE(inserted.count(), 0); // the pending row is replaced, not added to
        QCOMPARE(updated.count(), 1);
        const auto row = updated.at(0).at(1).value<api::Message>();
        QCOMPARE(row.clientId, QStringLiteral("c4"));
        QCOMPARE(row.pendingChange, api::Message::PendingChange::Edit);
        QCOMPARE(seqs(f.cache.messages), (QList<qint64> { 1, 2, 3, 4 }));
    }

    void aLiveMessagePastAHoleAsksForWhatIsMissing()
    {
        Fixture f;
        QSignalSpy gap(f.writer.get(), &TimelineWriter::gapFound);
        f.writer->ingest(kConv, range(1, 2), Source::Live);
        QCOMPARE(gap.count(), 0);
        f.writer->ingest(kConv, { message(5) }, Source::Live);
        QCOMPARE(gap.count(), 1);
        QCOMPARE(gap.at(0).at(0).toString(), kConv);
        QCOMPARE(gap.at(0).at(1).toLongLong(), 2);
    }

    void changesOfHeldMessagesAndOfOlderOnesReachTheCacheAndTheModels()
    {
        Fixture f;
        f.writer->ingest(kConv, range(3, 5), Source::History);
        f.editing = { 4 };
        QSignalSpy changed(f.writer.get(), &TimelineWriter::messagesChanged);
        QSignalSpy inserted(f.writer.get(), &TimelineWriter::messagesInserted);

        // Held: replaced by the newer rev, saved, and shown with our pending edit on it.
        api::Message edited = message(4);
        edited.rev = 20;
        edited.content = QStringLiteral("edited");
        f.writer->applyChanges(kConv, { edited });
        QCOMPARE(changed.count(), 1);
        auto rows = changed.at(0).at(1).value<QList<api::Message>>();
        QCOMPARE(seqs(rows), QList<qint64> { 4 });
        QCOMPARE(rows.first().content, QStringLiteral("edited"));
        QCOMPARE(rows.first().pendingChange, api::Message::PendingChange::Edit);
        QCOMPARE(f.timelines.message(kConv, 4)->content, QStringLiteral("edited"));
        QCOMPARE(seqs(f.cache.changes), QList<qint64> { 4 });

        // An older one only the cache may have: saved as a change, never inserted or held.
        api::Message older = message(1);
        older.rev = 21;
        f.writer->applyChanges(kConv, { older });
        QCOMPARE(changed.count(), 2);
        QCOMPARE(seqs(changed.at(1).at(1).value<QList<api::Message>>()), QList<qint64> { 1 });
        QCOMPARE(seqs(f.cache.changes), (QList<qint64> { 4, 1 }));
        QVERIFY(!f.timelines.message(kConv, 1));
        QCOMPARE(inserted.count(), 0);
        QVERIFY(f.cache.messages.isEmpty());

        // The same rev again changes nothing.
        f.writer->applyChanges(kConv, { edited });
        QCOMPARE(changed.count(), 2);
        QCOMPARE(f.cache.changes.size(), 2);
    }

    void conversationsFromTheServerAreSavedAndOurMarkerIsPassedOn()
    {
        Fixture f;
        QSignalSpy held(f.writer.get(), &TimelineWriter::conversationHeld);
        QSignalSpy marker(f.writer.get(), &TimelineWriter::ownMarkerKnown);
        QStringList order;
        connect(f.writer.get(), &TimelineWriter::conversationHeld, this, [&] { order << "held"; });
        connect(f.writer.get(), &TimelineWriter::conversationChanged, this, [&] { order << "changed"; });

        f.writer->upsertConversation(conversation(2), false); // from the cache
        QVERIFY(f.cache.conversations.isEmpty());
        QCOMPARE(held.count(), 1);
        QCOMPARE(held.at(0).at(1).toBool(), false);
        QCOMPARE(marker.at(0).at(1).toLongLong(), 2);

        f.writer->upsertConversation(conversation(3), true); // from the server
        QCOMPARE(f.cache.conversations.size(), 1);
        QCOMPARE(held.at(1).at(1).toBool(), true);
        QCOMPARE(marker.at(1).at(1).toLongLong(), 3);
        // The service's bookkeeping (presence) comes before the models hear of it.
        QCOMPARE(order, (QStringList { "held", "changed", "held", "changed" }));
    }

    void readMarkersMoveForwardOnlyAndOursIsPassedOn()
    {
        Fixture f;
        f.writer->upsertConversation(conversation(0), true);
        f.writer->ingest(kConv, { message(1, kMe), message(2) }, Source::Server);
        f.cache.conversations.clear();
        QSignalSpy marker(f.writer.get(), &TimelineWriter::ownMarkerKnown);
        QSignalSpy markers(f.writer.get(), &TimelineWriter::readMarkersChanged);
        QSignalSpy updated(f.writer.get(), &TimelineWriter::messageUpdated);

        // Bob read our message: its row becomes read; ours did not move.
        f.writer->applyReadMarker(kConv, QStringLiteral("bob"), 1, kT0);
        QCOMPARE(markers.count(), 1);
        QCOMPARE(marker.count(), 0);
        QCOMPARE(updated.count(), 1);
        QCOMPARE(updated.at(0).at(1).value<api::Message>().delivery, api::DeliveryState::Read);
        QCOMPARE(f.cache.conversations.size(), 1);

        // Ours moves: passed on (no mark_read below it goes out).
        f.writer->applyReadMarker(kConv, kMe, 2, kT0);
        QCOMPARE(marker.count(), 1);
        QCOMPARE(marker.at(0).at(1).toLongLong(), 2);
        QCOMPARE(f.timelines.ownMarker(kConv), 2);

        // Backwards: nothing at all.
        f.writer->applyReadMarker(kConv, kMe, 1, kT0);
        QCOMPARE(markers.count(), 2);
        QCOMPARE(marker.count(), 1);
        QCOMPARE(f.cache.conversations.size(), 2);
    }

    void afterSignOutNothingIsWrittenToTheCache()
    {
        Fixture f;
        f.writer->forgetCache();
        QSignalSpy inserted(f.writer.get(), &TimelineWriter::messagesInserted);
        f.writer->upsertConversation(conversation(0), true);
        f.writer->ingest(kConv, range(1, 2), Source::Live);
        api::Message edited = message(1);
        edited.rev = 5;
        f.writer->applyChanges(kConv, { edited });
        QCOMPARE(inserted.count(), 1); // the models still hear of it
        QVERIFY(f.cache.conversations.isEmpty() && f.cache.messages.isEmpty() && f.cache.changes.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TstTimelineWriter)
#include "tst_timelinewriter.moc"
