# import.sh - `buckle import FILE.sb` and `buckle import --from srt`: every
# .sb file of the tests and of corpus/examples round-trips with no decision
# change (checked with `buckle diff ORIGINAL IMPORTED`), hand-written
# profiles with define, string-append and parameters come out in sections,
# order-dependent rules keep their meaning, what buckle cannot say is kept in
# sbpl blocks, bad input is an error with file:line:col and never a written
# file, and srt's settings give the corpus/examples/srt-*.buckle files.
. tests/lib.sh
P=$(scratch_dir import)

# diff_params FILE.buckle [VALUES]: -D for every parameter the import
# declares that VALUES (-D NAME=... and -U NAME) do not give
diff_params() {
    sed -n 's/^param \([A-Za-z_][A-Za-z0-9_]*\);$/\1/p' "$1" | while read -r dp_n; do
        case " $2 " in *" -D $dp_n="*|*" -U $dp_n "*) ;; *) printf -- '-D %s=/Users/test/import-%s ' "$dp_n" "$dp_n" ;; esac
    done
}

# ---- round trips -------------------------------------------------------------
# Every .sb file of tests/ and corpus/examples is imported and compared with
# its import by `buckle diff` (exit 0: no decision changes).  A fragment (no
# default) is compared as part of a profile that denies by default: the
# original with (deny default) added.  The tables below are the exceptions.
#
# Refused: Seatbelt itself does not load the file, so it makes no decision to
# keep.  The file, the words of the reason its error gives, and of the help.
refused() {
    case $1 in
        tests/lint/real/needs-cpp.sb) echo 'unknown # syntax|run it through the preprocessor first (cpp -P FILE > OUT.sb' ;;  # a C preprocessor template
        tests/lint/real/unknown-op.sb) echo 'unknown SBPL operation|Seatbelt does not load a profile that names an operation it does not know' ;;  # a made-up name, on purpose (a lint fixture)
        *) echo "" ;;
    esac
}
# Kept verbatim: the file, and the words of the reason the output gives for
# the form it keeps in an sbpl verbatim block (buckle diff leaves it out on
# both sides: buckle cannot evaluate it, so diff cannot say "the same"; see
# cannot_compare below).
verbatim() {
    case $1 in
        tests/lint/real/fragment.sb) echo 'param of "cache-dir-param", which is not defined here' ;;  # its host defines the name
        tests/lint/real/maybe-branch.sb) echo 'unknown function "host-feature-enabled?"' ;;  # a condition buckle cannot evaluate
        tests/lint/real/unknown-statement.sb) echo "could not be evaluated and may add rules" ;;  # a host-defined statement
        tests/lint/real/param-import.sb) echo 'imports a file named by the parameter "PROFILE_DIR"' ;;  # base.sb is nowhere
        tests/import/verbatim.sb) echo '(import "system.sb") could not be read' ;;  # a system profile
        tests/lint/BK4014-bad.sb|tests/lint/BK4014-good.sb) echo '(import "system.sb") could not be read' ;;  # lint fixtures of BK4014
        tests/import/verbatim-branch.sb) echo 'unknown function "param-defined?"' ;;  # a program-defined test
        *) echo "" ;;
    esac
}
# Cannot be compared: what a form kept verbatim decides is left out of the
# comparison (or undecidable on both sides), and buckle diff never calls that
# "the same": it exits 3 and says no other request changes.  The file, the
# exit status, and the words diff writes.
cannot_compare() {
    case $1 in
        tests/import/verbatim.sb|tests/import/verbatim-branch.sb|tests/lint/real/fragment.sb|\
        tests/lint/real/maybe-branch.sb|tests/lint/real/param-import.sb|tests/lint/real/unknown-statement.sb|\
        tests/sbpl/21-unknown-filter.sb)
            echo "3 no other request changes" ;;
        # the walk from the anchor of the rules the import writes apart
        # (the regex of "/**/*.key", which every pattern meets) reaches
        # its bound: import's own check takes it as the same, diff cannot
        corpus/examples/srt-medium.sb|corpus/examples/srt-large.sb)
            echo "3 the patterns that changed are too many to walk every path they tell apart" ;;
        *) echo "" ;;
    esac
}
# Conditional: forms whose rules depend on a parameter's value.  Without
# values they are kept verbatim (Seatbelt decides them at load time, on the
# parameters the import passes through), and the import is compared with the
# original under each set of -D/-U (separated by |) with the verbatim blocks
# evaluated; with the values given to import itself, it is written for them
# and compared under the same values.
conditional() {
    case $1 in
        tests/sbpl/11-if-when.sb) echo "-D NET=1 -U NOPE|-U NET -U NOPE|-D NET=1 -D NOPE=1" ;;
        tests/lint/real/host-params.sb) echo "-D ENABLE_LOGGING=1 -D MODE=debug|-U ENABLE_LOGGING -D MODE=release" ;;
        tests/lint/real/os-version.sb) echo "-D OS_VERSION=1400|-D OS_VERSION=1250|-D OS_VERSION=1100" ;;
        tests/import/cond-import.sb|tests/import/inc/cond.sb) echo "-D FEATURE=1|-U FEATURE" ;;
        tests/import/cond-order.sb) echo "-D WRITABLE=1|-U WRITABLE" ;;
        tests/import/cond-helper.sb) echo "-D NET2=1|-U NET2" ;;
        *) echo "" ;;
    esac
}
# round_trip NAME FILE OUT IMPORT-ARGS...: imports FILE and compares
round_trip() {
    rt_name=$1 rt_f=$2 rt_o=$3
    shift 3
    run "import: $rt_name" "$BUCKLE" import "$@" -o "$rt_o" "$rt_f"
    expect_rc "import: $rt_name" 0
    [ "$RC" -eq 0 ] || return
    rt_diff "$rt_name" "$rt_f" "$rt_o" "$*"
}
# rt_diff NAME ORIGINAL IMPORT VALUES: buckle diff under VALUES (-D/-U), or the
# file's own ;= args line, and a value for each other parameter declared
rt_diff() {
    rt_name=$1 rt_f=$2 rt_o=$3 rt_args=$4
    [ -n "$rt_args" ] || rt_args=$(sed -n 's/^;= args: //p' "$rt_f" | head -1)
    rt_args="$rt_args $(diff_params "$rt_o" "$rt_args")"
    rt_orig=$rt_f
    if grep -q '^# A fragment' "$rt_o"; then
        rt_orig="$P/fragment-$n.sb"
        cp "$rt_f" "$rt_orig"
        printf '\n(deny default)\n' >>"$rt_orig"
    fi
    # shellcheck disable=SC2086
    run "import: $rt_name decides like the original" "$BUCKLE" diff --canonical-values -I "$(dirname "$rt_f")" $rt_args "$rt_orig" "$rt_o"
    rt_cc=$(cannot_compare "$rt_f")
    if [ -n "$rt_cc" ]; then
        expect_rc "import: $rt_name cannot be compared" "${rt_cc%% *}"
        grep -qF "${rt_cc#* }" "$TMP/out" "$TMP/err" && pass "import: $rt_name: diff says why" \
            || fail "import: $rt_name: diff says why" "lacks '${rt_cc#* }': $(head -c 300 "$TMP/out")"
        return
    fi
    expect_rc "import: $rt_name decides like the original (buckle diff exits 0)" 0
    expect_out_has "import: $rt_name: diff says the same" "the same decisions"
}
# expect_verbatim FILE OUT WHY: OUT keeps a form of FILE verbatim for WHY, and lint says so
expect_verbatim() {
    grep -q '^sbpl verbatim """$' "$2" && pass "import: $1: an sbpl verbatim block" \
        || fail "import: $1: an sbpl verbatim block" "$(cat "$2")"
    grep -F '# kept verbatim' "$2" | grep -qF "$3" && pass "import: $1: the reason it is kept verbatim" \
        || fail "import: $1: the reason it is kept verbatim" "$(grep -F '# kept verbatim' "$2")"
    run "import: $1: lint of the import" "$BUCKLE" lint "$2"
    expect_out_has "import: $1: lint says buckle does not check it" "BK4013"
}
n=0
for f in $(find tests -name '*.sb' | LC_ALL=C sort) corpus/examples/*.sb; do
    n=$((n + 1))
    o="$P/rt-$n.buckle"
    why=$(refused "$f")
    if [ -n "$why" ]; then
        run "import: $f" "$BUCKLE" import -o "$o" "$f"
        expect_rc "import: $f is refused" 1
        expect_err_has "import: $f: the reason" "${why%%|*}"
        expect_err_has "import: $f: what to do" "${why#*|}"
        grep -qE '^[^:]+:[0-9]+:[0-9]+: error' "$TMP/err" && pass "import: $f: the error has file:line:col" \
            || fail "import: $f: the error has file:line:col" "$(head -c 300 "$TMP/err")"
        [ ! -e "$o" ] && pass "import: $f: nothing written" || fail "import: $f: nothing written" "$o exists"
        continue
    fi
    sets=$(conditional "$f")
    if [ -n "$sets" ]; then
        # without values: the conditionals verbatim, compared under each set
        run "import: $f" "$BUCKLE" import -o "$o" "$f"
        expect_rc "import: $f without values" 0
        expect_verbatim "$f" "$o" "depends on the value of the parameter"
        run "import: $f: the import compiles" "$BUCKLE" compile -o "$P/rt-$n.sb" "$o"
        expect_rc "import: $f: the import compiles" 0
        k=0
        printf '%s\n' "$sets" | tr '|' '\n' | while read -r vals; do
            [ -n "$vals" ] || continue
            k=$((k + 1))
            rt_diff "$f (verbatim) with $vals" "$f" "$o" "$vals"
            grep -qF "left out of the comparison" "$TMP/err" && fail "import: $f (verbatim) with $vals: the blocks are compared" "$(cat "$TMP/err")" \
                || pass "import: $f (verbatim) with $vals: the blocks are compared"
            # shellcheck disable=SC2086
            round_trip "$f written for $vals" "$f" "$P/rt-$n-$k.buckle" $vals
        done
        continue
    fi
    round_trip "$f" "$f" "$o"
    vwhy=$(verbatim "$f")
    if [ -n "$vwhy" ]; then
        expect_verbatim "$f" "$o" "$vwhy"
    elif grep -q 'sbpl verbatim' "$o"; then
        fail "import: $f: nothing kept verbatim" "$(grep -F '# kept verbatim' "$o")"
    fi
done
# the table names files that exist
for f in tests/lint/real/fragment.sb tests/lint/real/maybe-branch.sb tests/lint/real/unknown-statement.sb \
         tests/lint/real/needs-cpp.sb tests/lint/real/unknown-op.sb tests/lint/real/param-import.sb tests/import/verbatim.sb tests/import/verbatim-branch.sb tests/lint/BK4014-bad.sb tests/lint/BK4014-good.sb \
         tests/sbpl/11-if-when.sb tests/lint/real/host-params.sb tests/lint/real/os-version.sb \
         tests/import/cond-import.sb tests/import/inc/cond.sb tests/import/cond-order.sb tests/import/cond-helper.sb; do
    [ -f "$f" ] && pass "import: the table's $f exists" || fail "import: the table's $f exists" "missing"
done

# the C preprocessor template, run through cpp as the refusal says: each
# variant imports and decides like it (gcc, which tools/setup-deps.sh
# installs, brings cpp)
if command -v cpp >/dev/null 2>&1; then
    for d in "" "-DENABLE_NET"; do
        # shellcheck disable=SC2086
        cpp -P $d -I tests/import/cpp tests/lint/real/needs-cpp.sb >"$P/cpp$d.sb" 2>"$P/cpp.err"
        grep -q '^(allow file-read\* (subpath "/usr/lib"))$' "$P/cpp$d.sb" && pass "import: cpp $d expands the template" \
            || fail "import: cpp $d expands the template" "$(cat "$P/cpp$d.sb" "$P/cpp.err")"
        round_trip "needs-cpp.sb after cpp -P $d" "$P/cpp$d.sb" "$P/cpp$d.buckle"
    done
    grep -q 'allow outbound;' "$P/cpp-DENABLE_NET.buckle" && pass "import: cpp -DENABLE_NET: its network rule" \
        || fail "import: cpp -DENABLE_NET: its network rule" "$(cat "$P/cpp-DENABLE_NET.buckle")"
else
    fail "import: cpp for the template" "cpp is not installed (tools/setup-deps.sh installs gcc, which brings it)"
fi

# the compiled outputs of the corpus come back in sections, not SBPL
for f in agent auditor srt-small srt-medium srt-large; do
    run "import: corpus $f" "$BUCKLE" import "corpus/examples/$f.sb"
    # but the final denies of moving a directory above the home (a
    # parameter's ancestors, which no matcher of the language names) and
    # those of making a directory or link where a final read deny is
    # (directories and links only: no matcher of the language says that)
    if awk '/^sbpl """$/ { getline; if ($0 !~ /^\(deny file-(write-unlink|clone|mount|mount-update) \(regex \(param "HOME\.ancestors"\)\)\)/ &&
                                      $0 !~ /^\(deny file-write-create \(require-all .*\(require-any \(vnode-type DIRECTORY\) \(vnode-type SYMLINK\)\)\)\)/) bad = 1 } END { exit bad }' "$TMP/out"; then
        pass "import: corpus/examples/$f.sb needs no sbpl block"
    else
        fail "import: corpus/examples/$f.sb needs no sbpl block" "an sbpl block other than the home's ancestors"
    fi
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
run "import: string-append round trip" "$BUCKLE" diff --canonical-values tests/import/string-append.sb "$P/sa.buckle"
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

# (import ...) is followed from the file's directory: its rules in sections
run "import: an import" "$BUCKLE" import tests/sbpl/12-import.sb
expect_rc "import: an (import ...) is followed" 0
expect_out_has "import: the imported rules in sections" 'allow read "/imported";'
expect_out_has "import: said where they come from" '# line 5, the rules of the file it imports: (import "inc/common.sb")'
expect_out_lacks "import: an import needs no sbpl block" 'sbpl """'
# an import cycle ends (the evaluator's limit on imports) with an error, not a hang
mkdir -p "$P/cycle"
printf '(version 1)\n(deny default)\n(import "b.sb")\n' >"$P/cycle/a.sb"
printf '(import "a.sb")\n(allow file-read* (subpath "/opt"))\n' >"$P/cycle/b.sb"
run "import: an import cycle" "$BUCKLE" import "$P/cycle/a.sb"
expect_rc "import: an import cycle is refused" 1
expect_err_has "import: an import cycle: where and why" "a.sb:3:1: error: cannot import: the (import ...) files nest more than 32 deep"
# a conditional in an imported file: the (import ...) is kept verbatim
run "import: a conditional in an imported file" "$BUCKLE" import tests/import/cond-import.sb
expect_rc "import: a conditional in an imported file imports" 0
expect_err_has "import: the import is kept, and says where the conditional is" 'tests/import/cond-import.sb:4:1: info: kept in an sbpl verbatim block, which buckle does not check (BK4013): in the file it imports, tests/import/inc/cond.sb, line 3: which rules it makes depends on the value of the parameter "FEATURE"'
expect_out_has "import: the (import ...) verbatim" '(import "inc/cond.sb")'
expect_out_has "import: the rest in sections" 'allow read "/opt/own";'
run "import: a conditional in an imported file, given" "$BUCKLE" import -D FEATURE=1 tests/import/cond-import.sb
expect_out_has "import: the imported file's branch" 'allow outbound;'
# -D fixes a parameter everywhere: a rule kept in SBPL gets the value written
# in (the import's SBPL is never passed a parameter it does not declare)
run "import: -D in a raw rule" "$BUCKLE" import -D ROOT=/opt/r -o "$P/rawp.buckle" tests/import/raw-param.sb
expect_rc "import: -D in a raw rule imports" 0
grep -qF '(allow file-read* (require-all (subpath "/opt/r") (vnode-type regular-file)))' "$P/rawp.buckle" \
    && pass "import: the value written in the raw rule" || fail "import: the value written in the raw rule" "$(cat "$P/rawp.buckle")"
grep -q 'param "ROOT"' "$P/rawp.buckle" && fail "import: no (param) of a fixed parameter" "$(cat "$P/rawp.buckle")" \
    || pass "import: no (param) of a fixed parameter"
run "import: -D in a raw rule, round trip" "$BUCKLE" diff -D ROOT=/opt/r tests/import/raw-param.sb "$P/rawp.buckle"
expect_rc "import: -D in a raw rule decides like the original" 0
# a file named by a parameter: kept verbatim, as written, and -D reads it
run "import: import by a parameter" "$BUCKLE" import tests/lint/real/param-import.sb
expect_out_has "import: the import's expression, as written" '(import (string-append (param "PROFILE_DIR") "/base.sb"))'
printf '%s\n' "$OUT" | grep -q '__buckle' && fail "import: no internal name" "$OUT" || pass "import: no internal name"
expect_out_has "import: how to give it" 'with -D PROFILE_DIR=DIR the file is read'
run "import: import by a parameter, given" "$BUCKLE" import -I tests/import -D PROFILE_DIR=inc -o "$P/pimp.buckle" tests/lint/real/param-import.sb
expect_rc "import: with -D the file is read" 0
grep -qF 'allow read "/opt/base";' "$P/pimp.buckle" && pass "import: the imported file's rule" || fail "import: the imported file's rule" "$(cat "$P/pimp.buckle")"
run "import: import by a parameter, round trip" "$BUCKLE" diff -I tests/import -D PROFILE_DIR=inc tests/lint/real/param-import.sb "$P/pimp.buckle"
expect_rc "import: import by a parameter decides like the original" 0

# a fragment (no default) is imported without one, to be extended
run "import: a fragment" "$BUCKLE" import -o "$P/frag.buckle" tests/sbpl/inc/common.sb
expect_rc "import: a fragment imports" 0
grep -q '^default' "$P/frag.buckle" && fail "import: a fragment has no default" "$(cat "$P/frag.buckle")" || pass "import: a fragment has no default"
grep -qF '# A fragment (the original has no default)' "$P/frag.buckle" && pass "import: a fragment says so" || fail "import: a fragment says so" "$(head -5 "$P/frag.buckle")"
printf 'extends "./frag.buckle";\ndefault deny;\nfiles { allow read "/opt/x"; }\n' >"$P/host.buckle"
run "import: a fragment extended" "$BUCKLE" query "$P/host.buckle" files read /imported/a
expect_rc "import: a profile extends the fragment" 0
expect_out_has "import: the fragment's rule decides in it" "allow"

# conditionals: kept verbatim without the values, written for them with -D and -U
run "import: a conditional" "$BUCKLE" import -o "$P/ifw.buckle" tests/sbpl/11-if-when.sb
expect_rc "import: a conditional imports" 0
expect_err_has "import: a conditional: where and why" '11-if-when.sb:6:1: info: kept in an sbpl verbatim block, which buckle does not check (BK4013): which rules it makes depends on the value of the parameter "NET", and buckle has no conditionals'
expect_err_has "import: a conditional: how to write it for one value" '(-D NET=VALUE, or -U NET when it passes none, writes the import for that case instead)'
grep -qx 'param NET;' "$P/ifw.buckle" && pass "import: the parameter is passed through" || fail "import: the parameter is passed through" "$(cat "$P/ifw.buckle")"
grep -qxF '(if (param "NET") (allow network-outbound) (deny network-outbound))' "$P/ifw.buckle" \
    && pass "import: the conditional as written" || fail "import: the conditional as written" "$(cat "$P/ifw.buckle")"
# the compiled import holds the conditional, and the SBPL evaluator loads it
run "import: a conditional kept verbatim compiles" "$BUCKLE" compile -o "$P/ifw.sb" "$P/ifw.buckle"
expect_rc "import: a conditional kept verbatim compiles" 0
grep -qxF '(if (param "NET") (allow network-outbound) (deny network-outbound))' "$P/ifw.sb" \
    && pass "import: the compiled SBPL holds the conditional" || fail "import: the compiled SBPL holds the conditional" "$(cat "$P/ifw.sb")"
run "import: the compiled import loads" "$BUCKLE" diff -D NET=1 -U NOPE tests/sbpl/11-if-when.sb "$P/ifw.sb"
expect_rc "import: the compiled import, evaluated as SBPL, decides like the original" 0
# diff evaluates the blocks with the values: a wrong branch is caught
sed 's/(if (param "NET") (allow network-outbound) (deny network-outbound))/(if (param "NET") (deny network-outbound) (allow network-outbound))/' \
    "$P/ifw.buckle" >"$P/ifw-bad.buckle"
run "import: a wrong conditional" "$BUCKLE" diff -D NET=1 -U NOPE tests/sbpl/11-if-when.sb "$P/ifw-bad.buckle"
expect_rc "import: diff finds the wrong branch" 1
expect_out_has "import: the verbatim rule is named" "ifw-bad.buckle:17:19: (if (param \"NET\") (deny network-outbound) (allow network-outbound)) (sbpl verbatim)"
# without the values, the blocks are left out, and diff says why: it cannot
# compare what they decide (exit 3), never "the same decisions"
run "import: a conditional, values not given" "$BUCKLE" diff -D NET=1 tests/sbpl/11-if-when.sb "$P/ifw.buckle"
expect_rc "import: without every value the blocks are left out: cannot compare" 3
expect_out_has "import: cannot compare, said" "cannot compare: the sbpl verbatim blocks of"
expect_err_has "import: diff says why" 'the sbpl verbatim blocks of '"$P"'/ifw.buckle are left out of the comparison: it reads the parameter "NOPE", which has no value here (give it with -D NOPE=VALUE, or -U NOPE when the program passes none)'
# query answers with the blocks when the values are given, and says when it cannot
run "import: query with the values" "$BUCKLE" query -D NET=1 -U NOPE "$P/ifw.buckle" network outbound localhost:443
expect_rc "import: query with the values answers" 0
expect_out_has "import: query: the branch Seatbelt takes decides" "allow localhost:443"
expect_out_has "import: query: named in the block" 'ifw.buckle:17:19: (if (param "NET") (allow network-outbound) (deny network-outbound)) (sbpl verbatim)'
expect_out_has "import: query: says the blocks are evaluated" "the sbpl verbatim blocks are evaluated with these parameter values"
run "import: query with other values" "$BUCKLE" query -U NET -U NOPE "$P/ifw.buckle" files write /x
expect_out_has "import: query: the unless branch" "allow /x"
run "import: query without every value" "$BUCKLE" query -D NET=1 "$P/ifw.buckle" network outbound localhost:443
expect_out_has "import: query: buckle's own answer" "deny localhost:443"
expect_out_has "import: query: says the blocks are left out, and why" 'not part of this answer: the sbpl verbatim blocks ('"$P"'/ifw.buckle:22:7): it reads the parameter "NOPE", which has no value here'
run "import: diff -U and -D of one name" "$BUCKLE" diff -D NET=1 -U NET tests/sbpl/11-if-when.sb "$P/ifw.buckle"
expect_rc "import: diff -U and -D of one parameter is a usage error" 2
# an earlier rule the conditional may override is kept verbatim too, in order
run "import: a conditional after a rule it overrides" "$BUCKLE" import -o "$P/co.buckle" tests/import/cond-order.sb
expect_rc "import: cond-order imports" 0
expect_err_has "import: the earlier rule, where and why" 'cond-order.sb:5:1: info: kept in an sbpl verbatim block, which buckle does not check (BK4013): the form kept verbatim at line 8 comes after it'
grep -qxF '(deny file-write* (subpath "/opt/data"))' "$P/co.buckle" && pass "import: the earlier deny verbatim" || fail "import: the earlier deny verbatim" "$(cat "$P/co.buckle")"
grep -qF 'allow read "/opt/data";' "$P/co.buckle" && pass "import: a rule it does not meet stays in sections" || fail "import: a rule it does not meet stays in sections" "$(cat "$P/co.buckle")"
# the rule-by-rule import (the deny in sections, after the block) decides otherwise
awk '/^# kept verbatim, line 5 /{skip=4} skip>0{skip--; next} {print} /^files \{$/ && !done {print "    deny write \"/opt/data\";"; done=1}' "$P/co.buckle" >"$P/co-naive.buckle"
grep -q 'deny write "/opt/data";' "$P/co-naive.buckle" && pass "import: the naive order made" || fail "import: the naive order made" "$(cat "$P/co-naive.buckle")"
run "import: cond-order in the naive order" "$BUCKLE" diff -D WRITABLE=1 tests/import/cond-order.sb "$P/co-naive.buckle"
expect_rc "import: the naive order changes decisions (diff finds it)" 1
run "import: a conditional, given" "$BUCKLE" import -D NET=1 -U NOPE tests/sbpl/11-if-when.sb
expect_out_has "import: the branch taken" 'allow outbound;'
expect_out_has "import: the values said" '# Written for NET="1" (-D)'
expect_out_has "import: the values said (-U)" '# Written for NOPE not passed (-U)'
run "import: a conditional, the other branch" "$BUCKLE" import -U NET -U NOPE tests/sbpl/11-if-when.sb
expect_out_has "import: the other branch" 'deny outbound;'
expect_out_has "import: unless" 'allow write;'
run "import: -U with --from srt" "$BUCKLE" import -U X --from srt tests/import/settings.json
expect_rc "import: -U with --from srt is a usage error" 2
run "import: -U of a non-name" "$BUCKLE" import -U 'a b' tests/sbpl/11-if-when.sb
expect_rc "import: -U of something that is not a name is a usage error" 2

# (param NAME) of a (define NAME "STRING") is the parameter STRING
run "import: parameters named by defined strings" "$BUCKLE" import tests/import/param-define.sb
expect_rc "import: parameters named by defined strings import" 0
expect_out_has "import: the parameter declared" 'param APP_DIR;'
expect_out_has "import: and used" 'allow write "$LOG_DIR/app";'
# where APP_DIR is $LOG_DIR/app, the traversal deny on "$LOG_DIR/app" would
# deny the metadata APP_DIR allows: it leaves APP_DIR's subtree out
expect_out_has "import: the traversal deny leaves the other parameter's subtree out" \
    '(deny file-read-metadata (require-all (subpath (string-append (param "LOG_DIR") "/app")) (require-not (require-any (subpath (param "APP_DIR"))))))'
# a family rule kept in SBPL is repeated on the operations buckle denies explicitly
run "import: a family rule in SBPL" "$BUCKLE" import tests/import/raw-family.sb
expect_rc "import: a family rule in SBPL imports" 0
expect_out_has "import: the family rule as written" '(allow file* (literal "/tmp") (subpath "/opt/build"))'
expect_out_has "import: repeated on file-map-executable" '(allow file-map-executable (require-any (literal "/tmp") (subpath "/opt/build")))'
# branches that differ only in (with ...) are one decision: no verbatim block
run "import: branches that differ in logging only" "$BUCKLE" import tests/import/if-modifiers.sb
expect_rc "import: branches that differ in logging only import" 0
expect_out_has "import: the default of both branches" 'default deny;'
expect_out_lacks "import: nothing kept verbatim for them" 'sbpl verbatim'
# a regex Seatbelt cannot compile: refused, with what to do
printf '(version 1)\n(deny default)\n(allow file-read* (regex #"^/opt/(?:a|b)/"))\n' >"$P/badre.sb"
run "import: a regex outside the dialect" "$BUCKLE" import -o "$P/badre.buckle" "$P/badre.sb"
expect_rc "import: a regex outside the dialect is refused" 1
expect_err_has "import: the regex, where" "badre.sb:3:"
expect_err_has "import: the regex, what to do" "Seatbelt does not load a profile with a regex it cannot compile"

# a C++ raw string literal: the profile inside it
run "import: a raw string" "$BUCKLE" import tests/lint/real/raw-string.sb
expect_rc "import: a C++ raw string imports" 0
expect_out_has "import: the rules inside the raw string" 'allow lookup "com.apple.SecurityServer";'

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
run "import: parameter name" "$BUCKLE" import -o "$P/badname.buckle" "$P/badname.sb"
expect_rc "import: a parameter without a .buckle name imports" 0
expect_err_has "import: parameter name: the form that reads it is kept verbatim" 'badname.sb:3:1: info: kept in an sbpl verbatim block, which buckle does not check (BK4013): it reads the parameter "my-dir", which is not a .buckle name'
grep -qF '# not declared (no `param` can name it): "my-dir", read by the forms kept verbatim' "$P/badname.buckle" \
    && pass "import: parameter name: not declared, and said so" || fail "import: parameter name: not declared, and said so" "$(cat "$P/badname.buckle")"
run "import: parameter name, compiled" "$BUCKLE" compile "$P/badname.buckle"
expect_rc "import: parameter name: the import compiles" 0
run "import: parameter name, compared" "$BUCKLE" diff -D my-dir=/opt/m "$P/badname.sb" "$P/badname.buckle"
expect_rc "import: parameter name: decides like the original with its value" 0
sed 's|(subpath (param "my-dir"))|(subpath "/opt/other")|' "$P/badname.buckle" >"$P/badname-bad.buckle"
run "import: parameter name, compared with a wrong block" "$BUCKLE" diff -D my-dir=/opt/m "$P/badname.sb" "$P/badname-bad.buckle"
expect_rc "import: parameter name: the block is compared (a wrong one is found)" 1
# a parameter named like a word of the language (network) is not declared either
printf '(version 1)\n(deny default)\n(allow file-read* (subpath "/usr"))\n(if (string=? (param "network") "online") (allow network-outbound))\n' >"$P/kw.sb"
run "import: a parameter named network" "$BUCKLE" import -o "$P/kw.buckle" "$P/kw.sb"
expect_rc "import: a parameter named network imports" 0
grep -qx 'param network;' "$P/kw.buckle" && fail "import: network is not declared" "$(cat "$P/kw.buckle")" || pass "import: network is not declared"
run "import: a parameter named network compiles" "$BUCKLE" compile "$P/kw.buckle"
expect_rc "import: a parameter named network: the import compiles" 0
for v in "-D network=online" "-D network=offline" "-U network"; do
    # shellcheck disable=SC2086
    run "import: a parameter named network, $v" "$BUCKLE" diff $v "$P/kw.sb" "$P/kw.buckle"
    expect_rc "import: a parameter named network decides like the original with $v" 0
    expect_out_has "import: a parameter named network, $v: the network requests compared" "the same decisions"
done

printf '(version 1)\n(deny default)\n(allow file-raed* (subpath "/usr"))\n' >"$P/badop.sb"
run "import: unknown operation" "$BUCKLE" import "$P/badop.sb"
expect_rc "import: an unknown operation exits 1" 1
expect_err_has "import: unknown operation at its place" "badop.sb:3:8: error"
expect_err_has "import: a typo of an operation: did you mean" 'did you mean "file-read*"?'

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
            'deny final write glob "/Users/test/project/**/*.pem";' 'deny final write "/Users/test/project/.git/hooks";' \
            'allow outbound "localhost:$HTTP_PROXY_PORT";' 'allow unix-connect literal "/private/var/run/docker.sock";' \
            'allow lookup prefix "com.example.";' 'deny final write glob "$WORKDIR/**/.git/hooks";' \
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
# relative paths are below the directory srt runs in ($WORKDIR)
printf '{\n  "filesystem": {\n    "denyRead": ["**/.env"],\n    "allowWrite": [".", "./out", "build/x/"],\n    "denyWrite": ["**/secrets", "./keys"]\n  }\n}\n' >"$P/rel.json"
run "import: relative paths" "$BUCKLE" import --from srt -o "$P/rel.buckle" "$P/rel.json"
expect_rc "import: relative srt paths import" 0
for want in 'allow write "$WORKDIR";' 'allow write "$WORKDIR/out";' 'allow write "$WORKDIR/build/x";' \
            'deny final write "$WORKDIR/keys";' 'deny final write glob "$WORKDIR/**/secrets";' 'deny final file-write-unlink glob "$WORKDIR/out/**/.env";'; do
    grep -qF -- "$want" "$P/rel.buckle" && pass "import: relative srt paths: $want" || fail "import: relative srt paths: $want" "$(cat "$P/rel.buckle")"
