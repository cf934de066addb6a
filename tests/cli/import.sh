# import.sh - `buckle import FILE.sb` and `buckle import --from srt`: every
# .sb file of the tests and of corpus/examples round-trips with no decision
# change (checked with `buckle diff ORIGINAL IMPORTED`), hand-written
# profiles with define, string-append and parameters come out in sections,
# order-dependent rules keep their meaning, what buckle cannot say is kept in
# sbpl blocks, bad input is an error with file:line:col and never a written
# file, and srt's settings give the corpus/examples/srt-*.buckle files.
. tests/lib.sh
P="$TMP/import"
rm -rf "$P"
mkdir -p "$P"

# diff_params FILE.buckle: -D for every parameter the import declares
diff_params() { sed -n 's/^param \([A-Za-z_][A-Za-z0-9_]*\);$/-D \1=\/Users\/test\/import-\1/p' "$1" | tr '\n' ' '; }

# ---- round trips -------------------------------------------------------------
# The files the import refuses, each with the reason it gives (anything else
# must import and decide like the original).
refused() {
    case $1 in
        tests/lint/BK2016-bad.sb|tests/sbpl/22-no-default.sb|tests/sbpl/inc/common.sb|\
        tests/lint/real/fragment.sb|tests/lint/real/raw-string.sb) echo "has no (deny default) or (allow default)" ;;
        tests/lint/real/host-params.sb|tests/sbpl/11-if-when.sb|tests/lint/real/allow-as-value.sb|\
        tests/lint/real/maybe-branch.sb|tests/lint/real/os-version.sb) echo "buckle has no conditionals" ;;
        tests/lint/real/raw-string-quote.sb|tests/lint/real/unknown-statement.sb) echo "could not be evaluated and may add rules" ;;
        tests/lint/real/param-import.sb) echo "could not be read" ;;
        tests/lint/real/unknown-op.sb) echo "unknown SBPL operation" ;;
        tests/lint/real/needs-cpp.sb) echo "unknown # syntax" ;;
        tests/sbpl/12-import.sb) echo "cannot import" ;;
        *) echo "" ;;
    esac
}
n=0
for f in $(find tests -name '*.sb' | LC_ALL=C sort) corpus/examples/*.sb; do
    n=$((n + 1))
    o="$P/rt-$n.buckle"
    why=$(refused "$f")
    run "import: $f" "$BUCKLE" import -I tests/sbpl -o "$o" "$f"
    if [ -n "$why" ]; then
        expect_rc "import: $f is refused" 1
        expect_err_has "import: $f: the reason" "$why"
        grep -qE '^[^:]+:[0-9]+:[0-9]+: error' "$TMP/err" && pass "import: $f: the error has file:line:col" \
            || fail "import: $f: the error has file:line:col" "$(head -c 300 "$TMP/err")"
        [ ! -e "$o" ] && pass "import: $f: nothing written" || fail "import: $f: nothing written" "$o exists"
        continue
    fi
    expect_rc "import: $f" 0
    [ "$RC" -eq 0 ] || continue
    args=$(sed -n 's/^;= args: //p' "$f" | head -1)
    # shellcheck disable=SC2046,SC2086
    [ -n "$args" ] || args=$(diff_params "$o")
    run "import: $f decides like the original" "$BUCKLE" diff $args "$f" "$o"
    expect_rc "import: $f decides like the original (buckle diff exits 0)" 0
    expect_out_has "import: $f: diff says the same" "the same decisions"
done

# the compiled outputs of the corpus come back in sections, not SBPL
for f in agent auditor srt-small srt-medium srt-large; do
    run "import: corpus $f" "$BUCKLE" import "corpus/examples/$f.sb"
    expect_out_lacks "import: corpus/examples/$f.sb needs no sbpl block" 'sbpl """'
    expect_out_has "import: corpus/examples/$f.sb has a files section" "files {"
done

# ---- hand-written profiles ---------------------------------------------------
run "import: define" "$BUCKLE" import tests/import/define.sb
expect_rc "import: define exits 0" 0
expect_out_has "import: define: a helper's rule in its section" 'allow read "/Users/test/project/src";  # and everything below'
expect_out_has "import: define: the deny inside" 'deny write "/Users/test/project/build/release";'
expect_out_has "import: define: the definition kept for the reader" '#   (define (under-project rel) (subpath (string-append project rel)))'
expect_out_has "import: define: a leading comment kept" '# the sources are readable'
expect_out_has "import: define: mach" 'allow lookup "com.apple.system.logger";'
expect_out_has "import: define: the parents stay without metadata" 'deny metadata literal "/Users/test/project";'
expect_out_lacks "import: define: no sbpl block" 'sbpl """'

run "import: params" "$BUCKLE" import tests/import/params.sb
expect_rc "import: params exits 0" 0
expect_out_has "import: params: a parameter of its own is declared" 'param PROJECT;'
expect_out_has "import: params: and used" 'allow write "$PROJECT/out";'
expect_out_has "import: params: HOME stays a parameter" 'allow file-read-data "$HOME";'
expect_out_has "import: params: string-append of a parameter, its comment kept" 'deny file-read-data "$HOME/.ssh";  # keys'
expect_out_has "import: params: a concrete rule before its family (metadata of ~/.ssh stays allowed)" 'allow metadata;  # stat anywhere'
expect_out_lacks "import: params: no sbpl block" 'sbpl """'
expect_out_has "import: params: network" 'allow outbound "localhost:8080";'
expect_out_has "import: params: sysctl prefix" 'allow read prefix "hw.";'
printf '%s\n' "$OUT" >"$P/params.buckle"
for v in /Users/test /Users/someone/else; do
    run "import: params with HOME=$v" "$BUCKLE" diff -D HOME=$v -D PROJECT=/opt/p tests/import/params.sb "$P/params.buckle"
    expect_rc "import: params decides like the original with HOME=$v" 0
done

run "import: string-append" "$BUCKLE" import tests/import/string-append.sb
expect_rc "import: string-append exits 0" 0
expect_out_has "import: string-append: joined pieces" 'allow exec literal "/usr/bin/env";'
printf '%s\n' "$OUT" >"$P/sa.buckle"
run "import: string-append round trip" "$BUCKLE" diff tests/import/string-append.sb "$P/sa.buckle"
expect_rc "import: string-append decides like the original" 0

run "import: order" "$BUCKLE" import tests/import/order.sb
expect_rc "import: order exits 0" 0
expect_out_has "import: order: a rule a later one covers is dropped, and said so" '# line 5 never decides (the rules after it cover it): (deny file-write* (subpath "/opt/data/cache"))'
expect_out_has "import: order: a family rule keeps only the operations it decides" 'allow file-read-xattr "/secrets/public";'
expect_out_lacks "import: order: not for the one a concrete rule decides" 'allow read "/secrets/public"'
expect_out_has "import: order: the later prefix deny" 'deny lookup prefix "com.example.";'
expect_out_lacks "import: order: the shadowed allow is gone" 'allow lookup "com.example.a"'
printf '%s\n' "$OUT" >"$P/order.buckle"
run "import: order round trip" "$BUCKLE" diff tests/import/order.sb "$P/order.buckle"
expect_rc "import: order decides like the original" 0
# a naive translation (every rule as written) does not: the check is real
cat >"$P/naive.buckle" <<'EOF'
default allow;
files {
    deny write "/opt/data/cache";
    allow write "/opt/data";
    deny file-read-data "/secrets";
    allow read "/secrets/public";
}
mach {
    allow lookup "com.example.a";
    deny lookup prefix "com.example.";
}
EOF
run "import: naive translation" "$BUCKLE" diff tests/import/order.sb "$P/naive.buckle"
expect_rc "import: a rule-by-rule translation of order.sb changes decisions" 1

run "import: unexpressible" "$BUCKLE" import tests/import/unexpressible.sb
expect_rc "import: unexpressible exits 0" 0
expect_out_has "import: unexpressible: the reason" '# kept in SBPL:'
expect_out_has "import: unexpressible: says vnode-type" 'vnode-type'
expect_out_has "import: unexpressible: verbatim" '(allow file-write-data (require-all (subpath "/private/var/log") (vnode-type REGULAR-FILE)))'
expect_out_has "import: unexpressible: the rest in sections" 'allow fork;'
printf '%s\n' "$OUT" >"$P/unexp.buckle"
run "import: unexpressible round trip" "$BUCKLE" diff tests/import/unexpressible.sb "$P/unexp.buckle"
expect_rc "import: unexpressible decides like the original" 0
run "import: unexpressible compiles" "$BUCKLE" compile "$P/unexp.buckle"
expect_rc "import: the import compiles" 0

# the same input gives the same bytes
"$BUCKLE" import tests/import/define.sb >"$P/d1" 2>/dev/null
"$BUCKLE" import tests/import/define.sb >"$P/d2" 2>/dev/null
expect_same "import: deterministic" "$P/d1" "$P/d2"

# ---- -o, and bad input -------------------------------------------------------
run "import: -o" "$BUCKLE" import -o "$P/out.buckle" tests/import/params.sb
expect_rc "import: -o exits 0" 0
[ -s "$P/out.buckle" ] && [ -z "$OUT" ] && pass "import: -o writes the file, not stdout" || fail "import: -o writes the file, not stdout" "stdout: $OUT"

printf '(version 1)\n(deny default)\n(allow file-read* (subpath "/usr")\n' >"$P/unbalanced.sb"
echo "keep me" >"$P/keep.buckle"
run "import: unbalanced" "$BUCKLE" import -o "$P/keep.buckle" "$P/unbalanced.sb"
expect_rc "import: unbalanced parentheses exit 1" 1
expect_err_has "import: unbalanced: file:line:col" "unbalanced.sb:3:1: error"
[ "$(cat "$P/keep.buckle")" = "keep me" ] && pass "import: a failed import leaves -o as it was" || fail "import: a failed import leaves -o as it was" "$(head -c 200 "$P/keep.buckle")"

printf '(version 1)\n(deny default)\n(allow file-read* (subpath (param "my-dir")))\n' >"$P/badname.sb"
run "import: parameter name" "$BUCKLE" import "$P/badname.sb"
expect_rc "import: a parameter without a .buckle name exits 1" 1
expect_err_has "import: parameter name: says so" 'parameter "my-dir" has no .buckle name'

printf '(version 1)\n(deny default)\n(allow file-raed* (subpath "/usr"))\n' >"$P/badop.sb"
run "import: unknown operation" "$BUCKLE" import "$P/badop.sb"
expect_rc "import: an unknown operation exits 1" 1
expect_err_has "import: unknown operation at its place" "badop.sb:3:8: error"

run "import: missing file" "$BUCKLE" import "$P/nope.sb"
expect_rc "import: a missing file exits 2" 2
run "import: usage" "$BUCKLE" import
expect_rc "import: no file is a usage error" 2
run "import: unknown option" "$BUCKLE" import --bogus x.sb
expect_rc "import: an unknown option is a usage error" 2
run "import: unknown --from" "$BUCKLE" import --from nix x.json
expect_rc "import: an unknown --from is a usage error" 2
run "import: --help" "$BUCKLE" import --help
expect_rc "import: --help exits 0" 0
expect_out_has "import: --help names --from srt" "--from srt"

# ---- srt ---------------------------------------------------------------------
for n in small medium large; do
    run "import: srt $n" "$BUCKLE" import --from srt "bench/srt/$n.json"
    expect_rc "import: srt $n exits 0" 0
    "$BUCKLE" import --from srt "bench/srt/$n.json" >"$P/srt-$n.buckle" 2>/dev/null
    expect_same "import: srt $n gives corpus/examples/srt-$n.buckle" "$P/srt-$n.buckle" "corpus/examples/srt-$n.buckle"
done
run "import: srt settings.json" "$BUCKLE" import --from srt -o "$P/settings.buckle" tests/import/settings.json
expect_rc "import: a settings.json imports" 0
for want in 'extends "std/base";' 'param HTTP_PROXY_PORT = "3128";' 'deny read "~/.ssh";' 'deny read glob "/**/.env";' \
            'allow read "~/.ssh/known_hosts";' 'allow write "/dev/null";' 'allow write "/Users/test/project";' \
            'deny write glob "/Users/test/project/**/*.pem";' 'deny write "/Users/test/project/.git/hooks";' \
            'allow outbound "localhost:$HTTP_PROXY_PORT";' 'allow unix-connect literal "/private/var/run/docker.sock";' \
            'allow lookup prefix "com.example.";' 'deny write glob "$WORKDIR/**/.git/hooks";' \
            'deny file-write-unlink literal "$WORKDIR";'; do
    grep -qF -- "$want" "$P/settings.buckle" && pass "import: settings.json has $want" || fail "import: settings.json has $want" "not in the output"
