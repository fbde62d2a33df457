// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// Contract v2 files against a real server process: multipart uploads with Idempotency-Key,
// the 25 MiB boundary, content-addressed storage in FILES_DIR (or beside the database),
// downloads with Range and safe headers, thumbnails of the four image types, a
// decompression bomb and a truncated JPEG, membership on every route, attachments on
// send_message, the files of a deleted message, and the sweep of unused uploads.
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import zlib from 'node:zlib';
import sharp from 'sharp';
import {
  test, startServer, sharedServer, connectAs, ack, nextEvent, uuid, closeAll, api, fetchWithin, tempDir, sleep, within, WAIT_TIMEOUT_MS,
  createConversation,
} from './helpers.js';

const MIB = 1024 * 1024;
const LIMIT = 25 * MIB;

const filesDir = path.join(tempDir(), 'custom-files');
let server;
let tokens;
sharedServer({ FILES_DIR: filesDir, MESSAGE_RATE_BURST: '100000', MESSAGE_RATE_PER_SEC: '100000' }, (s, t) => { server = s; tokens = t; });

const sha256 = (bytes) => crypto.createHash('sha256').update(bytes).digest('hex');

const newConversation = async (on, creator, others) => createConversation(on, await on.token(creator), others);

// POST …/files with one part `file`; `parts` replaces the form for malformed bodies.
async function upload(on, user, conversationId, bytes, { name = 'data.bin', type = 'application/octet-stream', key = uuid(), form } = {}) {
  let body = form;
  if (!body) {
    body = new FormData();
    body.append('file', new Blob([bytes], { type }), name);
  }
  const headers = { Authorization: `Bearer ${await on.token(user)}` };
  if (key !== null) headers['Idempotency-Key'] = key;
  const { res, text } = await fetchWithin(`${on.url}/api/conversations/${conversationId}/files`, { method: 'POST', headers, body }, { server: on, timeoutMs: 60_000 });
  let json = null;
  try { json = JSON.parse(text); } catch { /* not JSON */ }
  return { status: res.status, json, text, key };
}

async function uploaded(on, user, conversationId, bytes, options) {
  const r = await upload(on, user, conversationId, bytes, options);
  assert.equal(r.status, 201, r.text);
  return r.json.data;
}

async function get(on, user, pathname, headers = {}) {
  const { res, bytes, text } = await fetchWithin(on.url + pathname, { headers: { Authorization: `Bearer ${await on.token(user)}`, ...headers } }, { server: on });
  return { status: res.status, headers: res.headers, bytes, text };
}

function blobPath(dir, hash) {
  return path.join(dir, hash.slice(0, 2), hash);
}

const png = (width, height, alpha = false) => sharp({ create: { width, height, channels: alpha ? 4 : 3, background: { r: 200, g: 30, b: 30, alpha: 0.5 } } }).png().toBuffer();

// A PNG of 10000 x 10000 one-bit pixels (100 megapixels, above the server's limit) in a
// few kilobytes: its rows really are all there, compressed.
function bombPng() {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc32 = (buf) => {
    let c = 0xffffffff;
    for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type, data) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const side = 10000;
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(side, 0);
  ihdr.writeUInt32BE(side, 4);
  ihdr[8] = 1; // bit depth
  ihdr[9] = 0; // greyscale
  const raw = Buffer.alloc(side * (1 + side / 8)); // filter byte 0 and zero pixels per row
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr), chunk('IDAT', zlib.deflateSync(raw, { level: 9 })), chunk('IEND', Buffer.alloc(0)),
  ]);
}

