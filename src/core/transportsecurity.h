// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The one rule every layer applies before a token leaves the machine: TLS for
// any server that is not on this computer.

#include <QString>
#include <QUrl>

namespace ringchat {

// localhost and loopback addresses (127.0.0.0/8, ::1).
bool isLoopbackHost(const QString &host);

// True when a connection to url is safe to carry credentials: https or wss
// anywhere, plain http or ws only to a loopback host. Otherwise *error (when
// given) says why, in a sentence for the user.
bool isSecureTransport(const QUrl &url, QString *error = nullptr);

} // namespace ringchat
