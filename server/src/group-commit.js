// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// Group commit: the writes queued during one event-loop turn share ONE transaction, so
// a flood pays one BEGIN IMMEDIATE / COMMIT (and its WAL write) per turn instead of per
// write, which was a quarter of a send's CPU time. Each write runs in its own savepoint
// in queue order: a write that throws is undone alone and refused alone; if the batch's
// transaction itself fails (BEGIN, COMMIT, or a rollback of the whole transaction), every
// write of the batch is refused and none is stored. Each add() settles only after the
// commit, so whatever its caller does next (ack, broadcast) follows durable storage;
// promises settle in queue order.
import { AppError } from './errors.js';

export const BATCH_FAILED = 'not stored: the database write of its batch failed; send it again (the same clientId is safe)';

export class GroupCommit {
  // `db`: the better-sqlite3 database; `write(item)`: an item's writes, run inside the
  // batch's transaction (a nested db.transaction() there is a savepoint); its return value
  // is the item's result. `log`: where a failed batch is reported.
  constructor(db, write, { log = console.error } = {}) {
    this.db = db;
    this.write = write;
    this.log = log;
    this.queue = []; // [{ item, resolve, reject }]
    // Made once: better-sqlite3 builds four wrapped functions for each transaction().
    this.commitBatch = db.transaction((batch) => batch.map(({ item }) => this.runOne(item)));
    this.savepoint = db.transaction((item) => this.write(item));
    this.scheduled = false;
    this.closed = false;
  }

  // Resolves with write(item)'s result once the batch holding it is committed; rejects
  // with write's error (this item only) or with INTERNAL when the batch failed.
  add(item) {
    if (this.closed) return Promise.reject(new AppError('INTERNAL', 'the server is shutting down'));
    return new Promise((resolve, reject) => {
      this.queue.push({ item, resolve, reject });
      if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(() => this.flush());
      }
    });
  }

  // Commits everything queued, then settles each in queue order.
  flush() {
    this.scheduled = false;
    const batch = this.queue;
    if (!batch.length) return;
    this.queue = [];
    let outcomes;
    try {
      outcomes = this.commitBatch.immediate(batch);
    } catch (err) {
      this.log(`group commit: a batch of ${batch.length} failed, none stored:`, err.message);
      const refusal = new AppError('INTERNAL', BATCH_FAILED);
      for (const { reject } of batch) reject(refusal);
      return;
    }
    batch.forEach(({ resolve, reject }, i) => {
      const { result, error } = outcomes[i];
      if (error) reject(error); else resolve(result);
    });
  }

  // One item in its own savepoint: { result } or { error }. A failure that took the whole
  // transaction with it (SQLite rolls back everything on some errors) fails the batch.
  runOne(item) {
    try {
      return { result: this.savepoint(item) };
    } catch (error) {
      if (!this.db.inTransaction) throw error;
      return { error };
    }
  }

  // Commits what is queued now; later add()s are refused.
  close() {
    this.closed = true;
    this.flush();
  }
}
