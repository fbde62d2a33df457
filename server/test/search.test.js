// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// GET /api/search/messages against a real server process: prefix, case and Ukrainian
// matching, ranges in UTF-16 offsets (non-BMP characters included), the index kept in step
// with edits and deletes, no leak from conversations the caller is not (or no longer) in,
// newest first with pagination, hostile queries, and the migration that indexes an
// existing database.
import assert from 'node:assert/strict';
import path from 'node:path';
import Database from 'better-sqlite3';
import { test, startServer, sharedServer, connectAs, ack, uuid, api, tempDir, createConversation, sendMessage as send } from './helpers.js';
import { openDatabase, schemaOfVersion } from '../src/db.js';
import { MessageSearch, INDEX_BATCH, INDEX_DELAY_MS, fold, words } from '../src/search.js';

let server;
let tokens;
sharedServer({ MESSAGE_RATE_BURST: '100000', MESSAGE_RATE_PER_SEC: '100000' }, (s, t) => { server = s; tokens = t; });

const newConversation = (creator, others) => createConversation(server, tokens[creator], others);

async function search(user, params, on = server, token = tokens[user]) {
  const query = new URLSearchParams(params).toString();
  return api(on, token, 'GET', `/api/search/messages?${query}`);
}

// The hits as [content, ranges] for a query that must succeed.
async function hits(user, params) {
  const r = await search(user, params);
  assert.equal(r.status, 200, r.text);
  return r.json.data.map((h) => [h.message.content, h.ranges]);
}

// A word per test, so hits from other tests (and the demo seed) never mix in.
const unique = () => `w${uuid().replaceAll('-', '').slice(0, 10)}`;

test('each word of q matches as a prefix, case-insensitively, all words required; ranges cover each matched word', async () => {
  const tag = unique();
  const conv = await newConversation('alice', ['bob']);
  const alice = await connectAs(server, 'alice');
  await send(alice, conv, `${tag} Hello World`);
  await send(alice, conv, `${tag} HELPFUL notes`);
  await send(alice, conv, `${tag} say hello`);
  await send(alice, conv, `${tag} othello`);
  assert.deepEqual(await hits('bob', { q: `${tag} hel` }), [
    [`${tag} say hello`, [[0, 11], [16, 21]]],
    [`${tag} HELPFUL notes`, [[0, 11], [12, 19]]],
    [`${tag} Hello World`, [[0, 11], [12, 17]]],
  ], 'newest first; "othello" does not start with "hel"');
  assert.deepEqual(await hits('bob', { q: `${tag.toUpperCase()} HeL wOr` }), [[`${tag} Hello World`, [[0, 11], [12, 17], [18, 23]]]]);
  assert.deepEqual(await hits('bob', { q: `${tag} hello nothing` }), [], 'every word must match');
  assert.deepEqual(await hits('bob', { q: `${tag} ello` }), [], 'a prefix, not any substring');
});

test('Ukrainian and accented Latin: case folds, Latin diacritics fold, Ukrainian letters stay themselves', async () => {
  const tag = unique();
  const conv = await newConversation('alice', ['bob']);
  const alice = await connectAs(server, 'alice');
  await send(alice, conv, `${tag} Привіт, Світе! Їжак і ґанок`);
  await send(alice, conv, `${tag} П'ятниця: Café naïve`);
  await send(alice, conv, `${tag} ЙОГУРТ`);
  assert.deepEqual(await hits('bob', { q: `${tag} світ` }), [[`${tag} Привіт, Світе! Їжак і ґанок`, [[0, 11], [20, 25]]]]);
  assert.deepEqual(await hits('bob', { q: `${tag} ПРИВ їж Ґан` }), [[`${tag} Привіт, Світе! Їжак і ґанок`, [[0, 11], [12, 18], [27, 31], [34, 39]]]]);
  assert.deepEqual(await hits('bob', { q: `${tag} йог` }), [[`${tag} ЙОГУРТ`, [[0, 11], [12, 18]]]]);
  assert.deepEqual(await hits('bob', { q: `${tag} іжак` }), [], 'і is not ї');
  assert.deepEqual(await hits('bob', { q: `${tag} ган` }), [], 'г is not ґ');
  assert.deepEqual(await hits('bob', { q: `${tag} cafe NAIVE` }), [[`${tag} П'ятниця: Café naïve`, [[0, 11], [22, 26], [27, 32]]]]);
  assert.deepEqual(await hits('bob', { q: `${tag} п'ятн` }), [[`${tag} П'ятниця: Café naïve`, [[0, 11], [12, 13], [14, 20]]]], 'the apostrophe splits words, as in the index');
});

