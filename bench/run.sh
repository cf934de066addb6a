#!/bin/sh
# bench/run.sh - buckle side by side with srt (the peer), in one run.
# Never part of make check.  Needs node and npm for the peer; hyperfine and
# valgrind are used when present.  Prints markdown tables (docs/performance.md
# quotes them).
set -u
B=${BUCKLE:-./buckle}
BUILD=${BUILD:-build}
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
SRT_PEER_DIR=${SRT_PEER_DIR:-$HOME/.cache/buckle-bench/srt-peer}
export SRT_PEER_DIR
D="-D HOME=/Users/bench -D WORKDIR=/Users/bench/src/acme-monorepo -D TMPDIR=/private/var/folders/zz/bench/T"

# hf LABEL=CMD...: one hyperfine run of all commands; prints "label median_ms"
# per command (medians: a VM has outliers that move means).
hf() {
    runs=$1; shift
    : >"$T/hf.labels"
    for lc in "$@"; do printf '%s\n' "${lc%%=*}" >>"$T/hf.labels"; done
    for lc in "$@"; do shift; set -- "$@" "${lc#*=}"; done
    hyperfine -N --warmup 10 --runs "$runs" --export-json "$T/hf.json" "$@" >/dev/null 2>&1
    grep -o '"median": *[0-9.e+-]*' "$T/hf.json" | sed 's/.*: *//' >"$T/hf.med"
    paste -d' ' "$T/hf.labels" "$T/hf.med" | awk '{ printf "%s %.3f\n", $1, $2 * 1000 }'
}

echo "# buckle benchmarks  ($(date -u +%Y-%m-%d), $(uname -sm), $(nproc 2>/dev/null || echo '?') cores)"
echo

# ---- 0. the machine: what a process and a fresh page cost here (the units
# the whole-process and runner figures below are made of; they drift on a VM)
echo "## This machine"
echo
"$BUILD/interleave" 300 "p0=$BUILD/touch-pages 0" "p40=$BUILD/touch-pages 40" >"$T/pg"
awk 'NR == 1 { a = $2 } NR == 2 { printf "a static process that does nothing: %.2f ms; a fresh page of memory: %.1f us (touch-pages 0 and 40, 300 interleaved rounds)\n", a, ($2 - a) * 1000 / 40 }' "$T/pg"
echo

# ---- 1. per call, in process: srt's generator vs buckle's compile+emit
echo "## Per call, in process (median microseconds)"
if [ ! -d "$SRT_PEER_DIR/node_modules/@anthropic-ai/sandbox-runtime" ]; then
    npm --prefix "$SRT_PEER_DIR" install @anthropic-ai/sandbox-runtime@0.0.83 >/dev/null 2>&1 || echo "(could not install srt: peer figures missing)"
fi
node bench/srt/srt_gen.mjs --iters small=500,medium=300,large=20 --out "$T/srt" >"$T/srt.txt" 2>&1 || cat "$T/srt.txt" >&2
echo
# buckle three times with -D: with glibc's defaults (a large compile's
# blocks go back to the kernel after each call, and the next call faults them
# in again); with a memory pool (compile_opts.pool, one output buffer kept),
# what an embedder that compiles again and again does through the library;
# and with malloc's memory kept (bench-tool --reuse-memory), the steady state
# srt's numbers are taken in: V8 keeps its heap between calls, after warm-up
# calls.
echo "| config | srt gen | srt gen, realpath stubbed | buckle symbolic | buckle with -D | buckle with -D, pool | buckle with -D, memory kept | srt/buckle (-D) | srt/buckle (-D, pool) | srt/buckle (-D, memory kept) |"
echo "|---|---|---|---|---|---|---|---|---|---|"
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (a > 0 && b > 0) printf "%.1fx", a / b; else print "?" }'; }
for n in small medium large; do
    s1=$(awk -v n=$n '$1==n && $2=="median_us" {print $3}' "$T/srt.txt")
    s2=$(awk -v n=$n '$1==n && $4=="identity_us" {print $5}' "$T/srt.txt")
    it=200; [ $n = large ] && it=60
    b1=$("$BUILD/bench-tool" compile -I corpus --iters $it corpus/examples/srt-$n.buckle | cut -d' ' -f2)
    # shellcheck disable=SC2086
    b2=$("$BUILD/bench-tool" compile -I corpus --iters $it $D corpus/examples/srt-$n.buckle 2>/dev/null | cut -d' ' -f2)
    # shellcheck disable=SC2086
    bp=$("$BUILD/bench-tool" compile -I corpus --iters $it --pool $D corpus/examples/srt-$n.buckle 2>/dev/null | cut -d' ' -f2)
    # shellcheck disable=SC2086
    b3=$("$BUILD/bench-tool" compile -I corpus --iters $it --reuse-memory $D corpus/examples/srt-$n.buckle 2>/dev/null | cut -d' ' -f2)
    echo "| $n | $s1 | $s2 | $b1 | $b2 | $bp | $b3 | $(ratio "$s1" "$b2") | $(ratio "$s1" "$bp") | $(ratio "$s1" "$b3") |"
