# run_refuse.sh - what `buckle run` refuses before anything runs
# (docs/runner.md): a profile directory whose ancestors others can write, a
# profile that redefines what its rules mean, built-in parameters that are
# unset, empty, relative or the root, a command the profile would not let
# start; and how it passes a command that starts with '-'.
. tests/lib.sh
runner_env
R="$TMP/refuse"
rm -rf "$R"
mkdir -p "$R/tmp" "$R/bin"
R=$(cd "$R" && pwd -P)
export TMPDIR="$R/tmp"
LOG="$R/log"
XOK='process { allow exec "/usr/bin", "/bin"; }\nfiles { allow read "/usr/bin", "/bin"; }\n'
brun() { STANDIN_LOG="$LOG" BUCKLE_SANDBOX_EXEC="$SXA" "$B" run "$@"; }
printf "$XOK" >"$R/p.buckle"

# 7. every ancestor of the profile directory: root's or ours, and not
# writable by others unless sticky (like /tmp)
mkdir -p "$R/ww/tmp"
chmod 0777 "$R/ww"
run "refuse: world-writable ancestor" env TMPDIR="$R/ww/tmp" STANDIN_LOG="$LOG" BUCKLE_SANDBOX_EXEC="$SXA" "$B" run "$R/p.buckle" -- true
expect_rc "refuse: a world-writable ancestor of the profile directory is refused" 125
expect_err_has "refuse: says which" "an ancestor is writable by group or others and not sticky"
chmod 1777 "$R/ww"
run "refuse: sticky ancestor" env TMPDIR="$R/ww/tmp" STANDIN_LOG="$LOG" BUCKLE_SANDBOX_EXEC="$SXA" "$B" run "$R/p.buckle" -- true
expect_rc "refuse: a sticky world-writable ancestor is fine" 0
chmod 0755 "$R/ww"

# 8. an .sb that redefines a name the protection rules use
for def in '(define (deny . a) #t)' '(define (subpath . a) (literal "/nowhere"))' "(define file-write-data 'file-read-data)" \
           '(begin (define (literal p) (subpath "/nowhere")))'; do
    printf '(version 1)\n(allow default)\n%s\n' "$def" >"$R/redef.sb"
    run "refuse: $def" brun --force "$R/redef.sb" -- true
    expect_rc "refuse: $def is refused even with --force" 125
    expect_err_has "refuse: $def: says where" "redef.sb:3:"
done
# ... or rebinds one by assignment, evaluation, a macro or a load, or in
# another case (SBPL's Scheme may fold case): refused wherever it appears
for def in '(set! deny (lambda a #t))' "(set! file-write-create 'file-read-data)" '((lambda () (set! deny (lambda a #t))))' \
           "(eval (list 'define (string->symbol \"deny\") (lambda a #t)))" '(macro (deny form) #t)' \
           '(define-syntax deny (syntax-rules () ((_ . a) #t)))' '(load "/tmp/x.scm")' '(define (DENY . a) #t)' \
           '(DEFINE (deny . a) #t)' '(if #f (SET! allow deny))'; do
    printf '(version 1)\n(allow default)\n%s\n' "$def" >"$R/redef.sb"
    run "refuse: $def" brun --force "$R/redef.sb" -- true
    expect_rc "refuse: $def is refused even with --force" 125
    expect_err_has "refuse: $def: says where" "redef.sb:3:"
done
# ... and anything the evaluator cannot evaluate completely
printf '(version 1)\n(allow default)\n(frobnicate 1)\n' >"$R/unk.sb"
run "refuse: unknown function" brun --force "$R/unk.sb" -- true
expect_rc "refuse: an unknown function is refused even with --force" 125
expect_err_has "refuse: unknown function: says what and where" 'unk.sb:3:1: error: buckle cannot evaluate this (unknown function "frobnicate")'
# ... also in an import
printf '(set! deny (lambda a #t))\n' >"$R/evil2.sb"
printf '(version 1)\n(allow default)\n(import "evil2.sb")\n' >"$R/imp2.sb"
run "refuse: import set!" brun --force -I "$R" "$R/imp2.sb" -- true
expect_rc "refuse: an import that rebinds deny with set! is refused" 125
expect_err_has "refuse: import set!: says where" "evil2.sb:1:2"
# ... also when an import does it
printf '(define (deny . a) #t)\n' >"$R/evil.sb"
printf '(version 1)\n(allow default)\n(import "evil.sb")\n' >"$R/imp.sb"
run "refuse: import redefines" brun --force -I "$R" "$R/imp.sb" -- true
expect_rc "refuse: an import that redefines deny is refused" 125
expect_err_has "refuse: says where, in the import" "evil.sb:1:10: error: this profile redefines"

