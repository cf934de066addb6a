# editors.sh - the editor support in editors/: the VS Code TextMate grammar
# tokenized by vscode-textmate (the tokenizer VS Code uses) over every
# .buckle file in corpus/ and tests/, the Vim syntax file at the same
# positions in a real Vim, and the Vim ftplugin's 'errorformat' and
# 'makeprg' reading `buckle lint --format gcc` into the quickfix list.
# tools/setup-editors.sh (run by make check) installs node, npm and vim.
. tests/lib.sh
E="$TMP/editors"
ROOT=$(pwd)
mkdir -p "$E"

if [ ! -f tests/editors/node_modules/vscode-textmate/package.json ] || ! command -v node >/dev/null 2>&1; then
    fail "editors: set-up" "node or tests/editors/node_modules missing: run sh tools/setup-editors.sh"
else
    node tests/editors/textmate.test.js editors/vscode/syntaxes/buckle.tmLanguage.json "$E/vim-checks.json" corpus tests \
        >"$E/tm.out" 2>&1
    grep -E '^(PASS|FAIL) ' "$E/tm.out" >>"$RESULTS"
    grep -q '^# .* files, .* characters checked' "$E/tm.out" && pass "editors: vscode grammar: finished" \
        || fail "editors: vscode grammar: finished" "$(tail -n 5 "$E/tm.out")"
    grep '^FAIL' "$E/tm.out" >&2
fi

# the extension's manifest points at the grammar and the language configuration
if command -v node >/dev/null 2>&1; then
    run "editors: vscode manifest" node -e '
        const fs = require("fs"), d = "editors/vscode/";
        const p = JSON.parse(fs.readFileSync(d + "package.json", "utf8"));
        const g = p.contributes.grammars[0], l = p.contributes.languages[0];
        if (g.scopeName !== "source.buckle" || g.language !== "buckle") throw "grammar entry";
        JSON.parse(fs.readFileSync(d + g.path, "utf8"));
        const c = JSON.parse(fs.readFileSync(d + l.configuration, "utf8"));
        if (c.comments.lineComment !== "#" || !l.extensions.includes(".buckle")) throw "language entry";
        if (!fs.existsSync(d + p.main.replace(/^\.\//, ""))) throw "main";
        if (p.contributes.configuration.properties["buckle.server.command"].default !== "buckle") throw "server command";
        console.log("ok");'
    expect_rc "editors: vscode manifest" 0
fi

if ! vim --version 2>/dev/null | grep -q '+eval'; then
    fail "editors: vim" "no vim with +eval: run sh tools/setup-editors.sh"
elif [ -f "$E/vim-checks.json" ]; then
    VIM_CHECKS="$E/vim-checks.json" VIM_RESULTS="$E/vim.out" vim -Nu NONE -i NONE -n -es \
        --cmd 'set rtp^=editors/vim' --cmd 'filetype plugin on' --cmd 'syntax on' \
        -S tests/editors/vim_syntax.vim </dev/null >/dev/null 2>&1
    if [ -s "$E/vim.out" ]; then cat "$E/vim.out" >>"$RESULTS"; grep '^FAIL' "$E/vim.out" >&2
    else fail "editors: vim syntax" "vim wrote no results"; fi
fi

# quickfix: the findings of a real lint run, through 'errorformat' and :make
cat >"$E/qf.buckle" <<'PROFILE'
files {
    allow write "/Users";
    allow read "/usr", "/usr/lib";
}
mach { allow lookup "com.apple.coreservices.launchservicesd"; }
PROFILE
B=$(cd "$(dirname "$BUCKLE")" && pwd)/$(basename "$BUCKLE")
(cd "$E" && "$B" lint --format gcc qf.buckle) >"$E/lint.out"
# the entries the quickfix list must hold: every located error, warning,
# info, style finding and note
sed -n 's/^\([^:]*\):\([0-9]*\):\([0-9]*\): \(error\|warning\|info\|style\|note\): \(.*\)$/\2|\3|\4|\5|\1/p' "$E/lint.out" |
    sed 's/^\([0-9]*|[0-9]*\)|error|/\1|e|/; s/^\([0-9]*|[0-9]*\)|warning|/\1|w|/; s/^\([0-9]*|[0-9]*\)|info|/\1|i|/;
         s/^\([0-9]*|[0-9]*\)|note|/\1|n|/; s/^\([0-9]*|[0-9]*\)|style|/\1||/' >"$E/want"
if [ "$(wc -l <"$E/want")" -lt 4 ] || ! grep -q '|e|' "$E/want" || ! grep -q '|w|' "$E/want" || ! grep -q '|n|' "$E/want"; then
    fail "editors: vim quickfix: lint output" "expected errors, warnings and notes: $(cat "$E/lint.out")"
elif vim --version 2>/dev/null | grep -q '+eval'; then
    (cd "$E" && BUCKLE="$B" PROFILE=qf.buckle LINT_OUT=lint.out QF_OUT=qf.out vim -Nu NONE -i NONE -n -es \
        --cmd "set rtp^=$ROOT/editors/vim" --cmd 'filetype plugin on' \
        -S "$ROOT/tests/editors/vim_quickfix.vim" </dev/null >/dev/null 2>&1)
    grep -qx 'filetype|buckle' "$E/qf.out" && pass "editors: vim ftdetect" || fail "editors: vim ftdetect" "$(head -n 1 "$E/qf.out")"
    for how in cgetfile make; do
        sed -n "s/^$how|//p" "$E/qf.out" >"$E/got-$how"
        expect_same "editors: vim quickfix: $how" "$E/want" "$E/got-$how"
    done
fi
