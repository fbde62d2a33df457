// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// Message search of contract v2 on the FTS5 index `message_search` (db.js, migration 4:
// tokenizer unicode61 remove_diacritics 2). New messages are indexed off the send path, in
// batches of INDEX_BATCH sends or after INDEX_DELAY_MS, whichever comes first (an FTS5
// commit per message would double a send's cost, one per event-loop turn cost a tenth of
// the server's time under a flood), and every search first indexes whatever is still
// pending, so a search sees every stored message; triggers keep indexed rows in step with
// edits and deletes.
// Each word of the query matches as a prefix of a word, case-insensitively, in
// the caller's conversations only, tombstones never; newest first (by rowid: messages are
// inserted in the order they are stored and never removed). The ranges of a hit are
// found again here in JavaScript with the tokenizer's own rules, as UTF-16 offsets.
import { MESSAGE_COLUMNS, MESSAGE_FROM, toMessage } from './message-row.js';

export const MAX_QUERY_WORDS = 16;
export const INDEX_BATCH = 256;
export const INDEX_DELAY_MS = 1000;

// unicode61's token characters: letters, numbers, private use; marks stay inside a word.
const WORD = /[\p{L}\p{N}\p{Co}\p{M}]+/gu;
const MARK = /\p{M}/u;
const LATIN = /\p{Script=Latin}/u;

// The words of a text with their UTF-16 offsets: [{ word, start, end }].
export function words(text) {
  return [...text.matchAll(WORD)].map((m) => ({ word: m[0], start: m.index, end: m.index + m[0].length }));
}

// A word as the index holds it: lower case; Latin letters without their diacritics
// (remove_diacritics 2 folds only those, so Ukrainian ї, й, ґ stay themselves); combining
// marks dropped.
export function fold(word) {
  let out = '';
  for (const ch of word) {
    if (MARK.test(ch)) continue;
    const lower = ch.toLowerCase();
    out += LATIN.test(ch) ? lower.normalize('NFD').replace(/\p{M}/gu, '') : lower;
  }
  return out;
}

// The words of a query (the first 16), without any that fold to nothing.
function queryWords(q) {
  return words(q).map(({ word }) => word).filter((word) => fold(word) !== '').slice(0, MAX_QUERY_WORDS);
}

// The FTS5 query for `q`: each word as a quoted prefix term, all of them required. Null
// when q has no word (only punctuation or emoji).
export function matchExpression(q) {
  const terms = queryWords(q).map((word) => `"${word.replaceAll('"', '""')}"*`);
  return terms.length ? terms.join(' AND ') : null;
}

// [start, end) of every word of `content` that a word of `q` is a prefix of.
export function matchRanges(content, q) {
  const prefixes = queryWords(q).map(fold);
  return words(content)
    .filter(({ word }) => { const folded = fold(word); return prefixes.some((p) => folded.startsWith(p)); })
    .map(({ start, end }) => [start, end]);
}

export class MessageSearch {
  constructor(db) {
    this.db = db;
    this.waiting = 0; // sends since the last batch was queued
    this.batch = null; // the queued batch's timer or immediate
    this.closed = false;
    this.sql = {
      state: db.prepare('SELECT indexedUpTo FROM search_state'),
      top: db.prepare('SELECT COALESCE(MAX(rowid), 0) AS top FROM messages'),
      index: db.prepare(`INSERT INTO message_search (rowid, content)
                         SELECT rowid, content FROM messages WHERE rowid > ? AND rowid <= ?`),
      setState: db.prepare('UPDATE search_state SET indexedUpTo = ?'),
    };
    // The hits among the viewer's conversations (one of them when @conversationId is set),
    // newest first from below the cursor.
    this.query = db.prepare(`SELECT m.rowid AS hitRowid, ${MESSAGE_COLUMNS} ${MESSAGE_FROM}
      JOIN participants p ON p.conversationId = m.conversationId AND p.userId = @userId
      WHERE m.rowid IN (SELECT rowid FROM message_search WHERE message_search MATCH @match)
        AND m.deletedAt IS NULL
        AND (@conversationId IS NULL OR m.conversationId = @conversationId)
        AND (@below IS NULL OR m.rowid < @below)
      ORDER BY m.rowid DESC LIMIT @limit`);
  }

  // Indexes the messages stored since the last batch, in one transaction (so several
  // processes on one database never index a row twice).
  indexPending() {
    this.db.transaction(() => {
      const { indexedUpTo } = this.sql.state.get();
      const { top } = this.sql.top.get();
      if (top <= indexedUpTo) return;
      this.sql.index.run(indexedUpTo, top);
      this.sql.setState.run(top);
    }).immediate();
  }

  // After a send: a batch once INDEX_BATCH sends wait (at the end of the turn), or
  // INDEX_DELAY_MS after the first of them.
  indexSoon() {
    if (this.closed) return;
    this.waiting += 1;
    if (this.waiting === 1) {
      this.batch = setTimeout(() => this.runBatch(), INDEX_DELAY_MS);
      this.batch.unref();
    } else if (this.waiting === INDEX_BATCH) {
      clearTimeout(this.batch);
      this.batch = setImmediate(() => this.runBatch());
    }
  }

  runBatch() {
    this.waiting = 0;
    this.batch = null;
    if (this.closed) return;
    try {
      this.indexPending();
    } catch (err) {
      console.error('search index:', err.message); // the next batch or search tries again
    }
  }

  close() {
    this.closed = true;
  }

  // Returns { data: [{ message, ranges }], hasMore, cursor } or null for a bad cursor.
  // The cursor is opaque to clients (the position of the last hit returned).
  search({ userId, q, conversationId = null, limit, cursor = null }) {
    if (cursor !== null && !/^[1-9]\d{0,15}$/.test(cursor)) return null;
    const match = matchExpression(q);
    if (!match) return { data: [], hasMore: false, cursor: null };
    this.indexPending();
    const rows = this.query.all({ userId, match, conversationId, below: cursor === null ? null : Number(cursor), limit: limit + 1 });
    const hasMore = rows.length > limit;
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    return {
      data: page.map((row) => ({ message: toMessage(row), ranges: matchRanges(row.content, q) })),
      hasMore,
      cursor: hasMore ? String(last.hitRowid) : null,
    };
  }
}
