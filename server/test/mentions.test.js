// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// Contract v2 mentions and notification settings against a real server process:
// send_message `mentions`, Message.mentions, Conversation.unreadMentionCount moving with
// mark_read and deletes, Conversation.settings and PUT …/settings with its
// conversation_updated to the caller's own devices only.
import assert from 'node:assert/strict';
import { test, sharedServer, connectAs, ack, nextEvent, record, sleep, uuid, api, createConversation, sendMessage as send } from './helpers.js';

const QUIET_MS = 250; // how long "nothing else arrives" is watched for

let server;
let tokens;
sharedServer({ MESSAGE_RATE_BURST: '100000', MESSAGE_RATE_PER_SEC: '100000' }, (s, t) => { server = s; tokens = t; });

const newConversation = (creator, others) => createConversation(server, tokens[creator], others);

// The conversation as `user` sees it through REST.
async function view(user, conversationId) {
  const r = await api(server, tokens[user], 'GET', '/api/conversations?limit=200');
  assert.equal(r.status, 200, r.text);
  const conversation = r.json.data.find((c) => c.id === conversationId);
  assert.ok(conversation, `${user} sees ${conversationId}`);
  return conversation;
}

async function putSettings(user, conversationId, body) {
  return api(server, tokens[user], 'PUT', `/api/conversations/${conversationId}/settings`, body);
}

test('send_message takes mentions: each a participant, repeats counted once; Message.mentions is served everywhere', async () => {
  const conv = await newConversation('alice', ['bob', 'carol']);
  const small = await newConversation('alice', ['bob']);
  const alice = await connectAs(server, 'alice');
  const bob = await connectAs(server, 'bob');
  const received = nextEvent(bob, 'message_received', (m) => m.conversationId === conv);
  const message = await send(alice, conv, '@Bob @Carol look', { mentions: ['bob', 'carol', 'bob'] });
  assert.deepEqual(message.mentions, ['bob', 'carol']);
  assert.deepEqual(await received, message);
  const history = await api(server, tokens.carol, 'GET', `/api/conversations/${conv}/messages`);
  assert.deepEqual(history.json.data.at(-1), message);
  assert.deepEqual((await send(alice, conv, 'nobody')).mentions, []);
  const refusals = {
    'not a participant': ['carol'],
    'unknown user': ['nobody-at-all'],
    'not a list': 'bob',
    'not ids': [7],
    'too many': Array.from({ length: 101 }, (_, i) => `u${i}`),
  };
  for (const [why, mentions] of Object.entries(refusals)) {
    const r = await ack(alice, 'send_message', { conversationId: small, clientId: uuid(), content: 'hi', mentions });
    assert.deepEqual([r.ok, r.error?.code], [false, 'BAD_REQUEST'], why);
  }
  const rest = await api(server, tokens.bob, 'POST', `/api/conversations/${conv}/messages`, { clientId: uuid(), content: 'hey @Alice', mentions: ['alice'] });
  assert.deepEqual([rest.status, rest.json.data.mentions], [201, ['alice']]);
});

test('unreadMentionCount counts the unread messages that mention the viewer, and clears as the read marker moves', async () => {
  const conv = await newConversation('alice', ['bob', 'carol']);
  const alice = await connectAs(server, 'alice');
  const bob = await connectAs(server, 'bob');
  const first = await send(alice, conv, '@Bob one', { mentions: ['bob'] });
  await send(alice, conv, 'no mention');
  const updated = nextEvent(bob, 'conversation_updated', (c) => c.id === conv && c.lastSeq === 3);
  const third = await send(alice, conv, '@Bob @Carol three', { mentions: ['bob', 'carol'] });
  const pushed = await updated;
  assert.deepEqual([pushed.unreadCount, pushed.unreadMentionCount], [3, 2], 'conversation_updated carries the viewer\'s count');
  assert.deepEqual([(await view('bob', conv)).unreadMentionCount, (await view('carol', conv)).unreadMentionCount, (await view('alice', conv)).unreadMentionCount], [2, 1, 0]);
  const joined = await ack(bob, 'join_conversation', { conversationId: conv });
  assert.equal(joined.conversation.unreadMentionCount, 2);

  const afterRead = nextEvent(bob, 'conversation_updated', (c) => c.id === conv && c.unreadCount === 2);
  await ack(bob, 'mark_read', { conversationId: conv, upToSeq: first.seq });
  assert.equal((await afterRead).unreadMentionCount, 1);
  await ack(bob, 'mark_read', { conversationId: conv, messageIds: [third.id] });
  assert.equal((await view('bob', conv)).unreadMentionCount, 0);

  // A deleted message mentions nobody any more.
  assert.equal((await view('carol', conv)).unreadMentionCount, 1);
  const deleted = await ack(alice, 'delete_message', { conversationId: conv, messageId: third.id });
  assert.deepEqual(deleted.message.mentions, []);
  assert.equal((await view('carol', conv)).unreadMentionCount, 0);
  // Mentioning oneself never counts: sending reads up to one's own message.
  await send(bob, conv, 'note to @Bob', { mentions: ['bob'] });
  assert.equal((await view('bob', conv)).unreadMentionCount, 0);
});

