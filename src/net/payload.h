// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/jsondocument.h"

#include <QByteArray>
#include <QJsonArray>
#include <QList>

#include <memory>

namespace ringchat::net {

// Event or ack arguments. Binary attachments live in `binaries`; in the arguments each
// is the placeholder object {"_placeholder":true,"num":N} (Socket.IO v5 form).
//
// An incoming payload holds the packet's parsed JSON (shared and immutable, so copies
// are cheap and a handler may keep one). Read it either way:
// - arg(i): a typed view straight into the parsed document, e.g. for
//   api::Message::fromJson(payload.arg(0)); valid while the payload (or a copy) lives;
// - args(): a QJsonArray, converted from the document the first time someone asks.
// An outgoing payload is built from a QJsonArray.
class Payload
{
public:
    Payload() = default;
    Payload(QJsonArray args, QList<QByteArray> binaries = {});
    // Elements [first, first + count) of the document's root array.
    Payload(std::shared_ptr<const JsonDocument> document, qsizetype first, qsizetype count,
            QList<QByteArray> binaries = {});

    qsizetype size() const;
    bool isEmpty() const { return size() == 0; }
    JsonView arg(qsizetype i) const; // undefined when out of range
    const QJsonArray &args() const;

    QList<QByteArray> binaries;

private:
    struct Shared;
    std::shared_ptr<Shared> m_shared;
};

} // namespace ringchat::net
