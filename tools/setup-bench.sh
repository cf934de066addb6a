#!/bin/sh
# setup-bench.sh - what `make bench` measures with, besides buckle: hyperfine
# (whole-process timings), valgrind (instruction counts), node and npm (srt,
# the peer) and, on Linux, bubblewrap (bench/landlock.sh compares buckle run
# with bwrap).  Installs the missing ones with apt-get on Debian/Ubuntu when
# we may; otherwise says what to install.  Never fails: the benchmark says
# which figure it could not take.  `make check` does not run it.
#   sh tools/setup-bench.sh [--dry-run]   (--dry-run: print the packages only)
set -u
dry=0
[ "${1:-}" = --dry-run ] && dry=1
linux=0
[ "$(uname -s 2>/dev/null)" = Linux ] && linux=1
# tool:Debian package, one a word
need="hyperfine:hyperfine valgrind:valgrind node:nodejs npm:npm"
[ $linux = 1 ] && need="$need bwrap:bubblewrap"
missing=""
for tp in $need; do
    command -v "${tp%%:*}" >/dev/null 2>&1 || missing="$missing ${tp#*:}"
done
missing=${missing# }
if [ $dry = 1 ]; then echo "setup-bench: missing: ${missing:-nothing}"; exit 0; fi
[ -z "$missing" ] && exit 0
if command -v apt-get >/dev/null 2>&1; then
    SUDO=""
    if [ "$(id -u)" != 0 ] && command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then SUDO="sudo -n"; fi
    if [ "$(id -u)" = 0 ] || [ -n "$SUDO" ]; then
        echo "setup-bench: installing $missing with apt-get" >&2
        export DEBIAN_FRONTEND=noninteractive
        # shellcheck disable=SC2086
        $SUDO apt-get install -y -q $missing >/dev/null 2>&1 || {
            $SUDO apt-get update -q >/dev/null 2>&1
            $SUDO apt-get install -y -q $missing >/dev/null 2>&1
        }
    fi
fi
left=""
for tp in $need; do
    command -v "${tp%%:*}" >/dev/null 2>&1 || left="$left ${tp#*:}"
done
[ -z "$left" ] && exit 0
echo "setup-bench: make bench leaves out the figures that need:$left" >&2
case "$(uname -s 2>/dev/null)" in
Darwin) echo "  macOS: brew install hyperfine node (valgrind does not run there)" >&2 ;;
*) echo "  Debian/Ubuntu: sudo apt-get install$left" >&2 ;;
esac
exit 0
