# lint.sh - every rule has a bad and a good case under tests/lint with the
# expected findings written at the end of the file:
#   #= expect: SEVERITY CODE @LINE:COL      (";=" in .sb files)
#   #= expect: SEVERITY CODE @PATH:LINE:COL (in another file, e.g. a base)
#   #= expect: nothing
#   #= no-other-findings                    (nor any other line in the
#                                            output but notes: findings in
#                                            other files count too)
# The findings in the file must be exactly these (read from the text format,
# which keeps info and style apart); exit 1 when one is an error.
. tests/lib.sh

# findings FILE STRICT: the findings in $TMP/out as "SEVERITY CODE @LINE:COL"
# (in FILE) or "SEVERITY CODE @PATH:LINE:COL" (elsewhere, STRICT=1 only),
# sorted; with STRICT=1 any other line but a note is kept as "unexpected: LINE"
findings() {
    if [ "$2" = 1 ]; then
        grep -v '^[^ ]*: note: \|^buckle: note: \|^buckle lint: note: \|^    \|^help: ' "$TMP/out" |
        sed "s#^$1:\([0-9]*\):\([0-9]*\): \(error\|warning\|info\|style\): .*\[\(BK[0-9]*\)[ a-z0-9-]*\]\$#\3 \4 @\1:\2#
             t
             s#^\([^ ][^:]*\):\([0-9]*\):\([0-9]*\): \(error\|warning\|info\|style\): .*\[\(BK[0-9]*\)[ a-z0-9-]*\]\$#\4 \5 @\1:\2:\3#
             t
             s#^#unexpected: #"
    else
        sed -n "s#^$1:\([0-9]*\):\([0-9]*\): \(error\|warning\|info\|style\): .*\[\(BK[0-9]*\)[ a-z0-9-]*\]\$#\3 \4 @\1:\2#p" "$TMP/out"
    fi | sort
}

# the strict comparison sees what the loose one lets through
printf 'a.sb:1:1: info: x [BK4010 default-deny-leaks]\n    (deny default)\nhelp: h\nbase.buckle:2:3: style: y [BK4004]\nsomething else\nbase.buckle:2:3: note: z\n' >"$TMP/out"
if [ "$(findings a.sb 0)" = "info BK4010 @1:1" ] && [ "$(findings a.sb 1 | wc -l)" -eq 3 ]; then pass "lint: no-other-findings sees other files and other lines"
else fail "lint: no-other-findings sees other files and other lines" "loose: $(findings a.sb 0 | tr '\n' ';') strict: $(findings a.sb 1 | tr '\n' ';')"; fi
for f in tests/lint/*-bad.* tests/lint/*-good.*; do
    n="lint: $f"
    run "$n" "$BUCKLE" lint --color never "$f"
    strict=0
    grep -q '^[#;]= no-other-findings$' "$f" && strict=1
    sed -n 's/^[#;]= expect: \([a-z]*\) \(BK[0-9]*\) @\(.*\)$/\1 \2 @\3/p' "$f" |
        if [ $strict = 1 ]; then cat; else grep -v ' @[^0-9]'; fi | sort >"$TMP/want"
    findings "$f" "$strict" >"$TMP/got"
    if cmp -s "$TMP/want" "$TMP/got"; then pass "$n"; else
        fail "$n" "want: $(tr '\n' ';' <"$TMP/want") got: $(tr '\n' ';' <"$TMP/got")"; fi
    want_rc=0
    grep -q '^error ' "$TMP/want" && want_rc=1
    expect_rc "$n: exit status" "$want_rc"
done
# every rule of the catalogue has both cases, and the bad case fires it
for id in $("$BUCKLE" rules | cut -d' ' -f1); do
    bad=$(ls tests/lint/"$id"-bad.* 2>/dev/null | head -n 1)
    good=$(ls tests/lint/"$id"-good.* 2>/dev/null | head -n 1)
    if [ -z "$bad" ] || [ -z "$good" ]; then fail "lint: $id has cases" "missing bad or good case"; continue; fi
    grep -q "= expect: [a-z]* $id @" "$bad" && pass "lint: $id bad case fires it" || fail "lint: $id bad case fires it" "$bad"
    grep -q "= expect: [a-z]* $id @" "$good" && fail "lint: $id good case is clean of it" "$good" || pass "lint: $id good case is clean of it"
done

# a relative path in a path filter of an .sb (never an absolute path the
# kernel checks): BK2008, as in a .buckle; a regex and a (param) are not paths
mkdir -p "$TMP/lint_rel"
printf '(version 1)\n(deny default)\n(allow file-write* (subpath ".") (subpath "/private/tmp") (regex #"^rel") (subpath (param "X")))\n' >"$TMP/lint_rel/rel.sb"
run "lint: relative path in an .sb" "$BUCKLE" lint -D X=/private/tmp/x "$TMP/lint_rel/rel.sb"
expect_rc "lint: a relative path in an .sb is an error" 1
expect_out_has "lint: ... BK2008 at the string" "rel.sb:3:29: error: relative path \".\": a path filter must name an absolute path"
if grep -q "BK2008" "$TMP/out" && [ "$(grep -c 'BK2008' "$TMP/out")" -eq 1 ]; then pass "lint: ... only the relative one"
else fail "lint: ... only the relative one" "$(cat "$TMP/out")"; fi

# BK4006: a literal (or an anchored regex) of exactly /tmp, /var or /etc
# matches the link itself (lstat, readlink): no warning; below it, a warning
printf '(version 1)\n(deny default)\n(allow file-read-metadata (literal "/etc") (regex #"^/tmp$") (literal "/var/x"))\n' >"$TMP/lint_rel/link.sb"
run "lint: the link itself" "$BUCKLE" lint "$TMP/lint_rel/link.sb"
expect_out_lacks "lint: literal \"/etc\" is the link itself" "/etc is a symlink"
expect_out_lacks "lint: regex ^/tmp\$ is the link itself" "/tmp is a symlink"
expect_out_has "lint: literal \"/var/x\" still warns" "/var is a symlink; the sandbox sees /private/var"
