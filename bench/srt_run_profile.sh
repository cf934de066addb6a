#!/bin/sh
# bench/srt_run_profile.sh NAME OUT - writes to OUT the profile `buckle run`
# hands to sandbox-exec for corpus/examples/srt-NAME.buckle running
# /usr/bin/true, with the benchmark's values inlined (HOME=/Users/bench
# USER=bench WORKDIR=/Users/bench/src TMPDIR=/private/var/folders/zz/bench/T):
# the compact form plus what the runner adds (its self-protection rules).
# --dry-run: nothing runs (on Linux it shows what would run on macOS).  The
# srt-*.buckle translations allow no exec (srt's profiles do), so the
# profile allows exactly /usr/bin/true on top.
set -eu
B=${BUCKLE:-./buckle}
n=$1
out=$2
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
printf 'extends "%s/corpus/examples/srt-%s.buckle";\nprocess { allow exec "/usr/bin/true"; }\nfiles { allow read "/usr/bin/true"; }\n' \
    "$(pwd)" "$n" >"$T/run-srt-$n.buckle"
mkdir "$T/tmp"
f=$(env TMPDIR="$T/tmp" "$B" run --dry-run -I "$(pwd)/corpus" -D HOME=/Users/bench -D USER=bench -D WORKDIR=/Users/bench/src \
    -D TMPDIR=/private/var/folders/zz/bench/T "$T/run-srt-$n.buckle" -- /usr/bin/true | sed -n 's/^profile: //p')
[ -n "$f" ] && [ -f "$f" ] || { echo "srt_run_profile.sh: buckle run wrote no profile for srt-$n" >&2; exit 1; }
if grep -q '(param ' "$f"; then echo "srt_run_profile.sh: srt-$n: a parameter is left in buckle's profile" >&2; exit 1; fi
cp "$f" "$out"
