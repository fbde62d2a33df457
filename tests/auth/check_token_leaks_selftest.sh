#!/usr/bin/env bash
# Shows that check_token_leaks.sh really fails: planted leaks are found, clean logs pass.
set -uo pipefail
checker=$(dirname "$0")/check_token_leaks.sh
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0
expect() {  # expect <pass|fail> <case> <dir>
  if bash "$checker" "$3" >"$tmp/out" 2>&1; then got=pass; else got=fail; fi
  if [ "$got" != "$1" ]; then
    echo "selftest: case '$2' should $1 but did $got:"; cat "$tmp/out"; fail=1
  else
    echo "selftest: case '$2' -> $got (as expected)"
  fi
  if grep -q "rt-SECRETrefreshTOKEN" "$tmp/out"; then echo "selftest: the checker printed a token"; fail=1; fi
}
mk() { rm -rf "$tmp/$1"; mkdir -p "$tmp/$1"; echo "$tmp/$1"; }

d=$(mk clean); echo "rt-SECRETrefreshTOKEN-0123456789" > "$d/a.tokens"; echo "signed in as alice" > "$d/a.log"
expect pass clean "$d"
d=$(mk leak); echo "rt-SECRETrefreshTOKEN-0123456789" > "$d/a.tokens"; echo "hello"> "$d/a.log"
printf 'debug: refresh with rt-SECRETrefreshTOKEN-0123456789 now\n' > "$d/b.log"
expect fail "refresh token in another test's log" "$d"
d=$(mk jwt); echo "rt-SECRETrefreshTOKEN-0123456789" > "$d/a.tokens"
echo "Authorization: Bearer eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhbGljZSJ9.c2ln" > "$d/a.log"
expect fail "unknown JWT in a log" "$d"
d=$(mk captured); echo "rt-SECRETrefreshTOKEN-0123456789" > "$d/a.tokens"; echo "fine" > "$d/a.log"
echo "QDEBUG : token rt-SECRETrefreshTOKEN-0123456789" > "$tmp/LastTest.log"
if bash "$checker" "$d" "$tmp/LastTest.log" >"$tmp/out" 2>&1; then
  echo "selftest: case 'token in captured test output' should fail but passed"; cat "$tmp/out"; fail=1
else
  echo "selftest: case 'token in captured test output' -> fail (as expected)"
fi
d=$(mk nologs); echo "rt-SECRETrefreshTOKEN-0123456789" > "$d/a.tokens"
expect fail "no logs at all" "$d"
d=$(mk notokens); echo "hello" > "$d/a.log"
expect fail "no tokens recorded" "$d"
exit $fail
