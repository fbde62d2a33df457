#!/usr/bin/env bash
# The `license_headers` test: every source file names its licence (SPDX) in its first
# three lines. Names every file that does not.
# Usage: check-license-headers.sh [file...]   (no files: every tracked source file)
set -uo pipefail
cd "$(dirname "$0")/../.."
if [ $# -eq 0 ]; then
  mapfile -t files < <(git ls-files '*.cpp' '*.h' '*.qml' '*.js' '*.mjs')
  set -- "${files[@]}"
  if [ $# -eq 0 ]; then
    echo "$(basename "$0"): no files found (not a git checkout?)" >&2
    exit 1
  fi
fi
failed=0
for f in "$@"; do
  if ! head -n 3 "$f" | grep -q "SPDX-License-Identifier: GPL-3.0-or-later"; then
    echo "license_headers: $f has no 'SPDX-License-Identifier: GPL-3.0-or-later' line in its first three lines"
    failed=1
  fi
done
[ "$failed" -eq 0 ] && echo "license_headers: $# files"
exit "$failed"
