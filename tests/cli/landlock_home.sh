# landlock_home.sh - std/agent and the home directory, live (docs/linux.md,
# "The home directory as WORKDIR"): run from the home directory, or from a
# directory above it, std/agent's write grant on $WORKDIR would hand the
# command every file of the home that no deny names (~/.cargo/bin, ~/go/bin),
# so the run is refused, naming the rule; run from the project it runs.  A
# profile that writes the home directory on purpose (allow write "~") keeps
# std/agent's final denies: shell start-up files, ~/.local/bin, ~/bin and
# credentials stay closed, as root and as an unprivileged user.
. tests/lib.sh
# the line of std/agent's write grant on $WORKDIR and $TMPDIR
WL=$(line_of corpus/std/agent.buckle 'allow write "$WORKDIR", "$TMPDIR";')
linux_only "landlock home"
unset BUCKLE_SANDBOX_EXEC
A=--linux-accept=files
# buckle (the test build, with a run cache of the suite's own) and the
# standard library beside it, readable by an unprivileged user (the test's
# own directory is not): a directory of the test's own
runner_env
U=$(mktemp -d "${TMPDIR:-/tmp}/buckle-llhome.XXXXXX")
chmod 755 "$U"
U=$(cd "$U" && pwd -P)
trap 'rm -rf "$U"' EXIT
mkdir -p "$U/corpus"
cp "$B" "$U/buckle"
cp -R corpus/std "$U/corpus/std"
chmod -R a+rX "$U"
B=$U/buckle
P=$U/corpus/std/agent.buckle

# a home with the files std/agent names and some it does not
mkhome() {  # DIR
    mkdir -p "$1/proj" "$1/.local/bin" "$1/bin" "$1/.ssh" "$1/.cargo/bin" "$1/tmp"
    echo rc >"$1/.bashrc"; echo vim >"$1/.vimrc"; echo key >"$1/.ssh/id"
    echo tool >"$1/.cargo/bin/tool"; echo mine >"$1/proj/a.txt"; echo notes >"$1/.notes"
    mkdir -p "$1/.local/lib/python3/site-packages" "$1/.config/nvim" "$1/.config/environment.d"
    echo a >"$1/.bash_aliases"; echo t >"$1/.tmux.conf"; echo n >"$1/.config/nvim/init.lua"
    echo i >"$1/.inputrc"; echo x >"$1/.xsession"
    mkdir -p "$1/.local/share/applications"
}
H=$U/home
mkhome "$H"
run "landlock home: a run" sh -c "cd '$H/proj' && HOME='$H' TMPDIR='$H/tmp' '$B' run $A '$P' -- /usr/bin/true"
landlock_or_exit "landlock home"
expect_rc "landlock home: std/agent runs from the project's directory" 0

# WORKDIR = HOME: refused, and nothing runs
run "landlock home: workdir is home" sh -c "cd '$H' && HOME='$H' TMPDIR='$H/tmp' '$B' run $A '$P' -- /usr/bin/sh -c 'echo pwned >>$H/.notes'"
expect_rc "landlock home: std/agent run from the home directory is refused" 125
expect_err_has "landlock home: ... saying the working directory is the home directory" "the working directory $H is the home directory $H"
expect_err_has "landlock home: ... naming std/agent's rule" "agent.buckle:$WL (allow files write subpath \"\${WORKDIR}\")"
expect_err_has "landlock home: ... and what to do" "run it from the project's directory"
[ "$(cat "$H/.notes")" = notes ] && pass "landlock home: ... and the command did not run (~/.notes unchanged)" \
    || fail "landlock home: ... and the command did not run (~/.notes unchanged)" "$(cat "$H/.notes")"
# above HOME: the same
run "landlock home: workdir above home" sh -c "cd '$U' && HOME='$H' TMPDIR='$H/tmp' '$B' run $A '$P' -- /usr/bin/true"
expect_rc "landlock home: std/agent run from above the home directory is refused" 125
expect_err_has "landlock home: ... saying so" "the working directory $U is above the home directory $H"
# TMPDIR the home, or inside a start-up directory of it: std/agent's
# allow write "$TMPDIR" would write the home the same way
# (a project outside the home: one inside it has its TMPDIR set aside, as
# for any TMPDIR above the working directory, below)
mkdir -p "$U/elsewhere"
run "landlock home: tmpdir is home" sh -c "cd '$U/elsewhere' && HOME='$H' TMPDIR='$H' '$B' run $A '$P' -- /usr/bin/sh -c 'echo pwned >>$H/.notes'"
expect_rc "landlock home: std/agent with TMPDIR the home directory is refused" 125
expect_err_has "landlock home: ... saying so" "the temporary directory (TMPDIR) $H is the home directory $H"
expect_err_has "landlock home: ... naming std/agent's rule" "(allow files write subpath \"\${TMPDIR}\")"
[ "$(cat "$H/.notes")" = notes ] && pass "landlock home: ... and the command did not run" \
    || fail "landlock home: ... and the command did not run" "$(cat "$H/.notes")"
