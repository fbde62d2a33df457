#!/usr/bin/env node
// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The third sender of the latency test (bench/latency.mjs): one user posting into a
// direct conversation with the receiver at a fixed rate, through the reference
// server, with socket.io-client 4.8 (the receiver's other conversation is the
// one measured, so the flood shares the receiver's socket, store and models).
//
//   flood-sender.mjs URL TOKEN PEER RATE SIZE
//
// Makes (or finds) the direct conversation with PEER over REST and prints
// {"ev":"ready","conversationId"}. Then reads commands on stdin:
//   start  post RATE messages a second (paced on the clock, so a late tick
//          catches up instead of lowering the rate), each with an ack; at most
//          MAX_IN_FLIGHT unacked: a server that cannot keep up gets what it
//          takes (ackedPerS says how much) instead of an ever longer queue;
//   stop   stop posting, wait for every ack and print {"ev":"stopped", sent,
//          acked, failed, lastSeq, seconds, ackedPerS, maxInFlight}.
// Exits on stdin's end.
import { performance } from 'node:perf_hooks';
import readline from 'node:readline';
import { io } from 'socket.io-client';

const [url, token, peer, rateArg, sizeArg] = process.argv.slice(2);
const rate = Number(rateArg);
const size = Number(sizeArg);
if (!url || !token || !peer || !(rate > 0) || !(size > 0)) {
    console.error('usage: flood-sender.mjs URL TOKEN PEER RATE SIZE');
    process.exit(2);
}

const MAX_IN_FLIGHT = 100; // 50 ms of the flood: reached only when the server falls behind

const say = (o) => process.stdout.write(JSON.stringify(o) + '\n');
const fail = (message) => {
    console.error(`flood-sender: ${message}`);
    process.exit(1);
};

async function directConversation() {
    const res = await fetch(`${url}/api/conversations`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ type: 'direct', participantIds: [peer] }),
    });
    if (res.status !== 201)
        fail(`POST /api/conversations: ${res.status} ${await res.text()}`);
    return (await res.json()).data.id; // {success, data: Conversation}
}

const conversationId = await directConversation();
const socket = io(url, { transports: ['websocket'], auth: { token }, reconnection: false });
socket.on('connect_error', (err) => fail(`connect: ${err.message}`));
socket.on('disconnect', (reason) => {
    if (!stopping)
        fail(`disconnected: ${reason}`);
});
await new Promise((resolve) => socket.once('connect', resolve));

const padding = 'f'.repeat(size);
let stopping = false;
let running = false;
let sent = 0;
let acked = 0;
let failed = 0;
let lastSeq = 0;
let maxInFlight = 0;
let t0 = 0;
let runSent = 0; // slots since the last start, for the pacing
let startSent = 0; // sent before the last start
let runId = 0;
let lastError = null;

function post() {
    const n = sent++;
    socket.emit('send_message',
                { conversationId, clientId: `flood-${process.pid}-${n}`, content: `${n} ${padding}`.slice(0, size) },
                (ack) => {
                    ++acked;
                    if (ack?.ok)
                        lastSeq = Math.max(lastSeq, ack.message.seq);
                    else {
                        ++failed;
                        lastError = ack?.error;
                    }
                    if (stopping && acked === sent)
                        finishStop();
                });
    maxInFlight = Math.max(maxInFlight, sent - acked);
}

// Every millisecond or so: post what the clock says is due since start.
function tick(id) {
    if (!running || id !== runId)
        return;
    const due = Math.floor(((performance.now() - t0) / 1000) * rate) - runSent;
    const room = MAX_IN_FLIGHT - (sent - acked);
    for (let i = 0; i < Math.min(due, room); ++i)
        post();
    runSent += Math.max(0, due); // slots the cap skipped are not made up later
    setTimeout(tick, 1, id);
}

let stopReply = null;
function finishStop() {
    if (!stopReply)
        return;
    const reply = stopReply;
    stopReply = null;
    stopping = false;
    reply();
}

const lines = readline.createInterface({ input: process.stdin });
lines.on('line', (line) => {
    const command = line.trim();
    if (command === 'start' && !running) {
        running = true;
        runSent = 0;
        startSent = sent;
        t0 = performance.now();
        tick(++runId);
    } else if (command === 'stop') {
        const seconds = (performance.now() - t0) / 1000;
        running = false;
        stopReply = () => say({
            ev: 'stopped', sent, acked, failed, lastSeq, seconds, maxInFlight, lastError,
            ackedPerS: (sent - startSent) / ((performance.now() - t0) / 1000), sentPerS: (sent - startSent) / seconds,
        });
        stopping = true;
        if (acked === sent)
            finishStop();
    }
});
lines.on('close', () => {
    stopping = true;
    socket.close();
    process.exit(0);
});
say({ ev: 'ready', conversationId });
