#!/usr/bin/env node
// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The ceiling: a bare WebSocket (Node `ws`) client that speaks just enough
// Engine.IO/Socket.IO to connect and start the flood, then only counts frames.
// It parses nothing, so it cannot check order: it checks the count only.
// Usage: client-frames.mjs PORT ingest COUNT SIZE
import { performance } from 'node:perf_hooks';
import WebSocket from 'ws';

const [port, mode, countArg, sizeArg] = process.argv.slice(2);
const count = Number(countArg);
const size = Number(sizeArg);
if (mode !== 'ingest') {
    console.error('the frame counter only runs the ingest test');
    process.exit(2);
}

const ws = new WebSocket(`ws://127.0.0.1:${port}/socket.io/?EIO=4&transport=websocket`,
                         { perMessageDeflate: false });
let frames = 0;
let cpu0 = null;
let t0 = 0;
const FLOOD_DONE = Buffer.from('42["flood_done"');

ws.on('message', (data) => {
    if (cpu0 !== null) {
        // One byte tells the frames apart: 42["m(essage_received) vs 42["f(lood_done).
        if (data.length > 4 && data[4] === 0x6d) {
            ++frames;
            return;
        }
        if (data.length === 1 && data[0] === 0x32) {   // Engine.IO ping
            ws.send('3');
            return;
        }
        if (data.compare(FLOOD_DONE, 0, FLOOD_DONE.length, 0, FLOOD_DONE.length) !== 0)
            return;
        const wallUs = (performance.now() - t0) * 1000;
        const u = process.cpuUsage(cpu0);
        const cpu = u.user + u.system;
        const done = JSON.parse(data.toString().slice(2))[1];
        process.stdout.write(JSON.stringify({
            client: 'frames', mode, ok: frames === count, received: frames, orderOk: null,
            msgPerS: frames / (wallUs / 1e6), cpuUsPerMsg: cpu / Math.max(1, frames),
            wallUs, cpuUs: cpu, serverBusy: done.serverBusy,
        }) + '\n');
        ws.close();
        process.exit(frames === count ? 0 : 1);
    }
    const text = data.toString();
    if (text[0] === '0') {                      // Engine.IO open
        ws.send('40{"token":"bench"}');
    } else if (text === '2') {                  // ping
        ws.send('3');
    } else if (text.startsWith('40')) {         // Socket.IO CONNECT ok
        cpu0 = process.cpuUsage();
        t0 = performance.now();
        ws.send(`42["flood",{"count":${count},"size":${size}}]`);
    } else if (text.startsWith('44')) {
        console.error('connect error', text);
        process.exit(2);
    }
});
ws.on('error', (e) => { console.error(e.message); process.exit(2); });