done
run "import: srt settings compile" "$BUCKLE" compile -I corpus "$P/settings.buckle"
expect_rc "import: the srt import compiles" 0
run "import: srt settings tests" "$BUCKLE" test -I corpus "$P/settings.buckle"
expect_rc "import: the srt import passes its tests" 0
run "import: srt query" "$BUCKLE" query -I corpus "$P/settings.buckle" files write /Users/test/project/a/key.pem
expect_out_has "import: a deny written under each allowed root holds" "deny"
# srt's own protections below the directory it runs in hold inside an allowed root
run "import: srt hooks" "$BUCKLE" query -I corpus "$P/settings.buckle" files write /Users/test/project/.git/hooks/pre-commit
expect_out_has "import: .git/hooks stays unwritable, as in srt" "deny"
run "import: srt medium hooks" "$BUCKLE" query -I corpus -D HOME=/Users/bench corpus/examples/srt-medium.buckle files write /Users/bench/src/acme-monorepo/node_modules/x/.git/config
expect_out_has "import: the protection is repeated under a deeper allowed root" "deny"
run "import: srt cwd" "$BUCKLE" query -I corpus corpus/examples/srt-small.buckle file-write-unlink /Users/bench/src/acme-monorepo
expect_out_has "import: the directory srt runs in cannot be removed" "deny"
run "import: srt writes" "$BUCKLE" query -I corpus corpus/examples/srt-small.buckle files write /Users/bench/src/acme-monorepo/src/a.c
expect_out_has "import: files in it stay writable" "allow"

