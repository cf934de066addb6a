# landlock_nested_repos.sh - std/agent and the repository configuration its
# denies of $WORKDIR/.git/... do not name, live (docs/linux.md,
# "Repositories beneath the working directory"): a working directory that
# holds other repositories (~/work/frontend/.git, a bare one, Mercurial's),
# a git configuration that includes a file of the work tree (include.path =
# ../.gitconfig), names a hooks directory there (core.hooksPath) or a
# program there (core.fsmonitor = tools/fsmon.sh, an alias, a filter) is
# refused before anything runs (exit 125), naming it.
. tests/lib.sh
agent_setup llnr "landlock nested repos"
T="landlock nested repos"
# inrun DIR CLASSES PROFILE CMD
inrun() {
    run "$T" sh -c "cd '$1' && env HOME='$U/home' TMPDIR='$U/tmp' '$B' run --no-cache --linux-accept=$2 '$3' -- sh -c '$4'"
}
inrun "$U/w" files,new-paths "$P" true
landlock_or_exit "$T"
# the command's TMPDIR: a directory of its own in $U/tmp, which it may write
inrun "$U/w" files,new-paths "$P" 'echo $TMPDIR'
RT=$OUT

# a configuration that includes a file of the work tree
git -C "$U/w" config include.path ../.gitconfig
: >"$U/w/.gitconfig"
inrun "$U/w" files,new-paths "$P" 'printf "[core]\n\tfsmonitor = echo PWNED\n" >.gitconfig; echo ran'
expect_rc "$T: include.path of a work-tree file: refused" 125
expect_err_has "$T: ... naming the include" "$U/w/.git/config takes settings from $U/w/.gitconfig (include.path = ../.gitconfig)"
expect_err_has "$T: ... and the deny that holds it" 'deny final write literal "$WORKDIR/.gitconfig"'
[ -s "$U/w/.gitconfig" ] && fail "$T: ... nothing was run" "$(cat "$U/w/.gitconfig")" || pass "$T: ... nothing was run"
printf 'extends "std/agent";\nfiles { deny final write literal "$WORKDIR/.gitconfig"; }\n' >"$U/prof/inc.buckle"
inrun "$U/w" files,new-paths "$U/prof/inc.buckle" 'printf "[core]\n\tfsmonitor = echo PWNED\n" >.gitconfig; echo ran'
expect_out_has "$T: the included file denied too: the run starts" ran
[ -s "$U/w/.gitconfig" ] && fail "$T: ... and the file is not writable" "$(cat "$U/w/.gitconfig")" \
    || pass "$T: ... and the file is not writable"
git -C "$U/w" config --unset include.path
git -C "$U/w" config 'includeIf.gitdir:/.path' '../cfg/inc'
mkdir -p "$U/w/cfg"
inrun "$U/w" files "$P" true
expect_rc "$T: includeIf.path of a work-tree file: refused" 125
expect_err_has "$T: ... naming it" "(includeIf.path = ../cfg/inc)"
git -C "$U/w" config --remove-section 'includeIf.gitdir:/'
git -C "$U/w" config core.hooksPath scripts/hooks
inrun "$U/w" files,new-paths "$P" true
expect_rc "$T: core.hooksPath in the work tree: refused" 125
expect_err_has "$T: ... naming it" "names the hooks directory $U/w/scripts/hooks (core.hooksPath = scripts/hooks)"
git -C "$U/w" config core.hooksPath .husky
inrun "$U/w" files,new-paths "$P" true
expect_rc "$T: core.hooksPath that std/agent denies (.husky): runs" 0
git -C "$U/w" config --unset core.hooksPath

