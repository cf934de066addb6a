# landlock_tmpdir_repos.sh - a repository at the top of the command's
# $TMPDIR (a directory of its own in a private TMPDIR=~/tmp), or in a
# directory directly in it, is writable whole under std/agent, .git/config with it,
# while the project's own is kept from the command: the run is refused
# before it starts (docs/linux.md, "Repositories beneath the working
# directory").  Live.
. tests/lib.sh
linux_only "tmpdir repos"
if ! command -v git >/dev/null 2>&1; then skip "tmpdir repos: every check" "git is not installed"; exit 0; fi
runner_env
unset BUCKLE_SANDBOX_EXEC BUCKLE_PATH
R="$TMP/lltdrepo"
rm -rf "$R"
mkdir -p "$R/w" "$R/home" "$R/tmp" "$R/prof"
chmod 700 "$R/tmp"
R=$(cd "$R" && pwd -P)
printf 'extends "std/agent";\n' >"$R/prof/agent.buckle"
git -C "$R/w" init -q || { skip "tmpdir repos: every check" "git init failed"; exit 0; }
A=--linux-accept=files,new-paths
export HOME="$R/home" TMPDIR="$R/tmp"
cd "$R/w" || exit 1
run "tmpdir repos: plain" "$B" run $A "$R/prof/agent.buckle" -- true
landlock_or_exit "tmpdir repos"
expect_rc "tmpdir repos: a TMPDIR without repositories" 0
# the command's TMPDIR: a directory of its own in the private TMPDIR
# (docs/linux.md, "TMPDIR"), the one it may write
run "tmpdir repos: where" "$B" run $A "$R/prof/agent.buckle" -- sh -c 'echo $TMPDIR'
RT=$OUT
git -C "$RT" init -q
run "tmpdir repos: top" "$B" run $A "$R/prof/agent.buckle" -- sh -c 'git -C "$TMPDIR" config core.fsmonitor "echo PWNED"; echo RAN'
expect_rc "tmpdir repos: TMPDIR a work tree: refused" 125
expect_out_lacks "tmpdir repos: ... before the command starts" RAN
expect_err_has "tmpdir repos: ... naming its configuration" "$RT/.git/config too"
rm -rf "$RT/.git"
mkdir -p "$RT/clone" && git -C "$RT/clone" init -q
run "tmpdir repos: clone" "$B" run $A "$R/prof/agent.buckle" -- true
expect_rc "tmpdir repos: a clone directly in TMPDIR: refused" 125
expect_err_has "tmpdir repos: ... naming it" "$RT/clone is a repository in $RT"
rm -rf "$RT/clone"
mkdir -p "$RT/bare.git" && git -C "$RT/bare.git" init -q --bare
run "tmpdir repos: bare" "$B" run $A "$R/prof/agent.buckle" -- true
expect_rc "tmpdir repos: a bare repository directly in TMPDIR: refused" 125
expect_err_has "tmpdir repos: ... naming its config" "$RT/bare.git/config too"
rm -rf "$RT/bare.git"
# a profile that also writes a top-level directory confines writing all
# the same: the repository in TMPDIR is still looked for
TOP=
for d in /srv /opt /media /mnt; do [ -d "$d" ] && [ ! -e "$d/.git" ] && { TOP=$d; break; }; done
if [ -n "$TOP" ]; then
    printf 'extends "std/agent";\nfiles {\n    allow write "%s";\n}\n' "$TOP" >"$R/prof/top.buckle"
    run "tmpdir repos: where (top)" "$B" run $A "$R/prof/top.buckle" -- sh -c 'echo $TMPDIR'
    RTT=$OUT
    mkdir -p "$RTT/clone" && git -C "$RTT/clone" init -q
    run "tmpdir repos: top-level grant" "$B" run $A "$R/prof/top.buckle" -- true
    expect_rc "tmpdir repos: a write grant of $TOP beside TMPDIR: still refused" 125
    expect_err_has "tmpdir repos: ... naming a repository" "is a repository in"
    # default allow, with the project's configuration denied: writing is
    # not confined, and a repository elsewhere is the profile's choice
    printf 'default allow;\nfiles {\n    deny write literal "$WORKDIR/.git/config";\n}\n' >"$R/prof/da.buckle"
    run "tmpdir repos: default allow" "$B" run $A "$R/prof/da.buckle" -- true
    expect_rc "tmpdir repos: default allow with a deny: runs beside a repository in TMPDIR" 0
    rm -rf "$RTT/clone"
else
    skip "tmpdir repos: top-level grant" "no empty top-level directory"
