#!/bin/sh
# bench/editor.sh - the editor commands: buckle lsp (didChange of
# srt-large to its diagnostics, hover, completion, memory over 1,000 edits)
# and buckle fmt of the 100,000-rule generated profile.  Never part of make
# check (make bench runs it; make bench-editor runs it alone).
set -u
B=${BUCKLE:-./buckle}
BUILD=${BUILD:-build}
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT

echo "## Editor: buckle lsp and buckle fmt"
echo
# wall-clock figures include waiting for a processor: say how busy the machine was
load() { sed -n 's/^\([^ ]*\) \([^ ]*\) \([^ ]*\) .*/\1 \2 \3/p' /proc/loadavg 2>/dev/null || uptime | sed 's/.*load average[s]*: //'; }
echo "load average before: $(load) ($(getconf _NPROCESSORS_ONLN 2>/dev/null || echo ?) processors)"
echo
echo "buckle lsp on corpus/examples/srt-large.buckle (ms; targets: diagnostics <= 20, hover and completion <= 5)."
echo "Each didChange is one small edit, followed by a full compile and lint of the document:"
echo "comment = a comment line at the end changes (sent as the server asks: the changed range),"
echo "whole-text = the same with the whole document in every message, rule = a rule's path changes."
echo "Processor time is the server's own (user + system, from /proc): the wall clock also"
echo "counts waiting for a processor on a busy machine."
echo
echo "| request | median ms | p90 ms | server processor time per request, ms |"
echo "|---|---|---|---|"
"$BUILD/lsp-bench" "$B" corpus/examples/srt-large.buckle 1000 >"$T/l" || exit 1
grep -v '^rss\|^sync' "$T/l" | awk '{ printf "| %s | %s | %s | %s |\n", $1, $2, $3, (NF > 3 ? $4 : "") }'
echo
sed -n 's/^sync /document sync offered by the server: /p' "$T/l"
sed -n 's/^rss_kb /resident memory of the server (KB) /p' "$T/l"
echo
sh bench/gen_profile.sh 100000 "$T/p"
"$B" fmt "$T/p/main.buckle" >/dev/null || exit 1
for i in 1 2 3 4 5 6 7; do
    /usr/bin/time -f "%e %U %S" -o "$T/t$i" "$B" fmt "$T/p/main.buckle" >/dev/null
done
echo "load average after: $(load)"
cat "$T"/t? | sort -n | sed -n 4p | awk -v n="$(wc -c <"$T/p/main.buckle")" '{ printf "buckle fmt of the 100,000-rule generated profile (%d bytes), median of 7 runs (target 0.3 s): %.2f s wall, %.2f s user + system\n", n, $1, $2 + $3 }'
