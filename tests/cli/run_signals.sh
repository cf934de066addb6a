# run_signals.sh - signals to `buckle run` reach the sandboxed command once
# (docs/runner.md, "The child").  Sent by another process they are
# forwarded whatever si_code the kernel sets (XNU sets 0 even for kill(2);
# here a thread-directed signal, SI_TKILL, stands for it); typed on the
# terminal they reach the whole foreground process group, the command
# included, and are not forwarded a second time.
. tests/lib.sh
runner_env
R="$TMP/signals"
rm -rf "$R"
mkdir -p "$R/tmp"
R=$(cd "$R" && pwd -P)
export TMPDIR="$R/tmp"
SIGSEND=$(cd "$BUILD" && pwd)/sigsend
XOK='process { allow exec "/usr/bin", "/bin"; }\nfiles { allow read "/usr/bin", "/bin"; allow write "/"; }\n'
printf "$XOK" >"$R/p.buckle"
PD="$R/tmp/buckle-profiles-$(id -u)"

# a signal whose si_code is not SI_USER, from another process
if "$SIGSEND" thread $$ 0 2>/dev/null; then
    rm -f "$R/started"
    BUCKLE_SANDBOX_EXEC="$SXA" "$B" run "$R/p.buckle" -- sh -c "trap 'exit 99' TERM; touch '$R/started'; i=0; while [ \$i -lt 200 ]; do sleep 0.05; i=\$((i + 1)); done; exit 98" &
    bpid=$!
    i=0; while [ ! -e "$R/started" ] && [ $i -lt 200 ]; do sleep 0.05; i=$((i + 1)); done
    "$SIGSEND" thread "$bpid" 15
    wait "$bpid"; st=$?
    [ "$st" -eq 99 ] && pass "signals: a SIGTERM whose si_code is not SI_USER is forwarded" \
        || fail "signals: a SIGTERM whose si_code is not SI_USER is forwarded" "status $st"
    [ -z "$(ls "$PD" 2>/dev/null | grep '^buckle-')" ] && pass "signals: the profile is gone afterwards" || fail "signals: the profile is gone afterwards" "$(ls "$PD")"
else
    echo "SKIP signals: thread-directed signals (no tgkill on this system)" >>"$RESULTS"
fi

# Ctrl-C on a terminal: the command counts the SIGINTs it gets
rm -f "$R/started" "$R/count"
"$SIGSEND" tty "$R/started" -- env BUCKLE_SANDBOX_EXEC="$SXA" "$B" run "$R/p.buckle" -- sh -c "
    n=0
    trap 'n=\$((n + 1)); echo \$n >\"$R/count\"' INT
    touch '$R/started'
    i=0; while [ \$i -lt 20 ]; do sleep 0.05; i=\$((i + 1)); done
    exit 7" >/dev/null 2>&1
st=$?
[ "$st" -eq 7 ] && pass "signals: the command outlives its trapped Ctrl-C" || fail "signals: the command outlives its trapped Ctrl-C" "status $st"
[ "$(cat "$R/count" 2>/dev/null)" = 1 ] && pass "signals: Ctrl-C reaches the command exactly once" \
    || fail "signals: Ctrl-C reaches the command exactly once" "count $(cat "$R/count" 2>/dev/null)"