test('an upload answers its Attachment, stored once by sha256 in FILES_DIR; the download is the same bytes with safe headers', async () => {
  const conv = await newConversation(server, 'alice', ['bob']);
  const bytes = crypto.randomBytes(100_000);
  const attachment = await uploaded(server, 'alice', conv, bytes, { name: 'report 2026 — ✓.pdf', type: 'application/pdf' });
  assert.deepEqual(Object.keys(attachment), ['id', 'name', 'size', 'mimeType', 'sha256', 'hasThumbnail']);
  assert.match(attachment.id, /^[A-Za-z0-9_-]{1,100}$/);
  assert.deepEqual(
    [attachment.name, attachment.size, attachment.mimeType, attachment.sha256, attachment.hasThumbnail],
    ['report 2026 — ✓.pdf', bytes.length, 'application/pdf', sha256(bytes), false],
  );
  assert.deepEqual(fs.readFileSync(blobPath(filesDir, attachment.sha256)), bytes);
  assert.deepEqual(fs.readdirSync(path.join(filesDir, 'tmp')), [], 'nothing left behind in tmp');

  const down = await get(server, 'alice', `/api/files/${attachment.id}`);
  assert.equal(down.status, 200);
  assert.deepEqual(down.bytes, bytes);
  assert.equal(down.headers.get('content-type'), 'application/octet-stream', 'only the four image types are served as themselves');
  assert.equal(down.headers.get('x-content-type-options'), 'nosniff');
  assert.equal(down.headers.get('content-disposition'), `attachment; filename="report 2026 _ _.pdf"; filename*=UTF-8''${encodeURIComponent('report 2026 — ✓.pdf')}`);
  assert.equal(down.headers.get('content-length'), String(bytes.length));
  assert.equal(down.headers.get('accept-ranges'), 'bytes');
  assert.equal((await get(server, 'alice', `/api/files/${attachment.id}/thumbnail`)).status, 404, 'no thumbnail for a PDF');

  // The same content again (another key) is another file on the same blob.
  const again = await uploaded(server, 'alice', conv, bytes, { name: 'copy.pdf' });
  assert.notEqual(again.id, attachment.id);
  assert.equal(again.sha256, attachment.sha256);
  assert.deepEqual(fs.readdirSync(path.join(filesDir, attachment.sha256.slice(0, 2))).filter((f) => f.startsWith(attachment.sha256)), [attachment.sha256]);

  // HTML declared as itself is stored as declared and still served as bytes, never as a page.
  const html = await uploaded(server, 'alice', conv, Buffer.from('<script>alert(1)</script>'), { name: 'x.html', type: 'text/html; charset=utf-8' });
  assert.equal(html.mimeType, 'text/html');
  const page = await get(server, 'alice', `/api/files/${html.id}`);
  assert.equal(page.headers.get('content-type'), 'application/octet-stream');
  assert.match(page.headers.get('content-disposition'), /^attachment;/);
});

