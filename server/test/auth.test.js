// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// Token checks on Socket.IO CONNECT and REST, the token CLI, and the connection rate limit.
import { before, after } from 'node:test';
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import { SignJWT, importJWK } from 'jose';
import { test, startServer, connect, api, closeAll, runCommand, SERVER_DIR, hookOptions } from './helpers.js';

const run = runCommand;
let server;
before(async () => { server = await startServer(); }, hookOptions);
after(async () => { closeAll(); await server?.stop(); server?.assertQuiet(); }, hookOptions);

async function refusal(token) {
  try {
    await connect(server, token);
  } catch (err) {
    return err;
  }
  throw new Error('connected with a bad token');
}

async function signWith(jwk, claims, header = {}) {
  const key = await importJWK(jwk, 'RS256');
  return new SignJWT(claims).setProtectedHeader({ alg: 'RS256', typ: 'at+jwt', kid: jwk.kid, ...header })
    .setIssuedAt().setExpirationTime('1h').sign(key);
}

test('bad tokens are refused with INVALID_TOKEN, expired ones with TOKEN_EXPIRED', async () => {
  const own = server.keys.jwks.keys[0];
  const { privateKey } = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 });
  const foreign = { ...privateKey.export({ format: 'jwk' }), kid: own.kid };
  const cases = {
    none: undefined,
    empty: '',
    number: 42,
    garbage: 'not.a.jwt',
    foreignKey: await signWith(foreign, { sub: 'alice', aud: 'urn:ringchat:api', name: 'A' }),
    wrongAudience: await signWith(own, { sub: 'alice', aud: 'ringchat-desktop', name: 'A' }),
    idTokenType: await signWith(own, { sub: 'alice', aud: 'urn:ringchat:api' }, { typ: 'JWT' }),
    noSubject: await signWith(own, { aud: 'urn:ringchat:api' }),
    unknownUser: await server.token('mallory'),
    huge: 'a'.repeat(20000),
  };
  for (const [name, token] of Object.entries(cases)) {
    const err = await refusal(token);
    assert.equal(err.data?.code, 'INVALID_TOKEN', name);
    assert.ok(err.message, name);
    if (typeof token === 'string' && token.length < 9000) {
      const r = await api(server, token, 'GET', '/api/me');
      assert.equal(r.status, 401, name);
      assert.equal(r.json.success, false);
      assert.equal(r.json.error.code, 'INVALID_TOKEN', name);
    }
  }
  const expired = await server.token('alice', { ttl: -30 });
  assert.equal((await refusal(expired)).data.code, 'TOKEN_EXPIRED');
  const r = await api(server, expired, 'GET', '/api/me');
  assert.equal(r.status, 401);
  assert.equal(r.json.error.code, 'TOKEN_EXPIRED');
  assert.match(r.headers.get('www-authenticate'), /^Bearer error="invalid_token"/);
  assert.equal((await api(server, null, 'GET', '/api/me')).status, 401);
});

test('npm run token mints tokens the server accepts, and expired ones on request', async () => {
  const env = { ...process.env, DATABASE: server.env.DATABASE };
  const { stdout } = await run('npm', ['run', '--silent', 'token', '--', 'bob'], { cwd: SERVER_DIR, env });
  const token = stdout.trim();
  assert.match(token, /^[\w-]+\.[\w-]+\.[\w-]+$/);
  const me = await api(server, token, 'GET', '/api/me');
  assert.deepEqual(me.json.data, { id: 'bob', name: 'Bob Example' });
  const socket = await connect(server, token);
  assert.equal(socket.info.name, 'Bob Example');

  const expired = (await run(process.execPath, ['src/token-cli.js', 'bob', '--expired'], { cwd: SERVER_DIR, env })).stdout.trim();
  assert.equal((await refusal(expired)).data.code, 'TOKEN_EXPIRED');
  const shortTtl = (await run(process.execPath, ['src/token-cli.js', 'carol', '--ttl', '-10'], { cwd: SERVER_DIR, env })).stdout.trim();
  assert.equal((await api(server, shortTtl, 'GET', '/api/me')).json.error.code, 'TOKEN_EXPIRED');

  await assert.rejects(run(process.execPath, ['src/token-cli.js', 'nobody'], { cwd: SERVER_DIR, env }), /no user "nobody"/);
  await assert.rejects(run(process.execPath, ['src/token-cli.js'], { cwd: SERVER_DIR, env }), /usage/);
  await assert.rejects(run(process.execPath, ['src/token-cli.js', 'bob'], { cwd: SERVER_DIR, env: { ...env, KEYS_DIR: '/nonexistent' } }), /no signing keys/);
});

test('connections over the per-address rate are refused with RATE_LIMITED and retryAfter', async () => {
  const limited = await startServer({ CONNECT_RATE_LIMIT: '3' });
  try {
    const token = await limited.token('alice');
    for (let i = 0; i < 3; i += 1) await connect(limited, token);
    const err = await connect(limited, token).then(() => null, (e) => e);
    assert.ok(err, 'the 4th connection in a minute is refused');
    assert.equal(err.data.code, 'RATE_LIMITED');
    assert.ok(Number.isInteger(err.data.retryAfter) && err.data.retryAfter >= 1 && err.data.retryAfter <= 60);
  } finally {
    closeAll();
    await limited.stop();
  }
});
