# compact.sh - the compact SBPL form (compile --compact; what buckle run
# hands to sandbox-exec): rules grouped, carve-outs shared, concrete paths
# folded into anchored regexes, every string within Seatbelt's limit, and the
# same decisions as the readable form.
. tests/lib.sh
C="$TMP/compact"
mkdir -p "$C"
# 60 sibling literals and 40 sibling subpaths: one regex each
{
    echo 'files {'
    i=0
    while [ $i -lt 60 ]; do printf '    allow read literal "/data/set-%03d.csv";\n' $i; i=$((i + 1)); done
    i=0
    while [ $i -lt 40 ]; do printf '    allow write "/work/tree-%02d";\n' $i; i=$((i + 1)); done
    echo '    deny write "/work/tree-07/secret";'
    echo '    deny write "/work/tree-08/secret";'
    echo '}'
} >"$C/many.buckle"
run "compact: compiles" "$BUCKLE" compile --compact "$C/many.buckle" -o "$C/many.sb"
expect_rc "compact: compile --compact succeeds" 0
"$BUCKLE" compile "$C/many.buckle" -o "$C/many-readable.sb"
n=$(grep -c '(literal "/data/set-' "$C/many-readable.sb")
[ "$n" -eq 60 ] && pass "compact: the readable form keeps one rule per literal" || fail "compact: the readable form keeps one rule per literal" "$n"
grep -qF '(regex "^/data/set-0(0[0-9]|1[0-9]|2[0-9]|3[0-9]|4[0-9]|5[0-9])\\.csv$")' "$C/many.sb" \
    && pass "compact: sibling literals fold into one anchored regex" || fail "compact: sibling literals fold into one anchored regex" "$(grep -n set- "$C/many.sb" | head -3)"
n=$(grep -c '/data/set-' "$C/many.sb")
[ "$n" -eq 1 ] && pass "compact: the 60 literals are one filter" || fail "compact: the 60 literals are one filter" "$n lines"
grep -qF '(regex "^/work/tree-(' "$C/many.sb" && grep -qF ')(/.*)?$")' "$C/many.sb" \
    && pass "compact: sibling subpaths fold into one regex that keeps their subtrees" || fail "compact: sibling subpaths fold into one regex that keeps their subtrees" "$(grep -n tree- "$C/many.sb" | head -3)"