test('file names lose their path and control characters; a part without a valid type is text/plain; an empty file is a file', async () => {
  const conv = await newConversation(server, 'alice', ['bob']);
  const cases = [
    ['../../etc/passwd', 'passwd'],
    ['C:\\Windows\\evil.exe', 'evil.exe'],
    ['a\u0085b\u202ec\u200b.txt', 'abc.txt'],
    ['   ', 'file'],
    ['x'.repeat(300), 'x'.repeat(255)],
  ];
  for (const [raw, clean] of cases) {
    assert.equal((await uploaded(server, 'alice', conv, Buffer.from('x'), { name: raw })).name, clean, JSON.stringify(raw));
  }

  assert.equal((await upload(server, 'alice', conv, Buffer.from('x'), { name: 'a\u0000b' })).status, 400, 'NUL makes a malformed part header');
  // Control characters can still come percent-encoded in filename* (RFC 5987).
  const raw = async (partHeaders) => {
    const { res, text } = await fetchWithin(`${server.url}/api/conversations/${conv}/files`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${tokens.alice}`, 'Idempotency-Key': uuid(), 'Content-Type': 'multipart/form-data; boundary=XYZ' },
      body: `--XYZ\r\n${partHeaders}\r\n\r\nx\r\n--XYZ--\r\n`,
    }, { server });
    assert.equal(res.status, 201, text);
    return JSON.parse(text).data;
  };
  assert.equal((await raw('Content-Disposition: form-data; name="file"; filename*=UTF-8\'\'..%2F..%2Fa%07b%00c%E2%9C%93.txt')).name, 'abc✓.txt');
  for (const type of ['not a type', 'text/', '/x', 'a/b c']) {
    const attachment = await raw(`Content-Disposition: form-data; name="file"; filename="t"\r\nContent-Type: ${type}`);
    assert.equal(attachment.mimeType, 'text/plain', `${type}: a part without a valid type is text/plain (RFC 7578)`);
  }
  assert.equal((await raw('Content-Disposition: form-data; name="file"; filename="t"\r\nContent-Type: Text/Plain; charset=utf-8')).mimeType, 'text/plain');
  const empty = await uploaded(server, 'alice', conv, Buffer.alloc(0), { name: 'empty.txt', type: 'text/plain' });
  assert.deepEqual([empty.size, empty.sha256], [0, sha256(Buffer.alloc(0))]);
  const down = await get(server, 'alice', `/api/files/${empty.id}`);
  assert.deepEqual([down.status, down.bytes.length], [200, 0]);
});

test('the four image types get width, height and a thumbnail of at most 320 x 320 that keeps the aspect ratio', async () => {
  const conv = await newConversation(server, 'alice', ['bob']);
  const base = sharp({ create: { width: 1200, height: 600, channels: 3, background: '#3366cc' } });
  const images = {
    'image/png': await png(1200, 600, true),
    'image/jpeg': await base.clone().jpeg().toBuffer(),
    'image/gif': await base.clone().gif().toBuffer(),
    'image/webp': await base.clone().webp().toBuffer(),
  };
  for (const [type, bytes] of Object.entries(images)) {
    // Declared wrongly on purpose: the server names what it decoded.
    const attachment = await uploaded(server, 'alice', conv, bytes, { name: `picture.${type.slice(6)}`, type: 'application/octet-stream' });
    assert.deepEqual([attachment.mimeType, attachment.width, attachment.height, attachment.hasThumbnail], [type, 1200, 600, true], type);
    const down = await get(server, 'alice', `/api/files/${attachment.id}`);
    assert.equal(down.headers.get('content-type'), type);
    assert.equal(down.headers.get('x-content-type-options'), 'nosniff');
    assert.match(down.headers.get('content-disposition'), /^attachment;/);
    const thumb = await get(server, 'alice', `/api/files/${attachment.id}/thumbnail`);
    assert.equal(thumb.status, 200, type);
    assert.equal(thumb.headers.get('x-content-type-options'), 'nosniff');
    const meta = await sharp(thumb.bytes).metadata();
    assert.deepEqual([meta.width, meta.height], [320, 160], `${type} thumbnail`);
    assert.equal(thumb.headers.get('content-type'), type === 'image/jpeg' ? 'image/jpeg' : 'image/png');
    assert.equal(meta.format, type === 'image/jpeg' ? 'jpeg' : 'png');
  }
  // A small image is not enlarged; EXIF orientation 6 (turned 90°) swaps the sides.
  const small = await uploaded(server, 'alice', conv, await png(40, 30), { type: 'image/png' });
  assert.deepEqual([small.width, small.height], [40, 30]);
  const thumb = await get(server, 'alice', `/api/files/${small.id}/thumbnail`);
  assert.deepEqual([(await sharp(thumb.bytes).metadata()).width, (await sharp(thumb.bytes).metadata()).height], [40, 30]);
  const turned = await sharp({ create: { width: 800, height: 400, channels: 3, background: '#000' } }).jpeg().withMetadata({ orientation: 6 }).toBuffer();
  const portrait = await uploaded(server, 'alice', conv, turned, { type: 'image/jpeg' });
  assert.deepEqual([portrait.width, portrait.height], [400, 800]);
  const portraitThumb = await sharp((await get(server, 'alice', `/api/files/${portrait.id}/thumbnail`)).bytes).metadata();
  assert.deepEqual([portraitThumb.width, portraitThumb.height], [160, 320]);
});

test('a decompression bomb and a truncated JPEG are stored as files without size or thumbnail, and the server carries on', async () => {
  const conv = await newConversation(server, 'alice', ['bob']);
  const bomb = bombPng();
  assert.ok(bomb.length < 100_000, `the bomb is ${bomb.length} bytes`);
  const started = Date.now();
  const stored = await uploaded(server, 'alice', conv, bomb, { name: 'bomb.png', type: 'image/png' });
  assert.ok(Date.now() - started < 10_000, 'refused from its header, not decoded');
  assert.deepEqual(Object.keys(stored), ['id', 'name', 'size', 'mimeType', 'sha256', 'hasThumbnail']);
  assert.deepEqual([stored.mimeType, stored.hasThumbnail, stored.size], ['image/png', false, bomb.length]);
  assert.equal((await get(server, 'alice', `/api/files/${stored.id}/thumbnail`)).status, 404);
  assert.deepEqual((await get(server, 'alice', `/api/files/${stored.id}`)).bytes, bomb, 'the bytes are served as sent');

  const jpeg = await sharp({ create: { width: 640, height: 480, channels: 3, background: '#888' } }).jpeg().toBuffer();
  const truncated = jpeg.subarray(0, Math.floor(jpeg.length / 2));
  const broken = await uploaded(server, 'alice', conv, truncated, { name: 'half.jpg', type: 'image/jpeg' });
  assert.deepEqual([broken.mimeType, broken.hasThumbnail, broken.width], ['image/jpeg', false, undefined]);
  const garbage = await uploaded(server, 'alice', conv, Buffer.concat([Buffer.from('GIF89a'), crypto.randomBytes(500)]), { name: 'x.gif', type: 'image/gif' });
  assert.deepEqual([garbage.mimeType, garbage.hasThumbnail], ['image/gif', false]);

  // Still alive and well.
  const fine = await uploaded(server, 'alice', conv, await png(10, 10), { type: 'image/png' });
  assert.equal(fine.hasThumbnail, true);
});

test('exactly 25 MiB is accepted; one byte more is refused with 413 PAYLOAD_TOO_LARGE and nothing is kept', { timeout: 180_000 }, async () => {
  const conv = await newConversation(server, 'alice', ['bob']);
  const exact = crypto.randomBytes(LIMIT);
  const accepted = await uploaded(server, 'alice', conv, exact, { name: 'exact.bin' });
  assert.deepEqual([accepted.size, accepted.sha256], [LIMIT, sha256(exact)]);
  assert.deepEqual((await get(server, 'alice', `/api/files/${accepted.id}`)).bytes.equals(exact), true);

  const over = Buffer.concat([exact, Buffer.from([7])]);
  const refused = await upload(server, 'alice', conv, over, { name: 'over.bin' });
  assert.equal(refused.status, 413, refused.text);
  assert.equal(refused.json.error.code, 'PAYLOAD_TOO_LARGE');
  assert.equal(fs.existsSync(blobPath(filesDir, sha256(over))), false);
  assert.deepEqual(fs.readdirSync(path.join(filesDir, 'tmp')), []);
  // Far too large: refused from Content-Length before the body is read; the key stays free.
  const huge = await upload(server, 'alice', conv, Buffer.alloc(LIMIT + 2 * MIB), { key: refused.key });
  assert.equal(huge.status, 413);
  const afterwards = await upload(server, 'alice', conv, Buffer.from('small'), { key: refused.key });
  assert.equal(afterwards.status, 201, 'a refused upload does not take its Idempotency-Key');
});

test('Range: a part of the file with 206 and Content-Range; unsatisfiable is 416; several ranges get the whole file', async () => {
  const conv = await newConversation(server, 'alice', ['bob']);
  const bytes = crypto.randomBytes(1000);
  const { id } = await uploaded(server, 'alice', conv, bytes);
  const cases = [
    ['bytes=0-9', 0, 9],
    ['bytes=990-', 990, 999],
    ['bytes=-10', 990, 999],
    ['bytes=500-5000', 500, 999],
    ['bytes=-5000', 0, 999],
  ];
  for (const [range, start, end] of cases) {
    const r = await get(server, 'alice', `/api/files/${id}`, { Range: range });
    assert.equal(r.status, 206, range);
    assert.equal(r.headers.get('content-range'), `bytes ${start}-${end}/1000`, range);
    assert.deepEqual(r.bytes, bytes.subarray(start, end + 1), range);
    assert.equal(r.headers.get('x-content-type-options'), 'nosniff');
  }
  for (const range of ['bytes=1000-', 'bytes=5000-6000', 'bytes=-0']) {
    const r = await get(server, 'alice', `/api/files/${id}`, { Range: range });
    assert.equal(r.status, 416, range);
    assert.equal(r.headers.get('content-range'), 'bytes */1000');
  }
  for (const range of ['bytes=0-1,5-6', 'items=0-5', 'bytes=9-3']) {
    const r = await get(server, 'alice', `/api/files/${id}`, { Range: range });
    assert.deepEqual([r.status, r.bytes.length], [200, 1000], range);
  }
});

test('Idempotency-Key: the same key from the same user answers the first file; it is per user and per conversation', async () => {
  const conv = await newConversation(server, 'alice', ['bob']);
  const other = await newConversation(server, 'alice', ['carol']);
  const key = uuid();
  const first = await uploaded(server, 'alice', conv, Buffer.from('first'), { key, name: 'one.txt' });
  const second = await upload(server, 'alice', conv, Buffer.from('second, different bytes'), { key, name: 'two.txt' });
  assert.equal(second.status, 201);
  assert.deepEqual(second.json.data, first, 'the first file, not the second');
  assert.equal(fs.existsSync(blobPath(filesDir, sha256(Buffer.from('second, different bytes')))), false);
  const bobs = await uploaded(server, 'bob', conv, Buffer.from('bob'), { key });
  assert.notEqual(bobs.id, first.id, 'keys are scoped to the uploading user');
  const elsewhere = await upload(server, 'alice', other, Buffer.from('first'), { key });
  assert.deepEqual([elsewhere.status, elsewhere.json.error.code], [400, 'BAD_REQUEST']);
  // Two uploads with one key at the same time: one file.
  const racing = uuid();
  const both = await Promise.all([1, 2].map(() => upload(server, 'alice', conv, crypto.randomBytes(200_000), { key: racing })));
  assert.deepEqual(both.map((r) => r.status), [201, 201]);
  assert.equal(both[0].json.data.id, both[1].json.data.id);
  assert.ok(fs.existsSync(blobPath(filesDir, both[0].json.data.sha256)));
});

test('malformed uploads are 400: no Idempotency-Key, not multipart, no part "file", two files; 401 without a token', async () => {
  const conv = await newConversation(server, 'alice', ['bob']);
  const codes = async (r) => [r.status, r.json?.error?.code];
  assert.deepEqual(await codes(await upload(server, 'alice', conv, Buffer.from('x'), { key: null })), [400, 'BAD_REQUEST']);
  assert.deepEqual(await codes(await upload(server, 'alice', conv, Buffer.from('x'), { key: 'not a uuid!' })), [400, 'BAD_REQUEST']);
  const json = await api(server, tokens.alice, 'POST', `/api/conversations/${conv}/files`, { file: 'x' }, { 'Idempotency-Key': uuid() });
  assert.deepEqual([json.status, json.json.error.code], [400, 'BAD_REQUEST']);
  const fieldOnly = new FormData();
  fieldOnly.append('note', 'no file here');
  assert.deepEqual(await codes(await upload(server, 'alice', conv, null, { form: fieldOnly })), [400, 'BAD_REQUEST']);
  const wrongName = new FormData();
  wrongName.append('attachment', new Blob(['x']), 'x.txt');
  assert.deepEqual(await codes(await upload(server, 'alice', conv, null, { form: wrongName })), [400, 'BAD_REQUEST']);
  const two = new FormData();
  two.append('file', new Blob(['one']), 'one.txt');
  two.append('file', new Blob(['two']), 'two.txt');
  assert.deepEqual(await codes(await upload(server, 'alice', conv, null, { form: two })), [400, 'BAD_REQUEST']);
  const cut = await fetchWithin(`${server.url}/api/conversations/${conv}/files`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${tokens.alice}`, 'Idempotency-Key': uuid(), 'Content-Type': 'multipart/form-data; boundary=XYZ' },
    body: '--XYZ\r\nContent-Disposition: form-data; name="file"; filename="a"\r\n\r\nno closing boundary',
  }, { server });
  assert.equal(cut.res.status, 400);
  const anonymous = await fetchWithin(`${server.url}/api/conversations/${conv}/files`, { method: 'POST', body: new FormData() }, { server });
  assert.equal(anonymous.res.status, 401);
  assert.equal((await api(server, null, 'GET', '/api/files/f_nothing')).status, 401);
  assert.deepEqual(fs.readdirSync(path.join(filesDir, 'tmp')), []);
});

