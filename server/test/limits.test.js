// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// Malformed payloads, limits and the message rate: every violation gets its error,
// nothing is stored, and the server keeps serving.
import { before, after, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { test, startServer, connectAs, ack, nextEvent, sleep, uuid, closeAll, api, hookOptions, within, WAIT_TIMEOUT_MS } from './helpers.js';

let server;
before(async () => { server = await startServer(); }, hookOptions);
after(async () => { closeAll(); await server?.stop(); server?.assertQuiet(); }, hookOptions);
afterEach(() => closeAll());

async function lastSeq(conversationId = 'dm-alice-bob') {
  const token = await server.token('alice');
  const r = await api(server, token, 'GET', `/api/conversations/${conversationId}/messages?limit=1`);
  return r.json.data[0]?.seq ?? 0;
}

test('malformed payloads get BAD_REQUEST acks and store nothing', async () => {
  const socket = await connectAs(server, 'alice');
  const before = await lastSeq();
  const bad = [
    undefined, null, 42, 'text', true, [], [1, 2],
    {},
    { conversationId: 'dm-alice-bob' },
    { conversationId: 'dm-alice-bob', clientId: uuid() },
    { conversationId: 'dm-alice-bob', clientId: uuid(), content: '' },
    { conversationId: 'dm-alice-bob', clientId: uuid(), content: ' \n\t ' },
    { conversationId: 'dm-alice-bob', clientId: uuid(), content: 123 },
    { conversationId: 'dm-alice-bob', clientId: uuid(), content: ['x'] },
    { conversationId: 'dm-alice-bob', clientId: uuid(), content: { toString: 'x' } },
    { conversationId: 'dm-alice-bob', clientId: uuid(), content: 'x'.repeat(10001) },
    { conversationId: 'dm-alice-bob', clientId: uuid(), content: 'x'.repeat(500000) },
    { conversationId: 'dm-alice-bob', clientId: 42, content: 'x' },
    { conversationId: 'dm-alice-bob', clientId: '', content: 'x' },
    { conversationId: 'dm-alice-bob', clientId: 'x'.repeat(101), content: 'x' },
    { conversationId: 'dm-alice-bob', clientId: '../../etc', content: 'x' },
    { conversationId: 'dm alice bob', clientId: uuid(), content: 'x' },
    { conversationId: 'x'.repeat(101), clientId: uuid(), content: 'x' },
    { conversationId: { $ne: 1 }, clientId: uuid(), content: 'x' },
    { conversationId: "dm-alice-bob' OR 1=1 --", clientId: uuid(), content: 'x' },
    { conversationId: 'dm-alice-bob', clientId: uuid(), content: 'x', type: 'system' },
    { conversationId: 'dm-alice-bob', clientId: uuid(), content: 'x', type: 7 },
    { conversationId: 'dm-alice-bob', clientId: uuid(), content: 'x', replyTo: 42 },
    { conversationId: 'dm-alice-bob', clientId: uuid(), content: 'x', replyTo: 'missing' },
  ];
  for (const payload of bad) {
    const reply = await ack(socket, 'send_message', payload);
    assert.equal(reply.ok, false, JSON.stringify(payload)?.slice(0, 100));
    assert.equal(reply.error.code, 'BAD_REQUEST', JSON.stringify(payload)?.slice(0, 100));
    assert.equal(typeof reply.error.message, 'string');
  }
  for (const event of ['join_conversation', 'leave_conversation', 'typing_start', 'typing_stop', 'mark_read']) {
    for (const payload of [undefined, null, 'x', [], {}, { conversationId: 5 }, { conversationId: 'a b' }]) {
      const reply = await ack(socket, event, payload);
      assert.equal(reply.error?.code, 'BAD_REQUEST', `${event} ${JSON.stringify(payload)}`);
    }
  }
  for (const payload of [{ conversationId: 'dm-alice-bob' }, { conversationId: 'dm-alice-bob', upToSeq: -1 },
    { conversationId: 'dm-alice-bob', upToSeq: 1.5 }, { conversationId: 'dm-alice-bob', upToSeq: '3' },
    { conversationId: 'dm-alice-bob', messageIds: [] }, { conversationId: 'dm-alice-bob', messageIds: 'id' },
    { conversationId: 'dm-alice-bob', messageIds: [1] }, { conversationId: 'dm-alice-bob', messageIds: Array(501).fill('a') }]) {
    assert.equal((await ack(socket, 'mark_read', payload)).error?.code, 'BAD_REQUEST', JSON.stringify(payload).slice(0, 80));
  }
  for (const payload of [undefined, {}, { status: 'offline' }, { status: 1 }]) {
    assert.equal((await ack(socket, 'update_presence', payload)).error?.code, 'BAD_REQUEST');
  }
  // an unknown event with an ack is answered, one without gets an `error` event
  assert.equal((await ack(socket, 'delete_everything', {})).error.code, 'BAD_REQUEST');
  const errorEvent = nextEvent(socket, 'error');
  socket.emit('delete_everything', {});
  assert.equal((await errorEvent).code, 'BAD_REQUEST');
  assert.equal(await lastSeq(), before, 'nothing stored');
});

test('events without an ack callback or with extra arguments never break the socket', async () => {
  const socket = await connectAs(server, 'alice');
  const before = await lastSeq();
  const errors = [];
  socket.on('error', (e) => errors.push(e));
  socket.emit('send_message', { conversationId: 'dm-alice-bob', clientId: 'x y', content: 'no ack' });
  socket.emit('send_message');
  socket.emit('mark_read', 'junk', 'more', 42);
  socket.emit('typing_start');
  socket.emit('join_conversation', { conversationId: 'dm-alice-bob' }, 'extra', () => {});
  const clientId = uuid();
  socket.emit('send_message', { conversationId: 'dm-alice-bob', clientId, content: 'fire and forget' });
  // Events of one socket are handled in order, so this ack comes after all of the above.
  const reply = await ack(socket, 'send_message', { conversationId: 'dm-alice-bob', clientId, content: 'fire and forget' });
  assert.equal(reply.duplicate, true, 'the valid fire-and-forget message was stored');
  assert.equal(errors.length, 4, `errors reported as events: ${JSON.stringify(errors)}`);
  assert.ok(errors.every((e) => e.code === 'BAD_REQUEST' && typeof e.message === 'string'));
  assert.ok(socket.connected);
  assert.equal(await lastSeq(), before + 1, 'stored once');
});

test('a frame over maxHttpBufferSize closes only that connection; the server lives on', async () => {
  const socket = await connectAs(server, 'alice');
  const closed = new Promise((resolve) => socket.once('disconnect', resolve));
  socket.emit('send_message', { conversationId: 'dm-alice-bob', clientId: uuid(), content: 'x'.repeat(2 * 1024 * 1024) }, () => {});
  assert.match(await within(closed, WAIT_TIMEOUT_MS, 'disconnect after a frame over maxHttpBufferSize', server), /transport (close|error)/);
  const other = await connectAs(server, 'alice');
  assert.equal((await ack(other, 'join_conversation', { conversationId: 'dm-alice-bob' })).ok, true);
});

test('the message rate: a burst of 20 passes, then RATE_LIMITED with retryAfter, then sending works again', async () => {
  const carol = await connectAs(server, 'carol');
  const results = await Promise.all(Array.from({ length: 30 }, (_, i) =>
    ack(carol, 'send_message', { conversationId: 'group-ring', clientId: uuid(), content: `burst ${i}` })));
  const ok = results.filter((r) => r.ok).length;
  assert.ok(ok >= 20 && ok < 30, `${ok} accepted`); // a few tokens may refill while the burst is handled
  const limited = results.find((r) => !r.ok);
  assert.equal(limited.error.code, 'RATE_LIMITED');
  assert.ok(Number.isInteger(limited.error.retryAfter) && limited.error.retryAfter >= 1);
  // the same limit applies over REST, with Retry-After
  const token = await server.token('carol');
  const restReplies = await Promise.all(Array.from({ length: 10 }, () =>
    api(server, token, 'POST', '/api/conversations/group-ring/messages', { clientId: uuid(), content: 'rest' })));
  const rest = restReplies.find((r) => r.status !== 201);
  assert.equal(rest?.status, 429);
  assert.equal(rest.json.error.code, 'RATE_LIMITED');
  assert.ok(Number(rest.headers.get('retry-after')) >= 1);
  // refused messages were not stored: resending one later with its clientId stores it once
  const attempts = Array.from({ length: 10 }, () => uuid());
  const attemptReplies = await Promise.all(attempts.map((clientId) =>
    ack(carol, 'send_message', { conversationId: 'group-ring', clientId, content: 'later' })));
  const refusedIndex = attemptReplies.findIndex((r) => !r.ok);
  const refused = attemptReplies[refusedIndex];
  const refusedClientId = attempts[refusedIndex];
  assert.equal(refused.error.code, 'RATE_LIMITED');
  await sleep(refused.error.retryAfter * 1000);
  const accepted = await ack(carol, 'send_message', { conversationId: 'group-ring', clientId: refusedClientId, content: 'later' });
  assert.equal(accepted.ok, true);
  assert.equal(accepted.duplicate, undefined);
  // other users are not affected
  const bob = await connectAs(server, 'bob');
  assert.equal((await ack(bob, 'send_message', { conversationId: 'group-ring', clientId: uuid(), content: 'hi' })).ok, true);
});

test('a socket flooding cheap events gets RATE_LIMITED acks and stays connected', async () => {
  const small = await startServer({ EVENT_RATE_BURST: '5', EVENT_RATE_PER_SEC: '1', MESSAGE_RATE_BURST: '1', MESSAGE_RATE_PER_SEC: '0.5' });
  try {
    const socket = await connectAs(small, 'alice');
    const replies = await Promise.all(Array.from({ length: 12 }, () => ack(socket, 'typing_start', { conversationId: 'dm-alice-bob' })));
    const limited = replies.filter((r) => !r.ok);
    assert.ok(replies.filter((r) => r.ok).length >= 5);
    assert.ok(limited.length >= 5, `${limited.length} limited`);
    assert.ok(limited.every((r) => r.error.code === 'RATE_LIMITED' && r.error.retryAfter >= 1));
    assert.ok(socket.connected);
  } finally {
    closeAll();
    await small.stop();
  }
});
