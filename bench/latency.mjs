// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// End-to-end latency, one round of bench/run's latency test: two of our chat
// engines (bench/client/latencyclient.cpp), A sending and B receiving, each in its
// own process, against the reference server (server/src/index.js, a real process
// with a fresh database). One-way latency = B's CLOCK_MONOTONIC when its models
// show the change minus A's just before the call (one clock for all processes).
//
// Each sample waits for the previous one to arrive, then 1–10 ms (random, so the
// samples do not lock onto any timer's period). Per load — B idle, then B taking
// a flood (FLOOD_RATE msg/s unless told otherwise) from a third user in another conversation
// (flood-sender.mjs) — it measures:
//   message          A sendMessage -> B's message model holds the row
//   typing start     A userTyped -> B's conversation list shows A typing
//   typing stop      A userStoppedTyping -> the typing line is gone
//   presence away    A's idle timer fires (made to fire now: the app waits 5
//                    minutes) or A calls noteUserActivity (back) -> B's
//                    presence of A shows it
//   disconnect       A stop() (the socket says goodbye) -> B shows A offline
//   reconnect        A start() (cache read, connect, auth) -> B shows A online
//   killed           SIGKILL of A's process -> B shows A offline
// and, once per bench/run (opts.frozen samples, B idle): frozen, SIGSTOP of A's
// process (no FIN, no goodbye: only the server's heartbeat notices) -> offline.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { fileURLToPath } from 'node:url';

const benchDir = path.dirname(fileURLToPath(import.meta.url));
export const DEFAULT_SERVER_DIR = path.join(path.dirname(benchDir), 'server');

export const FLOOD_RATE = 2000;
const SAMPLE_TIMEOUT_MS = 15000;
// Only the connect, message and event rates block this test (A sends hundreds of
// messages a second, the flood 2000, A reconnects dozens of times a minute).
const SERVER_ENV = {
    CONNECT_RATE_LIMIT: '100000',
    MESSAGE_RATE_BURST: '100000',
    MESSAGE_RATE_PER_SEC: '100000',
    EVENT_RATE_BURST: '200000',
    EVENT_RATE_PER_SEC: '200000',
};
export const CONV = 'dm-alice-bob';

// The kinds in table order, with the p99 target in ms (null: no target).
export const KINDS = [
    ['message', 'message', 10],
    ['typingStart', 'typing start', 10],
    ['typingStop', 'typing stop', null],
    ['away', 'presence away/back', 50],
    ['disconnect', 'presence disconnect', 50],
    ['reconnect', 'presence reconnect', null],
    ['killed', 'presence killed (SIGKILL)', null],
];
export const LOADS = ['idle', 'flood'];

export function latencyCounts(quick) {
    return quick
        ? { messages: 10, typing: 5, awayCycles: 3, reconnects: 1, killed: 1, frozen: 0, warmupMs: 200 }
        : { messages: 1000, typing: 200, awayCycles: 100, reconnects: 50, killed: 10, frozen: 3, warmupMs: 1000 };
}

export class RunError extends Error {}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const gap = () => sleep(1 + Math.random() * 9);
const nowUs = () => Number(process.hrtime.bigint()) / 1000; // CLOCK_MONOTONIC on Linux

// A child speaking JSON lines on stdout and taking commands on stdin.
export class LineProcess {
    constructor(name, cmd, args, options = {}) {
        this.name = name;
        this.events = [];
        this.waiters = new Set();
        this.stderr = '';
        this.child = spawn(cmd, args, { stdio: ['pipe', 'pipe', 'pipe'], ...options });
        this.exited = new Promise((resolve) => this.child.once('exit', (code, signal) => {
            this.exitCode = code;
            this.exitSignal = signal;
            this.notify();
            resolve();
        }));
        this.child.stdin.on('error', () => {}); // a killed child's pipe
        this.child.stderr.on('data', (d) => { this.stderr = (this.stderr + d).slice(-4000); });
        readline.createInterface({ input: this.child.stdout }).on('line', (line) => {
            let event;
            try {
                event = JSON.parse(line);
            } catch {
                event = { ev: 'text', line };
            }
            this.events.push(event);
            this.notify();
        });
    }