# a setting whose value git runs as a program of the work tree
mkdir -p "$U/w/tools"
printf '#!/bin/sh\nexit 1\n' >"$U/w/tools/fsmon.sh"
chmod +x "$U/w/tools/fsmon.sh"
git -C "$U/w" config core.fsmonitor tools/fsmon.sh
inrun "$U/w" files,new-paths "$P" 'printf "#!/bin/sh\necho PWNED\n" >tools/fsmon.sh; echo ran'
expect_rc "$T: core.fsmonitor naming a program of the work tree: refused" 125
expect_err_has "$T: ... naming it" "$U/w/.git/config names the program $U/w/tools/fsmon.sh (core.fsmonitor = tools/fsmon.sh)"
expect_err_has "$T: ... and the deny that holds it" 'deny final write literal "$WORKDIR/tools/fsmon.sh"'
grep -q PWNED "$U/w/tools/fsmon.sh" && fail "$T: ... nothing was run" "$(cat "$U/w/tools/fsmon.sh")" || pass "$T: ... nothing was run"
printf 'extends "std/agent";\nfiles { deny final write literal "$WORKDIR/tools/fsmon.sh"; }\n' >"$U/prof/prog.buckle"
inrun "$U/w" files,new-paths "$U/prof/prog.buckle" 'printf "#!/bin/sh\necho PWNED\n" >tools/fsmon.sh; echo ran'
expect_out_has "$T: the program denied too: the run starts" ran
grep -q PWNED "$U/w/tools/fsmon.sh" && fail "$T: ... and the program is not writable" "$(cat "$U/w/tools/fsmon.sh")" \
    || pass "$T: ... and the program is not writable"
git -C "$U/w" config core.fsmonitor true
inrun "$U/w" files,new-paths "$P" true
expect_rc "$T: core.fsmonitor = true (git's own daemon): runs" 0
git -C "$U/w" config --unset core.fsmonitor
# a script a later word names, an alias's shell command, from the
# user's own configuration too
git -C "$U/w" config filter.x.clean 'sh ./tools/fsmon.sh %f'
inrun "$U/w" files,new-paths "$P" true
expect_rc "$T: filter.x.clean running a script of the work tree: refused" 125
expect_err_has "$T: ... naming it" "names the program $U/w/tools/fsmon.sh (filter.x.clean = sh ./tools/fsmon.sh %f)"
git -C "$U/w" config --remove-section filter.x
# (one an option names in its own word: node's --require=, java's -javaagent:)
for v in 'node --require=./tools/fsmon.sh %f' 'java -javaagent:./tools/fsmon.sh Main'; do
    git -C "$U/w" config filter.x.clean "$v"
    inrun "$U/w" files,new-paths "$P" true
    expect_rc "$T: filter.x.clean = $v: refused" 125
    expect_err_has "$T: ... naming it ($v)" "names the program $U/w/tools/fsmon.sh (filter.x.clean = $v)"
    git -C "$U/w" config --remove-section filter.x
done
# the other settings git runs a program of: each names the work tree's
for kv in "trailer.sign.cmd tools/fsmon.sh" "trailer.sign.command tools/fsmon.sh" \
          "core.alternateRefsCommand tools/fsmon.sh" "mergetool.vd.path $U/w/tools/fsmon.sh" \
          "difftool.vd.path $U/w/tools/fsmon.sh" "sendemail.smtpServer $U/w/tools/fsmon.sh" \
          "sendemail.sendmailCmd tools/fsmon.sh" "sendemail.toCmd tools/fsmon.sh" "sendemail.work.ccCmd tools/fsmon.sh" \
          "sendemail.headerCmd tools/fsmon.sh" "imap.tunnel tools/fsmon.sh" "browser.foo.path $U/w/tools/fsmon.sh" \
          "browser.foo.cmd tools/fsmon.sh" "man.foo.cmd tools/fsmon.sh" "man.foo.path $U/w/tools/fsmon.sh" \
          "hook.lint.command tools/fsmon.sh" "submodule.x.update !tools/fsmon.sh" "guitool.x.cmd tools/fsmon.sh" \
          "instaweb.httpd tools/fsmon.sh" "tar.tgz.command tools/fsmon.sh" "remote.origin.url ext::sh tools/fsmon.sh" \
          "remote.origin.pushurl ext::tools/fsmon.sh %S" "submodule.lib.url ext::sh tools/fsmon.sh"; do
    k=${kv%% *}
    git -C "$U/w" config "$k" "${kv#* }"
    inrun "$U/w" files,new-paths "$P" true
    expect_rc "$T: $k naming a program of the work tree: refused" 125
    expect_err_has "$T: ... naming it ($k)" "names the program $U/w/tools/fsmon.sh ($k = ${kv#* })"
    git -C "$U/w" config --unset "$k"
