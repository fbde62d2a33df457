// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// WAL checkpoints off the event loop. SQLite's automatic checkpoint runs inside the
// commit that crosses 1,000 WAL pages, on the connection that committed: here the
// server's only thread, which then waits for the copy and the database file's fsync
// while every socket waits for it. Under the latency test's 2,000 msg/s flood that was
// the long tail (typing p99 21–29 ms with it, 4.5–6.6 without). So the server's
// connection does not checkpoint; a worker thread with a connection of its own runs a
// PASSIVE checkpoint every interval (it never blocks a writer, and writers never wait
// for it), and the server's close() stops it before the last connection closes (which
// checkpoints everything).
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';

if (!isMainThread && workerData?.role === 'checkpointer') {
  const db = new Database(workerData.file);
  db.pragma('busy_timeout = 5000');
  const timer = setInterval(() => {
    try {
      db.pragma('wal_checkpoint(PASSIVE)');
    } catch (err) {
      parentPort.postMessage({ error: err.message }); // the next interval tries again
    }
  }, workerData.intervalMs);
  parentPort.on('message', (m) => {
    if (m !== 'stop') return;
    clearInterval(timer);
    db.close();
    parentPort.close();
  });
}

// Takes over `db`'s checkpoints (a file database in WAL mode); returns { stop() }, which
// resolves once the worker's connection is closed. Should the worker fail, `db` goes
// back to checkpointing by itself.
export function startCheckpointer(db, { intervalMs, log = console.error }) {
  const worker = new Worker(new URL(import.meta.url), {
    workerData: { role: 'checkpointer', file: db.name, intervalMs },
  });
  db.pragma('wal_autocheckpoint = 0');
  let stopping = false;
  const fallBack = (why) => {
    if (stopping || !db.open) return;
    log(`WAL checkpointer: ${why}; the server's connection checkpoints again`);
    db.pragma('wal_autocheckpoint = 1000');
  };
  worker.on('message', (m) => { if (m?.error) log(`WAL checkpoint: ${m.error}`); });
  worker.on('error', (err) => fallBack(err.message));
  worker.on('exit', (code) => { if (code !== 0) fallBack(`exited with ${code}`); });
  const exited = new Promise((resolve) => worker.once('exit', resolve));
  return {
    stop() {
      stopping = true;
      worker.postMessage('stop');
      return exited;
    },
  };
}
