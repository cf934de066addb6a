# landlock_tool_configs.sh - std/agent keeps .yarnrc.yml, .cargo/config.toml
# and bunfig.toml from the command because Yarn, Cargo and Bun run the
# program they name by themselves; when one names a program the command
# may write (rustc-wrapper = "tools/wrap.sh"), keeping the file protects
# nothing: the run is refused before it starts, as for git's
# core.fsmonitor.  A Yarn release and plugins are std/agent's denies, so
# `yarn set version`'s yarnPath runs (docs/linux.md, "Repositories beneath
# the working directory").  Live.
. tests/lib.sh
linux_only "tool configs"
runner_env
unset BUCKLE_SANDBOX_EXEC
R="$TMP/lltoolcfg"
rm -rf "$R"
mkdir -p "$R/proj/.cargo" "$R/proj/tools" "$R/proj/.yarn/releases" "$R/home" "$R/prof" "$R/tmp"
R=$(cd "$R" && pwd -P)
printf 'extends "std/agent";\n' >"$R/prof/agent.buckle"
A=--linux-accept=files,new-paths
export HOME="$R/home" TMPDIR="$R/tmp"
cd "$R/proj" || exit 1
run "tool configs: probe" "$B" run $A "$R/prof/agent.buckle" -- true
landlock_or_exit "tool configs"
expect_rc "tool configs: none: the run goes on" 0
printf '[build]\nrustc-wrapper = "tools/wrap.sh"\n' >.cargo/config.toml
run "tool configs: cargo" "$B" run $A "$R/prof/agent.buckle" -- sh -c 'echo RAN'
expect_rc "tool configs: rustc-wrapper naming a script of the project: refused" 125
expect_out_lacks "tool configs: ... before the command starts" RAN
expect_err_has "tool configs: ... naming it" "$R/proj/.cargo/config.toml names the program $R/proj/tools/wrap.sh (rustc-wrapper = \"tools/wrap.sh\")"
# the same key in TOML's other spellings: dotted, an inline table
for cfg in 'build.rustc-wrapper = "tools/wrap.sh"' 'build = { rustc-wrapper = "tools/wrap.sh" }' \
           '[target.x86_64-unknown-linux-gnu]\nrunner = "tools/wrap.sh"'; do
    printf "$cfg\n" >.cargo/config.toml
    run "tool configs: cargo $cfg" "$B" run $A "$R/prof/agent.buckle" -- true
    expect_rc "tool configs: $cfg: refused" 125
    expect_err_has "tool configs: ... naming it ($cfg)" "names the program $R/proj/tools/wrap.sh"
done
# Cargo's include: the files it names (from the configuration's own
# directory) are its configuration too
for cfg in 'include = "extra.toml"|.cargo/extra.toml' 'include = ["../tools/c.toml"]|tools/c.toml' \
           'include = [{ path = "more.toml", optional = true }]|.cargo/more.toml' \
           '[[include]]\npath = "more.toml"|.cargo/more.toml'; do
    printf "${cfg%%|*}\n" >.cargo/config.toml
    n=$(printf '%s' "${cfg%%|*}" | sed 's/\\n/ /g')
    run "tool configs: cargo $n" "$B" run $A "$R/prof/agent.buckle" -- sh -c 'echo RAN'
    expect_rc "tool configs: $n: refused" 125
    expect_out_lacks "tool configs: ... before the command starts ($n)" RAN
    expect_err_has "tool configs: ... naming it ($n)" "$R/proj/.cargo/config.toml includes the configuration $R/proj/${cfg#*|}"
