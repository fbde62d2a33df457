// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// Opens the SQLite database (WAL) and brings its schema up to date. Migrations are
// numbered by PRAGMA user_version; each runs once, inside a transaction.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';

const MIGRATIONS = [
  // 1: users, conversations, participants, messages.
  `
  CREATE TABLE users (
    id           TEXT PRIMARY KEY,
    login        TEXT NOT NULL UNIQUE,
    name         TEXT NOT NULL,
    avatarUrl    TEXT,
    passwordHash TEXT,
    createdAt    TEXT NOT NULL,
    lastSeenAt   TEXT
  );
  CREATE TABLE conversations (
    id        TEXT PRIMARY KEY,
    type      TEXT NOT NULL CHECK (type IN ('direct', 'group')),
    title     TEXT,
    directKey TEXT UNIQUE,              -- "<userA>|<userB>" sorted, so a direct pair exists once
    lastSeq   INTEGER NOT NULL DEFAULT 0,
    createdAt TEXT NOT NULL,
    updatedAt TEXT NOT NULL
  );
  CREATE INDEX conversations_updated ON conversations (updatedAt DESC, id DESC);
  CREATE TABLE participants (
    conversationId TEXT NOT NULL REFERENCES conversations (id),
    userId         TEXT NOT NULL REFERENCES users (id),
    role           TEXT NOT NULL CHECK (role IN ('admin', 'member')),
    joinedAt       TEXT NOT NULL,
    lastReadSeq    INTEGER NOT NULL DEFAULT 0,
    lastReadAt     TEXT,
    PRIMARY KEY (conversationId, userId)
  );
  CREATE INDEX participants_user ON participants (userId);
  CREATE TABLE messages (
    id             TEXT PRIMARY KEY,
    conversationId TEXT NOT NULL REFERENCES conversations (id),
    seq            INTEGER NOT NULL,
    clientId       TEXT NOT NULL,
    senderId       TEXT NOT NULL REFERENCES users (id),
    content        TEXT NOT NULL,
    type           TEXT NOT NULL CHECK (type IN ('text', 'system')),
    replyTo        TEXT,
    timestamp      TEXT NOT NULL,
    editedAt       TEXT,
    UNIQUE (conversationId, seq),
    UNIQUE (senderId, clientId)
  );
  `,
  // 2: storage for oidc-provider (sessions, grants, codes, refresh tokens, ...).
  `
  CREATE TABLE oidc_payloads (
    model     TEXT NOT NULL,
    id        TEXT NOT NULL,
    payload   TEXT NOT NULL,
    expiresAt INTEGER,                  -- epoch seconds, NULL = never
    grantId   TEXT,
    userCode  TEXT,
    uid       TEXT,
    PRIMARY KEY (model, id)
  );
  CREATE INDEX oidc_payloads_grant ON oidc_payloads (grantId);
  CREATE INDEX oidc_payloads_uid ON oidc_payloads (model, uid);
  CREATE INDEX oidc_payloads_user_code ON oidc_payloads (model, userCode);
  `,
  // 3: contract v2 message actions. rev counts the changes of a conversation; a v1
  // database gets each message's rev = its seq and each conversation's rev = its lastSeq
  // (so far every change was a new message). reactions is the message's list in the wire
  // order, [{emoji, userIds}], kept on the row so a page of messages needs no extra query.
  `
  ALTER TABLE conversations ADD COLUMN rev INTEGER NOT NULL DEFAULT 0;
  ALTER TABLE messages ADD COLUMN rev INTEGER NOT NULL DEFAULT 0;
  ALTER TABLE messages ADD COLUMN format TEXT NOT NULL DEFAULT 'plain' CHECK (format IN ('plain', 'markdown'));
  ALTER TABLE messages ADD COLUMN deletedAt TEXT;
  ALTER TABLE messages ADD COLUMN reactions TEXT NOT NULL DEFAULT '[]';
  UPDATE messages SET rev = seq;
  UPDATE conversations SET rev = lastSeq;
  CREATE UNIQUE INDEX messages_rev ON messages (conversationId, rev);
  `,
  // 4: contract v2 files, search, mentions and notification settings.
  // - files: one row per upload; the bytes live content-addressed (by sha256) in the files
  //   directory, so a row is metadata only. messageId is set once a message uses it.
  // - messages.attachments / .mentions: the message's wire lists as JSON, kept on the row
  //   like reactions so a page of messages needs no extra query.
  // - message_mentions: one row per (mentioned user, message), so unreadMentionCount is a
  //   range count on an index instead of a scan of the unread messages.
  // - participants.notify / .mutedUntil: each user's own settings for the conversation.
  // - message_search: an FTS5 index over messages.content (external content: it stores no
  //   second copy of the text), filled here for existing rows. New messages are indexed in
  //   batches off the send path (search.js) up to search_state.indexedUpTo (a rowid:
  //   messages are never removed, so new rows always come above it); the triggers keep
  //   the indexed rows in step with edits and deletes. It addresses messages by rowid:
  //   after a VACUUM run INSERT INTO message_search(message_search) VALUES ('rebuild').
  `
  CREATE TABLE files (
    id             TEXT PRIMARY KEY,
    conversationId TEXT NOT NULL REFERENCES conversations (id),
    uploaderId     TEXT NOT NULL REFERENCES users (id),
    idempotencyKey TEXT NOT NULL,
    name           TEXT NOT NULL,
    size           INTEGER NOT NULL,
    mimeType       TEXT NOT NULL,
    sha256         TEXT NOT NULL,
    width          INTEGER,
    height         INTEGER,
    thumbnailType  TEXT,                -- the thumbnail's image type; NULL: no thumbnail
    messageId      TEXT REFERENCES messages (id),
    createdAt      TEXT NOT NULL,
    UNIQUE (uploaderId, idempotencyKey)
  );
  CREATE INDEX files_sha256 ON files (sha256);
  CREATE INDEX files_message ON files (messageId) WHERE messageId IS NOT NULL;
  CREATE INDEX files_unused ON files (createdAt) WHERE messageId IS NULL;
  ALTER TABLE messages ADD COLUMN attachments TEXT NOT NULL DEFAULT '[]';
  ALTER TABLE messages ADD COLUMN mentions TEXT NOT NULL DEFAULT '[]';
  CREATE TABLE message_mentions (
    userId         TEXT NOT NULL,
    conversationId TEXT NOT NULL,
    seq            INTEGER NOT NULL,
    PRIMARY KEY (userId, conversationId, seq)
  ) WITHOUT ROWID;
  ALTER TABLE participants ADD COLUMN notify TEXT NOT NULL DEFAULT 'all' CHECK (notify IN ('all', 'mentions', 'none'));
  ALTER TABLE participants ADD COLUMN mutedUntil TEXT;
  CREATE VIRTUAL TABLE message_search USING fts5 (
    content, content = 'messages', content_rowid = 'rowid', tokenize = "unicode61 remove_diacritics 2"
  );
  CREATE TABLE search_state (
    id          INTEGER PRIMARY KEY CHECK (id = 1),
    indexedUpTo INTEGER NOT NULL         -- every message with a rowid up to this is indexed
  );
  CREATE TRIGGER message_search_update AFTER UPDATE OF content ON messages
    WHEN old.content IS NOT new.content AND old.rowid <= (SELECT indexedUpTo FROM search_state) BEGIN
    INSERT INTO message_search (message_search, rowid, content) VALUES ('delete', old.rowid, old.content);
    INSERT INTO message_search (rowid, content) VALUES (new.rowid, new.content);
  END;
  CREATE TRIGGER message_search_delete AFTER DELETE ON messages
    WHEN old.rowid <= (SELECT indexedUpTo FROM search_state) BEGIN
    INSERT INTO message_search (message_search, rowid, content) VALUES ('delete', old.rowid, old.content);
  END;
  INSERT INTO message_search (message_search) VALUES ('rebuild');
  INSERT INTO search_state (id, indexedUpTo) VALUES (1, (SELECT COALESCE(MAX(rowid), 0) FROM messages));
  `,
];

export function openDatabase(file) {
  if (file !== ':memory:') fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  // NORMAL is enough for "a SIGKILL loses nothing acked": WAL commits are in the OS
  // page cache as soon as the write returns, and only an OS crash could drop them.
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  // Each send runs in a savepoint inside its batch's transaction (group-commit.js); in
  // memory, their sub-journal never spills to a temporary file, which cost two write
  // calls for each page a send touched once it had spilled.
  db.pragma('temp_store = MEMORY');
  db.pragma('busy_timeout = 5000'); // several server processes may share the file
  migrate(db);
  return db;
}

function migrate(db) {
  // IMMEDIATE so two processes starting together do not both run a migration.
  db.transaction(() => {
    const version = db.pragma('user_version', { simple: true });
    for (let i = version; i < MIGRATIONS.length; i += 1) {
      db.exec(MIGRATIONS[i]);
      db.pragma(`user_version = ${i + 1}`);
    }
  }).immediate();
}

export const SCHEMA_VERSION = MIGRATIONS.length;

// The schema of an older version, for migration tests: the first `version` migrations.
export function schemaOfVersion(version) {
  return MIGRATIONS.slice(0, version);
}
