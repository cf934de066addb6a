# landlock_tool_rows.sh - each kind of tool configuration (runner/
# tool_configs.c's table: the file, where the tool looks for it, the keys
# naming a program and how) is read alike: a setting the profile keeps
# that names a program the command may write refuses the run before it
# starts, in the working directory, one above it, the home directory or
# where the environment puts it; one the command makes beneath the working
# directory (where a later cd makes it apply) that names a program is
# named after the run.  Live.
. tests/lib.sh
linux_only "tool rows"
runner_env
unset BUCKLE_SANDBOX_EXEC NPM_CONFIG_USERCONFIG npm_config_userconfig CARGO_HOME
R="$TMP/lltoolrows"
rm -rf "$R"
mkdir -p "$R/proj/.cargo" "$R/proj/tools" "$R/home" "$R/prof" "$R/tmp"
R=$(cd "$R" && pwd -P)
printf 'extends "std/agent";\n' >"$R/prof/agent.buckle"
A=--linux-accept=files,new-paths
export HOME="$R/home" TMPDIR="$R/tmp"
cd "$R/proj" || exit 1
run "tool rows: probe" "$B" run $A "$R/prof/agent.buckle" -- true
landlock_or_exit "tool rows"
expect_rc "tool rows: none: the run goes on" 0
# refused before the run: FILE|CONTENT|what the message names
refused() {
    for f in "$@"; do
        file=${f%%|*} rest=${f#*|}
        mkdir -p "$(dirname "$file")"
        printf "${rest%%|*}\n" >"$file"
        run "tool rows: $f" "$B" run $A "$R/prof/agent.buckle" -- sh -c 'echo RAN'
        expect_rc "tool rows: $f: refused" 125
        expect_out_lacks "tool rows: ... before the command starts ($f)" RAN
        expect_err_has "tool rows: ... naming it ($f)" "$file names the ${rest#*|} ("
        rm -f "$file"
    done
}
goes_on() {
    for f in "$@"; do
        file=${f%%|*}
        mkdir -p "$(dirname "$file")"
        printf "${f#*|}\n" >"$file"
        run "tool rows: $f" "$B" run $A "$R/prof/agent.buckle" -- true
        expect_rc "tool rows: $f: the run goes on" 0
        rm -f "$file"
    done
}
# Cargo's compiler flags: gcc's program prefix (-B, in one link-arg, a
# relative one, split over two), a codegen backend, rustdoc's test runner
refused ".cargo/config.toml|[build]\nrustflags = [\"-Clink-arg=-B$R/proj/tools\"]|directory of programs $R/proj/tools" \
         '.cargo/config.toml|[build]\nrustflags = ["-Clink-arg=-Btools"]|directory of programs '"$R/proj/tools" \
         '.cargo/config.toml|[build]\nrustflags = ["-C", "link-arg=-B", "-C", "link-arg=tools"]|directory of programs '"$R/proj/tools" \
         '.cargo/config.toml|[target.x86_64-unknown-linux-gnu]\nrustflags = "-C link-args=-Btools/"|directory of programs '"$R/proj/tools" \
         '.cargo/config.toml|[build]\nrustflags = ["-Zcodegen-backend=tools/cg.so"]|program '"$R/proj/tools/cg.so" \
         '.cargo/config.toml|[build]\nrustdocflags = ["--test-runtool", "tools/w.sh"]|program '"$R/proj/tools/w.sh" \
         '.cargo/config.toml|[build]\nrustdocflags = ["--test-builder=tools/w.sh"]|program '"$R/proj/tools/w.sh"
goes_on '.cargo/config.toml|[build]\nrustflags = ["-C", "target-cpu=native", "-Clink-arg=-Wl,--as-needed", "-Zcodegen-backend=cranelift"]'
# npm's other programs: git, node-gyp, npm exec's shell, the editor, the
# browser, the viewer; one looked up on PATH is not the project's
refused '.npmrc|git=./tools/sh|program '"$R/proj/tools/sh" '.npmrc|node-gyp=tools/sh|program '"$R/proj/tools/sh" \
         '.npmrc|shell=tools/sh|program '"$R/proj/tools/sh" '.npmrc|editor=tools/sh -w|program '"$R/proj/tools/sh" \
         '.npmrc|browser=tools/sh|program '"$R/proj/tools/sh" '.npmrc|viewer=tools/sh|program '"$R/proj/tools/sh"
goes_on '.npmrc|git=git\neditor=vim\nbrowser=false\nregistry=https://registry.npmjs.org/'
# mise's [env] variables, exported at a cd into the project: those a
# program runs what they name by, read as the environment's are
# ({{config_root}} the project)
for f in 'NODE_OPTIONS|[env]\nNODE_OPTIONS = "--require {{config_root}}/tools/x.js"|tools/x.js' \
         'NODE_OPTIONS|[env]\nNODE_OPTIONS = "--require ./tools/x.js"|tools/x.js' \
         'LD_PRELOAD|[env]\nLD_PRELOAD = "tools/x.so"|tools/x.so' \
         'BASH_ENV|[env]\nBASH_ENV = "{{ config_root }}/tools/env.sh"|tools/env.sh' \
         'LD_PRELOAD|env.LD_PRELOAD = "tools/x.so"|tools/x.so'; do
    var=${f%%|*} rest=${f#*|}
    printf "${rest%%|*}\n" >mise.toml
    run "tool rows: mise $f" "$B" run $A "$R/prof/agent.buckle" -- sh -c 'echo RAN'
    expect_rc "tool rows: mise $f: refused" 125
    expect_out_lacks "tool rows: ... before the command starts (mise $f)" RAN
    expect_err_has "tool rows: ... naming it (mise $f)" "$R/proj/mise.toml sets $var, which mise exports"
    expect_err_has "tool rows: ... naming the file (mise $f)" "names $R/proj/${rest#*|} ("
    rm -f mise.toml
done
refused 'mise.toml|env = { NODE_ENV = "dev", LD_PRELOAD = "tools/x.so" }|program '"$R/proj/tools/x.so"
goes_on 'mise.toml|[env]\nNODE_ENV = "production"\nDATA_DIR = "./tools/data"\nPYTHONPATH = "{{config_root}}/src"\nNODE_PATH = "./src"\nCC = "./tools/cc"'
# Yarn's paths are paths even as a bare name; Yarn 1's .yarnrc yarn-path
refused '.yarnrc.yml|yarnPath: other.cjs|program '"$R/proj/other.cjs" '.yarnrc.yml|plugins: [plugin.cjs]|program '"$R/proj/plugin.cjs" \
         '.yarnrc.yml|plugins:\n  - path: plugin.cjs|program '"$R/proj/plugin.cjs" \
         '.yarnrc|yarn-path "./tools/y.js"|program '"$R/proj/tools/y.js" '.yarnrc|yarn-path ./tools/y.js|program '"$R/proj/tools/y.js" \
         '.yarnrc|yarn-path "y.js"|program '"$R/proj/y.js"
goes_on '.yarnrc|registry "https://registry.yarnpkg.com"\n--install.frozen-lockfile true'
# rustup's legacy rust-toolchain file, TOML as its .toml
refused "rust-toolchain|[toolchain]\npath = \"$R/proj/tc\"|directory of programs $R/proj/tc"
goes_on 'rust-toolchain|stable'
# the configuration in a directory above the project, in the home
# directory, where CARGO_HOME and NPM_CONFIG_USERCONFIG put it
mkdir -p "$R/.cargo" "$R/ch" "$R/home/.cargo"
printf '[build]\nrustc-wrapper = "%s/proj/tools/w.sh"\n' "$R" >"$R/.cargo/config.toml"
run "tool rows: above" "$B" run $A "$R/prof/agent.buckle" -- true
expect_rc "tool rows: a Cargo configuration above the project naming its program: refused" 125
expect_err_has "tool rows: ... naming it" "$R/.cargo/config.toml names the program $R/proj/tools/w.sh"
mv "$R/.cargo/config.toml" "$R/ch/config.toml"
run "tool rows: CARGO_HOME" env CARGO_HOME="$R/ch" "$B" run $A "$R/prof/agent.buckle" -- true
expect_rc "tool rows: CARGO_HOME's configuration naming the project's program: refused" 125
expect_err_has "tool rows: ... naming it" "$R/ch/config.toml names the program $R/proj/tools/w.sh"
rm -f "$R/ch/config.toml"
printf 'node-options=--require %s/proj/tools/x.js\n' "$R" >"$R/unpm.rc"
run "tool rows: npm userconfig" env NPM_CONFIG_USERCONFIG="$R/unpm.rc" "$B" run $A "$R/prof/agent.buckle" -- true
expect_rc "tool rows: NPM_CONFIG_USERCONFIG's file naming the project's program: refused" 125
expect_err_has "tool rows: ... naming it" "$R/unpm.rc names the program $R/proj/tools/x.js"
rm -f "$R/unpm.rc"
printf 'yarnPath: %s/proj/tools/y.cjs\n' "$R" >"$R/home/.yarnrc.yml"
run "tool rows: home yarnrc" "$B" run $A "$R/prof/agent.buckle" -- true
expect_rc "tool rows: the home directory's .yarnrc.yml naming the project's program: refused" 125
expect_err_has "tool rows: ... naming it" "$R/home/.yarnrc.yml names the program $R/proj/tools/y.cjs"
rm -f "$R/home/.yarnrc.yml"
mkdir -p "$R/home/.config/mise"
printf '[hooks]\nenter = "%s/proj/tools/enter.sh"\n' "$R" >"$R/home/.config/mise/config.toml"
run "tool rows: home mise" "$B" run $A "$R/prof/agent.buckle" -- true
expect_rc "tool rows: the home directory's mise configuration naming the project's program: refused" 125
expect_err_has "tool rows: ... naming it" "$R/home/.config/mise/config.toml names the program $R/proj/tools/enter.sh"
rm -f "$R/home/.config/mise/config.toml"
run "tool rows: none above" "$B" run $A "$R/prof/agent.buckle" -- true
expect_rc "tool rows: with those removed, the run goes on" 0
# npm's userconfig and globalconfig, and its prefix (whose etc/npmrc npm
# takes for the global configuration): the project's .npmrc moves them
# (npm reads it first for that), so a file the command may write there
# refuses the run, and one it may not write is read as the .npmrc is; a
# relative one is taken from the directory npm runs in, any beneath the
# .npmrc's (../x/u.rc from a subdirectory is the project's x/u.rc)
for f in 'userconfig=./tools/u.rc|tools/u.rc' 'globalconfig=tools/g.rc|tools/g.rc' \
         'prefix=./tools/pfx|tools/pfx/etc/npmrc' "userconfig=$R/proj/tools/u.rc|tools/u.rc" 'userconfig=../x/u.rc|x/u.rc'; do
    printf '%s\n' "${f%%|*}" >.npmrc
    run "tool rows: npm $f" "$B" run $A "$R/prof/agent.buckle" -- sh -c 'echo RAN'
    expect_rc "tool rows: .npmrc $f: refused" 125
    expect_out_lacks "tool rows: ... before the command starts (.npmrc $f)" RAN
    expect_err_has "tool rows: ... naming it (.npmrc $f)" "$R/proj/.npmrc includes the configuration $R/proj/${f#*|} ("
    rm -f .npmrc
done
printf 'script-shell=%s/proj/tools/sh\n' "$R" >"$R/u.rc"
printf 'userconfig=%s/u.rc\n' "$R" >.npmrc
run "tool rows: npm userconfig kept" "$B" run $A "$R/prof/agent.buckle" -- true
expect_rc "tool rows: the userconfig .npmrc names, kept, naming the project's program: refused" 125
expect_err_has "tool rows: ... naming it (userconfig kept)" "$R/u.rc names the program $R/proj/tools/sh ("
rm -f .npmrc "$R/u.rc"
goes_on '.npmrc|userconfig=~/.npmrc-work\nglobalconfig=/etc/npmrc'
# pnpm's settings in pnpm-workspace.yaml (pnpm 10), which std/agent keeps
refused 'pnpm-workspace.yaml|packages: []\npnpmfile: tools/pf.cjs|program '"$R/proj/tools/pf.cjs" \
         'pnpm-workspace.yaml|scriptShell: ./tools/sh|program '"$R/proj/tools/sh" \
         'pnpm-workspace.yaml|nodeOptions: "--require ./tools/x.js"|program '"$R/proj/tools/x.js" \
         'pnpm-workspace.yaml|globalPnpmfile: pf.cjs|program '"$R/proj/pf.cjs"
goes_on 'pnpm-workspace.yaml|packages:\n  - "packages/*"\ncatalog:\n  react: ^18.0.0\nonlyBuiltDependencies:\n  - esbuild'
printf 'packages: []\n' >pnpm-workspace.yaml
run "tool rows: pnpm-workspace.yaml kept" "$B" run $A "$R/prof/agent.buckle" -- sh -c 'echo "scriptShell: ./tools/sh" >>pnpm-workspace.yaml'
expect_same "tool rows: std/agent keeps pnpm-workspace.yaml from the command" pnpm-workspace.yaml /dev/stdin <<EOF2
packages: []
EOF2
rm -f pnpm-workspace.yaml
n=0
# Cargo's [env]: the variables a program runs what they name by, read as
# the environment's are (relative = true: from the project)
for f in 'LD_AUDIT|[env]\nLD_AUDIT = { value = "tools/w.so", relative = true }|names the program '"$R/proj/tools/w.so"' (' \
         'LD_AUDIT|[env.LD_AUDIT]\nvalue = "tools/w.so"\nrelative = true|names the program '"$R/proj/tools/w.so"' (' \
         'LD_AUDIT|[env.LD_AUDIT]\nvalue = "w.so"\nrelative = true|sets LD_AUDIT, which cargo sets for the programs it runs' \
         'OPENSSL_CONF|[env]\nOPENSSL_CONF = { value = "o.cnf", relative = true }|sets OPENSSL_CONF, which cargo sets for the programs it runs' \
         'NODE_OPTIONS|[env]\nNODE_OPTIONS = "--require ./tools/x.js"|sets NODE_OPTIONS, which cargo sets for the programs it runs' \
         'BASH_ENV|[env]\nBASH_ENV = "tools/env.sh"|sets BASH_ENV, which cargo sets for the programs it runs' \
         'OPENSSL_CONF|[env]\nOPENSSL_CONF = { value = "tools/o.cnf", relative = true }|names the program '"$R/proj/tools/o.cnf"' (' \
         'LD_PRELOAD|env.LD_PRELOAD = "tools/x.so"|sets LD_PRELOAD, which cargo sets for the programs it runs'; do
    rest=${f#*|} n=$((n + 1))
    printf "${rest%%|*}\n" >.cargo/config.toml
    run "tool rows: cargo env $n" "$B" run $A "$R/prof/agent.buckle" -- sh -c 'echo RAN'
    expect_rc "tool rows: cargo [env] ${f%%|*} ($n): refused" 125
    expect_out_lacks "tool rows: ... before the command starts (cargo [env] $n)" RAN
    expect_err_has "tool rows: ... naming it (cargo [env] $n)" "$R/proj/.cargo/config.toml ${rest#*|}"
    rm -f .cargo/config.toml
done
goes_on '.cargo/config.toml|[env]\nRUST_LOG = "debug"\nOPENSSL_DIR = "/usr"\nCC = "./tools/cc"\n[env.TZ]\nvalue = "UTC"'
# made beneath the working directory, or a .python-version at the top
# (uv takes it in the directory it runs in and each one above): named
# after the run when it names a program
made() {  # NAME FILE CONTENT TITLE
    printf "$3\n" >"$R/content"
    run "tool rows: made $2" "$B" run $A "$R/prof/agent.buckle" -- sh -c "mkdir -p \$(dirname $2) && cat >$2" <"$R/content"
    expect_rc "tool rows: $2 made naming a program: the run fails" 125
    expect_err_has "tool rows: ... naming it ($2)" "$R/proj/$2 is a $4 configuration the command made or changed"
    rm -f "$2"
}
made rustup src/rust-toolchain.toml "[toolchain]\\npath = \"$R/proj/src/tc\"" rustup
made yarn src/.yarnrc.yml 'yarnPath: x.cjs' Yarn
made npm sub/.npmrc 'script-shell=./sh' npm
made yarn1 sub/.yarnrc 'yarn-path ./y.js' Yarn
made uv .python-version "$R/proj/evil/bin/python3" uv
made uvsub src/.python-version '../evil/bin/python3' uv
made npmuser sub/.npmrc 'userconfig=./u.rc' npm
made pnpm sub/pnpm-workspace.yaml 'scriptShell: ./sh' pnpm
# the ordinary ones: a channel, a registry, a version
run "tool rows: made ordinary" "$B" run $A "$R/prof/agent.buckle" -- sh -c 'mkdir -p src sub && printf "[toolchain]\nchannel = \"stable\"\n" >src/rust-toolchain.toml && echo registry=https://registry.npmjs.org/ >sub/.npmrc && echo 3.12 >.python-version && echo 3.11 >src/.python-version && echo "nodeLinker: node-modules" >src/.yarnrc.yml'
expect_rc "tool rows: ordinary configurations made beneath the working directory: the run goes on" 0
cd / && rm -rf "$R"