run "landlock home: tmpdir in .config" sh -c "cd '$H/proj' && HOME='$H' TMPDIR='$H/.config' '$B' run $A '$P' -- /usr/bin/true"
expect_rc "landlock home: std/agent with TMPDIR inside ~/.config is refused" 125
expect_err_has "landlock home: ... saying so" "the temporary directory (TMPDIR) $H/.config is inside $H/.config"
mkdir -p "$H/.claude" "$H/.oh-my-zsh"
for d in .claude .oh-my-zsh; do
    run "landlock home: tmpdir in $d" sh -c "cd '$H/proj' && HOME='$H' TMPDIR='$H/$d' '$B' run $A '$P' -- /usr/bin/true"
    expect_rc "landlock home: std/agent with TMPDIR inside ~/$d is refused" 125
    expect_err_has "landlock home: ... saying so" "the temporary directory (TMPDIR) $H/$d is inside $H/$d"
done
run "landlock home: tmpdir is home, project in it" sh -c "cd '$H/proj' && HOME='$H' TMPDIR='$H' '$B' run -v $A '$P' -- /usr/bin/sh -c 'echo pwned >>$H/.notes'"
expect_err_has "landlock home: a TMPDIR above the project (the home) is set aside" "TMPDIR $H is above the working directory"
[ "$(cat "$H/.notes")" = notes ] && pass "landlock home: ... and the home is not written" \
    || fail "landlock home: ... and the home is not written" "$(cat "$H/.notes")"
# the password database's home counts too: HOME pointing elsewhere does not
# make the real home a project
PW=$(getent passwd "$(id -u)" | cut -d: -f6)
if [ -n "$PW" ] && [ -d "$PW" ] && [ "$PW" != / ]; then
    run "landlock home: workdir is the passwd home" sh -c "cd '$PW' && HOME='$H' TMPDIR='$H/tmp' '$B' run --no-cache $A '$P' -- /usr/bin/true"
    expect_rc "landlock home: run from the password database's home with another HOME is refused" 125
    expect_err_has "landlock home: ... naming that home" "is the home directory $PW"
else
    skip "landlock home: workdir is the passwd home" "this user's home ($PW) is not a directory"
fi
# a profile that does not write WORKDIR is not concerned
printf 'extends "std/base";\nfiles { allow read "${WORKDIR}"; }\nprocess { allow exec "/usr/bin"; }\n' >"$U/ro.buckle"
run "landlock home: read-only workdir" sh -c "cd '$H' && HOME='$H' TMPDIR='$H/tmp' '$B' run $A '$U/ro.buckle' -- /usr/bin/cat .vimrc"
expect_rc "landlock home: a profile that only reads WORKDIR runs from the home directory" 0

# a profile that writes the home directory on purpose: std/agent's finals
# hold (the home's entries are granted one by one around them)
cat >"$U/home.buckle" <<'EOP'
extends "std/agent";
files {
    allow read "~";
    allow write "~";  # buckle: ignore[BK3004] -- the test writes the home on purpose
}
EOP
chmod a+r "$U/home.buckle"
ATTACK='for f in .bashrc .profile .local/bin/git bin/x .ssh/authorized_keys .config/autostart/x.desktop .config/systemd/user/x.service \
    .bash_aliases .tmux.conf .vimrc .config/nvim/init.lua .config/environment.d/50-x.conf .local/lib/python3/site-packages/zz.pth \
    .inputrc .xsession .local/share/systemd/user/x.service .local/share/dbus-1/services/x.service; do
  mkdir -p "$(dirname "$HOME/$f")" 2>/dev/null; echo pwned >>"$HOME/$f" 2>/dev/null && echo "WROTE $f"; done