fi
mkdir -p "$RT/build/x"
run "tmpdir repos: files" "$B" run $A "$R/prof/agent.buckle" -- true
expect_rc "tmpdir repos: directories without repositories: the run goes on" 0
# one the command makes there during the run: named after it, and the next
# run is refused before it starts
for how in 'git init -q "$TMPDIR/made"' 'mkdir -p "$TMPDIR/made" && git -C "$TMPDIR/made" init -q' \
           'git init -q --bare "$TMPDIR/made"' 'mkdir -p "$TMPDIR/build/y"; git init -q "$TMPDIR/build"' \
           'mkdir -p "$TMPDIR/.cache/a/b/repo" && git init -q "$TMPDIR/.cache/a/b/repo" && ln -s .cache/a/b/repo "$TMPDIR/made"'; do
    case $how in *build*) m=build;; *) m=made;; esac
    run "tmpdir repos: made ($how)" "$B" run $A "$R/prof/agent.buckle" -- sh -c "$how && git -C \"\$TMPDIR/$m\" config core.fsmonitor 'echo PWNED'; echo RAN"
    expect_out_has "tmpdir repos: ($how) the command ran" RAN
    expect_rc "tmpdir repos: a repository the command makes directly in TMPDIR ($how) fails the run" 125
    expect_err_has "tmpdir repos: ... naming it" "$RT/$m is a repository the command made in a directory it may write outside the working directory"
    run "tmpdir repos: made next" "$B" run $A "$R/prof/agent.buckle" -- true
    expect_rc "tmpdir repos: ($how) ... and the next run is refused" 125
    rm -rf "$RT/made" "$RT/build/.git" "$RT/build/y" "$RT/.cache"
done
# a symbolic link directly in TMPDIR to a repository deeper in it, made
# before the run: cd enters it as it would a clone
mkdir -p "$RT/deep/a/repo" && git -C "$RT/deep/a/repo" init -q && ln -s deep/a/repo "$RT/linked"
run "tmpdir repos: linked" "$B" run $A "$R/prof/agent.buckle" -- true
expect_rc "tmpdir repos: a link in TMPDIR to a repository deeper in it: refused" 125
expect_err_has "tmpdir repos: ... naming it" "$RT/linked is a repository in $RT"
rm -rf "$RT/deep" "$RT/linked"
ln -s "$R/w" "$RT/proj"
run "tmpdir repos: link to the project" "$B" run $A "$R/prof/agent.buckle" -- sh -c 'ln -s "$PWD" "$TMPDIR/proj2"; echo RAN'
expect_rc "tmpdir repos: links in TMPDIR to the project, whose configuration the command may not write: runs" 0
rm -f "$RT/proj" "$RT/proj2"
# a .git made deeper by an earlier run (deep repositories are not looked
# for), moved during this run into a directory that was there, or a link
# made to that repository: it holds a repository it did not hold at the
# start, whatever the .git's birth time
mkdir -p "$RT/scratch"
run "tmpdir repos: deep made" "$B" run $A "$R/prof/agent.buckle" -- sh -c 'mkdir -p "$TMPDIR/deep/x" && git init -q "$TMPDIR/deep/x/old" && git init -q "$TMPDIR/deep/x/old2"'
expect_rc "tmpdir repos: a repository made deeper: not looked for" 0
run "tmpdir repos: moved in" "$B" run $A "$R/prof/agent.buckle" -- sh -c 'mv "$TMPDIR/deep/x/old/.git" "$TMPDIR/scratch/.git" && git config -f "$TMPDIR/scratch/.git/config" core.fsmonitor "echo PWNED"'
expect_rc "tmpdir repos: an older .git moved into a directory at TMPDIR's top fails the run" 125
expect_err_has "tmpdir repos: ... naming it" "$RT/scratch is a repository the command made in a directory it may write outside"
rm -rf "$RT/scratch/.git"
run "tmpdir repos: linked in" "$B" run $A "$R/prof/agent.buckle" -- sh -c 'ln -s deep/x/old2 "$TMPDIR/clone"'
expect_rc "tmpdir repos: a link made to an older repository deeper in TMPDIR fails the run" 125
expect_err_has "tmpdir repos: ... naming it" "$RT/clone is a repository the command made in a directory it may write outside"
rm -rf "$RT/deep" "$RT/clone" "$RT/scratch"
# past the bound of entries looked through, the directory is named rather
# than passed: a repository made among them would not be seen
run "tmpdir repos: flood" "$B" run $A "$R/prof/agent.buckle" -- sh -c 'i=0; while [ $i -lt 10050 ]; do : > "$TMPDIR/f$i"; i=$((i+1)); done; git init -q "$TMPDIR/zz"'
expect_rc "tmpdir repos: more than 10,000 entries made in TMPDIR fail the run" 125
expect_err_has "tmpdir repos: ... naming TMPDIR" "$RT holds more than 10000 entries after the run"
cd / && rm -rf "$R"
