# run_plant_self.sh - macOS's side (SBPL, through the stand-in, which asks
# the evaluator whether the profile the runner wrote denies each write):
# buckle's own executable and the whole of its standard library directories
# are protected whatever profile runs, even one that extends nothing and
# allows writing everywhere (docs/runner.md, "What is protected"); Linux's
# side is tests/cli/landlock_self.sh.
. tests/lib.sh
runner_env
R="$TMP/plantself"
rm -rf "$R"
mkdir -p "$R/tmp" "$R/proj"
R=$(cd "$R" && pwd -P)
export TMPDIR="$R/tmp"
LOG="$R/log"
printf 'files { allow write "/"; allow read "/usr/bin", "/bin"; }\nprocess { allow exec "/usr/bin", "/bin"; }\n' >"$R/proj/p.buckle"
cd "$R/proj" || exit 1
EXE=$(cd "$(dirname "$B")" && pwd -P)/$(basename "$B")
TOP=$(cd "$(dirname "$EXE")/.." && pwd -P)
check() {  # NAME PATHS(colon-separated)
    : >"$LOG"
    run "$1" env STANDIN_CHECK_WRITE="$2" STANDIN_LOG="$LOG" BUCKLE_SANDBOX_EXEC="$SXA" "$B" run p.buckle -- true
    if [ "$RC" -eq 0 ] && ! grep -q FAILED "$LOG" && [ "$(grep -c '^write denied: ' "$LOG")" -eq "$(echo "$2" | tr ':' '\n' | grep -c .)" ]; then
        pass "$1"
    else
        fail "$1" "rc $RC: $(cat "$LOG") $(head -c 300 "$TMP/err")"
    fi
}
check "plant self: buckle's own executable cannot be written or replaced" "$EXE"
# the standard library beside the binary (the build's: <exe>/../corpus),
# a base this profile does not extend, and a new one
if [ -d "$TOP/corpus/std" ]; then
    check "plant self: a standard library base the profile does not extend cannot be changed" "$TOP/corpus/std/agent.buckle:$TOP/corpus/std/dev/node.buckle"
    check "plant self: ... nor a new one added" "$TOP/corpus/std/planted.buckle:$TOP/corpus/std/new/x.buckle"
fi
# <exe>/../share/buckle comes first in the search and does not exist here
if [ ! -e "$TOP/share" ]; then
    check "plant self: the standard library directory searched first cannot be created" "$TOP/share:$TOP/share/buckle"
fi
check "plant self: (again, from the run cache)" "$EXE"
exit 0
