#!/bin/sh
# run.sh HARNESS SECONDS - runs one libFuzzer harness with a seed corpus from
# corpus/ and tests/, keeping new inputs in build-fuzz/corpus-HARNESS and
# crashes in tests/crash/ (reproducers must then pass `make check`).
set -eu
h=$1; t=${2:-60}
d=build-fuzz/corpus-$h
mkdir -p "$d" tests/crash
case "$h" in
compile|fmt) find corpus tests -name '*.buckle' -size -64k -exec cp {} "$d"/ \; ;;
lint)
    # the first byte says which kind: even .buckle, odd .sb
    for f in $(find corpus tests -name '*.buckle' -size -64k); do { printf 'B'; cat "$f"; } >"$d/b-$(basename "$f")"; done
    for f in $(find corpus tests -name '*.sb' -size -64k); do { printf 'A'; cat "$f"; } >"$d/s-$(basename "$f")"; done ;;
sbpl) find corpus tests -name '*.sb' -size -64k -exec cp {} "$d"/ \; ;;
esac
exec build-fuzz/fuzz_$h -max_total_time="$t" -max_len=65536 -timeout=10 -rss_limit_mb=2048 \
    -artifact_prefix=tests/crash/$h- -print_final_stats=1 "$d"