test('ranges are UTF-16 offsets: emoji and other non-BMP characters before a hit count two', async () => {
  const tag = unique();
  const conv = await newConversation('alice', ['bob']);
  const alice = await connectAs(server, 'alice');
  const content = `😀😀 hello 🎉 wörld 𝄞 ${tag}`;
  await send(alice, conv, content);
  const [[found, ranges]] = await hits('bob', { q: `wor hel ${tag}` });
  assert.equal(found, content);
  assert.deepEqual(ranges, [[5, 10], [14, 19], [23, 34]]);
  assert.deepEqual(ranges.map(([s, e]) => content.slice(s, e)), ['hello', 'wörld', tag]);
});

test('the index follows edits and deletes: an edited message is found by its new words only, a tombstone never', async () => {
  const tag = unique();
  const conv = await newConversation('alice', ['bob']);
  const alice = await connectAs(server, 'alice');
  const edited = await send(alice, conv, `${tag} original wording`);
  const deleted = await send(alice, conv, `${tag} secret plans`);
  assert.equal((await ack(alice, 'edit_message', { conversationId: conv, messageId: edited.id, content: `${tag} revised text` })).ok, true);
  assert.equal((await ack(alice, 'set_reaction', { conversationId: conv, messageId: edited.id, emoji: '👍', on: true })).ok, true);
  assert.equal((await ack(alice, 'delete_message', { conversationId: conv, messageId: deleted.id })).ok, true);
  assert.deepEqual(await hits('bob', { q: `${tag} orig` }), []);
  assert.deepEqual(await hits('bob', { q: `${tag} revis` }), [[`${tag} revised text`, [[0, 11], [12, 19]]]]);
  assert.deepEqual(await hits('bob', { q: `${tag} secret` }), []);
  const all = await search('bob', { q: tag });
  assert.deepEqual(all.json.data.map((h) => h.message.id), [edited.id], 'the tombstone is never a hit');
  assert.equal(all.json.data[0].message.reactions.length, 1, 'hits are whole current Messages');
});

test('no leaks: never another user\'s conversation, one never joined or left; a conversationId not one\'s own is refused', async () => {
  const tag = unique();
  const aliceBob = await newConversation('alice', ['bob']);
  const carolsOwn = await newConversation('carol', ['bob']);
  const alice = await connectAs(server, 'alice');
  const carol = await connectAs(server, 'carol');
  await send(alice, aliceBob, `${tag} between alice and bob`);
  await send(carol, carolsOwn, `${tag} between carol and bob`);
  assert.deepEqual((await hits('carol', { q: tag })).map(([c]) => c), [`${tag} between carol and bob`]);
  assert.deepEqual((await hits('alice', { q: tag })).map(([c]) => c), [`${tag} between alice and bob`]);
  assert.deepEqual((await hits('bob', { q: tag })).map(([c]) => c), [`${tag} between carol and bob`, `${tag} between alice and bob`]);
  for (const conversationId of [aliceBob, 'dm-alice-bob']) {
    const r = await search('carol', { q: tag, conversationId });
    assert.deepEqual([r.status, r.json.error.code], [403, 'FORBIDDEN']);
  }
  assert.equal((await search('carol', { q: tag, conversationId: 'no-such' })).status, 404);
  assert.deepEqual((await hits('bob', { q: tag, conversationId: carolsOwn })).map(([c]) => c), [`${tag} between carol and bob`]);

  // Bob leaves carol's conversation (no event does this yet, so the row goes directly).
  const db = new Database(server.env.DATABASE);
  try {
    db.pragma('busy_timeout = 5000');
    db.prepare('DELETE FROM participants WHERE conversationId = ? AND userId = ?').run(carolsOwn, 'bob');
  } finally {
    db.close();
  }
  assert.deepEqual((await hits('bob', { q: tag })).map(([c]) => c), [`${tag} between alice and bob`]);
  assert.equal((await search('bob', { q: tag, conversationId: carolsOwn })).status, 403);
  assert.equal((await search('bob', { q: tag }, server, null)).status, 401);
});

