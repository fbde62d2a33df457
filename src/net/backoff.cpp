// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "net/backoff.h"

#include <QRandomGenerator>

#include <cmath>

namespace ringchat::net {

Backoff::Backoff(int initialMs, int maxMs, double jitter, quint64 seed)
    : m_initialMs(qMax(0, initialMs))
    , m_maxMs(qMax(0, maxMs))
    , m_jitter(qBound(0.0, jitter, 1.0))
    , m_rng(seed ? seed : QRandomGenerator::global()->generate64())
{
}

double Backoff::random01()
{
    // 53 random bits -> a double in [0, 1); std::uniform_real_distribution is not
    // specified bit-exactly, this is.
    return double(m_rng() >> 11) * 0x1.0p-53;
}

int Backoff::nextDelay()
{
    // Cap the exponent: 2^31 * ms is beyond any sane max, and it keeps the double finite.
    const int exponent = qMin(m_attempts, 31);
    ++m_attempts;
    double ms = double(m_initialMs) * std::ldexp(1.0, exponent);
    if (m_jitter > 0) {
        const double rand = random01();
        const double deviation = std::floor(rand * m_jitter * ms);
        // Same trick as the JS client: one random number decides size and sign.
        ms = (int(std::floor(rand * 10)) & 1) == 0 ? ms - deviation : ms + deviation;
    }
    return int(qMin(ms, double(m_maxMs)));
}

} // namespace ringchat::net
