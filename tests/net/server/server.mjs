// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// Socket.IO 4.8 test server for the C++ client's integration tests
// (tests/net/integration). Real socket.io, no mocks: the tests drive it through
// events and a small HTTP control API.
//
// Options (flag, or environment variable in brackets):
//   --port N            [SIO_PORT]            0 = a free port (default)
//   --host H            [SIO_HOST]            default 127.0.0.1
//   --transports a,b    [SIO_TRANSPORTS]      default polling,websocket
//   --ping-interval ms  [SIO_PING_INTERVAL]   default 25000
//   --ping-timeout ms   [SIO_PING_TIMEOUT]    default 20000
//   --max-payload bytes [SIO_MAX_PAYLOAD]     maxHttpBufferSize, default 8000000
//   --recovery on|off   [SIO_RECOVERY]        connection state recovery, default off
//   --lifetime s        [SIO_LIFETIME]        exit after s seconds (safety net), default 0 = never
//   --watch-stdin       [SIO_WATCH_STDIN=1]   exit when stdin closes (the parent test died)
//   --exit-with-pid P   [SIO_EXIT_WITH_PID]   exit when process P is gone (the ctest run)
//   --tls-cert FILE     [SIO_TLS_CERT]        with --tls-key: serve https/wss (PEM files)
//   --tls-key FILE      [SIO_TLS_KEY]
//
// Prints "LISTENING <port>" on stdout once it accepts connections.
//
// Authentication: the CONNECT must carry auth {token: "good"} (or "good-<anything>",
// so a test can use a recognisable secret); anything else is refused with Error("invalid token") and data {code: "INVALID_TOKEN"}.
//
// Events (client -> server):
//   echo(...args, ack)             ack(...args); binary comes back as binary
//   inspect(...args, ack)          ack(describe(args)): what the server really received
//   emit_back({event, args})       socket.emit(event, ...decode(args))
//   burst({event, count})          emits count events {i} back to back
//   emit_large({event, size})      emits event with a string and a binary of size bytes
//   ask({event, args, timeoutMs}, ack)
//                                  emits event with an ack to the client, then
//                                  ack({ok, error, reply: describe(reply)})
//   hold(...)                      never acks (ack timeout / "disconnected" tests)
//   join({room}, ack)              joins a room, ack({ok: true})
//   whoami(ack)                    ack({id, transport, recovered, rooms})
//   server_disconnect({close})     socket.disconnect(close): "io server disconnect"
//   drop({mode, then: [{room, event, args}]})
//                                  cuts the engine connection ("close": Engine.IO
//                                  close, "terminate": TCP reset) so the session
//                                  stays recoverable, then emits `then` to rooms
//                                  while the client is away
//
// In describe()/decode(), a binary value is written {"$binary": "<base64>"}.
//
// HTTP control API (GET, JSON answers):
//   /control/sockets                       [{id, transport, rooms}]
//   /control/emit?room=R&event=E&args=J    io.to(R).emit(E, ...decode(J))
//   /control/drop?id=S&mode=close|terminate
//   /control/disconnect-log                [{id, reason}] in order

import fs from "node:fs";
import { createServer } from "node:http";
import { createServer as createTlsServer } from "node:https";
import { Server } from "socket.io";

function option(flag, env, fallback) {
    const i = process.argv.indexOf(flag);
    if (i >= 0) {
        const next = process.argv[i + 1];
        return next === undefined || next.startsWith("--") ? "1" : next;
    }
    return process.env[env] ?? fallback;
}

const port = Number(option("--port", "SIO_PORT", "0"));
const host = option("--host", "SIO_HOST", "127.0.0.1");
const transports = option("--transports", "SIO_TRANSPORTS", "polling,websocket").split(",");
const pingInterval = Number(option("--ping-interval", "SIO_PING_INTERVAL", "25000"));
const pingTimeout = Number(option("--ping-timeout", "SIO_PING_TIMEOUT", "20000"));
const maxPayload = Number(option("--max-payload", "SIO_MAX_PAYLOAD", "8000000"));
const recovery = ["on", "1", "true"].includes(option("--recovery", "SIO_RECOVERY", "off"));
const lifetime = Number(option("--lifetime", "SIO_LIFETIME", "0"));
const exitWithPid = Number(option("--exit-with-pid", "SIO_EXIT_WITH_PID", "0"));
const tlsCert = option("--tls-cert", "SIO_TLS_CERT", "");
const tlsKey = option("--tls-key", "SIO_TLS_KEY", "");
const watchStdin = ["on", "1", "true"].includes(option("--watch-stdin", "SIO_WATCH_STDIN", "off"));

const isBinary = (v) => Buffer.isBuffer(v) || v instanceof ArrayBuffer || ArrayBuffer.isView(v);

// Binary -> {"$binary": base64}, so a test can see what arrived as real binary.
function describe(value) {
    if (isBinary(value)) return { $binary: Buffer.from(value).toString("base64") };
    if (Array.isArray(value)) return value.map(describe);
    if (value && typeof value === "object")
        return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, describe(v)]));
    return value;
}

