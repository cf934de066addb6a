#!/bin/sh
# setup-precommit.sh - make sure the pre-commit framework is available for
# tests/cli/precommit.sh.  Installs Debian's `pre-commit` package with
# apt-get when it is missing (as root or with password-less sudo); otherwise
# says how to install it.  Exit 0 when `pre-commit` runs.
set -u
ok() { pre-commit --version >/dev/null 2>&1; }
if ok; then exit 0; fi
if command -v apt-get >/dev/null 2>&1; then
    SUDO=""
    if [ "$(id -u)" != 0 ] && command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then SUDO="sudo -n"; fi
    if [ "$(id -u)" = 0 ] || [ -n "$SUDO" ]; then
        echo "setup: installing pre-commit with apt-get" >&2
        export DEBIAN_FRONTEND=noninteractive
        $SUDO apt-get install -y -q pre-commit >/dev/null 2>&1 || {
            $SUDO apt-get update -q >/dev/null 2>&1
            $SUDO apt-get install -y -q pre-commit >/dev/null 2>&1
        }
    fi
fi
if ok; then exit 0; fi
echo "setup: the pre-commit test needs the pre-commit framework:" >&2
echo "  Debian/Ubuntu: sudo apt-get install pre-commit" >&2
echo "  macOS:         brew install pre-commit" >&2
exit 1
