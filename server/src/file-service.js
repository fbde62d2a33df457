// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The file routes of contract v2 (upload, download with Range, thumbnail), their membership
// checks and the periodic removal of uploads no message used.
import fs from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { AppError } from './errors.js';
import { IMAGE_TYPES, MAX_FILE_SIZE, toAttachment } from './files.js';
import { describeImage } from './images.js';
import { receiveUpload } from './uploads.js';
import * as validate from './validate.js';

// Returned by a route that wrote its own response (bytes, not JSON).
export const RESPONDED = Symbol('responded');

const notFound = () => new AppError('NOT_FOUND', 'file not found');

// `bytes=a-b`, `bytes=a-` or `bytes=-n` against `size` -> { start, end } (end inclusive),
// 'unsatisfiable', or null to send the whole file (no Range, several ranges, or a Range
// this server does not read: RFC 9110 lets a server ignore it).
export function parseRange(header, size) {
  if (!header) return null;
  const match = /^bytes=(\d*)-(\d*)$/.exec(String(header).trim());
  if (!match || (match[1] === '' && match[2] === '')) return null;
  let start;
  let end;
  if (match[1] === '') { // the last n bytes
    const n = Number(match[2]);
    if (n === 0) return 'unsatisfiable';
    start = Math.max(0, size - n);
    end = size - 1;
  } else {
    start = Number(match[1]);
    end = match[2] === '' ? size - 1 : Math.min(Number(match[2]), size - 1);
    if (match[2] !== '' && Number(match[2]) < start) return null; // malformed: ignored
  }
  if (start >= size || start > end) return 'unsatisfiable';
  return { start, end };
}

// RFC 6266: an ASCII fallback and the real name in UTF-8.
function contentDisposition(name) {
  const fallback = name.replace(/[^\x20-\x7e]|["\\%]/g, '_');
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

const SAFE_HEADERS = {
  'X-Content-Type-Options': 'nosniff',
  'Content-Security-Policy': "default-src 'none'; sandbox",
  'Cache-Control': 'private, no-cache',
};

export class FileService {
  // `store`: the FileStore; unused uploads older than `unusedMaxAgeMs` go every `sweepIntervalMs`.
  constructor({ chat, store, maxSize = MAX_FILE_SIZE, unusedMaxAgeMs, sweepIntervalMs }) {
    this.chat = chat;
    this.store = store;
    this.maxSize = maxSize;
    this.unusedMaxAgeMs = unusedMaxAgeMs;
    this.sweeper = setInterval(() => this.sweep(), sweepIntervalMs);
    this.sweeper.unref();
  }

  close() {
    clearInterval(this.sweeper);
  }

  sweep() {
    try {
      this.store.sweep(this.unusedMaxAgeMs);
    } catch (err) {
      console.error('file sweep:', err.message);
    }
  }

  // POST /api/conversations/:id/files. Answers { status, data: Attachment }.
  async upload(user, conversationId, req) {
    this.chat.requireMember(conversationId, user.id); // before a byte is read
    const idempotencyKey = req.headers['idempotency-key'];
    if (typeof idempotencyKey !== 'string' || !validate.ID_PATTERN.test(idempotencyKey)) {
      throw new AppError('BAD_REQUEST', `header Idempotency-Key must match ${validate.ID_PATTERN.source} (a UUID does)`);
    }
    const earlier = this.store.byKey(user.id, idempotencyKey);
    if (earlier) {
      req.resume(); // the bytes are known already
      return this.answerEarlier(earlier, conversationId);
    }
    const received = await receiveUpload(req, { tempPath: () => this.store.tempPath(), maxSize: this.maxSize });
    try {
      this.chat.requireMember(conversationId, user.id); // still, after a long upload
      const image = await describeImage(received.tempFile, received.head);
      const { row, created } = this.store.add({
        conversationId, uploaderId: user.id, idempotencyKey, name: received.name, size: received.size,
        mimeType: image ? image.mimeType : received.declaredType, sha256: received.sha256, tempFile: received.tempFile, image,
      });
      return created ? { status: 201, data: toAttachment(row) } : this.answerEarlier(row, conversationId);
    } finally {
      fs.rmSync(received.tempFile, { force: true }); // gone already unless something failed
    }
  }

  answerEarlier(row, conversationId) {
    if (row.conversationId !== conversationId) {
      throw new AppError('BAD_REQUEST', 'Idempotency-Key already used for an upload to another conversation');
    }
    return { status: 201, data: toAttachment(row) };
  }

  // The file's row when `user` may read it: a participant of its conversation, and for an
  // upload no message uses yet, only its uploader.
  readable(user, attachmentId) {
    if (!validate.ID_PATTERN.test(attachmentId)) throw notFound();
    const row = this.store.byId(attachmentId);
    if (!row) throw notFound();
    this.chat.requireMember(row.conversationId, user.id);
    if (row.messageId === null && row.uploaderId !== user.id) throw notFound();
    return row;
  }

  // GET /api/files/:id, with Range.
  async download(user, attachmentId, req, res) {
    const row = this.readable(user, attachmentId);
    const range = parseRange(req.headers.range, row.size);
    const headers = {
      ...SAFE_HEADERS,
      'Content-Type': IMAGE_TYPES.has(row.mimeType) ? row.mimeType : 'application/octet-stream',
      'Content-Disposition': contentDisposition(row.name),
      'Accept-Ranges': 'bytes',
      ETag: `"${row.sha256}"`,
    };
    if (range === 'unsatisfiable') {
      res.writeHead(416, { ...headers, 'Content-Range': `bytes */${row.size}`, 'Content-Length': 0 });
      res.end();
      return RESPONDED;
    }
    const { start, end } = range || { start: 0, end: row.size - 1 };
    await this.sendBytes(res, this.store.blobPath(row.sha256), {
      status: range ? 206 : 200,
      headers: { ...headers, 'Content-Length': Math.max(0, end - start + 1), ...(range ? { 'Content-Range': `bytes ${start}-${end}/${row.size}` } : {}) },
      start,
      end,
    });
    return RESPONDED;
  }

  // GET /api/files/:id/thumbnail: 404 when the file has none.
  async thumbnail(user, attachmentId, res) {
    const row = this.readable(user, attachmentId);
    if (row.thumbnailType === null) throw new AppError('NOT_FOUND', 'this file has no thumbnail');
    const file = this.store.thumbnailPath(row.sha256);
    const size = fs.statSync(file).size;
    await this.sendBytes(res, file, {
      status: 200,
      headers: { ...SAFE_HEADERS, 'Content-Type': row.thumbnailType, 'Content-Disposition': 'attachment; filename="thumbnail"', 'Content-Length': size },
      start: 0,
      end: size - 1,
    });
    return RESPONDED;
  }

  async sendBytes(res, file, { status, headers, start, end }) {
    if (end < start) { // an empty file
      res.writeHead(status, headers);
      res.end();
      return;
    }
    const stream = fs.createReadStream(file, { start, end });
    await new Promise((resolve, reject) => { stream.once('open', resolve); stream.once('error', reject); });
    res.writeHead(status, headers);
    try {
      await pipeline(stream, res);
    } catch {
      res.destroy(); // the client went away mid-download
    }
  }
}