printf '{\n  "filesystem": {\n    "denyRead": ["~/.ssh",]\n  }\n}\n' >"$P/bad.json"
run "import: bad JSON" "$BUCKLE" import --from srt -o "$P/keep.buckle" "$P/bad.json"
expect_rc "import: malformed JSON exits 1" 1
expect_err_has "import: malformed JSON at file:line:col" "bad.json:3:"
expect_err_has "import: malformed JSON says so" "invalid JSON"
[ "$(cat "$P/keep.buckle")" = "keep me" ] && pass "import: bad JSON leaves -o as it was" || fail "import: bad JSON leaves -o as it was" "changed"
printf '{\n  "filesystem": {\n    "allowWrite": "/tmp"\n  }\n}\n' >"$P/type.json"
run "import: wrong type" "$BUCKLE" import --from srt "$P/type.json"
expect_rc "import: a member of the wrong type exits 1" 1
expect_err_has "import: wrong type at the member" 'type.json:3:5: error: "allowWrite" must be an array'
printf '{\n  "filesystem": {\n    "allowWrite": ["/a", 3]\n  }\n}\n' >"$P/entry.json"
run "import: wrong entry" "$BUCKLE" import --from srt "$P/entry.json"
expect_rc "import: a list entry of the wrong type exits 1" 1
expect_err_has "import: wrong entry says which" 'entry 2 of "allowWrite" must be a non-empty string'
printf '[1, 2]\n' >"$P/array.json"
run "import: not an object" "$BUCKLE" import --from srt "$P/array.json"
expect_rc "import: JSON that is not an object exits 1" 1
printf '{"name": "x"}\n' >"$P/other.json"
run "import: not srt" "$BUCKLE" import --from srt "$P/other.json"
expect_rc "import: JSON without srt's members exits 1" 1
expect_err_has "import: not srt says so" "not srt settings"
