#!/usr/bin/env node
// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// Flood/echo server for the client benchmarks, on the real socket.io 4.8.
// Loopback only; one process per client run (bench/run starts a fresh one).
// Prints {"port":N} on stdout once listening.
//
//   auth {token}          accepted when non-empty
//   flood {count, size}   `count` message_received events shaped like a contract
//                         v2 Message (content of `size` chars), in batches of 1000;
//                         then flood_done {count, serverBusy, serverCpuUs, wallUs}
//   updates {count, size} `count` message_updated events, one per message the
//                         floods sent (oldest first: an edit with two reactions),
//                         the same way; then updates_done {count, ...}
//   echo <payload>        acks the payload back
//
// Each batch goes out as one corked write (one writev), and the next batch waits
// until the previous one has been handed to the kernel and the socket is not
// asking for drain, so the server is neither the bottleneck nor an unbounded buffer.
import { createHash } from 'node:crypto';
import { createServer } from 'node:http';
import { performance } from 'node:perf_hooks';
import { Server } from 'socket.io';

const BATCH = 1000;

// Just enough REST for the chat engine's sync (pipeline bench): one conversation,
// "bench", whose history starts empty.
const CREATED = '2026-01-01T00:00:00.000Z';
const benchConversation = {
    id: 'bench', type: 'direct', title: 'Bench',
    participants: [
        { userId: 'u-me', name: 'Me', role: 'member', joinedAt: CREATED, lastReadSeq: 0, isOnline: true },
        { userId: 'u-bench', name: 'Bench Sender', role: 'member', joinedAt: CREATED, lastReadSeq: 0, isOnline: true },
    ],
    lastSeq: 0, unreadCount: 0, createdAt: CREATED, updatedAt: CREATED,
};

// Highest seq of the bench conversation the server has "stored" (set by a flood
// and by a gap), for the REST pages of the engine's gap fill.
let lastSeq = 0;
let refusing = false;   // a gap is on: new connections are refused
let pageContent = 'x'.repeat(200);
// Contract v2 change counter: a new message takes rev = its seq until the first
// edit; each edit takes the next rev (editedRev: seq -> the rev of its edit).
let lastRev = 0;
const editedRev = new Map();
const editedContent = (size) => 'y'.repeat(size);

function messagesPage(url) {
    const limit = Math.min(200, Math.max(1, Number(url.searchParams.get('limit')) || 50));
    const cursor = Number(url.searchParams.get('cursor')) || 0;
    let from;
    let to;
    if (url.searchParams.get('direction') === 'after') {
        from = cursor + 1;
        to = Math.min(lastSeq, cursor + limit);
    } else {
        to = cursor > 0 ? Math.min(lastSeq, cursor - 1) : lastSeq;
        from = Math.max(1, to - limit + 1);
    }
    const data = [];
    for (let seq = from; seq <= to; ++seq)
        data.push(currentMessage(seq));
    const hasMore = url.searchParams.get('direction') === 'after' ? to < lastSeq : from > 1;
    return { success: true, data, pagination: { hasMore, cursor: data.length ? String(data[data.length - 1].seq) : null } };
}

// GET .../changes?since=R: the messages whose current rev is above R, by rev.
function changesPage(url) {
    const limit = Math.min(200, Math.max(1, Number(url.searchParams.get('limit')) || 50));
    const since = Number(url.searchParams.get('since')) || 0;
    const changed = [];
    for (let seq = 1; seq <= lastSeq; ++seq) {
        if (revOf(seq) > since)
            changed.push(seq);
    }
    changed.sort((a, b) => revOf(a) - revOf(b));
    const data = changed.slice(0, limit).map(currentMessage);
    const hasMore = changed.length > limit;
    return { success: true, data, pagination: { hasMore, cursor: data.length ? String(data[data.length - 1].rev) : null } };
}

function rest(req, res) {
    if (req.url.startsWith('/socket.io/'))
        return;   // socket.io's own listener answers
    const url = new URL(req.url, 'http://127.0.0.1');
    let body = null;
    if (url.pathname === '/api/me')
        body = { success: true, data: { id: 'u-me', name: 'Me' } };
    else if (url.pathname === '/api/conversations')
        body = { success: true, data: [{ ...benchConversation, lastSeq, rev: lastRev }], pagination: { hasMore: false } };
    else if (/^\/api\/conversations\/[^/]+\/messages$/.test(url.pathname))
        body = messagesPage(url);
    else if (/^\/api\/conversations\/[^/]+\/changes$/.test(url.pathname))
        body = changesPage(url);
    res.writeHead(body ? 200 : 404, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body || { error: { code: 'NOT_FOUND', message: 'not found' } }));
}

const http = createServer(rest);
const io = new Server(http, {
    transports: ['websocket'],
    perMessageDeflate: false,
    serveClient: false,
    maxHttpBufferSize: 1e6,
    // While a gap is on, the server is "down": handshakes are refused below
    // Socket.IO, so clients see a transport failure and retry with backoff.
    allowRequest: (req, callback) => callback(refusing ? 'down' : null, !refusing),
});

io.use((socket, next) => {
    const token = socket.handshake.auth && socket.handshake.auth.token;
    if (typeof token === 'string' && token.length > 0)
        next();
    else
        next(Object.assign(new Error('invalid token'), { data: { code: 'INVALID_TOKEN' } }));
});

