#!/bin/sh
# why.sh - `buckle why` over large logs: 100,000 and 1,000,000 lines in each
# form it reads (plain `log show` lines, --style ndjson, a --style json
# array), each a mix of denials (a few hundred distinct) and other messages.
# Prints the wall time (best of 3) and the peak resident memory: the time
# should grow with the lines, the memory not (the log is streamed; only the
# distinct denials are kept).  Run by make bench and make bench-why.
set -u
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

gen() {  # LINES FORM
    awk -v n="$1" -v form="$2" 'BEGIN {
        if (form == "json") print "[";
        for (i = 0; i < n; i++) {
            k = i % 10;
            if (k < 6) m = sprintf("Sandbox: node(%d) deny(1) file-read-data /Users/me/project/src/f%d.txt", 1000 + i % 7, i % 200);
            else if (k < 7) m = sprintf("Sandbox: curl(5723) deny(1) network-outbound 1.2.3.4:%d", 400 + i % 20);
            else if (k < 8) m = sprintf("Sandbox: uv(77) deny(1) mach-lookup com.example.service%d", i % 30);
            else m = sprintf("mdworker: an unrelated message number %d", i);
            if (form == "plain") printf "2026-01-05 10:00:%02d.123456+0100 0x1a2b     Error       0x0                  0      0    kernel: (Sandbox) %s\n", i % 60, m;
            else if (form == "ndjson") printf "{\"traceID\":%d,\"eventMessage\":\"%s\",\"processID\":0,\"subsystem\":\"\"}\n", i, m;
            else printf "  {\n    \"traceID\" : %d,\n    \"eventMessage\" : \"%s\",\n    \"processID\" : 0\n  }%s\n", i, m, i + 1 < n ? "," : "";
        }
        if (form == "json") print "]";
    }' >"$T/log"
}

now() { date +%s%N 2>/dev/null | awk '{ if ($0 ~ /N$/) print 0; else printf "%.3f\n", $0 / 1e9 }'; }

rss() {  # peak resident KB of the command, or "-" where no time(1) reports it
    if /usr/bin/time -v true >/dev/null 2>&1; then
        /usr/bin/time -v "$@" 2>&1 >/dev/null | sed -n 's/.*Maximum resident set size (kbytes): //p'
    elif /usr/bin/time -l true >/dev/null 2>&1; then
        /usr/bin/time -l "$@" 2>&1 >/dev/null | awk '/maximum resident set size/ { printf "%d\n", $1 / 1024 }'
    else echo "-"; fi
}

echo "## buckle why over large logs"
echo
echo "| form | lines | bytes | best of 3 (s) | peak RSS (KB) |"
echo "|---|---|---|---|---|"
for form in plain ndjson json; do
    for n in 100000 1000000; do
        gen "$n" "$form"
        bytes=$(wc -c <"$T/log" | tr -d ' ')
        best=
        for r in 1 2 3; do
            t0=$(now)
            "$B" why -D WORKDIR=/Users/me/project "$T/p.buckle" "$T/log" >/dev/null || { echo "buckle why failed" >&2; exit 1; }
            t1=$(now)
            d=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.3f", b - a }')
            if [ -z "$best" ] || awk -v a="$d" -v b="$best" 'BEGIN { exit !(a < b) }'; then best=$d; fi
        done
        echo "| $form | $n | $bytes | $best | $(rss "$B" why -D WORKDIR=/Users/me/project "$T/p.buckle" "$T/log") |"
    done
done
