#!/usr/bin/env bash
# ringchat-cli end to end: login through Chromium (browser.mjs as RINGCHAT_BROWSER)
# against the reference server, the refresh token in a real gnome-keyring (on a
# private D-Bus session, unlocked from a password), whoami restoring the session
# from the keychain without a browser, logout revoking it, Ctrl+C cancelling,
# refused tokens in words, no log lines without --verbose, and the exit codes
# (2 usage, 3 auth, 4 network, 5 refused).
# Usage: cli_keychain_test.sh <ringchat-cli> <source dir>
set -uo pipefail
cli=$1
src=$2

for tool in dbus-run-session gnome-keyring-daemon secret-tool node curl; do
  command -v "$tool" >/dev/null || { echo "cli_keychain_test: $tool is missing (run scripts/setup)" >&2; exit 1; }
done
[ -d "$src/server/node_modules" ] || { echo "cli_keychain_test: server/node_modules missing (run scripts/setup)" >&2; exit 1; }
[ -d "$src/tests/e2e/node_modules/playwright-core" ] || { echo "cli_keychain_test: tests/e2e/node_modules missing (run scripts/setup)" >&2; exit 1; }

# Everything below runs on its own session bus, so the user's keyring is never touched.
if [ -z "${CLI_KEYCHAIN_TEST_INNER:-}" ]; then
  export CLI_KEYCHAIN_TEST_INNER=1
  exec dbus-run-session -- bash "$0" "$@"
fi

