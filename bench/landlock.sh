#!/bin/sh
# bench/landlock.sh - buckle run on Linux (Landlock) against /bin/true run
# directly and against bwrap with binds equivalent to the profile, in one
# interleaved run (bench/interleave.c); buckle run with a warm run cache (the
# plan from the cache), and with --no-cache (lint, compile and plan).  Part of make bench (bench/run.sh),
# never of make check.  Needs Linux with Landlock; bwrap is installed by
# tools/setup-deps.sh (Debian's bubblewrap).
set -u
B=$(cd "$(dirname "${BUCKLE:-./buckle}")" && pwd)/$(basename "${BUCKLE:-./buckle}")
BUILD=$(cd "${BUILD:-build}" && pwd)
ROUNDS=${ROUNDS:-300}
[ "$(uname -s)" = Linux ] || { echo "(landlock bench: not Linux)"; exit 0; }
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
T=$(cd "$T" && pwd -P)
mkdir -p "$T/project/src" "$T/project/.git/hooks" "$T/tmp" "$T/home"
for f in a b c d e; do echo "$f" >"$T/project/src/$f.c"; done
echo "[core]" >"$T/project/.git/config"
echo "[user]" >"$T/home/.gitconfig"
P=$(pwd)/corpus/examples/agent.buckle
echo "## buckle run on Linux (Landlock): corpus/examples/agent.buckle -- /bin/true"
echo
# a plan made when the directories it reads are two seconds old trusts their
# times (one made earlier reads them again at every run that uses it): the
# project is left to age first, as a user's is, then one run stores the
# plan and every measured run is warm
sleep 3
if ! (cd "$T/project" && HOME="$T/home" TMPDIR="$T/tmp" "$B" run --linux-accept=files,ports,network,ipc "$P" -- /bin/true 2>"$T/err"); then
    echo "(buckle run cannot run here: $(tail -1 "$T/err"))"
    exit 0
fi
echo "$(cat "$T/err") (WORKDIR: a project of 8 entries; TMPDIR, HOME: empty directories)"
# std/agent, as it runs without and with new-paths: with it, the project is
# granted whole and .git/hooks and .git/config are read-only mounts in the
# command's own user and mount namespace (docs/linux.md)
mkdir -p "$T/prof"
printf 'extends "std/agent";\n' >"$T/prof/agent.buckle"
SA="std-agent=$B run --linux-accept=files $T/prof/agent.buckle -- /bin/true"
NP=""
for acc in files files,new-paths; do
    (cd "$T/project" && HOME="$T/home" TMPDIR="$T/tmp" "$B" run --linux-accept=$acc "$T/prof/agent.buckle" -- /bin/true >/dev/null 2>&1)
done
if (cd "$T/project" && HOME="$T/home" TMPDIR="$T/tmp" "$B" run --linux-accept=files,new-paths "$T/prof/agent.buckle" -- /bin/true 2>&1 | grep -q " mounts\{0,1\} "); then
    NP="std-agent-mounts=$B run --linux-accept=files,new-paths $T/prof/agent.buckle -- /bin/true"
fi
(cd "$T/project" && HOME="$T/home" TMPDIR="$T/tmp" "$B" run -v --linux-accept=files,ports,network,ipc "$P" -- /bin/true 2>&1 | grep -q "the plan from the run cache") \
    && echo "(buckle run: warm, the plan from the run cache)" || echo "(buckle run: the plan is not kept in the run cache: every run plans)"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo
set -- "true=/bin/true" "buckle-run=$B run --linux-accept=files,ports,network,ipc $P -- /bin/true"
if command -v bwrap >/dev/null 2>&1 && bwrap --ro-bind / / /bin/true 2>/dev/null; then
    # what the profile lets the command see: /usr (and the merged-/usr links),
    # /etc read-only, the project and TMPDIR writable, ~/.gitconfig, /dev, /proc
    set -- "$@" "bwrap=bwrap --ro-bind /usr /usr --symlink usr/lib /lib --symlink usr/lib64 /lib64 --symlink usr/bin /bin --ro-bind /etc /etc --dev /dev --proc /proc --bind $T/project $T/project --bind $T/tmp $T/tmp --ro-bind $T/home/.gitconfig $T/home/.gitconfig /bin/true"
else
    echo "(bwrap is missing or cannot create its namespaces here: no bwrap figure)"
fi
set -- "$@" "$SA"
[ -n "$NP" ] && set -- "$@" "$NP"
# the same run with the run cache off: lint, compile and plan every time
set -- "$@" "buckle-run-no-cache=$B run --no-cache --linux-accept=files,ports,network,ipc $P -- /bin/true"
(cd "$T/project" && HOME="$T/home" TMPDIR="$T/tmp" "$BUILD/interleave" "$ROUNDS" "$@") >"$T/r"
echo "| command | median ms | minus /bin/true | ratio to bwrap |"
echo "|---|---|---|---|"
awk 'NR == 1 { t = $2 } $1 == "bwrap" { bw = $2 } { m[NR] = $2; l[NR] = $1 } END {
    for (i = 1; i <= NR; i++) printf "| %s | %.2f | %+.2f | %s |\n", l[i], m[i], m[i] - t, bw ? sprintf("%.2f", m[i] / bw) : "-" }' "$T/r"
echo
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg) ($ROUNDS interleaved rounds)"
echo
