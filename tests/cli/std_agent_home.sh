# std_agent_home.sh - a profile that extends std/agent and allows writing
# the home ("allow write "~"", which docs/linux.md endorses because the
# final denies still hold) must not write the files other programs run
# code from later: the build tools' hooks (cargo, npm, gradle), direnv,
# starship, desktop entries and URL handlers, VS Code's and wezterm's
# configuration, the coding-agent harnesses' settings and the shell
# frameworks (docs/std.md).  Static: query.
. tests/lib.sh
P="$TMP/stdagenthome"
rm -rf "$P"
mkdir -p "$P"
printf 'extends "std/agent";\nfiles { allow write "~"; }\n' >"$P/home.buckle"
for f in .cargo/config.toml .cargo/config .npmrc .gradle/init.d/x.gradle .gradle/init.gradle .config/direnv/direnvrc \
         .config/starship.toml .bashrc.d/x.sh .local/share/applications/x.desktop .config/mimeapps.list \
         .vscode/extensions/x/package.json .config/Code/User/settings.json .config/wezterm/wezterm.lua .wezterm.lua \
         .m2/settings.xml .config/pip/pip.conf .pip/pip.conf .condarc .ipython/profile_default/startup/x.py \
         .pythonrc .Rprofile .irbrc; do
    run "std agent home: $f" "$BUCKLE" query -D HOME=/home/u "$P/home.buckle" files write "/home/u/$f"
    case "$OUT" in deny*) pass "std agent home: ~/$f stays unwritable under allow write \"~\"";;
        *) fail "std agent home: ~/$f stays unwritable under allow write \"~\"" "$(head -2 "$TMP/out")";; esac
done
# the coding-agent harnesses' own settings (hooks, MCP servers, commands)
# and the shell frameworks: a later run outside any sandbox runs them
for f in .claude/settings.json .claude/hooks/pre.sh .claude/commands/x.md .claude/agents/x.md .claude.json \
         .codex/config.toml .codex/rules/default.rules .gemini/settings.json .gemini/commands/x.toml \
         .cursor/mcp.json .cursor/hooks.json .continue/config.ts .aider.conf.yml .copilot/mcp-config.json \
         .config/opencode/opencode.json .qwen/settings.json .oh-my-zsh/custom/x.zsh .zprezto/init.zsh \
         .bash_it/custom/x.bash .tmux/plugins/tpm/tpm .config/zsh/.zshrc .p10k.zsh; do
    run "std agent home: $f" "$BUCKLE" query -D HOME=/home/u "$P/home.buckle" files write "/home/u/$f"
    case "$OUT" in deny*) pass "std agent home: ~/$f (a harness's settings, a shell framework) stays unwritable under allow write \"~\"";;
        *) fail "std agent home: ~/$f (a harness's settings, a shell framework) stays unwritable under allow write \"~\"" "$(head -2 "$TMP/out")";; esac
done
# the harnesses' sessions and caches beside them stay writable
for f in .claude/projects/p/s.jsonl .codex/sessions/s.jsonl .gemini/tmp/x; do
    run "std agent home: $f" "$BUCKLE" query -D HOME=/home/u "$P/home.buckle" files write "/home/u/$f"
    case "$OUT" in allow*) pass "std agent home: ~/$f (a harness's session) is writable";;
        *) fail "std agent home: ~/$f (a harness's session) is writable" "$OUT";; esac
done
for d in .claude .codex .gemini; do
    run "std agent home: rename $d" "$BUCKLE" query -D HOME=/home/u "$P/home.buckle" files file-write-unlink "/home/u/$d"
    case "$OUT" in deny*) pass "std agent home: ~/$d cannot be renamed away whole";;
        *) fail "std agent home: ~/$d cannot be renamed away whole" "$OUT";; esac
done
# the rest of the home stays writable
run "std agent home: other" "$BUCKLE" query -D HOME=/home/u "$P/home.buckle" files write /home/u/notes.txt
case "$OUT" in allow*) pass "std agent home: another file of the home is writable";; *) fail "std agent home: another file of the home is writable" "$OUT";; esac
rm -rf "$P"
