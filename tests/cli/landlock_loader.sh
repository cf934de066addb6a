# landlock_loader.sh - a profile that lets the dynamic loader be executed
# (std/agent does), live: "ld.so FILE" runs any file the command may read,
# so a deny of exec is weaker (class files) unless reading the file is
# denied too, and the default's exec part is weaker (docs/linux.md, "The
# dynamic loader").  The loader really runs the denied file.
. tests/lib.sh
linux_only "landlock loader"
unset BUCKLE_SANDBOX_EXEC
B=$(cd "$(dirname "$BUCKLE")" && pwd)/$(basename "$BUCKLE")
R="$TMP/llloader"
rm -rf "$R"
mkdir -p "$R/proj/src" "$R/home" "$R/tmp" "$R/prof"
R=$(cd "$R" && pwd -P)
cp /usr/bin/id "$R/proj/src/tool"
cp /usr/bin/id "$R/proj/src/sealed"
cat >"$R/prof/p.buckle" <<'EOF2'
extends "std/agent";
process { deny exec literal "${WORKDIR}/src/tool"; }
EOF2
cat >"$R/prof/q.buckle" <<'EOF2'
extends "std/agent";
process { deny exec literal "${WORKDIR}/src/sealed"; }
files { deny read literal "${WORKDIR}/src/sealed"; }
EOF2
LD=$(readlink -f "$(sed -n 's/^[[:space:]]*\[Requesting program interpreter: \(.*\)\]$/\1/p' <<EOF3
$(readelf -l /usr/bin/id 2>/dev/null)
EOF3
)" 2>/dev/null)
pr() { run "landlock loader: $1" sh -c "cd '$R/proj' && HOME='$R/home' TMPDIR='$R/tmp' '$B' run --no-cache $2 '$R/prof/${P:-p}.buckle' -- $3"; }
pr "-v" "-v --linux-accept=files" /bin/true
landlock_or_exit "landlock loader"
expect_err_has "landlock loader: a deny of exec of a readable file is weaker" 'p.buckle:2: weaker: deny process exec literal "${WORKDIR}/src/tool" -- the dynamic loader'
expect_err_has "landlock loader: the default's exec part is weaker" "default: weaker: default deny -- the dynamic loader"
P=q pr "-v, read denied too" "-v --linux-accept=files" /bin/true
expect_err_has "landlock loader: a deny of exec of a file it may not read stays exact" 'q.buckle:2: exact: deny process exec literal "${WORKDIR}/src/sealed"'
pr "refused without the class" "" /bin/true
expect_rc "landlock loader: refused without --linux-accept=files" 125
expect_err_has "landlock loader: the refusal names the loader" "runs any file the command may read"
if [ -n "$LD" ] && [ -x "$LD" ]; then
    pr "the tool itself" "--linux-accept=files" "./src/tool -un"
    [ "$RC" -ne 0 ] && pass "landlock loader: the denied tool does not run" || fail "landlock loader: the denied tool does not run" "rc 0: $(cat "$TMP/out")"
    pr "through the loader" "--linux-accept=files" "$LD ./src/tool -un"
    expect_rc "landlock loader: through the loader it runs (what the weaker verdict says)" 0
    P=q pr "the sealed one through the loader" "--linux-accept=files" "$LD ./src/sealed -un"
    [ "$RC" -ne 0 ] && pass "landlock loader: a file it may not read does not run through the loader" \
        || fail "landlock loader: a file it may not read does not run through the loader" "rc 0"
else
    skip "landlock loader: the loader runs the file" "no program interpreter found for /usr/bin/id"
fi
# under default allow every readable file may be executed anyway: the
# loader weakens only a deny of exec (a dynamic command runs without the class)
cat >"$R/prof/open.buckle" <<'EOF2'
default allow;
EOF2
P=open pr "default allow" "" /bin/true
expect_rc "landlock loader: default allow and a dynamic command: runs without --linux-accept=files" 0
cat >"$R/prof/open1.buckle" <<'EOF2'
default allow;
process { deny exec literal "${WORKDIR}/src/tool"; }
EOF2
P=open1 pr "default allow, one deny" "-v --linux-accept=files" /bin/true
expect_err_has "landlock loader: ... a deny of exec in it is still weaker" 'open1.buckle:2: weaker: deny process exec literal "${WORKDIR}/src/tool" -- the dynamic loader'
grep -q "default: weaker" "$TMP/err" && fail "landlock loader: ... and the default is not" "$(cat "$TMP/err")" \
    || pass "landlock loader: ... and the default is not"
# query says what run does: the exec syscall is denied, and the loader runs
# the file anyway (for a usual command, whose loader is /bin/sh's)
qr() { run "landlock loader: query $1" sh -c "cd '$R/proj' && HOME='$R/home' '$B' query --platform linux -D WORKDIR='$R/proj' '$R/prof/${P:-p}.buckle' process-exec '$R/proj/src/$2'"; }
qr "tool" tool
expect_out_has "landlock loader: query names the loader for a readable denied file" 'the dynamic loader, may be executed'
expect_out_has "landlock loader: query calls it weaker, class files" 'weaker, class files'
P=q qr "sealed" sealed
expect_out_lacks "landlock loader: query does not name the loader for a file it may not read" 'the dynamic loader'