done
# shell forms that hide the program from a word-by-word reading
for kv in "core.fsmonitor true;tools/fsmon.sh" "core.fsmonitor (tools/fsmon.sh)" \
          'core.fsmonitor "$(git rev-parse --show-toplevel)/tools/fsmon.sh"' 'core.fsmonitor ${TOP}/tools/fsmon.sh' \
          'alias.st !f(){ tools/fsmon.sh "$@"; }; f' 'alias.go !echo `pwd` && tools/fsmon.sh'; do
    k=${kv%% *}
    git -C "$U/w" config "$k" "${kv#* }"
    inrun "$U/w" files,new-paths "$P" true
    expect_rc "$T: $k = ${kv#* }: refused" 125
    expect_err_has "$T: ... naming it (${kv#* })" "names the program $U/w/tools/fsmon.sh ($k = ${kv#* })"
    git -C "$U/w" config --unset "$k"
done
git -C "$U/w" config alias.lg '!git log --oneline | head -5 && echo "$(date)/x"'
inrun "$U/w" files,new-paths "$P" true
expect_rc "$T: an alias of programs found through PATH, with shell syntax: runs" 0
git -C "$U/w" config --unset alias.lg
# the user's configuration wherever git finds it: GIT_CONFIG_GLOBAL,
# GIT_CONFIG_SYSTEM (both read whatever HOME is)
printf '[alias]\n\tgo = !tools/fsmon.sh\n' >"$U/gcg"
for v in GIT_CONFIG_GLOBAL GIT_CONFIG_SYSTEM; do
    run "$T" sh -c "cd '$U/w' && env HOME='$U/home' TMPDIR='$U/tmp' $v='$U/gcg' '$B' run --no-cache --linux-accept=files,new-paths '$P' -- true"
    expect_rc "$T: $v naming a configuration with an alias of the work tree's: refused" 125
    expect_err_has "$T: ... naming it ($v)" "$U/gcg names the program $U/w/tools/fsmon.sh (alias.go = !tools/fsmon.sh)"
