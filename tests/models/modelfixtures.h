// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "api/types.h"
#include "seqlists.h"

#include <QAbstractItemModel>
#include <QStringList>

namespace fixtures {

using namespace ringchat::api;

inline const QDateTime kT0 = QDateTime(QDate(2026, 11, 20), QTime(12, 0), Qt::LocalTime).toUTC();

inline Participant participant(const QString &id, const QString &name, qint64 lastReadSeq = 0,
                               bool online = false)
{
    Participant p;
    p.userId = id;
    p.name = name;
    p.joinedAt = kT0;
    p.lastReadSeq = lastReadSeq;
    p.isOnline = online;
    return p;
}

inline Message message(const QString &conversation, qint64 seq, const QString &sender = QStringLiteral("bob"),
                       QDateTime time = {})
{
    Message m;
    m.id = QStringLiteral("id-%1-%2").arg(conversation).arg(seq);
    m.conversationId = conversation;
    m.seq = seq;
    m.clientId = QStringLiteral("client-%1-%2").arg(conversation).arg(seq);
    m.senderId = sender;
    m.senderName = sender.left(1).toUpper() + sender.mid(1);
    m.content = QStringLiteral("message %1").arg(seq);
    m.timestamp = time.isValid() ? time : kT0.addSecs(seq * 60);
    return m;
}

inline QList<Message> range(const QString &conversation, qint64 from, qint64 to)
{
    QList<Message> out;
    for (qint64 s = from; s <= to; ++s)
        out.append(message(conversation, s));
    return out;
}

inline QVariantList column(const QAbstractItemModel &model, int role)
{
    QVariantList out;
    for (int row = 0; row < model.rowCount(); ++row)
        out.append(model.data(model.index(row, 0), role));
    return out;
}

inline QList<qint64> seqColumn(const QAbstractItemModel &model, int role)
{
    QList<qint64> out;
    for (const QVariant &v : column(model, role))
        out.append(v.toLongLong());
    return out;
}

using ringchat::testing::seqRange;

} // namespace fixtures
