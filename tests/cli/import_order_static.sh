# import_order_static.sh - `buckle import FILE.sb` keeps a family of
# operations in SBPL where the original's order and buckle's precedence
# would decide a pair of its rules apart, even where a third rule decides
# alike on both sides the one object the comparison asks: each import
# decides the given request like the original (buckle query on both).
. tests/lib.sh
P=$(scratch_dir import_order_static)

# case NAME QUERY... (the profile on standard input)
case_() {
    cn=$1; shift
    cat > "$P/$cn.sb"
    if ! "$BUCKLE" import "$P/$cn.sb" -o "$P/$cn.buckle" >"$P/$cn.out" 2>"$P/$cn.err"; then
        fail "import order static: $cn imports" "$(head -c 300 "$P/$cn.err")"
        return
    fi
    want=$("$BUCKLE" query "$P/$cn.sb" "$@" 2>&1 | awk '{print $1; exit}')
    got=$("$BUCKLE" query "$P/$cn.buckle" "$@" 2>&1 | awk '{print $1; exit}')
    if [ -n "$want" ] && [ "$want" = "$got" ]; then pass "import order static: $cn: $* is $want"
    else fail "import order static: $cn: $*" "original $want, import $got: $(grep -v '^#' "$P/$cn.buckle" | head -c 400)"; fi
}

