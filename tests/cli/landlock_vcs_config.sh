# landlock_vcs_config.sh - std/agent and Mercurial's and Jujutsu's
# repository configuration, live (docs/std.md): hg runs the [hooks] of
# .hg/hgrc and loads its [extensions] (Python) at every command, jj runs the
# pager and editors .jj/repo/config.toml names; existing, they stay
# unwritable, and .hg/sharedpath made by the command fails the run.
. tests/lib.sh
agent_setup llvc "landlock vcs config"
T="landlock vcs config"
# inrun DIR CLASSES PROFILE CMD
inrun() {
    run "$T" sh -c "cd '$1' && env HOME='$U/home' TMPDIR='$U/tmp' '$B' run --no-cache --linux-accept=$2 '$3' -- sh -c '$4'"
}
inrun "$U/w" files,new-paths "$P" true
landlock_or_exit "$T"

mkdir -p "$U/w/.hg" "$U/w/.jj/repo"
echo "[ui]" >"$U/w/.hg/hgrc"
echo "[ui]" >"$U/w/.jj/repo/config.toml"
for cls in files,new-paths files; do
    inrun "$U/w" "$cls" "$P" 'echo "[hooks]" >>.hg/hgrc; echo "pager = \"x\"" >>.jj/repo/config.toml; echo ran'
    [ "$(cat "$U/w/.hg/hgrc")" = "[ui]" ] && pass "$T: .hg/hgrc is not writable ($cls)" \
        || fail "$T: .hg/hgrc is not writable ($cls)" "$(cat "$U/w/.hg/hgrc"); rc $RC: $ERR"
    [ "$(cat "$U/w/.jj/repo/config.toml")" = "[ui]" ] && pass "$T: .jj/repo/config.toml is not writable ($cls)" \
        || fail "$T: .jj/repo/config.toml is not writable ($cls)" "$(cat "$U/w/.jj/repo/config.toml"); rc $RC: $ERR"
done
inrun "$U/w" files,new-paths "$P" 'echo /x >.hg/sharedpath'
expect_rc "$T: .hg/sharedpath made: the run fails" 125
expect_err_has "$T: ... naming it" "$U/w/.hg/sharedpath exists after the run"
rm -f "$U/w/.hg/sharedpath"
inrun "$U/w" files,new-paths "$P" 'echo ok >.hg/dirstate-x && cat .hg/dirstate-x'
expect_rc "$T: the rest of .hg stays writable" 0

