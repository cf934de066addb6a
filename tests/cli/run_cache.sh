# run_cache.sh - the run cache of `buckle run` (docs/runner.md): a hit gives
# the same profile as a compilation, and any change to an input is a miss.
. tests/lib.sh
runner_env
R="$TMP/runcache"
rm -rf "$R"
mkdir -p "$R/tmp" "$R/inc1" "$R/inc2"
export TMPDIR="$R/tmp"
PD="$R/tmp/buckle-profiles-$(id -u)"
CD="$BUCKLE_TEST_CACHE_PARENT/buckle-cache-$(id -u)"
rm -rf "$CD"
XOK='process { allow exec "/usr/bin", "/bin"; }\nfiles { allow read "/usr/bin", "/bin"; }\n'
LOG="$R/log"
brun() { STANDIN_LOG="$LOG" BUCKLE_SANDBOX_EXEC="$SXA" "$B" run -v "$@"; }
# how the last run got its profile
was() {  # NAME WANT(cached|compiled)
    if grep -q "cached profile" "$TMP/err"; then got=cached; elif grep -q "lint and compile" "$TMP/err"; then got=compiled; else got=none; fi
    [ "$got" = "$2" ] && pass "$1" || fail "$1" "got $got, want $2: $(head -c 400 "$TMP/err")"
}
kept() { sed -n 's/^buckle run: kept //p' "$TMP/err"; }

printf 'extends "./base";\nfiles { allow read "/opt/one"; }\n'"$XOK" >"$R/main.buckle"
printf 'files { allow read "/opt/base"; }\n' >"$R/base.buckle"

run "cache: first run" brun --keep-profile "$R/main.buckle" -- true
expect_rc "cache: first run exits 0" 0
was "cache: the first run compiles" compiled
first=$(kept)
[ -n "$(ls "$CD"/cache-*.bc 2>/dev/null)" ] && pass "cache: an entry is stored" || fail "cache: an entry is stored" "$(ls -la "$CD")"
mode=$(ls -l "$CD"/cache-*.bc | cut -c1-10)
[ "$mode" = "-rw-------" ] && pass "cache: the entry is 0600" || fail "cache: the entry is 0600" "$mode"
run "cache: second run" brun --keep-profile "$R/main.buckle" -- true
expect_rc "cache: second run exits 0" 0
was "cache: the second run is a hit" cached
second=$(kept)
expect_same "cache: a hit writes the same profile as a compilation" "$first" "$second"
# what a run writes is `buckle compile --compact`'s output followed by the
# protection rules (the compact form folds paths into regexes: the checks
# below look for a path without its leading '/')
"$B" compile --compact "$R/main.buckle" -o "$R/compiled.sb"
head -c "$(wc -c <"$R/compiled.sb")" "$second" >"$R/head.sb"
expect_same "cache: the run profile starts with buckle compile's output" "$R/compiled.sb" "$R/head.sb"
tail -c +"$(( $(wc -c <"$R/compiled.sb") + 1 ))" "$second" | grep -q "buckle run: nothing in the sandbox may write" \
    && pass "cache: then the protection rules" || fail "cache: then the protection rules" "missing"
grep -q "self-protection holds" "$LOG" && pass "cache: a hit is self-protected" || fail "cache: a hit is self-protected" "$(cat "$LOG")"
# the main file and its base are protected too (a sandboxed command that
# rewrote them would choose its next sandbox), on a hit as on a miss
: >"$LOG"
run "cache: sources" env STANDIN_SOURCES="$(abspath "$R/main.buckle"):$(abspath "$R/base.buckle")" STANDIN_LOG="$LOG" \
    BUCKLE_SANDBOX_EXEC="$SXA" "$B" run -v "$R/main.buckle" -- true
was "cache: (sources run is a hit)" cached
grep -q "source protected: .*/base.buckle" "$LOG" && pass "cache: the base file cannot be changed from inside" \
    || fail "cache: the base file cannot be changed from inside" "$(cat "$LOG")"
rm -f "$first" "$second"

