// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// Signing keys (RS256 JWKS) and cookie keys, made at first start and kept in KEYS_DIR
// so that tokens and sessions survive a restart. Several processes may start at once
// against the same directory (Redis scale-out), so files are created exclusively and
// a loser of that race reads the winner's file.
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';

const JWKS_FILE = 'jwks.json';
const COOKIE_FILE = 'cookie-keys.json';

function readJson(file) {
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}

function writeExclusive(file, value) {
  const tmp = `${file}.${process.pid}.${crypto.randomBytes(4).toString('hex')}.tmp`;
  fs.writeFileSync(tmp, JSON.stringify(value, null, 2), { mode: 0o600 });
  try {
    fs.linkSync(tmp, file); // fails with EEXIST if another process got there first
  } catch (err) {
    if (err.code !== 'EEXIST') throw err;
  } finally {
    fs.rmSync(tmp, { force: true });
  }
  return readJson(file);
}

function makeSigningJwks() {
  const { privateKey } = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 });
  const jwk = privateKey.export({ format: 'jwk' });
  const kid = crypto.createHash('sha256').update(jwk.n).digest('base64url').slice(0, 16);
  return { keys: [{ ...jwk, kid, alg: 'RS256', use: 'sig' }] };
}

function loadOrCreate(dir, name, make) {
  const file = path.join(dir, name);
  if (fs.existsSync(file)) return readJson(file);
  return writeExclusive(file, make());
}

// Returns { jwks: {keys:[private JWK]}, publicJwks: {keys:[public JWK]}, cookieKeys: [string] }.
export function loadKeys(dir, { create = true } = {}) {
  if (!create && !fs.existsSync(path.join(dir, JWKS_FILE))) {
    throw new Error(`no signing keys in ${dir} (start the server once to create them)`);
  }
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  const jwks = loadOrCreate(dir, JWKS_FILE, makeSigningJwks);
  const cookieKeys = loadOrCreate(dir, COOKIE_FILE, () => [crypto.randomBytes(32).toString('base64url')]);
  const publicJwks = {
    keys: jwks.keys.map(({ kty, n, e, kid, alg, use }) => ({ kty, n, e, kid, alg, use })),
  };
  return { jwks, publicJwks, cookieKeys };
}
