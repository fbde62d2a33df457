// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// REST API: users, conversations (creation, direct dedup, pagination) and messages
// (cursor pagination in both directions, sending), with their error statuses.
import { before, after } from 'node:test';
import assert from 'node:assert/strict';
import { test, startServer, api, fetchWithin, uuid, connectAs, nextEvent, closeAll, hookOptions } from './helpers.js';

let server;
let alice;
let bob;
let carol;
before(async () => {
  server = await startServer();
  [alice, bob, carol] = await Promise.all(['alice', 'bob', 'carol'].map((u) => server.token(u)));
}, hookOptions);
after(async () => { closeAll(); await server?.stop(); server?.assertQuiet(); }, hookOptions);

test('GET /api/me and /api/users', async () => {
  const me = await api(server, bob, 'GET', '/api/me');
  assert.deepEqual(me.json, { success: true, data: { id: 'bob', name: 'Bob Example' } });
  const all = await api(server, bob, 'GET', '/api/users');
  assert.deepEqual(all.json.data.map((u) => u.id), ['alice', 'bob', 'carol']);
  const found = await api(server, bob, 'GET', '/api/users?query=car&limit=5');
  assert.deepEqual(found.json.data, [{ id: 'carol', name: 'Carol Example' }]);
  const wildcard = await api(server, bob, 'GET', '/api/users?query=%25');
  assert.deepEqual(wildcard.json.data, [], '% is matched literally');
  const one = await api(server, bob, 'GET', '/api/users?limit=1');
  assert.equal(one.json.data.length, 1);
  for (const bad of ['0', '-1', 'x', '1.5']) {
    const r = await api(server, bob, 'GET', `/api/users?limit=${bad}`);
    assert.equal(r.status, 400, `limit=${bad}`);
    assert.equal(r.json.success, false);
    assert.equal(r.json.error.code, 'BAD_REQUEST');
  }
  assert.equal((await api(server, bob, 'GET', '/api/users?limit=100000')).status, 200, 'a big limit is capped, not refused');
});

test('conversations: list with cursor pagination, direct dedup, groups, and refusals', async () => {
  const list = await api(server, alice, 'GET', '/api/conversations');
  assert.equal(list.status, 200);
  assert.deepEqual(list.json.data.map((c) => c.id).sort(), ['dm-alice-bob', 'dm-alice-carol', 'group-ring']);
  const c = list.json.data.find((x) => x.id === 'group-ring');
  assert.equal(c.title, 'Ring team');
  assert.equal(c.lastMessage.seq, c.lastSeq);
  for (const field of ['participants', 'unreadCount', 'createdAt', 'updatedAt']) assert.ok(field in c, field);
  assert.deepEqual(list.json.pagination, { hasMore: false, cursor: null });

  // a page of one at a time walks all of them, newest first, each once
  const seen = [];
  let cursor = null;
  for (let i = 0; i < 5; i += 1) {
    const page = await api(server, alice, 'GET', `/api/conversations?limit=1${cursor ? `&cursor=${cursor}` : ''}`);
    seen.push(...page.json.data.map((x) => x.id));
    if (!page.json.pagination.hasMore) break;
    cursor = page.json.pagination.cursor;
  }
  assert.deepEqual(seen, list.json.data.map((x) => x.id));
  assert.equal((await api(server, alice, 'GET', '/api/conversations?cursor=@@@')).status, 400);

  // direct: the existing pair is returned, not created twice
  const again = await api(server, alice, 'POST', '/api/conversations', { type: 'direct', participantIds: ['bob'] });
  assert.equal(again.status, 201);
  assert.equal(again.json.data.id, 'dm-alice-bob');
  const fromBob = await api(server, bob, 'POST', '/api/conversations', { type: 'direct', participantIds: ['alice', 'bob'] });
  assert.equal(fromBob.json.data.id, 'dm-alice-bob');

  // a new group is announced to its members
  const carolSocket = await connectAs(server, 'carol');
  const announced = nextEvent(carolSocket, 'conversation_updated', (x) => x.title === 'Weekend');
  const group = await api(server, bob, 'POST', '/api/conversations', { type: 'group', participantIds: ['carol'], title: ' Weekend ' });
  assert.equal(group.status, 201);
  assert.equal(group.json.data.type, 'group');
  assert.equal(group.json.data.title, 'Weekend');
  assert.equal(group.json.data.lastSeq, 0);
  assert.deepEqual(group.json.data.participants.map((p) => [p.userId, p.role]), [['bob', 'admin'], ['carol', 'member']].sort());
  assert.equal((await announced).id, group.json.data.id);
  const aliceView = await api(server, alice, 'GET', `/api/conversations/${group.json.data.id}/messages`);
  assert.equal(aliceView.status, 403);
  assert.equal(aliceView.json.error.code, 'FORBIDDEN');

  const refusals = [
    { type: 'direct', participantIds: ['bob', 'carol'] },
    { type: 'direct', participantIds: ['alice'] },
    { type: 'direct', participantIds: ['nobody'] },
    { type: 'group', participantIds: [] },
    { type: 'channel', participantIds: ['bob'] },
    { type: 'group', participantIds: ['bob'], title: 'x'.repeat(201) },
    { type: 'group', participantIds: ['bad id!'] },
    { type: 'group', participantIds: 'bob' },
    [],
    'text',
  ];
  for (const body of refusals) {
    const r = await api(server, alice, 'POST', '/api/conversations', body);
    assert.equal(r.status, 400, JSON.stringify(body));
    assert.equal(r.json.error.code, 'BAD_REQUEST');
  }
  assert.equal((await api(server, alice, 'POST', '/api/conversations', '{not json')).status, 400);
});

