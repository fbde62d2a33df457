// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "api/ackreply.h"

#include "net/socketioclient.h"

namespace ringchat::api {

AckReply AckReply::from(const net::AckResult &result)
{
    AckReply reply;
    if (!result.ok()) {
        reply.code = result.error;
        return reply;
    }
    reply.answered = true;
    reply.data = result.payload.isEmpty() ? QJsonObject() : result.payload.args().at(0).toObject();
    reply.ok = reply.data.value(QStringLiteral("ok")).toBool();
    if (!reply.ok) {
        const QJsonObject error = reply.data.value(QStringLiteral("error")).toObject();
        // An answer without a readable error is still a refusal.
        reply.code = error.value(QStringLiteral("code")).toString(QStringLiteral("BAD_REQUEST"));
        reply.message = error.value(QStringLiteral("message")).toString();
        reply.retryAfter = error.value(QStringLiteral("retryAfter")).toDouble(0);
    }
    return reply;
}

} // namespace ringchat::api
