# import_verbatim.sh - `sbpl verbatim """..."""`: copied byte for byte before
# the generated rules, left out of what buckle evaluates (query, test, the
# compiled SBPL's check), flagged by lint (BK4013), kept byte-exact by fmt; a
# top-level allow in it still meets final rules (BK2005).  The errors that
# keep its text inside the block are tests/errors/verbatim_*.buckle.
. tests/lib.sh
P=$(scratch_dir verbatim)
cat >"$P/v.buckle" <<'EOF2'
default deny;
files { allow read "/usr"; deny read "/usr/secret"; }
process { allow exec "/usr/bin"; }
sbpl verbatim """
(import "system.sb")
(define (app-read p)   (allow file-read* (subpath p)))   ; spacing kept
(if (host-feature-enabled?) (app-read "/opt/app"))
""";
test { expect deny files read "/opt/app"; expect allow files read "/usr/lib"; }
EOF2
run "verbatim: compile" "$BUCKLE" compile "$P/v.buckle"
expect_rc "verbatim: compiles" 0
printf '%s\n' "$OUT" >"$P/v.sb"
# the text, byte for byte, between the block's two marker lines
awk '/^;; sbpl verbatim from /{on=1; next} on && /^;; end of sbpl verbatim$/{exit} on' "$P/v.sb" >"$P/got"
printf '\n(import "system.sb")\n(define (app-read p)   (allow file-read* (subpath p)))   ; spacing kept\n(if (host-feature-enabled?) (app-read "/opt/app"))\n' >"$P/want"
expect_same "verbatim: the text is copied byte for byte" "$P/want" "$P/got"
v=$(grep -n '^(import "system.sb")$' "$P/v.sb" | cut -d: -f1)
d=$(grep -n '^(deny default)$' "$P/v.sb" | cut -d: -f1)
r=$(grep -n '^(allow file-read\* ' "$P/v.sb" | head -1 | cut -d: -f1)
[ -n "$v" ] && [ -n "$d" ] && [ -n "$r" ] && [ "$d" -lt "$v" ] && [ "$v" -lt "$r" ] \
    && pass "verbatim: after the default, before the generated rules" \
    || fail "verbatim: after the default, before the generated rules" "default $d, verbatim $v, rule $r"
# buckle's answers leave it out, and name the lines of the real output
run "verbatim: query" "$BUCKLE" query "$P/v.buckle" files read /usr/lib
expect_rc "verbatim: query answers" 0
expect_out_has "verbatim: query decides without it" "allow /usr/lib"
expect_out_has "verbatim: the compiled SBPL agrees, at the line of the real output" "compiled SBPL agrees (<compiled>:$r:1)"
run "verbatim: test" "$BUCKLE" test "$P/v.buckle"
expect_rc "verbatim: the tests pass without it" 0
# lint says buckle does not check it
run "verbatim: lint" "$BUCKLE" lint "$P/v.buckle"
expect_out_has "verbatim: BK4013 at the block" "v.buckle:4:1: warning: buckle does not check what this sbpl verbatim block decides"
# fmt: the block byte-exact, and fmt is idempotent
printf 'default deny;\nsbpl   verbatim   """  (a  b)\n\t(c)  ; x\n """ ;\nfiles{allow read "/usr";}\n' >"$P/f.buckle"
run "verbatim: fmt" "$BUCKLE" fmt "$P/f.buckle"
expect_rc "verbatim: fmt formats" 0
printf '%s\n' "$OUT" >"$P/f1.buckle"
awk 'BEGIN{RS="\001"} { exit index($0, "\"\"\"  (a  b)\n\t(c)  ; x\n \"\"\"") ? 0 : 1 }' "$P/f1.buckle" \
    && pass "verbatim: fmt keeps the text byte for byte" || fail "verbatim: fmt keeps the text byte for byte" "$(cat "$P/f1.buckle")"
grep -q '^sbpl verbatim """' "$P/f1.buckle" && pass "verbatim: fmt writes sbpl verbatim on one line" \
    || fail "verbatim: fmt writes sbpl verbatim on one line" "$(cat "$P/f1.buckle")"
