// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A test's wait for a store answer: blocks until the future is done and gives its result.

#include <QFuture>

namespace ringchat::testing {

template <typename T> T await(QFuture<T> future)
{
    future.waitForFinished();
    return future.result();
}

inline void await(QFuture<void> future)
{
    future.waitForFinished();
}

} // namespace ringchat::testing
