# run_plant.sh - a sandboxed command must not be able to choose the next
# command's profile by planting a file where the next compilation looks
# (docs/runner.md, "What is protected"): an extends candidate searched
# before the one that was found, a missing -I directory, the standard
# library directory beside the binary, an .sb import.  The stand-in asks the
# evaluator whether the profile the runner wrote denies the plant.
. tests/lib.sh
runner_env
fresh_dir plant tmp proj/inc shared
export TMPDIR="$R/tmp"
LOG="$R/log"
XOK='process { allow exec "/usr/bin", "/bin"; }\nfiles { allow read "/usr/bin", "/bin"; }\n'
# the project: its profile lets the command write everywhere (the protection
# must hold whatever the profile allows; a project directory is what almost
# every profile lets it write), and extends a shared base
printf 'extends "lib";\nfiles { allow write "/"; allow read "$WORKDIR"; }\n'"$XOK" >"$R/proj/p.buckle"
printf 'files { allow read "/opt/shared"; }\n' >"$R/shared/lib.buckle"
cd "$R/proj" || exit 1
check() {  # NAME PATHS(colon-separated) [buckle run options...]
    _n=$1; _p=$2; shift 2
    : >"$LOG"
    run "$_n" env STANDIN_CHECK_WRITE="$_p" STANDIN_LOG="$LOG" BUCKLE_SANDBOX_EXEC="$SXA" "$B" run "$@"
    if [ "$RC" -eq 0 ] && ! grep -q FAILED "$LOG" && [ "$(grep -c '^write denied: ' "$LOG")" -eq "$(echo "$_p" | tr ':' '\n' | grep -c .)" ]; then
        pass "$_n"
    else
        fail "$_n" "rc $RC: $(cat "$LOG") $(head -c 300 "$TMP/err")"
    fi
}

# 1. an -I directory searched before the one that holds the base
check "plant: a base planted in an earlier -I directory is denied" "$R/proj/inc/lib.buckle" \
    -I "$R/proj/inc" -I "$R/shared" p.buckle -- true
check "plant: (again, from the run cache)" "$R/proj/inc/lib.buckle" -I "$R/proj/inc" -I "$R/shared" p.buckle -- true
# the other profiles of the project: a base's directory whole (a profile
# planted or rewritten there is the next run's), and beside a profile kept
# in the working directory itself, the profiles (and .buckle-lint.conf) only
printf 'files { allow read "/opt"; }\n' >"$R/shared/other.buckle"
printf 'extends "lib";\n' >"$R/proj/test.buckle"
check "plant: a base's directory is unwritable whole (a sibling, a new file, a subdirectory)" \
    "$R/shared/other.buckle:$R/shared/new.buckle:$R/shared/sub/x.buckle" -I "$R/shared" --no-cache p.buckle -- true
check "plant: beside a profile in the working directory, its sibling profiles are unwritable" \
    "$R/proj/test.buckle" -I "$R/shared" --no-cache p.buckle -- true
: >"$LOG"
run "plant: project files" env STANDIN_CHECK_WRITE="$R/proj/notes.txt" STANDIN_LOG="$LOG" BUCKLE_SANDBOX_EXEC="$SXA" "$B" run -I "$R/shared" --no-cache p.buckle -- true
if grep -q "^write denied: " "$LOG"; then fail "plant: the project's other files stay writable" "$(cat "$LOG")"
else pass "plant: the project's other files stay writable"; fi
rm -f "$R/shared/other.buckle" "$R/proj/test.buckle"
# the -I directory does not exist yet: creating it is denied too
check "plant: a missing -I directory cannot be created" "$R/proj/gen:$R/proj/gen/lib.buckle" \
    -I "$R/proj/gen" -I "$R/shared" p.buckle -- true
# ... nor in another case: on a case-insensitive volume (the macOS default)
# inc/LIB.buckle or GEN/ would be found by the next lookup
check "plant: a case variant of a planted base is denied" "$R/proj/inc/LIB.buckle:$R/proj/inc/lib.Buckle" \
    -I "$R/proj/inc" -I "$R/shared" p.buckle -- true
check "plant: a case variant of a missing -I directory is denied" "$R/proj/GEN:$R/proj/Gen/lib.buckle" \
    -I "$R/proj/gen" -I "$R/shared" p.buckle -- true
# $BUCKLE_PATH is searched before the standard library
BUCKLE_PATH="$R/proj/bp:$R/shared"
export BUCKLE_PATH
check "plant: BUCKLE_PATH candidates are protected" "$R/proj/bp:$R/proj/bp/lib.buckle" p.buckle -- true
unset BUCKLE_PATH
# the standard library beside the binary: <exe>/../share/buckle comes first
printf 'extends "std/base";\nfiles { allow write "/"; }\n'"$XOK" >"$R/proj/s.buckle"
share="$(cd "$(dirname "$B")/.." && pwd -P)/share/buckle/std/base.buckle"
if [ ! -e "$share" ]; then
    check "plant: std/base planted beside the binary is denied" "$share" s.buckle -- true
fi

# the attack end to end: the command plants the base; the run must have
# denied it (above); here the planted file would win the next compilation,
# which is why it must be protected
run "plant: the plant would change the next profile" sh -c '
    printf "files { allow write \"/\"; }\n" >inc/lib.buckle
    "$0" compile -I ./inc -I "$1" p.buckle' "$B" "$R/shared"
expect_out_has "plant: (the planted base is what a compilation picks)" 'subpath "/"'
rm -f inc/lib.buckle

# 2. an .sb import: every place it is looked for is protected
printf '(version 1)\n(deny default)\n(allow process-exec (subpath "/usr/bin") (subpath "/bin"))\n(allow file-read* (subpath "/usr/bin") (subpath "/bin"))\n' >"$R/shared/lib.sb"
printf '(version 1)\n(import "lib.sb")\n(allow file-write* (subpath "%s"))\n' "$R/proj" >"$R/proj/imp.sb"
STANDIN_IMPORT_DIRS="$R/proj/inc:$R/shared"
export STANDIN_IMPORT_DIRS
check "plant: an .sb import searched in an earlier -I directory is denied" \
    "$R/proj/inc/lib.sb:$R/shared/lib.sb:$R/proj/lib.sb" --force -I "$R/proj/inc" -I "$R/shared" imp.sb -- true
# an import whose path depends on a parameter: found where the run's own
# values put it, and protected there
mkdir -p "$R/proj/sub"
printf '(version 1)\n(import (string-append (param "WORKDIR") "/lib2.sb"))\n(allow file-write* (subpath "%s"))\n' "$R/proj" >"$R/proj/sub/pimp.sb"
cp "$R/shared/lib.sb" "$R/proj/sub/lib2.sb"
cd "$R/proj/sub" || exit 1
check "plant: an import named by a parameter is protected where the run's values put it" "$R/proj/sub/lib2.sb" --force pimp.sb -- true