mv "$HOME/.local" "$HOME/.local.old" 2>/dev/null && echo "MOVED .local"
mv "$HOME/bin" "$HOME/bin.old" 2>/dev/null && echo "MOVED bin"
ln -s "$HOME/proj" "$HOME/.config" 2>/dev/null && echo "LINKED .config"
cat "$HOME/.ssh/id" 2>/dev/null && echo "READ .ssh/id"
echo ok >>"$HOME/.notes" && echo "WROTE .notes"
echo ok >>"$HOME/proj/a.txt" && echo "WROTE proj"'
finals() {  # LABEL HOMEDIR RUNNER...
    _l=$1 _h=$2; shift 2
    run "landlock home: finals ($_l)" "$@" sh -c "cd '$_h/proj' && HOME='$_h' TMPDIR='$_h/tmp' '$B' run $A '$U/home.buckle' -- /usr/bin/sh -c '$(echo "$ATTACK" | sed "s/'/'\\\\''/g")'"
    expect_rc "landlock home: ($_l) a profile that writes ~ runs" 0
    for w in "WROTE .bashrc" "WROTE .profile" "WROTE .local/bin/git" "WROTE bin/x" "WROTE .ssh" "WROTE .config" \
             "WROTE .bash_aliases" "WROTE .tmux.conf" "WROTE .vimrc" "WROTE .local/lib" "WROTE .inputrc" "WROTE .xsession" \
             "WROTE .local/share/systemd" "WROTE .local/share/dbus-1" \
             "MOVED .local" "MOVED bin" "LINKED .config" "READ .ssh/id"; do
        expect_out_lacks "landlock home: ($_l) under allow write \"~\", std/agent's finals hold: no $w" "$w"
    done
    expect_out_has "landlock home: ($_l) ... while what the profile allows is written (~/.notes)" "WROTE .notes"
    expect_out_has "landlock home: ($_l) ... and the project" "WROTE proj"
    [ "$(cat "$_h/.bashrc")" = rc ] && [ ! -e "$_h/.local/bin/git" ] && [ ! -e "$_h/bin/x" ] && [ -d "$_h/.local" ] \
        && pass "landlock home: ($_l) ... the home's protected files are as they were" \
        || fail "landlock home: ($_l) ... the home's protected files are as they were" "$(ls -la "$_h" "$_h/.local/bin" "$_h/bin")"
}
finals "uid $(id -u)" "$H"
if [ "$(id -u)" -eq 0 ] && command -v setpriv >/dev/null 2>&1; then
    N=$U/nobody
    mkhome "$N"
    chown -R 65534:65534 "$N"
    finals "unprivileged uid 65534" "$N" setpriv --reuid=65534 --regid=65534 --clear-groups
    run "landlock home: unprivileged, workdir is home" setpriv --reuid=65534 --regid=65534 --clear-groups \
        sh -c "cd '$N' && HOME='$N' TMPDIR='$N/tmp' '$B' run $A '$P' -- /usr/bin/true"
    expect_rc "landlock home: (unprivileged uid 65534) std/agent run from the home directory is refused" 125
else
    skip "landlock home: as an unprivileged user" "needs root (to become uid 65534) and setpriv"
fi

# std/dev/node: pnpm's home (PNPM_HOME) and yarn's bin directory are on the
# user's PATH: the sandbox writes npm's and yarn's caches, never a program
# the user runs next; pnpm's store and cache are std/dev/pnpm's (the store's
# files are hard links into other projects), nor the packages pnpm dlx runs
# from its cache under either
NH=$U/nodehome
mkdir -p "$NH/proj" "$NH/tmp" "$NH/.local/share/pnpm/store/v3" "$NH/.yarn/bin" "$NH/.yarn/berry/cache" "$NH/.npm/_cacache" \
    "$NH/.cache/pnpm/dlx/1a2b/pkg" "$NH/.cache/pnpm/metadata"
printf '#!/bin/sh\necho real pnpm\n' >"$NH/.local/share/pnpm/pnpm"
printf '#!/bin/sh\necho real yarn\n' >"$NH/.yarn/bin/yarn"
printf 'extends "std/agent", "std/dev/node";\n' >"$U/node.buckle"
printf 'extends "std/agent", "std/dev/pnpm";\n' >"$U/pnpm.buckle"
node_writes='
  (echo x >$HOME/.local/share/pnpm/git) 2>/dev/null && echo PLANTED-PNPM-HOME
  (echo x >$HOME/.local/share/pnpm/pnpm) 2>/dev/null && echo REPLACED-PNPM
  (echo x >$HOME/.yarn/bin/yarn) 2>/dev/null && echo REPLACED-YARN
  (echo x >$HOME/.yarn/bin/git) 2>/dev/null && echo PLANTED-YARN-BIN
  (echo x >$HOME/.local/share/pnpm/store/v3/f) 2>/dev/null && echo WROTE-STORE
  (echo x >$HOME/.yarn/berry/cache/f) && echo WROTE-BERRY
  (echo x >$HOME/.npm/_cacache/f) && echo WROTE-NPM
  (echo x >$HOME/.cache/pnpm/dlx/1a2b/pkg/index.js) 2>/dev/null && echo PLANTED-PNPM-DLX
  (mkdir $HOME/.cache/pnpm/dlx/3c4d) 2>/dev/null && echo MADE-PNPM-DLX
  (echo x >$HOME/.cache/pnpm/metadata/f) 2>/dev/null && echo WROTE-PNPM-CACHE'
