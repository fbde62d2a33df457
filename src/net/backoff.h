// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Reconnect delays like socket.io-client's Backoff: ms * 2^attempt, randomised by
// +/- jitter * ms, capped at max. A seeded generator makes the sequence exact in tests.

#include <QtGlobal>

#include <random>

namespace ringchat::net {

class Backoff
{
public:
    // seed 0 = a random seed.
    Backoff(int initialMs, int maxMs, double jitter, quint64 seed = 0);

    int nextDelay(); // the delay for the current attempt, then attempt++
    int attempts() const { return m_attempts; }
    void reset() { m_attempts = 0; }

private:
    double random01(); // [0, 1), same bits on every platform

    int m_initialMs;
    int m_maxMs;
    double m_jitter;
    int m_attempts = 0;
    std::mt19937_64 m_rng;
};

} // namespace ringchat::net