done
# an included file the profile keeps is read as the configuration is
printf 'extends "std/agent";\nfiles { deny final write literal "$WORKDIR/.cargo/extra.toml"; }\n' >"$R/prof/incl.buckle"
printf 'include = "extra.toml"\n' >.cargo/config.toml
printf '[build]\nrustc-wrapper = "tools/wrap.sh"\n' >.cargo/extra.toml
run "tool configs: cargo include kept" "$B" run $A "$R/prof/incl.buckle" -- true
expect_rc "tool configs: an included file the profile keeps naming a program of the project: refused" 125
expect_err_has "tool configs: ... naming the program" "$R/proj/.cargo/extra.toml names the program $R/proj/tools/wrap.sh"
printf '[build]\njobs = 4\n' >.cargo/extra.toml
run "tool configs: cargo include kept, no program" "$B" run $A "$R/prof/incl.buckle" -- true
expect_rc "tool configs: ... and naming none: the run goes on" 0
rm -f .cargo/extra.toml .cargo/config.toml
# values as the tools read them: escapes, multi-line strings and arrays,
# YAML block scalars and values below their key, a key with escapes
for f in '.cargo/config.toml|[build]\nrustc-wrapper = "tools\\u002fwrap.sh"' \
         '.cargo/config.toml|[build]\nrustc-wrapper = "tools\\U0000002fwrap.sh"' \
         '.cargo/config.toml|[build]\nrustc-wrapper = """\\\n    tools/wrap.sh"""' \
         '.cargo/config.toml|[target.x86_64-unknown-linux-gnu]\nrunner = [\n  "tools/wrap.sh", # the wrapper\n]' \
         '.cargo/config.toml|[build]\n"rustc\\u002dwrapper" = "tools/wrap.sh"' \
         '.yarnrc.yml|yarnPath: >-\n  tools/wrap.sh' '.yarnrc.yml|yarnPath: |-\n  tools/wrap.sh' \
         '.yarnrc.yml|yarnPath:\n  tools/wrap.sh' '.yarnrc.yml|yarnPath: "tools\\x2fwrap.sh"' \
         '.npmrc|node-options="--require ./tools\\u002fwrap.sh"' \
         '.cargo/config.toml|[build]\nrustflags = ["-C", "linker=tools/wrap.sh"]' \
         '.cargo/config.toml|[env]\nLD_PRELOAD = { value = "tools/wrap.sh", relative = true }' \
         '.cargo/config.toml|[registry]\nglobal-credential-providers = ["tools/wrap.sh"]'; do
    file=${f%%|*}
    printf "${f#*|}\n" >"$file"
    run "tool configs: $f" "$B" run $A "$R/prof/agent.buckle" -- true
    expect_rc "tool configs: $f: refused" 125
    expect_err_has "tool configs: ... naming it ($f)" "$R/proj/$file names the program $R/proj/tools/wrap.sh"
    rm -f "$file"
done
# the environment's values in npm's and Yarn's settings: ${NAME} (npm's
# ${NAME?}, Yarn's ${NAME:-default}) taken from buckle's environment
for f in '.npmrc|node-options=--require ${BKTC_TOP}/tools/wrap.sh' '.npmrc|script-shell=${BKTC_TOP?}/tools/wrap.sh' \
         '.npmrc|node-options=--require ${BKTC_UNSET?}./tools/wrap.sh' \
         '.npmrc|node-options=--import=file://${BKTC_TOP}/tools/wrap.sh' '.npmrc|node-options[]=--require ./tools/wrap.sh' \
         '.yarnrc.yml|yarnPath: ${BKTC_TOP}/tools/wrap.sh' '.yarnrc.yml|yarnPath: "${BKTC_UNSET:-.}/tools/wrap.sh"'; do
    file=${f%%|*}
    printf '%s\n' "${f#*|}" >"$file"
    run "tool configs: $f" env BKTC_TOP="$R/proj" "$B" run $A "$R/prof/agent.buckle" -- true
    expect_rc "tool configs: $f: refused" 125
    expect_err_has "tool configs: ... naming it ($f)" "$R/proj/$file names the program $R/proj/tools/wrap.sh"
    rm -f "$file"
done
# npm keeps an unset one and an escaped one as written; Yarn stops at an
# unset one without a default
for f in '.npmrc|node-options=--require ${BKTC_UNSET}/tools/wrap.sh' '.npmrc|node-options=--require \${BKTC_TOP}/tools/wrap.sh' \
         '.yarnrc.yml|yarnPath: ${BKTC_UNSET}/tools/wrap.sh'; do
    file=${f%%|*}
    printf '%s\n' "${f#*|}" >"$file"
    run "tool configs: $f" env BKTC_TOP="$R/proj" "$B" run $A "$R/prof/agent.buckle" -- true
    expect_rc "tool configs: $f: the run goes on" 0
    rm -f "$file"