run "landlock home: node" sh -c "cd '$NH/proj' && HOME='$NH' TMPDIR='$NH/tmp' '$B' run $A '$U/node.buckle' -- /usr/bin/sh -c '$node_writes'"
for w in PLANTED-PNPM-HOME REPLACED-PNPM REPLACED-YARN PLANTED-YARN-BIN PLANTED-PNPM-DLX MADE-PNPM-DLX WROTE-STORE WROTE-PNPM-CACHE; do
    expect_out_lacks "landlock home: std/dev/node: no program on the user's PATH, nor pnpm's store, is written: $w" "$w"
done
for w in WROTE-BERRY WROTE-NPM; do
    expect_out_has "landlock home: std/dev/node: npm's and yarn's caches are written: $w" "$w"
done
run "landlock home: pnpm" sh -c "cd '$NH/proj' && HOME='$NH' TMPDIR='$NH/tmp' '$B' run $A '$U/pnpm.buckle' -- /usr/bin/sh -c '$node_writes'"
for w in PLANTED-PNPM-HOME REPLACED-PNPM REPLACED-YARN PLANTED-YARN-BIN PLANTED-PNPM-DLX MADE-PNPM-DLX; do
    expect_out_lacks "landlock home: std/dev/pnpm: no program on the user's PATH is written: $w" "$w"
done
for w in WROTE-STORE WROTE-PNPM-CACHE WROTE-BERRY WROTE-NPM; do
    expect_out_has "landlock home: std/dev/pnpm: the caches and the store are written: $w" "$w"
done
# the home reached through another name of it (a bind mount, as a
# container's double mount of the home gives): the same directory, refused
# all the same (compared by device and inode, not by name)
if [ "$(id -u)" -eq 0 ] && mkdir -p "$U/bindhome" && mount --bind "$H" "$U/bindhome" 2>/dev/null; then
    run "landlock home: bind mount" sh -c "cd '$U/bindhome' && HOME='$H' TMPDIR='$H/tmp' '$B' run --no-cache $A '$P' -- /usr/bin/sh -c 'echo pwned >>.cargo/bin/tool'"
    expect_rc "landlock home: std/agent run from a bind mount of the home directory is refused" 125
    expect_err_has "landlock home: ... saying it is the home directory" "the working directory $U/bindhome is the home directory $H"
    umount "$U/bindhome"
    [ "$(cat "$H/.cargo/bin/tool")" = tool ] && pass "landlock home: ... and ~/.cargo/bin/tool is unchanged" \
        || fail "landlock home: ... and ~/.cargo/bin/tool is unchanged" "$(cat "$H/.cargo/bin/tool")"
else
    skip "landlock home: a bind mount of the home is refused" "not root, or no bind mount here"
fi
# inside a directory of the home whose files run or are read at start
# (~/.config, ~/.local, ~/.ssh...): refused like the home itself
# (the agent harnesses' user settings, the shell frameworks, the version
# managers' and toolchains' homes too)
mkdir -p "$H/.config/direnv" "$H/.local/share/x"
for d in .config .config/direnv .local/share/x .ssh .claude .codex .gemini .cursor .oh-my-zsh/custom .tmux .zsh \
         .pyenv/versions/3.11.7/bin .rustup/toolchains .git-templates/hooks .gradle/init.d .vim; do
    # a file already there (a harness's settings.json, a plugin): the
    # command would change it, and the next start outside runs it
    mkdir -p "$H/$d"
    echo orig >"$H/$d/settings.json"
    run "landlock home: workdir $d" sh -c "cd '$H/$d' && HOME='$H' TMPDIR='$H/tmp' '$B' run --no-cache $A '$P' -- /usr/bin/sh -c 'echo pwned >>direnvrc; echo pwned >>settings.json'"
    expect_rc "landlock home: std/agent run from ~/$d is refused" 125
    expect_err_has "landlock home: ... saying where it is (~/$d)" "is inside $H/${d%%/*}"
    [ ! -e "$H/$d/direnvrc" ] && [ "$(cat "$H/$d/settings.json")" = orig ] && pass "landlock home: ... and nothing was written in ~/$d" \
        || fail "landlock home: ... and nothing was written in ~/$d" "$(ls "$H/$d"; cat "$H/$d/settings.json")"
done
run "landlock home: read-only in .config" sh -c "cd '$H/.config' && HOME='$H' TMPDIR='$H/tmp' '$B' run --no-cache $A '$U/ro.buckle' -- /usr/bin/true"
expect_rc "landlock home: a profile that only reads WORKDIR runs from ~/.config" 0
exit 0
