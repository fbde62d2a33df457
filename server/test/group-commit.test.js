// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// Group commit (group-commit.js): the sends of one event-loop turn share one transaction.
// Its rules, on real SQLite files: seq order kept, nothing settles before the commit, a
// refused send is refused alone, a failed batch refuses all of it and stores none, and a
// crash in the middle of a batch loses only its (unacked) sends. Then the same rules end
// to end through the real server.
import assert from 'node:assert/strict';
import path from 'node:path';
import Database from 'better-sqlite3';
import { openDatabase } from '../src/db.js';
import { ChatStore } from '../src/store.js';
import { FileStore } from '../src/files.js';
import { GroupCommit, BATCH_FAILED } from '../src/group-commit.js';
import {
  test, SERVER_DIR, runCommand, tempDir, startServer, connectAs, closeAll, uuid, nextEvent,
} from './helpers.js';

const CONV = 'c-batch';

// A database file with users u1 and u2 and the group CONV; returns the parts and a second,
// independent connection to the same file (what another process would see).
function openStore(dir = tempDir()) {
  const file = path.join(dir, 'chat.db');
  const db = openDatabase(file);
  const store = new ChatStore(db, new FileStore(db, path.join(dir, 'files')));
  if (!store.userById('u1')) {
    store.createUser({ id: 'u1', login: 'u1', name: 'User One' });
    store.createUser({ id: 'u2', login: 'u2', name: 'User Two' });
    store.createConversation({ type: 'group', title: 'batch', creatorId: 'u1', memberIds: ['u2'], id: CONV });
  }
  const reader = new Database(file, { readonly: true });
  const storedSeqs = () => reader.prepare('SELECT seq FROM messages WHERE conversationId = ? ORDER BY seq').all(CONV).map((r) => r.seq);
  const lastSeq = () => reader.prepare('SELECT lastSeq FROM conversations WHERE id = ?').get(CONV).lastSeq;
  const close = () => { reader.close(); db.close(); };
  return { dir, file, db, store, storedSeqs, lastSeq, close };
}

const send = (senderId, content, extra = {}) => ({ conversationId: CONV, senderId, senderName: senderId, clientId: uuid(), content, ...extra });

test('each send\'s savepoint journals in memory, never in a temporary file (temp_store = MEMORY)', () => {
  const s = openStore();
  try {
    assert.equal(s.db.pragma('temp_store', { simple: true }), 2); // 2: MEMORY
  } finally {
    s.close();
  }
});

test('one turn\'s sends: one commit, seq in queue order, each settles in order and only once all of them are stored', async () => {
  const s = openStore();
  try {
    const commit = new GroupCommit(s.db, (item) => s.store.writeMessage(item));
    const sends = [send('u1', 'a'), send('u2', 'b'), send('u1', 'c'), send('u2', 'd')];
    const settled = [];
    const promises = sends.map((item, i) => commit.add(item).then((result) => {
      // What another connection sees when this send settles: the whole batch, committed.
      settled.push({ i, seq: result.message.seq, visible: s.storedSeqs() });
      return result;
    }));
    assert.deepEqual(s.storedSeqs(), [], 'nothing is written within the turn that queued the sends');
    const results = await Promise.all(promises);
    assert.deepEqual(results.map((r) => r.message.seq), [1, 2, 3, 4], 'seq follows the order of the sends');
    assert.deepEqual(results.map((r) => r.message.content), ['a', 'b', 'c', 'd']);
    assert.deepEqual(settled.map((x) => x.i), [0, 1, 2, 3], 'settled in queue order');
    for (const x of settled) assert.deepEqual(x.visible, [1, 2, 3, 4], `send ${x.i} settled before the batch was committed`);
    assert.equal(s.db.inTransaction, false);
  } finally {
    s.close();
  }
});

test('a send refused inside the batch (a resend elsewhere, a foreign attachment) is refused alone; the rest are stored gap-free', async () => {
  const s = openStore();
  try {
    const commit = new GroupCommit(s.db, (item) => s.store.writeMessage(item));
    const first = send('u1', 'first');
    const again = { ...first }; // the same clientId in the same batch: a duplicate of the first
    const [r1, bad, r2, dup] = await Promise.allSettled([
      commit.add(first),
      commit.add(send('u2', 'with a file', { attachments: ['f_nobody'] })),
      commit.add(send('u2', 'second')),
      commit.add(again),
    ]);
    assert.equal(r1.status, 'fulfilled');
    assert.equal(bad.status, 'rejected');
    assert.equal(bad.reason.code, 'BAD_REQUEST');
    assert.match(bad.reason.message, /attachment f_nobody/);
    assert.equal(r2.value.message.seq, 2, 'the refused send took no seq');
    assert.equal(dup.value.duplicate, true);
    assert.equal(dup.value.message.id, r1.value.message.id);
    assert.deepEqual(s.storedSeqs(), [1, 2]);
  } finally {
    s.close();
  }
});