done
# mise and asdf: [env] scripts, dotenv files and PATH entries, hooks run at
# a cd, path: versions
mkdir -p scripts .config
for f in 'mise.toml|[env]\n_.source = "./scripts/env.sh"|scripts/env.sh' 'mise.toml|[env]\n_.file = ".env.mise"|.env.mise' \
         'mise.toml|[hooks]\nenter = "bash ./scripts/env.sh"|scripts/env.sh' \
         'mise.toml|[hooks.enter]\nscript = "./scripts/env.sh"|scripts/env.sh' \
         '.mise.toml|[env]\n_.path = ["./tools"]|tools' '.config/mise.toml|[tools]\npython = "path:./tools"|tools' \
         '.tool-versions|python path:./tools|tools'; do
    file=${f%%|*} rest=${f#*|}
    printf "${rest%%|*}\n" >"$file"
    run "tool configs: $f" "$B" run $A "$R/prof/agent.buckle" -- true
    expect_rc "tool configs: $f: refused" 125
    expect_err_has "tool configs: ... naming it ($f)" "$R/proj/$file names the"
    expect_err_has "tool configs: ... ($f) the file" " $R/proj/${rest#*|} ("
    rm -f "$file"
done
# the same keys in TOML's (and YAML's) other spellings: a table of the
# directive or variable ([env._], [env._.source], [env.LD_PRELOAD],
# [credential-alias]), an inline table as _'s value, a dotted key below
# it, the compiler's flags naming a linker; YAML's explicit keys, a byte
# order mark
for f in 'mise.toml|[env]\n_ = { source = "scripts/env.sh" }|scripts/env.sh' \
         'mise.toml|[env._]\nsource = "scripts/env.sh"|scripts/env.sh' \
         'mise.toml|[env._.source]\npath = "scripts/env.sh"|scripts/env.sh' \
         'mise.toml|[env]\n_.source.path = "scripts/env.sh"|scripts/env.sh' \
         'mise.toml|[env._]\npath = "tools"|tools' 'mise.toml|[env._]\nfile = ".env.mise"|.env.mise' \
         'mise.toml|[env]\n_ = { path = "tools" }|tools' \
         '.cargo/config.toml|[env.LD_PRELOAD]\nvalue = "tools/wrap.sh"\nrelative = true|tools/wrap.sh' \
         '.cargo/config.toml|[env]\nLD_PRELOAD.value = "tools/wrap.sh"|tools/wrap.sh' \
         ".cargo/config.toml|[build]\nrustflags = [\"-Clinker=$R/proj/tools/wrap.sh\"]|tools/wrap.sh" \
         '.cargo/config.toml|[build]\nrustflags = "-C linker=tools/wrap.sh"|tools/wrap.sh' \
         ".cargo/config.toml|[build]\nrustflags = [\"--codegen=linker=$R/proj/tools/wrap.sh\"]|tools/wrap.sh" \
         ".cargo/config.toml|[build]\nrustflags = [\"-C\", \"link-arg=-fuse-ld=$R/proj/tools/wrap.sh\"]|tools/wrap.sh" \
         '.cargo/config.toml|[credential-alias]\nmy = ["tools/wrap.sh"]\n[registry]\nglobal-credential-providers = ["my"]|tools/wrap.sh' \
         '.yarnrc.yml|? yarnPath\n: tools/wrap.sh|tools/wrap.sh' '.yarnrc.yml|? "yarnPath"\n: "tools/wrap.sh"|tools/wrap.sh' \
         '.yarnrc.yml|plugins:\n  - ? path\n    : tools/wrap.sh|tools/wrap.sh' \
         '.yarnrc.yml|\357\273\277yarnPath: tools/wrap.sh|tools/wrap.sh'; do
    file=${f%%|*} rest=${f#*|}
    printf "${rest%%|*}\n" >"$file"
    run "tool configs: $f" "$B" run $A "$R/prof/agent.buckle" -- true
    expect_rc "tool configs: $f: refused" 125
    expect_err_has "tool configs: ... naming it ($f)" "$R/proj/$file names the"
    expect_err_has "tool configs: ... ($f) the file" " $R/proj/${rest#*|} ("
    rm -f "$file"
done
# and what stays the project's data: a venv's path in a table below _,
# a task's script, the linker's other flags
for f in 'mise.toml|[env._.python.venv]\npath = ".venv"\ncreate = true' 'mise.toml|[tasks.cd]\nrun = "./scripts/env.sh"' \
         'mise.toml|[env]\n_.python.venv = { path = ".venv" }\nX = { path = "tools" }' \
         '.cargo/config.toml|[build]\nrustflags = ["-L", "native=tools", "-C", "link-arg=-Wl,-rpath,tools"]'; do
    file=${f%%|*}
    printf "${f#*|}\n" >"$file"
    run "tool configs: $f" "$B" run $A "$R/prof/agent.buckle" -- true
    expect_rc "tool configs: $f: the run goes on" 0
    rm -f "$file"
done
printf '[tools]\npython = "3.12"\n[env]\nNODE_ENV = "production"\n_.python.venv = { path = ".venv", create = true }\n[hooks]\nenter = "echo hi"\n' >mise.toml
printf 'python 3.12.1\nnodejs 20.1.0 # pinned\n' >.tool-versions
run "tool configs: mise plain" "$B" run $A "$R/prof/agent.buckle" -- true
expect_rc "tool configs: mise and asdf versions, a venv, a hook found through PATH: the run goes on" 0
rm -f mise.toml .tool-versions
printf '[build]\nrustc-wrapper = "sccache"   # see notes/wrappers.txt\n' >.cargo/config.toml
run "tool configs: comment" "$B" run $A "$R/prof/agent.buckle" -- true
expect_rc "tool configs: a path in a comment after the value: the run goes on" 0
rm -f .cargo/config.toml
printf 'packageExtensions: {}\nplugins: [{ path: tools/plugin.cjs, spec: x }]\n' >.yarnrc.yml
run "tool configs: yarn flow" "$B" run $A "$R/prof/agent.buckle" -- true
expect_rc "tool configs: a Yarn plugin in a YAML flow mapping: refused" 125
expect_err_has "tool configs: ... naming it (flow)" "$R/proj/.yarnrc.yml names the program $R/proj/tools/plugin.cjs"
rm -f .yarnrc.yml
printf '[build]\nrustc-wrapper = "sccache"\n[target.x86_64-unknown-linux-gnu]\nlinker = "clang"\n' >.cargo/config.toml
run "tool configs: cargo path" "$B" run $A "$R/prof/agent.buckle" -- true
expect_rc "tool configs: programs found through PATH: the run goes on" 0
rm -f .cargo/config.toml
printf 'preload = ["./tools/setup.ts"]\n' >bunfig.toml
run "tool configs: bun" "$B" run $A "$R/prof/agent.buckle" -- true
expect_rc "tool configs: bun's preload naming a script of the project: refused" 125
expect_err_has "tool configs: ... naming it" "$R/proj/bunfig.toml names the program $R/proj/tools/setup.ts"
expect_err_has "tool configs: ... and the deny to add, a path without ./" "deny final write literal \"$R/proj/tools/setup.ts\";"
# through a symbolic link: the deny to add names where the link leads
mkdir -p real && ln -s real tools2 && echo orig >real/setup.ts
printf 'preload = ["./tools2/setup.ts"]\n' >bunfig.toml
run "tool configs: bun link" "$B" run $A "$R/prof/agent.buckle" -- true
expect_rc "tool configs: preload through a symbolic link: refused" 125
expect_err_has "tool configs: ... the deny to add names the link's target" "deny final write literal \"$R/proj/real/setup.ts\";"
printf 'extends "std/agent";\nfiles { deny final write literal "%s/proj/real/setup.ts"; }\n' "$R" >"$R/prof/link.buckle"
run "tool configs: bun link denied" "$B" run $A "$R/prof/link.buckle" -- sh -c 'echo RAN; echo x >tools2/setup.ts'
expect_out_has "tool configs: ... with that deny, the run starts" RAN
grep -q orig real/setup.ts && pass "tool configs: ... and the file is not written" || fail "tool configs: ... and the file is not written" "$(cat real/setup.ts)"
rm -rf bunfig.toml real tools2
echo 'x' >.yarn/releases/yarn-4.1.0.cjs
printf 'yarnPath: .yarn/releases/yarn-4.1.0.cjs\nplugins:\n  - path: tools/plugin.cjs\n' >.yarnrc.yml
run "tool configs: yarn plugin" "$B" run $A "$R/prof/agent.buckle" -- true
expect_rc "tool configs: a Yarn plugin of the project: refused" 125
expect_err_has "tool configs: ... naming it" "$R/proj/.yarnrc.yml names the program $R/proj/tools/plugin.cjs"
# a plugin given as its path alone, a YAML alias to an anchored value
for y in 'plugins:\n  - tools/plugin.cjs' 'plugins:\n- tools/plugin.cjs' 'plugins: [ tools/plugin.cjs ]' \
         'x: &p tools/plugin.cjs\nyarnPath: *p'; do
    printf "$y\n" >.yarnrc.yml
    n=$(printf '%s' "$y" | sed 's/\\n/ /g')
    run "tool configs: yarn $n" "$B" run $A "$R/prof/agent.buckle" -- true
    expect_rc "tool configs: $n: refused" 125
    expect_err_has "tool configs: ... naming it ($n)" "$R/proj/.yarnrc.yml names the program $R/proj/tools/plugin.cjs"
done
printf 'plugins:\n  - path: .yarn/plugins/p.cjs\n    spec: "@yarnpkg/plugin-version"\n' >.yarnrc.yml
run "tool configs: yarn plugin spec" "$B" run $A "$R/prof/agent.buckle" -- true
expect_rc "tool configs: a plugin in .yarn/plugins, its spec a package's name: the run goes on" 0
printf 'yarnPath: .yarn/releases/yarn-4.1.0.cjs\n' >.yarnrc.yml
run "tool configs: yarn" "$B" run $A "$R/prof/agent.buckle" -- sh -c 'echo x >>.yarn/releases/yarn-4.1.0.cjs'
expect_rc "tool configs: yarnPath in .yarn/releases, which std/agent keeps: the run goes on, the release is not written" 2
# mise's and asdf's files the profile does not keep (a subdirectory's, a
# local or another MISE_ENV's at the top) made or changed during the run
# are named after it; a package's in node_modules is not
mkdir -p src node_modules/pkg
for f in src/mise.toml src/.tool-versions mise.development.local.toml .config/mise.local.toml src/.config/mise/config.toml; do
    run "tool configs: made $f" "$B" run $A "$R/prof/agent.buckle" -- sh -c "mkdir -p \$(dirname $f) && echo 'python path:./tools' >$f"
    expect_rc "tool configs: $f made during the run: the run fails" 125
    expect_err_has "tool configs: ... naming it ($f)" "$R/proj/$f is a mise or asdf configuration the command made or changed"
    rm -rf "$f" src/.config
done
# a .tool-versions whose versions name installed tools only (no path:)
# runs nothing from the project: made, the run goes on
run "tool configs: made to keep" "$B" run $A "$R/prof/agent.buckle" -- sh -c 'mkdir -p src && printf "python 3.12.1\nnodejs 20.1.0 # lts\n" >src/.tool-versions'
expect_rc "tool configs: a subdirectory's .tool-versions of installed versions made: the run goes on" 0
run "tool configs: changed to a path" "$B" run $A "$R/prof/agent.buckle" -- sh -c 'echo "ruby path:../tools" >>src/.tool-versions'
expect_rc "tool configs: ... one changed to a path: version: named" 125
expect_err_has "tool configs: ... naming it" "$R/proj/src/.tool-versions is a mise or asdf configuration the command made or changed"
rm -f src/.tool-versions
# Cargo's configuration below the top: cargo reads it in the directory it
# runs in and each one above
run "tool configs: made sub cargo" "$B" run $A "$R/prof/agent.buckle" -- sh -c 'mkdir -p src/.cargo && printf "[build]\nrustc-wrapper = \"x.sh\"\n" >src/.cargo/config.toml'
expect_rc "tool configs: a subdirectory's .cargo/config.toml made: the run fails" 125
expect_err_has "tool configs: ... naming it" "$R/proj/src/.cargo/config.toml is a Cargo configuration the command made or changed"
rm -rf src/.cargo
run "tool configs: made in node_modules" "$B" run $A "$R/prof/agent.buckle" -- sh -c 'echo "nodejs 20.1.0" >node_modules/pkg/.tool-versions; echo "x" >src/notes.toml'
expect_rc "tool configs: a package's .tool-versions, a file of another name: the run goes on" 0
rm -rf src node_modules
# Copilot CLI's and Cline's hooks are kept from the command; the rest of
# .github is not
mkdir -p .github/workflows .github/hooks
run "tool configs: copilot hooks" "$B" run $A "$R/prof/agent.buckle" -- sh -c 'echo x >.github/workflows/ci.yml && echo WROTE; echo "{}" >.github/hooks/h.json; mkdir -p .clinerules/hooks; echo x >.clinerules/hooks/TaskStart'
expect_out_has "tool configs: a workflow is written" WROTE
expect_rc "tool configs: hooks of Copilot CLI and Cline: refused or named" 125
[ ! -s .github/hooks/h.json ] && pass "tool configs: ... .github/hooks not written" || fail "tool configs: ... .github/hooks not written" "$(ls -la .github/hooks)"
expect_err_has "tool configs: ... .clinerules/hooks named" "$R/proj/.clinerules/hooks exists after the run"
rm -rf .github .clinerules
cd / && rm -rf "$R"
