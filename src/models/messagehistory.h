// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Where a MessageListModel pages its history from: the chat service's one
// history path (the cache first, then the server; server pages are cached).
// The model never touches the store or the network itself.

#include "api/types.h"

#include <QList>
#include <QString>

#include <functional>

namespace ringchat::models {

class MessageHistory
{
public:
    struct Page
    {
        QList<api::Message> messages; // ascending, contiguous with the seq asked about (or around it)
        bool ok = true;               // false: the server could not be asked (messages may be partial)
        bool reachedEnd = false;      // older: nothing before it; newer: the newest message is in
    };
    using Done = std::function<void(const Page &page)>;

    virtual ~MessageHistory() = default;
    // Up to `limit` messages right before beforeSeq (0: the latest messages).
    virtual void older(const QString &conversationId, qint64 beforeSeq, int limit, Done done) = 0;
    // Up to `limit` messages right after afterSeq.
    virtual void newer(const QString &conversationId, qint64 afterSeq, int limit, Done done) = 0;
    // About `limit` messages around seq, the one at seq included and about half before it
    // (a jump to a message outside the window). reachedEnd: the server said nothing
    // follows the page (false when unknown, e.g. from the cache).
    virtual void around(const QString &conversationId, qint64 seq, int limit, Done done) = 0;
};

} // namespace ringchat::models
