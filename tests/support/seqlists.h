// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Lists of message seqs, the shape most cache and sync assertions compare.

#include "api/types.h"

#include <QList>

namespace ringchat::testing {

inline QList<qint64> seqsOf(const QList<api::Message> &messages)
{
    QList<qint64> out;
    for (const api::Message &m : messages)
        out.append(m.seq);
    return out;
}

// from, from + 1, ..., to (empty when to < from).
inline QList<qint64> seqRange(qint64 from, qint64 to)
{
    QList<qint64> out;
    for (qint64 s = from; s <= to; ++s)
        out.append(s);
    return out;
}

} // namespace ringchat::testing
