# landlock_hardlinks.sh - files the command may write that have another
# name where the profile does not let it write (docs/linux.md, "Hard links
# beneath a write grant"), live under std/agent: a write would land on the
# file under every name, so such a run is refused (exit 125), naming the
# file, unless --linux-accept=hardlinks; links whose names are all in the
# project are left alone; a local git clone (objects linked to the origin's)
# is the realistic case.
. tests/lib.sh
agent_setup llhl "landlock hardlinks"
A="--no-cache --linux-accept=files,new-paths"
inrun() {  # ACCEPT DIR COMMAND
    run "landlock hardlinks" sh -c "cd '$2' && env HOME='$U/home' TMPDIR='$U/tmp' '$B' run $1 '$P' -- sh -c '$3'"
}
inrun "$A" "$U/w" true
landlock_or_exit "landlock hardlinks"
expect_rc "landlock hardlinks: a project without links runs" 0

# a file of the project that is also a file outside it
mkdir -p "$U/outside"
echo secret >"$U/outside/f"
ln "$U/outside/f" "$U/w/f"
inrun "$A" "$U/w" 'echo PWNED >f'
expect_rc "landlock hardlinks: a file with a name outside the grants refuses the run" 125
expect_err_has "landlock hardlinks: ... naming it" "1 file the command may write has another name (a hard link) where the profile does not let it write, such as $U/w/f"
expect_err_has "landlock hardlinks: ... with its names" "$U/w/f: 2 names, 1 of them where the command may write"
expect_err_has "landlock hardlinks: ... and the way out" "--linux-accept=hardlinks runs it anyway"
[ "$(cat "$U/outside/f")" = secret ] && pass "landlock hardlinks: ... and the file outside is unchanged" \
    || fail "landlock hardlinks: ... and the file outside is unchanged" "$(cat "$U/outside/f")"
inrun "$A,hardlinks -v" "$U/w" 'echo ran'
expect_rc "landlock hardlinks: --linux-accept=hardlinks runs it" 0
expect_err_has "landlock hardlinks: ... and -v says what was accepted" "(accepted: --linux-accept=hardlinks)"

# the same link under profiles that let the command write outside the
# project: one that still confines writing (a top-level directory more)
# is refused; one that writes everywhere runs, since every name is one it
# may write anyway; one that writes everywhere but the other name's
# directory is refused, one that denies elsewhere runs
if [ -d /opt ]; then
    printf 'extends "std/agent";\nfiles { allow write "/opt"; }\n' >"$U/prof/opt.buckle"
    # (in an environment of its own: a variable naming a place in /opt,
    # PIP_FIND_LINKS=/opt/wheels, would have the run refused first)
    run "landlock hardlinks" sh -c "cd '$U/w' && env -i PATH='$PATH' HOME='$U/home' TMPDIR='$U/tmp' '$B' run $A '$U/prof/opt.buckle' -- sh -c 'echo PWNED >f'"
    expect_rc "landlock hardlinks: a profile that writes /opt too refuses the link" 125
    expect_err_has "landlock hardlinks: ... naming it" "such as $U/w/f"
else
    skip "landlock hardlinks: a profile that writes /opt too" "no /opt"
fi
# a grant above the project (the home directory) holds the project whole:
# its files are looked at like those of a grant of the project
mkdir -p "$U/home/proj"
ln "$U/outside/f" "$U/home/proj/g"
printf 'extends "std/agent";\nfiles { allow write "~"; }\n' >"$U/prof/home.buckle"
run "landlock hardlinks" sh -c "cd '$U/home/proj' && env HOME='$U/home' TMPDIR='$U/tmp' '$B' run $A '$U/prof/home.buckle' -- sh -c 'echo PWNED >g'"
expect_rc "landlock hardlinks: a profile that writes ~ refuses a link in a project beneath it" 125
expect_err_has "landlock hardlinks: ... naming it" "such as $U/home/proj/g"
[ "$(cat "$U/outside/f")" = secret ] && pass "landlock hardlinks: ... and the file outside is unchanged" \
    || fail "landlock hardlinks: ... and the file outside is unchanged" "$(cat "$U/outside/f")"
rm -f "$U/home/proj/g"
printf 'default allow;\n' >"$U/prof/all.buckle"
run "landlock hardlinks" sh -c "cd '$U/w' && env HOME='$U/home' TMPDIR='$U/tmp' '$B' run $A '$U/prof/all.buckle' -- sh -c 'echo ran'"
expect_rc "landlock hardlinks: default allow runs with the link (every name is writable)" 0
printf 'default allow;\nfiles { deny write "%s/outside"; }\n' "$U" >"$U/prof/most.buckle"
run "landlock hardlinks" sh -c "cd '$U/w' && env HOME='$U/home' TMPDIR='$U/tmp' '$B' run $A '$U/prof/most.buckle' -- sh -c 'echo PWNED >f'"
expect_rc "landlock hardlinks: default allow denying the other name's directory refuses the link" 125
expect_err_has "landlock hardlinks: ... naming it" "such as $U/w/f"
expect_err_has "landlock hardlinks: ... with the names found" "$U/w/f: 2 names, 1 of them where the command may write"
[ "$(cat "$U/outside/f")" = secret ] && pass "landlock hardlinks: ... and the file outside is unchanged" \
    || fail "landlock hardlinks: ... and the file outside is unchanged" "$(cat "$U/outside/f")"
mkdir -p "$U/elsewhere"
printf 'default allow;\nfiles { deny write "%s/elsewhere"; }\n' "$U" >"$U/prof/else.buckle"
run "landlock hardlinks" sh -c "cd '$U/w' && env HOME='$U/home' TMPDIR='$U/tmp' '$B' run $A '$U/prof/else.buckle' -- sh -c 'echo ran'"
expect_rc "landlock hardlinks: default allow denying another directory runs with the link" 0
rm -f "$U/w/f"

