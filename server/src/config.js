// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// Reads the server configuration from the environment, with safe defaults.
// Every knob is documented in server/README.md.
import os from 'node:os';
import path from 'node:path';
import fs from 'node:fs';

function intFromEnv(env, name, fallback, { min = -Infinity, max = Infinity } = {}) {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || !Number.isInteger(value) || value < min || value > max) {
    throw new Error(`${name} must be an integer between ${min} and ${max}, got "${raw}"`);
  }
  return value;
}

function numberFromEnv(env, name, fallback, { min = 0 } = {}) {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < min) {
    throw new Error(`${name} must be a number >= ${min}, got "${raw}"`);
  }
  return value;
}

// TLS_CERT and TLS_KEY (PEM files) turn on https/wss; both or neither.
function tlsFromEnv(env) {
  const cert = env.TLS_CERT || '';
  const key = env.TLS_KEY || '';
  if (!cert && !key) return null;
  if (!cert || !key) throw new Error('TLS_CERT and TLS_KEY must be set together (PEM certificate chain and private key files)');
  const read = (name, file) => {
    try {
      return fs.readFileSync(file);
    } catch (err) {
      throw new Error(`${name}: cannot read ${file}: ${err.message}`);
    }
  };
  return { cert: read('TLS_CERT', cert), key: read('TLS_KEY', key) };
}

// The keys live beside the database so that tokens survive a restart. An in-memory
// database has no "beside", so it gets a fresh temporary directory unless KEYS_DIR says otherwise.
export function resolveKeysDir(env) {
  if (env.KEYS_DIR) return path.resolve(env.KEYS_DIR);
  const database = env.DATABASE || 'data/ringchat.db';
  if (database === ':memory:') return null;
  return path.resolve(`${database}.keys`);
}

// Files live beside the database too (<DATABASE>.files) unless FILES_DIR says otherwise;
// an in-memory database gets a fresh temporary directory, removed at shutdown.
export function resolveFilesDir(env) {
  if (env.FILES_DIR) return path.resolve(env.FILES_DIR);
  const database = env.DATABASE || 'data/ringchat.db';
  if (database === ':memory:') return null;
  return path.resolve(`${database}.files`);
}

export function loadConfig(env = process.env) {
  const database = env.DATABASE || 'data/ringchat.db';
  let keysDir = resolveKeysDir(env);
  const keysDirIsTemp = !keysDir;
  const tls = tlsFromEnv(env);
  const publicHostName = env.PUBLIC_HOST || null;
  // Plain http is for this computer only (clients refuse it elsewhere), so a public name needs TLS.
  if (publicHostName && !tls) throw new Error('PUBLIC_HOST needs TLS_CERT and TLS_KEY: clients reach other hosts over https only');
  if (keysDirIsTemp) keysDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ringchat-keys-'));
  let filesDir = resolveFilesDir(env);
  const filesDirIsTemp = !filesDir;
  if (filesDirIsTemp) filesDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ringchat-files-'));
  return {
    port: intFromEnv(env, 'PORT', 3000, { min: 0, max: 65535 }),
    host: env.HOST || '127.0.0.1',
    database,
    keysDir,
    keysDirIsTemp, // removed again at shutdown
    filesDir,
    filesDirIsTemp, // removed again at shutdown
    // Uploads no message used are removed after this long (contract: may after 24 h),
    // checked every FILE_SWEEP_INTERVAL_MS.
    unusedUploadTtlSeconds: intFromEnv(env, 'UNUSED_UPLOAD_TTL_S', 24 * 3600, { min: 0 }),
    fileSweepIntervalMs: intFromEnv(env, 'FILE_SWEEP_INTERVAL_MS', 10 * 60 * 1000, { min: 100 }),
    issuer: env.ISSUER || null, // null: publicUrl(config, <actual port>), known after listen()
    tls, // { cert, key } PEM buffers, or null for plain http
    publicHost: publicHostName, // the name clients use (with TLS); null: HOST
    accessTokenTtl: intFromEnv(env, 'ACCESS_TOKEN_TTL', 900, { min: 1 }),
    refreshTokenTtl: intFromEnv(env, 'REFRESH_TOKEN_TTL', 30 * 24 * 3600, { min: 60 }),
    seedDemo: env.SEED_DEMO === '1' || env.SEED_DEMO === 'true',
    redisUrl: env.REDIS_URL || null,
    connectRateLimit: intFromEnv(env, 'CONNECT_RATE_LIMIT', 10, { min: 1 }), // per address per minute
    messageRateBurst: intFromEnv(env, 'MESSAGE_RATE_BURST', 20, { min: 1 }),
    messageRatePerSecond: numberFromEnv(env, 'MESSAGE_RATE_PER_SEC', 5, { min: 0.001 }),
    // Any event, per socket; never below twice the message rate, so raising the message
    // rate for a benchmark does not hit this one first.
    eventRateBurst: intFromEnv(env, 'EVENT_RATE_BURST', 100, { min: 1 }),
    eventRatePerSecond: numberFromEnv(env, 'EVENT_RATE_PER_SEC', 50, { min: 0.001 }),
    typingTimeoutMs: intFromEnv(env, 'TYPING_TIMEOUT_MS', 5000, { min: 100 }),
    editWindowSeconds: intFromEnv(env, 'EDIT_WINDOW_S', 900, { min: 0 }), // contract: 15 minutes
    maxHttpBufferSize: intFromEnv(env, 'MAX_HTTP_BUFFER_SIZE', 1024 * 1024, { min: 1024 }),
    recoveryDurationMs: intFromEnv(env, 'RECOVERY_DURATION_MS', 2 * 60 * 1000, { min: 0 }),
    pingIntervalMs: intFromEnv(env, 'PING_INTERVAL_MS', 25000, { min: 100 }),
    // How often the WAL is checkpointed, off the event loop (checkpointer.js).
    checkpointIntervalMs: intFromEnv(env, 'CHECKPOINT_INTERVAL_MS', 250, { min: 10 }),
    pingTimeoutMs: intFromEnv(env, 'PING_TIMEOUT_MS', 20000, { min: 100 }),
  };
}

// The issuer must be what clients type: a wildcard bind address is not reachable as such.
export function publicHost(host) {
  if (host === '0.0.0.0' || host === '::' || host === '') return '127.0.0.1';
  return host.includes(':') ? `[${host}]` : host;
}

// The URL clients use and the default issuer: https with TLS, PUBLIC_HOST when set.
export function publicUrl(config, port) {
  return `${config.tls ? 'https' : 'http'}://${publicHost(config.publicHost || config.host)}:${port}`;
}
