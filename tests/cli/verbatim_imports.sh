# verbatim_imports.sh - a file an sbpl block imports is held to the block's
# allow-list as if it were written in the block (docs/reference.md, "sbpl
# verbatim"): the finding at the block's import, a note in the file; an
# import the compiler cannot follow is an error beside a final rule.
. tests/lib.sh
D=$TMP/verbatim_imports
rm -rf "$D"
mkdir -p "$D"

# each of these, in a file the block imports, is refused (COLUMN on the
# file's line 1 @@ TEXT @@ MESSAGE)
while IFS= read -r row; do
    case "$row" in ''|'#'*) continue ;; esac
    col=${row%%@@*}; rest=${row#*@@}; text=${rest%%@@*}; msg=${rest#*@@}
    col=$(printf '%s' "$col" | tr -d ' '); text=$(printf '%s\n' "$text" | sed 's/^ //; s/ $//'); msg=$(printf '%s\n' "$msg" | sed 's/^ //')
    printf '%s\n' "$text" >"$D/x.sb"
    printf 'files { allow read "~"; deny final read "~/.ssh"; }\nsbpl verbatim """\n(import "%s/x.sb")\n""";\n' "$D" >"$D/p.buckle"
    n="verbatim imports: refused in an imported file: $text"
    rm -f "$D/out.sb"
    run "$n" "$BUCKLE" compile "$D/p.buckle" -o "$D/out.sb"
    if [ "$RC" -ne 1 ]; then fail "$n" "exit $RC"; continue; fi
    expect_err_has "$n: at the import" "p.buckle:3:1: error: $msg"
    expect_err_has "$n: a note in the file" "x.sb:1:$col: note: in $D/x.sb, which the block imports"
    if [ -e "$D/out.sb" ]; then fail "$n: no output" "an output was written"; else pass "$n: no output"; fi
    run "$n (lint)" "$BUCKLE" lint "$D/p.buckle"
    expect_rc "$n: lint fails" 1
done <<'ROWS'
10 @@ (define (deny . a) #t) @@ sbpl verbatim may not define "deny"
10 @@ (DEFINE (DENY . a) #t) @@ sbpl verbatim may not define "DENY"
10 @@ (define (require-not . a) (subpath "/")) @@ sbpl verbatim may not define "require-not"
10 @@ (define (subpath . x) (literal "/nothing")) @@ sbpl verbatim may not define "subpath"
10 @@ (define (string-append . x) "/nothing") @@ sbpl verbatim may not define "string-append"
10 @@ (define (param x) "/nothing") @@ sbpl verbatim may not define "param"
10 @@ (define (literal . x) (subpath "/")) @@ sbpl verbatim may not define "literal"
10 @@ (define (regex . x) (subpath "/")) @@ sbpl verbatim may not define "regex"
18 @@ (let () (define (deny . a) #t) #t) @@ sbpl verbatim may not define "deny"
2 @@ (eval (list (string->symbol "allow") 'file-read-data (list 'subpath "/Users/test/.ssh"))) @@ sbpl verbatim may not use "eval"
3 @@ ((eval 'allow) file-read-data (subpath "/Users/test/.ssh")) @@ sbpl verbatim may not use "eval"
2 @@ (load "/tmp/evil.sb") @@ sbpl verbatim may not use "load"
2 @@ (define-macro (m) '(allow file-read-data (subpath "/Users/test/.ssh"))) @@ sbpl verbatim may not use "define-macro"
2 @@ (set! deny allow) @@ sbpl verbatim may not use "set!"
1 @@ (allow default) @@ the default is not set in an sbpl block
ROWS

# the same without a final rule: the allow-list holds for every block
printf '(define (deny . a) #t)\n' >"$D/redef.sb"
printf 'default deny;\nsbpl verbatim """\n(import "%s/redef.sb")\n""";\n' "$D" >"$D/nofinal.buckle"
run "verbatim imports: no final rule" "$BUCKLE" compile "$D/nofinal.buckle" -o /dev/null
expect_rc "verbatim imports: a redefinition in an imported file is refused without a final rule too" 1
expect_err_has "verbatim imports: ... at the import" 'nofinal.buckle:3:1: error: sbpl verbatim may not define "deny"'

# imports of imports, by a name found beside the file that imports it, and
# an import inside another form, are read too
mkdir -p "$D/nest"
printf '(define (deny . a) #t)\n' >"$D/nest/inner.sb"
printf '(version 1)\n(define (helper p) (allow file-read* (literal p)))\n(import "inner.sb")\n' >"$D/nest/outer.sb"
printf 'default deny;\nsbpl verbatim """\n(if #t (import "outer.sb"))\n""";\n' >"$D/nest/p.buckle"
run "verbatim imports: nested" "$BUCKLE" compile "$D/nest/p.buckle" -o /dev/null
expect_rc "verbatim imports: a redefinition two imports down is refused" 1
expect_err_has "verbatim imports: ... at the block's import" 'p.buckle:3:8: error: sbpl verbatim may not define "deny"'
expect_err_has "verbatim imports: ... with a note in the inner file" "inner.sb:1:10: note: in $D/nest/inner.sb, which the block imports"

# what imported files are written with is accepted: (version 1), helpers,
# rules; a file imported twice (or by itself) is read once
printf '(version 1)\n(define (app-read p) (allow file-read* (subpath p)))\n(app-read "/opt/app")\n(import "ok.sb")\n' >"$D/ok.sb"
printf 'default deny;\nsbpl verbatim """\n(import "ok.sb")\n(import "%s/ok.sb")\n(app-read "/opt/other")\n""";\n' "$D" >"$D/ok.buckle"
run "verbatim imports: an ordinary file" "$BUCKLE" compile "$D/ok.buckle" -o /dev/null
expect_rc "verbatim imports: an ordinary imported file, imported twice and by itself, compiles" 0

# a file buckle's reader refuses is refused as the block's text would be
printf '(allow file-read* #;(subpath "/x") (subpath "/y"))\n' >"$D/unread.sb"
printf 'default deny;\nsbpl verbatim """\n(import "%s/unread.sb")\n""";\n' "$D" >"$D/unread.buckle"
run "verbatim imports: a reader error" "$BUCKLE" compile "$D/unread.buckle" -o /dev/null
expect_rc "verbatim imports: an imported file the reader refuses is an error" 1
expect_err_has "verbatim imports: ... at the import" "unread.buckle:3:1: error:"

# an import the compiler cannot follow: an error beside a final rule, and
# left to lint (BK4013) and buckle run without one
for imp in '(import "no-such-file.sb")' "(import \"$D/none/x.sb\")" '(import (string-append "/tmp/" "x.sb"))' \
           '(apply import (list "x.sb"))' '(define (f n) (import n)) (f "x.sb")'; do
    printf 'files { allow read "/q"; deny final read "/s"; }\nsbpl verbatim """\n%s\n""";\n' "$imp" >"$D/cannot.buckle"
    run "verbatim imports: $imp beside a final rule" "$BUCKLE" compile "$D/cannot.buckle" -o /dev/null
    expect_rc "verbatim imports: $imp beside a final rule is an error" 1
    expect_err_has "verbatim imports: ... BK2005 for $imp" "imports a file buckle cannot read"
    printf 'files { allow read "/q"; }\nsbpl verbatim """\n%s\n""";\n' "$imp" >"$D/cannot2.buckle"
    run "verbatim imports: $imp without a final rule" "$BUCKLE" compile "$D/cannot2.buckle" -o /dev/null
    expect_rc "verbatim imports: $imp without a final rule compiles" 0
done
# -I names the directory, and then the file is read and checked
mkdir -p "$D/inc"
printf '(allow file-read-data (subpath "/s/t"))\n' >"$D/inc/found.sb"
printf 'files { allow read "/q"; deny final read "/s"; }\nsbpl verbatim """\n(import "found.sb")\n""";\n' >"$D/cannot.buckle"
run "verbatim imports: found with -I" "$BUCKLE" compile -I "$D/inc" "$D/cannot.buckle" -o /dev/null
expect_rc "verbatim imports: a file found with -I is compared with the final rules" 1
expect_err_has "verbatim imports: ... its rule against the final deny" "this raw sbpl allow overrides a final deny"

# diff: two copies of one .sb text in different directories import
# different files, in any case of IMPORT
for kw in IMPORT Import import; do
    mkdir -p "$D/$kw/d1" "$D/$kw/d2"
    printf '(allow file-read-data (subpath "/private/etc"))\n' >"$D/$kw/d1/x.sb"
    printf '(deny file-read-data (subpath "/nothing"))\n' >"$D/$kw/d2/x.sb"
    printf '(version 1)\n(deny default)\n(%s "x.sb")\n' "$kw" >"$D/$kw/d1/p.sb"
    cp "$D/$kw/d1/p.sb" "$D/$kw/d2/p.sb"
    run "verbatim imports: diff ($kw ...) of different files" "$BUCKLE" diff "$D/$kw/d2/p.sb" "$D/$kw/d1/p.sb"
    expect_rc "verbatim imports: the same text that $kw""s different files is compared" 1
    expect_out_has "verbatim imports: ... and the widening found for $kw" "WIDENING deny -> allow"
done