test('messages: cursor pagination in both directions, ascending, with edges', async () => {
  const { json: created } = await api(server, alice, 'POST', '/api/conversations', { type: 'group', participantIds: ['bob'], title: 'pages' });
  const id = created.data.id;
  const empty = await api(server, alice, 'GET', `/api/conversations/${id}/messages`);
  assert.deepEqual(empty.json, { success: true, data: [], pagination: { hasMore: false, cursor: null } });
  const sent = [];
  for (let i = 1; i <= 7; i += 1) {
    const r = await api(server, i % 2 ? alice : bob, 'POST', `/api/conversations/${id}/messages`, { clientId: uuid(), content: `m${i}` });
    assert.equal(r.status, 201);
    sent.push(r.json.data);
  }
  assert.deepEqual(sent.map((m) => m.seq), [1, 2, 3, 4, 5, 6, 7]);
  const seqs = (r) => r.json.data.map((m) => m.seq);

  const latest = await api(server, bob, 'GET', `/api/conversations/${id}/messages?limit=3`);
  assert.deepEqual(seqs(latest), [5, 6, 7]);
  assert.deepEqual(latest.json.pagination, { hasMore: true, cursor: 5 });
  const older = await api(server, bob, 'GET', `/api/conversations/${id}/messages?limit=3&cursor=5&direction=before`);
  assert.deepEqual(seqs(older), [2, 3, 4]);
  assert.deepEqual(older.json.pagination, { hasMore: true, cursor: 2 });
  const oldest = await api(server, bob, 'GET', `/api/conversations/${id}/messages?limit=3&cursor=2`);
  assert.deepEqual(seqs(oldest), [1]);
  assert.equal(oldest.json.pagination.hasMore, false);
  const none = await api(server, bob, 'GET', `/api/conversations/${id}/messages?limit=3&cursor=1`);
  assert.deepEqual(seqs(none), []);
  assert.equal(none.json.pagination.hasMore, false);

  const after0 = await api(server, bob, 'GET', `/api/conversations/${id}/messages?direction=after&cursor=0&limit=4`);
  assert.deepEqual(seqs(after0), [1, 2, 3, 4]);
  assert.deepEqual(after0.json.pagination, { hasMore: true, cursor: 4 });
  const after4 = await api(server, bob, 'GET', `/api/conversations/${id}/messages?direction=after&cursor=4&limit=4`);
  assert.deepEqual(seqs(after4), [5, 6, 7]);
  assert.deepEqual(after4.json.pagination, { hasMore: false, cursor: 7 });
  const atEnd = await api(server, bob, 'GET', `/api/conversations/${id}/messages?direction=after&cursor=7`);
  assert.deepEqual(atEnd.json, { success: true, data: [], pagination: { hasMore: false, cursor: 7 } });
  const exact = await api(server, bob, 'GET', `/api/conversations/${id}/messages?direction=after&cursor=0&limit=7`);
  assert.deepEqual(exact.json.pagination, { hasMore: false, cursor: 7 }, 'a page that ends exactly at the end has no more');
  const all = await api(server, bob, 'GET', `/api/conversations/${id}/messages?limit=200`);
  assert.deepEqual(all.json.data, sent);

  for (const q of ['limit=0', 'limit=-3', 'cursor=abc', 'cursor=-1', 'direction=sideways', 'limit=1e3']) {
    const r = await api(server, bob, 'GET', `/api/conversations/${id}/messages?${q}`);
    assert.equal(r.status, 400, q);
  }
  assert.equal((await api(server, carol, 'GET', `/api/conversations/${id}/messages`)).status, 403);
  assert.equal((await api(server, carol, 'GET', '/api/conversations/nope/messages')).status, 404);
  assert.equal((await api(server, carol, 'GET', `/api/conversations/${'x'.repeat(101)}/messages`)).status, 400);
  assert.equal((await api(server, carol, 'GET', '/api/conversations/bad%20id/messages')).status, 400);
});

