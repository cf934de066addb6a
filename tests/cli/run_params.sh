# run_params.sh - path-valued parameters (docs/runner.md, "Parameters"):
# every -D value or declared default that is an absolute path is protected
# like a source: the sandbox may write inside it (when the profile says so),
# but can neither remove, rename or replace it nor any directory or link on
# its way, so the next run's value leads to the same place.  A -D value or
# default that does not exist yet cannot be created as a link.
. tests/lib.sh
runner_env
R="$TMP/params"
rm -rf "$R"
mkdir -p "$R/tmp" "$R/work" "$R/proj/out" "$R/proj/out2" "$R/home"
R=$(cd "$R" && pwd -P)
export TMPDIR="$R/tmp"
LOG="$R/log"
XOK='process { allow exec "/usr/bin", "/bin"; }\nfiles { allow read "/usr/bin", "/bin"; }\n'
: >"$R/proj/log.txt"
ln -s proj "$R/lnk"
cd "$R/work" || exit 1
printf 'param OUT;\nfiles { allow read "/"; allow write "$OUT"; }\n'"$XOK" >d.buckle
printf 'param C = "%s/proj/out2";\nfiles { allow read "/"; allow write "$C"; }\n'"$XOK" "$R" >e.buckle
printf '(version 1)\n(allow default)\n(deny file-write* (subpath (param "OUT")))\n' >o.sb
check() {  # NAME  RUN-ARGS... (STANDIN_CHECK_FRAME / STANDIN_CHECK_WRITE set by the caller)
    name=$1; shift
    : >"$LOG"
    run "$name" env STANDIN_LOG="$LOG" BUCKLE_SANDBOX_EXEC="$SXA" "$B" run "$@" -- true
    if [ "$RC" -eq 0 ] && ! grep -q FAILED "$LOG" && grep -q "frame fixed\|write denied" "$LOG"; then pass "$name"
    else fail "$name" "rc $RC: $(cat "$LOG") $(head -c 300 "$TMP/err")"; fi
}
# the value, a directory: it and every directory on its way stay in place
STANDIN_CHECK_FRAME="$R/proj/out:$R/proj:$R" check "params: a -D directory and its ancestors cannot be replaced" -D OUT="$R/proj/out" d.buckle
# ... a declared default the same
STANDIN_CHECK_FRAME="$R/proj/out2:$R/proj" check "params: a declared default cannot be replaced" e.buckle
# ... a file: it stays in place too (the profile may still let the sandbox write it)
STANDIN_CHECK_FRAME="$R/proj/log.txt:$R/proj" check "params: a -D file cannot be removed or replaced" -D OUT="$R/proj/log.txt" d.buckle
# ... an .sb profile's -D values the same
STANDIN_CHECK_FRAME="$R/proj/out:$R/proj" check "params: an .sb's -D directory cannot be replaced" --force -D OUT="$R/proj/out" o.sb
# ... a link in the value as typed cannot be re-pointed
STANDIN_CHECK_WRITE="$R/lnk" STANDIN_CHECK_FRAME="$R/proj/out" check "params: a link in a -D value cannot be replaced" -D OUT="$R/lnk/out" d.buckle
# writing inside the value stays the profile's business
"$B" run --dry-run --keep-profile -D OUT="$R/proj/out" d.buckle -- true >"$TMP/out" 2>"$TMP/err"
f=$(sed -n 's/^profile: //p' "$TMP/out")
V=$(grep -o -- '-D OUT=[^ ]*' "$TMP/out" | sed 's/^-D OUT=//')   # as sandbox-exec gets it
run "params: query inside" "$B" query "$f" -D OUT="$V" file-write-create "$V/new.o"
expect_out_has "params: creating a file inside the -D directory stays allowed" "allow"
# the frame rule names the value itself (read off the profile: off macOS the
# stand-in's profile spells host paths, /tmp, which a query of an .sb reads
# as macOS's /private/tmp)
if grep "^(deny file-write-unlink" "$f" | grep -q -F "(literal \"$R/proj/out\")"; then
    pass "params: removing the -D directory itself is denied"
else fail "params: removing the -D directory itself is denied" "$(grep '^(deny file-write-unlink' "$f" | head -c 300)"; fi
# a value that does not exist (yet): the run goes on; the sandbox may create
# it as a directory or a file, never as a link, nor move or link anything there
: >"$LOG"
run "params: missing -D" env STANDIN_LOG="$LOG" BUCKLE_SANDBOX_EXEC="$SXA" "$B" run --keep-profile -D OUT="$R/proj/new/out" d.buckle -- true
expect_rc "params: a -D path that does not exist yet runs" 0
f=$(sed -n 's/^buckle run: kept //p' "$TMP/err")
for p in "$R/proj/new" "$R/proj/new/out"; do
    grep -F "(deny file-write-create (require-all (require-any " "$f" | grep -qF "(literal \"$p\")" \
        && pass "params: $p cannot be created as a link" || fail "params: $p cannot be created as a link" "$(tail -12 "$f")"
    run "params: rename onto $p" "$B" query "$f" -D OUT="$R/proj/new/out" fs-rename "$p"
    expect_out_has "params: nothing can be renamed onto $p" "deny"