done
echo

# ---- 1b. profile economy: what sandbox-exec parses and compiles at every
# launch.  srt's profile (written by srt_gen.mjs above) against the profile
# `buckle run` hands to sandbox-exec for the same policy
# (corpus/examples/srt-*.buckle running /usr/bin/true, the values inlined:
# bench/srt_run_profile.sh), then buckle's compact form alone with the values
# inlined (compile --compact -D) and symbolic (values left as parameters),
# and the readable form.  Filters are counted the same way for all
# (bench/sbpl_size.sh).
echo "## Profile economy: bytes and filters (srt vs the profile buckle run hands to sandbox-exec)"
echo
echo "| config | srt bytes | srt filters | buckle run bytes | buckle run filters | bytes ratio | filters ratio | compact -D bytes | compact -D filters | compact symbolic bytes | symbolic filters | readable -D bytes | readable filters |"
echo "|---|---|---|---|---|---|---|---|---|---|---|---|---|"
rat() { awk -v a="$1" -v b="$2" 'BEGIN { if (a > 0 && b > 0) printf "%.2fx", a / b; else print "?" }'; }
DV="-D HOME=/Users/bench -D USER=bench -D WORKDIR=/Users/bench/src -D TMPDIR=/private/var/folders/zz/bench/T"
for n in small medium large; do
    BUCKLE="$B" sh bench/srt_run_profile.sh "$n" "$T/run-$n.sb" || : >"$T/run-$n.sb"
    # shellcheck disable=SC2086
    "$B" compile --compact -I corpus $DV corpus/examples/srt-$n.buckle -o "$T/c-$n.sb"
    "$B" compile --compact -I corpus corpus/examples/srt-$n.buckle -o "$T/s-$n.sb"
    # shellcheck disable=SC2086
    "$B" compile -I corpus $DV corpus/examples/srt-$n.buckle -o "$T/r-$n.sb"
    # shellcheck disable=SC2046
    if [ -f "$T/srt/$n.sb" ]; then set -- $(sh bench/sbpl_size.sh "$T/srt/$n.sb"); else set -- 0 0; fi
    sb=$1; sf=$2
    # shellcheck disable=SC2046
    set -- $(sh bench/sbpl_size.sh "$T/run-$n.sb") $(sh bench/sbpl_size.sh "$T/c-$n.sb") $(sh bench/sbpl_size.sh "$T/s-$n.sb") $(sh bench/sbpl_size.sh "$T/r-$n.sb")
    echo "| $n | $sb | $sf | $1 | $2 | $(rat "$1" "$sb") | $(rat "$2" "$sf") | $3 | $4 | $5 | $6 | $7 | $8 |"
done
echo

