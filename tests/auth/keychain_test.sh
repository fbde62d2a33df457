#!/usr/bin/env bash
# The real keychain test: QtKeychain against gnome-keyring on a private D-Bus
# session (never the user's own keyring), then against a bus with no Secret
# Service at all, then against a keyring that is running but locked.
# Usage: keychain_test.sh <tst_keychain executable>
set -euo pipefail
exe=$1
here=$(cd "$(dirname "$0")" && pwd)
for tool in dbus-run-session gnome-keyring-daemon secret-tool; do
  command -v "$tool" >/dev/null || { echo "keychain_test: $tool is missing (run scripts/setup)" >&2; exit 1; }
done

tmp=$(mktemp -d)
cleanup() { rm -rf "$tmp"; }
trap cleanup EXIT

# A fresh home: the keyring files live in $XDG_DATA_HOME/keyrings.
fresh_home() {
  export HOME=$tmp/$1
  export XDG_DATA_HOME=$HOME/.local/share XDG_CONFIG_HOME=$HOME/.config XDG_CACHE_HOME=$HOME/.cache
  export XDG_RUNTIME_DIR=$HOME/run
  mkdir -p "$XDG_DATA_HOME" "$XDG_CONFIG_HOME" "$XDG_RUNTIME_DIR"
  chmod 700 "$XDG_RUNTIME_DIR"
}

# Runs "$@" on a private session bus with gnome-keyring; unlocked when a password is given.
with_keyring() {
  local password=$1; shift
  dbus-run-session -- bash -c '
    set -e
    password=$1; shift
    if [ -n "$password" ]; then
      # The login keyring is created and unlocked from the password on stdin.
      printf %s "$password" | gnome-keyring-daemon --foreground --unlock --components=secrets >/dev/null &
    else
      gnome-keyring-daemon --foreground --components=secrets >/dev/null &
    fi
    daemon=$!
    for _ in $(seq 100); do
      dbus-send --session --print-reply --dest=org.freedesktop.DBus / org.freedesktop.DBus.NameHasOwner \
        string:org.freedesktop.secrets 2>/dev/null | grep -q "boolean true" && break
      sleep 0.1
    done
    rc=0
    "$@" || rc=$?
    kill "$daemon" 2>/dev/null || true
    wait "$daemon" 2>/dev/null || true
    exit $rc' bash "$password" "$@"
}

echo "== keychain: store, read back, delete (unlocked gnome-keyring)"
fresh_home unlocked
KEYCHAIN_TEST_PART=unlocked with_keyring "ring-test-password" "$exe" storeReadDelete

echo "== keychain: no Secret Service on the bus"
fresh_home nobackend
KEYCHAIN_TEST_PART=nobackend dbus-run-session --config-file="$here/dbus-no-services.conf" -- "$exe" noBackend

echo "== keychain: a locked keyring"
fresh_home locked
# Create the login keyring with a password first, then start the daemon without it.
with_keyring "ring-test-password" true
KEYCHAIN_TEST_PART=locked with_keyring "" "$exe" lockedKeychainTimesOutOrSaysSo
echo "keychain_test: all parts passed"