done
V=$(grep -o -- '-D OUT=[^ ]*' "$LOG" | sed 's/^-D OUT=//')   # as sandbox-exec gets it
run "params: create missing" "$B" query "$f" -D OUT="$V" file-write-create "$V/x.o"
expect_out_has "params: creating files inside a missing -D directory stays the profile's business" "allow"
rm -f "$f"
# a default that names another declared parameter: that one's default, to
# any depth, as query and test read it (R = /x/y, not /y)
printf 'param A = "/x";\nparam B = "$A";\nparam R = "$B/y";\nfiles { allow read "$R"; }\n'"$XOK" >chain.buckle
"$B" run --dry-run chain.buckle -- true >"$TMP/out" 2>"$TMP/err"
grep -q -- "-D R=/x/y " "$TMP/out" && pass "params: a default naming others is resolved to any depth" \
    || fail "params: a default naming others is resolved to any depth" "$(head -c 600 "$TMP/out") $(head -c 300 "$TMP/err")"
"$B" run --dry-run -D A=/q chain.buckle -- true >"$TMP/out" 2>"$TMP/err"
grep -q -- "-D R=/q/y " "$TMP/out" && pass "params: ... with -D A=/q, R is /q/y" \
    || fail "params: ... with -D A=/q, R is /q/y" "$(head -c 600 "$TMP/out") $(head -c 300 "$TMP/err")"
# values the compiler refuses, or that make the profile fail to compile, are
# refused by the run too: the symbolic profile would run with a meaning no
# check saw (a raw rule that meets a final rule only for this value, a value
# with ".." glued into a final deny, a port that is not a port)
printf 'param P = "/q";\nfiles { allow read "/"; allow read "$P/y"; deny final read "/s/t"; }\nsbpl """\n(allow file-read-data (literal (string-append "/s" (param "P"))))\n""";\n'"$XOK" >rawfinal.buckle
run "params: raw final" "$B" run --dry-run -D P=/t rawfinal.buckle -- true
expect_rc "params: a -D value that makes a raw rule meet a final deny is refused" 125
expect_err_has "params: ... with the compiler's BK2005" "BK2005"
printf 'param S;\nparam PORT;\nfiles { allow read "/"; deny final read "/x/$S/secret"; }\nnetwork { allow outbound "localhost:$PORT"; deny outbound "*:22"; }\n'"$XOK" >badval.buckle
run "params: dotdot" "$B" run --dry-run -D S=a/../b -D PORT=80 badval.buckle -- true
expect_rc "params: a -D value with a .. component glued into a path is refused" 125
expect_err_has "params: ... as compile -D refuses it" "BK2008"
expect_err_has "params: ... and the run says it does not run" "does not compile with this run's parameter values"
run "params: star port" "$B" run --dry-run -D S=b -D 'PORT=*' badval.buckle -- true
expect_rc "params: a -D port that is not a port is refused" 125
expect_err_has "params: ... as compile -D refuses it" "BK2007"
# a parameter only a raw sbpl block reads is passed like the others: its
# default, a -D value, or (with neither) the run says which one to pass
printf 'param P = "/q";\nsbpl """\n(allow file-read-data (literal (string-append (param "P") "/x")))\n""";\n'"$XOK" >rawonly.buckle
run "params: raw only" "$B" run --dry-run rawonly.buckle -- true
expect_rc "params: a parameter only a raw block reads runs" 0
expect_out_has "params: ... with its default passed" "-D P=/q "
run "params: raw only -D" "$B" run --dry-run -D P=/z rawonly.buckle -- true
expect_out_has "params: ... or its -D value" "-D P=/z "
printf 'param P;\nsbpl """\n(allow file-read-data (literal (string-append (param "P.dir") "x")))\n""";\n'"$XOK" >rawnodef.buckle
run "params: raw only, no value" "$B" run --dry-run rawnodef.buckle -- true
expect_rc "params: ... without a value it does not run" 125
expect_err_has "params: ... and says which value to pass" "parameter P has no value: pass -D P=VALUE"
run "params: raw only, NAME.dir" "$B" run --dry-run -D P=/z rawnodef.buckle -- true
expect_out_has "params: ... a form of it (P.dir) counts as reading it" "-D P.dir=/z/ "
