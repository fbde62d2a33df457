#!/usr/bin/env node
// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The reference server's CPU per flooded message, independent of the machine's load:
// the server's own CPU time (every thread's, from /proc/<pid>/task/*/schedstat, in ns)
// across a fixed flood, divided by its messages. The flood is the latency test's
// (bench/flood-sender.mjs): one sender into a direct conversation with a connected
// receiver, at most 100 unacked; RATE 0 sends as fast as the acks allow (the server
// saturated, as when A's message waits behind the flood), else paced at RATE msg/s.
//
//   server-cpu.mjs [--server-dir DIR] [--messages N] [--warmup N] [--rate R] [--size B]
//                  [--rounds K] [--node-arg ARG]... [--callgrind DIR]
//
// Prints one JSON line per round (usPerMsg: CPU µs per message; writesPerMsg: the
// server's write system calls per message, from /proc/<pid>/io syscw, which no load
// changes) and a summary line {"ev":"summary", usPerMsg: [...], median}.
// --node-arg --cpu-prof (with --cpu-prof-dir) profiles the server process.
// --callgrind DIR runs the server under valgrind's callgrind and adds irPerMsg: the
// instructions the server ran per message, counted from zero at each round's start
// (callgrind_control -z, then -d), which no load on the machine changes. The server is
// ~50x slower there, so it is always saturated (100 unacked, the largest batches).
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { io } from 'socket.io-client';
import { callgrindControl, writeCalls } from './process-counters.mjs';

const benchDir = path.dirname(fileURLToPath(import.meta.url));
const options = {
    serverDir: path.join(path.dirname(benchDir), 'server'), messages: 10000, warmup: 2000, rate: 0, size: 200, rounds: 3, nodeArgs: [], callgrind: null,
};
const argv = process.argv.slice(2);
for (let i = 0; i < argv.length; i += 1) {
    const value = argv[i + 1];
    switch (argv[i]) {
    case '--server-dir': options.serverDir = path.resolve(value); break;
    case '--messages': options.messages = Number(value); break;
    case '--warmup': options.warmup = Number(value); break;
    case '--rate': options.rate = Number(value); break;
    case '--size': options.size = Number(value); break;
    case '--rounds': options.rounds = Number(value); break;
    case '--node-arg': options.nodeArgs.push(value); break;
    case '--callgrind': options.callgrind = path.resolve(value); break;
    default:
        console.error(`server-cpu: unknown argument ${argv[i]}`);
        process.exit(2);
    }
    i += 1;
}

const MAX_IN_FLIGHT = 100; // as bench/flood-sender.mjs
const say = (o) => process.stdout.write(JSON.stringify(o) + '\n');

// The CPU time of every thread of `pid` so far, in ns.
function cpuNs(pid) {
    const dir = `/proc/${pid}/task`;
    let total = 0;
    for (const tid of fs.readdirSync(dir)) {
        try {
            total += Number(fs.readFileSync(`${dir}/${tid}/schedstat`, 'utf8').split(' ')[0]);
        } catch {
            // the thread ended between the listing and the read
        }
    }
    return total;
}

