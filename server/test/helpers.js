// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// Test helpers: start real server processes on free ports, make tokens, connect clients.
// Every wait here is bounded and its error names the step and the server's output, so a
// stuck step fails in seconds instead of hanging the file until ctest's timeout.
import { execFile, spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, afterEach, before, test as nodeTest } from 'node:test';
import { io as ioClient } from 'socket.io-client';
import { loadKeys } from '../src/keys.js';
import { mintAccessToken } from '../src/tokens.js';

export const SERVER_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

// Bounds of the single steps; a whole test gets TEST_TIMEOUT_MS as a backstop.
export const HTTP_TIMEOUT_MS = 15_000;
export const STOP_TIMEOUT_MS = 15_000;
export const COMMAND_TIMEOUT_MS = 30_000;
export const WAIT_TIMEOUT_MS = 10_000;
export const TEST_TIMEOUT_MS = 90_000;

// node:test's test() with TEST_TIMEOUT_MS unless the options say otherwise.
export function test(name, options, fn) {
  if (typeof options === 'function') return nodeTest(name, { timeout: TEST_TIMEOUT_MS }, options);
  return nodeTest(name, { timeout: TEST_TIMEOUT_MS, ...options }, fn);
}
export const hookOptions = { timeout: 60_000 };

// One server for a whole test file: started before its tests with `env`, stopped after them
// (and checked to have written nothing to stderr); sockets closed after each test.
// `ready(server, tokens)` gets the server and an access token per demo user.
export function sharedServer(env, ready) {
  let server;
  before(async () => {
    server = await startServer(env);
    const users = ['alice', 'bob', 'carol'];
    ready(server, Object.fromEntries(await Promise.all(users.map(async (u) => [u, await server.token(u)]))));
  }, hookOptions);
  after(async () => { closeAll(); await server?.stop(); server?.assertQuiet(); }, hookOptions);
  afterEach(() => closeAll());
}

// The tail of a server's output, for error messages.
export function outputOf(server) {
  if (!server?.output) return '';
  const { stdout, stderr } = server.output();
  const tail = (text) => (text.length > 3000 ? `...${text.slice(-3000)}` : text);
  return `\n--- server ${server.url} stdout ---\n${tail(stdout)}\n--- stderr ---\n${tail(stderr)}`;
}

// Resolves like `promise`, or rejects after `ms` with an error naming `what`.
export function within(promise, ms, what, server) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: nothing within ${ms} ms${outputOf(server)}`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

export function tempDir(prefix = 'ringchat-test-') {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

// Spawns `node src/index.js` and resolves once it prints LISTENING.
export async function startServer(env = {}, { dir = tempDir() } = {}) {
  const fullEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    PORT: '0',
    HOST: '127.0.0.1',
    DATABASE: path.join(dir, 'chat.db'),
    SEED_DEMO: '1',
    CONNECT_RATE_LIMIT: '1000',
    ...env,
  };
  const child = spawn(process.execPath, ['src/index.js'], { cwd: SERVER_DIR, env: fullEnv, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stderr.on('data', (d) => { stderr += d; });
  const info = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`node src/index.js printed no LISTENING within 15000 ms:\n${stdout}\n${stderr}`));
    }, 15000);
    child.stdout.on('data', (d) => {
      stdout += d;
      const match = /^LISTENING (\S+)$/m.exec(stdout);
      if (match) {
        clearTimeout(timer);
        resolve({ url: match[1], keysDir: /^KEYS_DIR (.+)$/m.exec(stdout)[1] });
      }
    });
    child.once('exit', (code) => { clearTimeout(timer); reject(new Error(`node src/index.js exited ${code} before LISTENING:\n${stdout}\n${stderr}`)); });
  });
  child.removeAllListeners('exit');
  // Never leave a server behind when the test process ends early.
  const reap = () => { if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL'); };
  process.once('exit', reap);
  child.once('exit', () => process.off('exit', reap));
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  const server = {
    ...info,
    dir,
    env: fullEnv,
    child,
    exited,
    output: () => ({ stdout, stderr }),
    keys: loadKeys(info.keysDir, { create: false }),
    async token(userId, { ttl = 3600, name } = {}) {
      return mintAccessToken({ jwks: server.keys.jwks, issuer: info.url, userId, name: name || userId, ttlSeconds: ttl });
    },
    // Nothing on stderr means no internal error was swallowed into an INTERNAL reply.
    assertQuiet() {
      if (stderr.trim() !== '') throw new Error(`server wrote to stderr:\n${stderr}`);
    },
    // Resolves with how the process ended; a process that outlives STOP_TIMEOUT_MS is
    // killed and the stop fails, naming the server.
    async stop(signal = 'SIGTERM', timeoutMs = STOP_TIMEOUT_MS) {
      return stopProcess(child, exited, signal, timeoutMs, `stop (${signal}) the server at ${info.url}`, server);
    },
  };
  return server;
}

export async function stopProcess(child, exited, signal, timeoutMs, what, server) {
  if (child.exitCode === null && child.signalCode === null) child.kill(signal);
  try {
    return await within(exited, timeoutMs, what, server);
  } catch (err) {
    child.kill('SIGKILL');
    throw err;
  }
}

// execFile with a bound: a command that does not finish in time is killed and the error
// names it with what it printed so far. Other failures keep execFile's error (stderr
// included). Our own timer, not execFile's `timeout`: that one waits for the pipes to
// close, which a grandchild (npm's node) can hold open.
export function runCommand(file, args, options = {}, timeoutMs = COMMAND_TIMEOUT_MS, onSpawn = () => {}) {
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    const child = execFile(file, args, options, (error, stdout, stderr) => {
      clearTimeout(timer);
      if (error) reject(error); else resolve({ stdout, stderr });
    });
    child.stdout?.on('data', (d) => { out += d; });
    child.stderr?.on('data', (d) => { err += d; });
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${[file, ...args].join(' ')} did not finish within ${timeoutMs} ms (in ${options.cwd || process.cwd()})\nstdout: ${out}\nstderr: ${err}`));
    }, timeoutMs);
    onSpawn(child);
  });
}

