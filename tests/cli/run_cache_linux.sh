# run_cache_linux.sh - the run cache of `buckle run` on Linux (docs/runner.md,
# docs/linux.md): a warm run takes the Landlock plan from the cache and
# decides as a cold run would; whatever the plan looked at that changed
# (an entry made in a directory granted one by one, a file a glob matches,
# a source) makes it plan again; nothing inside the sandbox can change what
# the next run enforces.  Live, like landlock.sh.
. tests/lib.sh
linux_only "run cache (linux)"
runner_env
unset BUCKLE_SANDBOX_EXEC
# the plans below grant directories one by one around a deny, as where no
# user namespace can be made (the test build's hook); the plan with mounts
# at the end
BUCKLE_TEST_NO_USERNS=1
export BUCKLE_TEST_NO_USERNS
CD="$BUCKLE_TEST_CACHE_PARENT/buckle-cache-$(id -u)"
rm -rf "$CD"
R="$TMP/llcache"
rm -rf "$R"
mkdir -p "$R/proj/sub" "$R/proj/secret" "$R/glob" "$R/prof" "$R/tmp"
R=$(cd "$R" && pwd -P)
export TMPDIR="$R/tmp"
echo a >"$R/proj/a.txt"
echo k >"$R/proj/secret/k"
echo one >"$R/glob/one.txt"
printf 'files { allow read "/usr", "/etc", "/dev"; }\n' >"$R/prof/base.buckle"
cat >"$R/prof/p.buckle" <<EOP
extends "./base";
default deny;
files {
    allow read "$R/proj", "$R/prof";
    allow write "$R/proj", "$R/prof";
    deny write "$R/proj/secret";
    allow read glob "$R/glob/*.txt";
    allow write literal "/dev/null";
}
process {
    allow exec "/usr/bin", "/usr/lib";
    allow fork;
}
EOP
P="$R/prof/p.buckle"
A=--linux-accept=files,ipc
brun() { "$B" run -v $A "$P" -- "$@"; }
# how the last run got its plan
how() {  # NAME WANT(cached|planned)
    if grep -q "the plan from the run cache" "$TMP/err"; then got=cached
    elif grep -q "^buckle run: compile .* plan " "$TMP/err"; then got=planned; else got=none; fi
    [ "$got" = "$2" ] && pass "$1" || fail "$1" "got $got, want $2: $(head -c 600 "$TMP/err")"
}
# a directory the plan read is read again by the runs that use the plan
# when its times moved, or when they had moved less than two seconds before
# the planning; an older one is trusted while its times stand
settle() { sleep 3; }

run "llcache: a profile runs" brun /usr/bin/true
landlock_or_exit "run cache (linux)"
expect_rc "llcache: a first run exits 0" 0
run "llcache: just made" brun /usr/bin/true
how "llcache: a plan that read directories changed a moment ago is used (they are read again)" cached
settle
: >"$R/proj/.fresh"; rm -f "$R/proj/.fresh"; rm -rf "$CD"
settle
run "llcache: cold" brun /usr/bin/true
how "llcache: a cold run plans" planned
grep -v '^buckle run: \(compile\|the plan\)' "$TMP/err" >"$R/cold.txt"
[ -n "$(ls "$CD"/cache-*.bc 2>/dev/null)" ] && pass "llcache: an entry is stored" || fail "llcache: an entry is stored" "$(ls -la "$CD" 2>&1)"
run "llcache: warm" brun /usr/bin/true
expect_rc "llcache: a warm run exits 0" 0
how "llcache: the next run takes the plan from the cache" cached
grep -v '^buckle run: \(compile\|the plan\)' "$TMP/err" >"$R/warm.txt"
expect_same "llcache: a warm run says what the cold run said, rule by rule" "$R/cold.txt" "$R/warm.txt"
run "llcache: warm, quiet" "$B" run $A "$P" -- /usr/bin/true
[ "$(grep -vc '^buckle run: nothing new can be created directly in' "$TMP/err")" -eq 1 ] && grep -q "^buckle run: landlock ABI" "$TMP/err" \
    && pass "llcache: a warm run prints the one-line summary" || fail "llcache: a warm run prints the one-line summary" "$(cat "$TMP/err")"

