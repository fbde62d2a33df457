// SPDX-FileCopyrightText: 2026 Ring Chat contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// Starts or stops a background server.mjs for a CTest fixture.
//
//   node fixture.mjs start <state.json> [server.mjs options...]
//       starts the server detached, waits for its "LISTENING <port>" line and
//       writes {"port": N, "pid": P} to state.json; the server's output goes
//       to state.json.log. Fails if the server does not come up in 20 s.
//   node fixture.mjs stop <state.json>
//       kills the server named in state.json and removes the file.
//
// The server exits with the process that ran this script (ctest, via
// --exit-with-pid), so an interrupted ctest run never leaves it behind; a
// lifetime cap (--lifetime, default 3 h) is the last safety net.

import { spawn } from "node:child_process";
import { openSync, readFileSync, writeFileSync, rmSync, existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { dirname, join } from "node:path";

const [command, stateFile, ...serverArgs] = process.argv.slice(2);
if (!stateFile || !["start", "stop"].includes(command)) {
    console.error("usage: fixture.mjs start|stop <state.json> [server options]");
    process.exit(2);
}

function killFrom(file) {
    if (!existsSync(file)) return;
    try {
        const { pid } = JSON.parse(readFileSync(file, "utf8"));
        process.kill(pid, "SIGKILL");
    } catch {
        // already gone, or a broken state file from an interrupted run
    }
    rmSync(file, { force: true });
}

if (command === "stop") {
    killFrom(stateFile);
    process.exit(0);
}

killFrom(stateFile);    // a leftover from an interrupted run
const logFile = `${stateFile}.log`;
writeFileSync(logFile, "");
const script = join(dirname(fileURLToPath(import.meta.url)), "server.mjs");
const args = [...serverArgs, "--exit-with-pid", String(process.ppid)];
if (!serverArgs.includes("--lifetime")) args.push("--lifetime", "10800");
const child = spawn(process.execPath, [script, ...args], {
    detached: true,
    stdio: ["ignore", "pipe", openSync(logFile, "a")],
});

const timer = setTimeout(() => {
    console.error(`fixture: server did not start within 20 s; see ${logFile}`);
    child.kill("SIGKILL");
    process.exit(1);
}, 20000);

let output = "";
child.stdout.on("data", (chunk) => {
    output += chunk;
    const match = /^LISTENING (\d+)$/m.exec(output);
    if (!match) return;
    clearTimeout(timer);
    writeFileSync(stateFile, JSON.stringify({ port: Number(match[1]), pid: child.pid }));
    console.log(`fixture: server pid ${child.pid} listening on 127.0.0.1:${match[1]}`);
    // Let the server live on its own: stop reading its stdout (further writes
    // go to a closed pipe and are ignored by Node) and do not wait for it.
    child.stdout.destroy();
    child.unref();
    process.exit(0);
});
child.on("exit", (code, signal) => {
    console.error(`fixture: server exited early (code ${code}, signal ${signal}):`);
    console.error(readFileSync(logFile, "utf8"));
    console.error("(did scripts/setup run `npm ci` in tests/net/server?)");
    process.exit(1);
});
