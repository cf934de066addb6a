# landlock_env_any.sh - every variable of the environment buckle is
# started with counts, not only the table's: one that names, as an
# absolute path, a part of a ':' list or in an option word, a place the
# command may write has the run refused before it starts (exit 125), but
# the few that name only data or the project's own programs (PWD, TMPDIR,
# PATH, VIRTUAL_ENV, ...), the working directory itself, a device, and a
# variable the .envrc direnv loaded sets; the table names more (LD_AUDIT,
# OPENSSL_CONF, _JAVA_OPTIONS, npm's settings in any case, node's
# --openssl-config), and an .envrc's exports of such names are watched
# (docs/linux.md, "The environment").  Live.
. tests/lib.sh
agent_setup llenvany "landlock env any"
T="env any"
agent_inrun true
landlock_or_exit "$T"
W=$U/w
mkdir -p "$W/tools" "$W/py/lib/python3.11" "$W/gconv" "$W/data"
# refused: VAR=VALUE@WHAT the message names
refused() {
    var=${1%%@*}
    agent_inrun 'echo ran' "$var"
    expect_rc "$T: $var: refused" 125
    expect_out_lacks "$T: ... before the command starts ($var)" ran
    expect_err_has "$T: ... naming it ($var)" "the environment's ${2:-${var%%=*}} names ${1#*@}"
}
# the table: the dynamic loader's audit libraries, OpenSSL's
# configuration (its provider modules), node's --openssl-config, the
# JVM's other option variables, npm's environment settings in any case
refused "LD_AUDIT=$W/tools/x.so@$W/tools/x.so"
refused "OPENSSL_CONF=tools/x.cnf@$W/tools/x.cnf"
refused "NODE_OPTIONS=--openssl-config=$W/tools/x.cnf@$W/tools/x.cnf"
refused "NODE_OPTIONS=--openssl-config ./tools/x.cnf@$W/tools/x.cnf"
refused "_JAVA_OPTIONS=-javaagent:$W/tools/a.jar@$W/tools/a.jar"
refused "JDK_JAVA_OPTIONS=-Xmx1g -javaagent:./tools/a.jar=x@$W/tools/a.jar"
refused "npm_config_userconfig=$W/tools/npmrc@$W/tools/npmrc" NPM_CONFIG_USERCONFIG
refused "NPM_CONFIG_NODE_OPTIONS=--require $W/tools/x.js@$W/tools/x.js"
refused "npm_config_node_options=--require ./tools/x.js@$W/tools/x.js" NPM_CONFIG_NODE_OPTIONS
refused "npm_config_script_shell=$W/tools/sh@$W/tools/sh" NPM_CONFIG_SCRIPT_SHELL
refused "PYTHONHOME=py@the directory $W/py"
refused "GCONV_PATH=/usr/lib/none:$W/gconv@the directory $W/gconv"
refused "INPUTRC=$W/tools/inputrc@$W/tools/inputrc"
refused "IRBRC=$W/tools/irbrc@$W/tools/irbrc"
refused "KUBECONFIG=/etc/none.yaml:$W/tools/k.yaml@$W/tools/k.yaml"
refused "OPENSSL_MODULES=$W/tools@the directory $W/tools"
refused "GNUPGHOME=$W/tools@the directory $W/tools"
refused "SHELL=$W/tools/sh@$W/tools/sh"
# every other variable: an absolute path, a list's part, an option's
# file, a NAME=VALUE word's value, a quoted word
for v in "AWS_CONFIG_FILE=$W/tools/aws" "STARSHIP_CONFIG=$W/tools/starship.toml" "BUNDLE_GEMFILE=$W/tools/Gemfile" \
         "R_PROFILE=$W/tools/Rprofile" "YARN_YARN_PATH=$W/tools/y.cjs" "RUSTC=$W/tools/rustc" \
         "CARGO_TARGET_X86_64_UNKNOWN_LINUX_GNU_LINKER=$W/tools/ld" "DOCKER_CONFIG=$W/tools" \
         "GRADLE_USER_HOME=$W/gh" "GOENV=$W/tools/goenv" \
         "GOROOT=$W/goroot" "JAVA_HOME=$W/jdk" "GEM_HOME=$W/gems" "LESSKEYIN=$W/tools/lesskey" \
         "WGETRC=$W/tools/wgetrc" "MAILCAPS=/etc/mailcap:$W/tools/mailcap"; do
    d=${v#*=}; d=${d##*:}
    [ -d "$d" ] && d="the directory $d"
    refused "$v@$d"
done
# git's repository directories, relative ones too (a hook's GIT_DIR=.git,
# whose config and hooks std/agent denies, runs: below)
refused "GIT_COMMON_DIR=$W/common@the directory $W/common"
refused "GIT_DIR=newrepo.git@the directory $W/newrepo.git"
refused "MAVEN_OPTS=-Xmx1g -javaagent:$W/tools/a.jar@$W/tools/a.jar"
refused "GRADLE_OPTS=-javaagent:$W/tools/a.jar@$W/tools/a.jar"
refused "GOFLAGS=-mod=mod -toolexec=$W/tools/x@$W/tools/x"
refused "RUSTFLAGS=-C linker=$W/tools/ld@$W/tools/ld"
# cargo's encoded flags are separated by the unit separator (0x1f)
US=$(printf '\037')
refused "CARGO_ENCODED_RUSTFLAGS=-L${US}$W/tools@the directory $W/tools"
refused "PERL5DB=require '$W/tools/x.pl'@$W/tools/x.pl"
refused "VIMINIT=source $W/tools/x.vim@$W/tools/x.vim"
agent_inrun 'echo ran' "FOO_PLUGIN=$W/tools/p.so"
expect_err_has "$T: an unknown variable: the message says the rule" "a program that reads FOO_PLUGIN may load or run what the command puts there"
expect_err_has "$T: ... and how to leave it out" "env -u FOO_PLUGIN buckle run"
# a search path the same value adds, before a library it loads by name
refused "RUBYOPT=-I$W/tools -rhook@the directory $W/tools"
refused "PERL5OPT=-I$W/tools -MHook@the directory $W/tools"
agent_inrun 'echo ran' "NODE_OPTIONS=--require hook" "NODE_PATH=$W/tools"
expect_rc "$T: NODE_OPTIONS --require NAME with NODE_PATH: refused" 125
expect_err_has "$T: ... naming NODE_PATH's directory" "which node looks for first in NODE_PATH's $W/tools"
# an ordinary shell's environment runs: the shell's places, the home and
# temporary directories, PATH and a virtual environment in the project,
# search paths and compilers, terminals and sockets, names that are not
# paths, the working directory itself, a relative value, a package
# manager's and git's description of what they run
mkdir -p "$W/.venv/bin" "$W/src"
agent_inrun 'echo ran' PWD="$W" OLDPWD="$W/tools" PATH="$W/.venv/bin:$W/tools:$PATH" VIRTUAL_ENV="$W/.venv" \
    PYTHONPATH="$W/src" NODE_PATH="$W/node_modules" CC="$W/tools/cc" CFLAGS="-I$W/src -O2" \
    GPG_TTY=/dev/pts/77 TZ=Europe/Paris LANG=C.UTF-8 EDITOR=vim \
    GITHUB_WORKSPACE="$W" PROJECT_ROOT="$U" BUILD_DIR=./build BLOB=/dev/null INIT_CWD="$W" \
    npm_package_json="$W/package.json" npm_lifecycle_script="buckle run p -- $W/tools/t.sh" \
    DIRENV_DIR="-$W" DIRENV_FILE="$W/.envrc" GIT_DIR=.git GIT_INDEX_FILE="$W/.git/index" XDG_CACHE_HOME="$U/home/.cache" \
    NODE_OPTIONS=--max-old-space-size=4096 JAVA_TOOL_OPTIONS=-Dfile.encoding=UTF-8 URL="https://example.com/$W"
expect_rc "$T: an ordinary shell's environment: the run goes on" 0
expect_out_has "$T: ... and the command runs" ran
# npm run names npm's own cache, which std/dev/node lets the command
# write: its default place changes nothing; another one counts
printf 'extends "std/agent", "std/dev/node";\n' >"$U/prof/node.buckle"
mkdir -p "$U/home/.npm"
run "$T" env -C "$W" HOME="$U/home" TMPDIR="$U/tmp" npm_config_cache="$U/home/.npm" "$B" run --no-cache --linux-accept=files,new-paths "$U/prof/node.buckle" -- sh -c 'echo ran'
expect_out_has "$T: npm run's npm_config_cache, npm's default: the run starts" ran
run "$T" env -C "$W" HOME="$U/home" TMPDIR="$U/tmp" NPM_STORE_X="$U/home/.npm" "$B" run --no-cache --linux-accept=files,new-paths "$U/prof/node.buckle" -- sh -c 'echo ran'
expect_rc "$T: ... another variable naming that place: refused" 125
agent_inrun 'echo ran' npm_config_cache="$W/.npm-cache"
expect_rc "$T: ... npm_config_cache in the project: refused" 125
expect_err_has "$T: ... naming it" "the environment's NPM_CONFIG_CACHE names $W/.npm-cache"
# what the .envrc direnv loaded sets is the .envrc's to decide (watched
# after the run by its name's kind): the project's data it names runs
printf 'export DATA_DIR=$PWD/data\n' >"$W/.envrc"
agent_inrun 'echo ran; echo x >data/f' DIRENV_FILE="$W/.envrc" DATA_DIR="$W/data"
expect_rc "$T: a variable the loaded .envrc sets, naming the project's data: the run goes on" 0
agent_inrun 'echo ran' DATA_DIR="$W/data"
expect_rc "$T: ... the same one set elsewhere: refused" 125
rm -f "$W/.envrc"
# denied too: the run starts
printf 'extends "std/agent";\nfiles { deny final write literal "$WORKDIR/tools/p.so"; }\n' >"$U/prof/any.buckle"
run "$T" env -C "$W" HOME="$U/home" TMPDIR="$U/tmp" FOO_PLUGIN="$W/tools/p.so" "$B" run --no-cache --linux-accept=files,new-paths "$U/prof/any.buckle" -- sh -c 'echo ran'
expect_out_has "$T: the file it names denied too: the run starts" ran
# an .envrc's exports of names its suffix rule missed: each file changed
# fails the run, named
for v in "OPENSSL_CONF=\$PWD/tools/ossl.cnf@tools/ossl.cnf" "INPUTRC=\$PWD/tools/inputrc@tools/inputrc" \
         "PYTHONHOME=\$PWD/py@py/lib/python3.11/site.py" "GCONV_PATH=\$PWD/gconv@gconv/gconv-modules" \
         "GCONV_PATH=\$PWD/gconv@gconv/X.so" "IRBRC=\$PWD/tools/irbrc@tools/irbrc" \
         "NODE_EXTRA_CA_CERTS=\$PWD/tools/ca.pem@tools/ca.pem" "OPENSSL_MODULES=\$PWD/tools@tools/legacy.so" \
         "R_PROFILE_USER=\$PWD/tools/Rprofile@tools/Rprofile"; do
    f=${v#*@}
    echo orig >"$W/$f"
    printf 'export %s\n' "${v%%@*}" >"$W/.envrc"
    run "$T" env -C "$W" HOME="$U/home" TMPDIR="$U/tmp" "$B" run --no-cache --linux-accept=files,new-paths "$P" -- sh -c "echo evil >>$f"
    expect_rc "$T: .envrc ${v%%=*}: $f changed: the run fails" 125
    expect_err_has "$T: ... naming it (${v%%=*})" "$W/$f changed during the run"
    rm -f "$W/.envrc" "$W/$f"
done
# a plan that lets the command write everything (default allow) lets it
# run code in every later shell whatever the environment names: a
# variable naming a program or a directory there adds nothing
printf 'default allow;\n' >"$U/prof/all.buckle"
run "$T" env -C "$W" HOME="$U/home" TMPDIR="$U/tmp" SHELL=/bin/sh FOO_PLUGIN="$W/tools/p.so" "$B" run --no-cache --linux-accept=files,new-paths "$U/prof/all.buckle" -- sh -c 'echo ran'
expect_out_has "$T: default allow: the run starts" ran
