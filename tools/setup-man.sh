#!/bin/sh
# setup-man.sh - groff and man, which the manual page tests use (tests/cli/man.sh,
# tests/cli/install.sh).  Installs them with apt-get on Debian/Ubuntu when
# they are missing and we may; otherwise says what to install.  Never fails
# the set-up: the tests report what is missing.
set -u
have() { command -v groff >/dev/null 2>&1 && command -v man >/dev/null 2>&1; }
have && exit 0
if command -v apt-get >/dev/null 2>&1; then
    SUDO=""
    if [ "$(id -u)" != 0 ] && command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then SUDO="sudo -n"; fi
    if [ "$(id -u)" = 0 ] || [ -n "$SUDO" ]; then
        echo "setup: installing groff-base and man-db with apt-get (for the manual page tests)" >&2
        export DEBIAN_FRONTEND=noninteractive
        $SUDO apt-get install -y -q groff-base man-db >/dev/null 2>&1 || {
            $SUDO apt-get update -q >/dev/null 2>&1
            $SUDO apt-get install -y -q groff-base man-db >/dev/null 2>&1
        }
    fi
fi
have && exit 0
echo "setup: the manual page tests need groff and man (Debian: apt-get install groff-base man-db)" >&2
exit 0