done
run "import: relative srt paths compile" "$BUCKLE" lint -I corpus "$P/rel.buckle"
expect_rc "import: ... and the result compiles" 0
run "import: relative query" "$BUCKLE" query -I corpus -D WORKDIR=/Users/me/p "$P/rel.buckle" files write /Users/me/p/out/a.c
expect_out_has "import: ... a relative write root is below WORKDIR" "allow"
# srt's write denies win over its allows: one above an allowed root is
# written again at the root, a pattern with "**/" under it
printf '{\n  "filesystem": {\n    "allowWrite": ["~/proj/build", "~/proj/a/b"],\n    "denyWrite": ["~/proj", "~/proj/**/*.key"]\n  },\n  "network": {"allowUnixSockets": ["rel.sock"]}\n}\n' >"$P/above.json"
run "import: deny above a root" "$BUCKLE" import --from srt -o "$P/above.buckle" "$P/above.json"
expect_rc "import: a write deny above an allowed root imports" 0
for o in /Users/test/proj/build/x /Users/test/proj/a/b/k.key /Users/test/proj/a/b/c/k.key; do
    run "import: above $o" "$BUCKLE" query -I corpus "$P/above.buckle" files write "$o"
    expect_out_has "import: srt's deny above an allowed root wins inside it: $o" "deny $o"
