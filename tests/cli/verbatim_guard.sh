# verbatim_guard.sh - what an sbpl verbatim block (and a raw sbpl rule) may
# contain (docs/reference.md, "sbpl verbatim"): every way to change what the
# rules after the block mean, or to make Seatbelt read the text after it
# differently, is refused with file:line:col; the forms real profiles use
# are accepted.
. tests/lib.sh
D=$TMP/verbatim_guard
mkdir -p "$D"

# attempts: COLUMN (on line 3, the block's only line) @@ TEXT @@ MESSAGE
while IFS= read -r row; do
    case "$row" in ''|'#'*) continue ;; esac
    col=${row%%@@*}; rest=${row#*@@}; text=${rest%%@@*}; msg=${rest#*@@}
    col=$(printf '%s' "$col" | tr -d ' '); text=$(printf '%s\n' "$text" | sed 's/^ //; s/ $//'); msg=$(printf '%s\n' "$msg" | sed 's/^ //')
    printf 'default deny;\nsbpl verbatim """\n%s\n""";\nfiles { deny final read "/a/b"; allow read "/a"; }\n' "$text" >"$D/p.buckle"
    n="verbatim guard refuses: $text"
    rm -f "$D/out.sb"
    run "$n" "$BUCKLE" compile "$D/p.buckle" -o "$D/out.sb"
    if [ "$RC" -eq 0 ]; then fail "$n" "accepted"; continue; fi
    if ! grep -qF "p.buckle:3:$col: error: " "$TMP/err"; then fail "$n" "not at 3:$col: $(head -c 400 "$TMP/err")"; continue; fi
    expect_err_has "$n" "$msg"
    if [ -e "$D/out.sb" ]; then fail "$n: no output" "an output was written"; fi
done <<'ROWS'
# evaluation of data built at run time
2 @@ (eval (list 'define 'deny 1)) @@ sbpl verbatim may not use "eval"
8 @@ (apply eval (list (list 'define 'deny 'allow))) @@ may not use "eval"
11 @@ (define e eval) @@ may not use "eval"
14 @@ (define (f) (eval 'allow)) @@ may not use "eval"
3 @@ ((string->symbol "eval") 1) @@ may not use "string->symbol"
6 @@ (foo the-environment::allow) @@ has "::", which SBPL's reader turns into an eval
2 @@ (load "other.scm") @@ may not use "load"
# assignment, macros, continuations, mutation, ports
2 @@ (set! deny allow) @@ may not use "set!"
2 @@ (SET! deny allow) @@ may not use "SET!"
2 @@ (fluid-let ((deny allow)) 1) @@ may not use "fluid-let"
2 @@ (define-syntax allow (syntax-rules () ((_ . x) #t))) @@ may not use "define-syntax"
2 @@ (let-syntax ((deny (syntax-rules () ((_ . x) #t)))) 1) @@ may not use "let-syntax"
2 @@ (letrec-syntax ((deny (syntax-rules () ((_ . x) #t)))) 1) @@ may not use "letrec-syntax"
2 @@ (define-macro (deny . x) #t) @@ may not use "define-macro"
2 @@ (macro (allow form) #t) @@ may not use "macro"
2 @@ (do ((i 0)) (#t) 1) @@ may not use "do"
2 @@ (call/cc (lambda (k) k)) @@ may not use "call/cc"
2 @@ (set-car! (list 1) 2) @@ may not use "set-car!"
2 @@ (open-output-file "/tmp/x") @@ may not use "open-output-file"
15 @@ (case 1 ((1) (set! x 2))) @@ may not use "set!"
9 @@ (cond ((eval 'x) 1)) @@ may not use "eval"
1 @@ `(,(car (list 1)) 1) @@ may not use "`"
11 @@ (define x ,y) @@ sbpl verbatim may not use ","
# definitions and bindings of SBPL's and Scheme's words, anywhere
9 @@ (define deny allow) @@ sbpl verbatim may not define "deny"
9 @@ (DEFINE DENY ALLOW) @@ may not define "DENY"
17 @@ (let () (define deny allow)) @@ may not define "deny"
17 @@ (begin (define (subpath p) (literal p))) @@ may not define "subpath"
9 @@ (define param 1) @@ may not define "param"
9 @@ (define string-append 1) @@ may not define "string-append"
9 @@ (define file-read* 1) @@ may not define "file-read*"
9 @@ (define list 1) @@ may not define "list": it is a word of SBPL's Scheme
9 @@ (define *sharp-hook* 1) @@ may not define "*sharp-hook*"
11 @@ ((lambda (allow) (allow file-read*)) 1) @@ may not bind "allow"
10 @@ ((lambda allow allow) 1) @@ may not bind "allow"
17 @@ (define (helper deny) deny) @@ may not bind "deny"
19 @@ (define (helper . version) version) @@ may not bind "version"
11 @@ ((lambda (string-length) 1) 2) @@ may not bind "string-length": it is a word of SBPL's Scheme
8 @@ (let ((%x 1)) %x) @@ may not bind "%x"
8 @@ (let ((allow 1)) allow) @@ may not bind "allow"
13 @@ (let loop ((deny 1)) deny) @@ may not bind "deny"
6 @@ (let deny () 1) @@ may not bind "deny"
23 @@ (define (f x) (define param x) x) @@ may not define "param"
# text Seatbelt could read differently from buckle
8 @@ (if #f |)| @@ has a character that Scheme readers do not agree on
9 @@ (define [x] 1) @@ has a character that Scheme readers do not agree on
4 @@ #| #| |# |# @@ #| inside a #| comment
1 @@ #;(deny default) @@ unknown # syntax
11 @@ (define x #\a) @@ a character literal is not among the forms
11 @@ (define x "abc) @@ unterminated string
11 @@ (define x #"abc) @@ unterminated string
11 @@ (define x "\") @@ unterminated string
1 @@ (define x 1 @@ this '(' is never closed
1 @@ (allow default) @@ the default is not set in an sbpl block
8 @@ (if #t (version 1)) @@ (version 1) is written by buckle
ROWS

# raw sbpl rules share the guard, in a block and in a misc filter
printf 'default deny;\nsbpl """\n(allow file-read* (subpath (begin (define deny allow) "/x")))\n""";\n' >"$D/raw.buckle"
run "raw sbpl: a define in a filter" "$BUCKLE" compile "$D/raw.buckle" -o "$D/out.sb"
expect_rc "raw sbpl: a define in a filter" 1
expect_err_has "raw sbpl: a define in a filter, at it" 'raw.buckle:3:43: error: raw sbpl may not define "deny"'
printf 'default deny;\nmisc { allow iokit-open sbpl "(iokit-user-client-class (eval (quote x)))"; }\n' >"$D/misc.buckle"
run "raw sbpl filter: eval" "$BUCKLE" compile "$D/misc.buckle" -o "$D/out.sb"
expect_rc "raw sbpl filter: eval" 1
expect_err_has "raw sbpl filter: eval, at the string" 'misc.buckle:2:30: error: in the sbpl filter: raw sbpl may not use "eval"'

# what real profiles write is accepted
cat >"$D/ok.buckle" <<'B'
default deny;
sbpl verbatim """
(import "system.sb")
(define (app-read p) (allow file-read* (subpath p)))
(define (op-all op) (op file-read* (subpath "/opt/all")))
(op-all allow)
(if (param "X") (app-read "/a") (app-read "/b"))
(when (string=? (param "X") "1") (allow file-read* (literal "/y")))
(let ((h (param "HOME"))) (allow file-read* (subpath (string-append h "/x"))))
(let* ((a "/p") (b (string-append a "/q"))) (app-read b))
(for-each (lambda (p) (allow file-read* (literal p))) (list "/c" "/d"))
(cond ((param "A") (allow network-outbound)) (else (deny network-outbound)))
(case (param "M") (("a") (app-read "/m")) (else #f))
(define names '(a b set! eval))   ; quoted data is not evaluated
(define (starts-with? str prefix)   ; a parameter, a let and a named let may take a filter's
  (let ((literal (string-length prefix)))   ; or an operation's name: it holds in their body only
    (let subpath ((file-read-data literal)) (equal? (substring str 0 file-read-data) prefix))))
(if (defined? `file-read-metadata) (app-read "/q"))   ; a quasiquote without unquote quotes
#| a comment |#
(allow mach-lookup (global-name "com.example.x") (with report))
""";
B
run "verbatim guard accepts the forms real profiles use" "$BUCKLE" compile "$D/ok.buckle" -o "$D/ok.sb"
expect_rc "verbatim guard accepts the forms real profiles use" 0

# every symbol buckle's output writes (outside the copied blocks), in the
# output of every profile of the tree that compiles, may not be defined
: >"$D/syms"
for f in $(find corpus tests -name '*.buckle' | LC_ALL=C sort); do
    "$BUCKLE" compile "$f" -o "$D/all.sb" >/dev/null 2>&1 || continue
    awk '/^;; sbpl verbatim from /{v=1} /^;; end of sbpl verbatim/{v=0; next} /^;; raw sbpl from /{exit} !v' "$D/all.sb" |
        sed -E 's/#?"([^"\\]|\\.)*"/ /g; s/;.*//' | tr '() \t' '\n\n\n\n' | grep -E '^[A-Za-z*!?<>=/%_-]' >>"$D/syms"
done
LC_ALL=C sort -u "$D/syms" -o "$D/syms"
nsyms=0 open=""
while IFS= read -r sym; do
    nsyms=$((nsyms + 1))
    printf 'default deny;\nsbpl verbatim """\n(define %s (quote x))\n""";\n' "$sym" >"$D/sym.buckle"
    "$BUCKLE" compile "$D/sym.buckle" -o "$D/sym.sb" >/dev/null 2>&1 && open="$open $sym"
done <"$D/syms"
[ "$nsyms" -ge 40 ] && [ -z "$open" ] && pass "verbatim guard: none of the $nsyms symbols of the output may be defined" \
    || fail "verbatim guard: every symbol of the output is reserved" "$nsyms symbols; definable:$open"