# the main file changes
printf 'extends "./base";\nfiles { allow read "/opt/two"; }\n'"$XOK" >"$R/main.buckle"
run "cache: main changed" brun --keep-profile "$R/main.buckle" -- true
was "cache: a changed profile is a miss" compiled
"$B" query "$(kept)" file-read-data /opt/two 2>/dev/null | grep -q '^allow ' && pass "cache: the new content is run" || fail "cache: the new content is run" "no /opt/two"
rm -f "$(kept)"
run "cache: main changed, again" brun "$R/main.buckle" -- true
was "cache: and then a hit" cached

# a base changes (same size: the digest decides)
printf 'files { allow read "/opt/bxse"; }\n' >"$R/base.buckle"
run "cache: base changed" brun --keep-profile "$R/main.buckle" -- true
was "cache: a changed base (same size) is a miss" compiled
"$B" query "$(kept)" file-read-data /opt/bxse 2>/dev/null | grep -q '^allow ' && pass "cache: the new base is run" || fail "cache: the new base is run" "no /opt/bxse"
rm -f "$(kept)"

# a source larger than the 16 KB buffer the check reads through (and not a
# multiple of 8 bytes): a hit, and a same-size change far into it is a miss
awk 'BEGIN { print "files {"; for (i = 0; i < 2000; i++) printf "    allow read \"/opt/big/d%d\";\n", i; print "}" }' >"$R/big.buckle"
printf '#x\n' >>"$R/big.buckle"
printf "$XOK" >>"$R/big.buckle"
run "cache: big 1" brun "$R/big.buckle" -- true
run "cache: big 2" brun "$R/big.buckle" -- true
was "cache: a large source, unchanged: hit" cached
sed 's|/opt/big/d1999|/opt/big/e1999|' "$R/big.buckle" >"$R/big.new" && mv "$R/big.new" "$R/big.buckle"
run "cache: big 3" brun --keep-profile "$R/big.buckle" -- true
was "cache: a large source changed near its end (same size): miss" compiled
grep -qE '[/|(]e1999([|)/]|$)' "$(kept)" && pass "cache: the changed large source is run" || fail "cache: the changed large source is run" "no e1999"
rm -f "$(kept)"

# a file appears earlier in the search path
printf 'extends "lib";\nfiles { allow read "/opt/s"; }\n'"$XOK" >"$R/search.buckle"
printf 'files { allow read "/opt/from-inc2"; }\n' >"$R/inc2/lib.buckle"
run "cache: search 1" brun -I "$R/inc1" -I "$R/inc2" "$R/search.buckle" -- true
run "cache: search 2" brun -I "$R/inc1" -I "$R/inc2" "$R/search.buckle" -- true
was "cache: search path, unchanged: hit" cached
printf 'files { allow read "/opt/from-inc1"; }\n' >"$R/inc1/lib.buckle"
run "cache: search 3" brun --keep-profile -I "$R/inc1" -I "$R/inc2" "$R/search.buckle" -- true
was "cache: a new file earlier in the search path is a miss" compiled
"$B" query "$(kept)" file-read-data /opt/from-inc1 2>/dev/null | grep -q '^allow ' && pass "cache: the nearer base is used" || fail "cache: the nearer base is used" "not from inc1"
rm -f "$(kept)"
rm -f "$R/inc1/lib.buckle"
run "cache: search 4" brun -I "$R/inc1" -I "$R/inc2" "$R/search.buckle" -- true
was "cache: a base that disappears is a miss" compiled

# -D values are part of the key
printf 'param P;\nfiles { allow read "$P"; }\n'"$XOK" >"$R/param.buckle"
run "cache: -D 1" brun -D P=/opt/a "$R/param.buckle" -- true
run "cache: -D 2" brun -D P=/opt/b "$R/param.buckle" -- true
was "cache: another -D value is a miss" compiled
run "cache: -D 3" brun -D P=/opt/a "$R/param.buckle" -- true
was "cache: the first -D value is still a hit" cached
: >"$LOG"
run "cache: -D 4" brun -D P=/opt/b "$R/param.buckle" -- true
grep -q -- "-D P=/opt/b" "$LOG" && pass "cache: a hit passes this run's values" || fail "cache: a hit passes this run's values" "$(head -c 300 "$LOG")"

# a profile with lint errors is never stored: refused again without --force
printf 'misc { allow lsopen; }\n'"$XOK" >"$R/bad.buckle"
run "cache: forced" brun --force "$R/bad.buckle" -- true
expect_rc "cache: --force runs it" 0
run "cache: refused again" brun "$R/bad.buckle" -- true
expect_rc "cache: lint errors still refuse after a forced run" 125