run "verbatim: fmt again" "$BUCKLE" fmt "$P/f1.buckle"
printf '%s\n' "$OUT" >"$P/f2.buckle"
expect_same "verbatim: fmt is idempotent" "$P/f1.buckle" "$P/f2.buckle"
# a top-level allow in it still meets a final deny
printf 'default deny;\nfiles { deny final read "~/.ssh"; }\nsbpl verbatim """\n(allow file-read-data (subpath "/Users"))\n""";\n' >"$P/fin.buckle"
run "verbatim: an allow over a final deny" "$BUCKLE" compile "$P/fin.buckle"
expect_rc "verbatim: an allow over a final deny is refused" 1
expect_err_has "verbatim: BK2005 at the allow" "fin.buckle:4:1: error: this raw sbpl allow overrides a final deny [BK2005"
# `verbatim` is a word after sbpl only: a parameter may still be named so
printf 'param verbatim = "/opt/v";\nfiles { allow read "$verbatim"; }\n' >"$P/name.buckle"
run "verbatim: a parameter named verbatim" "$BUCKLE" compile "$P/name.buckle"
expect_rc "verbatim: a parameter named verbatim compiles" 0
printf 'default deny;\nsbpl raw """(allow file-read*)""";\n' >"$P/word.buckle"
run "verbatim: another word after sbpl" "$BUCKLE" compile "$P/word.buckle"
expect_rc "verbatim: another word after sbpl is an error" 1
expect_err_has "verbatim: says what may follow" 'word.buckle:2:6: error: expected """ or verbatim after sbpl'

# buckle import says which forms it kept verbatim, at their place
run "verbatim: import" "$BUCKLE" import -o "$P/imp.buckle" tests/import/verbatim.sb
expect_rc "verbatim: import writes" 0
expect_err_has "verbatim: the unreadable import, where and why" 'tests/import/verbatim.sb:4:1: info: kept in an sbpl verbatim block, which buckle does not check (BK4013): buckle cannot evaluate it: (import "system.sb") could not be read'
expect_err_has "verbatim: a form using a name a verbatim form defines" 'tests/import/verbatim.sb:13:1: info: kept in an sbpl verbatim block, which buckle does not check (BK4013): it uses "cache-root"'
# the definition a verbatim form uses is copied, and still expanded elsewhere
grep -q '^(define (app-dir rel) (subpath (string-append "/opt/app" rel)))$' "$P/imp.buckle" \
    && pass "verbatim: the definition is copied" || fail "verbatim: the definition is copied" "$(cat "$P/imp.buckle")"
grep -q '^    allow read "/opt/app/lib";$' "$P/imp.buckle" \
    && pass "verbatim: and expanded for the forms buckle evaluates" || fail "verbatim: and expanded for the forms buckle evaluates" "$(cat "$P/imp.buckle")"
# the compiled import holds the original's text before its rules
run "verbatim: the import compiles" "$BUCKLE" compile "$P/imp.buckle"
expect_rc "verbatim: the import compiles, exit 0" 0
expect_out_has "verbatim: the import's system.sb" '(import "system.sb")'
# a derived parameter with no .buckle spelling (NAME.pdir, NAME.ifroot; only
# NAME.re, NAME.dir and NAME.ancestors read back as $NAME): the form is kept
# verbatim, with the reason, and the rest is imported
printf '(version 1)\n(deny default)\n(allow file-read* (literal (string-append "/private" (param "P.pdir") "x")))\n(allow file-read* (subpath (param "P")))\n' >"$P/pdir.sb"
run "verbatim: NAME.pdir" "$BUCKLE" import "$P/pdir.sb"
expect_rc "verbatim: a form reading NAME.pdir is imported, exit 0" 0
expect_err_has "verbatim: it is kept verbatim, naming the parameter" 'it reads the parameter "P.pdir"'
expect_out_has "verbatim: the parameter itself is declared" "param P;"
