// Test helpers: start real server processes on free ports, make tokens, connect clients.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { io as ioClient } from 'socket.io-client';
import { loadKeys } from '../src/keys.js';
import { mintAccessToken } from '../src/tokens.js';

export const SERVER_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

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
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${stdout}\n${stderr}`)), 15000);
    child.stdout.on('data', (d) => {
      stdout += d;
      const match = /^LISTENING (\S+)$/m.exec(stdout);
      if (match) {
        clearTimeout(timer);
        resolve({ url: match[1], keysDir: /^KEYS_DIR (.+)$/m.exec(stdout)[1] });
      }
    });
    child.once('exit', (code) => { clearTimeout(timer); reject(new Error(`server exited ${code}:\n${stdout}\n${stderr}`)); });
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
    async stop(signal = 'SIGTERM') {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
  };
  return server;
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
    const timer = setTimeout(() => reject(new Error('connect timeout')), 5000);
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

export function ack(socket, event, ...args) {
  return socket.timeout(5000).emitWithAck(event, ...args);
}

// Resolves with the next `event` whose payload satisfies `filter`.
export function nextEvent(socket, event, filter = () => true, timeoutMs = 5000) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => { socket.off(event, handler); reject(new Error(`no ${event} within ${timeoutMs} ms`)); }, timeoutMs);
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

export async function api(server, token, method, pathname, body, headers = {}) {
  const res = await fetch(server.url + pathname, {
    method,
    headers: {
      ...(token ? { Authorization: `Bearer ${token}` } : {}),
      ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}),
      ...headers,
    },
    body: body === undefined ? undefined : (typeof body === 'string' ? body : JSON.stringify(body)),
  });
  const text = await res.text();
  let json = null;
  try { json = JSON.parse(text); } catch { /* not JSON */ }
  return { status: res.status, headers: res.headers, json, text };
}

export function uuid() {
  return crypto.randomUUID();
}
