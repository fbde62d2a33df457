// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Messages for the timeline unit tests: seq n of conversation kConv has id "m<n>",
// clientId "c<n>" and is n seconds after kT0.

#include "api/types.h"

#include <QList>

namespace sample {

inline const QString kConv = QStringLiteral("conv");
inline const QDateTime kT0 = QDateTime::fromMSecsSinceEpoch(1795000000000, Qt::UTC);

inline ringchat::api::Message message(qint64 seq, const QString &sender = QStringLiteral("bob"))
{
    ringchat::api::Message m;
    m.id = QStringLiteral("m%1").arg(seq);
    m.conversationId = kConv;
    m.seq = seq;
    m.clientId = QStringLiteral("c%1").arg(seq);
    m.senderId = sender;
    m.senderName = sender;
    m.content = QStringLiteral("message %1").arg(seq);
    m.timestamp = kT0.addSecs(seq);
    return m;
}

inline QList<ringchat::api::Message> range(qint64 from, qint64 to,
                                           const QString &sender = QStringLiteral("bob"))
{
    QList<ringchat::api::Message> out;
    for (qint64 s = from; s <= to; ++s)
        out.append(message(s, sender));
    return out;
}

inline QList<qint64> seqs(const QList<ringchat::api::Message> &list)
{
    QList<qint64> out;
    for (const ringchat::api::Message &m : list)
        out.append(m.seq);
    return out;
}

} // namespace sample