# enforcement from the cache: the deny inside the allowed directory holds
run "llcache: warm write" brun /usr/bin/sh -c "echo x >'$R/proj/a.txt'"
how "llcache: (warm write is warm)" cached
expect_rc "llcache: a warm run allows what the profile allows" 0
run "llcache: warm deny" brun /usr/bin/sh -c "echo x >'$R/proj/secret/k'"
how "llcache: (warm deny is warm)" cached
[ "$RC" -ne 0 ] && [ "$(cat "$R/proj/secret/k")" = k ] && pass "llcache: a warm run keeps the deny inside an allowed directory" \
    || fail "llcache: a warm run keeps the deny inside an allowed directory" "rc $RC: $ERR"

# an entry made and removed again: the directory's times moved, its entries
# are the same, the plan holds
: >"$R/proj/tmp.$$"; rm -f "$R/proj/tmp.$$"
run "llcache: churn" brun /usr/bin/true
how "llcache: an entry made and removed again leaves the plan in use" cached

# a new entry in a directory granted one by one: a cold run grants it, so
# the warm run must plan again and decide the same
echo b >"$R/proj/b.txt"
run "llcache: new entry" brun /usr/bin/sh -c "echo y >'$R/proj/b.txt'"
how "llcache: a new entry in a directory granted one by one is a miss" planned
expect_rc "llcache: the new entry is granted as a cold run grants it" 0
run "llcache: new entry, no cache" "$B" run --no-cache $A "$P" -- /usr/bin/sh -c "echo z >'$R/proj/b.txt'"
expect_rc "llcache: (the same with --no-cache)" 0
run "llcache: new entry, warm" brun /usr/bin/true
how "llcache: the plan made with the new entry is used next" cached
# the directory's mtime set back: its ctime still moved
touch -r "$R/proj/a.txt" "$R/proj/sub"
mtime=$(stat -c %y "$R/proj")
echo c >"$R/proj/c.txt"
touch -d "$mtime" "$R/proj"
run "llcache: mtime reset" brun /usr/bin/sh -c "echo y >'$R/proj/c.txt'"
how "llcache: an entry made and the directory's mtime set back is still a miss" planned
expect_rc "llcache: (and the entry is granted)" 0

# a file a glob matches at launch
run "llcache: glob store" brun /usr/bin/cat "$R/glob/one.txt"
run "llcache: glob warm" brun /usr/bin/cat "$R/glob/one.txt"
how "llcache: (glob: warm)" cached
echo two >"$R/glob/two.txt"
run "llcache: glob new" brun /usr/bin/cat "$R/glob/two.txt"
how "llcache: a new file a glob matches is a miss" planned
expect_rc "llcache: the new file the glob matches is readable, as in a cold run" 0
expect_out_has "llcache: (its content)" "two"

# an entry replaced: a directory granted whole becomes a link elsewhere
run "llcache: link store" brun /usr/bin/true
how "llcache: (link: warm)" cached
mkdir -p "$R/outside"
rmdir "$R/proj/sub" && ln -s "$R/outside" "$R/proj/sub"
run "llcache: link" brun /usr/bin/sh -c "echo x >'$R/proj/sub/f'"
how "llcache: an entry replaced by a link is a miss" planned
[ ! -e "$R/outside/f" ] && pass "llcache: the link's target is not granted" || fail "llcache: the link's target is not granted" "$R/outside/f written"

# the sources: the sandbox cannot write them (the profile allows writing
# their directory), on a warm run as on a cold one
run "llcache: source store" brun /usr/bin/true
run "llcache: source warm" brun /usr/bin/sh -c "echo 'files { allow read \"/\"; }' >>'$R/prof/base.buckle'"
how "llcache: (source: warm)" cached
grep -q 'allow read "/"' "$R/prof/base.buckle" && fail "llcache: a warm run keeps the sources unwritable" "base.buckle was changed" \
    || pass "llcache: a warm run keeps the sources unwritable"
run "llcache: source new" brun /usr/bin/sh -c "echo x >'$R/prof/new.buckle'"
[ ! -e "$R/prof/new.buckle" ] && pass "llcache: a warm run keeps the sources' directory from new entries" \
    || fail "llcache: a warm run keeps the sources' directory from new entries" "created"
# nor the run cache
run "llcache: cache dir" brun /usr/bin/sh -c "echo x >'$CD/made'; echo x >>'$CD/planted'; for f in '$CD'/cache-*.bc; do echo x >>\"\$f\"; done"
[ ! -e "$CD/made" ] && ! grep -qx x "$CD/planted" 2>/dev/null && pass "llcache: the sandbox cannot write into the run cache (nor its record of plants)" \
    || fail "llcache: the sandbox cannot write into the run cache (nor its record of plants)" "made"
