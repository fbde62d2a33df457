// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// Reads a `multipart/form-data` upload with one part `file` (busboy) into a temporary file,
// hashing and counting it on the way, so a 25 MiB upload is never held in memory.
import crypto from 'node:crypto';
import fs from 'node:fs';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import busboy from 'busboy';
import { AppError } from './errors.js';

const MAX_NAME = 255;
const MULTIPART_OVERHEAD = 64 * 1024; // boundaries and part headers around the file

export function tooLarge(maxSize) {
  return new AppError('PAYLOAD_TOO_LARGE', `a file is at most ${maxSize} bytes`);
}

// A file name from the network: its last path component, without control characters,
// trimmed, at most 255 characters; "file" when nothing is left. Clients sanitise it again
// before it touches their disk.
export function cleanName(raw) {
  const base = String(raw || '').split(/[/\\]/).pop();
  const name = base.replace(/[\p{Cc}\p{Cf}\u2028\u2029]/gu, '').trim();
  return [...name].slice(0, MAX_NAME).join('') || 'file';
}

// The part's declared media type, lowercased without parameters, when it is a well-formed
// type/subtype; else application/octet-stream. (busboy already makes a part without a
// valid Content-Type text/plain, as RFC 7578 says.)
export function cleanType(raw) {
  const type = String(raw || '').split(';')[0].trim().toLowerCase();
  return /^[a-z0-9][a-z0-9!#$&^_.+-]{0,126}\/[a-z0-9][a-z0-9!#$&^_.+-]{0,126}$/.test(type) ? type : 'application/octet-stream';
}

// Counts, hashes and keeps the first bytes of what passes.
class Measure extends Transform {
  constructor() {
    super();
    this.size = 0;
    this.hash = crypto.createHash('sha256');
    this.head = Buffer.alloc(0);
  }

  _transform(chunk, encoding, done) {
    this.size += chunk.length;
    if (this.head.length < 12) this.head = Buffer.concat([this.head, chunk.subarray(0, 12 - this.head.length)]);
    this.hash.update(chunk);
    done(null, chunk);
  }
}

const badBody = (message) => new AppError('BAD_REQUEST', message);

// Resolves with { name, declaredType, tempFile, size, sha256, head } once the whole body is
// read; rejects with BAD_REQUEST or PAYLOAD_TOO_LARGE, the temporary file removed.
export function receiveUpload(req, { tempPath, maxSize }) {
  const length = Number(req.headers['content-length']);
  if (Number.isFinite(length) && length > maxSize + MULTIPART_OVERHEAD) return Promise.reject(tooLarge(maxSize));
  let parser;
  try {
    // busboy reports a file that reaches fileSize as truncated (and skips the rest), so the
    // limit is one byte higher and the size is checked here: exactly maxSize passes.
    parser = busboy({ headers: req.headers, defParamCharset: 'utf8', limits: { files: 1, fileSize: maxSize + 1, fields: 20, fieldSize: 1024, parts: 21, headerPairs: 50 } });
  } catch {
    return Promise.reject(badBody('the body must be multipart/form-data with one part "file"'));
  }
  return new Promise((resolve, reject) => {
    let failure = null;
    let stored = null; // the promise of the one file part
    const fail = (err) => { failure = failure || err; };
    parser.on('file', (field, stream, info) => {
      if (field !== 'file' || stored) {
        fail(badBody('the body must have exactly one part "file"'));
        stream.resume();
        return;
      }
      const tempFile = tempPath();
      const measure = new Measure();
      const out = fs.createWriteStream(tempFile);
      stored = pipeline(stream, measure, out).then(
        () => ({
          name: cleanName(info.filename),
          declaredType: cleanType(info.mimeType),
          tempFile,
          size: measure.size,
          sha256: measure.hash.digest('hex'),
          head: measure.head,
        }),
        async (err) => {
          if (!out.closed) await new Promise((resolve) => out.once('close', resolve)); // an open in flight would recreate it
          fs.rmSync(tempFile, { force: true });
          parser.destroy(); // a failed write: stop, and let 'close' answer
          throw err;
        },
      );
      stored.catch(() => {}); // awaited on 'close'; this only marks it handled meanwhile
    });
    parser.on('filesLimit', () => fail(badBody('the body must have exactly one part "file"')));
    parser.on('partsLimit', () => fail(badBody('too many parts')));
    parser.on('fieldsLimit', () => fail(badBody('too many fields')));
    parser.on('error', () => {
      fail(badBody('malformed or cut off multipart body'));
      parser.destroy(); // busboy emits some errors without closing; 'close' answers
    });
    parser.on('close', async () => {
      let result = null;
      try {
        result = stored ? await stored : null;
      } catch {
        fail(badBody('the upload was cut off'));
      }
      if (result && result.size > maxSize) fail(tooLarge(maxSize));
      if (!failure && !result) fail(badBody('the body has no part "file"'));
      if (failure) {
        if (result) fs.rmSync(result.tempFile, { force: true });
        req.resume(); // drop the rest of the body, so the answer goes out on a live connection
        reject(failure);
      } else {
        resolve(result);
      }
    });
    req.on('close', () => { if (!req.complete) parser.destroy(new Error('the client went away')); });
    req.pipe(parser);
  });
}