test('an upload cut off by the client leaves nothing behind, and the server carries on', async () => {
  const conv = await newConversation(server, 'alice', ['bob']);
  const { port, hostname } = new URL(server.url);
  const request = http.request({
    host: hostname, port, method: 'POST', path: `/api/conversations/${conv}/files`,
    headers: {
      Authorization: `Bearer ${tokens.alice}`, 'Idempotency-Key': uuid(),
      'Content-Type': 'multipart/form-data; boundary=XYZ', 'Content-Length': String(4 * MIB),
    },
  });
  request.on('error', () => {}); // the socket is destroyed on purpose
  request.write('--XYZ\r\nContent-Disposition: form-data; name="file"; filename="half.bin"\r\n\r\n');
  request.write(crypto.randomBytes(MIB));
  await within((async () => {
    while (fs.readdirSync(path.join(filesDir, 'tmp')).length === 0) await sleep(20);
  })(), WAIT_TIMEOUT_MS, 'the upload to start writing its temporary file', server);
  request.destroy();
  await within((async () => {
    while (fs.readdirSync(path.join(filesDir, 'tmp')).length !== 0) await sleep(20);
  })(), WAIT_TIMEOUT_MS, 'the cut-off upload\'s temporary file to go', server);
  assert.equal((await uploaded(server, 'alice', conv, Buffer.from('next'))).size, 4);
});

