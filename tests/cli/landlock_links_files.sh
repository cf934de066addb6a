# landlock_links_files.sh - a symbolic link the command made that leads out
# of the working directory to a file it can change nothing about
# (docs/linux.md, "Links out of the working directory"): `python3 -m venv`
# links .venv/bin/python3 to /usr/bin/python3, nothing enters a file, and
# no name on the way is one a command under the profile may change, so
# the run is not failed for it.  A link to a file the command may write
# ($TMPDIR), one through a link there, and one to a directory are still
# named (exit 125).  Live, under std/agent.
. tests/lib.sh
agent_setup lllf "landlock links files"
T="landlock links files"
cp "$BUILD/buckle-test" "$B"
mkdir -p "$U/cp"
BUCKLE_TEST_CACHE_PARENT=$U/cp
export BUCKLE_TEST_CACHE_PARENT
# inrun COMMAND
inrun() {
    run "$T" sh -c "cd '$U/w' && env HOME='$U/home' TMPDIR='$U/tmp' PATH=/usr/bin:/bin '$B' run --no-cache --linux-accept=files,new-paths '$P' -- sh -c '$1'"
}
inrun true
landlock_or_exit "$T"
expect_rc "$T: a run that makes no link" 0
# the command's TMPDIR: a directory of its own in $U/tmp
inrun 'echo $TMPDIR'
RT=$OUT

# made by hand: a link to the shell (through /bin, a link itself on a
# merged /usr), and one to that link, inside
SH=$(readlink -f /bin/sh)
inrun "mkdir -p hv/bin && ln -s /bin/sh hv/bin/sh && ln -s sh hv/bin/sh2 && ln -s $SH hv/bin/real && echo MADE"
expect_out_has "$T: links to the system shell made" MADE
expect_rc "$T: ... the run succeeds" 0
expect_err_lacks() { if grep -qF -- "$2" "$TMP/err"; then fail "$1" "stderr has '$2'"; else pass "$1"; fi; }
expect_err_lacks "$T: ... naming none" "is a symbolic link"

# a file the command may write, a link through a link there, a directory:
# named (and removed, since the next run refuses while a named one is there)
inrun 'echo x >$TMPDIR/f && ln -s $TMPDIR/f tofile'
expect_rc "$T: a link to a file in TMPDIR: the run fails" 125
expect_err_has "$T: ... naming it" "$U/w/tofile is a symbolic link the command made, to $RT/f"
rm -f "$U/w/tofile"
inrun 'ln -s /bin/sh $TMPDIR/hop && ln -s $TMPDIR/hop viahop'
expect_rc "$T: a link to the shell through a link in TMPDIR: the run fails" 125
expect_err_has "$T: ... naming it" "$U/w/viahop is a symbolic link the command made"
rm -f "$U/w/viahop"
inrun 'mkdir -p $TMPDIR/d && ln -s $TMPDIR/d todir'
expect_rc "$T: a link to a directory in TMPDIR: the run fails" 125
expect_err_has "$T: ... naming it" "$U/w/todir is a symbolic link the command made"
rm -f "$U/w/todir"
# a directory the command may change nothing in, at, above or beneath,
# with no repository: git there finds none, and none can be made
inrun 'ln -s /usr/lib syslib'
expect_rc "$T: a link to a system directory runs" 0
rm -f "$U/w/syslib"

# a real virtual environment (Debian: python3-venv)
PY=/usr/bin/python3
if [ -x "$PY" ] && "$PY" -m venv "$U/probe" >/dev/null 2>&1; then
    inrun "$PY -m venv .venv && echo VENV"
    expect_out_has "$T: python3 -m venv made .venv" VENV
    expect_rc "$T: ... the run succeeds" 0
    expect_err_lacks "$T: ... naming no link" "is a symbolic link"
    [ -L "$U/w/.venv/bin/python3" ] && pass "$T: ... whose python3 is a link" || fail "$T: ... whose python3 is a link" "$(ls -l "$U/w/.venv/bin")"
else
    skip "$T: python3 -m venv" "no $PY with venv and ensurepip (Debian: python3-venv)"
fi

# in a git directory, a link made during the run is named wherever it
# leads: git writes through the reflog, COMMIT_EDITMSG and FETCH_HEAD it
# finds there, so a link to a file the command may not write (a dotfile
# of the home, the shell) is one the user's next git writes
echo '# bashrc' >"$U/home/.bashrc"
mkdir -p "$U/w/.git/logs" && : >"$U/w/.git/logs/HEAD"
inrun 'mv .git/logs/HEAD .git/logs/HEAD.old && ln -s $HOME/.bashrc .git/logs/HEAD'
expect_rc "$T: a link in .git to a dotfile of the home: the run fails" 125
expect_err_has "$T: ... naming it" "$U/w/.git/logs/HEAD is a symbolic link the command made in a git directory, to $U/home/.bashrc"
rm -f "$U/w/.git/logs/HEAD" && mv "$U/w/.git/logs/HEAD.old" "$U/w/.git/logs/HEAD"
inrun "ln -s $SH .git/COMMIT_EDITMSG && ln -s config .git/FETCH_HEAD"
expect_rc "$T: a link in .git to the shell, one to the repository's config: the run fails" 125
expect_err_has "$T: ... naming the first" "$U/w/.git/COMMIT_EDITMSG is a symbolic link the command made in a git directory, to $SH"
expect_err_has "$T: ... and the second" "$U/w/.git/FETCH_HEAD is a symbolic link the command made in a git directory, to $U/w/.git/config"
rm -f "$U/w/.git/COMMIT_EDITMSG" "$U/w/.git/FETCH_HEAD"
# and in a bare repository the command made (no .git among its names):
# known by its HEAD, objects and refs, as git knows it
inrun 'mkdir -p up.git/objects up.git/refs && echo ref: refs/heads/main >up.git/HEAD && ln -s $HOME/.bashrc up.git/FETCH_HEAD'
expect_rc "$T: a link in a bare repository made in the project: the run fails" 125
expect_err_has "$T: ... naming it" "$U/w/up.git/FETCH_HEAD is a symbolic link the command made in a git directory, to $U/home/.bashrc"
rm -rf "$U/w/up.git"
# (its objects a symbolic link to a directory: git takes it all the same)
inrun 'mkdir -p up.git/refs objs && ln -s ../objs up.git/objects && echo ref: refs/heads/main >up.git/HEAD && ln -s $HOME/.bashrc up.git/FETCH_HEAD'
expect_rc "$T: a link in a bare repository whose objects is a link: the run fails" 125
expect_err_has "$T: ... naming it" "$U/w/up.git/FETCH_HEAD is a symbolic link the command made in a git directory, to $U/home/.bashrc"
rm -rf "$U/w/up.git" "$U/w/objs"
inrun 'git -c user.name=u -c user.email=u@h commit -q --allow-empty -m one && git checkout -q -b two && echo GIT'
expect_out_has "$T: git commits and checks out in the sandbox" GIT
expect_rc "$T: ... making no link in .git: the run succeeds" 0