test('a batch whose transaction fails mid-way is refused as a whole (INTERNAL, clear message) and stores none; a resend stores each once', async () => {
  const s = openStore();
  const logged = [];
  try {
    const commit = new GroupCommit(s.db, (item) => s.store.writeMessage(item), { log: (...args) => logged.push(args.join(' ')) });
    await commit.add(send('u1', 'before'));
    // A real failure of the whole transaction at the third send, after two were written.
    s.db.exec(`CREATE TEMP TRIGGER fail_batch AFTER INSERT ON messages WHEN new.content = 'boom'
               BEGIN SELECT RAISE(ROLLBACK, 'the disk is on fire'); END`);
    const sends = [send('u1', 'one'), send('u2', 'two'), send('u1', 'boom'), send('u2', 'after')];
    const outcomes = await Promise.allSettled(sends.map((item) => commit.add(item)));
    for (const o of outcomes) {
      assert.equal(o.status, 'rejected');
      assert.equal(o.reason.code, 'INTERNAL');
      assert.equal(o.reason.message, BATCH_FAILED);
    }
    assert.deepEqual(s.storedSeqs(), [1], 'nothing of the failed batch is stored');
    assert.equal(s.lastSeq(), 1, 'and it took no seq');
    assert.equal(s.db.inTransaction, false);
    assert.equal(logged.length, 1);
    assert.match(logged[0], /a batch of 4 failed, none stored: the disk is on fire/);

    // The client resends with the same clientIds: stored once each, gap-free.
    s.db.exec('DROP TRIGGER temp.fail_batch');
    const resent = await Promise.all(sends.map((item) => commit.add(item)));
    assert.deepEqual(resent.map((r) => [r.message.seq, r.duplicate]), [[2, false], [3, false], [4, false], [5, false]]);
    assert.deepEqual(s.storedSeqs(), [1, 2, 3, 4, 5]);
  } finally {
    s.close();
  }
});

test('a batch that cannot take the write lock is refused as a whole and stores none', async () => {
  const s = openStore();
  const other = new Database(s.file);
  try {
    s.db.pragma('busy_timeout = 50');
    const commit = new GroupCommit(s.db, (item) => s.store.writeMessage(item), { log: () => {} });
    other.exec('BEGIN IMMEDIATE'); // another process is writing
    const outcomes = await Promise.allSettled([commit.add(send('u1', 'x')), commit.add(send('u2', 'y'))]);
    assert.deepEqual(outcomes.map((o) => o.reason?.code), ['INTERNAL', 'INTERNAL']);
    other.exec('COMMIT');
    assert.deepEqual(s.storedSeqs(), []);
    assert.equal((await commit.add(send('u1', 'z'))).message.seq, 1);
  } finally {
    other.close();
    s.close();
  }
});

test('after close() the queued sends are stored and new ones refused', async () => {
  const s = openStore();
  try {
    const commit = new GroupCommit(s.db, (item) => s.store.writeMessage(item));
    const queued = commit.add(send('u1', 'queued'));
    commit.close();
    assert.deepEqual(s.storedSeqs(), [1], 'close() commits at once');
    assert.equal((await queued).message.seq, 1);
    await assert.rejects(commit.add(send('u1', 'late')), { code: 'INTERNAL', message: 'the server is shutting down' });
  } finally {
    s.close();
  }
});

// The child stores one batch (and says so: its acks), then dies by SIGKILL in the middle
// of the second batch's transaction, after two of its four sends were written.
const CRASHING_CHILD = `
import path from 'node:path';
import { openDatabase } from './src/db.js';
import { ChatStore } from './src/store.js';
import { FileStore } from './src/files.js';
import { GroupCommit } from './src/group-commit.js';
const dir = process.argv[1];
const db = openDatabase(path.join(dir, 'chat.db'));
const store = new ChatStore(db, new FileStore(db, path.join(dir, 'files')));
const commit = new GroupCommit(db, (item) => {
  if (item.content === 'die') process.kill(process.pid, 'SIGKILL');
  return store.writeMessage(item);
});
const send = (content, i) => commit.add({ conversationId: '${CONV}', senderId: 'u1', senderName: 'u1', clientId: 'crash-' + content + i, content });
const acked = await Promise.all(['a', 'b', 'c'].map(send));
console.log('ACKED ' + acked.map((r) => r.message.seq).join(','));
await Promise.all(['d', 'e', 'die', 'f'].map(send));
console.log('NOT REACHED');
`;

