# run.sh - `buckle run` on Linux through the sandbox-exec stand-in.
. tests/lib.sh
runner_env
R="$TMP/run"
mkdir -p "$R/tmp"
export TMPDIR="$R/tmp"
uid=$(id -u)
PD="$R/tmp/buckle-profiles-$uid"
LOG="$R/log"
# the example profiles allow no exec at all (buckle run refuses them before
# anything runs, see run_preflight.sh); the tests extend them with the
# commands they use
XOK='process { allow exec "/usr/bin", "/bin"; }\nfiles { allow read "/usr/bin", "/bin"; }\n'
printf "extends \"$(pwd)/corpus/examples/agent.buckle\";\n$XOK" >"$R/agentx.buckle"
agent=$R/agentx.buckle
brun() { STANDIN_LOG="$LOG" BUCKLE_SANDBOX_EXEC="$SXA" "$B" run "$@"; }
# the run profiles in the directory (run cache entries, cache-*.bc, stay)
profiles() { ls "$PD" 2>/dev/null | grep -v '^cache-'; }

# without the stand-in, Linux enforces with Landlock (tests/cli/landlock.sh):
# this profile's denies are weaker there, so it is refused
run "run: linux" env -u BUCKLE_SANDBOX_EXEC "$B" run "$agent" -- true
expect_rc "run: without sandbox-exec, a profile Landlock would weaken exits 125" 125
expect_err_has "run: says Landlock would enforce it weaker" "weaker than written; nothing was run"
if grep -q "BUCKLE_SANDBOX_EXEC\|stand-in\|Tests" "$TMP/err"; then fail "run: the message names no test-only variable" "$(cat "$TMP/err")"; else pass "run: the message names no test-only variable"; fi
# --dry-run spawns nothing: it works without sandbox-exec, on every platform
run "run: linux dry-run" env -u BUCKLE_SANDBOX_EXEC "$B" run --dry-run "$agent" -- true
expect_rc "run: --dry-run works without sandbox-exec" 0
expect_out_has "run: --dry-run names /usr/bin/sandbox-exec" "/usr/bin/sandbox-exec -f $PD/buckle-"
f=$(sed -n 's/^profile: //p' "$TMP/out")
[ -n "$f" ] && [ -f "$f" ] && grep -q "buckle run: nothing in the sandbox may write" "$f" \
    && pass "run: --dry-run keeps the profile it names, protection included" || fail "run: --dry-run keeps the profile it names, protection included" "$f"
rm -f "$f"
# an .sb profile gets every built-in parameter; USER is not a path
printf '(version 1)\n(allow default)\n' >"$R/all.sb"
run "run: dry-run .sb" env USER=someone BUCKLE_SANDBOX_EXEC="$SXA" "$B" run --force --dry-run "$R/all.sb" -- true
grep -q -- "-D USER=someone " "$TMP/out" && pass "run: USER is passed" || fail "run: USER is passed" "$(cat "$TMP/out")"
grep -q -- "USER.ancestors=" "$TMP/out" && fail "run: a parameter that is not a path gets no NAME.ancestors" "$(cat "$TMP/out")" \
    || pass "run: a parameter that is not a path gets no NAME.ancestors"
grep -q -- "HOME.ancestors=" "$TMP/out" && pass "run: a path parameter gets NAME.ancestors" || fail "run: a path parameter gets NAME.ancestors" "$(cat "$TMP/out")"
rm -f "$(sed -n 's/^profile: //p' "$TMP/out")"

# argv, file mode, directory mode, read-back, self-protection (checked by the stand-in)
: >"$LOG"
run "run: basic" brun "$agent" -- sh -c 'exit 0'
expect_rc "run: exit 0 passes through" 0
grep -q "^argv: -f $PD/buckle-[0-9]*-[0-9]*-[0-9a-f]*\.sb -D HOME=.* sh -c exit 0\$" "$LOG" \
    && pass "run: argv is -f FILE [-D K=V]... CMD ARGS" || fail "run: argv is -f FILE [-D K=V]... CMD ARGS" "$(head -c 400 "$LOG")"
grep -q -- "-D WORKDIR=$(pwd -P) " "$LOG" && pass "run: WORKDIR is the current directory" || fail "run: WORKDIR is the current directory" "$(head -c 300 "$LOG")"
grep -q -- "-D HOME.re=" "$LOG" && pass "run: derived NAME.re passed" || fail "run: derived NAME.re passed" "missing"
grep -q "mode 0600, dir mode 0700, ours" "$LOG" && pass "run: file 0600 in a 0700 directory of ours" || fail "run: file 0600 in a 0700 directory of ours" "$(cat "$LOG")"
grep -q "self-protection holds" "$LOG" && pass "run: self-protection holds under the evaluator" || fail "run: self-protection holds under the evaluator" "$(cat "$LOG")"
[ -z "$(profiles)" ] && pass "run: profile removed after a normal exit" || fail "run: profile removed after a normal exit" "$(ls "$PD")"
run "run: status 3" brun "$agent" -- sh -c 'exit 3'
expect_rc "run: exit 3 passes through" 3
run "run: killed command" brun "$agent" -- sh -c 'kill -9 $$'
expect_rc "run: a killed command gives 128+9" 137
[ -z "$(profiles)" ] && pass "run: profile removed after the command is killed" || fail "run: profile removed after the command is killed" "$(ls "$PD")"