    mark() { return this.events.length; }
    send(line) { this.child.stdin.write(line + '\n'); }
    running() { return this.child.exitCode === null && this.child.signalCode === null; }

    notify() {
        for (const w of [...this.waiters])
            w();
    }

    // The first event from index `from` on that matches; its index in .at.
    waitFor(what, match, from = 0, timeoutMs = SAMPLE_TIMEOUT_MS) {
        return new Promise((resolve, reject) => {
            let scanned = from;
            const check = () => {
                for (; scanned < this.events.length; ++scanned) {
                    const e = this.events[scanned];
                    if (e.ev === 'error')
                        return done(new RunError(`${this.name}: ${e.error}`));
                    if (match(e))
                        return done(null, { ...e, at: scanned });
                }
                if (!this.running())
                    return done(new RunError(`${this.name} exited (${this.exitCode ?? this.exitSignal}) while waiting for ${what}`
                                             + `\n${this.stderr}`));
            };
            const timer = setTimeout(() => done(new RunError(`${this.name}: no ${what} within ${timeoutMs} ms`)), timeoutMs);
            const done = (error, event) => {
                clearTimeout(timer);
                this.waiters.delete(check);
                if (error)
                    reject(error);
                else
                    resolve(event);
            };
            this.waiters.add(check);
            check();
        });
    }

    async stop(line = 'quit', timeoutMs = 10000) {
        if (!this.running())
            return;
        if (line)
            this.send(line);
        this.child.stdin.end();
        const timer = setTimeout(() => this.child.kill('SIGKILL'), timeoutMs);
        await this.exited;
        clearTimeout(timer);
    }
}

export async function startServer(dir, serverDir) {
    const env = { ...process.env, ...SERVER_ENV, DATABASE: path.join(dir, 'server.sqlite'), SEED_DEMO: '1', PORT: '0' };
    const server = new LineProcess('server', process.execPath, ['src/index.js'], { cwd: serverDir, env });
    const listening = await server.waitFor('LISTENING', (e) => e.ev === 'text' && /^LISTENING \S+$/.test(e.line), 0, 30000);
    const url = listening.line.split(' ')[1];
    const token = (user) => new Promise((resolve, reject) => {
        const p = spawn(process.execPath, ['src/token-cli.js', user],
                        { cwd: serverDir, env: { ...env, ISSUER: url }, stdio: ['ignore', 'pipe', 'pipe'] });
        let out = '';
        let err = '';
        p.stdout.on('data', (d) => { out += d; });
        p.stderr.on('data', (d) => { err += d; });
        p.on('exit', (code) => (code === 0 ? resolve(out.trim()) : reject(new RunError(`token-cli ${user}: ${err}`))));
    });
    return {
        url, token,
        stop: async () => {
            if (!server.running())
                return;
            server.child.kill('SIGTERM');
            const timer = setTimeout(() => server.child.kill('SIGKILL'), 5000);
            await server.exited;
            clearTimeout(timer);
        },
        stderr: () => server.stderr,
    };
}

function percentile(sorted, p) {
    return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))];
}

function summarise(samples) {
    if (!samples.length)
        return null;
    const s = [...samples].sort((a, b) => a - b);
    return { n: s.length, p50: percentile(s, 0.5), p99: percentile(s, 0.99), max: s[s.length - 1],
             mean: s.reduce((a, b) => a + b, 0) / s.length };
}

