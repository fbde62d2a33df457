// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QtGlobal>

namespace ringchat::auth {

// When to refresh the access token. Proactively, shortly before it expires:
// a quarter of its lifetime early, at most a minute early, never sooner than 1 s
// from now (so a tiny lifetime cannot become a busy loop). After a failure that
// may pass (network), retry with a growing pause.
struct RefreshPolicy
{
    // -1 when the lifetime is unknown (then only a 401 / TOKEN_EXPIRED refreshes).
    static qint64 delayMs(qint64 expiresInSec);
    // failures = 1, 2, 3... -> 2 s, 4 s, 8 s ... capped at 60 s.
    static qint64 retryDelayMs(int failures);
};

} // namespace ringchat::auth
