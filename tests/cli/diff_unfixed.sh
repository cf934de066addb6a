# diff_unfixed.sh - buckle diff never answers "the same decisions" when a
# side reads a parameter in a condition that neither -D nor -U fixes, nor
# when the texts differ and an import left out of both may decide.
. tests/lib.sh
D=$(scratch_dir diff_unfixed)
printf '(version 1)\n(deny default)\n(allow file-read* (subpath "/usr"))\n' >"$D/plain.sb"
cp "$D/plain.sb" "$D/debug.sb"
printf '(when (param "DEBUG") (allow file-write* (subpath "/")) (allow network*))\n' >>"$D/debug.sb"
run "diff unfixed: (when (param ...)) added" "$BUCKLE" diff "$D/plain.sb" "$D/debug.sb"
expect_rc "diff unfixed: (when (param ...)) added cannot compare" 3
expect_out_has "diff unfixed: ... names the parameter" '"DEBUG" in a condition'
run "diff unfixed: -D DEBUG=1" "$BUCKLE" diff -D DEBUG=1 "$D/plain.sb" "$D/debug.sb"
expect_rc "diff unfixed: -D DEBUG=1 widens" 1
run "diff unfixed: -U DEBUG" "$BUCKLE" diff -U DEBUG "$D/plain.sb" "$D/debug.sb"
expect_rc "diff unfixed: -U DEBUG the same" 0
cp "$D/plain.sb" "$D/home.sb"
printf '(when (equal? (param "HOME") "/Users/x") (allow file-write* (subpath "/")))\n' >>"$D/home.sb"
run "diff unfixed: equal? on HOME" "$BUCKLE" diff "$D/plain.sb" "$D/home.sb"
expect_rc "diff unfixed: equal? on HOME cannot compare" 3
expect_out_has "diff unfixed: ... names HOME" '"HOME" in a condition'
run "diff unfixed: -D HOME=/Users/x" "$BUCKLE" diff -D HOME=/Users/x "$D/plain.sb" "$D/home.sb"
expect_rc "diff unfixed: -D HOME=/Users/x widens" 1
# a condition inside a helper
printf '(version 1)\n(deny default)\n(allow file-read* (subpath "/usr"))\n' >"$D/h0.sb"
printf '(version 1)\n(deny default)\n(define (maybe-network) (when (param "NET2") (allow network-outbound)))\n(allow file-read* (subpath "/usr"))\n(maybe-network)\n' >"$D/h1.sb"
run "diff unfixed: a condition in a helper" "$BUCKLE" diff "$D/h0.sb" "$D/h1.sb"
expect_rc "diff unfixed: a condition in a helper cannot compare" 3
expect_out_has "diff unfixed: ... names NET2" '"NET2" in a condition'
# both sides leave out system.sb, and a rule after it changed
printf '(version 1)\n(deny default)\n(import "system.sb")\n(allow file-read* (subpath "/Users/me/p"))\n' >"$D/s_new.sb"
cp "$D/s_new.sb" "$D/s_old.sb"
printf '(deny file-read* (subpath "/usr/lib"))\n' >>"$D/s_old.sb"
run "diff unfixed: a rule after a left-out import" "$BUCKLE" diff "$D/s_old.sb" "$D/s_new.sb"
expect_rc "diff unfixed: a rule after a left-out import cannot compare" 3
expect_out_has "diff unfixed: ... says why" 'left-out (import "system.sb")'
printf '(allow file-write* (subpath "/tmp"))\n' >>"$D/s_new.sb"
run "diff unfixed: a widening past a left-out import" "$BUCKLE" diff "$D/s_old.sb" "$D/s_new.sb"
expect_rc "diff unfixed: a widening past a left-out import differs" 1
# a condition inside a helper that an imported file defines
mkdir -p "$D/inc"
printf '(define (maybe-network)\n    (when (param "NET3")\n        (allow network-outbound)))\n' >"$D/inc/helper.sb"
printf '(version 1)\n(deny default)\n(import "inc/helper.sb")\n(allow file-read* (subpath "/usr"))\n' >"$D/i0.sb"
cp "$D/i0.sb" "$D/i1.sb"
printf '(maybe-network)\n' >>"$D/i1.sb"
run "diff unfixed: a condition in an imported helper" "$BUCKLE" diff "$D/i0.sb" "$D/i1.sb"
expect_rc "diff unfixed: a condition in an imported helper cannot compare" 3
expect_out_has "diff unfixed: ... names NET3" '"NET3" in a condition'
run "diff unfixed: the imported helper, -D NET3=1" "$BUCKLE" diff -D NET3=1 "$D/i0.sb" "$D/i1.sb"
expect_rc "diff unfixed: the imported helper, -D NET3=1 widens" 1
run "diff unfixed: the imported helper, -U NET3" "$BUCKLE" diff -U NET3 "$D/i0.sb" "$D/i1.sb"
expect_rc "diff unfixed: the imported helper, -U NET3 the same" 0
# a .buckle's sbpl verbatim block compares a parameter that has a default,
# or a test value (HOME), with a value
printf 'param DEBUG = "0";\nfiles { allow read "/usr"; }\n' >"$D/v0.buckle"
cp "$D/v0.buckle" "$D/v1.buckle"
printf 'sbpl verbatim """(if (equal? (param "DEBUG") "1") (allow file-write* (subpath "/")))""";\n' >>"$D/v1.buckle"
run "diff unfixed: verbatim compares a defaulted parameter" "$BUCKLE" diff "$D/v0.buckle" "$D/v1.buckle"
expect_rc "diff unfixed: verbatim compares a defaulted parameter cannot compare" 3
expect_out_has "diff unfixed: ... names DEBUG in the block" 'verbatim blocks of'
run "diff unfixed: verbatim, -D DEBUG=1" "$BUCKLE" diff -D DEBUG=1 "$D/v0.buckle" "$D/v1.buckle"
expect_rc "diff unfixed: verbatim, -D DEBUG=1 widens" 1
run "diff unfixed: verbatim, -D DEBUG=0" "$BUCKLE" diff -D DEBUG=0 "$D/v0.buckle" "$D/v1.buckle"
expect_rc "diff unfixed: verbatim, -D DEBUG=0 the same" 0
printf 'files { allow read "/usr"; }\n' >"$D/w0.buckle"
cp "$D/w0.buckle" "$D/w1.buckle"
printf 'sbpl verbatim """(when (equal? (param "HOME") "/Users/x") (allow file-write* (subpath "/")))""";\n' >>"$D/w1.buckle"
run "diff unfixed: verbatim compares HOME" "$BUCKLE" diff "$D/w0.buckle" "$D/w1.buckle"
expect_rc "diff unfixed: verbatim compares HOME cannot compare" 3
expect_out_has "diff unfixed: ... names HOME in the block" '"HOME" in a condition'
run "diff unfixed: verbatim, -U HOME" "$BUCKLE" diff -U HOME "$D/w0.buckle" "$D/w1.buckle"
expect_rc "diff unfixed: verbatim, -U HOME the same" 0