test('settings: {notify: "all"} by default, per user; PUT answers the Conversation and tells only the caller\'s own devices', async () => {
  const conv = await newConversation('alice', ['bob']);
  assert.deepEqual((await view('bob', conv)).settings, { notify: 'all' });
  const bobLaptop = await connectAs(server, 'bob');
  const bobPhone = await connectAs(server, 'bob');
  const alice = await connectAs(server, 'alice');
  const aliceUpdates = record(alice, 'conversation_updated');
  await ack(bobPhone, 'join_conversation', { conversationId: conv });
  const phoneUpdates = record(bobPhone, 'conversation_updated');
  const synced = nextEvent(bobLaptop, 'conversation_updated', (c) => c.id === conv);

  const r = await putSettings('bob', conv, { notify: 'mentions', mutedUntil: '2031-05-01T12:00:00+02:00' });
  assert.equal(r.status, 200, r.text);
  assert.deepEqual(r.json.data.settings, { notify: 'mentions', mutedUntil: '2031-05-01T10:00:00.000Z' });
  assert.equal(r.json.data.id, conv);
  assert.deepEqual(await synced, r.json.data, 'the other device gets the same Conversation');
  await sleep(QUIET_MS);
  // (of this conversation: another test's conversations may still announce their last messages)
  assert.equal(phoneUpdates.filter((c) => c.id === conv).length, 1, 'one conversation_updated per device');
  assert.deepEqual(aliceUpdates.filter((c) => c.id === conv), [], 'nobody else hears of it');
  assert.deepEqual((await view('alice', conv)).settings, { notify: 'all' }, 'settings are the caller\'s own');
  assert.deepEqual((await view('bob', conv)).settings, { notify: 'mentions', mutedUntil: '2031-05-01T10:00:00.000Z' });

  // One field at a time; the other stays. mutedUntil null unmutes (the field goes).
  assert.deepEqual((await putSettings('bob', conv, { notify: 'none' })).json.data.settings, { notify: 'none', mutedUntil: '2031-05-01T10:00:00.000Z' });
  assert.deepEqual((await putSettings('bob', conv, { mutedUntil: null })).json.data.settings, { notify: 'none' });
  // The same again changes nothing and sends nothing.
  await sleep(QUIET_MS);
  const ofConv = () => phoneUpdates.filter((c) => c.id === conv).length;
  const before = ofConv();
  assert.equal((await putSettings('bob', conv, { notify: 'none', mutedUntil: null })).status, 200);
  await sleep(QUIET_MS);
  assert.equal(ofConv(), before);
  // Settings stay through new messages and their conversation_updated.
  const next = nextEvent(bobLaptop, 'conversation_updated', (c) => c.id === conv && c.lastSeq === 1);
  await send(alice, conv, 'hello');
  assert.deepEqual((await next).settings, { notify: 'none' });
});

test('PUT …/settings is checked: at least one known field, a known level, an ISO time with a zone; participants only', async () => {
  const conv = await newConversation('alice', ['bob']);
  const bad = [
    {},
    { other: 1 },
    { notify: 'loud' },
    { notify: 'ALL' },
    { notify: null },
    { mutedUntil: 'tomorrow' },
    { mutedUntil: 1767225600000 },
    { mutedUntil: '2031-05-01' },
    { mutedUntil: '2031-05-01T10:00:00' },
    { mutedUntil: '2031-13-45T10:00:00Z' },
    [],
  ];
  for (const body of bad) {
    const r = await putSettings('bob', conv, body);
    assert.deepEqual([r.status, r.json.error.code], [400, 'BAD_REQUEST'], JSON.stringify(body));
  }
  assert.equal((await api(server, tokens.bob, 'PUT', `/api/conversations/${conv}/settings`, 'not json')).status, 400);
  const outsider = await putSettings('carol', conv, { notify: 'none' });
  assert.deepEqual([outsider.status, outsider.json.error.code], [403, 'FORBIDDEN']);
  assert.equal((await putSettings('bob', 'no-such-conversation', { notify: 'none' })).status, 404);
  assert.equal((await api(server, null, 'PUT', `/api/conversations/${conv}/settings`, { notify: 'none' })).status, 401);
  assert.deepEqual((await view('bob', conv)).settings, { notify: 'all' }, 'nothing was changed by a refusal');
});

test('every Conversation carries unreadMentionCount and settings', async () => {
  const r = await api(server, tokens.carol, 'GET', '/api/conversations');
  for (const conversation of r.json.data) {
    assert.equal(typeof conversation.unreadMentionCount, 'number', conversation.id);
    assert.ok(['all', 'mentions', 'none'].includes(conversation.settings.notify), conversation.id);
  }
  const created = await api(server, tokens.carol, 'POST', '/api/conversations', { type: 'direct', participantIds: ['bob'] });
  assert.deepEqual([created.json.data.unreadMentionCount, created.json.data.settings], [0, { notify: 'all' }]);
});
