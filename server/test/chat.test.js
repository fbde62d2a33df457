// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// Socket.IO events: rooms and membership, sending (idempotent, ordered), typing,
// presence and read markers, with the real socket.io-client.
import { before, after, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { test, startServer, connectAs, ack, nextEvent, record, sleep, uuid, closeAll, api, hookOptions, within, createConversation, WAIT_TIMEOUT_MS } from './helpers.js';
import { ANNOUNCE_INTERVAL_MS } from '../src/chat.js';

let server;
before(async () => { server = await startServer({ TYPING_TIMEOUT_MS: '5000' }); }, hookOptions);
after(async () => { closeAll(); await server?.stop(); server?.assertQuiet(); }, hookOptions);
afterEach(() => closeAll());

test('connect sends `connected` and joins the user room', async () => {
  const alice = await connectAs(server, 'alice');
  assert.equal(alice.info.userId, 'alice');
  assert.equal(alice.info.name, 'Alice Example');
  assert.match(alice.info.serverTime, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
});

test('join_conversation acks the conversation; a non-member gets FORBIDDEN, an unknown id NOT_FOUND', async () => {
  const alice = await connectAs(server, 'alice');
  const carol = await connectAs(server, 'carol');
  const joined = await ack(alice, 'join_conversation', { conversationId: 'dm-alice-bob' });
  assert.equal(joined.ok, true);
  assert.equal(joined.conversation.id, 'dm-alice-bob');
  assert.equal(joined.conversation.type, 'direct');
  assert.deepEqual(joined.conversation.participants.map((p) => p.userId).sort(), ['alice', 'bob']);
  assert.ok(joined.conversation.lastSeq >= 3);
  assert.deepEqual(joined.typing, []);

  const refused = await ack(carol, 'join_conversation', { conversationId: 'dm-alice-bob' });
  assert.deepEqual(refused, { ok: false, error: { code: 'FORBIDDEN', message: refused.error.message } });
  const missing = await ack(carol, 'join_conversation', { conversationId: 'no-such-conversation' });
  assert.equal(missing.error.code, 'NOT_FOUND');
  assert.equal((await ack(carol, 'leave_conversation', { conversationId: 'dm-alice-bob' })).error.code, 'FORBIDDEN');
  const leave = await ack(alice, 'leave_conversation', { conversationId: 'dm-alice-bob' });
  assert.deepEqual(leave, { ok: true });
});

test('a message reaches the room and every participant, sender included, and nothing leaks to others', async () => {
  const alice = await connectAs(server, 'alice');
  const bob = await connectAs(server, 'bob'); // not joined: gets it through user:bob
  const carol = await connectAs(server, 'carol');
  const carolMessages = record(carol, 'message_received');
  const carolTyping = record(carol, 'user_typing');
  const carolRead = record(carol, 'messages_read');
  const carolUpdates = record(carol, 'conversation_updated');
  // carol tries to listen in: refused, so nothing reaches her
  assert.equal((await ack(carol, 'join_conversation', { conversationId: 'dm-alice-bob' })).error.code, 'FORBIDDEN');
  assert.equal((await ack(carol, 'typing_start', { conversationId: 'dm-alice-bob' })).error.code, 'FORBIDDEN');
  assert.equal((await ack(carol, 'send_message', { conversationId: 'dm-alice-bob', clientId: uuid(), content: 'intruder' })).error.code, 'FORBIDDEN');
  assert.equal((await ack(carol, 'mark_read', { conversationId: 'dm-alice-bob', upToSeq: 1 })).error.code, 'FORBIDDEN');

  await ack(alice, 'join_conversation', { conversationId: 'dm-alice-bob' });
  const bobGot = nextEvent(bob, 'message_received', (m) => m.content === 'hello bob');
  const aliceGot = nextEvent(alice, 'message_received', (m) => m.content === 'hello bob');
  const bobUpdated = nextEvent(bob, 'conversation_updated', (c) => c.id === 'dm-alice-bob' && c.lastMessage?.content === 'hello bob');
  const clientId = uuid();
  await ack(alice, 'typing_start', { conversationId: 'dm-alice-bob' });
  const sent = await ack(alice, 'send_message', { conversationId: 'dm-alice-bob', clientId, content: '  hello bob  ' });
  assert.equal(sent.ok, true);
  const m = sent.message;
  assert.equal(m.content, 'hello bob', 'content is stored trimmed');
  assert.equal(m.clientId, clientId);
  assert.equal(m.senderId, 'alice');
  assert.equal(m.senderName, 'Alice Example');
  assert.equal(m.type, 'text');
  assert.equal(m.conversationId, 'dm-alice-bob');
  assert.ok(Number.isInteger(m.seq));
  assert.match(m.timestamp, /Z$/);
  assert.deepEqual(await bobGot, m);
  assert.deepEqual(await aliceGot, m, 'the sender gets message_received once (room and user room are deduplicated)');
  const update = await bobUpdated;
  assert.equal(update.lastSeq, m.seq);
  assert.ok(update.unreadCount >= 1);
  await ack(bob, 'mark_read', { conversationId: 'dm-alice-bob', upToSeq: m.seq });
  await sleep(200);
  assert.deepEqual(carolMessages, []);
  assert.deepEqual(carolTyping, []);
  assert.deepEqual(carolRead, []);
  assert.deepEqual(carolUpdates, []);
});

test('a resend with the same clientId is stored once, acked with the stored message and not broadcast again', async () => {
  const alice = await connectAs(server, 'alice');
  const bob = await connectAs(server, 'bob');
  const bobMessages = record(bob, 'message_received');
  const clientId = uuid();
  const first = await ack(alice, 'send_message', { conversationId: 'group-ring', clientId, content: 'only once' });
  const second = await ack(alice, 'send_message', { conversationId: 'group-ring', clientId, content: 'only once' });
  const third = await ack(alice, 'send_message', { conversationId: 'group-ring', clientId, content: 'different text, same id' });
  assert.equal(first.ok, true);
  assert.deepEqual(second.message, first.message);
  assert.equal(second.duplicate, true);
  assert.deepEqual(third.message, first.message);
  // over REST too: 201 with the same message
  const token = await server.token('alice');
  const rest = await api(server, token, 'POST', '/api/conversations/group-ring/messages', { clientId, content: 'only once' });
  assert.equal(rest.status, 201);
  assert.deepEqual(rest.json.data, first.message);
  // the same clientId in another conversation is refused
  const other = await ack(alice, 'send_message', { conversationId: 'dm-alice-bob', clientId, content: 'x' });
  assert.equal(other.error.code, 'BAD_REQUEST');
  await sleep(200);
  assert.equal(bobMessages.filter((m) => m.clientId === clientId).length, 1);
  const page = await api(server, token, 'GET', `/api/conversations/group-ring/messages?direction=after&cursor=${first.message.seq - 1}`);
  assert.equal(page.json.data.filter((m) => m.clientId === clientId).length, 1);
});

test('seq is gap-free and ordered under concurrent senders on several sockets', async () => {
  const senders = await Promise.all(['alice', 'bob', 'carol', 'alice', 'bob'].map((u) => connectAs(server, u)));
  const watcher = await connectAs(server, 'carol');
  await ack(watcher, 'join_conversation', { conversationId: 'group-ring' });
  const seen = record(watcher, 'message_received');
  const before = (await ack(watcher, 'join_conversation', { conversationId: 'group-ring' })).conversation.lastSeq;
  const perSender = 8;
  const acks = await Promise.all(senders.flatMap((s, i) => Array.from({ length: perSender }, (_, k) =>
    ack(s, 'send_message', { conversationId: 'group-ring', clientId: uuid(), content: `s${i} m${k}` }))));
  assert.ok(acks.every((a) => a.ok), JSON.stringify(acks.find((a) => !a.ok)));
  const seqs = acks.map((a) => a.message.seq).sort((a, b) => a - b);
  const expected = Array.from({ length: senders.length * perSender }, (_, i) => before + 1 + i);
  assert.deepEqual(seqs, expected);
  // each socket's own messages keep its sending order
  senders.forEach((_, i) => {
    const mine = acks.filter((a) => a.message.content.startsWith(`s${i} `)).map((a) => a.message.seq);
    assert.deepEqual(mine, [...mine].sort((a, b) => a - b));
  });
  await sleep(300);
  assert.deepEqual(seen.filter((m) => m.seq > before).map((m) => m.seq), expected, 'the room sees them in seq order');
});

test('typing: broadcast to the room without the typer, listed in the join ack, ends 5 s after the last start', async () => {
  const alice = await connectAs(server, 'alice');
  const aliceOther = await connectAs(server, 'alice');
  const bob = await connectAs(server, 'bob');
  await ack(alice, 'join_conversation', { conversationId: 'dm-alice-bob' });
  await ack(aliceOther, 'join_conversation', { conversationId: 'dm-alice-bob' });
  await ack(bob, 'join_conversation', { conversationId: 'dm-alice-bob' });
  const aliceSeen = record(aliceOther, 'user_typing');
  const started = nextEvent(bob, 'user_typing');
  const t0 = Date.now();
  assert.deepEqual(await ack(alice, 'typing_start', { conversationId: 'dm-alice-bob' }), { ok: true });
  assert.deepEqual(await started, { conversationId: 'dm-alice-bob', userId: 'alice', userName: 'Alice Example', isTyping: true });
  const bob2 = await connectAs(server, 'bob');
  const joined = await ack(bob2, 'join_conversation', { conversationId: 'dm-alice-bob' });
  assert.deepEqual(joined.typing, ['alice']);
  const ended = await nextEvent(bob, 'user_typing', (e) => !e.isTyping, 10000);
  const elapsed = Date.now() - t0;
  assert.equal(ended.userId, 'alice');
  assert.ok(elapsed >= 4900, `typing must not end before 5 s (ended after ${elapsed} ms)`);
  assert.deepEqual(aliceSeen, [], 'the typer\'s own devices are excluded');
  assert.deepEqual((await ack(bob2, 'join_conversation', { conversationId: 'dm-alice-bob' })).typing, []);
  // typing_stop ends it at once
  await ack(alice, 'typing_start', { conversationId: 'dm-alice-bob' });
  const stopNow = nextEvent(bob, 'user_typing', (e) => !e.isTyping, 1000);
  await ack(alice, 'typing_stop', { conversationId: 'dm-alice-bob' });
  await stopNow;
});

test('presence: online while any device is connected, away only when all are, lastSeen on the last disconnect', async () => {
  const bob = await connectAs(server, 'bob');
  const online = nextEvent(bob, 'presence_update', (p) => p.userId === 'carol' && p.isOnline);
  const phone = await connectAs(server, 'carol');
  const seenOnline = await online;
  assert.equal(seenOnline.status, 'online');
  const laptop = await connectAs(server, 'carol');
  const updates = record(bob, 'presence_update');
  await ack(phone, 'update_presence', { status: 'away' });
  await sleep(200);
  assert.deepEqual(updates.filter((u) => u.userId === 'carol'), [], 'still online: the laptop is active');
  const away = nextEvent(bob, 'presence_update', (p) => p.userId === 'carol' && p.status === 'away');
  await ack(laptop, 'update_presence', { status: 'away' });
  assert.equal((await away).isOnline, true);
  phone.close();
  await sleep(200);
  assert.ok(!updates.some((u) => u.userId === 'carol' && !u.isOnline), 'one device left: still online');
  const offline = nextEvent(bob, 'presence_update', (p) => p.userId === 'carol' && !p.isOnline);
  laptop.close();
  const last = await offline;
  assert.match(last.lastSeen, /Z$/);
  const view = (await ack(bob, 'join_conversation', { conversationId: 'group-ring' })).conversation;
  const carol = view.participants.find((p) => p.userId === 'carol');
  assert.equal(carol.isOnline, false);
  assert.equal(carol.lastSeen, last.lastSeen);
  assert.equal(view.participants.find((p) => p.userId === 'bob').isOnline, true);
  assert.equal((await ack(bob, 'update_presence', { status: 'busy' })).error.code, 'BAD_REQUEST');
});

test('read markers only move forward and are announced to the room and the participants', async () => {
  const alice = await connectAs(server, 'alice');
  const carol = await connectAs(server, 'carol');
  const sent = [];
  for (let i = 0; i < 3; i += 1) {
    sent.push((await ack(alice, 'send_message', { conversationId: 'dm-alice-carol', clientId: uuid(), content: `read me ${i}` })).message);
  }
  const readEvent = nextEvent(alice, 'messages_read', (e) => e.userId === 'carol' && e.lastReadSeq === sent[2].seq);
  const r1 = await ack(carol, 'mark_read', { conversationId: 'dm-alice-carol', messageIds: [sent[0].id, sent[2].id] });
  assert.deepEqual(r1, { ok: true, lastReadSeq: sent[2].seq });
  const ev = await readEvent;
  assert.equal(ev.conversationId, 'dm-alice-carol');
  assert.match(ev.readAt, /Z$/);
  const events = record(alice, 'messages_read');
  const back = await ack(carol, 'mark_read', { conversationId: 'dm-alice-carol', upToSeq: sent[0].seq });
  assert.deepEqual(back, { ok: true, lastReadSeq: sent[2].seq }, 'never moves back');
  const beyond = await ack(carol, 'mark_read', { conversationId: 'dm-alice-carol', upToSeq: 1e9 });
  assert.equal(beyond.lastReadSeq, sent[2].seq, 'clamped to the last message');
  await sleep(200);
  assert.deepEqual(events, [], 'no event when the marker did not move');
  const view = (await ack(carol, 'join_conversation', { conversationId: 'dm-alice-carol' })).conversation;
  assert.equal(view.unreadCount, 0);
  assert.equal(view.participants.find((p) => p.userId === 'carol').lastReadSeq, sent[2].seq);
  const unknown = await ack(carol, 'mark_read', { conversationId: 'dm-alice-carol', messageIds: ['nope'] });
  assert.equal(unknown.error.code, 'NOT_FOUND');
});

test('connection state recovery: a short drop restores rooms and replays what was missed', async () => {
  const token = await server.token('bob');
  const bob = await connectAs(server, 'bob', { reconnection: true, reconnectionDelay: 100, reconnectionDelayMax: 200 });
  bob.auth = { token };
  await ack(bob, 'join_conversation', { conversationId: 'group-ring' });
  const alice = await connectAs(server, 'alice');
  const dropped = new Promise((resolve) => bob.once('disconnect', resolve));
  bob.io.engine.close(); // the link dies, the client reconnects by itself
  await within(dropped, WAIT_TIMEOUT_MS, 'disconnect after the engine closed', server);
  const sent = await ack(alice, 'send_message', { conversationId: 'group-ring', clientId: uuid(), content: 'while you were away' });
  const replayed = nextEvent(bob, 'message_received', (m) => m.id === sent.message.id);
  await within(new Promise((resolve) => bob.once('connect', resolve)), WAIT_TIMEOUT_MS, `reconnect to ${server.url}`, server);
  assert.equal(bob.recovered, true);
  assert.equal((await replayed).seq, sent.message.seq);
  // the room membership came back too: typing (room-only) reaches bob
  const typing = nextEvent(bob, 'user_typing', (e) => e.userId === 'alice');
  await ack(alice, 'typing_start', { conversationId: 'group-ring' });
  await typing;
  await ack(alice, 'typing_stop', { conversationId: 'group-ring' });
});

test('HTTP long-polling works, alone and upgrading to WebSocket', async () => {
  const polling = await connectAs(server, 'bob', { transports: ['polling'] });
  assert.equal(polling.io.engine.transport.name, 'polling');
  const sent = await ack(polling, 'send_message', { conversationId: 'dm-alice-bob', clientId: uuid(), content: 'over polling' });
  assert.equal(sent.ok, true);
  const upgrading = await connectAs(server, 'alice', { transports: ['polling', 'websocket'] });
  const received = nextEvent(upgrading, 'message_received', (m) => m.content === 'polling to upgraded');
  await ack(polling, 'send_message', { conversationId: 'dm-alice-bob', clientId: uuid(), content: 'polling to upgraded' });
  await received;
  if (upgrading.io.engine.transport.name !== 'websocket') {
    await within(new Promise((resolve) => upgrading.io.engine.once('upgrade', resolve)), WAIT_TIMEOUT_MS, 'upgrade from polling to WebSocket', server);
  }
  assert.equal(upgrading.io.engine.transport.name, 'websocket');
});

test(`a burst of messages brings conversation_updated at most every ${ANNOUNCE_INTERVAL_MS} ms, the last with the latest state`, async () => {
  const fast = await startServer({ MESSAGE_RATE_BURST: '1000', MESSAGE_RATE_PER_SEC: '1000' });
  try {
    const alice = await connectAs(fast, 'alice');
    const bob = await connectAs(fast, 'bob');
    const conversationId = await createConversation(fast, await fast.token('alice'), ['bob']);
    const updates = [];
    // Only the burst's: the creation's own conversation_updated may still be on its way.
    bob.on('conversation_updated', (c) => { if (c.id === conversationId && c.lastMessage) updates.push(c); });
    const count = 30;
    const started = Date.now();
    for (let i = 1; i <= count; ++i) {
      const sent = await ack(alice, 'send_message', { conversationId, clientId: uuid(), content: `burst ${i}` });
      assert.equal(sent.ok, true);
    }
    const elapsed = Date.now() - started;
    const settled = () => updates.at(-1)?.lastMessage?.content === `burst ${count}`;
    for (let waited = 0; !settled() && waited < WAIT_TIMEOUT_MS; waited += 20) await sleep(20);
    assert.ok(settled(), `the last conversation_updated carries the last message: ${JSON.stringify(updates.at(-1)?.lastMessage)}`);
    assert.equal(updates.at(-1).unreadCount, count);
    // One per turn (before: one per send here, each awaited its ack) would be `count`.
    const allowed = Math.floor(elapsed / ANNOUNCE_INTERVAL_MS) + 2;
    assert.ok(updates.length <= allowed, `${updates.length} conversation_updated for ${count} sends in ${elapsed} ms (at most ${allowed})`);
  } finally {
    closeAll();
    await fast.stop();
  }
});