# signals to buckle are forwarded; the profile is removed; 128+N
# (a non-interactive shell starts background jobs with SIGINT ignored, and an
# ignored signal cannot be trapped: INT needs env --default-signal)
dflt=""
env --default-signal=INT true 2>/dev/null && dflt="env --default-signal=INT"
for sig in TERM HUP INT; do
    if [ "$sig" = INT ] && [ -z "$dflt" ]; then echo "SKIP run: SIGINT forwarding (needs env --default-signal)" >>"$RESULTS"; continue; fi
    rm -f "$R/started"
    STANDIN_LOG="$LOG" BUCKLE_SANDBOX_EXEC="$SXA" $([ "$sig" = INT ] && echo "$dflt") "$B" run "$agent" -- sh -c "trap 'exit 99' $sig; touch '$R/started'; i=0; while [ \$i -lt 400 ]; do sleep 0.05; i=\$((i + 1)); done; exit 98" &
    bpid=$!
    i=0; while [ ! -e "$R/started" ] && [ $i -lt 100 ]; do sleep 0.05; i=$((i + 1)); done
    [ "$sig" = INT ] && sleep 0.2
    kill -"$sig" "$bpid"
    wait "$bpid"; st=$?
    [ "$st" -eq 99 ] && pass "run: SIG$sig is forwarded to the command" || fail "run: SIG$sig is forwarded to the command" "status $st"
    [ -z "$(profiles)" ] && pass "run: profile removed after SIG$sig" || fail "run: profile removed after SIG$sig" "$(ls "$PD")"
done
rm -f "$R/started"
STANDIN_LOG="$LOG" BUCKLE_SANDBOX_EXEC="$SXA" "$B" run "$agent" -- sh -c "touch '$R/started'; i=0; while [ \$i -lt 400 ]; do sleep 0.05; i=\$((i + 1)); done; exit 98" &
bpid=$!
i=0; while [ ! -e "$R/started" ] && [ $i -lt 100 ]; do sleep 0.05; i=$((i + 1)); done
kill -TERM "$bpid"; wait "$bpid"; st=$?
[ "$st" -eq 143 ] && pass "run: a command killed by the forwarded SIGTERM gives 143" || fail "run: a command killed by the forwarded SIGTERM gives 143" "status $st"

# the directory must be exclusively ours
rm -rf "$PD"; mkdir -p "$R/elsewhere"; ln -s "$R/elsewhere" "$PD"
# failing closed is the default (finding 3: another local user could force
# the fallback by pre-creating the directory)
run "run: symlink dir" brun "$agent" -- true
expect_rc "run: a symlinked directory is refused" 125
expect_err_has "run: says why" "is not safe: it is a symbolic link; nothing was run"
: >"$LOG"
run "run: symlink dir, inline asked for" env STANDIN_SOURCES="$(abspath "$agent"):$(abspath corpus/examples/agent.buckle)" \
    STANDIN_LOG="$LOG" BUCKLE_SANDBOX_EXEC="$SXA" "$B" run --allow-inline "$agent" -- true
expect_rc "run: --allow-inline falls back" 0
expect_err_has "run: symlink warning" "(it is a symbolic link); passing the profile inline with -p"
grep -q "^argv: -p <profile text>" "$LOG" && pass "run: fallback uses -p" || fail "run: fallback uses -p" "$(tail -n 3 "$LOG")"
grep -q "source protected: $(abspath "$agent")" "$LOG" && grep -q "source protected: .*corpus/examples/agent.buckle" "$LOG" \
    && pass "run: the inline fallback still protects the sources" || fail "run: the inline fallback still protects the sources" "$(cat "$LOG")"
[ -z "$(ls "$R/elsewhere")" ] && pass "run: nothing written through the symlink" || fail "run: nothing written through the symlink" "$(ls "$R/elsewhere")"
# ... and still protects the profile directory's path and its ancestors, as
# in file mode: the next run must not find it prepared by this one's sandbox
: >"$LOG"
run "run: inline protects the profile dir" env STANDIN_CHECK_WRITE="$PD:$PD/buckle-1-2-3.sb" STANDIN_CHECK_FRAME="$R/tmp:$R" \
    STANDIN_LOG="$LOG" BUCKLE_SANDBOX_EXEC="$SXA" "$B" run --allow-inline "$agent" -- true
