// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// MessageRoles: what a message row shows, and the read markers behind its
// readers and delivery state. (The model's rows and signals are in models_messages.)
#include "models/messagelistmodel.h"
#include "models/messageroles.h"

#include <QTest>

using namespace ringchat;
using models::MessageListModel;
using models::MessageRoles;

namespace {

const QDateTime kNoon = QDateTime(QDate(2026, 3, 2), QTime(12, 0), Qt::LocalTime);

api::Message message(qint64 seq, const QString &sender, const QDateTime &at = kNoon)
{
    api::Message m;
    m.seq = seq;
    m.senderId = sender;
    m.timestamp = at.toUTC();
    m.content = QStringLiteral("m%1").arg(seq);
    return m;
}

api::Participant participant(const QString &id, qint64 lastReadSeq)
{
    api::Participant p;
    p.userId = id;
    p.name = id.toUpper();
    p.lastReadSeq = lastReadSeq;
    return p;
}

} // namespace

class TstMessageRoles : public QObject
{
    Q_OBJECT

private slots:
    void readersAreOthersWhoseMarkerReachedTheMessage()
    {
        MessageRoles roles(QStringLiteral("me"));
        roles.setParticipants({ participant(QStringLiteral("me"), 9), participant(QStringLiteral("bob"), 5),
                                participant(QStringLiteral("eve"), 3) });
        QCOMPARE(roles.readers(message(4, QStringLiteral("me"))), QStringList { QStringLiteral("BOB") });
        QCOMPARE(roles.readers(message(3, QStringLiteral("bob"))), QStringList { QStringLiteral("EVE") });
        QVERIFY(roles.readers(message(0, QStringLiteral("me"))).isEmpty()); // pending
        QCOMPARE(
            roles.data(message(4, QStringLiteral("me")), nullptr, false, MessageListModel::DeliveryStateRole),
            QVariant(QStringLiteral("read")));
        QCOMPARE(
            roles.data(message(6, QStringLiteral("me")), nullptr, false, MessageListModel::DeliveryStateRole),
            QVariant(QStringLiteral("sent")));
        QCOMPARE(roles.data(message(4, QStringLiteral("bob")), nullptr, false,
                            MessageListModel::DeliveryStateRole),
                 QVariant(QString()));
    }

    void markersNeverMoveBack()
    {
        MessageRoles roles(QStringLiteral("me"));
        roles.setParticipants({ participant(QStringLiteral("bob"), 5) });
        QCOMPARE(roles.advanceMarker(QStringLiteral("bob"), 4), std::nullopt);
        QCOMPARE(roles.advanceMarker(QStringLiteral("bob"), 8), std::optional<qint64>(5));
        roles.setParticipants({ participant(QStringLiteral("bob"), 2) }); // older news
        QCOMPARE(roles.readers(message(8, QStringLiteral("me"))), QStringList { QStringLiteral("BOB") });
        // Someone not in the list yet is added, named by id.
        QCOMPARE(roles.advanceMarker(QStringLiteral("zed"), 8), std::optional<qint64>(0));
        QCOMPARE(roles.readers(message(8, QStringLiteral("me"))),
                 (QStringList { QStringLiteral("BOB"), QStringLiteral("zed") }));
    }

    void groupingAndDaySeparatorFollowTheRowAbove()
    {
        const MessageRoles roles(QStringLiteral("me"));
        const api::Message first = message(1, QStringLiteral("bob"));
        const api::Message soon = message(2, QStringLiteral("bob"), kNoon.addSecs(4 * 60));
        const api::Message late = message(3, QStringLiteral("bob"), kNoon.addSecs(6 * 60));
        const api::Message other = message(4, QStringLiteral("eve"), kNoon.addSecs(60));
        const api::Message tomorrow = message(5, QStringLiteral("bob"), kNoon.addDays(1));
        const auto grouped = [&](const api::Message &m, const api::Message *prev) {
            return roles.data(m, prev, false, MessageListModel::GroupedWithPreviousRole).toBool();
        };
        const auto separated = [&](const api::Message &m, const api::Message *prev) {
            return roles.data(m, prev, false, MessageListModel::DaySeparatorRole).toBool();
        };
        QVERIFY(!grouped(first, nullptr));
        QVERIFY(separated(first, nullptr));
        QVERIFY(grouped(soon, &first));
        QVERIFY(!grouped(late, &first)); // over five minutes
        QVERIFY(!grouped(other, &first));
        QVERIFY(!separated(soon, &first));
        QVERIFY(separated(tomorrow, &first));
        QVERIFY(!grouped(tomorrow, &first));
    }

    void everyRoleHasAName()
    {
        const QHash<int, QByteArray> names = MessageRoles::names();
        QCOMPARE(names.size(), MessageListModel::MentionsMeRole - MessageListModel::IdRole + 1);
        QCOMPARE(names.value(MessageListModel::TextRole), QByteArray("text"));
        QCOMPARE(names.value(MessageListModel::IsPendingRole), QByteArray("isPending"));
        QCOMPARE(names.value(MessageListModel::PendingChangeRole), QByteArray("pendingChange"));
        QCOMPARE(names.value(MessageListModel::AttachmentsRole), QByteArray("attachments"));
        QCOMPARE(names.value(MessageListModel::UploadProgressRole), QByteArray("uploadProgress"));
        QCOMPARE(names.value(MessageListModel::MentionsMeRole), QByteArray("mentionsMe"));
        // Every name once (QML reads them by name).
        const QList<QByteArray> all = names.values();
        QCOMPARE(QSet<QByteArray>(all.cbegin(), all.cend()).size(), all.size());
    }
};

QTEST_GUILESS_MAIN(TstMessageRoles)
#include "tst_messageroles.moc"