done
grep -qF 'allow unix-connect literal "$WORKDIR/rel.sock";' "$P/above.buckle" && pass "import: a relative socket is below WORKDIR" \
    || fail "import: a relative socket is below WORKDIR" "$(grep unix "$P/above.buckle")"
printf '{\n  "filesystem": {\n    "allowWrite": ["~/proj/a/b"],\n    "denyWrite": ["~/proj/*/b/x"]\n  }\n}\n' >"$P/abovep.json"
run "import: pattern above a root" "$BUCKLE" import --from srt -o "$P/abovep.buckle" "$P/abovep.json"
expect_rc "import: a pattern above a root imports" 0
run "import: pattern above a root holds" "$BUCKLE" query -I corpus "$P/abovep.buckle" files write /Users/test/proj/a/b/x
expect_out_has "import: ... what of it lies inside the root is denied there" "deny /Users/test/proj/a/b/x"
run "import: pattern above a root, elsewhere" "$BUCKLE" query -I corpus "$P/abovep.buckle" files write /Users/test/proj/a/b/y
expect_out_has "import: ... and the rest of the root stays writable" "allow /Users/test/proj/a/b/y"
printf '{\n  "filesystem": {\n    "allowWrite": ["../up"]\n  }\n}\n' >"$P/up.json"
run "import: relative climbing" "$BUCKLE" import --from srt -o "$P/up.buckle" "$P/up.json"
expect_rc "import: a relative path with .. exits 1" 1
expect_err_has "import: ... naming the entry at it" 'up.json:3:20: error: entry 1 of "allowWrite" ("../up") climbs out'
[ -e "$P/up.buckle" ] && fail "import: ... and writes nothing" "written" || pass "import: ... and writes nothing"
printf '{\n  "filesystem": {\n    "allowWrite": ["~other/x"]\n  }\n}\n' >"$P/tilde.json"
run "import: no compile" "$BUCKLE" import --from srt -o "$P/tilde.buckle" "$P/tilde.json"
expect_rc "import: a translation that does not compile exits 1" 1
expect_err_has "import: ... with the compiler's message, at the entry" 'tilde.json:3:20: error: this entry'"'"'s translation does not compile (line '
expect_err_has "import: ... the line of the translation and the message" 'allow write "~other/x";): "~user" paths are not supported'
[ -e "$P/tilde.buckle" ] && fail "import: ... and nothing is written" "written" || pass "import: ... and nothing is written"
printf '[1, 2]\n' >"$P/array.json"
run "import: not an object" "$BUCKLE" import --from srt "$P/array.json"
expect_rc "import: JSON that is not an object exits 1" 1
printf '{"name": "x"}\n' >"$P/other.json"
run "import: not srt" "$BUCKLE" import --from srt "$P/other.json"
expect_rc "import: JSON without srt's members exits 1" 1
expect_err_has "import: not srt says so" "not srt settings"

