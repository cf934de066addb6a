# landlock_dir_guard.sh - std/agent's write grants on $WORKDIR and $TMPDIR
# where they would reach files that programs outside any sandbox run
# (docs/linux.md, "The home directory as WORKDIR"): run from a bare
# repository or from inside .git (its hooks and config, which std/agent's
# denies of $WORKDIR/.git/... do not name from there), or with TMPDIR a
# system directory (/etc, /usr/local/bin), above one (/usr) or inside one,
# or a directory on PATH, the run is refused, naming the rule, and nothing
# runs; a work tree, /var/tmp and a TMPDIR of its own run.  Live.
. tests/lib.sh
# the line of std/agent's write grant on $WORKDIR and $TMPDIR
WL=$(line_of corpus/std/agent.buckle 'allow write "$WORKDIR", "$TMPDIR";')
agent_setup lldg "landlock dir guard"
A="--no-cache --linux-accept=files,new-paths"
mkdir -p "$U/bin"
git init -q --bare "$U/bare.git"
# inrun DIRECTORY TMPDIR COMMAND [PATH-DIR]
inrun() {
    run "landlock dir guard" sh -c "cd '$1' && env HOME='$U/home' TMPDIR='$2' PATH='${4:-$U/bin}:$PATH' '$B' run $A '$P' -- sh -c '$3'"
}
inrun "$U/w" "$U/tmp" "echo RAN"
landlock_or_exit "landlock dir guard"
expect_rc "landlock dir guard: std/agent runs in a work tree" 0
expect_out_has "landlock dir guard: ... (the command ran)" RAN

inrun "$U/bare.git" "$U/tmp" "echo x >hooks/post-update; echo RAN"
expect_rc "landlock dir guard: run from a bare repository: refused" 125
expect_err_has "landlock dir guard: ... saying so" "the working directory $U/bare.git is the git directory $U/bare.git"
expect_err_has "landlock dir guard: ... naming std/agent's rule" "agent.buckle:$WL (allow files write subpath \"\${WORKDIR}\")"
expect_out_lacks "landlock dir guard: ... and nothing ran" RAN
[ -e "$U/bare.git/hooks/post-update" ] && fail "landlock dir guard: ... no hook written" "it exists" \
    || pass "landlock dir guard: ... no hook written"
inrun "$U/w/.git/hooks" "$U/tmp" "echo RAN"
expect_rc "landlock dir guard: run from inside .git: refused" 125
expect_err_has "landlock dir guard: ... saying so" "the working directory $U/w/.git/hooks is inside the git directory $U/w/.git"
expect_out_lacks "landlock dir guard: ... and nothing ran" RAN

inrun "$U/w" /etc "echo RAN"
expect_rc "landlock dir guard: TMPDIR=/etc: refused" 125
expect_err_has "landlock dir guard: ... saying so" "the temporary directory (TMPDIR) /etc is /etc, a system directory"
expect_err_has "landlock dir guard: ... naming the rule" "agent.buckle:$WL (allow files write subpath \"\${TMPDIR}\")"
expect_out_lacks "landlock dir guard: ... and nothing ran" RAN
inrun "$U/w" /usr/local/bin "echo RAN"
expect_rc "landlock dir guard: TMPDIR=/usr/local/bin: refused" 125
inrun "$U/w" /usr "echo RAN"
expect_rc "landlock dir guard: TMPDIR=/usr (above /usr/bin): refused" 125
expect_err_has "landlock dir guard: ... saying so" "(TMPDIR) /usr is above /usr/bin"
inrun "$U/w" /etc/default "echo RAN"
expect_rc "landlock dir guard: TMPDIR inside /etc: refused" 125
expect_err_has "landlock dir guard: ... saying so" "(TMPDIR) /etc/default is inside /etc"
inrun "$U/w" "$U/bin" "echo RAN"
expect_rc "landlock dir guard: TMPDIR a directory on PATH: refused" 125
expect_err_has "landlock dir guard: ... saying so" "(TMPDIR) $U/bin is the directory $U/bin of PATH"
expect_out_lacks "landlock dir guard: ... and nothing ran" RAN
mkdir -p "$U/tmpup/bin"
inrun "$U/w" "$U/tmpup" "echo RAN" "$U/tmpup/bin"
expect_rc "landlock dir guard: TMPDIR above a directory on PATH: refused" 125
expect_err_has "landlock dir guard: ... saying so" "(TMPDIR) $U/tmpup is above the directory $U/tmpup/bin of PATH"
# /run: systemd's runtime units come before /etc's (TMPDIR=$XDG_RUNTIME_DIR)
inrun "$U/w" /run "echo RAN"
expect_rc "landlock dir guard: TMPDIR=/run: refused" 125
expect_err_has "landlock dir guard: ... saying so" "the temporary directory (TMPDIR) /run is /run, a system directory"
expect_out_lacks "landlock dir guard: ... and nothing ran" RAN
if [ -d /run/user ]; then
    inrun "$U/w" /run/user "echo RAN"
    expect_rc "landlock dir guard: TMPDIR inside /run: refused" 125
    expect_err_has "landlock dir guard: ... saying so" "(TMPDIR) /run/user is inside /run"
fi
# other packages' programs: /opt itself (its VENDOR/bin) and /var/opt, at
# or above; /usr/games, /usr/include, /snap, /nix at, above or inside
for d in /opt /var/opt /usr/games /usr/include; do
    [ -d "$d" ] || continue
    inrun "$U/w" "$d" "echo RAN"
    expect_rc "landlock dir guard: TMPDIR=$d: refused" 125
    expect_err_has "landlock dir guard: ... saying so ($d)" "the temporary directory (TMPDIR) $d is $d, a system directory"
    expect_out_lacks "landlock dir guard: ... and nothing ran ($d)" RAN
done
for d in /opt/*/; do
    d=${d%/}
    [ -d "$d" ] && [ ! -L "$d" ] && [ "$(stat -c %a "$d")" != 1777 ] || continue
    inrun "$d" "$U/tmp" "echo RAN"
    expect_rc "landlock dir guard: a project inside /opt ($d) runs" 0
    break
done
# a working directory every user may write: everything other programs keep there
mkdir -p "$U/shared" && chmod 1777 "$U/shared"
inrun "$U/shared" "$U/tmp" "echo RAN"
expect_rc "landlock dir guard: WORKDIR a directory every user may write: refused" 125
expect_err_has "landlock dir guard: ... saying so" "the working directory $U/shared may be written by every user"
expect_err_has "landlock dir guard: ... naming the rule" "agent.buckle:$WL (allow files write subpath \"\${WORKDIR}\")"
expect_out_lacks "landlock dir guard: ... and nothing ran" RAN
if [ -d /dev/shm ] && [ -w /dev/shm ]; then
    inrun /dev/shm "$U/tmp" "echo RAN"
    expect_rc "landlock dir guard: WORKDIR=/dev/shm: refused" 125
    expect_err_has "landlock dir guard: ... saying so" "the working directory /dev/shm may be written by every user"
fi
mkdir -p "$U/shared/mine" && chmod 755 "$U/shared/mine"
inrun "$U/shared/mine" "$U/tmp" "echo RAN"
expect_rc "landlock dir guard: a directory of its own inside it runs" 0
if [ -d /var/tmp ]; then
    inrun "$U/w" /var/tmp "echo RAN"
    expect_rc "landlock dir guard: TMPDIR=/var/tmp runs (not a system directory)" 0
fi
