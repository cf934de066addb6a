# options.sh - every command parses its options the same way (cli/options.c):
# -I DIR, -IDIR, --include DIR, --include=DIR; -D N=V, -DN=V, --define N=V,
# --define=N=V; --name=VALUE; and a bad option is a usage error (exit 2)
# that says "buckle CMD: error: ..." and names the option.
. tests/lib.sh
D="$TMP/options"
mkdir -p "$D/lib"
printf 'files { allow read "/usr"; }\n' >"$D/lib/base.buckle"
cat >"$D/p.buckle" <<'EOF'
extends "base";
param P;
files { allow read "$P/data"; }
test {
    expect allow files read "/srv/data";
    expect allow files read "/usr/lib";
}
EOF
printf '(version 1)\n(allow file-read* (subpath (param "P")))\n' >"$D/p.sb"

# the include and define spellings, for each command that takes them
for inc in "-I $D/lib" "-I$D/lib" "--include $D/lib" "--include=$D/lib"; do
    for def in "-D P=/srv" "-DP=/srv" "--define P=/srv" "--define=P=/srv"; do
        # shellcheck disable=SC2086
        run "options: compile $inc $def" "$BUCKLE" compile $inc $def "$D/p.buckle"
        expect_rc "options: compile $inc $def compiles" 0
        expect_out_has "options: compile $inc $def: the value is used" '(subpath "/srv/data")'
    done
    # shellcheck disable=SC2086
    run "options: test $inc" "$BUCKLE" test $inc -DP=/srv "$D/p.buckle"
    expect_rc "options: test $inc passes" 0
    # shellcheck disable=SC2086
    run "options: query $inc" "$BUCKLE" query $inc --define=P=/srv "$D/p.buckle" files read /usr/lib
    expect_rc "options: query $inc answers" 0
    expect_out_has "options: query $inc: allowed through the base" "allow /usr/lib"
    # shellcheck disable=SC2086
    run "options: lint $inc" "$BUCKLE" lint -q $inc -DP=/srv "$D/p.buckle"
    expect_rc "options: lint $inc: the base is found" 0
    # shellcheck disable=SC2086
    run "options: diff $inc" "$BUCKLE" diff $inc -DP=/srv "$D/p.buckle" "$D/p.buckle"
    expect_rc "options: diff $inc: the same profile" 0
done
for def in "-D P=/srv" "-DP=/srv" "--define=P=/srv"; do
    # shellcheck disable=SC2086
    run "options: query .sb $def" "$BUCKLE" query $def "$D/p.sb" file-read-data /srv/x
    expect_rc "options: query .sb $def answers" 0
    expect_out_has "options: query .sb $def: the parameter's value" "allow /srv/x"
done
# a -D value is canonicalized the same way by every command
run "options: lint canonicalizes -D" "$BUCKLE" lint -q -I "$D/lib" -DP=//srv// "$D/p.buckle"
expect_rc "options: lint takes //srv// as /srv" 0
run "options: compile canonicalizes -D" "$BUCKLE" compile -I "$D/lib" -DP=//srv// "$D/p.buckle"
expect_out_has "options: compile takes //srv// as /srv" '(subpath "/srv/data")'

# --name=VALUE and --name VALUE
run "options: --emit=ir" "$BUCKLE" compile --emit=ir -I "$D/lib" -DP=/srv "$D/p.buckle"
expect_rc "options: --emit=ir" 0
run "options: --emit ir" "$BUCKLE" compile --emit ir -I "$D/lib" -DP=/srv "$D/p.buckle"
cp "$TMP/out" "$TMP/emit-space"
run "options: --emit=ir again" "$BUCKLE" compile --emit=ir -I "$D/lib" -DP=/srv "$D/p.buckle"
expect_same "options: --emit=ir is --emit ir" "$TMP/out" "$TMP/emit-space"
run "options: -oFILE" "$BUCKLE" compile -o"$D/out.sb" -I "$D/lib" -DP=/srv "$D/p.buckle"
expect_rc "options: -oFILE writes" 0
if [ -s "$D/out.sb" ]; then pass "options: -oFILE names the file"; else fail "options: -oFILE names the file" "no $D/out.sb"; fi
run "options: test --format=tap" "$BUCKLE" test --format=tap -I "$D/lib" -DP=/srv "$D/p.buckle"
expect_out_has "options: test --format=tap" "TAP version 13"
run "options: rules --format=json" "$BUCKLE" rules --format=json
expect_out_has "options: rules --format=json" '"rules":['
run "options: fmt --stdin-filename=N" "$BUCKLE" fmt --stdin-filename=named.buckle - <"$D/lib/base.buckle"
expect_rc "options: fmt --stdin-filename=N" 0

mkdir -p "$D/sblib"
printf '(allow file-read* (subpath "/usr"))\n' >"$D/sblib/lib.sb"
printf '(version 1)\n(deny default)\n(allow file-read* (subpath "/usr"))\n' >"$D/imp.sb"
for inc in "-I $D/sblib" "-I$D/sblib" "--include=$D/sblib"; do
    # shellcheck disable=SC2086
    run "options: import $inc" "$BUCKLE" import $inc -o "$D/imp.buckle" "$D/imp.sb"
    expect_rc "options: import $inc is accepted" 0
