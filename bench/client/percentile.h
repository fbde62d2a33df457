// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The nearest-rank percentile the benchmarks report (frame times, keystrokes).

#include <QList>

#include <algorithm>
#include <cmath>

// Nearest-rank percentile of sorted values (p in 0..1); 0 for none.
inline double percentile(const QList<double> &sorted, double p)
{
    if (sorted.isEmpty())
        return 0.0;
    const auto rank = qsizetype(std::ceil(p * double(sorted.size())));
    return sorted[std::clamp<qsizetype>(rank - 1, 0, sorted.size() - 1)];
}