test('membership on every file route: only participants upload or read; an unsent upload is its uploader\'s alone', async () => {
  const conv = await newConversation(server, 'alice', ['bob']);
  const bytes = Buffer.from('members only');
  const refused = await upload(server, 'carol', conv, bytes);
  assert.deepEqual([refused.status, refused.json.error.code], [403, 'FORBIDDEN']);
  assert.equal(fs.existsSync(blobPath(filesDir, sha256(bytes))), false, 'nothing stored for a non-participant');
  assert.equal((await upload(server, 'alice', 'no-such-conversation', bytes)).status, 404);

  const image = await uploaded(server, 'alice', conv, await png(50, 50), { type: 'image/png' });
  for (const suffix of ['', '/thumbnail']) {
    const outsider = await get(server, 'carol', `/api/files/${image.id}${suffix}`);
    assert.deepEqual([outsider.status, JSON.parse(outsider.text).error.code], [403, 'FORBIDDEN'], `carol ${suffix}`);
    assert.equal((await get(server, 'bob', `/api/files/${image.id}${suffix}`)).status, 404, `bob before the send ${suffix}`);
    assert.equal((await get(server, 'alice', `/api/files/${image.id}${suffix}`)).status, 200, `alice ${suffix}`);
  }
  const alice = await connectAs(server, 'alice');
  await ack(alice, 'send_message', { conversationId: conv, clientId: uuid(), content: '', attachments: [image.id] });
  for (const suffix of ['', '/thumbnail']) {
    assert.equal((await get(server, 'bob', `/api/files/${image.id}${suffix}`)).status, 200, `bob after the send ${suffix}`);
    assert.equal((await get(server, 'carol', `/api/files/${image.id}${suffix}`)).status, 403, `carol after the send ${suffix}`);
  }
  assert.equal((await get(server, 'alice', '/api/files/f_unknown')).status, 404);
  assert.equal((await get(server, 'alice', '/api/files/..%2F..%2Fetc%2Fpasswd')).status, 404);
});

