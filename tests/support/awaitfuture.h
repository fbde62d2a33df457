// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A test's wait for a store answer: blocks until the future is done and gives its result.

#include <QFuture>

namespace ringchat::testing {

// result(), not waitForFinished(): a store future is finished by the caller's event
// loop, after its result is set (store/chatstore.h).
template <typename T> T await(QFuture<T> future)
{
    return future.result();
}

inline void await(QFuture<void> future)
{
    future.waitForFinished();
}

} // namespace ringchat::testing
