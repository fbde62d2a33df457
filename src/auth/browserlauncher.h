// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "auth/autherror.h"

#include <QUrl>

namespace ringchat::auth {

// Opens the authorization page in the user's browser. RINGCHAT_BROWSER, when
// set, names a command to run instead (the URL is added as its last argument):
// for tests, and for users who want a particular browser. Without a GUI
// application (the CLI) it falls back to xdg-open.
class BrowserLauncher
{
public:
    static bool open(const QUrl &url, AuthError *error);
};

} // namespace ringchat::auth
