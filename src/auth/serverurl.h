// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "auth/autherror.h"

#include <QUrl>

namespace ringchat::auth {

// The address of a Ring server as the user typed it, checked and normalised:
// scheme http or https, no user info, query or fragment, no trailing slash.
// Plain http is allowed only to this computer (loopback); every other host
// needs https, so tokens never cross a network in the clear.
struct ServerUrl
{
    // Returns the normalised URL, or an empty URL and sets *error.
    static QUrl parse(const QString &input, AuthError *error);

    // 127.0.0.0/8, ::1 and "localhost".
    static bool isLoopbackHost(const QString &host);

    // The stable text form used in settings and keychain keys, e.g. "https://chat.example.com".
    static QString key(const QUrl &server);

    // server + path, keeping any path prefix the server is mounted under.
    static QUrl resolve(const QUrl &server, const QString &path);
};

} // namespace ringchat::auth
