#!/usr/bin/env node
// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The official socket.io-client 4.8 on Node, given the same two tests as ours.
// Usage: client-official.mjs PORT ingest COUNT SIZE | PORT echo COUNT SIZE
// Prints one JSON line with the result.
import { performance } from 'node:perf_hooks';
import { io } from 'socket.io-client';

const [port, mode, countArg, sizeArg] = process.argv.slice(2);
const count = Number(countArg);
const size = Number(sizeArg);

const socket = io(`http://127.0.0.1:${port}`, {
    transports: ['websocket'],
    auth: { token: 'bench' },
    reconnection: false,
});

function finish(result) {
    process.stdout.write(JSON.stringify({ client: 'official', mode, ...result }) + '\n');
    socket.off('disconnect');
    socket.close();
    process.exit(result.ok ? 0 : 1);
}

function cpuUs(usage) { return usage.user + usage.system; }

function ingest() {
    // Like ours: every event is decoded (socket.io-client parses the JSON) and
    // handed to a handler that checks it.
    let received = 0;
    let expectedSeq = 1;
    let orderOk = true;
    let last = null;
    const handler = (message) => {
        if (message.seq !== expectedSeq || message.content.length !== size)
            orderOk = false;
        ++expectedSeq;
        ++received;
        last = message;
    };
    socket.on('message_received', handler);
    socket.on('flood_done', (done) => {
        const wallUs = (performance.now() - t0) * 1000;
        const cpu = cpuUs(process.cpuUsage(cpu0));
        finish({
            ok: orderOk && received === count && done.count === count && last !== null,
            received, orderOk,
            msgPerS: received / (wallUs / 1e6),
            cpuUsPerMsg: cpu / Math.max(1, received),
            wallUs, cpuUs: cpu,
            serverBusy: done.serverBusy,
        });
    });
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    socket.emit('flood', { count, size });
}

function echo() {
    const payload = { content: 'y'.repeat(size), n: 0 };
    const latencies = new Float64Array(count);
    let i = 0;
    let mismatches = 0;
    let sentAt = 0;
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    const send = () => {
        payload.n = i;
        sentAt = performance.now();
        socket.emit('echo', payload, onAck);
    };
    const onAck = (reply) => {
        latencies[i] = (performance.now() - sentAt) * 1000;
        if (!reply || reply.n !== i || reply.content.length !== size)
            ++mismatches;
        if (++i < count)
            return send();
        const wallUs = (performance.now() - t0) * 1000;
        const cpu = cpuUs(process.cpuUsage(cpu0));
        const sorted = Array.from(latencies).sort((a, b) => a - b);
        const pct = (p) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
        finish({
            ok: mismatches === 0,
            calls: count, mismatches,
            p50Us: pct(0.5), p99Us: pct(0.99), maxUs: sorted[sorted.length - 1],
            callsPerS: count / (wallUs / 1e6),
            cpuUsPerCall: cpu / count,
            wallUs, cpuUs: cpu,
        });
    };
    send();
}

socket.on('connect', () => (mode === 'echo' ? echo() : ingest()));
socket.on('connect_error', (e) => { console.error('connect_error', e.message); process.exit(2); });
socket.on('disconnect', (reason) => { console.error('disconnected', reason); process.exit(3); });
