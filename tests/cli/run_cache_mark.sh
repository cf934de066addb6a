# run_cache_mark.sh - the "vb-" marks of the run cache (docs/runner.md, "The
# run cache"): a run that found an entry whose profile matched its digest
# marks the entry file's state, and the next run copies the profile without
# digesting it again; an entry changed in any way (even with its size and
# mtime put back) has another state, is digested again and, forged, is never
# used; marks are swept like entries.  The same for the "vs-" marks of the
# files an entry depends on: a hit stats them instead of reading them when
# they are unchanged since a run read them whole, and only files whose times
# are at least two seconds old get a mark.
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
sed 's|opt/one|opt/evl|' "$entry" >"$R/forged" && cat "$R/forged" >"$entry" && touch -r "$R/when" "$entry"
grep -q opt/evl "$entry" && pass "mark: (the entry is forged, size and mtime kept)" || fail "mark: (the entry is forged, size and mtime kept)" "sed"
run "mark: forged in place" brun "$R/p.buckle" -- true
expect_rc "mark: the run after an in-place forgery goes on" 0
k=$(kept)
grep -q opt/evl "$k" && fail "mark: a forged entry is never run despite the mark" "$(grep opt/evl "$k")" \
    || pass "mark: a forged entry is never run despite the mark"
grep -q opt/one "$k" && pass "mark: it is compiled again" || fail "mark: it is compiled again" "$(head -c 300 "$TMP/err")"
expect_err_has "mark: -v says why" "does not match its digest"
rm -f "$k"

# forged and renamed over the entry, size and mtime of the original
run "mark: hit" brun "$R/p.buckle" -- true
run "mark: marked" brun "$R/p.buckle" -- true
expect_err_has "mark: (marked again)" "entry matched its digest before"
rm -f "$(kept)"
entry=$(ls "$CD"/cache-*.bc | head -n 1)
sed 's|opt/one|opt/evl|' "$entry" >"$R/forged" && chmod 600 "$R/forged" && touch -r "$entry" "$R/forged" && mv "$R/forged" "$entry"
run "mark: forged by rename" brun "$R/p.buckle" -- true
k=$(kept)
grep -q opt/evl "$k" && fail "mark: an entry renamed into place is never run" "$(grep opt/evl "$k")" \
    || pass "mark: an entry renamed into place is never run"
expect_err_has "mark: ... it is digested" "does not match its digest"
rm -f "$k"

# the files an entry depends on: a fresh file gets no mark ...
n_vs() { ls "$CD" | grep -c '^vs-[0-9a-f]\{16\}$'; }
vs0=$(n_vs)
printf 'files { allow read "/opt/src1"; }\nprocess { allow exec "/usr/bin", "/bin"; }\nfiles { allow read "/usr/bin", "/bin"; }\n' >"$R/s.buckle"
# its mtime ahead of the clock keeps it "changed in the last two seconds"
# however slowly the two runs below go on a loaded machine
touch -t 203001010000 "$R/s.buckle"
run "mark: fresh source, compile" brun "$R/s.buckle" -- true
rm -f "$(kept)"
run "mark: fresh source, hit" brun "$R/s.buckle" -- true
expect_err_has "mark: (a hit)" "cached profile"
rm -f "$(kept)"
[ "$(n_vs)" = "$vs0" ] && pass "mark: files changed in the last two seconds get no mark" \
    || fail "mark: files changed in the last two seconds get no mark" "$(ls -l --full-time "$CD")"
touch "$R/s.buckle"
# ... a settled one does
sleep 3
run "mark: settled source, hit" brun "$R/s.buckle" -- true
expect_err_has "mark: (still a hit)" "cached profile"
rm -f "$(kept)"
[ "$(n_vs)" = "$((vs0 + 1))" ] && pass "mark: settled files are marked once read whole" \
    || fail "mark: settled files are marked once read whole" "$(ls "$CD")"
run "mark: settled source, marked hit" brun "$R/s.buckle" -- true
expect_err_has "mark: a hit on marked files" "cached profile"
grep -q opt/src1 "$(kept)" && pass "mark: the marked hit runs the profile" || fail "mark: the marked hit runs the profile" "$(kept)"
rm -f "$(kept)"
# the source edited in place, size and mtime put back, and settled: only
# its ctime tells
touch -r "$R/s.buckle" "$R/when"
sed 's|/opt/src1|/opt/src2|' "$R/s.buckle" >"$R/s.new" && cat "$R/s.new" >"$R/s.buckle" && touch -r "$R/when" "$R/s.buckle"
sleep 3                        # settled again: only the state can tell
run "mark: edited source" brun "$R/s.buckle" -- true
expect_err_has "mark: an edited source is compiled again despite the mark" "lint and compile"
k=$(kept)
grep -q opt/src2 "$k" && ! grep -q opt/src1 "$k" && pass "mark: the edit is what runs" || fail "mark: the edit is what runs" "$(grep opt/src "$k")"
rm -f "$k"

# marks older than a day are swept with the entries
for m in "$CD"/vb-* "$CD"/vs-*; do touch -d '2 days ago' "$m"; done
printf 'files { allow read "/opt/two"; }\nprocess { allow exec "/usr/bin", "/bin"; }\nfiles { allow read "/usr/bin", "/bin"; }\n' >"$R/q.buckle"
run "mark: another profile (the cache is swept)" brun "$R/q.buckle" -- true
rm -f "$(kept)"
ls "$CD" | grep -q '^v[bs]-' && fail "mark: old marks are swept" "$(ls -l "$CD")" || pass "mark: old marks are swept"