expect_rc "run: --allow-inline with protection checks" 0
grep -q "write denied: $PD/buckle-1-2-3.sb" "$LOG" && grep -q "frame fixed: $R/tmp" "$LOG" && ! grep -q FAILED "$LOG" \
    && pass "run: the inline fallback still denies writes under the profile directory and fixes its ancestors" \
    || fail "run: the inline fallback still denies writes under the profile directory and fixes its ancestors" "$(cat "$LOG")"
rm -f "$PD"; mkdir -m 0770 "$PD"
run "run: group-writable" brun "$agent" -- true
expect_err_has "run: group-writable directory is not used" "writable by group or others"
chmod 0700 "$PD"
if [ "$uid" -eq 0 ] && chown nobody "$PD" 2>/dev/null; then
    run "run: other owner" brun "$agent" -- true
    expect_rc "run: a directory owned by nobody is refused" 125
    expect_err_has "run: other owner message" "owned by another user"
else
    echo "SKIP run: directory owned by another user (needs root to chown)" >>"$RESULTS"
fi
rm -rf "$PD"

# stale sweep: only buckle's own files older than five minutes
mkdir -m 0700 "$PD"
touch "$PD/buckle-1-2-abc.sb" "$PD/buckle-3-4-def.sb" "$PD/other.sb" "$PD/buckle-notours.txt"
touch -d '10 minutes ago' "$PD/buckle-1-2-abc.sb" "$PD/other.sb" "$PD/buckle-notours.txt" 2>/dev/null || \
    touch -t "$(date -d '10 minutes ago' +%Y%m%d%H%M 2>/dev/null || date -v-10M +%Y%m%d%H%M)" "$PD/buckle-1-2-abc.sb" "$PD/other.sb" "$PD/buckle-notours.txt"
brun "$agent" -- true >/dev/null 2>&1
[ ! -e "$PD/buckle-1-2-abc.sb" ] && pass "run: stale profile swept" || fail "run: stale profile swept" "still there"
[ -e "$PD/buckle-3-4-def.sb" ] && pass "run: recent profile kept" || fail "run: recent profile kept" "removed"
[ -e "$PD/other.sb" ] && [ -e "$PD/buckle-notours.txt" ] && pass "run: other files untouched" || fail "run: other files untouched" "removed"
rm -rf "$PD"

# refusals
printf 'param NEEDED;\nfiles { allow read "$NEEDED"; }\n'"$XOK" >"$R/p.buckle"
run "run: missing param" brun "$R/p.buckle" -- true
expect_rc "run: a missing parameter is an error" 125
expect_err_has "run: missing parameter message" "parameter NEEDED has no value"
run "run: -D supplies it" brun -D NEEDED=/usr "$R/p.buckle" -- true
expect_rc "run: with -D it runs" 0
# USER: from the environment, else from the password database when the profile uses it
printf 'files { allow read "/Users/$USER"; }\n'"$XOK" >"$R/user.buckle"
: >"$LOG"
run "run: USER unset" env -u USER STANDIN_LOG="$LOG" BUCKLE_SANDBOX_EXEC="$SXA" "$B" run "$R/user.buckle" -- true
expect_rc "run: USER unset still runs" 0
grep -q -- "-D USER=$(id -un) " "$LOG" && pass "run: USER from the password database" || fail "run: USER from the password database" "$(head -c 300 "$LOG")"
: >"$LOG"
run "run: USER set" env USER=someone STANDIN_LOG="$LOG" BUCKLE_SANDBOX_EXEC="$SXA" "$B" run "$R/user.buckle" -- true
grep -q -- "-D USER=someone " "$LOG" && pass "run: USER from the environment" || fail "run: USER from the environment" "$(head -c 300 "$LOG")"
# HOME: from the environment, else from the password database (a static
# build reads /etc/passwd itself, a dynamic one asks getpwuid)
pw_home=$(awk -F: -v u="$(id -u)" '$3 == u { print $6; exit }' /etc/passwd)
if [ -n "$pw_home" ] && [ -d "$pw_home" ]; then
    pw_home=$(cd "$pw_home" && pwd -P)
    printf 'files { allow read "$HOME/x"; }\n'"$XOK" >"$R/home.buckle"
    : >"$LOG"
    run "run: HOME unset" env -u HOME STANDIN_LOG="$LOG" BUCKLE_SANDBOX_EXEC="$SXA" "$B" run --no-cache "$R/home.buckle" -- true
    expect_rc "run: HOME unset still runs" 0
    grep -q -- "-D HOME=$pw_home " "$LOG" && pass "run: HOME from the password database" || fail "run: HOME from the password database" "$(head -c 300 "$LOG")"
