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
SHARED=${SHARED:-../shared}
D="-D HOME=/Users/bench -D WORKDIR=/Users/bench/src/acme-monorepo -D TMPDIR=/private/var/folders/zz/bench/T"

echo "# buckle benchmarks  ($(date -u +%Y-%m-%d), $(uname -sm), $(nproc 2>/dev/null || echo '?') cores)"
echo

# ---- 1. per call, in process: srt's generator vs buckle's compile+emit
echo "## Per call, in process (median microseconds)"
if [ ! -d "$SRT_PEER_DIR/node_modules/@anthropic-ai/sandbox-runtime" ]; then
    npm --prefix "$SRT_PEER_DIR" install @anthropic-ai/sandbox-runtime@0.0.83 >/dev/null 2>&1 || echo "(could not install srt: peer figures missing)"
fi
node "$SHARED/bench/srt/bench.mjs" --realpath-identity --no-wrap --iters small=500,medium=300,large=20 >"$T/srt.txt" 2>&1
echo
echo "| config | srt gen | srt gen, realpath stubbed | buckle symbolic | buckle with -D | ratio srt/buckle (-D) |"
echo "|---|---|---|---|---|---|"
for n in small medium large; do
    s1=$(awk -v n=$n '$1==n && $4=="|" {print $6}' "$T/srt.txt")
    s2=$(awk -v n=$n '$1==n && $2=="median_us" {print $3}' "$T/srt.txt")
    it=200; [ $n = large ] && it=30
    b1=$("$BUILD/bench-tool" compile -I corpus --iters $it corpus/examples/srt-$n.buckle | cut -d' ' -f2)
    # shellcheck disable=SC2086
    b2=$("$BUILD/bench-tool" compile -I corpus --iters $it $D corpus/examples/srt-$n.buckle 2>/dev/null | cut -d' ' -f2)
    r=$(awk -v a="$s1" -v b="$b2" 'BEGIN { if (a > 0 && b > 0) printf "%.1fx", a / b; else print "?" }')
    echo "| $n | $s1 | $s2 | $b1 | $b2 | $r |"
done
echo

# ---- 2. whole process, small profile
echo "## Whole process, small profile"
if command -v hyperfine >/dev/null 2>&1; then
    hyperfine -N --warmup 5 --runs 40 --export-markdown "$T/hf.md" \
        "node $SHARED/bench/srt/bench-once.mjs" "$B compile corpus/examples/srt-small.buckle -o /dev/null" >/dev/null 2>&1
    cat "$T/hf.md"
else
    echo "(hyperfine not installed)"
fi
echo

# ---- 3. scaling
echo "## Scaling (generated profiles: paths, globs, mach names, an extends chain, final rules)"
echo
echo "| rules | compile s | compile peak MB | lint s | lint peak MB | output bytes | growth exponent (compile) |"
echo "|---|---|---|---|---|---|---|"
prev_n=""; prev_t=""
for n in 1000 10000 100000 1000000; do
    sh bench/gen_profile.sh "$n" "$T/p$n"
    /usr/bin/time -f "%e %M" -o "$T/tc" "$B" compile "$T/p$n/main.buckle" -o "$T/out.sb" 2>/dev/null
    tc=$(cut -d' ' -f1 "$T/tc"); mc=$(( $(cut -d' ' -f2 "$T/tc") / 1024 ))
    if [ "$n" -le 100000 ]; then
        /usr/bin/time -f "%e %M" -o "$T/tl" "$B" lint "$T/p$n/main.buckle" >/dev/null 2>&1
        tl=$(cut -d' ' -f1 "$T/tl"); ml=$(( $(cut -d' ' -f2 "$T/tl") / 1024 ))
    else tl="-"; ml="-"; fi
    g=$(awk -v a="$prev_n" -v b="$n" -v x="$prev_t" -v y="$tc" 'BEGIN { if (a != "" && x > 0 && y > 0) printf "%.2f", log(y / x) / log(b / a); else print "-" }')
    echo "| $n | $tc | $mc | $tl | $ml | $(wc -c <"$T/out.sb") | $g |"
    prev_n=$n; prev_t=$tc
    rm -rf "$T/p$n"
done
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
# Four commands in one hyperfine run: the stand-in alone with the argv buckle
# gives it; a no-op wrapper that only spawns the stand-in (the floor for any
# runner that is a process of its own); buckle run with a warm run cache; and
# buckle run --no-cache (lint and compile every time).
echo "## Runner overhead (buckle run with the stand-in, minus the stand-in alone)"
SXA=$(cd "$BUILD" && pwd)/sandbox-exec-standin
NOOP=$(cd "$BUILD" && pwd)/noop-wrapper
for n in small large; do
    rm -rf "$T/tmp" "$T/log"
    mkdir -p "$T/tmp"
    TMPDIR="$T/tmp" STANDIN_LOG="$T/log" BUCKLE_SANDBOX_EXEC="$SXA" "$B" run --keep-profile corpus/examples/srt-$n.buckle -- true 2>/dev/null
    argv=$(sed -n 's/^argv: //p' "$T/log" | head -n 1)
    if command -v hyperfine >/dev/null 2>&1 && [ -n "$argv" ]; then
        echo
        echo "### srt-$n"
        # shellcheck disable=SC2086
        hyperfine -N --warmup 20 --runs 200 --export-markdown "$T/run.md" \
            "env TMPDIR=$T/tmp $SXA $argv" \
            "env TMPDIR=$T/tmp $NOOP $SXA $argv" \
            "env TMPDIR=$T/tmp BUCKLE_SANDBOX_EXEC=$SXA $B run corpus/examples/srt-$n.buckle -- true" \
            "env TMPDIR=$T/tmp BUCKLE_SANDBOX_EXEC=$SXA $B run --no-cache corpus/examples/srt-$n.buckle -- true" >/dev/null 2>&1
        cat "$T/run.md"
        echo
        echo "in-process (buckle run -v, median of 21 warm runs):"
        for i in $(seq 21); do
            env TMPDIR="$T/tmp" BUCKLE_SANDBOX_EXEC="$SXA" "$B" run -v corpus/examples/srt-$n.buckle -- true 2>&1 | sed -n 's/^buckle run: cached profile \([0-9.]*\) ms, write \([0-9.]*\) ms.*/\1 \2/p'
        done | awk '{ print $1 + $2 }' | sort -n | sed -n 11p | sed 's/^/  profile ready and written (ms): /'
    fi
done
echo

# ---- 6. instruction counts (stable across noisy runs)
if command -v valgrind >/dev/null 2>&1; then
    echo "## Instructions (valgrind --tool=callgrind)"
    echo
    echo "| command | instructions |"
    echo "|---|---|"
    for n in small medium large; do
        valgrind --tool=callgrind --callgrind-out-file=/dev/null "$B" compile corpus/examples/srt-$n.buckle -o /dev/null 2>"$T/cg"
        echo "| buckle compile srt-$n | $(sed -n 's/.*Collected : //p' "$T/cg") |"
    done
fi
