// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// OwnMessages: our messages until the server has them, and the rows shown for
// them. Offline here (the socket never connects), so nothing is sent and every
// entry stays pending; the cache is a recorder. Sending through the real server
// is in chat_service.
#include "chat/chatcache.h"
#include "chat/ownmessages.h"
#include "chat/timelines.h"
#include "net/socketioclient.h"

#include <QSignalSpy>
#include <QTest>

using namespace ringchat;
using chat::OutboxEntry;
using chat::OwnMessages;

namespace {

const QString kConv = QStringLiteral("conv");
const QString kOther = QStringLiteral("other");
const QString kMe = QStringLiteral("alice");

// Records the outbox writes; the rest is not needed here.
class OutboxRecorder final : public chat::ChatCache
{
public:
    void load(int, const QHash<QString, int> &, std::function<void(const Snapshot &)>) override { }
    void loadBefore(const QString &, qint64, int, std::function<void(const QList<api::Message> &)>) override
    {
    }
    void loadAfter(const QString &, qint64, int, std::function<void(const QList<api::Message> &)>) override {
    }
    void saveConversations(const QList<api::Conversation> &) override { }
    void saveMessages(const QList<api::Message> &) override { }
    void saveChanges(const QList<api::Message> &) override { }
    void saveSyncedRev(const QString &, qint64) override { }
    void saveOutboxEntry(const OutboxEntry &e, std::function<void()> durable) override
    {
        saved.append(e.clientId);
        durable();
    }
    void updateOutboxEntry(const OutboxEntry &e) override { updated.append(e.clientId); }
    void removeOutboxEntry(const QString &clientId) override { removed.append(clientId); }
    void destroy() override { }

    QStringList saved, updated, removed;
};

OutboxEntry entry(const QString &clientId, const QString &conv, int minute,
                  OutboxEntry::State state = OutboxEntry::State::Queued)
{
    OutboxEntry e;
    e.clientId = clientId;
    e.conversationId = conv;
    e.content = QStringLiteral("text of ") + clientId;
    e.createdAt = QDateTime(QDate(2026, 1, 1), QTime(12, minute), Qt::UTC);
    e.state = state;
    return e;
}

net::SocketIoOptions offline()
{
    net::SocketIoOptions o;
    o.serverUrl = QUrl(QStringLiteral("http://127.0.0.1:9"));
    o.watchNetwork = false;
    return o;
}

} // namespace

class TstOwnMessages : public QObject
{
    Q_OBJECT

    OutboxRecorder m_recorder;
    chat::ChatCache *m_cache = nullptr;
    chat::Timelines m_timelines;
    net::SocketIoClient *m_socket = nullptr;
    OwnMessages *m_own = nullptr;

private slots:
    void init()
    {
        m_recorder = OutboxRecorder();
        m_cache = &m_recorder;
        m_timelines = chat::Timelines();
        m_timelines.setOwnUserId(kMe);
        api::Conversation c;
        c.id = kConv;
        api::Participant me;
        me.userId = kMe;
        me.name = QStringLiteral("Alice (cached)");
        c.participants = { me };
        m_timelines.upsert(c);
        m_socket = new net::SocketIoClient(offline(), this);
        m_own = new OwnMessages(m_socket, m_cache, m_timelines, this);
    }
    void cleanup()
    {
        delete m_own;
        delete m_socket;
    }

    void sendQueuesARowNamedAfterUs()
    {
        QSignalSpy inserted(m_own, &OwnMessages::rowsInserted);
        QVERIFY(m_own->send(kConv, QStringLiteral("   ")).isEmpty());
        QVERIFY(m_own->send(QStringLiteral("not a conversation!"), QStringLiteral("hi")).isEmpty());
        QCOMPARE(inserted.count(), 0);

        const QString id = m_own->send(kConv, QStringLiteral("hello"), QStringLiteral("m7"));
        QVERIFY(!id.isEmpty());
        QCOMPARE(m_recorder.saved, QStringList { id });
        QCOMPARE(inserted.count(), 1);
        QCOMPARE(inserted.at(0).at(0).toString(), kConv);
        const auto rows = inserted.at(0).at(1).value<QList<api::Message>>();
        QCOMPARE(rows.size(), 1);
        QCOMPARE(rows[0].clientId, id);
        QCOMPARE(rows[0].senderId, kMe);
        QCOMPARE(rows[0].senderName, QStringLiteral("Alice (cached)")); // before the server names us
        QCOMPARE(rows[0].replyTo, QStringLiteral("m7"));
        QCOMPARE(rows[0].seq, 0);
        QCOMPARE(rows[0].delivery, api::DeliveryState::Sending);
        QVERIFY(m_own->contains(id));
        QCOMPARE(m_own->pendingCount(), 1);
        QCOMPARE(m_own->unsentState(id), api::DeliveryState::Sending);

        m_own->setUserName(QStringLiteral("Alice"));
        QCOMPARE(m_own->pendingRows(kConv, {}).value(0).senderName, QStringLiteral("Alice"));
    }

