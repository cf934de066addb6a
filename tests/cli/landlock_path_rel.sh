# landlock_path_rel.sh - a relative or empty PATH entry (`.`, `bin`, the
# empty one that is `.`) names a directory beneath whichever directory the
# user is in: with PATH=bin:$PATH, the user's next `git` in src/ runs
# src/bin/git.  A program the command makes beneath such an entry in any
# directory beneath the working directory, which a later PATH directory
# holds a program of, fails the run and is moved aside; one that shadows
# nothing, a file no one may run and a directory do not (docs/linux.md,
# "buckle found through PATH").  Live.
. tests/lib.sh
linux_only "path rel"
runner_env
unset BUCKLE_SANDBOX_EXEC
R="$TMP/llpathrel"
rm -rf "$R"
mkdir -p "$R/proj/src" "$R/home" "$R/prof" "$R/tmp" "$R/sys"
R=$(cd "$R" && pwd -P)
printf 'extends "std/agent";\nfiles { allow read "%s"; }\nprocess { allow exec "%s"; }\n' "$R/sys" "$R/sys" >"$R/prof/agent.buckle"
printf '#!/bin/sh\necho REAL\n' >"$R/sys/gitx" && chmod +x "$R/sys/gitx"
printf '#!/bin/sh\necho OLD\n' >"$R/proj/src/pipx" && chmod +x "$R/proj/src/pipx"
cp "$R/sys/gitx" "$R/sys/pipx"
A=--linux-accept=files,new-paths
export HOME="$R/home" TMPDIR="$R/tmp"
MK='f=$1; mkdir -p "${f%/*}"; printf "#!/bin/sh\necho FAKE\n" >"$f"; chmod +x "$f"'
cd "$R/proj" || exit 1
run "path rel: probe" env PATH=".:$R/sys:/usr/bin:/bin" "$B" run $A "$R/prof/agent.buckle" -- true
landlock_or_exit "path rel"
expect_rc "path rel: nothing made: the run goes on" 0
for v in ".|src/gitx" "bin|src/a/bin/gitx" "|src/gitx" "./tools|src/tools/gitx"; do
    e=${v%%|*} f=${v#*|}
    run "path rel: plant" env PATH="$e:$R/sys:/usr/bin:/bin" "$B" run $A "$R/prof/agent.buckle" -- sh -c "$MK" sh "$f"
    expect_rc "path rel: PATH entry '$e': a gitx made as $f fails the run" 125
    expect_err_has "path rel: ... naming it ($f)" "$R/proj/$f exists after the run: it did not exist when the command started, and PATH finds it before $R/sys/gitx"
    expect_err_has "path rel: ... moving it aside ($f)" "moved aside to $R/proj/$f.planted-"
    [ -e "$R/proj/$f" ] && fail "path rel: ... so the next gitx there is the real one ($f)" "still there" \
        || pass "path rel: ... so the next gitx there is the real one ($f)"
    rm -f "$R/proj/$f".planted-*
done
run "path rel: own" env PATH=".:bin:$R/sys:/usr/bin:/bin" "$B" run $A "$R/prof/agent.buckle" -- sh -c "$MK"'; mkdir -p src/d/gitx src/e src/bin; echo data >src/e/gitx; echo "# upgraded" >>src/pipx; ln -s '"$R/sys/gitx"' src/bin/gitx' sh src/b/mytool
expect_rc "path rel: a new program that shadows nothing, a directory or a file no one may run of a program's name, one rewritten that was there, a link to the one it shadows: the run goes on" 0
run "path rel: absolute" env PATH="$R/sys:/usr/bin:/bin" "$B" run $A "$R/prof/agent.buckle" -- sh -c "$MK" sh src/bin/gitx
expect_rc "path rel: no relative entry: a gitx beneath the project is the project's" 0
cd / && rm -rf "$R"
