// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "auth/accesstokensource.h"

#include <QString>

#include <utility>
#include <vector>

namespace ringchat::auth {

// Everyone who asked for a fresh access token while one refresh is out. Refresh
// tokens rotate, and presenting the same one twice makes the server end the
// whole session: so one request, and every waiter hears its result once.
class RefreshWaiters
{
public:
    using Done = AccessTokenSource::RefreshDone;

    // True when no request is out: the caller must start one.
    bool add(Done done)
    {
        m_waiters.push_back(std::move(done));
        return !std::exchange(m_inFlight, true);
    }

    // Answers every waiter. One that asks again from its callback starts a new round.
    void finish(bool ok, const QString &error)
    {
        m_inFlight = false;
        std::vector<Done> waiters;
        waiters.swap(m_waiters);
        for (const Done &done : waiters) {
            if (done)
                done(ok, error);
        }
    }

private:
    bool m_inFlight = false;
    std::vector<Done> m_waiters;
};

} // namespace ringchat::auth
