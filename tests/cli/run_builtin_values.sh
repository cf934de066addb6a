# run_builtin_values.sh - the built-in parameters' values (HOME, USER,
# TMPDIR, WORKDIR) are worked out in one place for `buckle run` and for
# the commands that answer as a run started here would: `query --platform
# linux` and `why` on Landlock's records take what the run takes (HOME and
# USER from the password database when unset, TMPDIR buckle's own
# directory when unset or empty, and buckle's directory in a TMPDIR of
# the user's own, docs/runner.md "What a run does").
. tests/lib.sh
linux_only "builtin values"
runner_env      # $B the test build, with a run cache of the suite's own
R="$TMP/bvals"
rm -rf "$R"
mkdir -p "$R/proj"
R=$(cd "$R" && pwd -P)
PWHOME=$(getent passwd "$(id -u)" | cut -d: -f6)
PWNAME=$(getent passwd "$(id -u)" | cut -d: -f1)
[ -n "$PWHOME" ] && [ -n "$PWNAME" ] || { skip "builtin values: every check" "no password database entry"; exit 0; }
PWHOME=$(cd "$PWHOME" && pwd -P)
OWN=$(cd /tmp && pwd -P)/buckle-tmp-$(id -u)
cat >"$R/p.buckle" <<'EOP'
default deny;
files { allow read "$HOME/bv", "$TMPDIR", "$WORKDIR"; }
EOP

# query: HOME, USER and TMPDIR unset
run "builtin values: query" sh -c "cd '$R/proj' && env -u HOME -u USER -u TMPDIR '$B' query --platform linux --landlock-abi 7 '$R/p.buckle' files read /usr/bin/env"
expect_rc "builtin values: query answers" 0
expect_out_has "builtin values: query takes HOME from the password database, as run does" "HOME=$PWHOME,"
expect_out_has "builtin values: query takes USER from the password database, as run does" "USER=$PWNAME,"
expect_out_has "builtin values: query takes buckle's own TMPDIR, as run does" "TMPDIR=$OWN,"
expect_out_has "builtin values: query's WORKDIR is the current directory" "WORKDIR=$R/proj "
# an empty TMPDIR is unset for query too
run "builtin values: query, empty TMPDIR" sh -c "cd '$R/proj' && TMPDIR= '$B' query --platform linux --landlock-abi 7 '$R/p.buckle' files read /usr/bin/env"
expect_out_has "builtin values: query takes an empty TMPDIR as unset" "TMPDIR=$OWN,"
# a TMPDIR of the user's own: buckle's directory in it, where the run
# makes the command's
mkdir -p "$R/mytmp"
chmod 700 "$R/mytmp"
MINE=$R/mytmp/buckle-tmp-$(id -u)
run "builtin values: query, private TMPDIR" sh -c "cd '$R/proj' && TMPDIR='$R/mytmp' '$B' query --platform linux --landlock-abi 7 '$R/p.buckle' files read /usr/bin/env"
expect_out_has "builtin values: query takes buckle's directory in a private TMPDIR, as run does" "TMPDIR=$MINE,"

# the run gives the command a directory of its own there (one per profile
# and project)
run "builtin values: run" sh -c "cd '$R/proj' && env -u TMPDIR '$B' run --no-cache --linux-accept=files,ports,network,ipc '$(pwd)/corpus/examples/agent.buckle' -- sh -c 'echo \$TMPDIR'"
if grep -q "offers no Landlock" "$TMP/err"; then skip "builtin values: the run" "this kernel has no Landlock"
else
    case "$OUT" in "$OWN"/run-*) ok=$RC;; *) ok=1;; esac
    [ "$ok" = 0 ] && pass "builtin values: the run's TMPDIR is a directory of its own in the one query names" \
        || fail "builtin values: the run's TMPDIR is a directory of its own in the one query names" "rc $RC: $OUT $(head -c 300 "$TMP/err")"
    run "builtin values: run, private TMPDIR" sh -c "cd '$R/proj' && TMPDIR='$R/mytmp' '$B' run --no-cache --linux-accept=files,ports,network,ipc '$(pwd)/corpus/examples/agent.buckle' -- sh -c 'echo \$TMPDIR'"
    case "$OUT" in "$MINE"/run-*) ok=$RC;; *) ok=1;; esac
    [ "$ok" = 0 ] && pass "builtin values: with a private TMPDIR, the run's is a directory of its own in the one query names" \
        || fail "builtin values: with a private TMPDIR, the run's is a directory of its own in the one query names" "rc $RC: $OUT $(head -c 300 "$TMP/err")"
fi

# why, on a Landlock record under the password database's home
printf 'type=LANDLOCK_ACCESS msg=audit(1764982800.221:33): domain=1a6fdc679 blockers=fs.read_file path="%s" dev="vda2" ino=9\n' "$PWHOME/bv2" >"$R/ll.log"
printf 'type=SYSCALL msg=audit(1764982800.221:33): arch=c000003e syscall=257 success=no exit=-13 ppid=272 pid=4242 auid=0 uid=0 gid=0 comm="cat" exe="/usr/bin/cat"\n' >>"$R/ll.log"
run "builtin values: why" sh -c "cd '$R/proj' && env -u HOME -u USER -u TMPDIR '$B' why '$R/p.buckle' '$R/ll.log'"
expect_rc "builtin values: why explains" 0
expect_out_has "builtin values: why takes HOME from the password database, as run does" "HOME=$PWHOME ("
expect_out_has "builtin values: why takes USER from the password database, as run does" "USER=$PWNAME ("
expect_out_has "builtin values: why takes buckle's own TMPDIR, as run does" "TMPDIR=$OWN ("
run "builtin values: why, private TMPDIR" sh -c "cd '$R/proj' && env -u HOME -u USER TMPDIR='$R/mytmp' '$B' why '$R/p.buckle' '$R/ll.log'"
expect_out_has "builtin values: why takes buckle's directory in a private TMPDIR, as run does" "TMPDIR=$MINE ("
rm -rf "$R"
