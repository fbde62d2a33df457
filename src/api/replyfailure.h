// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// How a QNetworkReply to the server failed, as an ApiError: the one reading for the
// REST calls and the file transfers. The sentence of a transport failure comes from
// core/networkerror.h; an HTTP error status carries the server's {error: {code, message}}.

#include "api/apiresult.h"

#include <QByteArray>
#include <QUrl>

#include <chrono>

class QNetworkReply;

namespace ringchat::api {

// Keeps the TLS errors the reply reports (transportFailure names them) and aborts it
// after `timeout`; with `idle`, the timeout restarts whenever bytes move (a large
// transfer is not cut while it progresses).
void watchReply(QNetworkReply *reply, std::chrono::milliseconds timeout, bool idle = false);

// A reply that got no HTTP answer (status 0) or was aborted by watchReply's timeout.
ApiError transportFailure(QNetworkReply *reply, const QUrl &server);

// An HTTP error status (not 2xx); `body` is what the server sent with it.
ApiError statusFailure(int status, const QByteArray &body, QNetworkReply *reply);

} // namespace ringchat::api
