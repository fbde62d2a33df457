// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The helpers' bounds: a step that gets no answer fails within its bound and names
// itself, instead of hanging the file until ctest kills it.
import { after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import net from 'node:net';
import { test, api, runCommand, stopProcess, within, hookOptions } from './helpers.js';

// Accepts connections and never answers, like a server stuck in its event loop.
const held = new Set();
const silent = net.createServer((socket) => { held.add(socket); socket.on('error', () => {}); });
await new Promise((resolve) => silent.listen(0, '127.0.0.1', resolve));
const silentUrl = `http://127.0.0.1:${silent.address().port}`;
// Children the tests start; killed at the end even when a bound failed to.
const children = [];
after(() => {
  for (const s of held) s.destroy();
  silent.close();
  for (const child of children) child.kill('SIGKILL');
}, hookOptions);

// The error of start(), and how long it took to come; fails if there is none. An
// unbounded helper fails here after 5 s, with this wait's name instead of its own.
async function failure(start) {
  const started = Date.now();
  try {
    await within(start(), 5000, 'the helper to give up by itself');
  } catch (err) {
    return { err, ms: Date.now() - started };
  }
  assert.fail('the wait ended without an error');
}

test('api() to a server that accepts and never answers fails within its bound, naming the request', async () => {
  const fake = { url: silentUrl, output: () => ({ stdout: 'LISTENING fake', stderr: 'stuck here' }) };
  const { err, ms } = await failure(() => api(fake, 'token', 'GET', '/api/me', undefined, {}, { timeoutMs: 500 }));
  assert.ok(held.size >= 1, 'the request reached the silent server');
  assert.ok(ms >= 450 && ms < 5000, `failed after ${ms} ms, bound 500 ms`);
  assert.match(err.message, new RegExp(`^GET ${silentUrl}/api/me: no answer within 500 ms`));
  assert.match(err.message, /stuck here/, 'the server output is attached');
});

test('a command that does not finish is killed at its bound and named', async () => {
  const args = ['-e', 'setInterval(() => {}, 1000); console.log("still going")'];
  const { err, ms } = await failure(() => runCommand(process.execPath, args, {}, 500, (child) => children.push(child)));
  assert.ok(ms >= 450 && ms < 5000, `failed after ${ms} ms, bound 500 ms`);
  assert.match(err.message, /setInterval.* did not finish within 500 ms/);
  assert.match(err.message, /stdout: still going/);
  // a command that fails by itself keeps its own error
  await assert.rejects(runCommand(process.execPath, ['-e', 'console.error("own error"); process.exit(3)']), /own error/);
});

test('a process that ignores SIGTERM fails the stop within its bound and is killed', async () => {
  const child = spawn(process.execPath, ['-e', 'process.on("SIGTERM", () => {}); setInterval(() => {}, 1000); console.log("ready")']);
  children.push(child);
  await within(new Promise((resolve) => child.stdout.once('data', resolve)), 10_000, 'the child to start');
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  const { err, ms } = await failure(() => stopProcess(child, exited, 'SIGTERM', 500, 'stop the stubborn child'));
  assert.ok(ms >= 450 && ms < 5000, `failed after ${ms} ms, bound 500 ms`);
  assert.match(err.message, /^stop the stubborn child: nothing within 500 ms/);
  assert.deepEqual(await within(exited, 5000, 'the SIGKILL'), { code: null, signal: 'SIGKILL' });
});
