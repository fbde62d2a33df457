// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// npm run token -- <user> [--ttl seconds] [--expired] [--name "Display Name"]
// Prints an access token for <user> (a user id or login), signed with the server's own
// key from KEYS_DIR (default: beside DATABASE). Needs the same env as the server.
import fs from 'node:fs';
import { resolveKeysDir } from './config.js';
import { loadKeys } from './keys.js';
import { mintAccessToken } from './tokens.js';
import { openDatabase } from './db.js';
import { ChatStore } from './store.js';

function usage(message) {
  if (message) console.error(`token: ${message}`);
  console.error('usage: npm run token -- <user> [--ttl seconds] [--expired] [--name "Display Name"]');
  process.exit(2);
}

function parseArgs(argv) {
  const options = { user: null, ttl: 3600, name: null };
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    if (arg === '--ttl') {
      const value = Number(argv[++i]);
      if (!Number.isInteger(value) || value === 0) usage('--ttl needs a non-zero integer (negative = already expired)');
      options.ttl = value;
    } else if (arg === '--expired') {
      options.ttl = -60;
    } else if (arg === '--name') {
      options.name = argv[++i];
      if (!options.name) usage('--name needs a value');
    } else if (arg.startsWith('-')) {
      usage(`unknown option ${arg}`);
    } else if (!options.user) {
      options.user = arg;
    } else {
      usage('only one user');
    }
  }
  if (!options.user) usage('which user?');
  return options;
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  const database = process.env.DATABASE || 'data/ringchat.db';
  const keysDir = resolveKeysDir(process.env);
  if (!keysDir) usage('DATABASE is :memory:, so set KEYS_DIR to the directory the server printed');
  const keys = loadKeys(keysDir, { create: false });

  let userId = options.user;
  let { name } = options;
  if (database !== ':memory:' && fs.existsSync(database)) {
    const db = openDatabase(database);
    const store = new ChatStore(db);
    const user = store.userById(options.user) || store.userByLogin(options.user);
    db.close();
    if (!user && !name) usage(`no user "${options.user}" in ${database} (pass --name to mint anyway)`);
    if (user) {
      userId = user.id;
      name = name || user.name;
    }
  } else if (!name) {
    name = options.user;
  }
  const issuer = process.env.ISSUER || `http://${process.env.HOST || '127.0.0.1'}:${process.env.PORT || 3000}`;
  const token = await mintAccessToken({ jwks: keys.jwks, issuer, userId, name, ttlSeconds: options.ttl });
  process.stdout.write(`${token}\n`);
}

main().catch((err) => {
  console.error(`token: ${err.message}`);
  process.exit(1);
});