test('send_message takes attachments: served on the Message everywhere, each upload used once, only the sender\'s own to this conversation', async () => {
  const conv = await newConversation(server, 'alice', ['bob']);
  const other = await newConversation(server, 'alice', ['carol']);
  const alice = await connectAs(server, 'alice');
  const bob = await connectAs(server, 'bob');
  const a = await uploaded(server, 'alice', conv, await png(30, 20), { name: 'a.png', type: 'image/png' });
  const b = await uploaded(server, 'alice', conv, Buffer.from('log line\n'), { name: 'b.log', type: 'text/plain' });
  const received = nextEvent(bob, 'message_received', (m) => m.conversationId === conv);
  const clientId = uuid();
  const sent = await ack(alice, 'send_message', { conversationId: conv, clientId, content: '  ', attachments: [b.id, a.id] });
  assert.equal(sent.ok, true, JSON.stringify(sent));
  assert.equal(sent.message.content, '', 'text is optional with attachments');
  assert.deepEqual(sent.message.attachments, [b, a], 'in the order sent, as uploaded');
  assert.deepEqual(await received, sent.message);
  const history = await api(server, tokens.bob, 'GET', `/api/conversations/${conv}/messages`);
  assert.deepEqual(history.json.data.at(-1), sent.message);
  const resend = await ack(alice, 'send_message', { conversationId: conv, clientId, content: '', attachments: [b.id, a.id] });
  assert.deepEqual([resend.duplicate, resend.message], [true, sent.message], 'a resend answers the stored message');

  const refusals = {
    'used already': [a.id],
    'bob\'s upload': [(await uploaded(server, 'bob', conv, Buffer.from('bob'))).id],
    'uploaded to another conversation': [(await uploaded(server, 'alice', other, Buffer.from('o'))).id],
    unknown: ['f_doesnotexist'],
    repeated: Array(2).fill((await uploaded(server, 'alice', conv, Buffer.from('r'))).id),
    'eleven': await Promise.all(Array.from({ length: 11 }, async (_, i) => (await uploaded(server, 'alice', conv, Buffer.from(`n${i}`))).id)),
    'not a list': 'f_x',
    'not ids': [42],
  };
  for (const [why, attachments] of Object.entries(refusals)) {
    const r = await ack(alice, 'send_message', { conversationId: conv, clientId: uuid(), content: 'x', attachments });
    assert.deepEqual([r.ok, r.error?.code], [false, 'BAD_REQUEST'], why);
  }
  const ten = await Promise.all(Array.from({ length: 10 }, async (_, i) => (await uploaded(server, 'alice', conv, Buffer.from(`t${i}`))).id));
  const withTen = await ack(alice, 'send_message', { conversationId: conv, clientId: uuid(), content: 'ten', attachments: ten });
  assert.deepEqual(withTen.message.attachments.map((x) => x.id), ten);
  assert.equal(withTen.message.seq, sent.message.seq + 1, 'a refused send takes no seq: still no gap');
  const empty = await ack(alice, 'send_message', { conversationId: conv, clientId: uuid(), content: ' ', attachments: [] });
  assert.deepEqual([empty.ok, empty.error.code], [false, 'BAD_REQUEST'], 'no text and no attachment');
  const rest = await api(server, tokens.alice, 'POST', `/api/conversations/${conv}/messages`, {
    clientId: uuid(), attachments: [(await uploaded(server, 'alice', conv, Buffer.from('via rest'))).id],
  });
  assert.equal(rest.status, 201, rest.text);
  assert.equal(rest.json.data.attachments.length, 1);
});

