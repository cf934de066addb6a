# run_cache_mark.sh - the "vb-" marks of the run cache (docs/runner.md, "The
# run cache"): a run that found an entry whose profile matched its digest
# marks the entry file's state, and the next run copies the profile without
# digesting it again; an entry changed in any way (even with its size and
# mtime put back) has another state, is digested again and, forged, is never
# used; marks are swept like entries.
. tests/lib.sh
runner_env
R="$TMP/mark"
rm -rf "$R"
mkdir -p "$R/t"
R=$(cd "$R" && pwd -P)
CD="$BUCKLE_TEST_CACHE_PARENT/buckle-cache-$(id -u)"
rm -rf "$CD"
printf 'files { allow read "/opt/one"; }\nprocess { allow exec "/usr/bin", "/bin"; }\nfiles { allow read "/usr/bin", "/bin"; }\n' >"$R/p.buckle"
brun() { env TMPDIR="$R/t" BUCKLE_SANDBOX_EXEC="$SXA" "$B" run -v --keep-profile "$@"; }
kept() { sed -n 's/^buckle run: kept //p' "$TMP/err"; }

run "mark: compile" brun "$R/p.buckle" -- true
expect_rc "mark: compile exits 0" 0
entry=$(ls "$CD"/cache-*.bc 2>/dev/null | head -n 1)
[ -n "$entry" ] && pass "mark: an entry is stored" || fail "mark: an entry is stored" "none"
ls "$CD" | grep -q '^vb-' && fail "mark: no mark before the entry was read back" "$(ls "$CD")" || pass "mark: no mark before the entry was read back"
rm -f "$(kept)"

run "mark: first hit" brun "$R/p.buckle" -- true
expect_err_has "mark: the first hit is cached" "cached profile"
grep -q "entry matched its digest before" "$TMP/err" && fail "mark: the first hit digests the entry" "$(cat "$TMP/err")" \
    || pass "mark: the first hit digests the entry"
[ "$(ls "$CD" | grep -c '^vb-[0-9a-f]\{16\}$')" = 1 ] && pass "mark: the first hit leaves one mark" || fail "mark: the first hit leaves one mark" "$(ls "$CD")"
first=$(kept)

run "mark: second hit" brun "$R/p.buckle" -- true
expect_rc "mark: the second hit exits 0" 0
expect_err_has "mark: the second hit trusts the mark" "entry matched its digest before"
second=$(kept)
cmp -s "$first" "$second" && pass "mark: the profile copied without the digest is the same bytes" \
    || fail "mark: the profile copied without the digest is the same bytes" "$(diff "$first" "$second" | head -5)"
rm -f "$first" "$second"

# forged in place, same size, mtime put back: only the ctime tells
touch -r "$entry" "$R/when"
sed 's|/opt/one|/opt/evl|' "$entry" >"$R/forged" && cat "$R/forged" >"$entry" && touch -r "$R/when" "$entry"
grep -q /opt/evl "$entry" && pass "mark: (the entry is forged, size and mtime kept)" || fail "mark: (the entry is forged, size and mtime kept)" "sed"
run "mark: forged in place" brun "$R/p.buckle" -- true
expect_rc "mark: the run after an in-place forgery goes on" 0
k=$(kept)
grep -q /opt/evl "$k" && fail "mark: a forged entry is never run despite the mark" "$(grep /opt/evl "$k")" \
    || pass "mark: a forged entry is never run despite the mark"
grep -q /opt/one "$k" && pass "mark: it is compiled again" || fail "mark: it is compiled again" "$(head -c 300 "$TMP/err")"
expect_err_has "mark: -v says why" "does not match its digest"
rm -f "$k"

# forged and renamed over the entry, size and mtime of the original
run "mark: hit" brun "$R/p.buckle" -- true
run "mark: marked" brun "$R/p.buckle" -- true
expect_err_has "mark: (marked again)" "entry matched its digest before"
rm -f "$(kept)"
entry=$(ls "$CD"/cache-*.bc | head -n 1)
sed 's|/opt/one|/opt/evl|' "$entry" >"$R/forged" && chmod 600 "$R/forged" && touch -r "$entry" "$R/forged" && mv "$R/forged" "$entry"
run "mark: forged by rename" brun "$R/p.buckle" -- true
k=$(kept)
grep -q /opt/evl "$k" && fail "mark: an entry renamed into place is never run" "$(grep /opt/evl "$k")" \
    || pass "mark: an entry renamed into place is never run"
expect_err_has "mark: ... it is digested" "does not match its digest"
rm -f "$k"

# marks older than a day are swept with the entries
for m in "$CD"/vb-*; do touch -d '2 days ago' "$m"; done
printf 'files { allow read "/opt/two"; }\nprocess { allow exec "/usr/bin", "/bin"; }\nfiles { allow read "/usr/bin", "/bin"; }\n' >"$R/q.buckle"
run "mark: another profile (the cache is swept)" brun "$R/q.buckle" -- true
rm -f "$(kept)"
ls "$CD" | grep -q '^vb-' && fail "mark: old marks are swept" "$(ls -l "$CD")" || pass "mark: old marks are swept"
