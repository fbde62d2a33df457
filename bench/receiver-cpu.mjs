#!/usr/bin/env node
// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// B's cost per trickled message: what the latency test's receiver (our chat engine
// with its cache and models, bench/client/latencyclient.cpp) spends on each message
// of a flood that arrives one at a time. The flood is the latency test's
// (bench/flood-sender.mjs, carol -> bob through the reference server, paced at RATE
// msg/s); B reads it as it comes, as in the latency test. Only B is measured.
//
//   receiver-cpu.mjs [--build-dir build/ci] [--server-dir DIR] [--rate R] [--messages N]
//                    [--warmup N] [--rounds K] [--size B] [--callgrind DIR] [--syncs]
//
// Prints one JSON line per round and a summary line. Per flood message:
//   usPerMsg       B's CPU time (all threads; moves with the machine's load)
//   irPerMsg       with --callgrind DIR: B's instructions, counted from zero at each
//                  round's start (callgrind_control -z, then -d); no load moves it.
//                  B runs ~50x slower there: keep RATE low (e.g. 20) so that the
//                  messages still trickle in one at a time
//   writesPerMsg   B's write system calls (/proc/<pid>/io syscw): its store's
//                  transactions show here (WAL writes)
//   syncsPerMsg    with --syncs: B's fsync + fdatasync calls, counted by
//                  `strace -f -c -p` attached for the round: the commits that wait for
//                  the disk. strace stops B at each of its system calls, so a round with
//                  --syncs inflates usPerMsg: take CPU from a run without it
//   insertsPerMsg  rowsInserted signals of B's flood model
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { CONV, DEFAULT_SERVER_DIR, LineProcess, cleanUp, startServer } from './latency.mjs';
import { callgrindControl, writeCalls } from './process-counters.mjs';

const benchDir = path.dirname(fileURLToPath(import.meta.url));
const options = {
    buildDir: path.join(path.dirname(benchDir), 'build', 'ci'), serverDir: DEFAULT_SERVER_DIR,
    rate: 2000, messages: 10000, warmup: 1000, rounds: 3, size: 200, callgrind: null, syncs: false,
};
const argv = process.argv.slice(2);
for (let i = 0; i < argv.length; i += 2) {
    const value = argv[i + 1];
    if (argv[i] === '--syncs') { // a flag: no value
        options.syncs = true;
        --i;
        continue;
    }
    switch (argv[i]) {
    case '--build-dir': options.buildDir = path.resolve(value); break;
    case '--server-dir': options.serverDir = path.resolve(value); break;
    case '--rate': options.rate = Number(value); break;
    case '--messages': options.messages = Number(value); break;
    case '--warmup': options.warmup = Number(value); break;
    case '--rounds': options.rounds = Number(value); break;
    case '--size': options.size = Number(value); break;
    case '--callgrind': options.callgrind = path.resolve(value); break;
    default:
        console.error(`receiver-cpu: unknown argument ${argv[i]}`);
        process.exit(2);
    }
}

const say = (o) => process.stdout.write(JSON.stringify(o) + '\n');
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