# ---- 2. whole process, small profile
echo "## Whole process, small profile (hyperfine, 40 runs, medians)"
echo
if command -v hyperfine >/dev/null 2>&1; then
    hf 40 "srt=node bench/srt/srt_gen.mjs --once small" "buckle=$B compile corpus/examples/srt-small.buckle -o /dev/null" >"$T/w"
    echo "| command | median ms |"
    echo "|---|---|"
    awk '{ printf "| %s | %s |\n", $1, $2 }' "$T/w"
    awk 'NR == 1 { s = $2 } NR == 2 { printf "\nratio srt / buckle: %.0fx\n", s / $2 }' "$T/w"
else
    echo "(hyperfine not installed)"
fi
echo

# ---- 3. scaling
# Three times per size, each with its growth exponent between sizes (n log n
# gives 1 + log(log b / log a) / log(b / a)):
#   process: the whole `buckle compile FILE -o OUT`, median of 5 (bench/
#     interleave): what a user waits for; every size pays process start and
#     fresh pages from the kernel alike.
#   in process, memory reused: bench-tool --reuse-memory, median of 5 calls;
#     malloc keeps freed memory, so calls after the first run on pages already
#     touched: the compiler's own work and its cache misses.
#   in process, fresh: bench-tool as glibc behaves by default, median of 3:
#     glibc gives the big blocks of a large compile back to the kernel after
#     each call but keeps a small compile's in its heap, so sizes differ in
#     what they pay for (kept for comparison with earlier runs).
# Peak RSS of the whole `buckle compile` process; callgrind instructions of
# the whole compile, which count the work and not the machine's memory.
# Lint twice: the .buckle profile, and the SBPL it compiles to as an .sb file
# (what a team with hand-written profiles lints; not at 1M, whose 146 MB
# output is over buckle's 64 MiB input limit).
echo "## Scaling (generated profiles: paths, globs, mach names, an extends chain, final rules)"
echo
echo "| rules | n log n exponent | process ms (exponent) | in process, memory reused ms (exponent) | in process, fresh ms (exponent) | peak MB | lint s | lint peak MB | lint of the output .sb s | its peak MB | output bytes | instructions (exponent) |"
echo "|---|---|---|---|---|---|---|---|---|---|---|---|"
# grow A B X Y: the exponent of Y/X between sizes A and B, "-" for the first
grow() { awk -v a="$1" -v b="$2" -v x="$3" -v y="$4" 'BEGIN { if (a != "" && x > 0 && y > 0) printf " (%.2f)", log(y / x) / log(b / a) }'; }
prev_n=""; prev_p=""; prev_r=""; prev_f=""; prev_i=""
for n in 1000 10000 100000 1000000; do
    sh bench/gen_profile.sh "$n" "$T/p$n"
    tp=$("$BUILD/interleave" 5 "p=$B compile $T/p$n/main.buckle -o $T/out.sb" | awk '{ printf "%.1f", $2 }')
    tr=$("$BUILD/bench-tool" compile --iters 5 --reuse-memory "$T/p$n/main.buckle" | awk '{ printf "%.1f", $2 / 1000 }')
    tf=$("$BUILD/bench-tool" compile --iters 3 "$T/p$n/main.buckle" | awk '{ printf "%.1f", $2 / 1000 }')
    /usr/bin/time -f "%e %M" -o "$T/tc" "$B" compile "$T/p$n/main.buckle" -o "$T/out.sb" 2>/dev/null
    mc=$(( $(cut -d' ' -f2 "$T/tc") / 1024 ))
    /usr/bin/time -f "%e %M" -o "$T/tl" "$B" lint "$T/p$n/main.buckle" >/dev/null 2>&1
    tl=$(cut -d' ' -f1 "$T/tl"); ml=$(( $(cut -d' ' -f2 "$T/tl") / 1024 ))
    ts="-"; ms="-"
    if [ "$(wc -c <"$T/out.sb")" -le 67108864 ]; then
        /usr/bin/time -f "%e %M" -o "$T/ts" "$B" lint "$T/out.sb" >/dev/null 2>&1
        ts=$(cut -d' ' -f1 "$T/ts"); ms=$(( $(cut -d' ' -f2 "$T/ts") / 1024 ))
    fi
    nl=$(awk -v a="$prev_n" -v b="$n" 'BEGIN { if (a != "") printf "%.2f", 1 + log(log(b) / log(a)) / log(b / a); else print "-" }')
    ins="-"
    if command -v valgrind >/dev/null 2>&1; then
        ins=$(valgrind --tool=callgrind --callgrind-out-file=/dev/null "${BUCKLE_CG:-$B}" compile "$T/p$n/main.buckle" -o /dev/null 2>&1 | sed -n 's/.*Collected : //p')
    fi
    echo "| $n | $nl | $tp$(grow "$prev_n" $n "$prev_p" "$tp") | $tr$(grow "$prev_n" $n "$prev_r" "$tr") | $tf$(grow "$prev_n" $n "$prev_f" "$tf") | $mc | $tl | $ml | $ts | $ms | $(wc -c <"$T/out.sb") | $ins$(grow "$prev_n" $n "$prev_i" "$ins") |"
    prev_n=$n; prev_p=$tp; prev_r=$tr; prev_f=$tf; prev_i=$ins
    [ "$n" -lt 100000 ] && rm -rf "$T/p$n"
