# landlock_git_settings_sources.sh - std/agent's pre-run git settings check
# reads every place git takes the project's settings from, live
# (docs/linux.md, "Repositories beneath the working directory"): the work
# tree's config.worktree, the shared configuration of a linked worktree
# (.git is a file "gitdir: ..."), a script an alias runs through an
# interpreter that does not exist yet, and settings given through the
# environment.  Each names a program of the work tree and is refused
# before anything runs (exit 125).
. tests/lib.sh
agent_setup llgs "landlock git settings sources"
T="landlock git settings sources"
# inrun DIR CMD [VAR=VALUE...]
inrun() {
    d=$1 c=$2
    shift 2
    run "$T" env -C "$d" HOME="$U/home" TMPDIR="$U/tmp" "$@" "$B" run --no-cache --linux-accept=files,new-paths "$P" -- sh -c "$c"
}
inrun "$U/w" true
landlock_or_exit "$T"
mkdir -p "$U/w/tools"
git -C "$U/w" commit -q --allow-empty -m init

# config.worktree, read when extensions.worktreeConfig is set
git -C "$U/w" config core.repositoryformatversion 1
git -C "$U/w" config extensions.worktreeConfig true
git -C "$U/w" config --worktree core.fsmonitor tools/x.sh
inrun "$U/w" 'printf "#!/bin/sh\necho PWNED\n" >tools/x.sh; echo ran'
expect_rc "$T: core.fsmonitor in .git/config.worktree: refused" 125
expect_err_has "$T: ... naming it" "$U/w/.git/config.worktree names the program $U/w/tools/x.sh (core.fsmonitor = tools/x.sh)"
[ -e "$U/w/tools/x.sh" ] && fail "$T: ... nothing was run" "written" || pass "$T: ... nothing was run"
git -C "$U/w" config --worktree --unset core.fsmonitor

# a linked worktree: the shared configuration, relative programs and
# hooks from the linked worktree's top
git -C "$U/w" worktree add -q "$U/lw"
mkdir -p "$U/lw/scripts" "$U/lw/tools"
git -C "$U/lw" config core.hooksPath scripts/hooks
inrun "$U/lw" 'mkdir -p scripts/hooks; echo ran'
expect_rc "$T: linked worktree, core.hooksPath in the shared config: refused" 125
expect_err_has "$T: ... naming it" "$U/w/.git/config names the hooks directory $U/lw/scripts/hooks (core.hooksPath = scripts/hooks)"
git -C "$U/lw" config --unset core.hooksPath
git -C "$U/lw" config alias.zz '!tools/x.sh'
inrun "$U/lw" true
expect_rc "$T: linked worktree, an alias of its work tree in the shared config: refused" 125
expect_err_has "$T: ... naming it" "names the program $U/lw/tools/x.sh (alias.zz = !tools/x.sh)"
git -C "$U/lw" config --unset alias.zz
git -C "$U/lw" config --worktree core.fsmonitor tools/x.sh
inrun "$U/lw" true
expect_rc "$T: linked worktree, its own config.worktree: refused" 125
expect_err_has "$T: ... naming it" "$U/w/.git/worktrees/lw/config.worktree names the program $U/lw/tools/x.sh"
git -C "$U/lw" config --worktree --unset core.fsmonitor
inrun "$U/lw" 'echo ran'
expect_out_has "$T: linked worktree without such settings: runs" ran

# an alias whose interpreter runs a script the command may make
for a in '!sh tools/lint.sh' '!sh -c tools/lint.sh' '!bash tools/lint.sh arg' '!node tools/lint.js' '!python3 lint.py'; do
    git -C "$U/w" config alias.lint "$a"
    inrun "$U/w" true
    expect_rc "$T: alias $a, the script not there yet: refused" 125
    expect_err_has "$T: ... naming it ($a)" "(alias.lint = $a)"
done
for a in '!git log origin/main' '!echo done' '!sh -c "echo a"' '!git diff HEAD~1 -- src/x.c'; do
    git -C "$U/w" config alias.lint "$a"
    inrun "$U/w" 'echo ran'
    expect_out_has "$T: alias $a: runs" ran
done
git -C "$U/w" config --unset alias.lint
# a relative PATH entry before the program: found there
git -C "$U/w" config alias.lint '!PATH=tools:$PATH x.sh'
inrun "$U/w" true
expect_rc "$T: alias !PATH=tools:\$PATH x.sh: refused" 125
expect_err_has "$T: ... naming it" "names the program $U/w/tools/x.sh (alias.lint = !PATH=tools:\$PATH x.sh)"
git -C "$U/w" config alias.lint '!PATH=/usr/bin:$PATH ls'
inrun "$U/w" 'echo ran'
expect_out_has "$T: alias with an absolute PATH entry: runs" ran
git -C "$U/w" config --unset alias.lint

