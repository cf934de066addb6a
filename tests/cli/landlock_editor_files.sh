# landlock_editor_files.sh - project files that editors and harnesses run
# code from when they open the project (Zed's and Helix's language servers
# and tasks, Junie's, Trae's, Factory's and Windsurf's MCP servers, mise's
# other configuration files) are std/agent's final denies: one the command
# makes fails the run, and the next run is refused while it is there
# (corpus/std/agent.buckle; docs/linux.md, "Denies inside a writable
# directory").  Live.
. tests/lib.sh
linux_only "editor files"
runner_env
unset BUCKLE_SANDBOX_EXEC
agent_world lleditor proj
A=--linux-accept=files,new-paths
cd "$R/proj" || exit 1
run "editor files: probe" "$B" run $A "$R/prof/agent.buckle" -- true
landlock_or_exit "editor files"
for f in .zed/settings.json .zed/tasks.json .helix/languages.toml .junie/mcp/mcp.json .trae/mcp.json .factory/mcp.json \
         .windsurf/rules.md mise/config.toml mise.development.toml; do
    d=${f%%/*}
    run "editor files: $f" "$B" run $A "$R/prof/agent.buckle" -- sh -c "mkdir -p \"\$(dirname $f)\"; echo x >$f; exit 0"
    expect_rc "editor files: $f made by the command fails the run" 125
    expect_err_has "editor files: ... naming it" "$R/proj/$d exists after the run"
    run "editor files: $f next" "$B" run $A "$R/prof/agent.buckle" -- true
    expect_rc "editor files: ($f) ... and the next run is refused" 125
    rm -rf "$R/proj/$d"
done
cd / && rm -rf "$R"
