// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// What the CPU benchmarks (server-cpu.mjs, receiver-cpu.mjs) read of a process that
// the machine's load does not move: its write system calls and, under valgrind's
// callgrind, its instructions.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

// The write-type system calls (write, writev, pwrite...) of `pid` so far.
export function writeCalls(pid) {
    return Number(/^syscw: (\d+)$/m.exec(fs.readFileSync(`/proc/${pid}/io`, 'utf8'))[1]);
}

// Zeroes (-z) or dumps (-d) the callgrind counters of `pid`, whose dumps go to `dir`;
// a dump returns its total instruction count.
export function callgrindControl(dir, pid, flag) {
    const before = new Set(fs.readdirSync(dir));
    execFileSync('callgrind_control', [flag, String(pid)], { stdio: 'ignore' });
    if (flag !== '-d')
        return 0;
    const dump = fs.readdirSync(dir).find((f) => !before.has(f));
    return Number(/^(?:summary|totals): (\d+)/m.exec(fs.readFileSync(path.join(dir, dump), 'utf8'))[1]);
}