done
rm -f "$U/gcg"
# such a file the command may write itself: whatever it names after the run
printf '[user]\n\tname = a\n' >"$U/w/.gitconfig-ci"
# (a relative one from the directory git runs in: the project's)
for v in "GIT_CONFIG_GLOBAL=$U/w/.gitconfig-ci" "GIT_CONFIG_SYSTEM=$RT/sys.cfg" "XDG_CONFIG_HOME=$U/w/.config" \
         "XDG_CONFIG_HOME=.config" "GIT_CONFIG_GLOBAL=.gitconfig-ci"; do
    case $v in XDG*) f=$U/w/.config/git/config;; *=/*) f=${v#*=};; *) f=$U/w/${v#*=};; esac
    run "$T" sh -c "cd '$U/w' && env HOME='$U/home' TMPDIR='$U/tmp' $v '$B' run --no-cache --linux-accept=files,new-paths '$P' -- true"
    expect_rc "$T: $v, a configuration git reads that the command may write: refused" 125
    expect_err_has "$T: ... naming it ($v)" "git reads $f as its configuration in every repository, and the plan lets the command write it"
done
rm -f "$U/w/.gitconfig-ci"
git -C "$U/w" config sendemail.smtpServer smtp.example.org
inrun "$U/w" files,new-paths "$P" true
expect_rc "$T: sendemail.smtpServer naming a host: runs" 0
git -C "$U/w" config --unset sendemail.smtpServer
git -C "$U/w" config remote.up.url "$U/w/tools"
inrun "$U/w" files,new-paths "$P" true
expect_rc "$T: a remote's URL that is a path, no ext:: transport: runs" 0
git -C "$U/w" config --remove-section remote.up
# url.<base>.insteadOf: an ext:: base runs at the fetch or push of any
# URL the value starts
for kv in "url.ext::sh tools/fsmon.sh.insteadOf|https://example.com/" \
          "url.EXT::tools/fsmon.sh %S.pushInsteadOf|git@example.com:" \
          "url.ext::sh -c tools/%s.sh.insteadOf|https://example.org/"; do
    k=${kv%%|*}
    git -C "$U/w" config "$k" "${kv#*|}"
    inrun "$U/w" files,new-paths "$P" true
    expect_rc "$T: $k naming a program of the work tree: refused" 125
    case $k in *%s*) p=$U/w/tools/upload-pack.sh;; *) p=$U/w/tools/fsmon.sh;; esac
    expect_err_has "$T: ... naming it ($k)" "names the program $p ($k = ${kv#*|})"
    git -C "$U/w" config --unset "$k"
done
cp "$U/w/.git/config" "$U/config.saved"
printf '[url "ext::sh tools/f\\"s].sh"]\n\tinsteadOf = https://example.com/\n' >>"$U/w/.git/config"
inrun "$U/w" files,new-paths "$P" true
expect_rc "$T: an ext:: base with a quote and a ']' in the subsection: refused" 125
expect_err_has "$T: ... naming the program as git reads it" "names the program $U/w/tools/f\"s].sh"
cp "$U/config.saved" "$U/w/.git/config"
printf '[url "ext::sh tools/fsmon.sh"]\n\tinsteadOf = https://example.com/\n' >"$U/inc.cfg"
git -C "$U/w" config include.path "$U/inc.cfg"
inrun "$U/w" files,new-paths "$P" true
expect_rc "$T: an ext:: base in a file the configuration includes: refused" 125
expect_err_has "$T: ... naming it" "$U/inc.cfg, included by $U/w/.git/config names the program $U/w/tools/fsmon.sh"
git -C "$U/w" config --unset include.path
rm -f "$U/inc.cfg"
run "$T" sh -c "cd '$U/w' && env HOME='$U/home' TMPDIR='$U/tmp' GIT_CONFIG_COUNT=1 GIT_CONFIG_KEY_0='url.ext::sh tools/fsmon.sh.insteadOf' GIT_CONFIG_VALUE_0=https://example.com/ '$B' run --no-cache --linux-accept=files,new-paths '$P' -- true"
expect_rc "$T: an ext:: base in the environment's GIT_CONFIG_KEY_0: refused" 125
expect_err_has "$T: ... naming it" "the environment's GIT_CONFIG_KEY_0 names the program $U/w/tools/fsmon.sh"
git -C "$U/w" config url.https://mirror.example.org/.insteadOf https://example.com/
inrun "$U/w" files,new-paths "$P" true
expect_rc "$T: url.<base>.insteadOf with an https base: runs" 0
git -C "$U/w" config --remove-section url.https://mirror.example.org/
# a template directory in the work tree: git init and clone copy its hooks
git -C "$U/w" config init.templateDir "$U/w/tools/tmpl"
inrun "$U/w" files,new-paths "$P" true
expect_rc "$T: init.templateDir in the work tree: refused" 125
expect_err_has "$T: ... naming it" "names the template directory $U/w/tools/tmpl (init.templateDir = $U/w/tools/tmpl)"
git -C "$U/w" config --unset init.templateDir
printf '[alias]\n\tst = status\n\tgo = !tools/fsmon.sh --now\n' >"$U/home/.gitconfig"
inrun "$U/w" files,new-paths "$P" true
expect_rc "$T: the user's alias running a program of the work tree: refused" 125
expect_err_has "$T: ... naming it" "$U/home/.gitconfig names the program $U/w/tools/fsmon.sh (alias.go = !tools/fsmon.sh --now)"
printf '[alias]\n\tst = status\n[core]\n\tpager = less -R\n\tfsmonitor = false\n[credential]\n\thelper = store\n[filter "lfs"]\n\tclean = git-lfs clean -- %%f\n' >"$U/home/.gitconfig"
inrun "$U/w" files,new-paths "$P" true
expect_rc "$T: settings that run programs found through PATH: runs" 0
rm -f "$U/home/.gitconfig"
# an include spelled as git reads it: ~USER/ is that user's home (from the
# password database), a backslash-newline goes on on the next line
: >"$U/w/inc.cfg"
me=$(id -un)
ups=$(getent passwd "$me" | cut -d: -f6 | tr -cd / | sed 's,/,../,g')
git -C "$U/w" config include.path "~$me/$ups${U#/}/w/inc.cfg"
inrun "$U/w" files "$P" true
expect_rc "$T: include.path = ~USER/... of a work-tree file: refused" 125
expect_err_has "$T: ... naming the file git reads" "takes settings from $U/w/inc.cfg (include.path = ~$me/"
git -C "$U/w" config --unset include.path
printf '[include]\n\tpath = ../in\\\nc.cfg\n' >>"$U/w/.git/config"
[ "$(git -C "$U/w" config --get include.path)" = ../inc.cfg ] && pass "$T: (git reads the continued line as ../inc.cfg)" \
    || fail "$T: (git reads the continued line as ../inc.cfg)" "$(git -C "$U/w" config --get include.path)"
inrun "$U/w" files "$P" true
expect_rc "$T: include.path continued on the next line: refused" 125
expect_err_has "$T: ... naming the file git reads" "takes settings from $U/w/inc.cfg (include.path = ../inc.cfg)"
git -C "$U/w" config --unset include.path
rm -f "$U/w/inc.cfg"
rm -rf "$U/w/tools"

# a working directory that holds repositories
mkdir -p "$U/ws"
git init -q "$U/ws/frontend"
git init -q "$U/ws/backend"
for cls in files,new-paths files; do
    inrun "$U/ws" "$cls" "$P" 'echo "echo PWNED" >frontend/.git/hooks/pre-commit; echo "echo PWNED" >backend/.git/hooks/pre-commit; echo ran'
    expect_rc "$T: repositories beneath the working directory: refused ($cls)" 125
    expect_err_has "$T: ... naming one" "/.git is a repository beneath the working directory, and the plan lets the command write $U/ws/"
    expect_err_has "$T: ... and the denies that hold it" '/.git/hooks", literal "$WORKDIR/'
    if [ -e "$U/ws/frontend/.git/hooks/pre-commit" ] || [ -e "$U/ws/backend/.git/hooks/pre-commit" ]; then
        fail "$T: ... nothing was run ($cls)" "a hook was written"
    else pass "$T: ... nothing was run ($cls)"; fi
done
inrun "$U/ws/frontend" files,new-paths "$P" 'echo "echo PWNED" >.git/hooks/pre-commit; echo ran'
expect_out_has "$T: run in one of them: it starts" ran
[ -e "$U/ws/frontend/.git/hooks/pre-commit" ] && fail "$T: ... and its hooks stay closed" "written" \
    || pass "$T: ... and its hooks stay closed"
# the denies the refusal names are std/agent's own for the working
# directory's repository, every one of them, with the repository's path
inrun "$U/ws" files,new-paths "$P" true
sed -n 's/.*deny it too (deny final write \(.*\);), or run buckle.*/\1/p' "$TMP/err" | head -1 | tr ',' '\n' |
    sed 's/^ *//; s/^literal //; s/^glob //; s/"//g; s#^\$WORKDIR/[^/]*/\.git#$WORKDIR/.git#' | sort -u >"$U/presc"