# the two carve-outs of the write allows: one shared require-not
n=$(grep -c 'require-not' "$C/many.sb")
[ "$n" -eq 1 ] && pass "compact: one shared carve-out for the write allows" || fail "compact: one shared carve-out for the write allows" "$n"
b1=$(wc -c <"$C/many.sb"); b2=$(wc -c <"$C/many-readable.sb")
[ "$b1" -lt $((b2 / 4)) ] && pass "compact: under a quarter of the readable bytes" || fail "compact: under a quarter of the readable bytes" "$b1 vs $b2"
# the compiled profile decides as the source does (the .sb read back)
run "compact: query a folded literal" "$BUCKLE" query "$C/many.sb" file-read-data /data/set-042.csv
expect_out_has "compact: a folded literal is allowed" "allow /data/set-042.csv"
run "compact: query a neighbour" "$BUCKLE" query "$C/many.sb" file-read-data /data/set-042.csv.bak
expect_out_has "compact: a longer name is not" "deny /data/set-042.csv.bak"
run "compact: query inside a folded subpath" "$BUCKLE" query "$C/many.sb" file-write-create /work/tree-33/a/b
expect_out_has "compact: a folded subpath keeps its subtree" "allow /work/tree-33/a/b"
run "compact: query a carve-out" "$BUCKLE" query "$C/many.sb" file-write-create /work/tree-08/secret/x
expect_out_has "compact: the shared carve-out still denies" "deny /work/tree-08/secret/x"
run "compact: query a sibling prefix" "$BUCKLE" query "$C/many.sb" file-write-create /work/tree-3
expect_out_has "compact: a prefix of a folded subpath is not inside it" "deny /work/tree-3"
# deterministic
"$BUCKLE" compile --compact "$C/many.buckle" -o "$C/many2.sb"
expect_same "compact: same input, same bytes" "$C/many.sb" "$C/many2.sb"
# srt's large configuration with its values: every string within 1,024 bytes
D="-D HOME=/Users/bench -D USER=bench -D WORKDIR=/Users/bench/src -D TMPDIR=/private/var/folders/zz/bench/T"
# shellcheck disable=SC2086
run "compact: srt-large" "$BUCKLE" compile --compact -I corpus $D corpus/examples/srt-large.buckle -o "$C/large.sb"
expect_rc "compact: srt-large compiles" 0
long=$(grep -oE '"([^"\\]|\\.)*"' "$C/large.sb" | awk '{ if (length($0) - 2 > m) m = length($0) - 2 } END { print m + 0 }')
[ "$long" -le 1024 ] && pass "compact: no string over 1,024 bytes ($long)" || fail "compact: no string over 1,024 bytes" "$long"
grep -q 'string-append' "$C/large.sb" && fail "compact: no string is split" "string-append" || pass "compact: no string is split"
n=$(sed -E 's/"([^"\\]|\\.)*"/""/g; s/;.*//' "$C/large.sb" | grep -oE '\((literal|subpath|prefix|regex) ' | wc -l)
[ "$n" -lt 200 ] && pass "compact: srt-large's 2,000 paths in under 200 path filters ($n)" || fail "compact: srt-large's 2,000 paths in under 200 path filters" "$n"
# the profile buckle run hands to sandbox-exec for srt's configurations is
# no larger than srt's own profile of the same configuration (its size as
# bench/srt/NAME.json records it; make bench compares filters too): the
# values inlined as buckle run does, running /usr/bin/true (the test build,
# with a run cache of the suite's own; the profiles in a directory of their
# own: buckle run protects the directory a profile is in, where a project
# keeps its other profiles)
runner_env
mkdir -p "$C/srt-tmp" "$C/srt-prof"
for n in small medium large; do
    printf 'extends "%s/corpus/examples/srt-%s.buckle";\nprocess { allow exec "/usr/bin/true"; }\nfiles { allow read "/usr/bin/true"; }\n' \
        "$(pwd)" "$n" >"$C/srt-prof/run-srt-$n.buckle"
    # shellcheck disable=SC2086
    f=$(env TMPDIR="$C/srt-tmp" "$B" run --dry-run -I "$(pwd)/corpus" $D "$C/srt-prof/run-srt-$n.buckle" -- /usr/bin/true 2>/dev/null | sed -n 's/^profile: //p')
    srt=$(sed -n '/"profile"/,/}/s/.*"bytes": *\([0-9]*\).*/\1/p' "bench/srt/$n.json")
    got=$(wc -c <"${f:-/dev/null}" | tr -d ' ')
    [ -n "$f" ] && [ -n "$srt" ] && [ "$got" -gt 0 ] && [ "$got" -le "$srt" ] && ! grep -q '(param ' "$f" \
        && pass "compact: buckle run's profile for srt-$n in no more bytes than srt's ($got <= $srt)" \
        || fail "compact: buckle run's profile for srt-$n in no more bytes than srt's" "$got > ${srt:-?} (${f:-no profile})"
    rm -f "$f"
done
# buckle run hands the compact form to sandbox-exec
mkdir -p "$C/tmp"
printf 'extends "%s";\nprocess { allow exec "/usr/bin/true"; }\nfiles { allow read "/usr/bin/true"; }\n' "$(abspath "$C/many.buckle")" >"$C/run.buckle"
run "compact: run --dry-run" env TMPDIR="$C/tmp" BUCKLE_SANDBOX_EXEC="$SXA" "$B" run --dry-run "$C/run.buckle" -- /usr/bin/true
expect_rc "compact: run --dry-run succeeds" 0
f=$(sed -n 's/^profile: //p' "$TMP/out")
[ -n "$f" ] && grep -qF 'data/set-0(0[0-9]|1[0-9]|' "$f" \
    && pass "compact: buckle run's profile is the compact form" || fail "compact: buckle run's profile is the compact form" "${f:-no profile}"
rm -f "$f"
# buckle run inlines the values it passes (HOME here): no parameter is left
# for sandbox-exec to substitute, and the home paths fold like any other
printf 'process { allow exec "/usr/bin/true"; }\nfiles { allow read "/usr/bin/true"; allow read "~/a"; allow read "~/b"; allow read "~/c"; }\n' >"$C/home.buckle"
mkdir -p "$C/home"
run "compact: run --dry-run with HOME" env HOME="$(abspath "$C/home")" TMPDIR="$C/tmp" BUCKLE_SANDBOX_EXEC="$SXA" "$B" run --dry-run "$C/home.buckle" -- /usr/bin/true
expect_rc "compact: run --dry-run with HOME succeeds" 0
f=$(sed -n 's/^profile: //p' "$TMP/out")
if [ -n "$f" ] && ! grep -q '(param "HOME' "$f" && grep -qF 'compact/home/[a-c]' "$f"; then
    pass "compact: buckle run inlines HOME and folds the home paths"
