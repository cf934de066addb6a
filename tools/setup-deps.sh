#!/bin/sh
# setup-deps.sh - make sure flex and bison >= 3, jansson (the JSON library
# of `buckle lsp`) and, for the editor tests of make check, Neovim are
# available.
# Installs them with apt-get on Debian/Ubuntu when possible; otherwise says
# what to install.  Exit 0 when the tools are usable.
set -u
BISON=${BISON:-bison}
FLEX=${FLEX:-flex}

bison_ok() {
    v=$("$BISON" --version 2>/dev/null | sed -n '1s/.* \([0-9][0-9]*\)\.[0-9.]*$/\1/p')
    [ -n "$v" ] && [ "$v" -ge 3 ]
}
flex_ok() { "$FLEX" --version >/dev/null 2>&1; }
cc_ok() { command -v "${CC:-cc}" >/dev/null 2>&1 && command -v make >/dev/null 2>&1; }
jansson_ok() {
    t=$(mktemp) || return 1
    printf '#include <jansson.h>\nint main(void){json_t *j = json_object(); json_decref(j); return 0;}\n' |
        "${CC:-cc}" -x c $(pkg-config --cflags jansson 2>/dev/null) -o "$t" - $(pkg-config --libs jansson 2>/dev/null || echo -ljansson) >/dev/null 2>&1
    r=$?
    rm -f "$t"
    return $r
}
nvim_ok() { command -v nvim >/dev/null 2>&1; }
all_ok() { bison_ok && flex_ok && cc_ok && jansson_ok && nvim_ok; }

sh "$(dirname "$0")/setup-man.sh"     # groff and man, for the manual page tests

# what only make bench needs (hyperfine, valgrind, node, bubblewrap):
# tools/setup-bench.sh, which make bench runs

# the tests of `buckle run` on Linux make a Python virtual environment
# (Debian splits venv and ensurepip into python3-venv); optional: those
# checks are skipped without it
if [ "$(uname -s)" = Linux ] && command -v apt-get >/dev/null 2>&1 && [ -x /usr/bin/python3 ] &&
    ! /usr/bin/python3 -c 'import venv, ensurepip' >/dev/null 2>&1; then
    if [ "$(id -u)" = 0 ]; then S=""; elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then S="sudo -n"; else S=none; fi
    [ "$S" = none ] || DEBIAN_FRONTEND=noninteractive $S apt-get install -y -q python3-venv >/dev/null 2>&1 || true
fi

if all_ok; then exit 0; fi

if command -v apt-get >/dev/null 2>&1; then
    SUDO=""
    if [ "$(id -u)" != 0 ]; then
        if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then SUDO="sudo -n"; fi
    fi
    if [ "$(id -u)" = 0 ] || [ -n "$SUDO" ]; then
        echo "setup: installing flex, bison, a C compiler, jansson and neovim with apt-get" >&2
        export DEBIAN_FRONTEND=noninteractive
        PKGS="flex bison make gcc pkg-config libjansson-dev neovim"
        $SUDO apt-get install -y -q $PKGS >/dev/null 2>&1 || {
            $SUDO apt-get update -q >/dev/null 2>&1
            $SUDO apt-get install -y -q $PKGS >/dev/null 2>&1
        }
    fi
fi

if all_ok; then exit 0; fi

echo "setup: buckle needs flex, GNU bison >= 3, a C compiler and jansson; make check also needs Neovim." >&2
case "$(uname -s 2>/dev/null)" in
Darwin)
    echo "  macOS ships bison 2.3, which is too old. Install a newer one with Homebrew:" >&2
    echo "    brew install bison flex jansson neovim" >&2
    echo "    export PATH=\"\$(brew --prefix bison)/bin:\$PATH\"   # or: make BISON=\$(brew --prefix bison)/bin/bison" >&2
    ;;
*)
    echo "  Debian/Ubuntu: sudo apt-get install flex bison make gcc pkg-config libjansson-dev neovim" >&2
    echo "  Fedora:        sudo dnf install flex bison make gcc pkgconf jansson-devel neovim" >&2
    ;;
esac
if ! bison_ok; then echo "  found: $("$BISON" --version 2>/dev/null | head -n 1)${BISON_MISSING:-}" >&2; command -v "$BISON" >/dev/null 2>&1 || echo "  (no $BISON on PATH)" >&2; fi
jansson_ok || echo "  jansson: no usable <jansson.h> and -ljansson" >&2
nvim_ok || echo "  neovim: no nvim on PATH (make check drives buckle lsp from it)" >&2
exit 1