test('deleting a message drops its files: the tombstone has none, downloads are 404, the blob goes unless another file shares it', async () => {
  const conv = await newConversation(server, 'alice', ['bob']);
  const alice = await connectAs(server, 'alice');
  const shared = crypto.randomBytes(5000);
  const only = await png(64, 64);
  const a = await uploaded(server, 'alice', conv, shared, { name: 'shared.bin' });
  const b = await uploaded(server, 'alice', conv, only, { type: 'image/png' });
  const keep = await uploaded(server, 'alice', conv, shared, { name: 'kept copy.bin' });
  const sent = await ack(alice, 'send_message', { conversationId: conv, clientId: uuid(), content: 'files', attachments: [a.id, b.id] });
  await ack(alice, 'send_message', { conversationId: conv, clientId: uuid(), content: 'keeps', attachments: [keep.id] });
  const deleted = await ack(alice, 'delete_message', { conversationId: conv, messageId: sent.message.id });
  assert.deepEqual([deleted.message.attachments, deleted.message.content], [[], '']);
  for (const id of [a.id, b.id]) {
    assert.equal((await get(server, 'alice', `/api/files/${id}`)).status, 404);
    assert.equal((await get(server, 'alice', `/api/files/${id}/thumbnail`)).status, 404);
  }
  assert.equal(fs.existsSync(blobPath(filesDir, b.sha256)), false);
  assert.equal(fs.existsSync(`${blobPath(filesDir, b.sha256)}.thumb`), false);
  assert.equal(fs.existsSync(blobPath(filesDir, a.sha256)), true, 'still the blob of the kept copy');
  assert.deepEqual((await get(server, 'bob', `/api/files/${keep.id}`)).bytes, shared);
});