# --no-cache
run "cache: --no-cache" brun --no-cache "$R/main.buckle" -- true
was "cache: --no-cache compiles" compiled

# damaged entries are misses, and are replaced
for how in truncate garbage mode symlink; do
    run "cache: prime $how" brun "$R/main.buckle" -- true
    e=$(ls "$CD"/cache-*.bc | head -n 1)
    for x in "$CD"/cache-*.bc; do
        case $how in
        truncate) head -c 100 "$x" >"$x.t" && cat "$x.t" >"$x" && rm -f "$x.t" ;;
        garbage) printf 'buckle-run-cache 1 zz 999999999\n' >"$x" ;;
        mode) chmod 0644 "$x" ;;
        symlink) rm -f "$x"; printf 'whatever' >"$R/target"; ln -s "$R/target" "$x" ;;
        esac
    done
    : >"$LOG"
    run "cache: $how" brun "$R/main.buckle" -- true
    expect_rc "cache: a $how entry still runs" 0
    was "cache: a $how entry is a miss" compiled
    grep -q "self-protection holds" "$LOG" && pass "cache: after a $how entry, self-protected" || fail "cache: after a $how entry, self-protected" "$(cat "$LOG")"
    [ "$how" = symlink ] && { [ "$(cat "$R/target")" = whatever ] && pass "cache: a symlinked entry's target is untouched" || fail "cache: a symlinked entry's target is untouched" "changed"; }
    rm -f "$CD"/cache-*.bc
done

# an .sb that imports is not cached (the import is not tracked)
printf '(version 1)\n(deny default)\n(allow process-exec)\n(allow file-read*)\n' >"$R/plain.sb"
run "cache: sb 1" brun "$R/plain.sb" -- true
run "cache: sb 2" brun "$R/plain.sb" -- true
was "cache: an .sb profile is cached" cached
printf '(version 1)\n(import "plain.sb")\n' >"$R/imp.sb"
run "cache: import 1" brun --force -I "$R" "$R/imp.sb" -- true
run "cache: import 2" brun --force -I "$R" "$R/imp.sb" -- true
was "cache: an .sb that imports is not cached" compiled

# entries older than a day are swept; the profiles' own sweep is unchanged
run "cache: prime sweep" brun "$R/main.buckle" -- true
aged=$(ls "$CD" | grep '^cache-[0-9a-f]*\.bc$\|^ok-')
for x in "$CD"/cache-*.bc "$CD"/ok-*; do
    touch -d '2 days ago' "$x" 2>/dev/null || touch -t "$(date -d '2 days ago' +%Y%m%d%H%M 2>/dev/null || date -v-2d +%Y%m%d%H%M)" "$x"
done
touch "$CD/cache-0123456789abcdef.bc.tmp-0123456789abcdef" "$CD/cache-notours.bc"
touch -d '2 days ago' "$CD/cache-0123456789abcdef.bc.tmp-0123456789abcdef" "$CD/cache-notours.bc" 2>/dev/null
# (the cache is swept when a run writes into it: here a new -D value)
run "cache: sweep" brun "$R/param.buckle" -D P=/sweep -- true
left=""
for x in $aged cache-0123456789abcdef.bc.tmp-0123456789abcdef; do [ -e "$CD/$x" ] && left="$left $x"; done
[ -n "$aged" ] && [ -z "$left" ] && pass "cache: entries and marks older than a day are swept" || fail "cache: entries and marks older than a day are swept" "left:$left; $(ls "$CD")"
run "cache: warm" brun "$R/param.buckle" -D P=/sweep -- true
touch "$CD/cache-1123456789abcdef.bc"
touch -d '2 days ago' "$CD/cache-1123456789abcdef.bc" 2>/dev/null
run "cache: warm 2" brun "$R/param.buckle" -D P=/sweep -- true
was "cache: (a warm run)" cached
[ -e "$CD/cache-1123456789abcdef.bc" ] && pass "cache: a warm run does not sweep the cache" || fail "cache: a warm run does not sweep the cache" "swept"
[ -e "$CD/cache-notours.bc" ] && pass "cache: other names are never touched" || fail "cache: other names are never touched" "removed"
rm -rf "$R"