done
echo
# Growth from 100k to 1M in paired rounds: each round compiles 100k and then
# 1M back to back, so that the VM's drift (it moves whole-process times by
# tens of percent within minutes) hits both; the median of the rounds'
# exponents is the figure (n log n: 1.08).
echo "Growth 100k -> 1M, whole process, paired rounds (ms, ms, exponent):"
"$BUILD/interleave" -w 1 -r 7 "a=$B compile $T/p100000/main.buckle -o $T/out.sb" \
    "b=$B compile $T/p1000000/main.buckle -o $T/out.sb" |
    awk '{ printf "%.0f %.0f %.3f\n", $1, $2, log($2 / $1) / log(10) }' >"$T/pairs"
sed 's/^/    /' "$T/pairs"
sort -n -k3 "$T/pairs" | sed -n 4p | awk '{ printf "median exponent %s (n log n 1.08)\n", $3 }'
rm -rf "$T/p100000" "$T/p1000000"
echo

# ---- 4. lint throughput
echo "## Lint throughput"
mkdir -p "$T/many"
i=0
for f in corpus/examples/agent.buckle corpus/examples/auditor.buckle corpus/std/agent.buckle corpus/examples/srt-small.buckle; do
    for k in $(seq 1 250); do cp "$f" "$T/many/p$i-$k.buckle"; done
    i=$((i + 1))
done
# shellcheck disable=SC2046
echo; echo "$("$BUILD/bench-tool" lint -I corpus $(ls "$T"/many/*.buckle)) (files, seconds, profiles per second)"
echo

# ---- 5. runner overhead
# bench/interleave.c runs four commands in turn, 300 rounds (drift hits all
# alike): the stand-in alone with the argv buckle
# gives it; a no-op wrapper that only spawns the stand-in (the floor for any
# runner that is a process of its own); buckle run with a warm run cache; and
# buckle run --no-cache (lint and compile every time).
echo "## Runner overhead (medians of 300 interleaved runs; differences against the stand-in alone)"
SXA=$(cd "$BUILD" && pwd)/sandbox-exec-standin
NOOP=$(cd "$BUILD" && pwd)/noop-wrapper
# on macOS only the test build honours BUCKLE_SANDBOX_EXEC
RB=$B
[ "$(uname -s)" = Darwin ] && [ -x "$BUILD/buckle-test" ] && RB=$BUILD/buckle-test
# the examples allow no exec (buckle run would refuse them): each is run
# through a profile that extends it and allows /usr/bin/true; the run
# cache is the benchmark's own
mkdir -p "$T/cache"
BUCKLE_TEST_CACHE_PARENT=$T/cache
export BUCKLE_TEST_CACHE_PARENT
for n in small large; do
    printf 'extends "%s/corpus/examples/srt-%s.buckle";\nprocess { allow exec "/usr/bin/true"; }\nfiles { allow read "/usr/bin/true"; }\n' \
        "$(pwd)" "$n" >"$T/run-srt-$n.buckle"
