// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// Entry point: `npm start`. Prints "LISTENING <url>" on stdout once every part is ready.
import { loadConfig } from './config.js';
import { startServer } from './server.js';
import { DEMO_PASSWORD, DEMO_USERS, DEMO_CONVERSATIONS } from './seed.js';

async function main() {
  const config = loadConfig();
  const server = await startServer(config);
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
  // (@redis/client's errors keep Error's name: the class is what tells them apart.)
  if (shuttingDown && err?.constructor?.name === 'ClientClosedError') return;
  console.error('unhandled rejection:', err);
});

main().catch((err) => {
  console.error('startup failed:', err.message);
  process.exit(1);
});
