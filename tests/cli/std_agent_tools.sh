# std_agent_tools.sh - std/agent keeps out of the sandbox's reach what other
# programs run later by themselves (docs/std.md): other coding agents'
# project settings (opencode, Qwen Code, Roo Code, Kilo Code, Amazon Q,
# Kiro, crush), tools' project files that name a program (Bun's preload,
# asdf's and mise's versions), other version control systems' repository
# configuration (Sapling, darcs, Pijul), and the PATH directories tools put
# first in the home (~/.cargo/bin, ~/go/bin, ...), also under a grant of
# the tool's home for its caches.  Static (query), then live on Linux.
. tests/lib.sh
P="$TMP/stdagenttools"
rm -rf "$P"
mkdir -p "$P"
printf 'extends "std/agent";\n' >"$P/agent.buckle"
printf 'extends "std/agent";\nfiles { allow write "~/.cargo", "~/go", "~/.bun", "~/.deno", "~/.npm-global", "~/.pyenv", "~/.nvm"; }\n' >"$P/homes.buckle"
W=/home/u/w
for f in opencode.json opencode.jsonc .opencode/plugin/x.js .qwen/settings.json .roo/mcp.json .kilocode/mcp.json \
         .amazonq/mcp.json .kiro/settings/mcp.json .kiro/hooks/x.kiro.hook crush.json .crush.json bunfig.toml \
         .tool-versions mise.toml .mise.toml .config/mise/config.toml .sl/config _darcs/prefs/defaults .pijul/config; do
    run "std agent tools: $f" "$BUCKLE" query -D HOME=/home/u -D WORKDIR=$W "$P/agent.buckle" files write "$W/$f"
    case "$OUT" in deny*) pass "std agent tools: the project's $f is not writable";;
        *) fail "std agent tools: the project's $f is not writable" "$(head -2 "$TMP/out")";; esac
done
for f in .cargo/bin/git .cargo/env go/bin/git .bun/bin/git .deno/bin/git .npm-global/bin/git .pyenv/shims/python \
         .nvm/versions/node/v20.1.0/bin/npm .nvm/nvm.sh; do
    run "std agent tools: ~/$f" "$BUCKLE" query -D HOME=/home/u -D WORKDIR=$W "$P/homes.buckle" files write "/home/u/$f"
    case "$OUT" in deny*) pass "std agent tools: ~/$f stays unwritable under a grant of the tool's home";;
        *) fail "std agent tools: ~/$f stays unwritable under a grant of the tool's home" "$(head -2 "$TMP/out")";; esac
done
# what the tools need stays writable: the caches, the project's other files
for f in /home/u/.cargo/registry/cache/x.crate /home/u/go/pkg/mod/x /home/u/.bun/install/cache/x "$W/src/main.rs" "$W/.sl/dirstate"; do
    run "std agent tools: $f" "$BUCKLE" query -D HOME=/home/u -D WORKDIR=$W "$P/homes.buckle" files write "$f"
    case "$OUT" in allow*) pass "std agent tools: $f stays writable";; *) fail "std agent tools: $f stays writable" "$(head -2 "$TMP/out")";; esac
done
run "std agent tools: rename ~/go" "$BUCKLE" query -D HOME=/home/u "$P/homes.buckle" files file-write-unlink /home/u/go
case "$OUT" in deny*) pass "std agent tools: ~/go cannot be moved away whole";; *) fail "std agent tools: ~/go cannot be moved away whole" "$OUT";; esac
rm -rf "$P"

# live: a grant of ~/.cargo for the registry does not let the command plant
# ~/.cargo/bin/git, nor write the project's opencode.json
agent_setup stdtools "std agent tools: live"
mkdir -p "$U/home/.cargo/bin" "$U/home/.cargo/registry"
printf 'extends "std/agent";\nfiles { allow write "~/.cargo"; }\n' >"$U/prof/cargo.buckle"
A="--no-cache --linux-accept=files,new-paths"
run "std agent tools: live cargo" sh -c "cd '$U/w' && env HOME='$U/home' TMPDIR='$U/tmp' '$B' run $A '$U/prof/cargo.buckle' -- sh -c 'echo x >~/.cargo/registry/r && echo REG; echo x >~/.cargo/bin/git && echo PLANTED; echo {} >opencode.json && echo OPENCODE; true'"
if grep -q "offers no Landlock" "$TMP/err"; then echo "SKIP std agent tools: live: no Landlock" >>"$RESULTS"; exit 0; fi
expect_out_has "std agent tools: live: the registry under ~/.cargo is writable" REG
expect_out_lacks "std agent tools: live: ~/.cargo/bin/git cannot be planted" PLANTED
[ -e "$U/home/.cargo/bin/git" ] && fail "std agent tools: live: ... and is not there" "it exists" || pass "std agent tools: live: ... and is not there"
# a path that does not exist at launch is checked when the command ends
# (class new-paths): made, it fails the run, named
expect_rc "std agent tools: live: the project's opencode.json made by the command fails the run" 125
expect_err_has "std agent tools: live: ... naming it" "$U/w/opencode.json"