else
    fail "compact: buckle run inlines HOME and folds the home paths" "$(grep -n 'HOME\|/home' "${f:-/dev/null}" | head -5)"
fi
rm -f "$f"
# the run cache holds the profile with the values it was compiled with: the
# same profile under another HOME is compiled again, not taken from the cache
mkdir -p "$C/home2"
run "compact: again, same HOME" env HOME="$(abspath "$C/home")" TMPDIR="$C/tmp" BUCKLE_SANDBOX_EXEC="$SXA" "$B" run -v --keep-profile "$C/home.buckle" -- /usr/bin/true
run "compact: again, same HOME (2)" env HOME="$(abspath "$C/home")" TMPDIR="$C/tmp" BUCKLE_SANDBOX_EXEC="$SXA" "$B" run -v --keep-profile "$C/home.buckle" -- /usr/bin/true
expect_err_has "compact: the same values are a cache hit" "cached profile"
rm -f "$(sed -n 's/^buckle run: kept //p' "$TMP/err")"
run "compact: another HOME" env HOME="$(abspath "$C/home2")" TMPDIR="$C/tmp" BUCKLE_SANDBOX_EXEC="$SXA" "$B" run -v --keep-profile "$C/home.buckle" -- /usr/bin/true
expect_err_has "compact: other values compile again" "lint and compile"
f=$(sed -n 's/^buckle run: kept //p' "$TMP/err")
grep -qF 'compact/home2/[a-c]' "$f" && ! grep -qF 'compact/home/[a-c]' "$f" \
    && pass "compact: the profile holds the new HOME" || fail "compact: the profile holds the new HOME" "$(grep -n home "$f" | head -3)"
rm -f "$f"
# every root x every name (srt's protections under each write root): the
# roots once, the names once
{
    printf 'files {\n    allow write "/w";\n'
    for r in a b c; do for g in '.env' '*.pem'; do printf '    deny write glob "/w/%s/**/%s";\n' "$r" "$g"; done; done
    echo '}'
} >"$C/cross.buckle"
"$BUCKLE" compile --compact "$C/cross.buckle" -o "$C/cross.sb"
grep -qF '(deny file-write* (regex "^/w/[a-c]/(.*/)?([^/]*\\.pem|\\.env)(/.*)?$"))' "$C/cross.sb" \
    && pass "compact: roots x names fold into one regex, each written once" || fail "compact: roots x names fold into one regex, each written once" "$(grep -n 'w/' "$C/cross.sb")"
for q in "deny /w/c/x/y/key.pem" "deny /w/a/.env" "allow /w/b/x/.env.local" "allow /w/d/x/.env" "allow /w/a/x/pem"; do
    run "compact: cross $q" "$BUCKLE" query "$C/cross.sb" file-write-create "${q#* }"
    expect_out_has "compact: roots x names: $q" "$q"
done
# globs fold by whole regex tokens: a shared head and a shared tail
printf 'files {\n    allow write "/w";\n    deny write glob "/w/a/**/.env";\n    deny write glob "/w/b/**/.env";\n    deny write glob "/w/c/**/.env";\n}\n' >"$C/globs.buckle"
"$BUCKLE" compile --compact "$C/globs.buckle" -o "$C/globs.sb"
grep -qF '(regex "^/w/[a-c]/(.*/)?\\.env(/.*)?$")' "$C/globs.sb" \
    && pass "compact: sibling globs fold with their shared tail" || fail "compact: sibling globs fold with their shared tail" "$(grep -n env "$C/globs.sb")"
run "compact: a folded glob denies" "$BUCKLE" query "$C/globs.sb" file-write-create /w/b/x/y/.env
expect_out_has "compact: a folded glob denies deep inside" "deny /w/b/x/y/.env"
run "compact: a folded glob leaves others" "$BUCKLE" query "$C/globs.sb" file-write-create /w/d/x/.env
expect_out_has "compact: a folded glob does not reach a sibling it did not name" "allow /w/d/x/.env"