# a profile that writes only a directory beneath the project: the walk
# from the working directory (which searches it for repositories too)
# reaches that grant, and a link in it refuses the run; one elsewhere in
# the project is not the command's to write
mkdir -p "$U/w/src" "$U/w/docs"
printf 'extends "std/agent";\nfiles { deny write "$WORKDIR"; allow write "$WORKDIR/src"; }\n' >"$U/prof/src.buckle"
ln "$U/outside/f" "$U/w/docs/f"
run "landlock hardlinks" sh -c "cd '$U/w' && env HOME='$U/home' TMPDIR='$U/tmp' '$B' run $A '$U/prof/src.buckle' -- true"
expect_rc "landlock hardlinks: a link outside the one directory a profile writes: runs" 0
ln "$U/outside/f" "$U/w/src/f"
run "landlock hardlinks" sh -c "cd '$U/w' && env HOME='$U/home' TMPDIR='$U/tmp' '$B' run $A '$U/prof/src.buckle' -- true"
expect_rc "landlock hardlinks: a link in the one directory beneath the project a profile writes: refused" 125
expect_err_has "landlock hardlinks: ... naming it" "such as $U/w/src/f"
rm -f "$U/w/src/f" "$U/w/docs/f"

# two names, both in the project: nothing the grants do not hold already
echo a >"$U/w/a"
ln "$U/w/a" "$U/w/a.bak"
inrun "$A" "$U/w" 'echo b >a'
expect_rc "landlock hardlinks: links with every name in the project are left alone" 0
rm -f "$U/w/a" "$U/w/a.bak"

# a local clone: git links its objects to the origin's
git -C "$U/w" -c user.name=t -c user.email=t@t commit -q --allow-empty -m one
echo 'all:' >"$U/w/Makefile"
git -C "$U/w" add Makefile
git -C "$U/w" -c user.name=t -c user.email=t@t commit -q -m two
git clone -q "$U/w" "$U/clone"
n=$(find "$U/clone/.git/objects" -type f -links +1 | wc -l)
if [ "$n" -gt 0 ]; then
    inrun "$A" "$U/clone" true
    expect_rc "landlock hardlinks: a local clone whose objects are the origin's is refused" 125
    expect_err_has "landlock hardlinks: ... naming an object" "$U/clone/.git/objects/"
    run "landlock hardlinks" sh -c "cd '$U/clone' && env HOME='$U/home' TMPDIR='$U/tmp' '$B' run $A '$U/prof/all.buckle' -- true"
    expect_rc "landlock hardlinks: ... a default allow run there is not (the origin is writable too)" 0
    printf 'default allow;\nfiles { deny write "%s/w/.git/objects"; }\n' "$U" >"$U/prof/origin.buckle"
    run "landlock hardlinks" sh -c "cd '$U/clone' && env HOME='$U/home' TMPDIR='$U/tmp' '$B' run $A '$U/prof/origin.buckle' -- true"
    expect_rc "landlock hardlinks: ... one denying the origin's objects is" 125
    expect_err_has "landlock hardlinks: ... naming an object" "$U/clone/.git/objects/"
    git clone -q --no-hardlinks "$U/w" "$U/clone2"
    inrun "$A" "$U/clone2" true
    expect_rc "landlock hardlinks: a clone made with --no-hardlinks runs" 0
else
    skip "landlock hardlinks: a local clone" "git made no hard links here (another filesystem?)"
fi

# a second name in the project of a file the plan mounts read-only (the
# project's .git/config), made after a run whose plan is cached: that name
# is no name the command may write the file by, so the other one is named
# (planned afresh, the planner holds such a file by its names itself)
rm -rf "$U/clone" "$U/clone2"
C="--linux-accept=files,new-paths"
inrun "$C" "$U/w" true
ln "$U/w/.git/config" "$U/w/gc"
inrun "$C" "$U/w" 'echo "[core] fsmonitor = x" >>gc'
expect_rc "landlock hardlinks: a second name of a read-only mounted file refuses the run (cached plan)" 125
expect_err_has "landlock hardlinks: ... naming it" "$U/w/gc"
rm -f "$U/w/gc"
# a package store the profile lets the command write outside the project
# (pnpm links node_modules to its store): the other names are there, found
# without searching the places the command may not write
mkdir -p "$U/store/v3" "$U/w/node_modules/pkg"
echo data >"$U/store/v3/f1"
ln "$U/store/v3/f1" "$U/w/node_modules/pkg/f1"
printf 'extends "std/agent";\nfiles { allow write "%s/store"; }\n' "$U" >"$U/prof/store.buckle"
run "landlock hardlinks" sh -c "cd '$U/w' && env HOME='$U/home' TMPDIR='$U/tmp' '$B' run $A '$U/prof/store.buckle' -- sh -c 'echo RAN'"
expect_rc "landlock hardlinks: other names in a store the profile lets the command write: runs" 0
expect_out_has "landlock hardlinks: ... (the command ran)" RAN
echo secret >"$U/outside/g"
ln "$U/outside/g" "$U/w/node_modules/pkg/g"
run "landlock hardlinks" sh -c "cd '$U/w' && env HOME='$U/home' TMPDIR='$U/tmp' '$B' run $A '$U/prof/store.buckle' -- sh -c 'echo RAN'"
expect_rc "landlock hardlinks: ... but another file with a name outside both: refused" 125
expect_err_has "landlock hardlinks: ... naming that one" "such as $U/w/node_modules/pkg/g"
rm -rf "$U/w/node_modules" "$U/store" "$U/outside/g"
