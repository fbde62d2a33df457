// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// CPU time (user + system) this process has used so far, in microseconds: the
// figure the benchmarks compare clients by.

#include <QtGlobal>

#include <sys/resource.h>

inline qint64 processCpuMicroseconds()
{
    rusage usage {};
    getrusage(RUSAGE_SELF, &usage);
    auto us = [](const timeval &t) { return qint64(t.tv_sec) * 1000000 + t.tv_usec; };
    return us(usage.ru_utime) + us(usage.ru_stime);
}