test('newest first, paginated with an opaque cursor; limit is capped; q and cursor are checked', async () => {
  const tag = unique();
  const conv = await newConversation('alice', ['bob']);
  const alice = await connectAs(server, 'alice');
  const sent = [];
  for (let i = 1; i <= 5; i += 1) sent.push(await send(alice, conv, `${tag} number ${i}`));
  const seen = [];
  let cursor = null;
  const pages = [];
  do {
    const r = await search('bob', { q: tag, limit: '2', ...(cursor ? { cursor } : {}) });
    assert.equal(r.status, 200, r.text);
    pages.push(r.json.data.length);
    seen.push(...r.json.data.map((h) => h.message.id));
    assert.equal(r.json.pagination.hasMore, r.json.pagination.cursor !== null);
    cursor = r.json.pagination.cursor;
  } while (cursor);
  assert.deepEqual(pages, [2, 2, 1]);
  assert.deepEqual(seen, sent.map((m) => m.id).reverse());

  const bad = async (params) => {
    const r = await search('bob', params);
    assert.deepEqual([r.status, r.json.error.code], [400, 'BAD_REQUEST'], JSON.stringify(params));
  };
  await bad({});
  await bad({ q: '' });
  await bad({ q: '   ' });
  await bad({ q: 'x'.repeat(201) });
  await bad({ q: tag, cursor: 'abc' });
  await bad({ q: tag, cursor: '-1' });
  await bad({ q: tag, limit: '0' });
  await bad({ q: tag, conversationId: '../x' });
  assert.equal((await search('bob', { q: 'x'.repeat(200) })).status, 200);
  // Query syntax is never FTS5 syntax: operators, quotes and stars are words or nothing.
  for (const q of ['"', '*', `${tag}" OR "x`, 'NEAR(a b)', 'a AND', '-x', '^x', 'col:x', '🎉🎉', '()']) {
    const r = await search('bob', { q });
    assert.equal(r.status, 200, `${q}: ${r.text}`);
  }
  assert.deepEqual((await hits('bob', { q: `"${tag}" OR` })).length, 0, 'OR is a word to match, not an operator');
  assert.deepEqual((await hits('bob', { q: `${tag}* NUMBER` })).length, 5);
});

// An in-memory database with one user and conversation, and a way to store messages.
function memoryDatabase() {
  const db = openDatabase(':memory:');
  db.prepare("INSERT INTO users (id, login, name, createdAt) VALUES ('u', 'u', 'U', '')").run();
  db.prepare("INSERT INTO conversations (id, type, createdAt, updatedAt) VALUES ('c', 'group', '', '')").run();
  const insert = db.prepare("INSERT INTO messages (id, conversationId, seq, rev, clientId, senderId, content, type, timestamp) VALUES (?, 'c', ?, ?, ?, 'u', ?, 'text', '')");
  let seq = 0;
  const store = (content) => { seq += 1; insert.run(`m${seq}`, seq, seq, `c${seq}`, content); return `m${seq}`; };
  const found = (term) => db.prepare("SELECT m.id FROM message_search s JOIN messages m ON m.rowid = s.rowid WHERE message_search MATCH ? ORDER BY m.rowid").all(`"${term}"*`).map((r) => r.id);
  return { db, store, found, setContent: (id, content) => db.prepare('UPDATE messages SET content = ? WHERE id = ?').run(content, id) };
}

test('new messages are indexed in batches; a message edited before its batch is indexed as it is then', () => {
  const { db, store, found, setContent } = memoryDatabase();
  try {
    const search = new MessageSearch(db);
    const a = store('alpha first');
    const b = store('bravo second');
    assert.deepEqual(found('alpha'), [], 'not on the send path');
    setContent(b, 'bravo changed'); // before its batch: no trigger work, the batch reads this
    search.indexPending();
    assert.deepEqual([found('alpha'), found('second'), found('changed')], [[a], [], [b]]);
    setContent(a, 'alpha edited'); // indexed rows follow edits through the trigger
    setContent(b, '');
    search.indexPending(); // nothing pending: indexes nothing twice
    assert.deepEqual([found('first'), found('edited'), found('bravo'), found('changed')], [[], [a], [], []]);
    // Checks the index against the messages' content: it throws SQLITE_CORRUPT_VTAB on a mismatch.
    db.prepare("INSERT INTO message_search (message_search, rank) VALUES ('integrity-check', 1)").run();
  } finally {
    db.close();
  }
});