test('POST messages refuses bad bodies and stores nothing', async () => {
  const before = (await api(server, alice, 'GET', '/api/conversations/dm-alice-bob/messages?limit=1')).json.data[0].seq;
  const bodies = [
    {},
    { clientId: uuid() },
    { clientId: uuid(), content: '   ' },
    { clientId: uuid(), content: 42 },
    { clientId: uuid(), content: 'x'.repeat(10001) },
    { clientId: 'not valid!', content: 'x' },
    { clientId: uuid(), content: 'x', type: 'system' },
    { clientId: uuid(), content: 'x', replyTo: 'no-such-message' },
    { clientId: uuid(), content: 'x', conversationId: 'group-ring' },
    [1, 2],
    'hello',
    null,
  ];
  for (const body of bodies) {
    const r = await api(server, alice, 'POST', '/api/conversations/dm-alice-bob/messages', JSON.stringify(body));
    assert.equal(r.status, 400, JSON.stringify(body)?.slice(0, 80));
    assert.equal(r.json.success, false);
  }
  const noType = await fetchWithin(`${server.url}/api/conversations/dm-alice-bob/messages`, { method: 'POST', headers: { Authorization: `Bearer ${alice}` }, body: 'x' }, { server });
  assert.equal(noType.res.status, 400);
  const huge = await api(server, alice, 'POST', '/api/conversations/dm-alice-bob/messages', JSON.stringify({ clientId: uuid(), content: 'x'.repeat(2 * 1024 * 1024) }));
  assert.equal(huge.status, 400);
  const exactly = await api(server, alice, 'POST', '/api/conversations/dm-alice-bob/messages', { clientId: uuid(), content: `  ${'é'.repeat(10000)}  ` });
  assert.equal(exactly.status, 201, '10000 characters after trimming is allowed');
  const reply = await api(server, alice, 'POST', '/api/conversations/dm-alice-bob/messages', { clientId: uuid(), content: 'a reply', replyTo: exactly.json.data.id });
  assert.equal(reply.json.data.replyTo, exactly.json.data.id);
  const after = (await api(server, alice, 'GET', '/api/conversations/dm-alice-bob/messages?limit=2')).json.data;
  assert.deepEqual(after.map((m) => m.seq), [before + 1, before + 2], 'only the two valid messages were stored');
});

test('unknown paths and methods', async () => {
  assert.equal((await api(server, alice, 'GET', '/api/nothing')).status, 404);
  assert.equal((await api(server, alice, 'DELETE', '/api/me')).status, 405);
});
