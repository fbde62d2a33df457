// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// Scale-out: two server processes on one Redis (and one database file) deliver to each
// other's sockets. The test runs its own redis-server on a free loopback port.
import { before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import { test, startServer, connectAs, ack, nextEvent, uuid, closeAll, tempDir, hookOptions, within, STOP_TIMEOUT_MS } from './helpers.js';

const REDIS = '/usr/bin/redis-server';
let redis;
let a;
let b;

function freePort() {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

async function startRedis() {
  const port = await freePort();
  const child = spawn(REDIS, ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  await new Promise((resolve, reject) => {
    const timer = setTimeout(() => { child.kill('SIGKILL'); reject(new Error(`${REDIS} --port ${port} was not ready within 10000 ms: ${out}`)); }, 10000);
    child.stdout.on('data', (d) => {
      out += d;
      if (/Ready to accept connections/.test(out)) { clearTimeout(timer); resolve(); }
    });
    child.once('exit', (code) => { clearTimeout(timer); reject(new Error(`redis exited ${code}: ${out}`)); });
  });
  child.removeAllListeners('exit');
  const reap = () => child.kill('SIGKILL'); // never leave redis behind, even on a crash
  process.once('exit', reap);
  child.once('exit', () => process.off('exit', reap));
  return { child, url: `redis://127.0.0.1:${port}` };
}

const skip = fs.existsSync(REDIS) ? false : `${REDIS} is not installed`;

before(async () => {
  if (skip) return;
  redis = await startRedis();
  const dir = tempDir();
  a = await startServer({ REDIS_URL: redis.url }, { dir });
  b = await startServer({ REDIS_URL: redis.url }, { dir }); // same DATABASE and KEYS_DIR
}, hookOptions);

after(async () => {
  closeAll();
  await Promise.all([a?.stop(), b?.stop()]);
  if (redis) {
    const gone = new Promise((resolve) => redis.child.once('exit', resolve));
    redis.child.kill('SIGTERM');
    await within(gone, STOP_TIMEOUT_MS, `stop redis-server at ${redis.url}`).catch((err) => { redis.child.kill('SIGKILL'); throw err; });
  }
  a?.assertQuiet();
  b?.assertQuiet();
}, hookOptions);

test('messages, typing and presence cross between two processes', { skip }, async () => {
  assert.notEqual(a.url, b.url);
  const alice = await connectAs(a, 'alice');
  const bob = await connectAs(b, 'bob'); // a token from either process works on both (shared keys)
  await ack(bob, 'join_conversation', { conversationId: 'dm-alice-bob' });

  const typing = nextEvent(bob, 'user_typing', (e) => e.userId === 'alice' && e.isTyping);
  await ack(alice, 'typing_start', { conversationId: 'dm-alice-bob' });
  await typing;

  const received = nextEvent(bob, 'message_received', (m) => m.content === 'across processes');
  const sent = await ack(alice, 'send_message', { conversationId: 'dm-alice-bob', clientId: uuid(), content: 'across processes' });
  assert.deepEqual(await received, sent.message);

  const online = nextEvent(alice, 'presence_update', (p) => p.userId === 'carol' && p.isOnline);
  const carol = await connectAs(b, 'carol');
  await online;
  const offline = nextEvent(alice, 'presence_update', (p) => p.userId === 'carol' && !p.isOnline);
  carol.close();
  await offline;

  // bob on two devices, one on each process: still online after one goes away
  const bobOnA = await connectAs(a, 'bob');
  const updates = [];
  alice.on('presence_update', (p) => { if (p.userId === 'bob') updates.push(p); });
  bobOnA.close();
  await new Promise((resolve) => setTimeout(resolve, 300));
  assert.ok(!updates.some((p) => !p.isOnline), 'bob is still connected to the other process');
});

test('concurrent senders on both processes share one gap-free seq', { skip }, async () => {
  const onA = await connectAs(a, 'alice');
  const onB = await connectAs(b, 'carol');
  const start = (await ack(onA, 'join_conversation', { conversationId: 'group-ring' })).conversation.lastSeq;
  const replies = await Promise.all(Array.from({ length: 30 }, (_, i) =>
    ack(i % 2 ? onA : onB, 'send_message', { conversationId: 'group-ring', clientId: uuid(), content: `both ${i}` })));
  assert.ok(replies.every((r) => r.ok), JSON.stringify(replies.find((r) => !r.ok)));
  assert.deepEqual(replies.map((r) => r.message.seq).sort((x, y) => x - y), Array.from({ length: 30 }, (_, i) => start + 1 + i));
});
