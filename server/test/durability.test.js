// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// Crash safety: SIGKILL in the middle of a stream of sends loses nothing that was acked,
// keys and tokens survive a restart, and SIGTERM shuts down cleanly.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import Database from 'better-sqlite3';
import { test, startServer, connectAs, connect, ack, api, uuid, closeAll, tempDir, within, sleep, WAIT_TIMEOUT_MS } from './helpers.js';

test('SIGKILL during sends, restart: every acked message is there, exactly once, seq gap-free', async () => {
  const dir = tempDir();
  const env = { MESSAGE_RATE_BURST: '100000', MESSAGE_RATE_PER_SEC: '100000' };
  const first = await startServer(env, { dir });
  const token = await first.token('alice');
  const senders = await Promise.all([1, 2, 3].map(() => connect(first, token)));
  const acked = [];
  let stop = false;
  const loops = senders.map(async (socket, i) => {
    for (let k = 0; !stop; k += 1) {
      try {
        const reply = await ack(socket, 'send_message', { conversationId: 'group-ring', clientId: uuid(), content: `crash ${i}.${k}` });
        if (reply.ok) acked.push(reply.message);
      } catch {
        return; // the server died before this ack: the message may or may not be stored
      }
    }
  });
  // Kill while the three senders are in full flow, once a fair number were acked.
  const deadline = Date.now() + WAIT_TIMEOUT_MS;
  while (acked.length < 30) {
    if (Date.now() > deadline) throw new Error(`only ${acked.length} of 30 sends acked by ${first.url} within ${WAIT_TIMEOUT_MS} ms`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  first.child.kill('SIGKILL');
  stop = true;
  await within(Promise.all(loops), WAIT_TIMEOUT_MS, 'the senders to see the killed server go', first);
  await within(first.exited, WAIT_TIMEOUT_MS, `the SIGKILLed server at ${first.url} to exit`, first);
  closeAll();

  const second = await startServer(env, { dir });
  try {
    assert.equal(second.keys.jwks.keys[0].kid, first.keys.jwks.keys[0].kid, 'same signing key after restart');
    const me = await api(second, token, 'GET', '/api/me');
    assert.equal(me.status, 200, 'a token from before the restart still works');
    const stored = [];
    let cursor = 0;
    for (;;) {
      const page = await api(second, token, 'GET', `/api/conversations/group-ring/messages?direction=after&cursor=${cursor}&limit=200`);
      stored.push(...page.json.data);
      cursor = page.json.pagination.cursor;
      if (!page.json.pagination.hasMore) break;
    }
    assert.deepEqual(stored.map((m) => m.seq), stored.map((_, i) => i + 1), 'seq has no gaps');
    const byClientId = new Map(stored.map((m) => [m.clientId, m]));
    assert.equal(byClientId.size, stored.length, 'no duplicates');
    for (const m of acked) assert.deepEqual(byClientId.get(m.clientId), m, `acked message ${m.seq} survived`);
    // and the server goes on from there
    const socket = await connectAs(second, 'bob');
    const next = await ack(socket, 'send_message', { conversationId: 'group-ring', clientId: uuid(), content: 'after restart' });
    assert.equal(next.message.seq, stored.length + 1);
  } finally {
    closeAll();
    await second.stop();
  }
});

test('SIGTERM: connected clients are let go, the process exits 0 and the database is closed', async () => {
  const dir = tempDir();
  const server = await startServer({}, { dir });
  const socket = await connectAs(server, 'alice');
  await ack(socket, 'send_message', { conversationId: 'dm-alice-bob', clientId: uuid(), content: 'before shutdown' });
  const disconnected = new Promise((resolve) => socket.once('disconnect', resolve));
  const { code, signal } = await server.stop('SIGTERM');
  assert.equal(signal, null);
  assert.equal(code, 0);
  await within(disconnected, WAIT_TIMEOUT_MS, `disconnect from ${server.url} after SIGTERM`, server);
  // A clean close checkpoints and removes the WAL.
  assert.equal(fs.existsSync(`${server.env.DATABASE}-wal`), false);
  closeAll();
});

test('the WAL is checkpointed off the event loop, every CHECKPOINT_INTERVAL_MS, while the server runs', async () => {
  const dir = tempDir();
  const server = await startServer({ CHECKPOINT_INTERVAL_MS: '100' }, { dir });
  try {
    const socket = await connectAs(server, 'alice');
    const contents = ['one', 'two', 'three'].map((w) => `checkpointed ${w} ${uuid()}`);
    for (const content of contents) {
      assert.equal((await ack(socket, 'send_message', { conversationId: 'dm-alice-bob', clientId: uuid(), content })).ok, true);
    }
    // A handful of pages, far below SQLite's own 1,000-page checkpoint: only the
    // server's checkpointer moves them into the database file, while it runs.
    const inFile = () => {
      const copy = `${dir}/copy-${uuid()}.db`;
      fs.copyFileSync(server.env.DATABASE, copy); // the file alone, without its -wal
      const db = new Database(copy, { readonly: true });
      try {
        return contents.filter((c) => db.prepare('SELECT 1 FROM messages WHERE content = ?').get(c)).length;
      } catch {
        return 0; // not even the schema checkpointed yet
      } finally {
        db.close();
      }
    };
    let found = 0;
    for (let waited = 0; found < contents.length && waited < WAIT_TIMEOUT_MS; waited += 100) {
      await sleep(100);
      found = inFile();
    }
    assert.equal(found, contents.length, 'the messages reached the database file');
    assert.equal(fs.existsSync(`${server.env.DATABASE}-wal`), true, 'the server is still running, in WAL mode');
  } finally {
    closeAll();
    await server.stop();
  }
});