test('SIGKILL in the middle of a batch: the acked batches are stored, the interrupted one not at all, and seq goes on gap-free', async () => {
  const setup = openStore();
  setup.close();
  let output = '';
  await assert.rejects(runCommand(process.execPath, ['--input-type=module', '-e', CRASHING_CHILD, setup.dir], { cwd: SERVER_DIR }, 30_000, (child) => {
    child.stdout.on('data', (d) => { output += d; });
  }), (err) => err.signal === 'SIGKILL');
  assert.match(output, /^ACKED 1,2,3$/m);
  assert.doesNotMatch(output, /NOT REACHED/);

  const s = openStore(setup.dir);
  try {
    const contents = s.db.prepare('SELECT content FROM messages WHERE conversationId = ? ORDER BY seq').all(CONV).map((r) => r.content);
    assert.deepEqual(contents, ['a', 'b', 'c'], 'only the acked batch survived');
    assert.equal(s.lastSeq(), 3);
    const commit = new GroupCommit(s.db, (item) => s.store.writeMessage(item));
    assert.equal((await commit.add(send('u2', 'next'))).message.seq, 4);
  } finally {
    s.close();
  }
});

test('through the server: bursts from two senders are acked only once stored, acked and delivered in seq order, gap-free', async () => {
  const env = { MESSAGE_RATE_BURST: '100000', MESSAGE_RATE_PER_SEC: '100000' };
  const server = await startServer(env);
  const reader = new Database(server.env.DATABASE, { readonly: true });
  const isStored = reader.prepare('SELECT seq FROM messages WHERE senderId = ? AND clientId = ?');
  try {
    const [alice, bob, carol] = await Promise.all(['alice', 'bob', 'carol'].map((u) => connectAs(server, u)));
    const { lastSeq: startSeq } = reader.prepare('SELECT lastSeq FROM conversations WHERE id = ?').get('group-ring');
    const PER_SENDER = 150;
    const delivered = [];
    let deliveredUnstored = 0;
    carol.on('message_received', (m) => {
      if (m.conversationId !== 'group-ring') return;
      if (!isStored.get(m.senderId, m.clientId)) deliveredUnstored += 1;
      delivered.push(m.seq);
    });
    const allDelivered = nextEvent(carol, 'message_received', () => delivered.length === 2 * PER_SENDER, 20_000);
    // Each sender emits its whole burst at once, so the server takes many per turn.
    const burst = (socket, userId) => Promise.all(Array.from({ length: PER_SENDER }, (_, i) => new Promise((resolve, reject) => {
      const clientId = `${userId}-burst-${i}`;
      socket.timeout(15_000).emit('send_message', { conversationId: 'group-ring', clientId, content: `${userId} ${i}` }, (err, reply) => {
        if (err) return reject(err);
        if (!reply.ok) return reject(new Error(JSON.stringify(reply)));
        const row = isStored.get(userId, clientId);
        resolve({ i, seq: reply.message.seq, storedAtAck: row?.seq });
      });
    })));
    const [fromAlice, fromBob] = await Promise.all([burst(alice, 'alice'), burst(bob, 'bob')]);
    await allDelivered;
    for (const acks of [fromAlice, fromBob]) {
      for (const a of acks) assert.equal(a.storedAtAck, a.seq, `send ${a.i} was acked before it was stored`);
      const seqs = acks.map((a) => a.seq);
      assert.deepEqual(seqs, [...seqs].sort((x, y) => x - y), 'one sender\'s sends take seq in the order sent');
    }
    const all = [...fromAlice, ...fromBob].map((a) => a.seq).sort((x, y) => x - y);
    assert.deepEqual(all, Array.from({ length: 2 * PER_SENDER }, (_, k) => startSeq + 1 + k), 'gap-free');
    assert.deepEqual(delivered, all, 'delivered in seq order');
    assert.equal(deliveredUnstored, 0, 'nothing is delivered before it is stored');
  } finally {
    reader.close();
    closeAll();
    await server.stop();
  }
  server.assertQuiet();
});
