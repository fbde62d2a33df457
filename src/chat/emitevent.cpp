// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "chat/emitevent.h"

#include "net/socketioclient.h"

#include <QPointer>

namespace ringchat::chat {

EmitEvent emitOn(net::SocketIoClient *socket)
{
    return [socket = QPointer<net::SocketIoClient>(socket)](const QString &event, const QJsonObject &data,
                                                            AckHandler ack) {
        if (!socket)
            return;
        net::AckCallback callback;
        if (ack)
            callback = [ack = std::move(ack)](const net::AckResult &r) { ack(api::AckReply::from(r)); };
        socket->emitEvent(event, data, std::move(callback));
    };
}

} // namespace ringchat::chat
