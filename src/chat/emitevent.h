// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// How the chat service's parts send a client event. They take this function rather
// than the socket, so that their unit tests can see what goes out and answer it.

#include "api/ackreply.h"

#include <QJsonObject>
#include <QString>

#include <functional>

namespace ringchat::net {
class SocketIoClient;
}

namespace ringchat::chat {

// Gets the server's answer, or why there was none (code "timeout", "disconnected").
using AckHandler = std::function<void(const api::AckReply &reply)>;
// `ack` may be empty: nothing waits for an answer.
using EmitEvent = std::function<void(const QString &event, const QJsonObject &data, AckHandler ack)>;

// Through the socket; while it is not connected the event is dropped and `ack`
// answered "disconnected".
EmitEvent emitOn(net::SocketIoClient *socket);

} // namespace ringchat::chat