run "llcache: after" brun /usr/bin/true
how "llcache: the entries are intact after the sandbox tried" cached
# a source changed from outside: planned again, with the new rule
printf 'files { allow read "/usr", "/etc", "/dev", "%s/outside"; }\n' "$R" >"$R/prof/base.buckle"
echo out >"$R/outside/o.txt"
run "llcache: source changed" brun /usr/bin/cat "$R/outside/o.txt"
how "llcache: a changed source is a miss" planned
expect_rc "llcache: the changed source is enforced" 0

# a forged entry (its body changed, its digest not): never used
run "llcache: forge store" brun /usr/bin/true
how "llcache: (forge: warm)" cached
# one hex digit of a grant's access rights changed in place: same size,
# same file, same mode
for f in "$CD"/cache-*.bc; do
    off=$(grep -boa '^G [0-9a-f]' "$f" | head -1 | cut -d: -f1)
    [ -n "$off" ] || continue
    c=$(dd if="$f" bs=1 skip=$((off + 2)) count=1 2>/dev/null)
    [ "$c" = f ] && n=e || n=f
    printf '%s' "$n" | dd of="$f" bs=1 seek=$((off + 2)) conv=notrunc 2>/dev/null
done
run "llcache: forged" brun /usr/bin/true
how "llcache: an entry whose body does not match its digest is a miss" planned
expect_rc "llcache: (and the run plans)" 0

# /proc, whose process entries come and go without its times moving: the
# plan keeps its other entries (read again at every use) and the command's
# own /proc/PID as "the running process's", which a warm run grants to itself
printf 'default deny;\nfiles { allow read "/usr", "/proc"; }\nprocess { allow exec "/usr/bin", "/usr/lib"; }\n' >"$R/prof/proc.buckle"
"$B" run $A "$R/prof/proc.buckle" -- /usr/bin/true 2>/dev/null
run "llcache: proc" "$B" run -v $A "$R/prof/proc.buckle" -- /usr/bin/head -1 /proc/self/status
how "llcache: a plan that reads /proc one by one is kept" cached
expect_rc "llcache: (proc: the warm command reads its own /proc/self)" 0
expect_out_has "llcache: (proc: its own status)" "head"
run "llcache: proc, other" "$B" run -v $A "$R/prof/proc.buckle" -- /usr/bin/cat /proc/1/status
how "llcache: (proc, other: warm)" cached
[ "$RC" -ne 0 ] && grep -q "Permission denied" "$TMP/err" && pass "llcache: a warm run still denies another process's /proc/PID" \
    || fail "llcache: a warm run still denies another process's /proc/PID" "rc $RC: $(head -c 600 "$TMP/err")"
run "llcache: proc, no cache" "$B" run --no-cache -v $A "$R/prof/proc.buckle" -- /usr/bin/head -1 /proc/self/status
sed -n 's/^\(buckle run: landlock ABI.*\)/\1/p' "$TMP/err" >"$R/proc-cold.txt"
run "llcache: proc, warm again" "$B" run -v $A "$R/prof/proc.buckle" -- /usr/bin/head -1 /proc/self/status
sed -n 's/^\(buckle run: landlock ABI.*\)/\1/p' "$TMP/err" >"$R/proc-warm.txt"
expect_same "llcache: a warm /proc plan grants as many paths as a cold one" "$R/proc-cold.txt" "$R/proc-warm.txt"
# std/base allows reading /proc: a profile that extends it is kept too
printf 'extends "std/base";\ndefault deny;\nprocess { allow exec "/usr/bin"; }\n' >"$R/prof/std.buckle"
"$B" run $A "$R/prof/std.buckle" -- /usr/bin/true 2>/dev/null
run "llcache: std/base" "$B" run -v $A "$R/prof/std.buckle" -- /usr/bin/head -1 /proc/self/status
how "llcache: a profile that extends std/base takes its plan from the cache" cached
expect_rc "llcache: (std/base: warm run exits 0)" 0
# a rule that names one process's entries plans the command's own unlike
# another's: such a plan is not kept
printf 'default deny;\nfiles { allow read "/usr", "/proc"; deny read literal "/proc/999999999/environ"; }\nprocess { allow exec "/usr/bin", "/usr/lib"; }\n' >"$R/prof/pid2.buckle"
"$B" run $A "$R/prof/pid2.buckle" -- /usr/bin/true 2>/dev/null
run "llcache: per pid" "$B" run -v $A "$R/prof/pid2.buckle" -- /usr/bin/true
how "llcache: a plan with a rule that names a process's entries is made at every run" planned
expect_err_has "llcache: -v names the rule" "by the rule at $R/prof/pid2.buckle:2, one process's /proc/PID may be planned unlike another's"
# a path under /proc/PID names one process: not kept for the next run's
printf 'default deny;\nfiles { allow read "/usr", "/proc/1"; }\nprocess { allow exec "/usr/bin", "/usr/lib"; }\n' >"$R/prof/pid.buckle"
"$B" run $A "$R/prof/pid.buckle" -- /usr/bin/true 2>/dev/null
run "llcache: pid" "$B" run -v $A "$R/prof/pid.buckle" -- /usr/bin/true
how "llcache: a plan that names /proc/PID is made at every run" planned
expect_err_has "llcache: -v says it names a process" "is not kept in the run cache: it names /proc/1"

