#!/bin/sh
# bench/run.sh - compile-time scaling (never run by make check).
# Prints wall time and peak RSS for generated profiles of 1k..100k rules.
set -eu
B=${BUCKLE:-./buckle}
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
printf '%-8s %10s %10s %12s\n' rules seconds peak_MB output_bytes
for n in 1000 10000 100000; do
    sh bench/gen_profile.sh "$n" "$T/p$n"
    if command -v /usr/bin/time >/dev/null 2>&1 && /usr/bin/time -v true >/dev/null 2>&1; then
        /usr/bin/time -v "$B" compile "$T/p$n/main.buckle" -o "$T/out.sb" 2>"$T/time"
        s=$(sed -n 's/.*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$T/time")
        kb=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$T/time")
        printf '%-8s %10s %10s %12s\n' "$n" "$s" "$((kb / 1024))" "$(wc -c <"$T/out.sb")"
    else
        start=$(date +%s)
        "$B" compile "$T/p$n/main.buckle" -o "$T/out.sb"
        printf '%-8s %10s %10s %12s\n' "$n" "$(( $(date +%s) - start ))s" "?" "$(wc -c <"$T/out.sb")"
    fi
done
