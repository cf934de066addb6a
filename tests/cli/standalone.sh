# standalone.sh - the repository stands on its own: no source, test, doc or
# profile cites a file outside it (the project's private spec and reference
# notes are not part of it), and the docs it links to exist.
. tests/lib.sh
pat='shared/\(spec\|reference\|bench\)\|sbpl-reference\|lint-rules\.md\|dangerous-mach-services\|spec §\|§'
find . -path ./.git -prune -o -path './build*' -prune -o -type f \
     \( -name '*.[chly]' -o -name '*.sh' -o -name '*.md' -o -name '*.buckle' -o -name '*.sb' \
        -o -name '*.py' -o -name Makefile -o -name '*.[15]' -o -name '*.yml' -o -name '*.yaml' \
        -o -name '*.sarif' -o -name '*.json' -o -name '*.text' -o -name '*.gcc' \) -print |
    grep -v '^\./tests/cli/standalone\.sh$' | LC_ALL=C sort >"$TMP/files"
: >"$TMP/cites"
while IFS= read -r f; do grep -n "$pat" "$f" /dev/null >>"$TMP/cites"; done <"$TMP/files"
if [ -s "$TMP/cites" ]; then fail "standalone: no citation of files outside the repository" "$(head -5 "$TMP/cites")"
else pass "standalone: no citation of files outside the repository ($(wc -l <"$TMP/files") files)"; fi

# every docs/*.md that a doc, the README or a source names exists
grep -oh 'docs/[a-z_-]*\.md' $(cat "$TMP/files") | LC_ALL=C sort -u >"$TMP/docs"
missing=""
while IFS= read -r d; do [ -f "$d" ] || missing="$missing $d"; done <"$TMP/docs"
[ -z "$missing" ] && pass "standalone: every docs/*.md named exists" || fail "standalone: every docs/*.md named exists" "missing:$missing"

# no file holds a merge's conflict markers
: >"$TMP/markers"
while IFS= read -r f; do grep -n '^<<<<<<< \|^>>>>>>> ' "$f" /dev/null >>"$TMP/markers"; done <"$TMP/files"
if [ -s "$TMP/markers" ]; then fail "standalone: no conflict markers" "$(head -5 "$TMP/markers")"
else pass "standalone: no conflict markers"; fi
