// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// AckReply: the one reading of a server ack ({ok, ...} or {ok:false, error}) and
// of no answer at all.
#include "api/ackreply.h"
#include "net/socketioclient.h"

#include <QJsonArray>
#include <QTest>

using namespace ringchat;
using api::AckReply;

namespace {
net::AckResult answered(const QJsonValue &ack)
{
    return { QString(), net::Payload(QJsonArray { ack }) };
}
} // namespace

class TstAckReply : public QObject
{
    Q_OBJECT
private slots:
    void okCarriesItsData()
    {
        const AckReply r = AckReply::from(
            answered(QJsonObject { { QStringLiteral("ok"), true }, { QStringLiteral("lastReadSeq"), 9 } }));
        QVERIFY(r.ok && r.answered);
        QVERIFY(r.code.isEmpty());
        QCOMPARE(r.data.value(QStringLiteral("lastReadSeq")).toInt(), 9);
    }

    void refusalCarriesCodeMessageAndRetryAfter()
    {
        const AckReply r = AckReply::from(
            answered(QJsonObject { { QStringLiteral("ok"), false },
                                   { QStringLiteral("error"),
                                     QJsonObject { { QStringLiteral("code"), QStringLiteral("RATE_LIMITED") },
                                                   { QStringLiteral("message"), QStringLiteral("Slow down") },
                                                   { QStringLiteral("retryAfter"), 1.5 } } } }));
        QVERIFY(!r.ok && r.answered);
        QCOMPARE(r.code, QStringLiteral("RATE_LIMITED"));
        QCOMPARE(r.message, QStringLiteral("Slow down"));
        QCOMPARE(r.retryAfter, 1.5);
    }

    void unreadableAnswersAreRefusals_data()
    {
        QTest::addColumn<QJsonValue>("ack");
        QTest::newRow("no ok") << QJsonValue(QJsonObject { { QStringLiteral("message"), 1 } });
        QTest::newRow("ok not a bool")
            << QJsonValue(QJsonObject { { QStringLiteral("ok"), QStringLiteral("true") } });
        QTest::newRow("not an object") << QJsonValue(QStringLiteral("ok"));
        QTest::newRow("error without code") << QJsonValue(QJsonObject { { QStringLiteral("ok"), false } });
    }

    void unreadableAnswersAreRefusals()
    {
        QFETCH(QJsonValue, ack);
        const AckReply r = AckReply::from(answered(ack));
        QVERIFY(!r.ok && r.answered);
        QCOMPARE(r.code, QStringLiteral("BAD_REQUEST"));
        QCOMPARE(r.retryAfter, 0.0);
    }

    void noAnswerGivesTheTransportReason()
    {
        const AckReply r = AckReply::from(net::AckResult { QStringLiteral("timeout"), {} });
        QVERIFY(!r.ok && !r.answered);
        QCOMPARE(r.code, QStringLiteral("timeout"));
        QVERIFY(AckReply::from(net::AckResult { QString(), {} }).answered); // an empty ack: answered, refused
    }
};

QTEST_GUILESS_MAIN(TstAckReply)
#include "tst_ackreply.moc"