grep 'deny final write' corpus/std/agent.buckle | grep -oE '"\$WORKDIR/\.git(/[^"]*)?"' | tr -d '"' | sort -u >"$U/stdtop"
[ -s "$U/presc" ] && cmp -s "$U/presc" "$U/stdtop" && pass "$T: the denies named are std/agent's for its own repository" \
    || fail "$T: the denies named are std/agent's for its own repository" "$(diff "$U/presc" "$U/stdtop")"
# hooks and config alone leave config.worktree and commondir, which send
# git elsewhere for its configuration: still refused
{
    echo 'extends "std/agent";'
    echo 'files {'
    for r in frontend backend; do
        echo "    deny final write \"\$WORKDIR/$r/.git/hooks\", literal \"\$WORKDIR/$r/.git/config\";"
    done
    echo '}'
} >"$U/prof/ws2.buckle"
inrun "$U/ws" files,new-paths "$U/prof/ws2.buckle" 'echo ran'
expect_rc "$T: only hooks and config denied: refused" 125
expect_err_has "$T: ... naming config.worktree" ".git/config.worktree ("
expect_out_lacks "$T: ... and nothing ran" ran
# taken as they are named, they hold both repositories
printf 'extends "std/agent";\nfiles {\n' >"$U/prof/ws.head"
for i in 1 2 3; do
    { cat "$U/prof/ws.head"; echo '}'; } >"$U/prof/ws.buckle"
    inrun "$U/ws" files,new-paths "$U/prof/ws.buckle" true
    d=$(sed -n 's/.*deny it too (\(deny final write .*;\)), or run buckle.*/\1/p' "$TMP/err" | head -1)
    [ -z "$d" ] && break
    echo "    $d" >>"$U/prof/ws.head"