// One round: a fresh server, B throughout, A processes per step, both loads.
// serverDir: the reference server to run (a patched copy, to try a fix);
// floodRate: the flood asked of the third sender, msg/s; loads: a subset of LOADS.
export async function runLatencyRound({ buildDir, quick, size, withFrozen, serverDir = DEFAULT_SERVER_DIR,
                                        floodRate = FLOOD_RATE, loads = LOADS }) {
    const counts = latencyCounts(quick);
    const exe = path.join(buildDir, 'bench', 'ringchat-bench-latency');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ringchat-latency-'));
    const childEnv = { ...process.env, QT_LOGGING_RULES: 'ringchat.*.debug=false;ringchat.*.info=false' };
    const processes = [];
    let server = null;
    let dataDirs = 0;
    let step = 'start';
    const result = { client: 'latency', mode: 'latency', ok: false, loads: {}, counts };

    const sender = (token) => {
        const data = path.join(dir, `a-${++dataDirs}`);
        const args = ['sender', server.url, token, data, CONV, String(size)];
        const p = new LineProcess(`A${dataDirs}`, exe, args, { env: childEnv });
        processes.push(p);
        return p;
    };

    try {
        server = await startServer(dir, serverDir);
        const [alice, bob, carol] = await Promise.all(['alice', 'bob', 'carol'].map((u) => server.token(u)));
        // The flood's conversation must exist before B syncs, so B knows it.
        const flooder = new LineProcess('flooder', process.execPath,
                                        [path.join(benchDir, 'flood-sender.mjs'), server.url, carol, 'bob',
                                         String(floodRate), String(size)]);
        processes.push(flooder);
        const floodConv = (await flooder.waitFor('flooder ready', (e) => e.ev === 'ready', 0, 30000)).conversationId;
        const B = new LineProcess('B', exe, ['receiver', server.url, bob, path.join(dir, 'b'), CONV, 'alice', floodConv],
                                  { env: childEnv });
        processes.push(B);
        await B.waitFor('B ready', (e) => e.ev === 'ready', 0, 30000);

        const seenPresence = (status, from) =>
            B.waitFor(`B seeing alice ${status}`, (e) => e.ev === 'seen' && e.kind === 'presence' && e.status === status, from);
        const did = (A, kind, i, from) =>
            A.waitFor(`A's ${kind} ${i}`, (e) => e.ev === 'did' && e.kind === kind && e.i === i, from);
        // Runs an action of A's and returns (B's time - A's time) in ms.
        const sample = async (A, command, kind, i, seen) => {
            const fromA = A.mark();
            const fromB = B.mark();
            A.send(`${command} ${i}`);
            const a = await did(A, kind, i, fromA);
            const b = await seen(fromB);
            return (b.t - a.t) / 1000;
        };
        const spawnOnline = async (token) => {
            const fromB = B.mark();
            const A = sender(token);
            await A.waitFor('A ready', (e) => e.ev === 'ready', 0, 30000);
            await seenPresence('online', fromB);
            return A;
        };
        let messageNo = 0;

        for (const load of loads) {
            step = `${load}: start`;
            const samples = Object.fromEntries(KINDS.map(([k]) => [k, []]));
            let flood = null;
            let before = null;
            const stats = async () => {
                const from = B.mark();
                B.send('stats');
                return B.waitFor('B stats', (e) => e.ev === 'stats', from);
            };
            if (load === 'flood') {
                before = await stats();
                flooder.send('start');
                await sleep(counts.warmupMs);
            }

            // A as the app runs: messages, typing, away and back, then disconnect/reconnect.
            const A = await spawnOnline(alice);
            step = `${load}: messages`;
            for (let n = 0; n < counts.messages; ++n, ++messageNo) {
                const i = messageNo;
                samples.message.push(await sample(A, 'message', 'message', i,
                    (from) => B.waitFor(`message ${i} in B's model`, (e) => e.ev === 'seen' && e.kind === 'message' && e.i === i, from)));
                await gap();
            }
            step = `${load}: typing`;
            for (let k = 0; k < counts.typing; ++k) {
                const typing = (on) => (from) => B.waitFor(`B's typing line ${on ? 'on' : 'off'}`,
                                                           (e) => e.ev === 'seen' && e.kind === 'typing' && e.on === on, from);
                samples.typingStart.push(await sample(A, 'typing_start', 'typing_start', k, typing(true)));
                await gap();
                samples.typingStop.push(await sample(A, 'typing_stop', 'typing_stop', k, typing(false)));
                await gap();
            }
            step = `${load}: away`;
            for (let k = 0; k < counts.awayCycles; ++k) {
                samples.away.push(await sample(A, 'away', 'away', k, (from) => seenPresence('away', from)));
                await gap();
                samples.away.push(await sample(A, 'back', 'back', k, (from) => seenPresence('online', from)));
                await gap();
            }
            step = `${load}: reconnects`;
            for (let k = 0; k < counts.reconnects; ++k) {
                samples.disconnect.push(await sample(A, 'disconnect', 'disconnect', k, (from) => seenPresence('offline', from)));
                await gap();
                const fromA = A.mark();
                samples.reconnect.push(await sample(A, 'connect', 'connect', k, (from) => seenPresence('online', from)));
                await A.waitFor('A synced again', (e) => e.ev === 'synced', fromA);
                await gap();
            }
            let fromB = B.mark();
            await A.stop();
            await seenPresence('offline', fromB);

            // Killed: no goodbye; the kernel closes the process's socket.
            step = `${load}: killed`;
            for (let k = 0; k < counts.killed; ++k) {
                const victim = await spawnOnline(alice);
                await gap();
                fromB = B.mark();
                const t = nowUs();
                victim.child.kill('SIGKILL');
                const b = await seenPresence('offline', fromB);
                samples.killed.push((b.t - t) / 1000);
                await victim.exited;
            }

            if (load === 'flood') {
                step = 'flood: stop';
                const from = flooder.mark();
                flooder.send('stop');
                flood = await flooder.waitFor('flood stop', (e) => e.ev === 'stopped', from, 60000);
                // B must end up with every flood message, in order.
                const t0 = nowUs();
                let after;
                for (;;) {
                    after = await stats();
                    if (after.floodLastSeq >= flood.lastSeq || nowUs() - t0 > 30e6)
                        break;
                    await sleep(20);
                }
                flood.lagMs = (nowUs() - t0) / 1000;
                flood.bRows = after.floodRows;
                flood.bLastSeq = after.floodLastSeq;
                // All of B's work in the flood phase (A's samples too, a small part) per flood message.
                flood.bCpuUsPerMsg = (after.cpuUs - before.cpuUs) / Math.max(1, after.floodRows - before.floodRows);
                flood.ok = flood.failed === 0 && after.floodOrderOk && after.floodLastSeq === flood.lastSeq
                    && after.floodRows === flood.acked;
                if (!flood.ok)
                    throw new RunError(`flood: ${JSON.stringify(flood)}`);
            }
            result.loads[load] = Object.fromEntries(KINDS.map(([k]) => [k, summarise(samples[k])]));
            if (flood)
                result.flood = flood;
        }

        if (withFrozen && counts.frozen) {
            // Frozen: the process stops without a word and its socket stays open;
            // the server finds out by its heartbeat (PING_INTERVAL_MS + PING_TIMEOUT_MS).
            step = 'frozen';
            const frozen = [];
            for (let k = 0; k < counts.frozen; ++k) {
                const victim = await spawnOnline(alice);
                await gap();
                const fromB = B.mark();
                const t = nowUs();
                victim.child.kill('SIGSTOP');
                const b = await B.waitFor('B seeing a frozen alice offline',
                                          (e) => e.ev === 'seen' && e.kind === 'presence' && e.status === 'offline', fromB, 90000);
                frozen.push((b.t - t) / 1000);
                victim.child.kill('SIGKILL');
                await victim.exited;
            }
            result.frozen = summarise(frozen);
        }
        await B.stop();
        result.ok = true;
    } catch (e) {
        if (!(e instanceof RunError))
            throw e;
        result.error = `${step}: ${e.message}`;
        console.error(`bench/run: latency: ${result.error}`);
        for (const p of processes.filter((x) => x.name !== 'server'))
            console.error(`  ${p.name}'s last lines:\n${p.events.slice(-8).map((x) => `    ${JSON.stringify(x)}`).join('\n')}`);
    } finally {
        await cleanUp(processes, server, dir);
    }
    return result;
}

// Kills what is still running, stops the server and removes the round's temp dir.
export async function cleanUp(processes, server, dir) {
    for (const p of processes) {
        if (p.running()) {
            p.child.kill('SIGKILL');
            await p.exited;
        }
    }
    if (server)
        await server.stop();
    fs.rmSync(dir, { recursive: true, force: true });
}
