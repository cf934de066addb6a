# landlock_env_files.sh - the environment buckle is started with names a
# file that a program runs or loads at its start (BASH_ENV, ENV,
# PYTHONSTARTUP, PSQLRC, NODE_OPTIONS's --require, LD_PRELOAD, ZDOTDIR, the
# programs of LESSOPEN, PAGER, EDITOR, RUSTC_WRAPPER, PROMPT_COMMAND,
# SSH_ASKPASS, JAVA_TOOL_OPTIONS's agents, RUBYOPT's -r): when the
# plan lets the command write it, the user's later commands in that shell
# would run what the command put there, so the run is refused before it
# starts (exit 125), naming it (docs/linux.md, "Repositories beneath the
# working directory").  Live.
. tests/lib.sh
agent_setup llef "landlock env files"
T="landlock env files"
agent_inrun true
landlock_or_exit "$T"
mkdir -p "$U/w/tools" "$U/w/real"
ln -s real "$U/w/linked"
# the command's TMPDIR: a directory of its own in $U/tmp, which it may write
agent_inrun 'echo $TMPDIR'
RT=$OUT
for v in "BASH_ENV=$U/w/tools/env.sh|$U/w/tools/env.sh" "ENV=tools/env.sh|$U/w/tools/env.sh" \
         "PYTHONSTARTUP=$U/w/tools/start.py|$U/w/tools/start.py" "PSQLRC=$U/w/tools/psqlrc|$U/w/tools/psqlrc" \
         "NODE_OPTIONS=--max-old-space-size=4096 --require ./tools/hook.js|$U/w/tools/hook.js" \
         "NODE_OPTIONS=--import=file://$U/w/tools/hook.mjs|$U/w/tools/hook.mjs" \
         "LD_PRELOAD=/usr/lib/none.so:$U/w/tools/pre.so|$U/w/tools/pre.so" \
         "ZDOTDIR=$U/w/tools|the directory $U/w/tools" "BASH_ENV=$RT/env.sh|$RT/env.sh" \
         "LD_PRELOAD=$U/w/tools/\$LIB/x.so|the directory $U/w/tools" "LD_AUDIT=$U/w/tools/\${PLATFORM}/a.so|the directory $U/w/tools" \
         "LD_LIBRARY_PATH=/usr/lib:$U/w/tools/\$LIB|the directory $U/w/tools"; do
    var=${v%%|*}
    agent_inrun 'echo ran' "$var"
    expect_rc "$T: $var: refused" 125
    expect_out_lacks "$T: ... before the command starts ($var)" ran
    expect_err_has "$T: ... naming it ($var)" "the environment's ${var%%=*} names ${v#*|} (${var%%=*} = ${var#*=})"
done
# a path of the dynamic loader's that does not start with '/' (a token
# of its own first, an empty LD_LIBRARY_PATH entry) is taken from the
# directory each later program runs in, or with $ORIGIN the one it is in:
# any directory the command may make a file in
for v in "LD_PRELOAD=\$LIB/x.so|\$LIB/x.so" "LD_PRELOAD=/usr/lib/none.so \$LIB/x.so|\$LIB/x.so" \
         "LD_AUDIT=\${PLATFORM}/a.so|\${PLATFORM}/a.so" "LD_PRELOAD=\$ORIGIN/../w/x.so|\$ORIGIN/../w/x.so" \
         "LD_LIBRARY_PATH=/usr/local/lib:|an empty entry (.)" "LD_LIBRARY_PATH=lib;/usr/lib|lib" \
         "LD_LIBRARY_PATH=/usr/lib:\${ORIGIN}/../lib|\${ORIGIN}/../lib"; do
    var=${v%%|*}
    agent_inrun 'echo ran' "$var"
    expect_rc "$T: $var: refused" 125
    expect_out_lacks "$T: ... before the command starts ($var)" ran
    expect_err_has "$T: ... naming it ($var)" "the environment's ${var%%=*} names ${v#*|} (${var%%=*} = ${var#*=}), a path the dynamic loader takes from the directory each later program runs in"
