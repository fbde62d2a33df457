// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "auth/refreshpolicy.h"

#include <algorithm>

namespace ringchat::auth {

qint64 RefreshPolicy::delayMs(qint64 expiresInSec)
{
    if (expiresInSec <= 0)
        return -1;
    const qint64 lifetimeMs = expiresInSec * 1000;
    const qint64 earlyMs = std::min<qint64>(60'000, lifetimeMs / 4);
    return std::max<qint64>(1000, lifetimeMs - earlyMs);
}

qint64 RefreshPolicy::retryDelayMs(int failures)
{
    const int exponent = std::clamp(failures, 1, 6);
    return std::min<qint64>(60'000, qint64(1000) << exponent);
}

} // namespace ringchat::auth
