# run_search_dirs.sh - the directories `buckle run` searches for a base
# are absolute on the macOS path too (sandbox-exec, here its stand-in; a dry
# run too): a relative -I directory or $BUCKLE_PATH entry names another
# directory in each working directory, which an earlier run's command may
# have written (a run in the project planting sub/.bl/std/agent.buckle for
# the next run started in sub/), so the run is refused and nothing runs
# (docs/runner.md, "What is protected"; landlock_relative_search.sh covers
# Linux).
. tests/lib.sh
runner_env
R=$(mktemp -d "${TMPDIR:-/tmp}/buckle-searchdirs.XXXXXX")
R=$(cd "$R" && pwd -P)
trap 'rm -rf "$R"' EXIT
mkdir -p "$R/proj/.bl/std" "$R/proj/sub/.bl/std" "$R/tmp"
export TMPDIR="$R/tmp"
printf 'default allow;\n' >"$R/proj/sub/.bl/std/agent.buckle"
printf 'extends "std/agent";\n' >"$R/proj/p.buckle"
cd "$R/proj/sub" || exit 1
X="env BUCKLE_SANDBOX_EXEC=$SXA"
run "search dirs" $X BUCKLE_PATH=.bl "$B" run --no-cache ../p.buckle -- sh -c "echo RAN"
expect_rc "search dirs: a relative BUCKLE_PATH entry is refused" 125
expect_err_has "search dirs: ... naming it" "the entry .bl of BUCKLE_PATH: a relative directory is searched from the working directory"
expect_out_lacks "search dirs: ... and nothing ran" RAN
run "search dirs" $X BUCKLE_PATH="$R/proj/.bl::.bl" "$B" run --no-cache ../p.buckle -- sh -c "echo RAN"
expect_rc "search dirs: ... after an absolute and an empty one too" 125
expect_err_has "search dirs: ... naming it" "the entry .bl of BUCKLE_PATH"
run "search dirs" $X "$B" run --no-cache -I .bl ../p.buckle -- sh -c "echo RAN"
expect_rc "search dirs: a relative -I directory is refused" 125
expect_err_has "search dirs: ... saying how to give it" "-I .bl: a relative directory"
expect_err_has "search dirs: ... (absolute)" '(-I "$PWD/.bl")'
expect_out_lacks "search dirs: ... and nothing ran" RAN
run "search dirs" $X "$B" run --dry-run --no-cache -I ./.bl ../p.buckle -- true
expect_rc "search dirs: ... in a dry run too" 125
expect_err_has "search dirs: ... naming it" "-I ./.bl: a relative directory"