# ---- addresses of one protocol -----------------------------------------------
# buckle's addresses are of any protocol: (remote tcp4 "*:443") in sections
# would also allow UDP to 443.  Such rules stay in SBPL, and buckle diff,
# whose requests carry no protocol, cannot call a side without them the same.
cat >"$P/proto.sb" <<'PEOF'
(version 1)
(deny default)
(allow network-outbound (remote tcp4 "*:443"))
(allow network-inbound (local udp "*:5353"))
(allow network-outbound (remote unix-socket (path-literal "/private/tmp/x.sock")))
PEOF
run "import: proto" "$BUCKLE" import -o "$P/proto.buckle" "$P/proto.sb"
expect_rc "import: addresses of one protocol import" 0
for w in '(remote tcp4 "*:443")' '(local udp "*:5353")' '(remote unix-socket (path-literal "/private/tmp/x.sock"))'; do
    grep -qF "$w" "$P/proto.buckle" && pass "import: $w stays SBPL" || fail "import: $w stays SBPL" "$(cat "$P/proto.buckle")"
done
grep -qF 'an address of one protocol (tcp4' "$P/proto.buckle" && pass "import: proto: the reason" \
    || fail "import: proto: the reason" "$(cat "$P/proto.buckle")"
printf 'default deny;\nnetwork {\n    allow outbound "*:443";\n    allow inbound "*:5353";\n    allow unix-connect literal "/private/tmp/x.sock";\n}\n' >"$P/proto-any.buckle"
run "import: proto: diff" "$BUCKLE" diff "$P/proto.sb" "$P/proto-any.buckle"
expect_rc "import: proto: diff cannot call any-protocol addresses the same (exit 3)" 3
expect_out_has "import: proto: diff says why" "an address of one protocol"

