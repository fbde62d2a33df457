// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// Puts the parts together on one HTTP server: /api (REST), /interaction (sign-in pages),
// /socket.io (chat) and everything else to oidc-provider (discovery, authorize, token...).
import fs from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import { Server as SocketServer } from 'socket.io';
import { openDatabase } from './db.js';
import { startCheckpointer } from './checkpointer.js';
import { ChatStore } from './store.js';
import { FileStore } from './files.js';
import { FileService } from './file-service.js';
import { MessageSearch } from './search.js';
import { loadKeys } from './keys.js';
import { makeTokenVerifier } from './tokens.js';
import { createProvider } from './oidc.js';
import { makeInteractionHandler } from './interactions.js';
import { makeRestHandler } from './rest.js';
import { RateLimiter } from './ratelimit.js';
import { Presence } from './presence.js';
import { Typing } from './typing.js';
import { ChatService } from './chat.js';
import { MessageActions } from './actions.js';
import { makeAuthMiddleware, registerEvents } from './events.js';
import { seedDemo } from './seed.js';
import { publicUrl } from './config.js';
import { sendJson } from './http-util.js';
import { coalesceTurnWrites } from './turn-writes.js';

async function attachRedisAdapter(io, url) {
  const { createClient } = await import('redis');
  const { createAdapter } = await import('@socket.io/redis-adapter');
  const pubClient = createClient({ url });
  const subClient = pubClient.duplicate();
  for (const client of [pubClient, subClient]) client.on('error', (err) => console.error('redis:', err.message));
  // The client retries forever; a server that cannot reach Redis should say so and stop.
  let timer;
  const timeout = new Promise((resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`could not connect to Redis at ${url} within 10 s`)), 10_000);
  });
  try {
    await Promise.race([Promise.all([pubClient.connect(), subClient.connect()]), timeout]);
  } catch (err) {
    await Promise.allSettled([pubClient.disconnect(), subClient.disconnect()]);
    throw err;
  } finally {
    clearTimeout(timer);
  }
  io.adapter(createAdapter(pubClient, subClient));
  return async () => {
    await Promise.allSettled([pubClient.quit(), subClient.quit()]);
  };
}

export async function startServer(config, { log = console.log } = {}) {
  const db = openDatabase(config.database);
  const fileStore = new FileStore(db, config.filesDir);
  const store = new ChatStore(db, fileStore);
  if (config.seedDemo) seedDemo(store);
  const keys = loadKeys(config.keysDir);
  const verifyAccessToken = makeTokenVerifier(keys.publicJwks);

  let handlers = null; // set once listening: the issuer needs the actual port
  const handle = async (req, res) => {
    try {
      if (!handlers) {
        sendJson(res, 503, { success: false, error: { code: 'INTERNAL', message: 'starting' } });
        return;
      }
      const url = new URL(req.url, 'http://localhost');
      if (await handlers.rest(req, res, url)) return;
      if (url.pathname.startsWith('/interaction/') && await handlers.interaction(req, res, url)) return;
      handlers.oidc(req, res);
    } catch (err) {
      console.error('http:', err);
      if (!res.headersSent) sendJson(res, 500, { success: false, error: { code: 'INTERNAL', message: 'internal error' } });
      else res.destroy();
    }
  };
  // With TLS_CERT/TLS_KEY the port speaks TLS only: nothing is ever served in plain text.
  const httpServer = config.tls
    ? https.createServer({ cert: config.tls.cert, key: config.tls.key }, handle)
    : http.createServer(handle);
  if (config.tls) {
    httpServer.on('tlsClientError', (err, socket) => {
      const why = err.code === 'ERR_SSL_HTTP_REQUEST' ? 'a plain http request, refused' : err.code || err.message;
      log(`TLS handshake from ${socket.remoteAddress} failed: ${why}`);
    });
  }
  // WebSocket connections: a turn's frames leave together, not a write call each (turn-writes.js).
  httpServer.on('upgrade', (req, socket) => coalesceTurnWrites(socket));
  httpServer.headersTimeout = 20_000;
  httpServer.requestTimeout = 300_000; // a 25 MiB upload must fit in it at about 100 kB/s

  await new Promise((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(config.port, config.host, () => {
      httpServer.off('error', reject);
      resolve();
    });
  });
  const { port } = httpServer.address();
  const baseUrl = publicUrl(config, port);
  const issuer = config.issuer || baseUrl;

  const io = new SocketServer(httpServer, {
    maxHttpBufferSize: config.maxHttpBufferSize,
    pingInterval: config.pingIntervalMs,
    pingTimeout: config.pingTimeoutMs,
    connectionStateRecovery: { maxDisconnectionDuration: config.recoveryDurationMs, skipMiddlewares: false },
    serveClient: false,
  });
  let closeRedis = null;
  if (config.redisUrl) closeRedis = await attachRedisAdapter(io, config.redisUrl);

  const connectLimiter = new RateLimiter({ capacity: config.connectRateLimit, refillPerSecond: config.connectRateLimit / 60 });
  const messageLimiter = new RateLimiter({ capacity: config.messageRateBurst, refillPerSecond: config.messageRatePerSecond });
  const presence = new Presence({ io, store, clustered: !!config.redisUrl });
  const typing = new Typing({ io, timeoutMs: config.typingTimeoutMs });
  const search = new MessageSearch(db);
  const chat = new ChatService({ io, store, search, presence, typing, messageLimiter });
  const actions = new MessageActions({ chat, store, messageLimiter, editWindowSeconds: config.editWindowSeconds });
  const files = new FileService({
    chat, store: fileStore, unusedMaxAgeMs: config.unusedUploadTtlSeconds * 1000, sweepIntervalMs: config.fileSweepIntervalMs,
  });
  io.use(makeAuthMiddleware({ verifyAccessToken, store, connectLimiter }));
  const eventLimiter = registerEvents({ io, chat, actions, presence, typing, eventRate: {
    capacity: Math.max(config.eventRateBurst, 2 * config.messageRateBurst),
    refillPerSecond: Math.max(config.eventRatePerSecond, 2 * config.messageRatePerSecond),
  } });

  const provider = createProvider({ config, issuer, store, db, keys });
  handlers = {
    rest: makeRestHandler({ chat, store, files, search, verifyAccessToken }),
    interaction: makeInteractionHandler({ provider, store }),
    oidc: provider.callback(),
  };

  // From here on the WAL is checkpointed off the event loop (checkpointer.js).
  const checkpointer = config.database === ':memory:' ? null
    : startCheckpointer(db, { intervalMs: config.checkpointIntervalMs, log: console.error });

  let closing = null;
  async function close() {
    if (closing) return closing;
    closing = (async () => {
      chat.close(); // the sends already queued are stored (and acked, while their sockets last)
      const presenceSettled = presence.close();
      typing.close();
      files.close();
      search.close();
      provider.stopPurging();
      // io.close() disconnects every socket and closes the HTTP server (stops accepting).
      await new Promise((resolve) => io.close(() => resolve()));
      await presenceSettled;
      httpServer.closeAllConnections?.();
      if (closeRedis) await closeRedis();
      for (const limiter of [connectLimiter, messageLimiter, eventLimiter]) limiter.close();
      await checkpointer?.stop();
      db.close(); // every write was committed before its ack; this checkpoints the WAL
      if (config.keysDirIsTemp) fs.rmSync(config.keysDir, { recursive: true, force: true });
      if (config.filesDirIsTemp) fs.rmSync(config.filesDir, { recursive: true, force: true });
    })();
    return closing;
  }

  return { port, baseUrl, issuer, io, db, store, config, close };
}