    void pendingRowsSkipWhatIsHeldAndOtherConversations()
    {
        m_own->restore({ entry(QStringLiteral("a"), kConv, 1), entry(QStringLiteral("b"), kOther, 2),
                         entry(QStringLiteral("c"), kConv, 3) });
        api::Message stored; // the echo of "a" came before its ack
        stored.conversationId = kConv;
        stored.seq = 5;
        stored.senderId = kMe;
        stored.clientId = QStringLiteral("a");
        api::Message theirs = stored; // somebody else's message with the same clientId
        theirs.senderId = QStringLiteral("bob");
        theirs.clientId = QStringLiteral("c");

        const QList<api::Message> rows = m_own->pendingRows(kConv, { stored, theirs });
        QCOMPARE(rows.size(), 1);
        QCOMPARE(rows[0].clientId, QStringLiteral("c"));
        QCOMPARE(m_own->pendingRows(kOther, {}).size(), 1);
        QCOMPARE(m_own->pendingRows(kConv, {}).size(), 2);
    }

    void restoreAnnouncesEachConversationsRowsInOrder()
    {
        QSignalSpy inserted(m_own, &OwnMessages::rowsInserted);
        m_own->restore({ entry(QStringLiteral("b1"), kOther, 1), entry(QStringLiteral("a1"), kConv, 2),
                         entry(QStringLiteral("b2"), kOther, 3, OutboxEntry::State::Failed) });
        QCOMPARE(inserted.count(), 2);
        QCOMPARE(inserted.at(0).at(0).toString(), kOther);
        const auto rows = inserted.at(0).at(1).value<QList<api::Message>>();
        QCOMPARE(rows.size(), 2);
        QCOMPARE(rows[0].clientId, QStringLiteral("b1"));
        QCOMPARE(rows[1].delivery, api::DeliveryState::Failed);
        QCOMPARE(inserted.at(1).at(0).toString(), kConv);
        QVERIFY(m_recorder.saved.isEmpty()); // read back from disk: already durable
        QCOMPARE(m_own->pendingCount(), 2);  // the failed one is not pending
        QCOMPARE(m_own->unsentState(QStringLiteral("b2")), api::DeliveryState::Failed);
    }

    void retryPutsAFailedRowBackInLine()
    {
        m_own->restore({ entry(QStringLiteral("f"), kConv, 1, OutboxEntry::State::Failed),
                         entry(QStringLiteral("q"), kConv, 2) });
        QSignalSpy updated(m_own, &OwnMessages::rowUpdated);
        QVERIFY(!m_own->retry(QStringLiteral("q"))); // not failed
        QVERIFY(!m_own->retry(QStringLiteral("nobody")));
        QVERIFY(m_own->retry(QStringLiteral("f")));
        QCOMPARE(updated.count(), 1);
        QCOMPARE(updated.at(0).at(1).value<api::Message>().delivery, api::DeliveryState::Sending);
        QCOMPARE(m_recorder.updated, QStringList { QStringLiteral("f") });
        QCOMPARE(m_own->unsentState(QStringLiteral("f")), api::DeliveryState::Sending);
    }

    void discardRemovesTheRowForGood()
    {
        m_own->restore({ entry(QStringLiteral("x"), kConv, 1), entry(QStringLiteral("y"), kOther, 2) });
        QSignalSpy removed(m_own, &OwnMessages::rowRemoved);
        QVERIFY(!m_own->discard(QStringLiteral("nobody")));
        QVERIFY(m_own->discard(QStringLiteral("x")));
        QCOMPARE(removed.count(), 1);
        QCOMPARE(removed.at(0).at(0).toString(), kConv);
        QCOMPARE(removed.at(0).at(1).toString(), QStringLiteral("x"));
        QCOMPARE(m_recorder.removed, QStringList { QStringLiteral("x") });
        QVERIFY(!m_own->contains(QStringLiteral("x")));

        m_own->discardAll(); // sign-out: no rows announced
        QCOMPARE(removed.count(), 1);
        QCOMPARE(m_own->pendingCount(), 0);
        QVERIFY(m_own->pendingRows(kOther, {}).isEmpty());
    }

    void withTheCacheGoneEntriesLiveInMemory()
    {
        m_cache = nullptr; // sign-out forgot it
        const QString id = m_own->send(kConv, QStringLiteral("still here"));
        QVERIFY(!id.isEmpty());
        QVERIFY(m_recorder.saved.isEmpty());
        QVERIFY(m_own->discard(id));
        QVERIFY(m_recorder.removed.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TstOwnMessages)
#include "tst_ownmessages.moc"