done
# the tools' own homes and configuration directories (CARGO_HOME's
# config.toml, MISE_CONFIG_DIR's, a relative one from the working
# directory): what the configuration there names runs at the tool's next
# start, anywhere
for v in "CARGO_HOME=$U/w/.cargo-home" "CARGO_HOME=.cargo-home" "MISE_CONFIG_DIR=$U/w/mise-cfg" \
         "RUSTUP_HOME=$U/w/.rustup" "MISE_DATA_DIR=$U/w/.mise-data" "ASDF_DATA_DIR=$U/w/.asdf" \
         "PYTHONUSERBASE=$U/w/.pyuser"; do
    agent_inrun 'echo ran' "$v"
    expect_rc "$T: tool home $v: refused" 125
    expect_out_lacks "$T: ... before the command starts ($v)" ran
    d=${v#*=}; case $d in /*) ;; *) d=$U/w/$d;; esac
    expect_err_has "$T: ... naming it ($v)" "the environment's ${v%%=*} names the directory $d (${v%%=*} = ${v#*=})"
done
for v in "NPM_CONFIG_USERCONFIG=$U/w/.npmrc-user" "MISE_GLOBAL_CONFIG_FILE=$U/w/mise-global.toml" \
         "ASDF_CONFIG_FILE=$U/w/asdfrc"; do
    agent_inrun 'echo ran' "$v"
    expect_rc "$T: tool configuration file $v: refused" 125
    expect_err_has "$T: ... naming it ($v)" "the environment's ${v%%=*} names ${v#*=} (${v%%=*} = ${v#*=})"
done
agent_inrun 'echo ran' CARGO_HOME="$U/home/.cargo" MISE_CONFIG_DIR="$U/home/.config/mise" PYTHONUSERBASE="$U/home/.local"
expect_out_has "$T: tool homes where the command may not write: runs" ran
# programs run at the start of less, git's pager and editor, cargo, java,
# ruby, bash's prompt, ssh: the value's words that name a file
for v in "LESSOPEN=| $U/w/tools/lp.sh %s@$U/w/tools/lp.sh" "LESSOPEN=||tools/lp.sh %s@$U/w/tools/lp.sh" \
         "PAGER=tools/pager -R@$U/w/tools/pager" "VISUAL=$U/w/tools/ed --wait@$U/w/tools/ed" \
         "RUSTC_WRAPPER=$U/w/tools/wrap@$U/w/tools/wrap" \
         "JAVA_TOOL_OPTIONS=-Xmx1g -javaagent:$U/w/tools/agent.jar=debug@$U/w/tools/agent.jar" \
         "RUBYOPT=-W0 -r./tools/x.rb@$U/w/tools/x.rb" "RUBYOPT=-r $U/w/tools/x.rb@$U/w/tools/x.rb" \
         "PROMPT_COMMAND=history -a; . $U/w/tools/p.sh;@$U/w/tools/p.sh" "SSH_ASKPASS=$U/w/tools/ask@$U/w/tools/ask"; do
    var=${v%%@*}
    agent_inrun 'echo ran' "$var"
    expect_rc "$T: $var: refused" 125
    expect_out_lacks "$T: ... before the command starts ($var)" ran
    expect_err_has "$T: ... naming it ($var)" "the environment's ${var%%=*} names ${v#*@} (${var%%=*} = ${var#*=})"
done
# node reads a file: URL the way URLs are read: host localhost, one
# slash or none, the scheme in any case, %XX escapes, a query, '\' for
# '/', dot segments; and a java agent's options after its '=' may name a
# file it loads: each such reading is checked
for v in "NODE_OPTIONS=--import=file://localhost$U/w/tools/hook.mjs" "NODE_OPTIONS=--import=file:$U/w/tools/hook.mjs" \
         "NODE_OPTIONS=--import=FILE://$U/w/tools/hook.mjs" "NODE_OPTIONS=--import File:$U/w/tools/hook.mjs" \
         "NODE_OPTIONS=--import=file://$U/w/%74ools/hook.mjs" "NODE_OPTIONS=--import=file://$U/w/tools/hook.mjs?v=1" \
         "NODE_OPTIONS=--experimental-loader=file://$U/w/x/../tools\\hook.mjs"; do
    agent_inrun 'echo ran' "$v"
    expect_rc "$T: file: URL $v: refused" 125
    expect_out_lacks "$T: ... before the command starts ($v)" ran
    expect_err_has "$T: ... naming the file node loads ($v)" "the environment's NODE_OPTIONS names $U/w/tools/hook.mjs (NODE_OPTIONS = ${v#*=})"
done
agent_inrun 'echo ran' "JAVA_TOOL_OPTIONS=-javaagent:/usr/lib/none.jar=./tools/agent.jar"
expect_rc "$T: a java agent's options naming a file: refused" 125
expect_err_has "$T: ... naming it" "the environment's JAVA_TOOL_OPTIONS names $U/w/tools/agent.jar"
agent_inrun 'echo ran' "NODE_OPTIONS=--import=file://localhost/usr/lib/none.mjs --import=file:///%75sr/lib/none.mjs"
expect_out_has "$T: file: URLs of files the command may not write: runs" ran
agent_inrun 'echo ran' PAGER='less -R' EDITOR=vim RUSTC_WRAPPER=sccache RUBYOPT=-rbundler/setup \
    JAVA_TOOL_OPTIONS='-Dfile.encoding=UTF-8 -agentlib:jdwp=transport=dt_socket' \
    PROMPT_COMMAND="history -a 2>/dev/null; echo x >$U/w/log; X=$U/w/tools/p.sh; ls --color=auto --hide=./tools/y"
expect_out_has "$T: programs found through PATH, libraries, a redirection, an assignment, an option: runs" ran
# bash reads no file: URL: BASH_ENV=file:///etc/x names file: beneath the
# working directory, which the command may write
agent_inrun 'echo ran' BASH_ENV="file:///etc/buckle-none/env.sh"
expect_rc "$T: BASH_ENV=file:///etc/...: refused" 125
expect_err_has "$T: ... naming the relative path bash loads" "the environment's BASH_ENV names $U/w/file:/etc/buckle-none/env.sh"
# through a symbolic link: the deny prescribed names where it leads
agent_inrun true BASH_ENV="$U/w/linked/env.sh"
expect_rc "$T: BASH_ENV through a link: refused" 125
expect_err_has "$T: ... the deny names the link's target" "deny final write literal \"$U/w/real/env.sh\";"
agent_inrun 'echo ran' BASH_ENV=/etc/bash.bashrc ENV='$HOME/.shrc' NODE_OPTIONS='--require ts-node/register' LD_PRELOAD=libfake.so LD_LIBRARY_PATH='/usr/$LIB'
expect_out_has "$T: files outside what the command may write, a module name, an expansion: runs" ran
printf 'extends "std/agent";\nfiles { deny final write literal "$WORKDIR/tools/env.sh"; }\n' >"$U/prof/env.buckle"
echo 'echo ok' >"$U/w/tools/env.sh"
run "$T" env -C "$U/w" HOME="$U/home" TMPDIR="$U/tmp" BASH_ENV="$U/w/tools/env.sh" "$B" run --no-cache --linux-accept=files,new-paths "$U/prof/env.buckle" -- sh -c 'echo ran; echo PWNED >tools/env.sh'
expect_out_has "$T: the file denied too: the run starts" ran
grep -q PWNED "$U/w/tools/env.sh" && fail "$T: ... and it is not written" "$(cat "$U/w/tools/env.sh")" || pass "$T: ... and it is not written"