# a declared default built from the run's values: worked out by a cold run
# and again by every warm one (one expansion, the same for both)
mkdir -p "$R/t1" "$R/t2"
printf 'default deny;\nparam OUTD = "${TMPDIR}/outd";\nfiles { allow read "/usr", "/etc", "/dev", "$OUTD"; allow write "$OUTD"; }\nprocess { allow exec "/usr/bin", "/usr/lib"; }\n' >"$R/prof/def.buckle"
# (the run's TMPDIR: a directory of its own in each)
D1=$(TMPDIR="$R/t1" "$B" run $A "$R/prof/def.buckle" -- /usr/bin/sh -c 'echo $TMPDIR' 2>/dev/null)
D2=$(TMPDIR="$R/t2" "$B" run $A "$R/prof/def.buckle" -- /usr/bin/sh -c 'echo $TMPDIR' 2>/dev/null)
mkdir -p "$D1/outd" "$D2/outd"
TMPDIR="$R/t1" "$B" run $A "$R/prof/def.buckle" -- /usr/bin/true 2>/dev/null
run "llcache: default warm" env TMPDIR="$R/t1" "$B" run -v $A "$R/prof/def.buckle" -- /usr/bin/sh -c "echo a >'$D1/outd/f'"
how "llcache: (default: warm)" cached
expect_rc "llcache: a declared default from TMPDIR is granted on a warm run" 0
run "llcache: default other" env TMPDIR="$R/t2" "$B" run -v $A "$R/prof/def.buckle" -- /usr/bin/sh -c "echo b >'$D2/outd/f'; echo c >'$D1/outd/g'"
[ -f "$D2/outd/f" ] && [ ! -e "$D1/outd/g" ] && pass "llcache: with another TMPDIR the default follows it (the old value is not granted)" \
    || fail "llcache: with another TMPDIR the default follows it (the old value is not granted)" "rc $RC: $ERR"

# a grant inside a granted directory with no right of its own (its rights
# are the directory's): no rule of its own, checked all the same, so a
# warm run still notices that it was replaced
mkdir -p "$R/nest/in"
echo n1 >"$R/nest/in/f"
printf 'default deny;\nfiles { allow read "/usr", "/etc", "%s/nest", "%s/nest/in"; }\nprocess { allow exec "/usr/bin", "/usr/lib"; }\n' "$R" "$R" >"$R/prof/nest.buckle"
"$B" run $A "$R/prof/nest.buckle" -- /usr/bin/true 2>/dev/null
run "llcache: nested grant" "$B" run -v $A "$R/prof/nest.buckle" -- /usr/bin/cat "$R/nest/in/f"
how "llcache: (nested: warm)" cached
expect_out_has "llcache: a grant inside a granted directory reads on a warm run" "n1"
mv "$R/nest/in" "$R/nest-old"    # kept: its inode is not reused
mkdir "$R/nest/in"
echo n2 >"$R/nest/in/f"
run "llcache: nested replaced" "$B" run -v $A "$R/prof/nest.buckle" -- /usr/bin/cat "$R/nest/in/f"
how "llcache: a grant inside a granted directory that was replaced is a miss" planned
expect_out_has "llcache: (nested replaced: read as planned again)" "n2"

