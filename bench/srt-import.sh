#!/bin/sh
# bench/srt-import.sh [--record] - does `buckle import --from srt` decide
# like srt's own profile?  For each benchmark configuration (bench/srt/*.json),
# srt generates its profile (bench/srt/srt_gen.mjs; the peer installed as
# bench/run.sh does it), buckle imports the same configuration, and both are
# asked every file operation below on each path the configuration names (a
# pattern with a sample for its wildcards, /tmp, /var and /etc under /private
# as the kernel names them) and on a child of it
# (build/query-batch: the evaluator, one process for all requests).  Prints
# the requests on which they differ, grouped by the two answers and the
# operation; docs/daily.md explains each group.  With --record, srt's
# answers are written to tests/import/srt-NAME.answers (a line per path), which
# tests/cli/import_agree.sh holds the import to in make check.  Never part of
# make check itself (it needs srt).
set -u
B=${BUCKLE:-./buckle}
BUILD=${BUILD:-build}
Q=$BUILD/query-batch
record=0
[ "${1:-}" = --record ] && record=1
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
[ -x "$Q" ] || { echo "srt-import.sh: $Q is missing (make test-tools)"; exit 1; }
V="HOME=/Users/bench WORKDIR=/Users/bench/src/acme-monorepo"
OPS="file-read-data file-read-metadata file-write-data file-write-create file-write-unlink"
node bench/srt/srt_gen.mjs --iters small=1,medium=1,large=1 --out "$T" >/dev/null ||
    { echo "srt could not generate its profiles (is the peer installed? see bench/run.sh)"; exit 1; }
for n in ${SIZES:-small medium large}; do
    "$B" import --from srt "bench/srt/$n.json" >"$T/$n.buckle" || continue
    # shellcheck disable=SC2046
    "$B" compile -I corpus $(printf -- '-D %s ' $V) "$T/$n.buckle" -o "$T/$n-buckle.sb" || continue
    # the paths: every list of the generator input, ~ as HOME, wildcards sampled
    node -e '
        const g = JSON.parse(require("fs").readFileSync(process.argv[1])).generatorInput
        const l = [...g.readConfig.denyOnly, ...g.readConfig.allowWithinDeny, ...g.writeConfig.allowOnly, ...g.writeConfig.denyWithinAllow]
        const seen = new Set()
        for (let p of l) {
            if (p.startsWith("**/")) p = "/Users/bench/src/acme-monorepo/sub/" + p.slice(3)
            p = p.replace(/^~/, "/Users/bench").replace(/\/\*\*\//g, "/a/b/").replace(/\*\*/g, "a").replace(/\*/g, "x").replace(/\?/g, "q")
            if (/^\/(tmp|var|etc)(\/|$)/.test(p)) p = "/private" + p   // as the kernel names it
            if (seen.has(p)) continue
            seen.add(p); console.log(p); console.log(p + "/child")
        }' "bench/srt/$n.json" >"$T/paths"
    while read -r p; do for op in $OPS; do echo "$op $p"; done; done <"$T/paths" >"$T/requests"
    # shellcheck disable=SC2086
    "$Q" "$T/$n.sb" $V <"$T/requests" >"$T/srt-answers"
    # shellcheck disable=SC2086
    "$Q" "$T/$n-buckle.sb" $V <"$T/requests" >"$T/buckle-answers"
    total=$(wc -l <"$T/requests" | tr -d ' ')
    paste -d' ' "$T/srt-answers" "$T/buckle-answers" |
        awk '{ n = NF / 2; if ($1 != $(n + 1)) print "srt " $1 ", buckle " $(n + 1) ": " $2 " " $3 }' >"$T/diffs"
    same=$((total - $(wc -l <"$T/diffs")))
    echo "## $n: $same of $total requests decided alike ($(wc -l <"$T/paths" | tr -d ' ') paths)"
    awk '{ k = $1 " " $2 " " $3 " " $4 " " $5; c[k]++; if (!(k in ex)) { ex[k] = $6; o[++m] = k } }
         END { for (i = 1; i <= m; i++) printf "%6d  %s  (e.g. %s)\n", c[o[i]], o[i], ex[o[i]] }' "$T/diffs" | sort -rn
    echo
    # recorded: a line per path, srt's answers to the five operations (in
    # the order of OPS; a allow, d deny, u undecidable) and the path
    [ "$record" = 1 ] && awk '{ a = a substr($1, 1, 1); p = $0; sub(/^[^ ]+ [^ ]+ /, "", p) } NR % 5 == 0 { print a, p; a = "" }' "$T/srt-answers" >"tests/import/srt-$n.answers"
done