done
for n in small large; do
    rm -rf "$T/tmp" "$T/log"
    mkdir -p "$T/tmp"
    TMPDIR="$T/tmp" STANDIN_LOG="$T/log" BUCKLE_SANDBOX_EXEC="$SXA" "$RB" run --keep-profile "$T/run-srt-$n.buckle" -- /usr/bin/true 2>/dev/null
    argv=$(sed -n 's/^argv: //p' "$T/log" | head -n 1)
    if [ -n "$argv" ]; then
        echo
        echo "### srt-$n"
        echo
        "$BUILD/interleave" 300 "stand-in=env TMPDIR=$T/tmp $SXA $argv" \
            "no-op-wrapper=env TMPDIR=$T/tmp $NOOP $SXA $argv" \
            "buckle-run=env TMPDIR=$T/tmp BUCKLE_SANDBOX_EXEC=$SXA $RB run $T/run-srt-$n.buckle -- /usr/bin/true" \
            "buckle-run-no-cache=env TMPDIR=$T/tmp BUCKLE_SANDBOX_EXEC=$SXA $RB run --no-cache $T/run-srt-$n.buckle -- /usr/bin/true" >"$T/r"
        echo "| command | median ms | minus stand-in | minus no-op wrapper |"
        echo "|---|---|---|---|"
        awk 'NR == 1 { s = $2 } NR == 2 { w = $2 } { d = ""; if (NR > 2) d = sprintf("%+.2f", $2 - w); printf "| %s | %.2f | %+.2f | %s |\n", $1, $2, $2 - s, d }' "$T/r"
        echo
        for i in $(seq 21); do
            env TMPDIR="$T/tmp" BUCKLE_SANDBOX_EXEC="$SXA" "$RB" run -v "$T/run-srt-$n.buckle" -- /usr/bin/true 2>&1 |
                sed -n 's/^buckle run: cached profile \([0-9.]*\) ms, protect and check \([0-9.]*\) ms[^,]*, write \([0-9.]*\) ms.*/\1 \2 \3/p'
        done | awk '{ print $1 + $2 + $3 }' | sort -n | sed -n 11p | sed 's/^/in process (buckle run -v, median of 21 warm runs), profile ready and written: /; s/$/ ms/'
    fi
done
# The same difference without the stand-in's own work (it reads the profile
# and evaluates its protection rules: 7-80 ms that vary by milliseconds from
# run to run): bench/run_overhead.sh, /bin/true in place of sandbox-exec.
echo
echo "### /bin/true as sandbox-exec (the command is not run)"
echo
BUCKLE="$RB" BUILD="$BUILD" sh bench/run_overhead.sh 500
echo

# ---- 6. instruction counts (stable across noisy runs)
if command -v valgrind >/dev/null 2>&1; then
    echo "## Instructions (valgrind --tool=callgrind)"
    echo
    echo "| command | instructions |"
    echo "|---|---|"
    for n in small medium large; do
        valgrind --tool=callgrind --callgrind-out-file=/dev/null "${BUCKLE_CG:-$B}" compile corpus/examples/srt-$n.buckle -o /dev/null 2>"$T/cg"
        echo "| buckle compile srt-$n | $(sed -n 's/.*Collected : //p' "$T/cg") |"
    done
fi

# ---- 7. buckle why over large logs (bench/why.sh)
echo
BUCKLE="$B" sh bench/why.sh

# ---- 7b. buckle diff of the srt examples (bench/diff.sh)
echo
BUCKLE="$B" sh bench/diff.sh

# ---- 8. buckle run on Linux under Landlock, against bwrap (bench/landlock.sh)
BUCKLE="$B" BUILD="$BUILD" sh bench/landlock.sh
