#!/bin/sh
# why.sh - `buckle why` over large logs: 100,000 and 1,000,000 lines in each
# form it reads (plain `log show` lines, --style ndjson, a --style json
# array).  Two mixes: denials of a few hundred distinct requests among other
# messages, and 1,000,000 lines with 100,000 distinct denials (file paths in
# many directories, network hosts and ports, mach services, sysctls: each
# one explained, with its suggested rule compiled and linted), also with the
# report as JSON.  Prints the wall time (best of 3), the processor time of
# that run and the peak resident memory: the time should grow with the
# lines and the distinct denials, the memory with the distinct denials only
# (the log is streamed; only the distinct denials are kept).  The last row
# explains the 100,000 distinct denials by an .sb profile (the compiled
# corpus/examples/agent.buckle), whose suggested rules are linted and
# evaluated as SBPL.  Run by make bench and make bench-why.
set -u
SBD=
BUILD=${BUILD:-build}
B=${BUCKLE:-./buckle}
T=$(mktemp -d "${TMPDIR:-/tmp}/buckle-why-bench.XXXXXX")
trap 'rm -rf "$T"' EXIT INT TERM

cat >"$T/p.buckle" <<'P'
extends "std/base";
param WORKDIR;
files {
    allow read "/usr", "$WORKDIR";
    allow write "$WORKDIR/out";
    deny read "~/.ssh";
}
P

gen() {  # LINES FORM [DISTINCT]
    awk -v n="$1" -v form="$2" -v nd="${3:-0}" 'BEGIN {
        if (form == "json") print "[";
        d = 0;
        for (i = 0; i < n; i++) {
            if (nd > 0) {
                # every 11th line no denial; the others cycle over nd requests
                j = (d * 7919) % nd; k = j % 10;
                if (i % 11 == 10) m = sprintf("mdworker: an unrelated message number %d", i);
                else if (k < 6) m = sprintf("Sandbox: node(%d) deny(1) file-read-data /Users/me/d%d/sub%d/f%d.txt", 1000 + i % 7, j % 997, j % 13, j);
                else if (k < 7) m = sprintf("Sandbox: curl(5723) deny(1) network-outbound %d.%d.%d.%d:%d", 1 + j % 200, j % 7, j % 11, 1 + j % 250, 1 + j % 65535);
                else if (k < 8) m = sprintf("Sandbox: uv(77) deny(1) mach-lookup com.example.service%d", j);
                else if (k < 9) m = sprintf("Sandbox: ps(88) deny(1) sysctl-read vm.example.n%d", j);
                else m = sprintf("Sandbox: git(99) deny(1) file-write-create /Users/me/project/out%d/x%d", j % 50, j);
                if (i % 11 != 10) d++;
            } else {
                k = i % 10;
                if (k < 6) m = sprintf("Sandbox: node(%d) deny(1) file-read-data /Users/me/project/src/f%d.txt", 1000 + i % 7, i % 200);
                else if (k < 7) m = sprintf("Sandbox: curl(5723) deny(1) network-outbound 1.2.3.4:%d", 400 + i % 20);
                else if (k < 8) m = sprintf("Sandbox: uv(77) deny(1) mach-lookup com.example.service%d", i % 30);
                else m = sprintf("mdworker: an unrelated message number %d", i);
            }
            if (form == "plain") printf "2026-01-05 10:00:%02d.123456+0100 0x1a2b     Error       0x0                  0      0    kernel: (Sandbox) %s\n", i % 60, m;
            else if (form == "ndjson") printf "{\"traceID\":%d,\"eventMessage\":\"%s\",\"processID\":0,\"subsystem\":\"\"}\n", i, m;
            else printf "  {\n    \"traceID\" : %d,\n    \"eventMessage\" : \"%s\",\n    \"processID\" : 0\n  }%s\n", i, m, i + 1 < n ? "," : "";
        }
        if (form == "json") print "]";
    }' >"$T/log"
}

now() { date +%s%N 2>/dev/null | awk '{ if ($0 ~ /N$/) print 0; else printf "%.3f\n", $0 / 1e9 }'; }

# the processor time (user + system, s) and the peak resident KB of the
# command, or "-" where no time(1) reports them
usage() {
    if /usr/bin/time -f '%U %S %M' true >/dev/null 2>&1; then
        /usr/bin/time -f '%U %S %M' "$@" 2>&1 >/dev/null | tail -1 | awk '{ printf "%.2f %s\n", $1 + $2, $3 }'
    elif /usr/bin/time -l true >/dev/null 2>&1; then
        /usr/bin/time -l "$@" 2>&1 >/dev/null | awk '/ real / { c = $3 + $5 } /maximum resident set size/ { m = int($1 / 1024) } END { printf "%.2f %d\n", c, m }'
    else echo "- -"; fi
}

row() {  # FORM LINES DISTINCT REPORT [PROFILE]
    prof=${5:-$T/p.buckle}
    bytes=$(wc -c <"$T/log" | tr -d ' ')
    best=
    for r in 1 2 3; do
        t0=$(now)
        "$B" why --format "$4" -D WORKDIR=/Users/me/project $SBD "$prof" "$T/log" >/dev/null || { echo "buckle why failed" >&2; exit 1; }
        t1=$(now)
        d=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.3f", b - a }')
        if [ -z "$best" ] || awk -v a="$d" -v b="$best" 'BEGIN { exit !(a < b) }'; then best=$d; fi
    done
    set -- "$1" "$2" "$3" "$4" $(usage "$B" why --format "$4" -D WORKDIR=/Users/me/project $SBD "$prof" "$T/log")
    echo "| $1 | $2 | $3 | $4 | $bytes | $best | $5 | $6 |"
}

echo "## buckle why over large logs"
echo
echo "| form | lines | distinct denials | report | bytes | best of 3 (s) | processor (s) | peak RSS (KB) |"
echo "|---|---|---|---|---|---|---|---|"
for form in plain ndjson json; do
    for n in 100000 1000000; do
        gen "$n" "$form"
        row "$form" "$n" "~250" text
    done
done
for form in plain ndjson json; do
    gen 1000000 "$form" 100000
    row "$form" 1000000 100000 text
    [ "$form" = plain ] && row "$form" 1000000 100000 json
done
# the .sb profile: HOME and TMPDIR given, as `buckle run` would
"$B" compile -I corpus -D WORKDIR=/Users/me/project corpus/examples/agent.buckle >"$T/agent.sb" ||
    { echo "buckle compile failed" >&2; exit 1; }
gen 1000000 plain 100000
SBD="-D HOME=/Users/me -D TMPDIR=/tmp" row "plain, agent.sb" 1000000 100000 text "$T/agent.sb"