tmp=$(mktemp -d)
log_dir=${RINGCHAT_TEST_LOG_DIR:-$tmp/logs}
mkdir -p "$log_dir"
log=$log_dir/e2e_cli_keychain.log
tokens=$log_dir/e2e_cli_keychain.tokens
: > "$log"
: > "$tokens"
server_pid=""
keyring_pid=""
cleanup() {
  [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null
  [ -n "$keyring_pid" ] && kill "$keyring_pid" 2>/dev/null && wait "$keyring_pid" 2>/dev/null
  rm -rf "$tmp"
}
trap cleanup EXIT

failures=0
check() {  # check <description> <condition...>
  local what=$1; shift
  if "$@"; then echo "ok   - $what"; else echo "FAIL - $what"; failures=$((failures + 1)); fi
}
record_token() { [ -n "$1" ] && printf '%s\n' "$1" >> "$tokens"; }

# A fresh home: settings, keyrings and data of this run only.
export HOME=$tmp/home
export XDG_CONFIG_HOME=$HOME/.config XDG_DATA_HOME=$HOME/.local/share XDG_CACHE_HOME=$HOME/.cache
export XDG_RUNTIME_DIR=$HOME/run
mkdir -p "$XDG_CONFIG_HOME" "$XDG_DATA_HOME" "$XDG_RUNTIME_DIR"
chmod 700 "$XDG_RUNTIME_DIR"
unset RINGCHAT_TOKEN RINGCHAT_SERVER

# gnome-keyring with a login keyring unlocked from a password on stdin.
printf %s "cli-test-password" | gnome-keyring-daemon --foreground --unlock --components=secrets >/dev/null 2>&1 &
keyring_pid=$!
for _ in $(seq 100); do
  dbus-send --session --print-reply --dest=org.freedesktop.DBus / org.freedesktop.DBus.NameHasOwner \
    string:org.freedesktop.secrets 2>/dev/null | grep -q "boolean true" && break
  sleep 0.1
done

# The reference server on a free port.
(cd "$src/server" && PORT=0 DATABASE=:memory: SEED_DEMO=1 CONNECT_RATE_LIMIT=1000 exec node src/index.js) \
  > "$log_dir/e2e_cli_keychain.server-output" 2>&1 &
server_pid=$!
url=""
for _ in $(seq 300); do
  url=$(grep -oP '^LISTENING \K\S+' "$log_dir/e2e_cli_keychain.server-output" 2>/dev/null || true)
  [ -n "$url" ] && break
  sleep 0.1
done
[ -n "$url" ] || { echo "cli_keychain_test: the reference server did not start:"; cat "$log_dir/e2e_cli_keychain.server-output"; exit 1; }
keys_dir=$(grep -oP '^KEYS_DIR \K.+' "$log_dir/e2e_cli_keychain.server-output")
echo "server: $url"

# run <name> <args...>: runs ringchat-cli; sets rc, out, err; appends both to the checked log.
run() {
  local name=$1; shift
  "$cli" "$@" > "$tmp/out" 2> "$tmp/err" < /dev/null
  rc=$?
  out=$(cat "$tmp/out"); err=$(cat "$tmp/err")
  { echo "---- $name (exit $rc)"; cat "$tmp/out" "$tmp/err"; } >> "$log"
}
browser() { echo "node \"$src/tests/e2e/browser.mjs\" --report \"$tmp/report-$1\" --mode $1"; }
lookup() { secret-tool lookup server ringchat user "$url/alice" 2>/dev/null; }
# A port that was free a moment ago: nothing listens there.
closed_port=$(node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')

echo "== usage and connection errors"
run no-command;            check "no command -> exit 2" test "$rc" -eq 2
run unknown bogus;         check "unknown command -> exit 2" test "$rc" -eq 2
run remote-http --server http://chat.example.com whoami
check "plain http to a remote host -> exit 2" test "$rc" -eq 2
check "  ...says to use https" grep -q "https://chat.example.com" <<< "$err"
run not-signed-in --server "$url" whoami
check "whoami before login -> exit 3" test "$rc" -eq 3
check "  ...says how to sign in" grep -q "login" <<< "$err"
RINGCHAT_BROWSER="false" run unreachable --server "http://127.0.0.1:$closed_port" login
check "login to a closed port -> exit 4" test "$rc" -eq 4
check "  ...says it cannot reach it" grep -q "Cannot reach 127.0.0.1:$closed_port" <<< "$err"
RINGCHAT_BROWSER="false" run not-ring --server "$url/not-a-ring-server" login
check "login to something that is not a Ring server -> exit 5" test "$rc" -eq 5
check "  ...says so" grep -q "is not a Ring server" <<< "$err"

echo "== login through Chromium, session in the keychain"
RINGCHAT_BROWSER="$(browser login)" run login --server "$url" login
check "login -> exit 0" test "$rc" -eq 0
check "  ...says who signed in" grep -qF "Signed in to $url as Alice Example (alice)." <<< "$out"
[ "$rc" -eq 0 ] || cat "$tmp/err" "$tmp/report-login" 2>/dev/null
first_refresh=$(lookup)
record_token "$first_refresh"
check "the refresh token is in the keychain under <server>/<user id>" test -n "$first_refresh"
check "  ...and nowhere in the settings" bash -c "! grep -rqF -- '$first_refresh' '$XDG_CONFIG_HOME'"

echo "== a second run restores the session from the keychain, without a browser"
RINGCHAT_BROWSER="touch $tmp/browser-was-opened" run whoami whoami
check "whoami -> exit 0" test "$rc" -eq 0
check "  ...prints the user" grep -qF "alice (Alice Example) on $url" <<< "$out"
check "  ...without opening a browser" test ! -e "$tmp/browser-was-opened"
second_refresh=$(lookup)
record_token "$second_refresh"
check "  ...and keeps the rotated refresh token" test -n "$second_refresh" -a "$second_refresh" != "$first_refresh"
# This test logs everything (QT_LOGGING_RULES, for the token check); by default the CLI does not.
QT_LOGGING_RULES= run whoami-quiet whoami
check "  ...and, without --verbose, prints nothing on stderr" test -z "$err"
record_token "$(lookup)"
run whoami-json whoami --json
check "whoami --json -> the user object" grep -qF '"id":"alice"' <<< "$out"
run send send dm-alice-bob "hello from the keychain session" --data-dir "$tmp/chat-data"
check "a chat command (send) with the restored session -> exit 0" test "$rc" -eq 0
check "  ...the message is acked as alice's" grep -qF '"senderId":"alice"' <<< "$out"
[ "$rc" -eq 0 ] || cat "$tmp/err"

echo "== --token and RINGCHAT_TOKEN"
minted=$(cd "$src/server" && KEYS_DIR="$keys_dir" DATABASE=:memory: ISSUER="$url" node src/token-cli.js bob --name "Bob Example" 2>/dev/null)
record_token "$minted"
run token --server "$url" --token "$minted" whoami
check "--token -> exit 0 as bob" grep -qF "bob (Bob Example)" <<< "$out"
RINGCHAT_TOKEN="$minted" run env-token --server "$url" whoami
check "RINGCHAT_TOKEN -> exit 0 as bob" grep -qF "bob (Bob Example)" <<< "$out"
expired=$(cd "$src/server" && KEYS_DIR="$keys_dir" DATABASE=:memory: ISSUER="$url" node src/token-cli.js bob --name "Bob Example" --expired 2>/dev/null)
record_token "$expired"
run expired-token --server "$url" --token "$expired" whoami
check "an expired --token -> exit 3" test "$rc" -eq 3
check "  ...says the token was refused, and why" grep -q "The access token from --token was refused: it expired at" <<< "$err"
run login-with-token --server "$url" --token "$minted" login
check "login with --token -> exit 2" test "$rc" -eq 2

echo "== Ctrl+C cancels the sign-in"
before_cancel=$(lookup)
record_token "$before_cancel"
RINGCHAT_BROWSER="$(browser wait)" "$cli" --server "$url" login > "$tmp/out" 2> "$tmp/err" < /dev/null &
cli_pid=$!
for _ in $(seq 300); do grep -q '"login-page"' "$tmp/report-wait" 2>/dev/null && break; sleep 0.1; done
check "the browser shows the login page" grep -q '"login-page"' "$tmp/report-wait"
kill -INT "$cli_pid"
wait "$cli_pid"; rc=$?
{ echo "---- cancel (exit $rc)"; cat "$tmp/out" "$tmp/err"; } >> "$log"
check "cancelled login -> exit 3" test "$rc" -eq 3
check "  ...says so" grep -q "Sign-in cancelled." "$tmp/err"
for _ in $(seq 100); do grep -q '"listener-closed"' "$tmp/report-wait" 2>/dev/null && break; sleep 0.1; done
check "  ...and the loopback listener is closed" grep -q '"listener-closed"' "$tmp/report-wait"
check "  ...and the saved session is untouched" test "$(lookup)" = "$before_cancel"

echo "== logout"
current=$(lookup)
run logout logout
check "logout -> exit 0" test "$rc" -eq 0
check "  ...says so" grep -qF "Signed out of $url." <<< "$out"
check "  ...deletes the keychain entry" test -z "$(lookup)"
refused=$(curl -s -X POST "$url/token" -d grant_type=refresh_token -d client_id=ringchat-desktop \
  --data-urlencode "refresh_token=$current")
check "  ...revokes the refresh token at the server" grep -q invalid_grant <<< "$refused"
run whoami-after-logout --server "$url" whoami
check "whoami after logout -> exit 3" test "$rc" -eq 3
run logout-again --server "$url" logout
check "logout when signed out -> exit 0" test "$rc" -eq 0

echo "== a refresh token the server refuses signs the user out cleanly"
RINGCHAT_BROWSER="$(browser login)" run login-again --server "$url" login
check "login again -> exit 0" test "$rc" -eq 0
stolen=$(lookup)
record_token "$stolen"
# Someone else uses the refresh token first (the server rotates it away from us).
used=$(curl -s -X POST "$url/token" -d grant_type=refresh_token -d client_id=ringchat-desktop \
  -d resource=urn:ringchat:api --data-urlencode "refresh_token=$stolen")
record_token "$(sed -n 's/.*"access_token":"\([^"]*\)".*/\1/p' <<< "$used")"
record_token "$(sed -n 's/.*"refresh_token":"\([^"]*\)".*/\1/p' <<< "$used")"
run whoami-refused whoami
check "whoami with a refused refresh token -> exit 3" test "$rc" -eq 3
check "  ...says the saved session could not be renewed, and why" grep -q "The saved session for $url could not be renewed: You were signed out: The server no longer accepts this sign-in" <<< "$err"
check "  ...and how to sign in again" grep -qF "Run: ringchat-cli --server $url login" <<< "$err"
check "  ...and deletes the dead token from the keychain" test -z "$(lookup)"
run whoami-after-refusal --server "$url" whoami
check "  ...after which whoami says: not signed in (exit 3)" grep -q "Not signed in" <<< "$err"

for f in "$tmp"/report-*; do { echo "---- browser $(basename "$f")"; cat "$f"; } >> "$log"; done
if [ "$failures" -ne 0 ]; then
  echo "cli_keychain_test: $failures check(s) failed; the CLI output follows"
  cat "$log"
  exit 1
fi
echo "cli_keychain_test: all checks passed"
