# landlock_repo_made.sh - repositories the command makes where git would
# take them for another's, live under std/agent (docs/linux.md, "Links out
# of the working directory" and "Denies inside a writable directory"): a
# .git (or a bare repository's HEAD) made in a directory of the project that
# was there before the run, and one at the top of $TMPDIR, where the user's
# other programs make directories of their own, fail the run (exit 125)
# naming it; so does one made in a directory the command made itself; git's
# own work in the project's repository does not.
. tests/lib.sh
agent_setup llrm "landlock repo made"
A="--no-cache --linux-accept=files,new-paths"
mkdir -p "$U/w/src" "$U/w/lib"
inrun() {
    run "landlock repo made" sh -c "cd '$U/w' && env HOME='$U/home' TMPDIR='$U/tmp' '$B' run $A '$P' -- sh -c '$1'"
}
inrun true
landlock_or_exit "landlock repo made"
expect_rc "landlock repo made: a plain run" 0
# the command's TMPDIR: a directory of its own in $U/tmp
inrun 'echo $TMPDIR'
RT=$OUT

inrun 'cd src && git init -q && git config core.fsmonitor "echo PWNED" && echo made'
expect_rc "landlock repo made: a .git made in a directory that was there fails the run" 125
expect_err_has "landlock repo made: ... naming it" "$U/w/src/.git is a repository the command made in a directory that was there before the run"
rm -rf "$U/w/src/.git"

inrun 'cd lib && git init -q --bare . && echo made'
expect_rc "landlock repo made: a bare repository made in a directory that was there fails the run" 125
expect_err_has "landlock repo made: ... naming its HEAD" "$U/w/lib/HEAD is a repository the command made"
rm -rf "$U/w/lib"; mkdir -p "$U/w/lib"

inrun 'mkdir docs2 && cd docs2 && git init -q . && git config core.fsmonitor "echo PWNED" && echo made'
expect_rc "landlock repo made: a repository in a directory the command made fails the run too" 125
expect_err_has "landlock repo made: ... naming it" "$U/w/docs2/.git is a repository the command made beneath the working directory"
rm -rf "$U/w/docs2"
inrun 'mkdir -p vendor && git init -q --bare vendor/y.git && git -C vendor/y.git config core.pager "echo PWNED" && echo made'
expect_rc "landlock repo made: a bare repository in a directory the command made fails the run" 125
expect_err_has "landlock repo made: ... naming its HEAD" "$U/w/vendor/y.git/HEAD is a repository the command made beneath the working directory"
rm -rf "$U/w/vendor"
inrun 'mkdir -p vendor/z && echo x >vendor/z/HEAD && echo made'
expect_rc "landlock repo made: a file named HEAD in a new directory, no repository beside it, is not named" 0
rm -rf "$U/w/vendor"

inrun 'git -c user.name=t -c user.email=t@t commit -q --allow-empty -m x && git checkout -q -b other && echo done'
expect_rc "landlock repo made: git's own work in the project's repository is not named" 0

inrun 'cd "$TMPDIR" && git init -q . && echo made'
expect_rc "landlock repo made: a .git at the top of TMPDIR fails the run" 125
expect_err_has "landlock repo made: ... naming it" "$RT/.git exists after the run"
expect_err_has "landlock repo made: ... and where git would take it" "before running git in $RT or beneath it"
# (a repository there refuses the next run until it is removed)
run "landlock repo made" sh -c "cd '$U/w' && env HOME='$U/home' TMPDIR='$U/tmp' '$B' run $A '$P' -- true"
expect_rc "landlock repo made: ... and, while it is there, the next run is refused" 125
expect_err_has "landlock repo made: ... naming it" "$RT is a repository in $RT"
rm -rf "$RT/.git"

# a directory of the user's that the command removes and makes again is
# still where the user runs git: judged by its path
mkdir -p "$U/w/build"
inrun 'rm -rf build && mkdir build && cd build && git init -q && git config alias.st "!echo PWNED" && echo made'
expect_rc "landlock repo made: a .git in a directory removed and made again fails the run" 125
expect_err_has "landlock repo made: ... naming it" "$U/w/build/.git is a repository the command made"
rm -rf "$U/w/build/.git"