// The reverse of describe(): {"$binary": base64} -> Buffer.
function decode(value) {
    if (Array.isArray(value)) return value.map(decode);
    if (value && typeof value === "object") {
        if (typeof value.$binary === "string" && Object.keys(value).length === 1)
            return Buffer.from(value.$binary, "base64");
        return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, decode(v)]));
    }
    return value;
}

const disconnectLog = [];

// Cuts the engine connection without a Socket.IO DISCONNECT packet: the server
// sees "forced close"/"transport close", which connection state recovery keeps.
function drop(socket, mode) {
    const conn = socket.conn;
    if (mode === "terminate" && conn.transport.name === "websocket" && conn.transport.socket) {
        conn.transport.socket.terminate();
    } else {
        conn.close();
    }
}

const controlApi = (req, res) => {
    const url = new URL(req.url, "http://localhost");
    const reply = (status, body) => {
        res.writeHead(status, { "content-type": "application/json" });
        res.end(JSON.stringify(body));
    };
    try {
        if (url.pathname === "/control/sockets") {
            return reply(200, [...io.of("/").sockets.values()].map((s) => ({
                id: s.id, transport: s.conn.transport.name, rooms: [...s.rooms],
            })));
        }
        if (url.pathname === "/control/emit") {
            const args = decode(JSON.parse(url.searchParams.get("args") ?? "[]"));
            io.to(url.searchParams.get("room")).emit(url.searchParams.get("event"), ...args);
            return reply(200, { ok: true });
        }
        if (url.pathname === "/control/drop") {
            const socket = io.of("/").sockets.get(url.searchParams.get("id"));
            if (!socket) return reply(404, { ok: false, error: "no such socket" });
            drop(socket, url.searchParams.get("mode") ?? "close");
            return reply(200, { ok: true });
        }
        if (url.pathname === "/control/disconnect-log") return reply(200, disconnectLog);
        reply(404, { ok: false, error: "unknown path" });
    } catch (err) {
        reply(400, { ok: false, error: String(err) });
    }
};
const httpServer = tlsCert
    ? createTlsServer({ cert: fs.readFileSync(tlsCert), key: fs.readFileSync(tlsKey) }, controlApi)
    : createServer(controlApi);

const io = new Server(httpServer, {
    transports,
    pingInterval,
    pingTimeout,
    maxHttpBufferSize: maxPayload,
    connectionStateRecovery: recovery
        ? { maxDisconnectionDuration: 120000, skipMiddlewares: true }
        : undefined,
});

io.use((socket, next) => {
    const token = socket.handshake.auth?.token;
    if (token === "good" || (typeof token === "string" && token.startsWith("good-"))) return next();
    const err = new Error("invalid token");
    err.data = { code: "INVALID_TOKEN" };
    next(err);
});

io.on("connection", (socket) => {
    const ackOf = (args) => (typeof args.at(-1) === "function" ? args.pop() : () => {});

    socket.on("echo", (...args) => ackOf(args)(...args));
    socket.on("inspect", (...args) => {
        const ack = ackOf(args);
        ack(describe(args));
    });
    socket.on("emit_back", ({ event, args = [] }) => socket.emit(event, ...decode(args)));
    socket.on("burst", ({ event = "burst", count = 10 }) => {
        for (let i = 0; i < count; i++) socket.emit(event, { i });
    });
    socket.on("emit_large", ({ event = "large", size = 1000 }) =>
        socket.emit(event, "x".repeat(size), Buffer.alloc(size, 0xab)));
    socket.on("ask", ({ event, args = [], timeoutMs = 5000 }, ack) => {
        socket.timeout(timeoutMs).emit(event, ...decode(args), (err, ...reply) => {
            ack?.({ ok: !err, error: err ? String(err.message ?? err) : null, reply: describe(reply) });
        });
    });
    socket.on("hold", () => {});
    socket.on("join", ({ room }, ack) => {
        socket.join(room);
        ack?.({ ok: true });
    });
    socket.on("whoami", (ack) => ack?.({
        id: socket.id, transport: socket.conn.transport.name,
        recovered: socket.recovered, rooms: [...socket.rooms],
    }));
    socket.on("server_disconnect", (opts) => socket.disconnect(Boolean(opts?.close)));
    socket.on("drop", ({ mode = "close", then = [] } = {}) => {
        socket.once("disconnect", () => {
            for (const { room, event, args = [] } of then) io.to(room).emit(event, ...decode(args));
        });
        drop(socket, mode);
    });
    socket.on("disconnect", (reason) => disconnectLog.push({ id: socket.id, reason }));
});

httpServer.listen(port, host, () => {
    process.stdout.write(`LISTENING ${httpServer.address().port}\n`);
});

// The fixture stops reading our stdout once it has the port.
process.stdout.on("error", () => {});

const stop = () => process.exit(0);
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
if (lifetime > 0) setTimeout(stop, lifetime * 1000).unref();
if (exitWithPid > 0) {
    setInterval(() => {
        try {
            process.kill(exitWithPid, 0);
        } catch {
            stop();
        }
    }, 1000).unref();
}
if (watchStdin) {
    process.stdin.on("end", stop);
    process.stdin.on("close", stop);
    process.stdin.resume();
}