const openSockets = new Set();

// Connects and resolves with the socket once the server sent `connected`.
export function connect(server, token, options = {}) {
  const socket = ioClient(server.url, {
    auth: { token },
    transports: ['websocket'],
    forceNew: true,
    reconnection: false,
    ...options,
  });
  openSockets.add(socket);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      socket.close();
      reject(new Error(`connect to ${server.url}: no \`connected\` within 5000 ms${outputOf(server)}`));
    }, 5000);
    socket.once('connected', (info) => { clearTimeout(timer); socket.info = info; resolve(socket); });
    socket.once('connect_error', (err) => { clearTimeout(timer); socket.close(); reject(err); });
  });
}

export async function connectAs(server, userId, options) {
  return connect(server, await server.token(userId), options);
}

export function closeAll() {
  for (const s of openSockets) s.close();
  openSockets.clear();
}

// socket.io's own timeout error says only "operation has timed out"; this one names the event.
export async function ack(socket, event, ...args) {
  try {
    return await socket.timeout(5000).emitWithAck(event, ...args);
  } catch (err) {
    throw new Error(`${event} on ${socket.io.uri}: ${err.message} (no ack within 5000 ms)`, { cause: err });
  }
}

// Resolves with the next `event` whose payload satisfies `filter`.
export function nextEvent(socket, event, filter = () => true, timeoutMs = 5000) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => { socket.off(event, handler); reject(new Error(`no ${event} within ${timeoutMs} ms on ${socket.io.uri}`)); }, timeoutMs);
    function handler(payload) {
      if (!filter(payload)) return;
      clearTimeout(timer);
      socket.off(event, handler);
      resolve(payload);
    }
    socket.on(event, handler);
  });
}

// Collects every `event` the socket receives (for "nothing leaked" assertions).
export function record(socket, event) {
  const seen = [];
  socket.on(event, (payload) => seen.push(payload));
  return seen;
}

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

// fetch with a bound on the answer and its body ({res, text, bytes}); the error names the request. The bound
// is a race, not only the abort signal: Node 18's fetch can lose the abort (the Request
// that relays it may be garbage-collected mid-flight) and then waits on.
export async function fetchWithin(url, options = {}, { timeoutMs = HTTP_TIMEOUT_MS, server } = {}) {
  const what = `${options.method || 'GET'} ${url}`;
  const controller = new AbortController();
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => {
      controller.abort();
      reject(new Error(`${what}: no answer within ${timeoutMs} ms${outputOf(server)}`));
    }, timeoutMs);
  });
  try {
    const res = await Promise.race([fetch(url, { ...options, signal: controller.signal }), timeout]);
    const bytes = Buffer.from(await Promise.race([res.arrayBuffer(), timeout]));
    return { res, text: bytes.toString('utf8'), bytes };
  } catch (err) {
    if (err.message.startsWith(`${what}: `)) throw err;
    throw new Error(`${what}: ${err.message}${outputOf(server)}`, { cause: err });
  } finally {
    clearTimeout(timer);
  }
}

export async function api(server, token, method, pathname, body, headers = {}, { timeoutMs } = {}) {
  const { res, text } = await fetchWithin(server.url + pathname, {
    method,
    headers: {
      ...(token ? { Authorization: `Bearer ${token}` } : {}),
      ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}),
      ...headers,
    },
    body: body === undefined ? undefined : (typeof body === 'string' ? body : JSON.stringify(body)),
  }, { timeoutMs, server });
  let json = null;
  try { json = JSON.parse(text); } catch { /* not JSON */ }
  return { status: res.status, headers: res.headers, json, text };
}

export function uuid() {
  return crypto.randomUUID();
}

// A fresh conversation made by the token's user through REST (201 required); its id.
export async function createConversation(server, token, participantIds, { type = 'group', title = 'test' } = {}) {
  const r = await api(server, token, 'POST', '/api/conversations', { type, participantIds, title: type === 'group' ? title : undefined });
  if (r.status !== 201) throw new Error(`POST /api/conversations answered ${r.status}: ${r.text}`);
  return r.json.data.id;
}

// send_message with a fresh clientId that must succeed; resolves with the Message.
export async function sendMessage(socket, conversationId, content, extra = {}) {
  const reply = await ack(socket, 'send_message', { conversationId, clientId: uuid(), content, ...extra });
  if (!reply.ok) throw new Error(`send_message refused: ${JSON.stringify(reply)}`);
  return reply.message;
}
