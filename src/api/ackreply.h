// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The one reading of the server's ack to a client event (send_message,
// join_conversation, mark_read, ...): {ok: true, ...data} or
// {ok: false, error: {code, message, retryAfter?}} (docs/protocol.md), or no
// answer at all (timeout, disconnected, too large).

#include <QJsonObject>
#include <QString>

namespace ringchat::net {
struct AckResult;
}

namespace ringchat::api {

struct AckReply
{
    bool ok = false;       // the server answered {ok: true}
    bool answered = false; // false: no answer; code then holds the transport's reason
    QString code;          // error.code ("RATE_LIMITED", ...), or "timeout" / "disconnected" / "too large"
    QString message;       // error.message (empty when the server did not answer)
    double retryAfter = 0; // error.retryAfter in seconds (RATE_LIMITED), 0 when absent
    QJsonObject data;      // the whole ack object: message, conversation, lastReadSeq, ...

    static AckReply from(const net::AckResult &result);
};

} // namespace ringchat::api