test('uploads no message used are removed after UNUSED_UPLOAD_TTL_S; files are stored beside the database by default', async () => {
  const dir = tempDir();
  const sweeping = await startServer({ UNUSED_UPLOAD_TTL_S: '1', FILE_SWEEP_INTERVAL_MS: '200' }, { dir });
  try {
    const defaultDir = path.join(dir, 'chat.db.files');
    const conv = await newConversation(sweeping, 'alice', ['bob']);
    const unused = await uploaded(sweeping, 'alice', conv, await png(20, 20), { type: 'image/png' });
    const used = await uploaded(sweeping, 'alice', conv, Buffer.from('used'));
    assert.ok(fs.existsSync(blobPath(defaultDir, unused.sha256)), 'beside the database');
    const alice = await connectAs(sweeping, 'alice');
    assert.equal((await ack(alice, 'send_message', { conversationId: conv, clientId: uuid(), content: 'x', attachments: [used.id] })).ok, true);
    await within((async () => {
      while ((await get(sweeping, 'alice', `/api/files/${unused.id}`)).status !== 404) await sleep(100);
    })(), WAIT_TIMEOUT_MS, 'the unused upload to be swept', sweeping);
    assert.equal(fs.existsSync(blobPath(defaultDir, unused.sha256)), false);
    assert.equal(fs.existsSync(`${blobPath(defaultDir, unused.sha256)}.thumb`), false);
    const late = await ack(alice, 'send_message', { conversationId: conv, clientId: uuid(), content: 'x', attachments: [unused.id] });
    assert.equal(late.error.code, 'BAD_REQUEST');
    assert.deepEqual((await get(sweeping, 'bob', `/api/files/${used.id}`)).bytes, Buffer.from('used'), 'a used file stays');
    sweeping.assertQuiet();
  } finally {
    closeAll();
    await sweeping.stop();
  }
});
