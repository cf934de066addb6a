#!/bin/sh
# setup-editors.sh - what the editor tests (tests/cli/editors.sh) need:
# Node.js and npm (the VS Code grammar is checked with vscode-textmate and
# vscode-oniguruma, installed by `npm ci` from tests/editors/package-lock.json)
# and a Vim with +syntax and +eval.  Installs missing Debian packages with
# apt-get when it can; exit 0 when everything is usable.
set -u
cd "$(dirname "$0")/.." || exit 1

vim_ok() { vim --version 2>/dev/null | grep -q '+eval' && vim --version | grep -q '+syntax'; }
node_ok() { command -v node >/dev/null 2>&1; }
npm_ok() { command -v npm >/dev/null 2>&1; }

missing=""
node_ok || missing="$missing nodejs"
npm_ok || missing="$missing npm"
vim_ok || missing="$missing vim"
if [ -n "$missing" ] && command -v apt-get >/dev/null 2>&1; then
    SUDO=""
    if [ "$(id -u)" != 0 ] && command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then SUDO="sudo -n"; fi
    if [ "$(id -u)" = 0 ] || [ -n "$SUDO" ]; then
        echo "setup: installing$missing with apt-get" >&2
        export DEBIAN_FRONTEND=noninteractive
        # shellcheck disable=SC2086
        $SUDO apt-get install -y -q $missing >/dev/null 2>&1 || {
            $SUDO apt-get update -q >/dev/null 2>&1
            $SUDO apt-get install -y -q $missing >/dev/null 2>&1
        }
    fi
fi
rc=0
node_ok && npm_ok || { echo "setup: the editor tests need Node.js and npm (Debian: apt-get install nodejs npm)" >&2; rc=1; }
vim_ok || { echo "setup: the editor tests need Vim with +eval and +syntax (Debian: apt-get install vim)" >&2; rc=1; }
if npm_ok && { [ ! -f tests/editors/node_modules/vscode-textmate/package.json ] || [ ! -f tests/editors/node_modules/vscode-oniguruma/package.json ]; }; then
    echo "setup: npm ci in tests/editors (vscode-textmate, vscode-oniguruma)" >&2
    (cd tests/editors && npm ci --no-audit --no-fund --loglevel=error >/dev/null) || { echo "setup: npm ci failed in tests/editors" >&2; rc=1; }
fi
exit $rc