done
inrun "$U/ws" files,new-paths "$U/prof/ws.buckle" 'echo "echo PWNED" >frontend/.git/hooks/pre-commit; git -C backend config core.fsmonitor "echo PWNED"; echo ran'
expect_out_has "$T: their hooks and config denied: the run starts" ran
[ -e "$U/ws/frontend/.git/hooks/pre-commit" ] && fail "$T: ... and a hook cannot be written" "written" \
    || pass "$T: ... and a hook cannot be written"
git -C "$U/ws/backend" config core.fsmonitor >/dev/null && fail "$T: ... nor a config" "$(git -C "$U/ws/backend" config core.fsmonitor)" \
    || pass "$T: ... nor a config"
# a bare repository, and Mercurial's, deeper down
git init -q --bare "$U/ws/vendor/lib/x.git"
inrun "$U/ws" files,new-paths "$U/prof/ws.buckle" true
expect_rc "$T: a bare repository beneath: refused" 125
expect_err_has "$T: ... naming it" "$U/ws/vendor/lib/x.git is a repository beneath the working directory"
rm -rf "$U/ws/vendor"
mkdir -p "$U/ws/a/b/.hg"
echo "[ui]" >"$U/ws/a/b/.hg/hgrc"
inrun "$U/ws" files,new-paths "$U/prof/ws.buckle" true
expect_rc "$T: a Mercurial repository beneath: refused" 125
expect_err_has "$T: ... naming it" "$U/ws/a/b/.hg is a repository beneath the working directory, and the plan lets the command write $U/ws/a/b/.hg/hgrc"

# the user's own configuration, read in every repository: an includeIf into
# the project, and a relative core.hooksPath (taken from the project's work
# tree)
mkdir -p "$U/g" && git init -q "$U/g/w2"
printf '[includeIf "gitdir:%s/"]\n\tpath = %s/w2/.gitconfig\n' "$U/g" "$U/g" >"$U/home/.gitconfig"
inrun "$U/g/w2" files,new-paths "$P" 'printf "[core]\n\tfsmonitor = echo PWNED\n" >.gitconfig; echo ran'
expect_rc "$T: the user's ~/.gitconfig including a file of the project: refused" 125
expect_err_has "$T: ... naming the user's configuration" "$U/home/.gitconfig takes settings from $U/g/w2/.gitconfig"
printf '[core]\n\thooksPath = .hooks\n' >"$U/home/.gitconfig"
inrun "$U/g/w2" files,new-paths "$P" 'mkdir -p .hooks; echo ran'
expect_rc "$T: the user's relative core.hooksPath, in the project: refused" 125
expect_err_has "$T: ... naming it" "(core.hooksPath = .hooks)"
rm -f "$U/home/.gitconfig"
# a working directory inside a repository: that repository's configuration
# includes a file of the working directory
mkdir -p "$U/g/w2/sub"
git -C "$U/g/w2" config include.path ../sub/inc
inrun "$U/g/w2/sub" files,new-paths "$P" 'printf "[core]\n\tfsmonitor = echo PWNED\n" >inc; echo ran'
expect_rc "$T: the enclosing repository includes a file of the working directory: refused" 125
expect_err_has "$T: ... naming the include" "$U/g/w2/.git/config takes settings from $U/g/w2/sub/inc"
git -C "$U/g/w2" config --unset include.path
inrun "$U/g/w2/sub" files,new-paths "$P" 'echo ran'
expect_out_has "$T: ... without the include the run starts" ran
