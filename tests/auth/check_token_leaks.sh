#!/usr/bin/env bash
# Fails when a token appears in anything the auth and e2e tests logged.
# The tests write their captured output to <dir>/*.log and every token they
# handled (access, refresh and id tokens) to <dir>/*.tokens. Also fails on any
# JWT-shaped string in a log, so tokens the tests never saw are caught too.
# Extra files (e.g. CTest's LastTest.log, which holds everything the tests
# printed) are checked for the recorded tokens too, when they exist.
# Usage: check_token_leaks.sh <log dir> [extra output files...]
set -euo pipefail
dir=${1:?usage: check_token_leaks.sh <log dir> [extra output files...]}
shift
shopt -s nullglob
logs=("$dir"/*.log)
extra=()
for f in "$@"; do [ -f "$f" ] && extra+=("$f"); done
lists=("$dir"/*.tokens)

if [ ${#logs[@]} -eq 0 ]; then
  echo "check_token_leaks: no logs in $dir; run it together with the tests that write them (ctest -R 'auth_|e2e_')" >&2
  exit 1
fi
if [ ${#lists[@]} -eq 0 ]; then
  echo "check_token_leaks: no token lists in $dir: the tests recorded no tokens, so nothing would be checked" >&2
  exit 1
fi

checked=0
leaks=0
while IFS= read -r token; do
  # Short strings would match by chance; real tokens are far longer.
  [ ${#token} -ge 16 ] || continue
  checked=$((checked + 1))
  for log in "${logs[@]}" "${extra[@]}"; do
    if lines=$(grep -nF -- "$token" "$log" | cut -d: -f1 | tr '\n' ' '); [ -n "$lines" ]; then
      # Say where, never what.
      echo "LEAK: a token (${#token} characters) appears in $(basename "$log") on line(s) $lines" >&2
      leaks=$((leaks + 1))
    fi
  done
done < <(cat "${lists[@]}" | sort -u)

if jwt_hits=$(grep -cE 'eyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.' "${logs[@]}" | grep -v ':0$'); then
  while IFS= read -r hit; do
    echo "LEAK: a JWT-shaped string appears in $(basename "${hit%%:*}") (${hit##*:} line(s))" >&2
    leaks=$((leaks + 1))
  done <<< "$jwt_hits"
fi

bytes=$(cat "${logs[@]}" | wc -c)
echo "check_token_leaks: $checked tokens checked against ${#logs[@]} logs ($bytes bytes) and ${#extra[@]} captured output file(s)"
if [ "$checked" -eq 0 ]; then
  echo "check_token_leaks: the token lists are empty" >&2
  exit 1
fi
[ "$leaks" -eq 0 ] || { echo "check_token_leaks: $leaks leak(s) found" >&2; exit 1; }
echo "check_token_leaks: no token in any log"