# default allow: planned from /, around buckle's own files, so every
# directory on the way to one is read (here /, the temporary directory,
# $R/open around the profile's directory); the plan is kept, and used while
# none of them gained or lost an entry (on a busy machine /tmp seldom
# stays so for long: a few tries); a new entry in one is a miss, granted as
# a cold run grants it, and -v says why the plan was not used
mkdir -p "$R/open/prof"
printf 'default allow;\n' >"$R/open/prof/open.buckle"
OP="$R/open/prof/open.buckle"
"$B" run --linux-accept=files "$OP" -- /usr/bin/true 2>/dev/null
# warm NAME PROFILE: the plan is taken from the cache within a few tries;
# where every try missed because a directory outside the test's own
# changed (the machine's /tmp, busy with other processes), not a failure
warm() {
    for try in 1 2 3 4 5 6 7 8; do
        "$B" run -v --linux-accept=files "$2" -- /usr/bin/true >/dev/null 2>"$TMP/err"
        grep -q "the plan from the run cache" "$TMP/err" && { pass "$1"; return; }
    done
    why=$(sed -n 's/^buckle run: the plan in the run cache was not used: //p' "$TMP/err")
    case "$why" in
    "an entry was made, removed or renamed in $R"*|"") fail "$1" "8 tries planned again: $why $(grep 'not kept' "$TMP/err")" ;;
    "an entry was made, removed or renamed in "*) skip "$1" "every try missed: $why" ;;
    *) fail "$1" "8 tries planned again: $why" ;;
    esac
}
warm "llcache: default allow: the plan is kept and used" "$OP"
mkdir "$R/open/new"
run "llcache: default allow, a new entry" "$B" run -v --linux-accept=files "$OP" -- /usr/bin/sh -c "echo x >'$R/open/new/f' && echo written"
how "llcache: default allow: a new entry in a directory it read is a miss" planned
expect_err_has "llcache: ... and -v says why the plan was not used" "buckle run: the plan in the run cache was not used: an entry was made, removed or renamed in "
expect_out_has "llcache: ... and the new entry is granted, as on a cold run" "written"

# default allow with a deny of writing everywhere but the outputs
# (corpus/examples/build-sandbox.buckle's way): beneath the deny nothing is
# the default's to grant, so nothing there is listed (not every directory
# of the machine, /dev/pts and /proc among them, whose listings cannot be
# trusted: such a plan would never be kept), and the plan is kept
mkdir -p "$R/open/out"
printf 'default allow;\nfiles {\n    deny write "/";\n    allow write "%s/open/out", literal "/dev/null";\n}\n' "$R" >"$R/open/prof/build.buckle"
BP="$R/open/prof/build.buckle"
run "llcache: build sandbox cold" "$B" run -v --linux-accept=files "$BP" -- /usr/bin/sh -c "echo x >'$R/open/out/f' && echo written; echo y >'$R/open/f' || echo refused"
expect_out_has "llcache: default allow, deny write \"/\": the outputs are written" "written"
expect_out_has "llcache: ... elsewhere writing is refused" "refused"
grep -q "is not kept in the run cache" "$TMP/err" && fail "llcache: ... and the plan is kept" "$(grep 'not kept' "$TMP/err")" \
    || pass "llcache: ... and the plan is kept"
n=$(sed -n 's/.*plan [0-9.]* ms (\([0-9]*\) entries looked at).*/\1/p' "$TMP/err")
[ -n "$n" ] && [ "$n" -lt 5000 ] && pass "llcache: ... having looked at a few entries, not the machine's ($n)" \
    || fail "llcache: ... having looked at a few entries, not the machine's ($n)" "$(grep 'entries looked at' "$TMP/err")"
warm "llcache: ... and used" "$BP"

# with the command's own namespace: the deny inside the allowed directory is
# a read-only mount, kept with the plan; the key tells the two plans apart
unset BUCKLE_TEST_NO_USERNS
settle
run "llcache: mounts cold" brun /usr/bin/true
how "llcache: with user namespaces, the plan is another one (planned)" planned
expect_err_has "llcache: ... with the mount" "mount: $R/proj/secret read-only"
run "llcache: mounts warm" brun /usr/bin/sh -c "echo x >'$R/proj/secret/k'"
how "llcache: ... then taken from the cache" cached
[ "$RC" -ne 0 ] && [ "$(cat "$R/proj/secret/k")" = k ] && grep -q "Read-only file system" "$TMP/err" \
    && pass "llcache: a warm run makes the mount (EROFS)" || fail "llcache: a warm run makes the mount (EROFS)" "rc $RC: $ERR"
run "llcache: hook again" env BUCKLE_TEST_NO_USERNS=1 "$B" run -v $A "$P" -- /usr/bin/true
grep -q "mount: " "$TMP/err" && fail "llcache: without user namespaces, a plan with mounts is never taken" "$(cat "$TMP/err")" \
    || pass "llcache: without user namespaces, a plan with mounts is never taken"
