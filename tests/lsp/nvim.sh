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
fi
