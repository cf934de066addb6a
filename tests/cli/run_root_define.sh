# run_root_define.sh - a -D value of / (docs/runner.md, "Parameter values"):
# `buckle run` refuses it as it refuses HOME=/ or WORKDIR=/ from the
# environment, on every platform, since `allow write "$OUT"` would then
# grant writing everywhere; compile keeps the value's meaning ("$P/src" is
# /src) and warns.
. tests/lib.sh
runner_env
P="$TMP/rootdef"
rm -rf "$P"
mkdir -p "$P/out"
P=$(cd "$P" && pwd -P)
cat >"$P/out.buckle" <<'EOB'
extends "std/agent";
param OUT;
files { allow write "$OUT"; }
EOB
printf 'param ROOT;\nfiles { allow read "$ROOT/src"; }\n' >"$P/inner.buckle"

run "run -D OUT=/" "$B" run --linux-accept=files -D OUT=/ "$P/out.buckle" -- true
expect_rc "run -D OUT=/: refused" 125
expect_err_has "run -D OUT=/: says why" "buckle run: error: -D OUT=/: it is the root directory (rules below it would cover the whole disk); pass the directory meant"
run "run -D OUT=//tmp/.." "$B" run --linux-accept=files -D OUT=//tmp/.. "$P/out.buckle" -- true
expect_rc "run -D OUT=//tmp/..: the value that resolves to / is refused too" 125
expect_err_has "run -D OUT=//tmp/..: names the value as given" "-D OUT=//tmp/..: it is the root directory"
run "run --dry-run -D OUT=/" "$B" run --dry-run -D OUT=/ "$P/out.buckle" -- true
expect_rc "run --dry-run -D OUT=/: refused (it would not run)" 125
run "run -D HOME=/" "$B" run --linux-accept=files -D HOME=/ "$P/out.buckle" -- true
expect_rc "run -D HOME=/: refused like HOME=/ from the environment" 125
run "run -D ROOT=/ (inside a path)" "$B" run --dry-run -D ROOT=/ "$P/inner.buckle" -- true
expect_rc "run -D ROOT=/: refused whatever the rule" 125

run "compile -D OUT=/" "$BUCKLE" compile -D OUT=/ "$P/out.buckle"
expect_rc "compile -D OUT=/: compiles" 0
expect_out_has "compile -D OUT=/: the value's meaning" '(allow file-write-unlink (require-all (subpath "/")'
expect_err_has "compile -D OUT=/: warns as run refuses" "buckle compile: warning: -D OUT=/: it is the root directory (rules below it would cover the whole disk); buckle run refuses this value"
run "compile --target landlock -D OUT=/" "$BUCKLE" compile --target landlock -D OUT=/ "$P/out.buckle"
expect_err_has "compile --target landlock -D OUT=/: the same warning" "-D OUT=/: it is the root directory"
run "compile -D ROOT=/ inside a path" "$BUCKLE" compile -D ROOT=/ "$P/inner.buckle"
expect_out_has "compile -D ROOT=/: \$ROOT/src is /src" '(subpath "/src")'
expect_err_has "compile -D ROOT=/: warns" "-D ROOT=/: it is the root directory"
run "compile -D OUT=$P/out" "$BUCKLE" compile -D OUT="$P/out" "$P/out.buckle"
expect_rc "compile -D OUT=dir: compiles" 0
if grep -q "warning" "$TMP/err"; then fail "compile -D OUT=dir: no warning" "$(cat "$TMP/err")"; else pass "compile -D OUT=dir: no warning"; fi
run "query -D OUT=/" "$BUCKLE" query -D OUT=/ "$P/out.buckle" files write /usr/bin/x
expect_out_has "query -D OUT=/: answers what the value means" "allow /usr/bin/x"

if [ "$(uname -s)" = Linux ]; then
    cd "$P" || exit 1
    run "run -D OUT=dir" "$B" run --linux-accept=files -D OUT="$P/out" "$P/out.buckle" -- sh -c "echo x >$P/out/f"
    cd - >/dev/null || exit 1
    expect_rc "run -D OUT=dir: runs" 0
    if [ -f "$P/out/f" ]; then pass "run -D OUT=dir: the command wrote in OUT"; else fail "run -D OUT=dir: the command wrote in OUT" "no $P/out/f; $ERR"; fi
else
    echo "SKIP run -D OUT=dir: live Landlock run: not Linux" >>"$RESULTS"
fi