# 9. a control byte (NUL included) in an .sb or an import: sandbox-exec's
# reader may take the text otherwise than the evaluator; refused, and lint
# says where
printf '(version 1)\n(allow default)\n\000' >"$R/nul.sb"
printf '(version 1)\n(allow default)\n(deny file-read*\001 (literal "/x"))\n' >"$R/ctl.sb"
printf '(allow file-read*)\n  \033\n' >"$R/ctlimp.sb"
printf '(version 1)\n(allow default)\n(import "ctlimp.sb")\n' >"$R/impctl.sb"
for f in nul.sb:3:1:0x00 ctl.sb:3:17:0x01 impctl.sb:ctlimp.sb:2:3:0x1b; do
    sb=${f%%:*}; where=${f#*:}; where=${where%:*}; byte=${f##*:}
    run "refuse: control byte in $sb" brun --force -I "$R" "$R/$sb" -- true
    expect_rc "refuse: a control byte in $sb is refused even with --force" 125
    expect_err_has "refuse: control byte in $sb: says where" "$where: error: control character $byte in SBPL text"
done
run "refuse: lint control byte" "$B" lint "$R/ctl.sb"
expect_rc "refuse: buckle lint fails on a control byte" 1
expect_out_has "refuse: buckle lint says where" "ctl.sb:3:17: error: control character 0x01 in SBPL text"

# 10. built-in parameters: checked like -D values, never replaced by /
printf 'files { allow read "$HOME/x"; }\n'"$XOK" >"$R/home.buckle"
for bad in "" "relative/home" "/"; do
    run "refuse: HOME='$bad'" env HOME="$bad" STANDIN_LOG="$LOG" BUCKLE_SANDBOX_EXEC="$SXA" "$B" run --no-cache "$R/home.buckle" -- true
    expect_rc "refuse: HOME='$bad' is refused" 125
    expect_err_has "refuse: HOME='$bad': says why" "the built-in parameter HOME cannot be used"
done
run "refuse: HOME unused" env HOME= STANDIN_LOG="$LOG" BUCKLE_SANDBOX_EXEC="$SXA" "$B" run "$R/p.buckle" -- true
expect_rc "refuse: an empty HOME does not matter to a profile that does not use it" 0
printf 'files { allow read "/Users/$USER"; }\n'"$XOK" >"$R/user.buckle"
run "refuse: USER=a/b" env USER=a/b STANDIN_LOG="$LOG" BUCKLE_SANDBOX_EXEC="$SXA" "$B" run "$R/user.buckle" -- true
expect_rc "refuse: a USER with a slash is refused" 125
run "refuse: TMPDIR relative" env TMPDIR=tmp STANDIN_LOG="$LOG" BUCKLE_SANDBOX_EXEC="$SXA" "$B" run "$R/p.buckle" -- true
expect_rc "refuse: a relative TMPDIR is refused" 125
expect_err_has "refuse: TMPDIR: says why" "TMPDIR cannot be used: it is not an absolute path"
printf 'files { allow read "$WORKDIR"; }\n'"$XOK" >"$R/wd.buckle"
run "refuse: WORKDIR /" sh -c 'cd / && STANDIN_LOG="$1" BUCKLE_SANDBOX_EXEC="$2" "$3" run "$4" -- true' sh "$LOG" "$SXA" "$B" "$R/wd.buckle"
expect_rc "refuse: running from / with a profile that uses WORKDIR is refused" 125
# -D wins over a built-in value, and only one value is passed
printf '(version 1)\n(allow default)\n' >"$R/open.sb"
: >"$LOG"
run "refuse: -D WORKDIR" brun --force -D WORKDIR=/opt "$R/open.sb" -- true
[ "$(grep -o -- '-D WORKDIR=[^ ]*' "$LOG")" = "-D WORKDIR=/opt" ] && pass "refuse: -D WORKDIR replaces the working directory" \
    || fail "refuse: -D WORKDIR replaces the working directory" "$(head -c 400 "$LOG")"
printf '(version 1)\n(deny default)\n(allow file-read* (subpath (param "WORKDIR")))\n' >"$R/w.sb"
run "refuse: query -D" "$B" query "$R/w.sb" -D WORKDIR=/opt file-read-data /opt/x
expect_out_has "refuse: buckle query lets -D WORKDIR win" "allow /opt/x"

# 11. a command whose first word starts with '-' is passed as a path
printf '#!/bin/sh\necho dash-ran\n' >"$R/bin/-hello"
chmod 0755 "$R/bin/-hello"
: >"$LOG"
run "refuse: dash command" env PATH="$R/bin:$PATH" STANDIN_LOG="$LOG" BUCKLE_SANDBOX_EXEC="$SXA" "$B" run --force "$R/open.sb" -- -hello
expect_rc "refuse: a command named -hello runs" 0
expect_out_has "refuse: (it ran)" "dash-ran"
grep -q " $R/bin/-hello\$" "$LOG" && pass "refuse: it reaches sandbox-exec as a path, never as an option" || fail "refuse: it reaches sandbox-exec as a path, never as an option" "$(cat "$LOG")"

# the pre-flight check: exec and read of the resolved command
TRUE=$(cd /usr/bin && pwd -P)/true
SH=$(cd "$(dirname "$(command -v sh)")" && pwd -P)/$(basename "$(command -v sh)")
[ -L "$SH" ] && SH=$(realpath "$SH")
printf 'process { allow exec "%s"; }\nfiles { allow read "%s"; }\n' "$TRUE" "$TRUE" >"$R/only-true.buckle"
run "refuse: only true" brun "$R/only-true.buckle" -- "$TRUE"
expect_rc "refuse: an allowed command runs" 0
run "refuse: sh denied" brun "$R/only-true.buckle" -- sh -c 'exit 0'
expect_rc "refuse: a command the profile does not let start is refused" 125
expect_err_has "refuse: names the command and the deciding rule" "the profile denies exec of $SH: decided by the default (deny) at $R/only-true.buckle (compiled):"
printf '(version 1)\n(allow default)\n(allow process-exec)\n(deny file-read-data (literal "%s"))\n' "$TRUE" >"$R/noread.sb"
run "refuse: read denied" brun --force "$R/noread.sb" -- "$TRUE"
expect_rc "refuse: a command the profile does not let be read is refused" 125
expect_err_has "refuse: names the rule" "the profile denies reading of $TRUE: decided by $R/noread.sb:4:1: (deny file-read-data"