# a subpath (depth 2) outranks the later regex deny (depth 1) in sections;
# the literal deny decides the one sample the comparison asks alike
case_ files-subpath files read /a/b/x.key <<'SB'
(version 1)
(deny default)
(allow file-read* (subpath "/a/b"))
(deny file-read* (regex #"^/a/.*\.key$"))
(deny file-read* (literal "/a/b/.key"))
SB
# a name prefix outranks a name regex
case_ mach-prefix mach lookup com.apple.x.foo <<'SB'
(version 1)
(deny default)
(allow mach-lookup (global-name-prefix "com.apple."))
(deny mach-lookup (global-name-regex #"^com\.apple\..*foo$"))
(deny mach-lookup (global-name "com.apple.foo"))
SB
# a path prefix instead of the subpath
case_ files-prefix files read /a/b/x.key <<'SB'
(version 1)
(deny default)
(allow file-read* (prefix "/a/b"))
(deny file-read* (regex #"^/a/.*\.key$"))
(deny file-read* (literal "/a/b.key"))
(deny file-read* (literal "/a/b/.key"))
SB
# a glob-shaped regex ("/a/*/*.key") against a deeper literal-free subpath
case_ files-glob files write /a/b/c/x.key <<'SB'
(version 1)
(deny default)
(allow file-write* (subpath "/a/b/c"))
(deny file-write* (regex #"^/a/[^/]*/[^/]*/[^/]*\.key$"))
(deny file-write* (literal "/a/b/c/.key"))
SB
# the deny earlier, the allow later and less specific: the allow decides
case_ files-earlier-deny files read /a/b/x.txt <<'SB'
(version 1)
(deny default)
(deny file-read* (subpath "/a/b"))
(allow file-read* (regex #"^/a/.*\.txt$"))
(allow file-read* (literal "/a/b/.txt"))
SB
# a require-not carve-out read back as buckle's own, which no rule of the
# other action makes again (the deny of com.a.b decides the sample alike)
case_ carveout mach lookup com.a.xb <<'SB'
(version 1)
(deny default)
(allow mach-lookup (require-all (global-name-prefix "com.a.") (require-not (global-name-regex #"^com\.a\..*b$"))))
(deny mach-lookup (global-name "com.a.b"))
SB
# a parameter: its subpath (depth 1) outranks the unanchored regex (depth 0)
case_ param-subpath -D P=/a/b files read /a/b/x.key <<'SB'
(version 1)
(deny default)
(allow file-read* (subpath (param "P")))
(deny file-read* (regex #"^/.*\.key$"))
(deny file-read* (literal (string-append (param "P") "/.key")))
SB
# the import says why
"$BUCKLE" import "$P/files-subpath.sb" >"$P/why.out" 2>/dev/null
if grep -q "^# kept in SBPL: in sections, the allow at line 3 would decide file-read" "$P/why.out"; then pass "import order static: the reason is written"
else fail "import order static: the reason is written" "$(head -c 400 "$P/why.out")"; fi

# a raw rule that wins by its place loses to a section rule the compiler
# writes on a more concrete operation (split for a carve-out): the family
# stays in SBPL.  Here the raw rule's path ends in "/", which buckle's
# evaluator reads as written (matching nothing) and the author meant as
# /a/b, so the comparison cannot see it.
cat > "$P/split.sb" <<'SB'
(version 1)
(deny default)
(allow file* (subpath "/a"))
(deny file-read* (subpath "/a/b/"))
(deny file-read-data (literal "/a/q"))
SB
if "$BUCKLE" import "$P/split.sb" -o "$P/split.buckle" 2>"$P/split.err" &&
   grep -q '^# kept in SBPL: in sections, the allow at line 3 would decide file-read-data' "$P/split.buckle" &&
   ! grep -q 'allow file\* "/a"' "$P/split.buckle"; then
    pass "import order static: a raw winner on a broader operation keeps the family in SBPL"
else
    fail "import order static: a raw winner on a broader operation keeps the family in SBPL" "$(cat "$P/split.err" "$P/split.buckle" 2>/dev/null | head -c 600)"
fi

# a deny written "where nothing allows it" is buckle's to make again, unless
# an allow spelled as the kernel never spells a path (a trailing "/") may
# allow there: read as the author meant it, the original's deny on the more
# concrete operation decides below /Users/test/p, so the deny stays
cat > "$P/kept-deny.sb" <<'SB'
(version 1)
(deny default)
(allow file-read* (subpath "/"))
(allow file-write* (subpath "/Users/test/p/"))
(deny file-write-data (require-not (subpath "/Users/test/p/ok")))
SB
if "$BUCKLE" import "$P/kept-deny.sb" -o "$P/kept-deny.buckle" 2>"$P/kept-deny.err" &&
   grep -q '^(deny file-write-data (require-not (subpath "/Users/test/p/ok")))$' "$P/kept-deny.buckle" &&
   grep -q '^# kept in SBPL: the deny at line 5 decides file-write-data where the allow at line 4' "$P/kept-deny.buckle"; then
    pass "import order static: a deny beside an oddly spelled allow is kept"
else
    fail "import order static: a deny beside an oddly spelled allow is kept" "$(cat "$P/kept-deny.err" "$P/kept-deny.buckle" 2>/dev/null | head -c 600)"
fi
# spelled as the kernel does, the deny is left to buckle (nothing allows it)
sed 's|"/Users/test/p/"|"/Users/test/p"|' "$P/kept-deny.sb" >"$P/plain-deny.sb"
if "$BUCKLE" import "$P/plain-deny.sb" -o "$P/plain-deny.buckle" 2>/dev/null &&
   ! grep -q 'the deny at line 5 decides' "$P/plain-deny.buckle"; then
    pass "import order static: with the path spelled plainly the rule is not forced to SBPL"
else
    fail "import order static: with the path spelled plainly the rule is not forced to SBPL" "$(head -c 600 "$P/plain-deny.buckle")"
fi
# the same for other odd spellings and deny shapes: a "//", a ".." component,
# a require-not of a require-all (each dropped by the old import)
n=0
while IFS='|' read -r allow deny; do
    n=$((n + 1))
    printf '(version 1)\n(deny default)\n(allow file-read* (subpath "/"))\n%s\n%s\n' "$allow" "$deny" >"$P/odd$n.sb"
    if "$BUCKLE" import "$P/odd$n.sb" -o "$P/odd$n.buckle" 2>"$P/odd$n.err" &&
       grep -qF "$deny" "$P/odd$n.buckle" && ! grep -q 'where nothing allows it' "$P/odd$n.buckle"; then
        pass "import order static: odd spelling $n keeps the deny"
    else
        fail "import order static: odd spelling $n keeps the deny" "$(cat "$P/odd$n.err" "$P/odd$n.buckle" 2>/dev/null | head -c 600)"
    fi
done <<'CASES'
(allow file-write* (subpath "/a/b/"))|(deny file-write-unlink (require-not (require-all (regex #"^/a/b/x") (literal "/a/b/x/y"))))
(allow file-write* (subpath "/a//b"))|(deny file-write-data (require-not (subpath "/a/b/ok")))
(allow file-write* (subpath "/a/b/.."))|(deny file-write* (require-not (subpath "/a/b/ok")))
CASES
