#!/bin/sh
# real-sb-report.sh DIR - lints every profile listed in DIR/MANIFEST.tsv (a
# corpus of real-world SBPL files kept outside the repository: their text
# belongs to their authors) and prints how many buckle reads, with the causes
# of what it does not.
#
# MANIFEST.tsv: one line per file, tab-separated: local path (relative to
# DIR), repository, path in the repository, commit, length in characters,
# and optionally the SHA-256 of the local copy.  tests/lint/real/corpus.tsv
# lists the corpus the documentation reports on.
#
# A file is "read" when lint ends normally (exit 0 or 1) without BK1001.  Of
# the read files, "evaluated" ones had no form buckle could not evaluate,
# "partly" ones had some (their rules are undecidable where it matters) and
# "undecidable" ones import a file that is not there, or run a form that may
# add any rule: no answer about them is given.
# Environment: BUCKLE (default ./buckle).  Exit 2 when DIR has no manifest.
set -u
dir=${1:?usage: real-sb-report.sh DIR}
B=${BUCKLE:-./buckle}
m="$dir/MANIFEST.tsv"
[ -f "$m" ] || { echo "real-sb-report: no $m" >&2; exit 2; }
tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp"' EXIT INT TERM
n=0 read_ok=0 full=0 partly=0 undec=0 crashed=0 unread=0 digest_bad=0
: >"$tmp/causes"
tab=$(printf '\t')
while IFS="$tab" read -r f repo path commit chars sha; do
    [ -n "$f" ] || continue
    n=$((n + 1))
    if [ -n "${sha:-}" ] && command -v sha256sum >/dev/null 2>&1; then
        got=$(sha256sum <"$dir/$f" | cut -d' ' -f1)
        [ "$got" = "$sha" ] || { digest_bad=$((digest_bad + 1)); echo "digest differs: $f" >&2; }
    fi
    "$B" lint --format gcc --color never "$dir/$f" >"$tmp/out" 2>&1
    rc=$?
    if [ "$rc" -gt 1 ]; then
        crashed=$((crashed + 1))
        echo "crash (exit $rc)	$f" >>"$tmp/causes"
        continue
    fi
    if grep -q '\[BK1001\]' "$tmp/out"; then
        unread=$((unread + 1))
        why=$(grep -m1 '\[BK1001\]' "$tmp/out" | sed 's/^[^:]*:[0-9]*:[0-9]*: error: //; s/ \[BK1001\]$//; s/"[^"]*"/"…"/g')
        echo "$why	$f" >>"$tmp/causes"
        continue
    fi
    read_ok=$((read_ok + 1))
    if grep -q 'every answer is undecidable' "$tmp/out"; then
        undec=$((undec + 1))
    elif grep -q 'cannot evaluate' "$tmp/out"; then
        partly=$((partly + 1))
    else
        full=$((full + 1))
    fi
done <"$m"
pct=0
[ "$n" -gt 0 ] && pct=$(( (read_ok * 1000 / n + 5) / 10 ))
echo "files: $n"
echo "read: $read_ok ($pct%)"
echo "  evaluated whole: $full"
echo "  partly evaluated: $partly"
echo "  undecidable (missing import or form that may add rules): $undec"
echo "not read: $unread"
echo "crashed: $crashed"
[ "$digest_bad" -gt 0 ] && echo "copies that differ from the manifest: $digest_bad"
if [ -s "$tmp/causes" ]; then
    echo "causes:"
    cut -f1 "$tmp/causes" | sort | uniq -c | sort -rn | sed 's/^ */  /'
    echo "files:"
    sed 's/^\(.*\)\t\(.*\)$/  \2: \1/' "$tmp/causes"
fi
exit 0
