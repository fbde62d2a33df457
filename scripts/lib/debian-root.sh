# Sourced by scripts/package-test and scripts/node18-test: makes a clean Debian 12
# (bookworm) root with debootstrap, runs commands in it and unmounts it with care.
# The caller sets $work (kept between runs: cache/ and logs) and $root (made anew),
# and defines say and fail.
# RINGCHAT_DEBIAN_MIRROR overrides the mirror (default: the one this machine's apt uses).

# Kills what runs in $root, unmounts everything below it, deepest first, and refuses
# to go on if something stays mounted: removing the root with /dev or /proc still
# bound would hit the host.
unmount_root() {
  local mounts m p
  # First what still runs in the root (a server a killed test left behind), by pid.
  for p in /proc/[0-9]*; do
    if [ "$(readlink "$p/root" 2>/dev/null)" = "$root" ]; then kill -KILL "${p#/proc/}" 2>/dev/null || true; fi
  done
  mounts=$(awk -v r="$root" '$2 == r || index($2, r "/") == 1 { print $2 }' /proc/mounts | sort -r)
  for m in $mounts; do umount "$m" 2>/dev/null || umount -l "$m"; done
  if awk -v r="$root" '$2 == r || index($2, r "/") == 1 { found = 1 } END { exit !found }' /proc/mounts; then
    fail "something is still mounted under $root; not touching it"
  fi
}

# A new $root: debootstrap minbase, the release plus its updates and security suites
# (what a Debian 12 user has), the host's DNS, no service starts, and /proc, /sys,
# /dev mounted.
make_debian_root() {
  local mirror security
  mirror=${RINGCHAT_DEBIAN_MIRROR:-}
  if [ -z "$mirror" ]; then
    mirror=$(cat /etc/apt/sources.list /etc/apt/sources.list.d/*.list /etc/apt/sources.list.d/*.sources 2>/dev/null \
      | grep -v '^\s*#' | grep -oE 'https?://[^ ]+/debian/?( |$)' | head -n1 | tr -d ' ' || true)
    mirror=${mirror:-http://deb.debian.org/debian}
  fi
  security=${mirror%/debian*}/debian-security
  unmount_root
  rm -rf "$root"
  mkdir -p "$work/cache" "$root"
  say "debootstrap bookworm from $mirror"
  debootstrap --variant=minbase --cache-dir="$work/cache" bookworm "$root" "$mirror" \
    >"$work/debootstrap.log" 2>&1 || { tail -n 20 "$work/debootstrap.log" >&2; fail "debootstrap failed (log: $work/debootstrap.log)"; }
  cat >"$root/etc/apt/sources.list" <<EOF
deb $mirror bookworm main
deb $mirror bookworm-updates main
deb $security bookworm-security main
EOF
  cp /etc/resolv.conf "$root/etc/resolv.conf"
  # No service starts in the root (redis-server, tinyproxy...): it would run on the
  # host's network and keep the root's mounts busy.
  printf '#!/bin/sh\nexit 101\n' >"$root/usr/sbin/policy-rc.d"
  chmod 0755 "$root/usr/sbin/policy-rc.d"
  mount -t proc proc "$root/proc"
  mount -t sysfs sysfs "$root/sys"
  mount --bind /dev "$root/dev"
  mount --bind /dev/pts "$root/dev/pts"
}

# Runs "$@" in $root with an empty environment, as a fresh login would have it.
in_root() { chroot "$root" /usr/bin/env -i HOME=/root PATH=/usr/sbin:/usr/bin:/sbin:/bin LANG=C.UTF-8 "$@"; }
