# nvim.sh - the Neovim test: Neovim's own LSP client (headless) drives
# buckle lsp through tests/lsp/nvim_test.lua.  Set-up installs Neovim.
. tests/lib.sh
if ! command -v nvim >/dev/null 2>&1; then
    fail "nvim: Neovim" "nvim is not installed (tools/setup-deps.sh installs it)"
else
    W="$TMP/nvim"
    mkdir -p "$W/state" "$W/data" "$W/config"
    B=$(cd "$(dirname "$BUCKLE")" && pwd)/$(basename "$BUCKLE")
    before=$(grep -c '^PASS nvim' "$RESULTS")
    XDG_STATE_HOME="$W/state" XDG_DATA_HOME="$W/data" XDG_CONFIG_HOME="$W/config" XDG_CACHE_HOME="$W/state" \
    BUCKLE="$B" WORK="$W" RESULTS="$RESULTS" \
        timeout 180 nvim --headless -u NONE -i NONE -n -c 'luafile tests/lsp/nvim_test.lua' </dev/null >"$W/out" 2>&1
    rc=$?
    [ $rc -eq 0 ] && pass "nvim: Neovim exits cleanly" || fail "nvim: Neovim" "exit $rc (124: timeout): $(head -c 400 "$W/out")"
    after=$(grep -c '^PASS nvim' "$RESULTS")
    [ $((after - before)) -ge 20 ] && pass "nvim: every check ran" || fail "nvim: checks" "only $((after - before)) passed"

    # the README's configuration, as written, as the user's init.lua
    mkdir -p "$W/config/nvim"
    sed -n '/^-- buckle: the language server for .buckle profiles$/,/^```$/p' README.md | sed '$d' >"$W/config/nvim/init.lua"
    grep -q 'buf_attach_client' "$W/config/nvim/init.lua" && pass "nvim: the README has the Neovim configuration" || fail "nvim: README" "no Neovim block found"
    before=$(grep -c '^PASS nvim README' "$RESULTS")
    PATH="$(dirname "$B"):$PATH" XDG_STATE_HOME="$W/state" XDG_DATA_HOME="$W/data" XDG_CONFIG_HOME="$W/config" XDG_CACHE_HOME="$W/state" \
    WORK="$W" RESULTS="$RESULTS" \
        timeout 120 nvim --headless -i NONE -n -c 'luafile tests/lsp/nvim_readme.lua' </dev/null >"$W/out2" 2>&1
    rc=$?
    [ $rc -eq 0 ] && pass "nvim: Neovim with the README configuration exits cleanly" || fail "nvim: README run" "exit $rc: $(head -c 400 "$W/out2")"
    after=$(grep -c '^PASS nvim README' "$RESULTS")
    [ $((after - before)) -ge 4 ] && pass "nvim: every README check ran" || fail "nvim: README checks" "only $((after - before)) passed"
fi
