// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// Contract v2 message actions with real socket.io clients: rev, format, replies and their
// previews, edits, deletes (tombstones), reactions, message_updated, changes?since=,
// messages?around=, the edit window, the rate limit, the demo seed, and the migration of
// a version 1 database file.
import { before, after, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import Database from 'better-sqlite3';
import {
  test, startServer, connectAs, ack, nextEvent, record, sleep, uuid, closeAll, api, hookOptions, tempDir, within, WAIT_TIMEOUT_MS,
  createConversation, sendMessage as send,
} from './helpers.js';
import { SCHEMA_VERSION, schemaOfVersion } from '../src/db.js';

const V2_FIELDS = ['rev', 'format', 'reactions', 'attachments', 'mentions'];
const QUIET_MS = 250; // how long "nothing else arrives" is watched for

let server;
let tokens;
before(async () => {
  server = await startServer({ MESSAGE_RATE_BURST: '100000', MESSAGE_RATE_PER_SEC: '100000' });
  tokens = Object.fromEntries(await Promise.all(['alice', 'bob', 'carol'].map(async (u) => [u, await server.token(u)])));
}, hookOptions);
after(async () => { closeAll(); await server?.stop(); server?.assertQuiet(); }, hookOptions);
afterEach(() => closeAll());

// A fresh conversation per test, so revs and seqs are the test's own.
const newConversation = (creator, others, type = 'group') => createConversation(server, tokens[creator], others, { type });

async function conversationRev(user, conversationId) {
  const socket = await connectAs(server, user);
  const joined = await ack(socket, 'join_conversation', { conversationId });
  socket.close();
  return joined.conversation.rev;
}

async function page(user, pathname) {
  const r = await api(server, tokens[user], 'GET', pathname);
  assert.equal(r.status, 200, r.text);
  return r.json;
}

function errorCode(reply) {
  assert.equal(reply.ok, false, `expected a refusal, got ${JSON.stringify(reply)}`);
  return reply.error.code;
}

test('every message carries the v2 fields and a rev; each new message takes the next rev; format is checked', async () => {
  const conv = await newConversation('alice', ['bob']);
  const alice = await connectAs(server, 'alice');
  const bob = await connectAs(server, 'bob');
  const bobUpdates = record(bob, 'message_updated');
  const received = nextEvent(bob, 'message_received', (m) => m.content === 'one');
  const one = await send(alice, conv, 'one');
  assert.deepEqual(await received, one);
  assert.deepEqual(
    Object.keys(one),
    ['id', 'conversationId', 'seq', 'rev', 'clientId', 'senderId', 'senderName', 'content', 'format', 'type', 'timestamp', 'reactions', 'attachments', 'mentions'],
  );
  assert.equal(one.rev, 1);
  assert.equal(one.format, 'plain');
  assert.deepEqual([one.reactions, one.attachments, one.mentions], [[], [], []]);
  const two = await send(alice, conv, '**two**', { format: 'markdown' });
  assert.deepEqual([two.seq, two.rev, two.format], [2, 2, 'markdown']);
  const rest = await api(server, tokens.bob, 'POST', `/api/conversations/${conv}/messages`, { clientId: uuid(), content: 'three', format: 'plain' });
  assert.equal(rest.status, 201);
  assert.deepEqual([rest.json.data.seq, rest.json.data.rev], [3, 3]);
  for (const format of ['html', 'Markdown', 1, true, '']) {
    assert.equal(errorCode(await ack(alice, 'send_message', { conversationId: conv, clientId: uuid(), content: 'x', format })), 'BAD_REQUEST', `format ${format}`);
  }
  assert.equal((await api(server, tokens.bob, 'POST', `/api/conversations/${conv}/messages`, { clientId: uuid(), content: 'x', format: 'rich' })).status, 400);
  // Conversation.rev is the highest; the lists, the join ack and lastMessage carry v2 too.
  const joined = await ack(alice, 'join_conversation', { conversationId: conv });
  assert.equal(joined.conversation.rev, 3);
  for (const field of V2_FIELDS) assert.ok(field in joined.conversation.lastMessage, field);
  const listed = (await page('alice', '/api/conversations')).data.find((c) => c.id === conv);
  assert.equal(listed.rev, 3);
  // A send builds its Message without reading the row back: it must equal the stored one.
  assert.deepEqual((await page('alice', `/api/conversations/${conv}/messages`)).data, [one, two, rest.json.data]);
  await sleep(QUIET_MS);
  assert.deepEqual(bobUpdates, [], 'a new message comes only as message_received');
});

test('the demo seed shows a reply, an edit, a tombstone and reactions, with the counts and texts tests expect', async () => {
  const dm = (await page('alice', '/api/conversations/dm-alice-bob/messages?direction=after&limit=3')).data;
  assert.deepEqual(dm.map((m) => m.content), ['Hi Bob! Ring Chat is up.', 'Hi Alice, I can see it.', 'Great, see you in the group.']);
  assert.deepEqual(dm[1].replyPreview, { messageId: dm[0].id, seq: 1, senderId: 'alice', senderName: 'Alice Example', snippet: 'Hi Bob! Ring Chat is up.', deleted: false });
  assert.ok(dm[2].editedAt);
  assert.deepEqual(dm[0].reactions, [{ emoji: '🎉', count: 1, userIds: ['bob'] }]);
  const carol = (await page('alice', '/api/conversations/dm-alice-carol/messages?direction=after&limit=3')).data;
  assert.deepEqual(carol.map((m) => [m.seq, m.content, !!m.deletedAt]), [[1, 'Alice, do you have a minute?', false], [2, '', true], [3, 'Sure, what is up?', false]]);
  const group = (await page('bob', '/api/conversations/group-ring/messages?direction=after&limit=3')).data;
  assert.deepEqual(group.map((m) => m.content), ['Welcome to the Ring team room.', 'Hello everyone!', 'Hi all.']);
  assert.deepEqual(group[0].reactions, [{ emoji: '👋', count: 2, userIds: ['bob', 'carol'] }, { emoji: '🎉', count: 1, userIds: ['carol'] }]);
  // Every seeded change took a rev: a message carries the rev of its last change.
  assert.deepEqual(dm.map((m) => m.rev), [2, 4, 6]);
  assert.deepEqual(carol.map((m) => m.rev), [1, 3, 4]);
  assert.deepEqual(group.map((m) => m.rev), [4, 5, 6]);
});

test('edit: by the sender, sent to the other client as one message_updated, the same edit again takes no rev', async () => {
  const conv = await newConversation('alice', ['bob']);
  const alice = await connectAs(server, 'alice');
  const bob = await connectAs(server, 'bob');
  const carol = await connectAs(server, 'carol'); // not a participant
  const carolUpdates = record(carol, 'message_updated');
  const original = await send(alice, conv, 'helo');
  const last = await send(alice, conv, 'newest');
  const bobUpdates = record(bob, 'message_updated');
  const bobConversations = record(bob, 'conversation_updated');
  const got = nextEvent(bob, 'message_updated');
  const edited = await ack(alice, 'edit_message', { conversationId: conv, messageId: original.id, content: '  hello  ' });
  assert.equal(edited.ok, true);
  const m = edited.message;
  assert.deepEqual([m.id, m.seq, m.content, m.format, m.rev], [original.id, original.seq, 'hello', 'plain', last.rev + 1]);
  assert.match(m.editedAt, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
  assert.deepEqual(await got, m);
  const again = await ack(alice, 'edit_message', { conversationId: conv, messageId: original.id, content: 'hello', format: 'plain' });
  assert.deepEqual(again, { ok: true, message: m }, 'the same content again changes nothing');
  await sleep(QUIET_MS);
  assert.equal(bobUpdates.length, 1, 'one message_updated for one change');
  assert.deepEqual(carolUpdates, [], 'only participants get message_updated');
  // The edit of an older message announces nothing of its own. The send of `newest` may
  // reach bob only now (the server's group commit builds it when it flushes, with the
  // conversation's rev of then), so at most that one, still showing `newest`.
  const announced = bobConversations.filter((c) => c.id === conv && c.rev > last.rev);
  assert.ok(announced.length <= 1, 'editing an older message leaves the conversation as it was');
  for (const c of announced)
    assert.deepEqual([c.lastMessage.id, c.lastMessage.content], [last.id, 'newest'], 'editing an older message leaves the conversation as it was');
  assert.equal(await conversationRev('bob', conv), m.rev);

  // A format change alone is a change; no format keeps the message's own.
  const markdown = await ack(alice, 'edit_message', { conversationId: conv, messageId: original.id, content: 'hello', format: 'markdown' });
  assert.deepEqual([markdown.message.format, markdown.message.rev], ['markdown', m.rev + 1]);
  const kept = await ack(alice, 'edit_message', { conversationId: conv, messageId: original.id, content: 'hello *again*' });
  assert.deepEqual([kept.message.format, kept.message.content], ['markdown', 'hello *again*']);

  // Editing the newest message updates the conversation's lastMessage for everyone.
  const updated = nextEvent(bob, 'conversation_updated', (c) => c.id === conv && c.lastMessage.content === 'newest, edited');
  await ack(alice, 'edit_message', { conversationId: conv, messageId: last.id, content: 'newest, edited' });
  const view = await updated;
  assert.ok(view.lastMessage.editedAt);
  assert.equal(view.rev, view.lastMessage.rev);
  assert.ok(view.updatedAt > last.timestamp, 'updatedAt moves with the newest message');
});

test('edit refusals: FORBIDDEN for others, NOT_FOUND for unknown ids, BAD_REQUEST for bad payloads; nothing changes', async () => {
  const conv = await newConversation('alice', ['bob']);
  const alice = await connectAs(server, 'alice');
  const bob = await connectAs(server, 'bob');
  const carol = await connectAs(server, 'carol');
  const m = await send(alice, conv, 'mine');
  const elsewhere = await send(alice, 'dm-alice-carol', 'in another conversation');
  const edit = (socket, payload) => ack(socket, 'edit_message', { conversationId: conv, messageId: m.id, content: 'changed', ...payload });
  assert.equal(errorCode(await edit(bob, {})), 'FORBIDDEN', 'only the sender');
  assert.equal(errorCode(await edit(carol, {})), 'FORBIDDEN', 'not a participant');
  assert.equal(errorCode(await edit(alice, { messageId: uuid() })), 'NOT_FOUND');
  assert.equal(errorCode(await edit(alice, { messageId: elsewhere.id })), 'NOT_FOUND', 'a message of another conversation');
  assert.equal(errorCode(await edit(alice, { conversationId: 'no-such-conversation' })), 'NOT_FOUND');
  for (const bad of [{ content: '' }, { content: '   ' }, { content: 42 }, { content: 'x'.repeat(10001) }, { content: undefined },
    { format: 'html' }, { messageId: 42 }, { messageId: '../x' }, { conversationId: undefined }]) {
    assert.equal(errorCode(await edit(alice, bad)), 'BAD_REQUEST', JSON.stringify(bad));
  }
  for (const payload of [null, 'x', [], 1]) assert.equal(errorCode(await ack(alice, 'edit_message', payload)), 'BAD_REQUEST');
  const stored = (await page('alice', `/api/conversations/${conv}/messages`)).data[0];
  assert.deepEqual(stored, m, 'nothing changed');
});

test('delete: the sender any time; a tombstone keeps id and seq; deleting again answers it; edit and react on it are GONE', async () => {
  const conv = await newConversation('alice', ['bob'], 'direct'); // dm-alice-bob: a direct pair exists once
  const alice = await connectAs(server, 'alice');
  const bob = await connectAs(server, 'bob');
  const original = await send(bob, conv, 'the original');
  const reply = await send(alice, conv, 'a reply', { format: 'markdown', replyTo: original.id });
  await ack(bob, 'set_reaction', { conversationId: conv, messageId: reply.id, emoji: '👍', on: true });
  await ack(alice, 'edit_message', { conversationId: conv, messageId: reply.id, content: 'a reply, edited' });
  assert.equal(errorCode(await ack(bob, 'delete_message', { conversationId: conv, messageId: reply.id })), 'FORBIDDEN', 'in a direct conversation only the sender');
  const bobUpdates = record(bob, 'message_updated');
  const got = nextEvent(bob, 'message_updated');
  const deleted = await ack(alice, 'delete_message', { conversationId: conv, messageId: reply.id });
  assert.equal(deleted.ok, true);
  const t = deleted.message;
  assert.deepEqual([t.id, t.seq, t.clientId, t.senderId, t.timestamp, t.content, t.format], [reply.id, reply.seq, reply.clientId, 'alice', reply.timestamp, '', 'plain']);
  assert.deepEqual([t.reactions, t.attachments, t.mentions], [[], [], []]);
  assert.match(t.deletedAt, /Z$/);
  assert.equal(t.editedAt, undefined);
  assert.equal(t.replyTo, undefined, 'nothing of what it said remains');
  assert.deepEqual(await got, t);
  assert.deepEqual(await ack(alice, 'delete_message', { conversationId: conv, messageId: reply.id }), { ok: true, message: t }, 'deleting again takes no rev');
  assert.equal(errorCode(await ack(alice, 'edit_message', { conversationId: conv, messageId: reply.id, content: 'back' })), 'GONE');
  assert.equal(errorCode(await ack(bob, 'set_reaction', { conversationId: conv, messageId: reply.id, emoji: '👍', on: true })), 'GONE');
  assert.equal(errorCode(await ack(bob, 'set_reaction', { conversationId: conv, messageId: reply.id, emoji: '👍', on: false })), 'GONE');
  await sleep(QUIET_MS);
  assert.equal(bobUpdates.length, 1);
  const stored = (await page('bob', `/api/conversations/${conv}/messages?direction=after&cursor=${reply.seq - 1}&limit=1`)).data[0];
  assert.deepEqual(stored, t, 'the tombstone keeps its place in the history');
  assert.equal(errorCode(await ack(alice, 'delete_message', { conversationId: conv, messageId: uuid() })), 'NOT_FOUND');
  assert.equal(errorCode(await ack(alice, 'delete_message', { conversationId: conv })), 'BAD_REQUEST');
  const carol = await connectAs(server, 'carol');
  assert.equal(errorCode(await ack(carol, 'delete_message', { conversationId: conv, messageId: original.id })), 'FORBIDDEN');
});

test("delete in a group: the admin deletes anyone's message, a member only their own", async () => {
  const conv = await newConversation('alice', ['bob', 'carol']); // alice is its admin
  const alice = await connectAs(server, 'alice');
  const bob = await connectAs(server, 'bob');
  const carol = await connectAs(server, 'carol');
  const ofCarol = await send(carol, conv, 'from carol');
  const ofBob = await send(bob, conv, 'from bob');
  const ofAlice = await send(alice, conv, 'from alice');
  assert.equal(errorCode(await ack(bob, 'delete_message', { conversationId: conv, messageId: ofCarol.id })), 'FORBIDDEN');
  assert.equal(errorCode(await ack(bob, 'delete_message', { conversationId: conv, messageId: ofAlice.id })), 'FORBIDDEN');
  const carolSees = nextEvent(carol, 'message_updated', (m) => m.id === ofCarol.id);
  const byAdmin = await ack(alice, 'delete_message', { conversationId: conv, messageId: ofCarol.id });
  assert.ok(byAdmin.message.deletedAt);
  assert.deepEqual(await carolSees, byAdmin.message);
  assert.ok((await ack(bob, 'delete_message', { conversationId: conv, messageId: ofBob.id })).message.deletedAt);
  // Deleting the newest message changes the conversation's lastMessage.
  const updated = nextEvent(bob, 'conversation_updated', (c) => c.id === conv && c.lastMessage.deletedAt);
  await ack(alice, 'delete_message', { conversationId: conv, messageId: ofAlice.id });
  assert.equal((await updated).lastMessage.content, '');
});

test('reactions: toggled per user, ordered by first reaction, idempotent, never an edit', async () => {
  const conv = await newConversation('alice', ['bob', 'carol']);
  const alice = await connectAs(server, 'alice');
  const bob = await connectAs(server, 'bob');
  const m = await send(alice, conv, 'react to me');
  const react = (socket, emoji, on = true) => ack(socket, 'set_reaction', { conversationId: conv, messageId: m.id, emoji, on });
  const bobUpdates = record(bob, 'message_updated');
  // m is the newest message: its reactions show in the conversation's lastMessage.
  const updated = nextEvent(bob, 'conversation_updated', (c) => c.id === conv && c.lastMessage.reactions.length === 1);
  const first = await react(alice, '🎉');
  assert.deepEqual((await updated).lastMessage, first.message);
  assert.deepEqual(first.message.reactions, [{ emoji: '🎉', count: 1, userIds: ['alice'] }]);
  assert.equal(first.message.rev, m.rev + 1);
  assert.equal(first.message.editedAt, undefined, 'a reaction is not an edit');
  assert.deepEqual(await react(alice, '🎉'), first, 'on again changes nothing');
  assert.deepEqual(await react(bob, '👍', false), first, 'off when not set changes nothing');
  await react(bob, '👍');
  const both = await react(bob, '🎉');
  assert.deepEqual(both.message.reactions, [{ emoji: '🎉', count: 2, userIds: ['alice', 'bob'] }, { emoji: '👍', count: 1, userIds: ['bob'] }]);
  await react(alice, '🎉', false);
  const gone = await react(bob, '🎉', false);
  assert.deepEqual(gone.message.reactions, [{ emoji: '👍', count: 1, userIds: ['bob'] }], 'the last user off removes the emoji');
  const back = await react(alice, '🎉');
  assert.deepEqual(back.message.reactions.map((r) => r.emoji), ['👍', '🎉'], 'a returning emoji counts from its new first reaction');
  assert.equal(back.message.rev, m.rev + 6);
  await sleep(QUIET_MS);
  assert.deepEqual(bobUpdates.map((u) => u.rev), [m.rev + 1, m.rev + 2, m.rev + 3, m.rev + 4, m.rev + 5, m.rev + 6], 'one message_updated per change, in rev order');
  assert.deepEqual(bobUpdates.at(-1), back.message);

  // Payloads: one emoji, 1 to 32 bytes, no letters or digits.
  for (const emoji of ['a', 'ok', '👍a', 'a👍', '1️⃣', '7', ' ', '👍 ', '', '👍👍', '!', '\u0000', '😀'.repeat(9), 42, null, undefined]) {
    assert.equal(errorCode(await react(alice, emoji)), 'BAD_REQUEST', `emoji ${JSON.stringify(emoji)}`);
  }
  for (const on of ['true', 1, null, undefined]) {
    assert.equal(errorCode(await ack(alice, 'set_reaction', { conversationId: conv, messageId: m.id, emoji: '👍', on })), 'BAD_REQUEST', `on ${on}`);
  }
  for (const emoji of ['👍🏽', '🇺🇦', '👨‍👩‍👧', '❤️', '#️⃣', '🏴󠁧󠁢󠁥󠁮󠁧󠁿']) assert.equal((await react(alice, emoji)).ok, true, emoji);
  const carol = await connectAs(server, 'carol');
  assert.equal(errorCode(await ack(carol, 'set_reaction', { conversationId: 'dm-alice-bob', messageId: m.id, emoji: '👍', on: true })), 'FORBIDDEN');
  assert.equal(errorCode(await ack(carol, 'set_reaction', { conversationId: conv, messageId: uuid(), emoji: '👍', on: true })), 'NOT_FOUND');
});

test('at most 20 different emoji on a message: the 21st is refused, more users on one of the 20 are not', async () => {
  const conv = await newConversation('alice', ['bob']);
  const alice = await connectAs(server, 'alice');
  const bob = await connectAs(server, 'bob');
  const m = await send(alice, conv, 'many reactions');
  const emoji = ['😀', '😁', '😂', '🤣', '😃', '😄', '😅', '😆', '😉', '😊', '😋', '😎', '😍', '😘', '🥰', '😗', '😙', '😚', '🙂', '🤗', '🤩'];
  for (const e of emoji.slice(0, 20)) assert.equal((await ack(alice, 'set_reaction', { conversationId: conv, messageId: m.id, emoji: e, on: true })).ok, true);
  const refused = await ack(bob, 'set_reaction', { conversationId: conv, messageId: m.id, emoji: emoji[20], on: true });
  assert.equal(errorCode(refused), 'BAD_REQUEST');
  const more = await ack(bob, 'set_reaction', { conversationId: conv, messageId: m.id, emoji: emoji[0], on: true });
  assert.equal(more.message.reactions.length, 20);
  assert.deepEqual(more.message.reactions.map((r) => r.emoji), emoji.slice(0, 20));
  assert.deepEqual(more.message.reactions[0], { emoji: emoji[0], count: 2, userIds: ['alice', 'bob'] });
});

test('replies: replyTo must be a message of the same conversation; replyPreview is a snapshot when served', async () => {
  const conv = await newConversation('alice', ['bob']);
  const alice = await connectAs(server, 'alice');
  const bob = await connectAs(server, 'bob');
  const elsewhere = await send(alice, 'dm-alice-carol', 'not here');
  for (const replyTo of [elsewhere.id, uuid(), 42, '']) {
    assert.equal(errorCode(await ack(alice, 'send_message', { conversationId: conv, clientId: uuid(), content: 'x', replyTo })), 'BAD_REQUEST', `replyTo ${replyTo}`);
  }
  const long = '😀'.repeat(100) + 'x'.repeat(100); // 200 characters, 300 UTF-16 units
  const original = await send(bob, conv, long);
  const got = nextEvent(bob, 'message_received', (m) => m.content === 'quoting');
  const reply = await send(alice, conv, 'quoting', { replyTo: original.id });
  assert.equal(reply.replyTo, original.id);
  assert.deepEqual(reply.replyPreview, {
    messageId: original.id, seq: original.seq, senderId: 'bob', senderName: 'Bob Example', snippet: '😀'.repeat(100) + 'x'.repeat(40), deleted: false,
  });
  assert.deepEqual(await got, reply);
  // The original is edited, then deleted: each served copy of the reply shows its state then.
  await ack(bob, 'edit_message', { conversationId: conv, messageId: original.id, content: 'short now' });
  let served = (await page('alice', `/api/conversations/${conv}/messages`)).data.find((m) => m.id === reply.id);
  assert.equal(served.replyPreview.snippet, 'short now');
  await ack(bob, 'delete_message', { conversationId: conv, messageId: original.id });
  served = (await page('alice', `/api/conversations/${conv}/messages`)).data.find((m) => m.id === reply.id);
  assert.deepEqual(served.replyPreview, { messageId: original.id, seq: original.seq, senderId: 'bob', senderName: 'Bob Example', snippet: '', deleted: true });
  assert.equal(served.rev, reply.rev, 'the reply itself did not change');
  // A reply to a tombstone is still a reply to a message of this conversation.
  const late = await send(alice, conv, 'replying late', { replyTo: original.id });
  assert.equal(late.replyPreview.deleted, true);
});

test('changes?since=: every change once, ascending by rev, paged by rev; only for participants', async () => {
  const conv = await newConversation('alice', ['bob', 'carol']);
  const alice = await connectAs(server, 'alice');
  const bob = await connectAs(server, 'bob');
  const sent = [];
  for (let i = 0; i < 6; i += 1) sent.push(await send(i % 2 ? bob : alice, conv, `m${i}`));
  await ack(alice, 'edit_message', { conversationId: conv, messageId: sent[0].id, content: 'm0 edited' });
  await ack(bob, 'set_reaction', { conversationId: conv, messageId: sent[2].id, emoji: '👍', on: true });
  await ack(bob, 'delete_message', { conversationId: conv, messageId: sent[3].id });
  await ack(alice, 'edit_message', { conversationId: conv, messageId: sent[0].id, content: 'm0 edited twice' });
  const all = await page('carol', `/api/conversations/${conv}/changes?since=0`);
  // sent[0] changed last (rev 10), sent[3] at 9, sent[2] at 8; the others kept their own rev.
  assert.deepEqual(all.data.map((m) => [m.seq, m.rev]), [[2, 2], [5, 5], [6, 6], [3, 8], [4, 9], [1, 10]]);
  assert.deepEqual(all.pagination, { hasMore: false, cursor: 10 });
  assert.equal(all.data.at(-1).content, 'm0 edited twice');
  assert.equal(await conversationRev('carol', conv), 10);
  const since = await page('carol', `/api/conversations/${conv}/changes?since=6`);
  assert.deepEqual(since.data.map((m) => m.rev), [8, 9, 10]);
  // Paging with limit=2 walks the same list.
  const walked = [];
  let cursor = 0;
  for (let i = 0; i < 10; i += 1) {
    const p = await page('carol', `/api/conversations/${conv}/changes?since=${cursor}&limit=2`);
    walked.push(...p.data);
    assert.ok(p.data.length <= 2);
    cursor = p.pagination.cursor;
    if (!p.pagination.hasMore) break;
  }
  assert.deepEqual(walked, all.data);
  assert.deepEqual(await page('carol', `/api/conversations/${conv}/changes?since=10`), { success: true, data: [], pagination: { hasMore: false, cursor: 10 } });
  assert.deepEqual((await page('carol', `/api/conversations/${conv}/changes?since=99`)).pagination.cursor, 99);
  for (const query of ['since=-1', 'since=x', 'since=1.5', 'limit=0', 'limit=x']) {
    const r = await api(server, tokens.carol, 'GET', `/api/conversations/${conv}/changes?${query}`);
    assert.equal(r.status, 400, query);
    assert.equal(r.json.error.code, 'BAD_REQUEST');
  }
  assert.equal((await api(server, tokens.carol, 'GET', '/api/conversations/dm-alice-bob/changes?since=0')).status, 403);
  assert.equal((await api(server, tokens.carol, 'GET', '/api/conversations/no-such/changes?since=0')).status, 404);
  assert.equal((await api(server, tokens.carol, 'POST', `/api/conversations/${conv}/changes`, {})).status, 405);
});

test('messages?around=SEQ: ascending by seq, the message at around included, about half before', async () => {
  const conv = await newConversation('alice', ['bob']);
  const alice = await connectAs(server, 'alice');
  for (let i = 1; i <= 10; i += 1) await send(alice, conv, `n${i}`);
  const seqs = async (query) => {
    const p = await page('bob', `/api/conversations/${conv}/messages?${query}`);
    return [p.data.map((m) => m.seq), p.pagination];
  };
  assert.deepEqual(await seqs('around=5&limit=4'), [[3, 4, 5, 6], { hasMoreBefore: true, hasMoreAfter: true }]);
  assert.deepEqual(await seqs('around=5&limit=5'), [[3, 4, 5, 6, 7], { hasMoreBefore: true, hasMoreAfter: true }]);
  assert.deepEqual(await seqs('around=1&limit=4'), [[1, 2, 3, 4], { hasMoreBefore: false, hasMoreAfter: true }]);
  assert.deepEqual(await seqs('around=10&limit=4'), [[7, 8, 9, 10], { hasMoreBefore: true, hasMoreAfter: false }]);
  assert.deepEqual(await seqs('around=9&limit=4'), [[7, 8, 9, 10], { hasMoreBefore: true, hasMoreAfter: false }]);
  assert.deepEqual(await seqs('around=3'), [[1, 2, 3, 4, 5, 6, 7, 8, 9, 10], { hasMoreBefore: false, hasMoreAfter: false }]);
  assert.deepEqual(await seqs('around=3&limit=1'), [[3], { hasMoreBefore: true, hasMoreAfter: true }]);
  for (const query of ['around=0', 'around=x', 'around=', 'around=-2', 'around=3&cursor=2', 'around=3&direction=after', 'around=3&limit=0']) {
    const r = await api(server, tokens.bob, 'GET', `/api/conversations/${conv}/messages?${query}`);
    assert.equal(r.status, 400, query);
  }
  assert.equal((await api(server, tokens.carol, 'GET', `/api/conversations/${conv}/messages?around=3`)).status, 403);
});

test('EDIT_WINDOW_S: an edit after the window is EDIT_WINDOW_CLOSED (the same text again is still answered); delete is not limited; actions spend the message rate', async () => {
  const windowed = await startServer({ EDIT_WINDOW_S: '1', MESSAGE_RATE_BURST: '8', MESSAGE_RATE_PER_SEC: '0.01' });
  try {
    const alice = await connectAs(windowed, 'alice');
    const send1 = await ack(alice, 'send_message', { conversationId: 'dm-alice-bob', clientId: uuid(), content: 'edit me soon' });
    const early = await ack(alice, 'edit_message', { conversationId: 'dm-alice-bob', messageId: send1.message.id, content: 'edited in time' });
    assert.equal(early.ok, true);
    await sleep(1300);
    const late = await ack(alice, 'edit_message', { conversationId: 'dm-alice-bob', messageId: send1.message.id, content: 'too late' });
    assert.equal(errorCode(late), 'EDIT_WINDOW_CLOSED');
    assert.deepEqual(await ack(alice, 'edit_message', { conversationId: 'dm-alice-bob', messageId: send1.message.id, content: 'edited in time' }), early,
      'a resent edit that is already so is answered after the window too');
    const deleted = await ack(alice, 'delete_message', { conversationId: 'dm-alice-bob', messageId: send1.message.id });
    assert.ok(deleted.message.deletedAt);
    // Every action spends from the sender's message bucket (8 here): 5 are spent.
    const onTombstone = await ack(alice, 'set_reaction', { conversationId: 'dm-alice-bob', messageId: send1.message.id, emoji: '👍', on: true });
    assert.equal(errorCode(onTombstone), 'GONE'); // 6
    const target = await ack(alice, 'send_message', { conversationId: 'dm-alice-bob', clientId: uuid(), content: 'react here' }); // 7
    const toggle = (on) => ack(alice, 'set_reaction', { conversationId: 'dm-alice-bob', messageId: target.message.id, emoji: '👍', on });
    assert.equal((await toggle(true)).ok, true); // 8
    const limited = await toggle(false);
    assert.equal(errorCode(limited), 'RATE_LIMITED');
    assert.ok(limited.error.retryAfter >= 1);
    windowed.assertQuiet();
  } finally {
    closeAll();
    await windowed.stop();
  }
});

// The tables of a version 1 server (schema versions 1 and 2), filled as that server did.
function writeVersion1Database(file) {
  const db = new Database(file);
  for (const sql of schemaOfVersion(2)) db.exec(sql);
  db.pragma('user_version = 2');
  const at = (s) => `2026-01-01T10:00:${String(s).padStart(2, '0')}.000Z`;
  for (const [id, name] of [['dora', 'Dora Old'], ['eric', 'Eric Old']]) {
    db.prepare('INSERT INTO users (id, login, name, createdAt) VALUES (?, ?, ?, ?)').run(id, id, name, at(0));
  }
  db.prepare("INSERT INTO conversations (id, type, directKey, lastSeq, createdAt, updatedAt) VALUES ('old-dm', 'direct', 'dora|eric', 3, ?, ?)").run(at(0), at(3));
  for (const id of ['dora', 'eric']) db.prepare("INSERT INTO participants (conversationId, userId, role, joinedAt) VALUES ('old-dm', ?, 'member', ?)").run(id, at(0));
  const insert = db.prepare(`INSERT INTO messages (id, conversationId, seq, clientId, senderId, content, type, replyTo, timestamp)
                             VALUES (?, 'old-dm', ?, ?, ?, ?, 'text', ?, ?)`);
  insert.run('old-1', 1, 'c1', 'dora', 'first, from version 1', null, at(1));
  insert.run('old-2', 2, 'c2', 'eric', 'second', null, at(2));
  insert.run('old-3', 3, 'c3', 'dora', 'a version 1 reply', 'old-1', at(3));
  db.close();
}

test('a version 1 database migrates at start: rev = seq, Conversation.rev = lastSeq; an acked change survives SIGKILL', async () => {
  const dir = tempDir();
  const file = path.join(dir, 'chat.db');
  writeVersion1Database(file);
  const env = { SEED_DEMO: '0' };
  const first = await startServer(env, { dir });
  let second;
  try {
    const token = await first.token('dora');
    const history = await api(first, token, 'GET', '/api/conversations/old-dm/messages');
    assert.deepEqual(history.json.data.map((m) => [m.seq, m.rev, m.format, m.reactions.length]), [[1, 1, 'plain', 0], [2, 2, 'plain', 0], [3, 3, 'plain', 0]]);
    assert.deepEqual(history.json.data[2].replyPreview, { messageId: 'old-1', seq: 1, senderId: 'dora', senderName: 'Dora Old', snippet: 'first, from version 1', deleted: false });
    const dora = await connectAs(first, 'dora');
    assert.equal((await ack(dora, 'join_conversation', { conversationId: 'old-dm' })).conversation.rev, 3);
    const next = await ack(dora, 'send_message', { conversationId: 'old-dm', clientId: uuid(), content: 'from version 2' });
    assert.deepEqual([next.message.seq, next.message.rev], [4, 4]);
    const edited = await ack(dora, 'set_reaction', { conversationId: 'old-dm', messageId: 'old-1', emoji: '👍', on: true });
    assert.equal(edited.message.rev, 5);
    assert.equal(errorCode(await ack(dora, 'edit_message', { conversationId: 'old-dm', messageId: 'old-1', content: 'x' })), 'EDIT_WINDOW_CLOSED', 'sent in January');
    first.child.kill('SIGKILL'); // right after the ack
    await within(first.exited, WAIT_TIMEOUT_MS, 'the SIGKILLed server to exit', first);
    closeAll();

    second = await startServer(env, { dir });
    const changes = await api(second, token, 'GET', '/api/conversations/old-dm/changes?since=3');
    assert.deepEqual(changes.json.data.map((m) => [m.id, m.rev]), [[next.message.id, 4], ['old-1', 5]]);
    assert.deepEqual(changes.json.data[1], edited.message);
  } finally {
    closeAll();
    if (first.child.exitCode === null && first.child.signalCode === null) await first.stop();
    await second?.stop();
  }
  const db = new Database(file, { readonly: true });
  try {
    assert.equal(db.pragma('user_version', { simple: true }), SCHEMA_VERSION);
  } finally {
    db.close();
  }
});
