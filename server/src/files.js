// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// Files of contract v2: the `files` rows and the bytes on disk. The bytes are stored
// content-addressed (<dir>/<first two hex digits>/<sha256>, its thumbnail beside it as
// <sha256>.thumb), so one content uploaded twice is stored once; a blob goes when no row
// names its sha256 any more. Every write of a row happens in the same event-loop turn as the
// blob's rename into place, so a sweep in this process never sees one without the other.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from './errors.js';
import { nowIso } from './store.js';

export const MAX_FILE_SIZE = 25 * 1024 * 1024;

// The image types served as themselves; every other file is application/octet-stream.
export const IMAGE_TYPES = new Set(['image/png', 'image/jpeg', 'image/gif', 'image/webp']);

// The contract's Attachment of a `files` row.
export function toAttachment(row) {
  const attachment = { id: row.id, name: row.name, size: row.size, mimeType: row.mimeType, sha256: row.sha256 };
  if (row.width !== null) {
    attachment.width = row.width;
    attachment.height = row.height;
  }
  attachment.hasThumbnail = row.thumbnailType !== null;
  return attachment;
}

export class FileStore {
  constructor(db, dir) {
    this.db = db;
    this.dir = dir;
    this.tmpDir = path.join(dir, 'tmp');
    // Uploads cut off by a crash or a restart leave their partial files here.
    fs.rmSync(this.tmpDir, { recursive: true, force: true });
    fs.mkdirSync(this.tmpDir, { recursive: true });
    const q = (sql) => db.prepare(sql);
    this.sql = {
      insert: q(`INSERT INTO files (id, conversationId, uploaderId, idempotencyKey, name, size, mimeType, sha256,
                                    width, height, thumbnailType, createdAt)
                 VALUES (@id, @conversationId, @uploaderId, @idempotencyKey, @name, @size, @mimeType, @sha256,
                         @width, @height, @thumbnailType, @createdAt)`),
      byId: q('SELECT * FROM files WHERE id = ?'),
      byKey: q('SELECT * FROM files WHERE uploaderId = ? AND idempotencyKey = ?'),
      byIds: q('SELECT * FROM files WHERE id IN (SELECT value FROM json_each(?))'),
      claim: q('UPDATE files SET messageId = ? WHERE id IN (SELECT value FROM json_each(?))'),
      releaseMessage: q('DELETE FROM files WHERE messageId = ? RETURNING sha256'),
      removeUnused: q('DELETE FROM files WHERE messageId IS NULL AND createdAt < ? RETURNING sha256'),
      isReferenced: q('SELECT 1 FROM files WHERE sha256 = ? LIMIT 1'),
    };
  }

  blobPath(sha256) {
    return path.join(this.dir, sha256.slice(0, 2), sha256);
  }

  thumbnailPath(sha256) {
    return `${this.blobPath(sha256)}.thumb`;
  }

  // A fresh path in the temporary directory, for an upload in progress.
  tempPath() {
    return path.join(this.tmpDir, crypto.randomUUID());
  }

  byId(id) {
    return this.sql.byId.get(id) || null;
  }

  byKey(uploaderId, idempotencyKey) {
    return this.sql.byKey.get(uploaderId, idempotencyKey) || null;
  }

  // Moves a received upload into place and records it. `upload`: { conversationId,
  // uploaderId, idempotencyKey, name, size, mimeType, sha256, tempFile, image } with
  // image = { width, height, thumbnail, thumbnailType } or null. Returns { row, created }:
  // when the same key was stored meanwhile (two uploads raced), that row, and this one's
  // bytes are dropped. Synchronous from the rename to the insert (see the file comment).
  add(upload) {
    const { sha256, tempFile, image } = upload;
    const blob = this.blobPath(sha256);
    fs.mkdirSync(path.dirname(blob), { recursive: true });
    fs.renameSync(tempFile, blob); // the same content replaces itself
    if (image && !fs.existsSync(this.thumbnailPath(sha256))) fs.writeFileSync(this.thumbnailPath(sha256), image.thumbnail);
    const row = {
      id: `f_${crypto.randomBytes(12).toString('base64url')}`,
      conversationId: upload.conversationId,
      uploaderId: upload.uploaderId,
      idempotencyKey: upload.idempotencyKey,
      name: upload.name,
      size: upload.size,
      mimeType: upload.mimeType,
      sha256,
      width: image ? image.width : null,
      height: image ? image.height : null,
      thumbnailType: image ? image.thumbnailType : null,
      createdAt: nowIso(),
    };
    try {
      this.sql.insert.run(row);
    } catch (err) {
      if (err.code !== 'SQLITE_CONSTRAINT_UNIQUE') throw err;
      this.removeBlobsUnlessReferenced([sha256]);
      return { row: this.byKey(upload.uploaderId, upload.idempotencyKey), created: false };
    }
    return { row: { ...row, messageId: null }, created: true };
  }

  // The Attachments of `ids`, in the order given, when each was uploaded by `senderId` to
  // `conversationId` and no message uses it yet; anything else is BAD_REQUEST. The sender's
  // transaction calls this, inserts the message, then use(): two messages cannot both take
  // one upload.
  claimable({ conversationId, senderId, ids }) {
    const rows = new Map(this.sql.byIds.all(JSON.stringify(ids)).map((r) => [r.id, r]));
    return ids.map((id) => {
      const row = rows.get(id);
      if (!row || row.conversationId !== conversationId || row.uploaderId !== senderId) {
        throw new AppError('BAD_REQUEST', `attachment ${id} is not an upload of yours to this conversation`);
      }
      if (row.messageId !== null) throw new AppError('BAD_REQUEST', `attachment ${id} is already used by a message`);
      return toAttachment(row);
    });
  }

  use(ids, messageId) {
    this.sql.claim.run(messageId, JSON.stringify(ids));
  }

  // Forgets the files of a deleted message (inside its transaction); returns their sha256s
  // for removeBlobsUnlessReferenced once committed.
  releaseMessage(messageId) {
    return this.sql.releaseMessage.all(messageId).map((r) => r.sha256);
  }

  removeBlobsUnlessReferenced(sha256s) {
    for (const sha256 of new Set(sha256s)) {
      if (this.sql.isReferenced.get(sha256)) continue;
      fs.rmSync(this.blobPath(sha256), { force: true });
      fs.rmSync(this.thumbnailPath(sha256), { force: true });
    }
  }

  // Removes the uploads no message used within `maxAgeMs`. Returns how many went.
  sweep(maxAgeMs) {
    const cutoff = new Date(Date.now() - maxAgeMs).toISOString();
    const removed = this.db.transaction(() => this.sql.removeUnused.all(cutoff)).immediate();
    this.removeBlobsUnlessReferenced(removed.map((r) => r.sha256));
    return removed.length;
  }
}
