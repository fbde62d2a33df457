#!/bin/sh
# Run by scripts/node18-test in its clean root: the Node parts other than the server
# start on that Node.js: the Socket.IO test server (through its CTest fixture script),
# playwright-core driving Debian's Chromium, and the bench server with its client.
set -eu
cd "$(dirname "$0")/../.."
state=$(mktemp -d)/sio.json
node tests/net/server/fixture.mjs start "$state" >/dev/null
echo "tests/net/server: listening on port $(node -p "require('$state').port")"
node tests/net/server/fixture.mjs stop "$state"
(cd tests/e2e && timeout 60 node --input-type=module -e "
import { chromium } from 'playwright-core';
const browser = await chromium.launch({ executablePath: process.env.RINGCHAT_CHROMIUM || '/usr/bin/chromium', args: ['--no-sandbox'] });
const page = await browser.newPage();
await page.goto('data:text/html,<title>signed in</title>');
console.log('tests/e2e: playwright-core drove Chromium ' + browser.version() + ', page title: ' + await page.title());
await browser.close();")
cd bench
fifo=$(mktemp -u)
mkfifo "$fifo"
node server.mjs >"$fifo" &
server=$!
port=$(timeout 20 head -n1 "$fifo" | node -p 'JSON.parse(require("fs").readFileSync(0)).port')
echo "bench: $(timeout 30 node client-official.mjs "$port" echo 100 64)"
kill "$server"
rm -f "$fifo"