# a program an option names in the word after it (ssh -o
# ProxyCommand=...), or a variable before the program that makes it run
# one (less's LESSOPEN)
for g in 'core.sshCommand|ssh -o ProxyCommand=tools/h.sh' 'core.pager|LESSOPEN=tools/h.sh less' \
         'core.pager|LD_PRELOAD=tools/h.so less'; do
    git -C "$U/w" config "${g%%|*}" "${g#*|}"
    inrun "$U/w" true
    expect_rc "$T: ${g%%|*} = ${g#*|}: refused" 125
    expect_err_has "$T: ... naming it (${g#*|})" "names the program $U/w/tools/h.s"
    git -C "$U/w" config --unset "${g%%|*}"
done
inrun "$U/w" true GIT_SSH_COMMAND='ssh -o ProxyCommand=tools/h.sh'
expect_rc "$T: GIT_SSH_COMMAND with -o ProxyCommand= of the work tree: refused" 125
for g in 'core.sshCommand|ssh -o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null' 'core.pager|LESS=FRX less'; do
    git -C "$U/w" config "${g%%|*}" "${g#*|}"
    inrun "$U/w" 'echo ran'
    expect_out_has "$T: ${g%%|*} = ${g#*|}: runs" ran
    git -C "$U/w" config --unset "${g%%|*}"
done

# settings given through the environment
inrun "$U/w" true GIT_CONFIG_COUNT=1 GIT_CONFIG_KEY_0=core.fsmonitor GIT_CONFIG_VALUE_0=tools/x.sh
expect_rc "$T: GIT_CONFIG_KEY_0 = core.fsmonitor of the work tree: refused" 125
expect_err_has "$T: ... naming it" "GIT_CONFIG_KEY_0 names the program $U/w/tools/x.sh (core.fsmonitor = tools/x.sh)"
inrun "$U/w" true "GIT_CONFIG_PARAMETERS='core.fsmonitor'='tools/x.sh'"
expect_rc "$T: GIT_CONFIG_PARAMETERS naming a program of the work tree: refused" 125
expect_err_has "$T: ... naming it" "GIT_CONFIG_PARAMETERS names the program $U/w/tools/x.sh"
inrun "$U/w" true "GIT_CONFIG_PARAMETERS='alias.x=!tools/x.sh'"
expect_rc "$T: GIT_CONFIG_PARAMETERS, the older form: refused" 125
inrun "$U/w" true GIT_EXTERNAL_DIFF=tools/x.sh
expect_rc "$T: GIT_EXTERNAL_DIFF of the work tree: refused" 125
expect_err_has "$T: ... naming it" "GIT_EXTERNAL_DIFF names the program $U/w/tools/x.sh (diff.external = tools/x.sh)"
inrun "$U/w" true GIT_TEMPLATE_DIR="$U/w/tools/tmpl"
expect_rc "$T: GIT_TEMPLATE_DIR in the work tree: refused" 125
expect_err_has "$T: ... naming it" "GIT_TEMPLATE_DIR names the template directory $U/w/tools/tmpl"
# GIT_EXEC_PATH: git's helpers, and the first place it looks for any
# program it starts by name; each colon-separated piece
for v in "$U/w/tools" "/usr/lib/git-core:$U/w/tools" "tools"; do
    inrun "$U/w" true GIT_EXEC_PATH="$v"
    expect_rc "$T: GIT_EXEC_PATH=$v, in the work tree: refused" 125
    expect_err_has "$T: ... naming it ($v)" "GIT_EXEC_PATH names the directory $U/w/tools (GIT_EXEC_PATH = $v)"
done
inrun "$U/w" 'echo ran' GIT_EXEC_PATH=/usr/lib/git-core
expect_out_has "$T: GIT_EXEC_PATH of the system's: runs" ran
inrun "$U/w" 'echo ran' GIT_CONFIG_COUNT=1 GIT_CONFIG_KEY_0=core.pager GIT_CONFIG_VALUE_0='less -R' GIT_EDITOR=vi
expect_out_has "$T: environment settings of programs found through PATH: runs" ran

# a submodule: .git is a file pointing into the superproject's .git/modules
# (last: its local clone shares objects by hard links, refused on their own)
git init -q "$U/subsrc" && git -C "$U/subsrc" commit -q --allow-empty -m init
git -C "$U/w" -c protocol.file.allow=always submodule add -q "$U/subsrc" sub >/dev/null 2>&1
if [ -f "$U/w/sub/.git" ]; then
    mkdir -p "$U/w/sub/tools"
    git -C "$U/w/sub" config core.fsmonitor tools/x.sh
    inrun "$U/w/sub" true
    expect_rc "$T: a submodule's own config: refused" 125
    expect_err_has "$T: ... naming it" "$U/w/.git/modules/sub/config names the program $U/w/sub/tools/x.sh"
    git -C "$U/w/sub" config --unset core.fsmonitor
else skip "$T: a submodule's own config" "git submodule add failed"; fi
