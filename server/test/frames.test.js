// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// Raw Engine.IO / Socket.IO frames, as a broken or hostile client would send them: the
// server answers or drops that connection, never crashes, and keeps serving others.
import { before, after } from 'node:test';
import assert from 'node:assert/strict';
import WebSocket from 'ws';
import { test, startServer, connectAs, ack, uuid, closeAll, api, hookOptions } from './helpers.js';

let server;
before(async () => { server = await startServer(); }, hookOptions);
after(async () => { closeAll(); await server?.stop(); server?.assertQuiet(); }, hookOptions);

// Opens a raw WebSocket, does the Engine.IO open, and collects every text frame.
async function raw() {
  const ws = new WebSocket(`${server.url.replace('http', 'ws')}/socket.io/?EIO=4&transport=websocket`);
  const frames = [];
  const waiters = [];
  ws.on('message', (data, isBinary) => {
    const text = isBinary ? '<binary>' : data.toString();
    if (text === '2') ws.send('3'); // answer pings
    frames.push(text);
    for (const w of [...waiters]) if (w.match(text)) { waiters.splice(waiters.indexOf(w), 1); w.resolve(text); }
  });
  const closed = new Promise((resolve) => ws.on('close', (code) => resolve(code)));
  ws.on('error', () => {});
  const next = (pattern, ms = 3000) => {
    const found = frames.find((f) => pattern.test(f));
    if (found) { frames.splice(frames.indexOf(found), 1); return Promise.resolve(found); }
    return new Promise((resolve, reject) => {
      const w = { match: (t) => pattern.test(t), resolve: (t) => { clearTimeout(timer); frames.splice(frames.indexOf(t), 1); resolve(t); } };
      const timer = setTimeout(() => { waiters.splice(waiters.indexOf(w), 1); reject(new Error(`no frame ${pattern} in ${ms} ms; got ${frames.join(' | ')}`)); }, ms);
      waiters.push(w);
    });
  };
  await next(/^0\{/);
  return { ws, next, closed, frames };
}

test('CONNECT with the token in the auth payload, then events with acks', async () => {
  const token = await server.token('alice');
  const c = await raw();
  c.ws.send(`40${JSON.stringify({ token })}`);
  const connect = JSON.parse((await c.next(/^40\{/)).slice(2));
  assert.ok(connect.sid);
  assert.ok(connect.pid, 'connection state recovery gives a pid');
  const connected = await c.next(/^42\["connected"/);
  assert.equal(JSON.parse(connected.slice(2))[1].userId, 'alice');
  c.ws.send(`421${JSON.stringify(['join_conversation', { conversationId: 'dm-alice-bob' }])}`);
  const reply = JSON.parse((await c.next(/^431\[/)).slice(3));
  assert.equal(reply[0].ok, true);
  c.ws.close();
});

test('CONNECT refusals are CONNECT_ERROR frames with data.code', async () => {
  for (const [payload, code] of [['', 'INVALID_TOKEN'], ['{"token":"x.y.z"}', 'INVALID_TOKEN'], ['{"token":42}', 'INVALID_TOKEN'],
    [`{"token":"${await server.token('alice', { ttl: -60 })}"}`, 'TOKEN_EXPIRED']]) {
    const c = await raw();
    c.ws.send(`40${payload}`);
    const error = JSON.parse((await c.next(/^44\{/)).slice(2));
    assert.equal(error.data.code, code, payload);
    assert.equal(typeof error.message, 'string');
    c.ws.close();
  }
});

test('garbage frames drop only that connection; the server keeps serving', async () => {
  const token = await server.token('bob');
  const garbage = [
    '4', '42', '42[', '42{"a":1}', '42[]', '42[42]', '42[null]', '42["send_message"', '4x', '9', 'hello', '',
    '42["send_message",{"conversationId":"dm-alice-bob"},', `42${'['.repeat(100000)}`, '43', '41', '45-["x"]',
    '42["__proto__",{}]', '42["constructor"]', '42["send_message",{"__proto__":{"ok":true}}]',
  ];
  for (const frame of garbage) {
    const c = await raw();
    c.ws.send(`40${JSON.stringify({ token })}`);
    await c.next(/^40\{/);
    c.ws.send(frame);
    c.ws.send(Buffer.from([0xff, 0x00, 0x42]));
    // Either the frame is ignored/answered or the connection is closed; never a crash.
    await Promise.race([c.closed, new Promise((resolve) => setTimeout(resolve, 50))]);
    c.ws.terminate();
  }
  const before = (await api(server, token, 'GET', '/api/conversations/dm-alice-bob/messages?limit=1')).json.data[0].seq;
  const bob = await connectAs(server, 'bob');
  const sent = await ack(bob, 'send_message', { conversationId: 'dm-alice-bob', clientId: uuid(), content: 'still here' });
  assert.equal(sent.message.seq, before + 1, 'nothing from the garbage was stored');
});

test('events before CONNECT and to other namespaces are refused', async () => {
  const early = await raw();
  early.ws.send('42["send_message",{"conversationId":"dm-alice-bob","clientId":"x","content":"no auth"}]');
  await Promise.race([early.closed, new Promise((resolve) => setTimeout(resolve, 300))]);
  early.ws.terminate();
  const c = await raw();
  c.ws.send('40/admin,{}');
  const nsp = await c.next(/^44\/admin,/);
  assert.match(nsp, /Invalid namespace/);
  c.ws.close();
  const token = await server.token('alice');
  const page = await api(server, token, 'GET', '/api/conversations/dm-alice-bob/messages?limit=5');
  assert.ok(!page.json.data.some((m) => m.content === 'no auth'));
});

test('the acks and broadcasts of one batch of sends leave in two writes, not one per frame', async () => {
  const token = await server.token('alice');
  const c = await raw();
  c.ws.send(`40${JSON.stringify({ token })}`);
  await c.next(/^42\["connected"/);
  const tcp = c.ws._socket; // the client's TCP connection: what the server's writes arrive as
  const chunks = [];
  tcp.on('data', (chunk) => chunks.push(chunk.toString('latin1')));
  const count = 8; // below the send rate limit's burst
  tcp.cork(); // the server reads all of them at once: one turn, one group commit
  for (let i = 0; i < count; i += 1) {
    c.ws.send(`42${i}${JSON.stringify(['send_message', { conversationId: 'dm-alice-bob', clientId: uuid(), content: `coalesce-${i}` }])}`);
  }
  tcp.uncork();
  for (let i = 0; i < count; i += 1) {
    await c.next(new RegExp(`^43${i}\\[\\{"ok":true`));
    await c.next(new RegExp(`^42\\["message_received",.*"coalesce-${i}"`));
  }
  const carrying = chunks.filter((chunk) => chunk.includes('coalesce-'));
  // Engine.IO writes a turn's first frame at once and the rest when that write is done
  // (turn-writes.js): two writes, read here as one or two chunks.
  assert.ok(carrying.length <= 2, `the ${count} acks and ${count} message_received came in ${carrying.length} reads`);
  assert.equal(carrying.join('').match(/coalesce-/g).length, 2 * count);
  c.ws.close();
});