// Counts the fsync and fdatasync calls of every thread of `pid` from now until stop(),
// which returns their sum.
async function countSyncs(pid) {
    const strace = spawn('strace', ['-f', '-c', '-e', 'trace=fsync,fdatasync', '-p', String(pid)],
                         { stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    strace.stderr.on('data', (d) => { err += d; });
    const exited = new Promise((resolve) => strace.on('exit', resolve));
    for (let waited = 0; !/attached/.test(err); waited += 20) {
        if (strace.exitCode !== null || waited > 10000)
            throw new Error(`strace did not attach to B: ${err.trim()}`);
        await sleep(20);
    }
    return {
        stop: async () => {
            strace.kill('SIGINT');
            await exited;
            let calls = 0;
            for (const m of err.matchAll(/^\s*[\d.]+\s+[\d.]+\s+\d+\s+(\d+)\s+(?:\d+\s+)?f(?:data)?sync\s*$/gm))
                calls += Number(m[1]);
            return calls;
        },
    };
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ringchat-receiver-cpu-'));
const processes = [];
let server = null;
const results = [];
try {
    server = await startServer(dir, options.serverDir);
    const [bob, carol] = await Promise.all(['bob', 'carol'].map((u) => server.token(u)));
    const flooder = new LineProcess('flooder', process.execPath,
                                    [path.join(benchDir, 'flood-sender.mjs'), server.url, carol, 'bob',
                                     String(options.rate), String(options.size)]);
    processes.push(flooder);
    const floodConv = (await flooder.waitFor('flooder ready', (e) => e.ev === 'ready', 0, 30000)).conversationId;
    let command = [path.join(options.buildDir, 'bench', 'ringchat-bench-latency'),
                   'receiver', server.url, bob, path.join(dir, 'b'), CONV, 'alice', floodConv];
    if (options.callgrind) {
        fs.mkdirSync(options.callgrind, { recursive: true });
        command = ['valgrind', '--tool=callgrind', `--callgrind-out-file=${options.callgrind}/callgrind.out.%p`,
                   ...command];
    }
    const B = new LineProcess('B', command[0], command.slice(1), {
        env: { ...process.env, QT_LOGGING_RULES: 'ringchat.*.debug=false;ringchat.*.info=false' },
    });
    processes.push(B);
    await B.waitFor('B ready', (e) => e.ev === 'ready', 0, 120000);
    const stats = async () => {
        const from = B.mark();
        B.send('stats');
        return B.waitFor('B stats', (e) => e.ev === 'stats', from, 60000);
    };
    // Floods until B's flood model holds `count` more rows and every ack is in.
    const flood = async (count) => {
        const start = (await stats()).floodRows;
        flooder.send('start');
        while ((await stats()).floodRows < start + count)
            await sleep(100);
        const from = flooder.mark();
        flooder.send('stop');
        const stopped = await flooder.waitFor('flood stop', (e) => e.ev === 'stopped', from, 60000);
        for (;;) {
            const s = await stats();
            if (s.floodLastSeq >= stopped.lastSeq)
                return s;
            await sleep(50);
        }
    };
    if (options.warmup)
        await flood(options.warmup);
    for (let round = 0; round < options.rounds; ++round) {
        const before = await stats();
        const writesBefore = writeCalls(B.child.pid);
        if (options.callgrind)
            callgrindControl(options.callgrind, B.child.pid, '-z');
        const syncs = options.syncs ? await countSyncs(B.child.pid) : null;
        const t0 = performance.now();
        const after = await flood(options.messages);
        const syncCalls = syncs ? await syncs.stop() : 0;
        const ir = options.callgrind ? callgrindControl(options.callgrind, B.child.pid, '-d') : 0;
        const seconds = (performance.now() - t0) / 1000;
        const n = after.floodRows - before.floodRows;
        if (!after.floodOrderOk)
            throw new Error('B took the flood out of order');
        const round_ = {
            ev: 'round', round, messages: n, msgPerS: Math.round(n / seconds),
            usPerMsg: Number(((after.cpuUs - before.cpuUs) / n).toFixed(1)),
            irPerMsg: options.callgrind ? Math.round(ir / n) : undefined,
            writesPerMsg: Number(((writeCalls(B.child.pid) - writesBefore) / n).toFixed(2)),
            syncsPerMsg: syncs ? Number((syncCalls / n).toFixed(3)) : undefined,
            insertsPerMsg: Number(((after.floodInserts - before.floodInserts) / n).toFixed(3)),
        };
        results.push(round_);
        say(round_);
    }
    await B.stop();
} finally {
    await cleanUp(processes, server, dir);
}
const median = (key) => {
    const v = results.map((r) => r[key]).filter((x) => x !== undefined).sort((a, b) => a - b);
    return v.length ? v[Math.floor(v.length / 2)] : undefined;
};
say({ ev: 'summary', rate: options.rate, size: options.size, usPerMsg: results.map((r) => r.usPerMsg),
      median: median('usPerMsg'), irPerMsg: median('irPerMsg'), writesPerMsg: median('writesPerMsg'),
      syncsPerMsg: median('syncsPerMsg'), insertsPerMsg: median('insertsPerMsg') });
