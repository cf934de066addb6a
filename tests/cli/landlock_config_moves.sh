# landlock_config_moves.sh - a tool's configuration that appears beneath
# the working directory by a directory renamed into its way (mv
# stash/cargo stash/.cargo; one staged in node_modules, where none counts,
# then mv node_modules/pkg src) keeps the change time it had: it is named
# after the run all the same, as one the command wrote there is, because
# its path was no configuration's path when the command started.  One
# that was there before, where it was, is not.  Live.
. tests/lib.sh
linux_only "config moves"
runner_env
unset BUCKLE_SANDBOX_EXEC NPM_CONFIG_USERCONFIG npm_config_userconfig CARGO_HOME
R="$TMP/llcfgmoves"
rm -rf "$R"
mkdir -p "$R/proj/tools" "$R/home" "$R/prof" "$R/tmp"
R=$(cd "$R" && pwd -P)
printf 'extends "std/agent";\n' >"$R/prof/agent.buckle"
A=--linux-accept=files,new-paths
export HOME="$R/home" TMPDIR="$R/tmp"
cd "$R/proj" || exit 1
run "config moves: probe" "$B" run $A "$R/prof/agent.buckle" -- true
landlock_or_exit "config moves"
expect_rc "config moves: none: the run goes on" 0
# run NAME CMD: the command under std/agent
inrun() { run "config moves: $1" "$B" run $A "$R/prof/agent.buckle" -- sh -c "$2"; }
# a Cargo configuration made under another name, then its directory renamed
inrun "cargo staged" 'mkdir -p stash/cargo && printf "[build]\nrustc-wrapper = \"tools/w.sh\"\n" >stash/cargo/config.toml'
expect_rc "config moves: a Cargo configuration under another directory's name: the run goes on" 0
inrun "cargo renamed" 'mv stash/cargo stash/.cargo'
expect_rc "config moves: its directory renamed to .cargo: the run fails" 125
expect_err_has "config moves: ... naming it" "$R/proj/stash/.cargo/config.toml is a Cargo configuration the command made or changed"
rm -rf stash
# mise's, by renaming .mise and .config/mise into place
inrun "mise staged" 'mkdir -p stash/m stash/cfg/m2 && printf "[env]\n_.source = \"x.sh\"\n" >stash/m/config.toml && cp stash/m/config.toml stash/cfg/m2/config.toml'
expect_rc "config moves: mise configurations under other names: the run goes on" 0
inrun "mise renamed" 'mv stash/m stash/.mise && mv stash/cfg stash/.config && mv stash/.config/m2 stash/.config/mise'
expect_rc "config moves: their directories renamed into mise's places: the run fails" 125
expect_err_has "config moves: ... naming .mise" "$R/proj/stash/.mise/config.toml is a mise or asdf configuration the command made"
expect_err_has "config moves: ... naming .config/mise" "$R/proj/stash/.config/mise/config.toml is a mise or asdf configuration the command made"
rm -rf stash
# staged in a package of node_modules (none counts there), then moved out
inrun "node_modules staged" "mkdir -p node_modules/pkg && printf '[toolchain]\npath = \"$R/proj/tools/tc\"\n' >node_modules/pkg/rust-toolchain.toml && printf 'script-shell=./sh\n' >node_modules/pkg/.npmrc && printf 'yarnPath: y.cjs\n' >node_modules/pkg/.yarnrc.yml && printf '[env]\n_.source = \"x.sh\"\n' >node_modules/pkg/mise.toml && echo $R/proj/evil/bin/python3 >node_modules/pkg/.python-version && printf 'scriptShell: ./sh\n' >node_modules/pkg/pnpm-workspace.yaml"
expect_rc "config moves: configurations in a package of node_modules: the run goes on" 0
inrun "node_modules moved out" 'mv node_modules/pkg src'
expect_rc "config moves: the package's directory moved out of node_modules: the run fails" 125
for f in "rust-toolchain.toml|rustup" ".npmrc|npm" ".yarnrc.yml|Yarn" "mise.toml|mise or asdf" ".python-version|uv" \
         "pnpm-workspace.yaml|pnpm"; do
    expect_err_has "config moves: ... naming src/${f%%|*}" "$R/proj/src/${f%%|*} is a ${f#*|} configuration the command made"