# a write or exec regex: buckle allows metadata on every path it matches and
# on the parents of its fixed part; where the original denies that metadata
# the import denies it with the same rank
printf '(version 1)\n(deny default)\n(allow file-read-metadata (literal "/a"))\n(allow file-write* (regex #"^/a/.*/c$"))\n' >"$P/wregex.sb"
printf '(version 1)\n(deny default)\n(allow process-exec (regex #"^/e/f/[a-z]+$"))\n' >"$P/xregex.sb"
for f in wregex xregex; do
    run "import: $f" "$BUCKLE" import "$P/$f.sb" -o "$P/$f.buckle"
    expect_rc "import: $f imports" 0
done
for o in /a/x/c /a/x/y/c; do
    run "import: write regex, metadata $o" "$BUCKLE" query "$P/wregex.buckle" file-read-metadata "$o"
    expect_out_has "import: write regex: metadata of $o stays denied" "deny $o"
done
run "import: write regex, write" "$BUCKLE" query "$P/wregex.buckle" file-write-data /a/x/c
expect_out_has "import: write regex: the write itself is allowed" "allow /a/x/c"
for o in /e/f/g /e/f /e; do
    run "import: exec regex, metadata $o" "$BUCKLE" query "$P/xregex.buckle" file-read-metadata "$o"
    expect_out_has "import: exec regex: metadata of $o stays denied" "deny $o"
done
# a rule kept in SBPL because of a definition, with no -D or -U: its comment
# says the definitions were expanded, not that values were written in
printf '(version 1)\n(deny default)\n(define (e p) (string-append "/etc" p))\n(allow file-read* (literal (e "/hosts")))\n' >"$P/defkept.sb"
run "import: a definition in a kept rule" "$BUCKLE" import "$P/defkept.sb"
expect_rc "import: a definition in a kept rule imports" 0
expect_out_has "import: a definition in a kept rule: the comment says so" ';; (its definitions expanded)'
expect_out_lacks "import: a definition in a kept rule: no -D values claimed" 'given with -D and -U'
expect_out_has "import: a definition in a kept rule: expanded" '(allow file-read* (literal "/etc/hosts"))'