async function startServer(dir) {
    const env = {
        ...process.env, DATABASE: path.join(dir, 'server.sqlite'), SEED_DEMO: '1', PORT: '0', CONNECT_RATE_LIMIT: '100000',
        MESSAGE_RATE_BURST: '1000000', MESSAGE_RATE_PER_SEC: '1000000', EVENT_RATE_BURST: '2000000', EVENT_RATE_PER_SEC: '2000000',
    };
    const command = [process.execPath, ...options.nodeArgs, 'src/index.js'];
    if (options.callgrind) {
        fs.mkdirSync(options.callgrind, { recursive: true });
        command.unshift('valgrind', '--tool=callgrind', '--smc-check=all', `--callgrind-out-file=${options.callgrind}/callgrind.out.%p`);
    }
    const child = spawn(command[0], command.slice(1), { cwd: options.serverDir, env, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stderr.on('data', (d) => { if (!options.callgrind) process.stderr.write(d); });
    const url = await new Promise((resolve, reject) => {
        let out = '';
        child.stdout.on('data', (d) => {
            out += d;
            const match = /^LISTENING (\S+)$/m.exec(out);
            if (match) resolve(match[1]);
        });
        child.once('exit', (code) => reject(new Error(`server exited ${code} before LISTENING:\n${out}`)));
    });
    const token = (user) => new Promise((resolve, reject) => {
        const p = spawn(process.execPath, ['src/token-cli.js', user], { cwd: options.serverDir, env: { ...env, ISSUER: url }, stdio: ['ignore', 'pipe', 'inherit'] });
        let out = '';
        p.stdout.on('data', (d) => { out += d; });
        p.on('exit', (code) => (code === 0 ? resolve(out.trim()) : reject(new Error(`token-cli ${user} exited ${code}`))));
    });
    return { child, url, token };
}

function connect(url, token) {
    const socket = io(url, { transports: ['websocket'], auth: { token }, reconnection: false });
    return new Promise((resolve, reject) => {
        socket.once('connect', () => resolve(socket));
        socket.once('connect_error', reject);
    });
}

// Sends `count` messages, at most MAX_IN_FLIGHT unacked, paced at options.rate when set;
// resolves once every one is acked and the receiver has them all.
function flood(sender, receiver, conversationId, count, tag) {
    const padding = 'f'.repeat(options.size);
    return new Promise((resolve, reject) => {
        let sent = 0;
        let acked = 0;
        let received = 0;
        const t0 = performance.now();
        const done = () => {
            if (acked === count && received >= count) {
                receiver.off('message_received', onReceived);
                resolve();
            }
        };
        const onReceived = (m) => {
            if (m.conversationId === conversationId) {
                received += 1;
                done();
            }
        };
        receiver.on('message_received', onReceived);
        const pump = () => {
            const due = options.rate > 0 ? Math.floor(((performance.now() - t0) / 1000) * options.rate) : count;
            while (sent < Math.min(count, due) && sent - acked < MAX_IN_FLIGHT) {
                const n = sent++;
                sender.emit('send_message', { conversationId, clientId: `${tag}-${n}`, content: `${n} ${padding}`.slice(0, options.size) }, (reply) => {
                    if (!reply?.ok) reject(new Error(`send ${n}: ${JSON.stringify(reply)}`));
                    acked += 1;
                    if (options.rate === 0) pump();
                    done();
                });
            }
            if (options.rate > 0 && sent < count) setTimeout(pump, 1);
        };
        pump();
    });
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ringchat-server-cpu-'));
const server = await startServer(dir);
const results = [];
try {
    const [bobToken, carolToken] = await Promise.all([server.token('bob'), server.token('carol')]);
    const res = await fetch(`${server.url}/api/conversations`, {
        method: 'POST',
        headers: { authorization: `Bearer ${carolToken}`, 'content-type': 'application/json' },
        body: JSON.stringify({ type: 'direct', participantIds: ['bob'] }),
    });
    const conversationId = (await res.json()).data.id;
    const receiver = await connect(server.url, bobToken);
    const sender = await connect(server.url, carolToken);
    await flood(sender, receiver, conversationId, options.warmup, 'warmup');
    for (let round = 0; round < options.rounds; round += 1) {
        const before = cpuNs(server.child.pid);
        const writesBefore = writeCalls(server.child.pid);
        if (options.callgrind)
            callgrindControl(options.callgrind, server.child.pid, '-z');
        const t0 = performance.now();
        await flood(sender, receiver, conversationId, options.messages, `round${round}`);
        const seconds = (performance.now() - t0) / 1000;
        const usPerMsg = (cpuNs(server.child.pid) - before) / 1000 / options.messages;
        const writesPerMsg = (writeCalls(server.child.pid) - writesBefore) / options.messages;
        const irPerMsg = options.callgrind ? Math.round(callgrindControl(options.callgrind, server.child.pid, '-d') / options.messages) : undefined;
        results.push(usPerMsg);
        say({
            ev: 'round', round, messages: options.messages, usPerMsg: Number(usPerMsg.toFixed(1)),
            writesPerMsg: Number(writesPerMsg.toFixed(2)), msgPerS: Math.round(options.messages / seconds), irPerMsg,
        });
    }
    sender.close();
    receiver.close();
} finally {
    server.child.kill('SIGTERM');
    await new Promise((resolve) => server.child.once('exit', resolve));
    fs.rmSync(dir, { recursive: true, force: true });
}
const sorted = [...results].sort((a, b) => a - b);
say({ ev: 'summary', rate: options.rate, size: options.size, usPerMsg: results.map((v) => Number(v.toFixed(1))), median: Number(sorted[Math.floor(sorted.length / 2)].toFixed(1)) });