done
rm -rf src node_modules
# there before, where it was: not named, whatever else the command does
# beside it, nor when its directory goes away and comes back
mkdir -p lib/.cargo lib/sub
printf '[build]\nrustc-wrapper = "tools/w.sh"\n' >lib/.cargo/config.toml
printf 'script-shell=./sh\n' >lib/sub/.npmrc
inrun "there before" 'echo x >lib/new.rs && echo y >lib/sub/new.js && mv lib lib2 && mv lib2 lib'
expect_rc "config moves: configurations there before, where they were: the run goes on" 0
# an ordinary one moved in: not named (it names no program)
inrun "ordinary staged" 'mkdir -p node_modules/p2 && echo registry=https://registry.npmjs.org/ >node_modules/p2/.npmrc'
inrun "ordinary moved" 'mv node_modules/p2 pkg2'
expect_rc "config moves: an .npmrc naming no program moved in: the run goes on" 0
# one that was there, swapped for another by renaming its directory
mkdir -p a b
printf 'registry=https://registry.npmjs.org/\n' >a/.npmrc
printf 'script-shell=./sh\n' >b/.npmrc
inrun "swapped" 'mv a t && mv b a && mv t b'
expect_rc "config moves: .npmrc files swapped by renaming their directories: the run fails" 125
expect_err_has "config moves: ... naming the one now at a" "$R/proj/a/.npmrc is a npm configuration the command made"
rm -rf a b
# a link to a directory, at a place where a tool looks for its
# configuration's directory (crate/.cargo -> ../tools/cargo): what it leads
# to counts as in a directory made there
mkdir -p crate
inrun "cargo linked" 'mkdir -p tools/cargo && printf "[build]\nrustc-wrapper = \"tools/w.sh\"\n" >tools/cargo/config.toml && ln -s ../tools/cargo crate/.cargo'
expect_rc "config moves: .cargo made a link to a directory holding config.toml: the run fails" 125
expect_err_has "config moves: ... naming it by the link" "$R/proj/crate/.cargo/config.toml is a Cargo configuration the command made or changed"
inrun "cargo link there before" 'echo x >crate/main.rs'
expect_rc "config moves: the link there before, what it leads to unchanged: the run goes on" 0
inrun "cargo link target changed" 'printf "[build]\nrustc-wrapper = \"tools/w2.sh\"\n" >tools/cargo/config.toml'
expect_rc "config moves: the file the link there before leads to changed: the run fails" 125
inrun "cargo link target swapped" 'mkdir -p tools/c2 && cp -p tools/cargo/config.toml tools/c2/ && mv tools/cargo tools/old && mv tools/c2 tools/cargo'
expect_rc "config moves: the directory the link leads to renamed into its way: the run fails" 125
rm -rf crate tools/cargo tools/old
# mise's: .mise, .config/mise, mise, and .config itself
mkdir -p a b/.config c d
inrun "mise linked" 'mkdir -p tools/m1 tools/m2 tools/m3 tools/cfg/mise && for m in m1 m2 m3 cfg/mise; do printf "[env]\n_.source = \"x.sh\"\n" >tools/$m/config.toml; done && ln -s ../tools/m1 a/.mise && ln -s ../../tools/m2 b/.config/mise && ln -s ../tools/m3 c/mise && ln -s ../tools/cfg d/.config'
expect_rc "config moves: mise's directories made links to directories: the run fails" 125
for f in a/.mise b/.config/mise c/mise d/.config/mise; do
    expect_err_has "config moves: ... naming $f/config.toml" "$R/proj/$f/config.toml is a mise or asdf configuration the command made"
done
rm -rf a b c d
# a loop of links there before (lp/.config -> .): the walk ends, nothing named
mkdir -p lp && ln -s . lp/.config
inrun "loop there before" 'echo x >lp/a.txt'
expect_rc "config moves: a loop of links there before: the run goes on" 0
cd / && rm -rf "$R"
