#!/usr/bin/env bash
# The `format` test: each C++ file is as clang-format-14 formats it with .clang-format
# (another clang-format version formats some lines differently; Debian 12 and Ubuntu
# 24.04 both ship 14). Names every file that is not; `scripts/format FILE` fixes it.
# Usage: check-format.sh [file...]   (no files: every tracked .cpp/.h)
set -uo pipefail
cd "$(dirname "$0")/../.."
if ! command -v clang-format-14 >/dev/null; then
  echo "format: clang-format-14 is missing (scripts/setup installs it)" >&2
  exit 1
fi
if [ $# -eq 0 ]; then
  mapfile -t files < <(git ls-files '*.cpp' '*.h')
  set -- "${files[@]}"
  if [ $# -eq 0 ]; then
    echo "$(basename "$0"): no files found (not a git checkout?)" >&2
    exit 1
  fi
fi
# One clang-format run for all files (one per file takes a minute on two busy cores);
# its warnings start with the file name.
if out=$(clang-format-14 --dry-run --Werror "$@" 2>&1); then
  echo "format: $# C++ files formatted"
  exit 0
fi
bad=$(printf '%s\n' "$out" | grep -oE '^[^:]+\.(cpp|h|cc):[0-9]+:[0-9]+: (error|warning)' | cut -d: -f1 | sort -u)
if [ -z "$bad" ]; then
  printf '%s\n' "$out" >&2 # clang-format itself failed: show why
  exit 1
fi
for f in $bad; do
  echo "format: $f is not formatted (run: scripts/format $f)"
done
exit 1
