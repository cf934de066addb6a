# landlock_path_shadows.sh - an activated virtual environment puts
# $WORKDIR/.venv/bin first in PATH (direnv's PATH_add bin the project's
# bin): a `git` the command makes there is what the user's next `git`
# runs, outside any sandbox.  A new name in a PATH directory the command
# may write, which a later PATH directory holds a program of, fails the run
# and is moved aside; a new name that shadows nothing, one that was there
# before, and a link to the very program it shadows, do not
# (docs/linux.md, "buckle found through PATH").  Live.
. tests/lib.sh
linux_only "path shadows"
runner_env
unset BUCKLE_SANDBOX_EXEC
R="$TMP/llpathsh"
rm -rf "$R"
mkdir -p "$R/proj/.venv/bin" "$R/home" "$R/prof" "$R/tmp" "$R/sys"
R=$(cd "$R" && pwd -P)
printf 'extends "std/agent";\nfiles { allow read "%s"; }\nprocess { allow exec "%s"; }\n' "$R/sys" "$R/sys" >"$R/prof/agent.buckle"
printf '#!/bin/sh\necho REAL\n' >"$R/sys/gitx" && chmod +x "$R/sys/gitx"
printf '#!/bin/sh\necho PIP\n' >"$R/proj/.venv/bin/pipx" && chmod +x "$R/proj/.venv/bin/pipx"
cp "$R/sys/gitx" "$R/sys/pipx"
A=--linux-accept=files,new-paths
export HOME="$R/home" TMPDIR="$R/tmp"
P="$R/proj/.venv/bin:$R/sys:/usr/bin:/bin"
cd "$R/proj" || exit 1
run "path shadows: probe" env PATH="$P" "$B" run $A "$R/prof/agent.buckle" -- true
landlock_or_exit "path shadows"
expect_rc "path shadows: nothing made: the run goes on" 0
run "path shadows: plant" env PATH="$P" "$B" run $A "$R/prof/agent.buckle" -- sh -c 'printf "#!/bin/sh\necho FAKE\n" >.venv/bin/gitx; chmod +x .venv/bin/gitx'
expect_rc "path shadows: a gitx made in .venv/bin, before the PATH directory of gitx, fails the run" 125
expect_err_has "path shadows: ... naming it" "$R/proj/.venv/bin/gitx exists after the run: it did not exist when the command started, and PATH finds it before $R/sys/gitx"
expect_err_has "path shadows: ... moving it aside" "moved aside to $R/proj/.venv/bin/gitx.planted-"
[ -e "$R/proj/.venv/bin/gitx" ] && fail "path shadows: ... so the next gitx is the real one" "still there" \
    || pass "path shadows: ... so the next gitx is the real one"
rm -f "$R"/proj/.venv/bin/gitx*
run "path shadows: own" env PATH="$P" "$B" run $A "$R/prof/agent.buckle" -- sh -c 'printf "#!/bin/sh\necho NEW\n" >.venv/bin/mytool; chmod +x .venv/bin/mytool; echo "# upgraded" >>.venv/bin/pipx; ln -s /bin/sh .venv/bin/sh'
expect_rc "path shadows: a new program that shadows nothing, one rewritten that was there, a link to the one it shadows: the run goes on" 0
cd / && rm -rf "$R"