done
run "options: import --from=srt" "$BUCKLE" import --from=srt bench/srt/small.json
expect_rc "options: import --from=srt" 0
run "options: import --from=nix" "$BUCKLE" import --from=nix x.json
expect_err_has "options: import --from lists its choices" "buckle import: error: --from takes srt or sbpl, not nix"

# bad options: exit 2, "buckle CMD: error:", the option named
for cmd in compile query test lint fmt lsp explain rules why diff import; do
    run "options: $cmd --frobnicate" "$BUCKLE" $cmd --frobnicate x
    expect_rc "options: $cmd: unknown long option exits 2" 2
    expect_err_has "options: $cmd: unknown long option named" "buckle $cmd: error: unknown option --frobnicate"
    expect_err_has "options: $cmd: points at --help" "buckle $cmd --help"
    run "options: $cmd -Z" "$BUCKLE" $cmd -Z x
    expect_rc "options: $cmd: unknown short option exits 2" 2
    expect_err_has "options: $cmd: unknown short option named" "buckle $cmd: error: unknown option -Z"
done
for cmd in compile query test lint why diff; do
    run "options: $cmd -I at the end" "$BUCKLE" $cmd x -I
    expect_rc "options: $cmd: -I without a value exits 2" 2
    expect_err_has "options: $cmd: -I needs a value" "buckle $cmd: error: -I needs a value"
    run "options: $cmd --define at the end" "$BUCKLE" $cmd x --define
    expect_rc "options: $cmd: --define without a value exits 2" 2
    expect_err_has "options: $cmd: --define needs a value" "buckle $cmd: error: --define needs a value"
    run "options: $cmd -DP" "$BUCKLE" $cmd -DP x
    expect_rc "options: $cmd: -D without = exits 2" 2
    expect_err_has "options: $cmd: -D without = says so" "buckle $cmd: error: -D P:"
done
run "options: bad choice" "$BUCKLE" compile --emit=c x
expect_rc "options: a value outside the choices exits 2" 2
expect_err_has "options: a value outside the choices: lists them" "buckle compile: error: --emit takes sbpl, ir or json, not c"
run "options: lint --color=sometimes" "$BUCKLE" lint --color=sometimes x
expect_err_has "options: lint --color lists its choices" "--color takes auto, always or never, not sometimes"
run "options: fmt --check -w" "$BUCKLE" fmt --check -w x
expect_rc "options: fmt --check -w exits 2" 2
expect_err_has "options: fmt --check -w says why" "buckle fmt: error: --check and -w exclude each other"
run "options: explain two" "$BUCKLE" explain BK1001 BK1002
expect_rc "options: explain takes one rule" 2
run "options: compile takes no --severity" "$BUCKLE" compile --severity=info x
expect_err_has "options: a shared option only where it means something" "buckle compile: error: unknown option --severity"
# an option after the operands, and operands after --
run "options: an option after the file" "$BUCKLE" compile "$D/p.buckle" -I "$D/lib" -DP=/srv
expect_rc "options: options may follow the file" 0
run "options: -- ends the options" "$BUCKLE" fmt -- "$D/lib/base.buckle"
expect_rc "options: fmt -- FILE" 0
# run goes through the same parser: the same spellings, and its own exit
# status for usage errors (125); what follows -- is the command, never options
# (the test build, with a run cache of the suite's own)
runner_env
cat >"$D/r.buckle" <<'EOF'
extends "base";
param P;
files { allow read "$P/data", "/bin", "/lib", "/lib64"; }
process { allow exec "/usr/bin", "/bin"; }
EOF
for def in "-D P=/srv" "-DP=/srv" "--define=P=/srv"; do
    # shellcheck disable=SC2086
    run "options: run $def" "$B" run --dry-run -I "$D/lib" $def "$D/r.buckle" -- /bin/echo -D -v
    expect_rc "options: run $def: dry run" 0
    expect_out_has "options: run $def: the value reaches sandbox-exec" "P=/srv"
    expect_out_has "options: run $def: the command's own -D -v are its arguments" "/bin/echo -D -v"
done
run "options: run -I$D/lib" "$B" run --dry-run "-I$D/lib" -DP=/srv "$D/r.buckle" -- /bin/true
expect_rc "options: run -IDIR" 0
run "options: run unknown option" "$B" run --frobnicate "$D/r.buckle" -- /bin/true
expect_rc "options: run: an unknown option exits 125" 125
expect_err_has "options: run: an unknown option is named" "buckle run: error: unknown option --frobnicate"
run "options: run two profiles" "$B" run "$D/r.buckle" "$D/r.buckle" -- /bin/true
expect_rc "options: run: a second operand before -- exits 125" 125
run "options: run without --" "$B" run "$D/r.buckle" /bin/true
expect_rc "options: run: no -- exits 125" 125