// A v4-shaped UUID that looks random, as real clients' clientIds are (sequential
// ones would spare a client's indexes the random inserts they pay in real use),
// and is the same for a seq every time (a flood's message and its update).
function clientIdOf(seq) {
    const h = createHash('md5').update(String(seq)).digest('hex');
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

function makeMessage(seq, content, rev = seq) {
    return {
        id: `m${seq}`,
        conversationId: 'bench',
        seq,
        clientId: clientIdOf(seq),
        senderId: 'u-bench',
        senderName: 'Bench Sender',
        content,
        type: 'text',
        timestamp: '2026-01-01T00:00:00.000Z',
        rev,
        format: 'plain',
        reactions: [],
        attachments: [],
        mentions: [],
    };
}

const REACTIONS = [
    { emoji: '\u{1F44D}', count: 2, userIds: ['u-me', 'u-bench'] },
    { emoji: '\u{1F389}', count: 1, userIds: ['u-bench'] },
];

// The message after an edit (taking rev): new content, editedAt, two reactions.
function editedMessage(seq, content, rev) {
    return { ...makeMessage(seq, content, rev), editedAt: '2026-01-01T00:01:00.000Z', reactions: REACTIONS };
}

function revOf(seq) {
    return editedRev.get(seq) ?? seq;
}

function currentMessage(seq) {
    const rev = editedRev.get(seq);
    return rev === undefined ? makeMessage(seq, pageContent) : editedMessage(seq, editedContent(pageContent.length), rev);
}

// Records an edit of each of the seqs (in order), each taking the next rev.
function edit(seqs) {
    for (const seq of seqs)
        editedRev.set(seq, ++lastRev);
}

// Resolves when the engine.io transport can take the next batch and the TCP
// socket is not over its high-water mark.
function writable(conn) {
    return new Promise((resolve) => {
        const raw = conn.transport.socket && conn.transport.socket._socket;
        const rawReady = () => {
            if (raw && raw.writableNeedDrain)
                raw.once('drain', resolve);
            else
                resolve();
        };
        if (conn.transport.writable)
            rawReady();
        else
            conn.transport.once('drain', rawReady);
    });
}

// Emits one batch through socket.io but flushes it in a single corked write:
// while the transport is marked busy, emits only queue in engine.io's write
// buffer; then one flush writes every frame into the corked TCP socket.
function emitBatch(socket, from, to, event, messageOf) {
    const conn = socket.conn;
    const transport = conn.transport;
    const raw = transport.socket._socket;
    transport.writable = false;
    for (let seq = from; seq <= to; ++seq)
        socket.emit(event, messageOf(seq));
    raw.cork();
    transport.writable = true;
    conn.flush();
    raw.uncork();
}

// flood: `count` new messages (seq 1..count); updates: an edit of each of them.
async function flood(socket, count, size, kind) {
    const updates = kind === 'updates';
    const content = updates ? editedContent(size) : 'x'.repeat(size);
    const firstRev = lastRev;
    const event = updates ? 'message_updated' : 'message_received';
    const messageOf = updates ? (seq) => editedMessage(seq, content, firstRev + seq) : (seq) => makeMessage(seq, content);
    const elu0 = performance.eventLoopUtilization();
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    for (let from = 1; from <= count; from += BATCH) {
        if (!socket.connected)
            return;
        await writable(socket.conn);
        emitBatch(socket, from, Math.min(count, from + BATCH - 1), event, messageOf);
    }
    await writable(socket.conn);
    if (updates) {
        for (let seq = 1; seq <= count; ++seq)
            editedRev.set(seq, firstRev + seq);
        lastRev = firstRev + count;
    } else {
        lastSeq = Math.max(lastSeq, count);
        lastRev = Math.max(lastRev, lastSeq);
        pageContent = content;
    }
    const cpu = process.cpuUsage(cpu0);
    const elu = performance.eventLoopUtilization(elu0);
    socket.emit(updates ? 'updates_done' : 'flood_done', {
        count,
        serverBusy: elu.utilization,
        serverCpuUs: cpu.user + cpu.system,
        wallUs: Math.round((performance.now() - t0) * 1000),
    });
}

io.on('connection', (socket) => {
    for (const kind of ['flood', 'updates']) {
        socket.on(kind, (arg) => {
            const count = Math.max(0, Math.floor(Number(arg && arg.count) || 0));
            const size = Math.max(1, Math.floor(Number(arg && arg.size) || 200));
            flood(socket, count, size, kind).catch((e) => console.error(`${kind} failed:`, e));
        });
    }
    // Reconnect bench: while every client is cut off and connections are refused
    // for `downMs`, `count` messages arrive (kind "messages") or the newest `count`
    // messages are edited (kind "changes"); then the server accepts again.
    socket.on('gap', (arg) => {
        const count = Math.max(0, Math.floor(Number(arg && arg.count) || 0));
        const downMs = Math.max(0, Math.floor(Number(arg && arg.downMs) || 0));
        refusing = true;
        if (arg && arg.kind === 'changes') {
            const first = Math.max(1, lastSeq - count + 1);
            edit(Array.from({ length: lastSeq - first + 1 }, (_, i) => first + i));
        } else {
            lastSeq += count;
            lastRev += count;
        }
        for (const s of io.sockets.sockets.values())
            s.conn.close();
        setTimeout(() => { refusing = false; }, downMs);
    });
    socket.on('join_conversation', (arg, ack) => {
        if (typeof ack === 'function')
            ack({ ok: true, conversation: benchConversation });
    });
    socket.on('echo', (payload, ack) => {
        if (typeof ack === 'function')
            ack(payload);
    });
});

http.listen(0, '127.0.0.1', () => {
    process.stdout.write(JSON.stringify({ port: http.address().port }) + '\n');
});

process.on('SIGTERM', () => process.exit(0));
// Never outlive the runner that started us.
const parent = process.ppid;
setInterval(() => { if (process.ppid !== parent) process.exit(0); }, 1000).unref();
