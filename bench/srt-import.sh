#!/bin/sh
# bench/srt-import.sh - does `buckle import --from srt` decide like srt's own
# profile?  For each benchmark configuration (bench/srt/*.json), srt
# generates its profile (bench/srt/srt_gen.mjs; the peer installed as
# bench/run.sh does it), buckle imports the same configuration, and both are
# asked every file operation below on each path the configuration names (a
# pattern with a sample for its wildcards) and on a child of it.  Prints the
# requests on which they differ, grouped by the two answers and the
# operation; docs/daily.md explains each group.  Never part of make check.
set -u
B=${BUCKLE:-./buckle}
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
D="-D HOME=/Users/bench -D WORKDIR=/Users/bench/src/acme-monorepo"
OPS="file-read-data file-read-metadata file-write-data file-write-create file-write-unlink"
node bench/srt/srt_gen.mjs --iters small=1,medium=1,large=1 --out "$T" >/dev/null ||
    { echo "srt could not generate its profiles (is the peer installed? see bench/run.sh)"; exit 1; }
for n in ${SIZES:-small medium large}; do
    "$B" import --from srt "bench/srt/$n.json" >"$T/$n.buckle" || continue
    # the paths: every list of the generator input, ~ as HOME, wildcards sampled
    node -e '
        const g = JSON.parse(require("fs").readFileSync(process.argv[1])).generatorInput
        const l = [...g.readConfig.denyOnly, ...g.readConfig.allowWithinDeny, ...g.writeConfig.allowOnly, ...g.writeConfig.denyWithinAllow]
        for (let p of new Set(l)) {
            if (p.startsWith("**/")) p = "/Users/bench/src/acme-monorepo/sub/" + p.slice(3)
            p = p.replace(/^~/, "/Users/bench").replace(/\/\*\*\//g, "/a/b/").replace(/\*\*/g, "a").replace(/\*/g, "x").replace(/\?/g, "q")
            console.log(p); console.log(p + "/child")
        }' "bench/srt/$n.json" >"$T/paths"
    total=0; same=0
    : >"$T/diffs"
    while read -r p; do
        for op in $OPS; do
            total=$((total + 1))
            a=$("$B" query $D "$T/$n.sb" "$op" "$p" 2>/dev/null | head -1 | cut -d' ' -f1)
            b=$("$B" query -I corpus $D "$T/$n.buckle" "$op" "$p" 2>/dev/null | head -1 | cut -d' ' -f1)
            if [ "$a" = "$b" ]; then same=$((same + 1)); else echo "srt $a, buckle $b: $op $p" >>"$T/diffs"; fi
        done
    done <"$T/paths"
    echo "## $n: $same of $total requests decided alike ($(wc -l <"$T/paths") paths)"
    # grouped by the two answers and the operation, with the first path
    awk '{ k = $1 " " $2 " " $3 " " $4 " " $5; n[k]++; if (!(k in ex)) { ex[k] = $6; o[++m] = k } }
         END { for (i = 1; i <= m; i++) printf "%6d  %s  (e.g. %s)\n", n[o[i]], o[i], ex[o[i]] }' "$T/diffs" | sort -rn
    echo
done
