// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// A server search hit (contract §6.3): its message and ranges, and hostile ranges refused.

#include "api/searchhit.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using ringchat::api::SearchHit;

namespace {

QJsonObject hit(const QJsonValue &ranges)
{
    const QJsonObject message
        = QJsonDocument::fromJson(R"({"id":"m1","conversationId":"c1","seq":1,"clientId":"k1",
        "senderId":"bob","senderName":"Bob","content":"hello there","type":"text",
        "timestamp":"2026-12-06T10:00:00.000Z"})")
              .object();
    return QJsonObject { { "message", message }, { "ranges", ranges } };
}

} // namespace

class TstSearchHit : public QObject
{
    Q_OBJECT

private slots:
    void readsTheMessageAndRanges()
    {
        QString error;
        const auto parsed
            = SearchHit::fromJson(hit(QJsonArray { QJsonArray { 0, 5 }, QJsonArray { 6, 11 } }), &error);
        QVERIFY2(parsed, qPrintable(error));
        QCOMPARE(parsed->message.id, QStringLiteral("m1"));
        QCOMPARE(parsed->ranges, (QList<std::pair<int, int>> { { 0, 5 }, { 6, 11 } }));
    }

    void refusesRangesOutsideTheText_data()
    {
        QTest::addColumn<QJsonValue>("ranges");
        QTest::newRow("past the end") << QJsonValue(QJsonArray { QJsonArray { 6, 12 } });
        QTest::newRow("empty") << QJsonValue(QJsonArray { QJsonArray { 3, 3 } });
        QTest::newRow("negative") << QJsonValue(QJsonArray { QJsonArray { -1, 2 } });
        QTest::newRow("fraction") << QJsonValue(QJsonArray { QJsonArray { 0.5, 2 } });
        QTest::newRow("three numbers") << QJsonValue(QJsonArray { QJsonArray { 0, 2, 3 } });
        QTest::newRow("not a pair") << QJsonValue(QJsonArray { "0-2" });
    }
    void refusesRangesOutsideTheText()
    {
        QFETCH(QJsonValue, ranges);
        QString error;
        QVERIFY(!SearchHit::fromJson(hit(ranges), &error));
        QVERIFY(!error.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TstSearchHit)
#include "tst_searchhit.moc"