fi
run "run: unreadable" brun "$R/nope.buckle" -- true
expect_rc "run: an unreadable profile is an error" 125
printf 'misc { allow lsopen; }\n'"$XOK" >"$R/bad.buckle"
run "run: lint errors" brun "$R/bad.buckle" -- true
expect_rc "run: lint errors refuse to run" 125
expect_err_has "run: says why" "has lint errors"
run "run: --force" brun --force "$R/bad.buckle" -- true
expect_rc "run: --force runs anyway" 0
# a sandbox-exec that cannot be started is buckle's failure (125), not the command's
run "run: no sandbox-exec" env BUCKLE_SANDBOX_EXEC="$R/no-such-sandbox-exec" "$B" run "$agent" -- true
expect_rc "run: a missing sandbox-exec is 125" 125
expect_err_has "run: says which" "cannot run $R/no-such-sandbox-exec"
run "run: not found" brun "$agent" -- no-such-command-xyz
expect_rc "run: command not found is 127" 127
printf '#!/bin/sh\n' >"$R/noexec"; chmod 0644 "$R/noexec"
run "run: not executable" brun "$agent" -- "$R/noexec"
expect_rc "run: command not executable is 126" 126
run "run: dry-run" brun --dry-run "$agent" -- echo hi
expect_rc "run: --dry-run exit" 0
expect_out_has "run: --dry-run prints argv" "$SXA -f $PD/buckle-"
expect_out_has "run: --dry-run prints the profile path" "profile: $PD/buckle-"
[ -n "$(profiles)" ] && pass "run: --dry-run keeps the file it names" || fail "run: --dry-run keeps the file it names" "$(ls "$PD")"
rm -f "$PD"/buckle-*.sb
run "run: keep" brun --keep-profile "$agent" -- true
expect_err_has "run: --keep-profile says where" "kept $PD/buckle-"
[ -n "$(profiles)" ] && pass "run: --keep-profile keeps it" || fail "run: --keep-profile keeps it" "gone"
rm -rf "$PD"

# self-protection, checked by the evaluator in the stand-in, for every corpus
# profile, an (allow default) .sb and a profile that allows writes to all of $TMPDIR
printf '(version 1)\n(allow default)\n' >"$R/open.sb"
printf 'files { allow write "$TMPDIR"; allow write "/"; }\nmisc { allow file-write-data; }\n' >"$R/tmpw.buckle"
printf '(version 1)\n(deny default)\n(allow file-write* (subpath "/private/var/folders") (subpath "%s"))\n(allow file-write-data file-write-unlink fs-rename)\n(allow process-exec (subpath "/usr/bin") (subpath "/bin"))\n(allow file-read* (subpath "/usr/bin") (subpath "/bin"))\n' "$R" >"$R/tmpw.sb"
mkdir -p "$R/wrap"
for f in $(ls corpus/examples/*.buckle) $(find corpus/std -name '*.buckle' | sort) "$R/open.sb" "$R/tmpw.buckle" "$R/tmpw.sb"; do
    # the stand-in also checks that the profile's own source cannot be changed
    src=$(abspath "$f")
    run_f=$f
    case "$f" in *.buckle)
        # run through a profile that extends it and allows the command
        run_f="$R/wrap/$(echo "$f" | tr / _)"
        printf "extends \"$src\";\n$XOK" >"$run_f";;
    esac
    : >"$LOG"
    run "protect: $f" env STANDIN_SOURCES="$src" STANDIN_LOG="$LOG" BUCKLE_SANDBOX_EXEC="$SXA" "$B" run --force -D OUT=/tmp -D REPORT=/tmp/r "$run_f" -- true
    grep -q "self-protection holds" "$LOG" && grep -q "source protected: $src" "$LOG" && pass "protect: $f" || fail "protect: $f" "$(cat "$LOG") $(head -c 300 "$TMP/err")"
    # again: a lint-clean profile now comes from the run cache
    : >"$LOG"
    run "protect (cached): $f" env STANDIN_SOURCES="$src" STANDIN_LOG="$LOG" BUCKLE_SANDBOX_EXEC="$SXA" "$B" run --force -D OUT=/tmp -D REPORT=/tmp/r "$run_f" -- true
    grep -q "self-protection holds" "$LOG" && grep -q "source protected: $src" "$LOG" && pass "protect (second run): $f" || fail "protect (second run): $f" "$(cat "$LOG") $(head -c 300 "$TMP/err")"
done
# the help lists every derived parameter, from the table the compiler uses
run "run: help" "$BUCKLE" run --help
for s in re ancestors dir pdir pre root rootre up uproot ifroot ifalias ifnotroot; do
    expect_out_has "run: the help names NAME.$s" "NAME.$s"
done
