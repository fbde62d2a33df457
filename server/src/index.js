// Entry point: `npm start`. Prints "LISTENING <url>" on stdout once every part is ready.
import tls from 'node:tls';
import { loadConfig, publicUrl } from './config.js';
import { startServer } from './server.js';
import { DEMO_PASSWORD, DEMO_USERS, DEMO_CONVERSATIONS } from './seed.js';

function listen(server, port, host) {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve(server.address().port);
    });
  });
}

// With TLS_CERT/TLS_KEY the port speaks TLS only. server.js builds a node:http server, so a
// TLS server takes the public port first (the issuer needs it) and hands each connection,
// once encrypted, to that HTTP server (node:http documents injecting connections through
// 'connection'). The HTTP server's own listener (a free loopback port) cannot simply be
// closed, as that would also close engine.io's WebSocket server: it drops every connection
// that did not come through TLS, so nothing is ever served in plain text.
async function startTlsServer(config) {
  const front = tls.createServer({ cert: config.tls.cert, key: config.tls.key, ALPNProtocols: ['http/1.1'] });
  front.on('tlsClientError', (err, socket) => {
    const why = err.code === 'ERR_SSL_HTTP_REQUEST' ? 'a plain http request, refused' : err.code || err.message;
    console.log(`TLS handshake from ${socket.remoteAddress} failed: ${why}`);
  });
  const port = await listen(front, config.port, config.host);
  const server = await startServer({ ...config, host: '127.0.0.1', port: 0, issuer: config.issuer || publicUrl(config, port) });
  const httpServer = server.io.httpServer;
  httpServer.prependListener('connection', (socket) => {
    if (!socket.encrypted) socket.destroy();
  });
  front.on('secureConnection', (socket) => httpServer.emit('connection', socket));
  const close = server.close;
  return {
    ...server,
    port,
    baseUrl: publicUrl(config, port),
    close: async () => {
      front.close();
      await close();
    },
  };
}

async function main() {
  const config = loadConfig();
  const server = config.tls ? await startTlsServer(config) : await startServer(config);
  if (config.seedDemo) {
    console.log(`DEMO users: ${DEMO_USERS.map((u) => u.login).join(', ')} (password ${DEMO_PASSWORD}); conversations: ${DEMO_CONVERSATIONS.map((c) => c.id).join(', ')}`);
  }
  console.log(`ISSUER ${server.issuer}`);
  console.log(`KEYS_DIR ${config.keysDir}`);
  console.log(`LISTENING ${server.baseUrl}`);

  const stop = (signal) => {
    shuttingDown = true;
    console.log(`shutting down (${signal})`);
    const force = setTimeout(() => process.exit(1), 10_000);
    force.unref();
    server.close().then(() => process.exit(0), (err) => {
      console.error('shutdown:', err);
      process.exit(1);
    });
  };
  process.once('SIGTERM', () => stop('SIGTERM'));
  process.once('SIGINT', () => stop('SIGINT'));
}

let shuttingDown = false;

process.on('unhandledRejection', (err) => {
  // The Redis adapter may still try to publish a late request while its clients close.
  if (shuttingDown && err?.name === 'ClientClosedError') return;
  console.error('unhandled rejection:', err);
});

main().catch((err) => {
  console.error('startup failed:', err.message);
  process.exit(1);
});