test(`sends wait for the index until ${INDEX_BATCH} of them do or ${INDEX_DELAY_MS} ms pass, and a search never misses them`, async () => {
  const { db, store, found } = memoryDatabase();
  const turn = () => new Promise((resolve) => setImmediate(resolve));
  const search = new MessageSearch(db);
  try {
    const sent = (content) => { const id = store(content); search.indexSoon(); return id; };
    const first = sent('trickle one');
    sent('trickle two');
    await turn();
    await turn();
    assert.deepEqual(found('trickle'), [], 'a trickle is not indexed turn by turn');
    const viewer = db.prepare("INSERT INTO participants (conversationId, userId, role, joinedAt) VALUES ('c', 'u', 'member', '')");
    viewer.run();
    const r = search.search({ userId: 'u', q: 'trickle', limit: 10 });
    assert.deepEqual(r.data.map((h) => h.message.content), ['trickle two', 'trickle one'], 'a search indexes what waits first');
    const burst = [];
    for (let i = 0; i < INDEX_BATCH; ++i) burst.push(sent(`burst ${i}`));
    await turn();
    await turn();
    assert.equal(found('burst').length, INDEX_BATCH, 'a full batch is indexed at the end of its turn');
    const late = sent('straggler');
    await new Promise((resolve) => setTimeout(resolve, INDEX_DELAY_MS + 200));
    assert.deepEqual(found('straggler'), [late], 'the rest within the delay');
    assert.deepEqual(found('trickle')[0], first);
  } finally {
    search.close();
    db.close();
  }
});

test('the index tokenizer and the ranges fold words the same way', () => {
  const { db, store } = memoryDatabase();
  try {
    db.exec("CREATE VIRTUAL TABLE vocab USING fts5vocab(message_search, 'row')");
    const samples = ['Hello', 'ÉCOLE', 'e\u0301cole', 'naïve', 'Straße', 'Привіт', 'ЇЖАК', 'Ґанок', 'йогурт', 'ЄВРО', 'Ørsted', 'ĄĘŁ', 'x2', '日本語'];
    samples.forEach(store);
    new MessageSearch(db).indexPending();
    const indexed = new Set(db.prepare('SELECT term FROM vocab').all().map((r) => r.term));
    for (const sample of samples) {
      const folded = words(sample).map((w) => fold(w.word));
      for (const term of folded) assert.ok(indexed.has(term), `${sample} -> ${term}, index has ${[...indexed].join(' ')}`);
    }
  } finally {
    db.close();
  }
});

test('a version 3 database gets its existing messages indexed by the migration', async () => {
  const dir = tempDir();
  const file = path.join(dir, 'chat.db');
  const db = new Database(file);
  for (const sql of schemaOfVersion(3)) db.exec(sql);
  db.pragma('user_version = 3');
  const at = '2026-01-01T10:00:00.000Z';
  db.prepare("INSERT INTO users (id, login, name, createdAt) VALUES ('dora', 'dora', 'Dora', ?), ('eric', 'eric', 'Eric', ?)").run(at, at);
  db.prepare("INSERT INTO conversations (id, type, directKey, lastSeq, rev, createdAt, updatedAt) VALUES ('old', 'direct', 'dora|eric', 2, 2, ?, ?)").run(at, at);
  db.prepare("INSERT INTO participants (conversationId, userId, role, joinedAt) VALUES ('old', 'dora', 'member', ?), ('old', 'eric', 'member', ?)").run(at, at);
  db.prepare(`INSERT INTO messages (id, conversationId, seq, rev, clientId, senderId, content, type, timestamp)
              VALUES ('o1', 'old', 1, 1, 'c1', 'dora', 'Старе повідомлення', 'text', ?), ('o2', 'old', 2, 2, 'c2', 'eric', 'old message', 'text', ?)`).run(at, at);
  db.close();
  const migrated = await startServer({ SEED_DEMO: '0' }, { dir });
  try {
    const token = await migrated.token('eric');
    const r = await search('eric', { q: 'стар' }, migrated, token);
    assert.deepEqual(r.json.data.map((h) => [h.message.id, h.ranges]), [['o1', [[0, 5]]]]);
    const old = await search('eric', { q: 'OLD MESS' }, migrated, token);
    assert.deepEqual(old.json.data.map((h) => h.message.id), ['o2']);
    assert.deepEqual([old.json.data[0].message.attachments, old.json.data[0].message.mentions], [[], []]);
    migrated.assertQuiet();
  } finally {
    await migrated.stop();
  }
});
