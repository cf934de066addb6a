# landlock_links_files.sh - a symbolic link the command made that leads out
# of the working directory to a file it can change nothing about
# (docs/linux.md, "Links out of the working directory"): `python3 -m venv`
# links .venv/bin/python3 to /usr/bin/python3, nothing enters a file, and
# no name on the way is one a command under the profile may change, so
# the run is not failed for it.  A link to a file the command may write
# ($TMPDIR), one through a link there, and one to a directory are still
# named (exit 125).  Live, under std/agent.
. tests/lib.sh
skip() { echo "SKIP $1: $2" >>"$RESULTS"; }
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
if grep -q "offers no Landlock" "$TMP/err"; then skip "$T: every check" "this kernel has no Landlock"; exit 0; fi
expect_rc "$T: a run that makes no link" 0

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
expect_err_has "$T: ... naming it" "$U/w/tofile is a symbolic link the command made, to $U/tmp/f"
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
