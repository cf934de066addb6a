# final_scope.sh - cases from an independent black-box review of the
# semantics: a final rule decides inside its scope over every rule that is
# not final, however specific and in whatever file; parameters used as ports
# or before a regex quantifier are checked; allowing one operation of a
# family that deny default may not cover still denies the others.
. tests/lib.sh
D=$(scratch_dir final_scope)
# a more specific allow, spelled out, with a regex, glob or prefix
printf 'files {\n    deny final read "~/.ssh";\n    allow read regex "^/Users/test/\\\\.s[s]h/id";\n    allow read glob "/Users/test/*/id_rsa";\n}\n' >"$D/f1.buckle"
# a regex whose fixed part (escapes are text) reaches inside the final rule
# is as specific as it: BK2005, for the value that puts it there
printf 'files {\n    deny final read "~/.ssh";\n    allow read regex "^/Users/test/\\\\.ssh/id";\n}\n' >"$D/f1r.buckle"
run "final scope: regex spelled out" "$BUCKLE" compile "$D/f1r.buckle" -o /dev/null
expect_rc "final scope: a regex with an escaped dot inside the final rule is BK2005" 1
expect_err_has "final scope: regex: names the value" "it falls inside the final rule with HOME=/Users/test"
for o in /Users/test/.ssh/id_ed25519 /Users/test/.ssh/id_rsa; do
    run "final scope: $o" "$BUCKLE" query "$D/f1.buckle" files read "$o"
    expect_out_has "final scope: the final deny decides $o" "deny $o"
    expect_out_has "final scope: compiled SBPL agrees on $o" "compiled SBPL agrees"
    run "final scope: $o, -D" "$BUCKLE" query -D HOME=/Users/test "$D/f1.buckle" files read "$o"
    expect_out_has "final scope: the final deny decides $o with -D" "deny $o"
done
printf 'files {\n    deny final read "~/.ssh";\n    allow read prefix "/Users/test/.ssh/i";\n}\n' >"$D/f5.buckle"
run "final scope: prefix inside" "$BUCKLE" compile "$D/f5.buckle" -o /dev/null
expect_rc "final scope: a prefix that falls inside for HOME=/Users/test is BK2005" 1
expect_err_has "final scope: names the value" "it falls inside the final rule with HOME=/Users/test"
# a final glob in a base against a deeper allow in the child
printf 'files { deny final read glob "~/**/*.pem"; }\n' >"$D/base.buckle"
printf 'extends "./base";\nfiles { allow read "~/project"; }\n' >"$D/child.buckle"
run "final scope: base glob" "$BUCKLE" query "$D/child.buckle" files read /Users/test/project/key.pem
expect_out_has "final scope: the base's final glob decides in the child's subtree" "deny /Users/test/project/key.pem"
expect_out_has "final scope: compiled SBPL agrees for the glob" "compiled SBPL agrees"
run "final scope: base glob, outside" "$BUCKLE" query "$D/child.buckle" files read /Users/test/project/key.txt
expect_out_has "final scope: outside the final glob the allow holds" "allow /Users/test/project/key.txt"
# a rule that contains the final rule's path
printf 'files {\n    deny final read "$WORKDIR/.git";\n    allow read "/Users/test/project";\n}\n' >"$D/f11.buckle"
run "final scope: containing allow" "$BUCKLE" query -D WORKDIR=/Users/test/project "$D/f11.buckle" files read /Users/test/project/.git/config
expect_out_has "final scope: the final deny decides under a containing allow" "deny /Users/test/project/.git/config"
"$BUCKLE" compile -D WORKDIR=/Users/test/project "$D/f11.buckle" -o "$D/f11.sb"
run "final scope: containing allow, output" "$BUCKLE" query "$D/f11.sb" file-read-data /Users/test/project/.git/config
expect_out_has "final scope: the compiled output denies it" "deny /Users/test/project/.git/config"

# a parameter used as a port holds a port number
printf 'param PORT = "*";\nnetwork {\n    allow outbound "localhost:$PORT";\n    deny outbound "localhost:*";\n}\n' >"$D/port.buckle"
run "port parameter: *" "$BUCKLE" compile "$D/port.buckle" -o "$D/port.sb"
expect_rc "port parameter: a default of * is an error" 1
expect_err_has "port parameter: says why" 'the value "*" of PORT is not a port'
[ -e "$D/port.sb" ] && fail "port parameter: no output on error" "written" || pass "port parameter: no output on error"
printf 'param PORT = "8080";\nnetwork { allow outbound "localhost:$PORT"; }\n' >"$D/port2.buckle"
run "port parameter: 8080" "$BUCKLE" compile "$D/port2.buckle" -o /dev/null
expect_rc "port parameter: a port number is fine" 0
for v in 0 99999 abc 080; do
    run "port parameter: -D PORT=$v" "$BUCKLE" compile -D "PORT=$v" "$D/port2.buckle" -o /dev/null
    expect_rc "port parameter: -D PORT=$v is an error" 1
done

# a regex quantifier after a parameter
printf 'param P;\nfiles {\n    allow read "/";\n    deny read regex "^${P}?/x";\n}\n' >"$D/quant.buckle"
run "regex: quantifier after a parameter" "$BUCKLE" compile "$D/quant.buckle" -o /dev/null
expect_rc "regex: a quantifier after a parameter is an error" 1
expect_err_has "regex: at the parameter" "quant.buckle:4:23: error: a regex quantifier cannot follow a parameter"
printf 'param P;\nfiles {\n    allow read "/";\n    deny read regex "^(${P})?/x";\n}\n' >"$D/quant2.buckle"
run "regex: a grouped parameter" "$BUCKLE" compile "$D/quant2.buckle" -o /dev/null
expect_rc "regex: a grouped parameter may be repeated" 0

# allowing one operation of a family keeps the others denied
printf 'misc { allow nvram-get; }\n' >"$D/nvram.buckle"
run "families: nvram" "$BUCKLE" compile "$D/nvram.buckle"
expect_out_has "families: nvram-set still denied" "(deny nvram-set)"
expect_out_has "families: nvram-delete still denied" "(deny nvram-delete)"
expect_out_lacks "families: no family deny over the allow" "(deny nvram*)"
printf 'misc { allow process-info-pidinfo; }\n' >"$D/pinfo.buckle"
run "families: process-info" "$BUCKLE" compile "$D/pinfo.buckle"
expect_out_has "families: process-info-listpids still denied" "(deny process-info-listpids)"

# a file that extends a final rule cannot move it through a parameter default
printf 'param SECRETS = "/Users/test/.ssh";\nfiles { deny final read "$SECRETS"; }\n' >"$D/pbase.buckle"
printf 'extends "./pbase";\nparam SECRETS = "/nonexistent";\nfiles { allow read "~"; }\n' >"$D/pchild.buckle"
run "final scope: default moved" "$BUCKLE" compile "$D/pchild.buckle" -o /dev/null
expect_rc "final scope: a child's default for a final rule's parameter is an error" 1
expect_err_has "final scope: at the child's default" "pchild.buckle:2:17: error: this default of SECRETS would move a final rule"
printf 'param SECRETS;\nfiles { deny final read "$SECRETS"; }\n' >"$D/pbase2.buckle"
printf 'extends "./pbase2";\nparam SECRETS = "/Users/test/.ssh";\nfiles { allow read "~"; }\n' >"$D/pchild2.buckle"
run "final scope: default given" "$BUCKLE" compile "$D/pchild2.buckle" -o /dev/null
expect_rc "final scope: a base without a default may get one from the child" 0
# once a file of the chain has given the default, a file extending that one
# cannot move the final rule either
printf 'param ROOT;\nfiles { allow read "/"; deny final read "$ROOT"; }\n' >"$D/gbase.buckle"
printf 'extends "./gbase";\nparam ROOT = "/secret";\n' >"$D/gchild.buckle"
printf 'extends "./gchild";\nparam ROOT = "/elsewhere";\n' >"$D/ggrand.buckle"
run "final scope: default given, then moved" "$BUCKLE" query "$D/ggrand.buckle" file-read-data /secret/x/y
expect_rc "final scope: a grandchild's default for a final rule's parameter is an error" 1
expect_err_has "final scope: at the grandchild's default" "ggrand.buckle:2:14: error: this default of ROOT would move a final rule"
expect_err_has "final scope: the note points at the default the rule takes" "gchild.buckle:2:14: note: the default the final rule takes"
# a parameter that reaches the final rule through another one's default
printf 'param A = "/secret";\nparam ROOT = "$A/x";\nfiles { allow read "/"; deny final read "$ROOT"; }\n' >"$D/dbase.buckle"
printf 'extends "./dbase";\nparam A = "/elsewhere";\n' >"$D/dchild.buckle"
run "final scope: derived default moved" "$BUCKLE" query "$D/dchild.buckle" file-read-data /secret/x/y
expect_rc "final scope: a default that reaches a final rule through another parameter is an error" 1
expect_err_has "final scope: at that default" "dchild.buckle:2:11: error: this default of A would move a final rule"
run "final scope: derived default kept" "$BUCKLE" query "$D/dbase.buckle" file-read-data /secret/x/y
expect_out_has "final scope: the base denies" "deny /secret/x/y"
# a final rule in another platform's block keeps its default too (dropped
# for this platform, but the chain means the same on both)
printf 'param ROOT = "/secret";\nfiles { allow read "/"; }\nplatform linux { files { deny final read "$ROOT"; } }\n' >"$D/lbase.buckle"
printf 'extends "./lbase";\nparam ROOT = "/elsewhere";\n' >"$D/lchild.buckle"
run "final scope: default of a linux block's final rule" "$BUCKLE" compile "$D/lchild.buckle" -o /dev/null
expect_rc "final scope: moving a final rule of a platform block is an error on every platform" 1
expect_err_has "final scope: ... BK2005 at the default" "lchild.buckle:2:14: error: this default of ROOT would move a final rule"
# a parameter without a default in the base, named by another's default: the
# first file to give it one may, the next may not
printf 'param A;\nparam ROOT = "$A/x";\nfiles { allow read "/"; deny final read "$ROOT"; }\n' >"$D/ebase.buckle"
printf 'extends "./ebase";\nparam A = "/secret";\n' >"$D/echild.buckle"
printf 'extends "./echild";\nparam A = "/elsewhere";\n' >"$D/egrand.buckle"
run "final scope: derived, first default" "$BUCKLE" query "$D/echild.buckle" file-read-data /secret/x/y
expect_out_has "final scope: the child gives the first default" "deny /secret/x/y"
run "final scope: derived, moved" "$BUCKLE" compile "$D/egrand.buckle" -o /dev/null
expect_rc "final scope: the grandchild may not move it" 1
expect_err_has "final scope: ... at the grandchild's default" "egrand.buckle:2:11: error: this default of A would move a final rule"
# a raw rule meets a final prefix whose text goes on after its parameter
# ("${Q}b") for a value below the raw path (Q=/a/x), not for the raw path itself
printf 'param Q;\nfiles { deny final read prefix "${Q}b"; }\nsbpl """ (allow file-read-metadata (subpath "/a")) """;\n' >"$D/rawpre.buckle"
run "final scope: raw subpath vs final glued prefix" "$BUCKLE" compile "$D/rawpre.buckle" -o /dev/null
expect_rc "final scope: the raw allow overrides the final prefix for some value" 1
expect_err_has "final scope: ... BK2005 with the values" "they meet with Q=/a/x"

# between two final rules the usual order applies: one that outranks the
# other where they overlap at all contradicts it (BK2005), whether or not it
# lies wholly inside, on a parameter root, a written path or a name
ff=0
for g in 'glob "~/.ssh*"' 'glob "~/.ss*/**"' 'glob "~/.s?h/**"' 'glob "~/.*"' 'glob "~/.ss[a-z]"' 'glob "~/.s*/id*"' \
         'glob "/Users/test/.ss*"' 'regex "^${HOME}/\\.ss"' 'prefix "/Users/test/.ss"'; do
    ff=$((ff + 1))
    printf 'files {\n    allow read "/";\n    deny final read "~/.ssh";\n    allow final read %s;\n}\n' "$g" >"$D/ff$ff.buckle"
    run "final scope: two finals, $g" "$BUCKLE" compile "$D/ff$ff.buckle" -o /dev/null
    expect_rc "final scope: allow final $g beside deny final ~/.ssh is refused" 1
    expect_err_has "final scope: allow final $g is BK2005" "BK2005"
done
printf 'extends "std/agent";\nfiles { allow final read glob "~/.aw*"; }\n' >"$D/ffstd.buckle"
run "final scope: two finals, std/agent" "$BUCKLE" compile "$D/ffstd.buckle" -o /dev/null
expect_rc "final scope: a child's allow final glob cannot reopen std/agent's final deny" 1
printf 'files {\n    deny final read glob "~/**/.env";\n    allow final read prefix "~/proj/.e";\n}\n' >"$D/ffenv.buckle"
run "final scope: two finals, completed tail" "$BUCKLE" compile "$D/ffenv.buckle" -o /dev/null
expect_rc "final scope: a prefix completed by the final glob's tail is BK2005" 1
for sec in 'mach { deny final lookup prefix "com.apple.sec"; allow final lookup "com.$SVC"; }' \
           'sysctl { deny final read prefix "kern.secret"; allow final read "kern.$SVC"; }'; do
    printf 'param SVC;\n%s\n' "$sec" >"$D/ffname.buckle"
    run "final scope: two finals, a name on a parameter" "$BUCKLE" compile "$D/ffname.buckle" -o /dev/null
    expect_rc "final scope: $sec is refused symbolically" 1
    expect_err_has "final scope: $sec names the value" "it meets the final rule with SVC="
done
# not final: the final rule decides there anyway, no error
printf 'param SVC;\nmach { deny final lookup prefix "com.apple.sec"; allow lookup "com.$SVC"; }\nfiles { deny final read "~/.ssh"; allow read glob "~/.ss*"; allow final read glob "~/.x*"; }\n' >"$D/ffok.buckle"
run "final scope: not final, or no overlap" "$BUCKLE" compile "$D/ffok.buckle" -o /dev/null
expect_rc "final scope: a rule that is not final, or a final one that meets no final rule, compiles" 0
# the final checks count the rules of the other platform's blocks on both
# targets: an allow in a linux block inside a final deny, a remove of a final
# rule in a linux block, a final rule in a linux block over an allow outside
# it, a raw allow inside a final deny of a macos block
printf 'files { allow read "/Users"; deny final read "~/.ssh"; }\n' >"$D/pfbase.buckle"
printf 'extends "./pfbase";\nplatform linux { files { allow read literal "~/.ssh/id"; } }\n' >"$D/pfallow.buckle"
printf 'extends "./pfbase";\nplatform linux { files { remove deny final read "~/.ssh"; } }\n' >"$D/pfremove.buckle"
printf 'platform linux { files { deny final read "/a"; } }\nfiles { allow read literal "/a/b"; }\n' >"$D/pffinal.buckle"
printf 'files { allow read "/"; }\nplatform macos { files { deny final read "/a"; } }\nsbpl """ (allow file-read-data (subpath "/a/b")) """;\n' >"$D/pfraw.buckle"
for t in sbpl landlock; do
    run "final scope: linux allow inside a final deny ($t)" "$BUCKLE" compile --target $t "$D/pfallow.buckle" -o /dev/null
    expect_rc "final scope: linux allow inside a final deny is an error for $t" 1
    expect_err_has "final scope: linux allow inside a final deny, at the allow ($t)" "pfallow.buckle:2:26: error:"
    expect_err_has "final scope: linux allow inside a final deny, BK2005 ($t)" "allow contradicts a final deny [BK2005"
    run "final scope: linux remove of a final rule ($t)" "$BUCKLE" compile --target $t "$D/pfremove.buckle" -o /dev/null
    expect_rc "final scope: linux remove of a final rule is an error for $t" 1
    expect_err_has "final scope: linux remove of a final rule, at the remove ($t)" "pfremove.buckle:2:33: error:"
    expect_err_has "final scope: linux remove of a final rule, BK2005 ($t)" "cannot remove a final rule [BK2005"
    run "final scope: linux final over an allow ($t)" "$BUCKLE" compile --target $t "$D/pffinal.buckle" -o /dev/null
    expect_rc "final scope: a linux final deny over an allow outside it is an error for $t" 1
    expect_err_has "final scope: linux final over an allow, at the allow ($t)" "pffinal.buckle:2:9: error:"
    expect_err_has "final scope: linux final over an allow, the final rule ($t)" "pffinal.buckle:1:26: note: final deny is here"
    run "final scope: raw allow inside a macos final deny ($t)" "$BUCKLE" compile --target $t "$D/pfraw.buckle" -o /dev/null
    expect_rc "final scope: a raw allow inside a macos block's final deny is an error for $t" 1
    expect_err_has "final scope: raw allow inside a macos final deny ($t)" "pfraw.buckle:3:10: error:"
done
run "final scope: the other platform is named" "$BUCKLE" compile --target sbpl "$D/pfallow.buckle" -o /dev/null
expect_err_has "final scope: on linux" "error: on linux: allow contradicts a final deny"
# said once: a default that moves a linux block's final rule (the compilation
# for macOS sees it already)
run "final scope: default of a linux block's final rule, once" "$BUCKLE" compile "$D/lchild.buckle" -o /dev/null
if [ "$(grep -c 'would move a final rule' "$TMP/err")" = 1 ]; then pass "final scope: a moved default is reported once"
else fail "final scope: a moved default is reported once" "$(cat "$TMP/err")"; fi
printf 'extends "./pfbase";\nplatform linux { files { remove allow read "/nothing"; } }\n' >"$D/pfnone.buckle"
run "final scope: linux remove of nothing" "$BUCKLE" compile "$D/pfnone.buckle" -o /dev/null
expect_rc "final scope: a linux remove that matches nothing is an error on macOS too" 1
expect_err_has "final scope: linux remove of nothing is BK2004" "pfnone.buckle:2:33: error: on linux: remove matches no inherited rule [BK2004"
# names on a parameter: its declared default is a value the check tries, and
# so is the rest of the other rule's name (names have no components)
for t in 'param SVC = "apple";\nmach { deny final lookup prefix "com.$SVC"; allow lookup "com.apple.secd"; }|SVC=apple' \
         'param SVC = "apple";\nmach { deny final lookup prefix "com.$SVC"; allow lookup prefix "com.apple.s"; }|SVC=apple' \
         'param K = "kern";\nsysctl { deny final read prefix "$K."; allow read "kern.boottime"; }|K=kern' \
         'param K = "apple";\nipc { deny final posix-shm prefix "$K."; allow posix-shm "apple.x"; }|K=apple' \
         'param SVC;\nmach { deny final lookup prefix "com.$SVC"; allow lookup prefix "com.apple.s"; }|SVC=apple.s'; do
    printf "${t%|*}\n" >"$D/fname.buckle"
    run "final scope: name on a parameter (${t#*|})" "$BUCKLE" compile "$D/fname.buckle" -o /dev/null
    expect_rc "final scope: ${t%|*} is BK2005" 1
    expect_err_has "final scope: ... with ${t#*|}" "it falls inside the final rule with ${t#*|}"
done
printf 'param SVC = "apple";\nmach { deny final lookup prefix "com.$SVC"; allow lookup prefix "org.x"; allow lookup "co"; }\n' >"$D/fnameok.buckle"
run "final scope: name on a parameter, apart" "$BUCKLE" compile "$D/fnameok.buckle" -o /dev/null
expect_rc "final scope: names that do not meet the final rule compile" 0

# a raw rule built on a parameter meets a final rule for the value that
# completes its written text to the final rule's (every value counts: nothing
# carves a raw rule, and sandbox-exec takes any -D): names and paths, the
# parameter first, last or between texts, final literals, prefixes and regexes
rawcase() {  # NAME EXPECTED-RC SECTION-WITH-FINAL RAW-RULE
    printf 'param S = "zz";\nparam P = "/q";\nfiles { allow read "$P", "/q/$S"; }\n%s\nsbpl """\n%s\n""";\n' "$3" "$4" >"$D/raw-$1.buckle"
    run "final scope: raw $1" "$BUCKLE" compile "$D/raw-$1.buckle" -o /dev/null
    expect_rc "final scope: raw rule on a parameter: $1" "$2"
    [ "$2" = 1 ] && expect_err_has "final scope: raw rule on a parameter: $1 is BK2005" "BK2005"
}
rawcase name-whole 1 'mach { deny final lookup "com.apple.secd"; }' '(allow mach-lookup (global-name (param "S")))'
rawcase name-first 1 'mach { deny final lookup "com.apple.secd"; }' '(allow mach-lookup (global-name (string-append (param "S") ".secd")))'
rawcase name-last 1 'mach { deny final lookup "com.apple.secd"; }' '(allow mach-lookup (global-name (string-append "com.apple." (param "S"))))'
rawcase name-prefix 1 'mach { deny final lookup prefix "com.apple.sec"; }' '(allow mach-lookup (global-name-prefix (string-append "com" (param "S"))))'
rawcase name-between 1 'mach { deny final lookup prefix "com.apple.sec"; }' '(allow mach-lookup (global-name (string-append "com." (param "S") "d")))'
rawcase sysctl 1 'sysctl { deny final read "kern.x"; }' '(allow sysctl-read (sysctl-name (string-append "kern" (param "S"))))'
rawcase posix 1 'ipc { deny final posix-shm "abc"; }' '(allow ipc-posix-shm-read-data (ipc-posix-name (string-append "a" (param "S"))))'
rawcase path-last 1 'files { deny final read "/s/t"; }' '(allow file-read-data (literal (string-append "/s" (param "P"))))'
rawcase path-between 1 'files { deny final read "/s/t"; }' '(allow file-read-data (literal (string-append "/s" (param "P") "/x")))'
rawcase path-literal 1 'files { deny final read literal "/s/t"; }' '(allow file-read-data (literal (string-append "/s" (param "P"))))'
rawcase path-regex 1 'files { deny final read regex "^/s/t"; }' '(allow file-read-data (literal (param "P")))'
rawcase path-regex-first 1 'files { deny final read regex "^/s/t"; }' '(allow file-read-data (subpath (string-append (param "P") "/t")))'
rawcase path-prefix 1 'files { deny final read prefix "/s/t"; }' '(allow file-read-data (literal (string-append "/s" (param "P") "/s/t")))'
rawcase path-elsewhere 0 'files { deny final read "/s/t"; }' '(allow file-read-data (literal (string-append "/u" (param "P"))))'
rawcase name-elsewhere 0 'mach { deny final lookup "com.apple.secd"; }' '(allow mach-lookup (global-name (string-append "org." (param "S"))))'
rawcase path-held-apart 0 'files { deny final read "/s/t"; }' '(allow file-read-data (require-all (literal (string-append "/s" (param "P") "/x")) (require-not (subpath "/s/t"))))'

# a rule inside another form of a verbatim block runs when the form does:
# it is compared with the final rules as a top-level rule is
for w in '(begin %s)' '(if #t %s)' '(when #t %s)' '(let () %s)' '((lambda () %s))' '(for-each (lambda (x) %s) (list 1))'; do
    r=$(printf "$w" '(allow file-read-data (literal "/s/t/k"))')
    printf 'files { allow read "/q"; deny final read "/s/t"; }\nsbpl verbatim """\n%s\n""";\n' "$r" >"$D/nested.buckle"
    run "final scope: nested $w" "$BUCKLE" compile "$D/nested.buckle" -o /dev/null
    expect_rc "final scope: a raw allow nested in $w meets the final deny" 1
    expect_err_has "final scope: ... BK2005 for $w" "BK2005"
done

# two final rules, one a regex: a value is taken from the regex's fixed
# start, so that a parameter that puts the allow inside it is found
for a in 'literal "$P/t/x"' '"$P/x/y/z"'; do
    printf 'param P = "/q";\nfiles { allow read "/"; deny final read regex "^/s/t"; allow final read %s; }\n' "$a" >"$D/rxff.buckle"
    run "final scope: regex final vs final $a" "$BUCKLE" compile "$D/rxff.buckle" -o /dev/null
    expect_rc "final scope: allow final $a inside deny final regex ^/s/t for some P is BK2005" 1
done
printf 'param P = "/q";\nfiles { allow read "/"; deny final read regex "^/s/t$"; allow final read literal "$P/u"; }\n' >"$D/rxff.buckle"
run "final scope: regex final vs final elsewhere" "$BUCKLE" compile "$D/rxff.buckle" -o /dev/null
expect_rc "final scope: ... one that meets it for no value compiles" 0

# a raw exec allow (with no-sandbox) runs its program outside any sandbox:
# beside a final deny it is BK2005, whatever the deny covers
printf 'files { allow read "/"; deny final read "/s"; }\nsbpl """\n(allow process-exec (literal "/bin/sh") (with no-sandbox))\n""";\n' >"$D/nosb.buckle"
run "final scope: no-sandbox" "$BUCKLE" compile "$D/nosb.buckle" -o /dev/null
expect_rc "final scope: a raw exec with no-sandbox beside a final deny is an error" 1
expect_err_has "final scope: ... BK2005 saying why" "runs a program with no-sandbox, outside every final deny"
printf 'files { allow read "/"; deny read "/s"; }\nsbpl """\n(allow process-exec (literal "/bin/sh") (with no-sandbox))\n""";\n' >"$D/nosb2.buckle"
run "final scope: no-sandbox, no final" "$BUCKLE" compile "$D/nosb2.buckle" -o /dev/null
expect_rc "final scope: ... without final rules it compiles (lint judges it)" 0

# a regex final over names against a name prefix: BK2005 when some name that
# starts with the prefix holds a match (com.apple.tcc, com.secd), not when
# none does (the regex ends at "sec", the prefix goes on; another start)
for t in 'mach { deny final lookup regex "^com\\.apple\\.(sec|tcc)"; allow lookup prefix "com.apple.t"; }' \
         'mach { deny final lookup regex "secd$"; allow lookup prefix "com."; }' \
         'sysctl { deny final read regex "^kern\\.(boot|os)"; allow read prefix "kern.b"; }' \
         'mach { deny final lookup regex "^com\\.apple\\.sec$"; allow lookup prefix "com.apple.se"; }'; do
    printf '%s\n' "$t" >"$D/fnre.buckle"
    run "final scope: name regex and prefix meet" "$BUCKLE" compile "$D/fnre.buckle" -o /dev/null
    expect_rc "final scope: $t is BK2005" 1
    expect_err_has "final scope: $t: the allow" "allow contradicts a final deny [BK2005"
done
printf '%s\n' 'mach { deny final lookup regex "^com\\.apple\\.sec$"; allow lookup prefix "com.apple.secd"; allow lookup prefix "org."; deny final lookup regex "^a$|^b"; allow lookup prefix "d"; }' >"$D/fnreok.buckle"
run "final scope: name regex and prefix apart" "$BUCKLE" compile "$D/fnreok.buckle" -o /dev/null
expect_rc "final scope: a prefix no name of which the final regex matches compiles" 0

# two final rules without parameters: whether they meet is decided on the
# strings both match, so an unanchored regex with an escape or a class
# meets a subpath or prefix below which it matches (/s/a.key)
for re in '\\.key$' '\\.key' 'a\\.key$' '[.]key$' 'x\\.y' '\\.'; do
    for a in '"/s"' 'prefix "/s"'; do
        printf 'files { allow read "/"; deny final read regex "%s"; allow final read %s; }\n' "$re" "$a" >"$D/unanch.buckle"
        run "final scope: unanchored $re vs $a" "$BUCKLE" compile "$D/unanch.buckle" -o /dev/null
        expect_rc "final scope: allow final $a meets deny final regex $re: BK2005" 1
        expect_err_has "final scope: ... BK2005 for $re vs $a" "BK2005"
    done
done
printf 'network { deny final unix-connect regex "\\\\.sock$"; allow final unix-connect "/var/run"; }\n' >"$D/unanch.buckle"
run "final scope: unanchored socket regex" "$BUCKLE" compile "$D/unanch.buckle" -o /dev/null
expect_rc "final scope: allow final unix-connect /var/run meets deny final regex .sock$" 1
# and one that no path under the allow matches compiles
for re in '^/q/\\.key$' '^/sx' '/s//x'; do
    printf 'files { allow read "/"; deny final read regex "%s"; allow final read "/s"; }\n' "$re" >"$D/unanch.buckle"
    run "final scope: regex $re beside /s" "$BUCKLE" compile "$D/unanch.buckle" -o /dev/null
    expect_rc "final scope: deny final regex $re meets no path of allow final /s: it compiles" 0
done

# the metadata a final write, exec or other allow implies below its path is
# a traversal rule: a final deny decides over it (withheld, BK4009), and a
# more specific deny inside wins as it does for an allow that is not final
subcase() {
    printf '%s\n' "$1" >"$D/sub.buckle"
    run "final scope: implied metadata: $1" "$BUCKLE" query "$D/sub.buckle" files metadata "$2"
    expect_out_has "final scope: implied metadata of a final allow loses: $1" "deny $2"
    expect_out_has "final scope: ... compiled SBPL agrees: $1" "compiled SBPL agrees"
}
subcase 'files { allow read "/"; deny final read "/a"; allow final file-write-data "/a/b"; }' /a/b/x
subcase 'files { allow read "/"; deny final read "/a"; } process { allow final exec "/a/b"; }' /a/b/x
subcase 'files { allow read "/"; deny final read "/a"; allow final file-write-data regex "^/a/b/"; }' /a/b/x
subcase 'files { allow read "/"; deny final metadata glob "/a/**"; allow final file-write-data glob "/a/b/**"; }' /a/b/x
subcase 'files { allow final file-read-xattr "/a/b/c"; deny final metadata "/a"; }' /a/b/c/x/y
subcase 'files { allow final file-read-data prefix "/a/b"; deny final metadata "/a"; }' /a/b/c/x/y
subcase 'files { allow final file-write-times "/a/b/c"; deny final read "/a"; }' /a/b/c/x/y
subcase 'files { allow final write "/a/b"; deny metadata "/a/b/c"; }' /a/b/c/x
printf 'files { allow read "/"; deny final read "/a"; allow final file-write-data "/a/b"; }\n' >"$D/sub.buckle"
run "final scope: implied metadata withheld" "$BUCKLE" compile "$D/sub.buckle" -o /dev/null
expect_rc "final scope: implied metadata withheld: compiles" 0
expect_err_has "final scope: the withheld metadata below a final allow is reported" 'traversal of subpath "/a/b" is withheld: a final deny covers it'
printf 'files { allow final write "/a/b"; }\n' >"$D/sub.buckle"
run "final scope: implied metadata kept" "$BUCKLE" query "$D/sub.buckle" files metadata /a/b/c
expect_out_has "final scope: with no deny the metadata below a final write is allowed" "allow /a/b/c"

# two final rules: a value is also solved from the other rule's strings
# (its text, a pattern's fixed start and samples), with the other
# parameters at their values or at one of their candidates
ffcase() {
    printf 'param P = "/q";\nparam S = "zz";\n%s\n' "$2" >"$D/ff2.buckle"
    run "final scope: final vs final: $2" "$BUCKLE" compile "$D/ff2.buckle" -o /dev/null
    expect_rc "final scope: final vs final, meets for some value ($1): $2" "$1"
    [ "$1" = 1 ] && expect_err_has "final scope: ... names the values: $2" "it meets the final rule with"
}
ffcase 1 'files { allow read "/"; deny final read literal "/s/$S"; allow final read "$P/t/x"; }'
ffcase 1 'files { allow read "/"; deny final read glob "$P/t/*"; allow final read literal "$P/$S"; }'
ffcase 1 'files { allow read "/"; deny final read literal "~/$S"; allow final read "~/t/x"; }'
ffcase 1 'mach { deny final lookup regex "secd$"; allow final lookup "${S}d"; }'
ffcase 1 'files { allow read "/"; deny final read "$P/t"; allow final read regex "^/s/t/x"; }'
ffcase 1 'mach { deny final lookup regex "^com\\.apple\\.sec"; allow final lookup "com.apple.$S"; }'
ffcase 1 'files { allow read "/"; deny final read glob "/s/*/x"; allow final read "/s/t/$S"; }'
ffcase 0 'files { allow read "/"; deny final read literal "/s/$S"; allow final read "/u/$S"; }'
ffcase 0 'mach { deny final lookup regex "secd$"; allow final lookup "${S}x"; }'
# a parameter glued inside a component, the other rule's text completing
# it (text after it too, a regex's too), and a parameter of the other rule
# that puts it on this one's written start
ffglued() {
    printf 'param P;\nparam D;\nfiles {\n    allow read "/Users";\n    %s;\n    %s;\n}\n' "$1" "$2" >"$D/glued.buckle"
    run "final scope: glued: $1 / $2" "$BUCKLE" compile "$D/glued.buckle" -o /dev/null
    expect_rc "final scope: glued: $2 meets $1 for some value: BK2005" 1
    expect_err_has "final scope: glued: ... names the values: $1 / $2" "it meets the final rule with"
}
ffglued 'deny final read "/a/bc"' 'allow final read regex "^/a/b${D}/x"'
ffglued 'deny final read "/a/bc"' 'allow final read regex "^/a/${D}c/x"'
ffglued 'deny final read "/a/bc"' 'allow final read regex "^/a/b${D}$"'
ffglued 'deny final read "/a/bcd"' 'allow final read regex "^/a/b${D}d/x"'
ffglued 'deny final read "~/.ssh"' 'allow final read regex "^${HOME}/\\.s${D}/x"'
ffglued 'deny final read "/a/bc"' 'allow final read "/a/${D}c/x"'
ffglued 'deny final read "/a/bc"' 'allow final read glob "/a/b${D}x/k"'
ffglued 'deny final read "$P/bc"' 'allow final read "/a/b$D/x"'
ffglued 'deny final read "$P/bc"' 'allow final read "$P$D/x"'
ffglued 'deny final read "$P/bc"' 'allow final read glob "/a/*$D/k"'
# a raw rule whose parameter is followed by text that continues past the
# final path: the value that completes it ("$HOME/" + D + "sh/id_rsa"
# against "~/.ssh": D=.s), the other parameters at their values
rawglued() {
    printf 'param D;\nfiles {\n    allow read "/usr";\n    %s;\n}\nsbpl """\n(allow file-read-data (subpath (string-append %s)))\n""";\n' "$1" "$2" >"$D/rawglued.buckle"
    run "final scope: raw glued: $2" "$BUCKLE" compile "$D/rawglued.buckle" -o /dev/null
    expect_rc "final scope: raw glued: $2 meets $1 for some value: BK2005" 1
    expect_err_has "final scope: raw glued: ... names the values: $2" "they meet with"
}
rawglued 'deny final read "~/.ssh"' '(param "HOME") "/" (param "D") "sh/id_rsa"'
rawglued 'deny final read "/a/bc"' '"/a/" (param "D") "c/x"'
# a glob whose first component values make /tmp ("/t$USER" with USER=mp)
# is matched under /private as well: it meets a final glob there, also
# with -D
ffglued 'deny final read glob "/private/tmp/b/*"' 'allow final read glob "/t${USER}/b/*"'
run "final scope: glued glob, -D USER=mp" "$BUCKLE" compile -D USER=mp "$D/glued.buckle" -o /dev/null
expect_rc "final scope: glued glob, -D USER=mp: BK2005 as symbolically" 1

# a pattern without parameters that outranks a final subpath or prefix is
# BK2005 where some path matches both, though its fixed part lies beside it
for f in 'prefix "/tm"' '"/private/tmp"' '"/tmp"'; do
    printf 'files { allow read "/"; deny final read %s; allow read glob "/private/tm*/x"; }\n' "$f" >"$D/b7.buckle"
    run "final scope: glob beside the alias of $f" "$BUCKLE" compile "$D/b7.buckle" -o /dev/null
    expect_rc "final scope: allow glob /private/tm*/x meets deny final $f on /private/tmp/x: BK2005" 1
done
printf 'files { allow read "/"; deny final read "/private/tmp"; allow read glob "/private/tmq*/x"; }\n' >"$D/b7.buckle"
run "final scope: glob beside /private/tmp, disjoint" "$BUCKLE" compile "$D/b7.buckle" -o /dev/null
expect_rc "final scope: allow glob /private/tmq*/x meets no path of deny final /private/tmp" 0

# a derived parameter (NAME.dir, NAME.re, ...) in a raw rule is read as its
# parameter's value in that form
rawcase derived-dir 1 'files { deny final read "/s/t"; }' '(allow file-read-data (literal (string-append (param "P.dir") "t")))'
rawcase derived-re 1 'mach { deny final lookup "com.apple.secd"; }' '(allow mach-lookup (global-name (string-append "com.apple." (param "S.re"))))'
rawcase derived-pdir 1 'files { deny final read prefix "/s/t"; }' '(allow file-read-data (literal (string-append "/s" (param "P.pdir") "/s/t")))'
rawcase derived-elsewhere 0 'files { deny final read "/s/t"; }' '(allow file-read-data (literal (string-append "/u" (param "P.dir") "t")))'
# no-profile is no-sandbox's other name; process-exec-interpreter runs a
# program too; a no-sandbox modifier bound to a name or given by
# with-modifier, and allow used as a value, are what the check cannot follow
for r in '(allow process-exec (literal "/bin/sh") (with no-profile))' \
         '(allow process-exec-interpreter (literal "/bin/sh") (with no-sandbox))' \
         '(define ns (with no-sandbox)) (allow process-exec (literal "/bin/sh") ns)' \
         '(with-modifier (with no-sandbox) (allow process-exec (literal "/bin/sh")))' \
         '(define grant allow) (grant file-read-data (subpath "/s"))' \
         '(let ((a allow)) (a file-read-data (subpath "/s")))' \
         '(apply allow (list (quote file-read-data)))' \
         '(define x file-read-data) (allow x (subpath "/s"))' \
         '(define (g op) (allow op (subpath "/s"))) (g file-read-data)' \
         '(allow (if #t file-read-data file-write-data) (subpath "/s"))' \
         '(allow (quote file-read-data) (subpath "/s"))'; do
    printf 'files { allow read "/q"; deny final read "/s"; }\nsbpl verbatim """\n%s\n""";\n' "$r" >"$D/esc.buckle"
    run "final scope: escape $r" "$BUCKLE" compile "$D/esc.buckle" -o /dev/null
    expect_rc "final scope: $r beside a final deny is an error" 1
    expect_err_has "final scope: ... BK2005 for $r" "BK2005"
done
printf 'files { allow read "/q"; deny final read "/s"; }\nsbpl verbatim """\n(begin (allow file-read-data (literal "/q/a")))\n(allow file-read-data (literal "/q/b") (with report))\n""";\n' >"$D/esc-ok.buckle"
run "final scope: ordinary verbatim" "$BUCKLE" compile "$D/esc-ok.buckle" -o /dev/null
expect_rc "final scope: a nested rule and an ordinary modifier, both outside the final deny, compile" 0
# a file a verbatim block imports is read where buckle can read it (a path,
# a name in the profile's directory), and its rules are the block's own
mkdir -p "$D/imp"
printf '(allow file-read-data (subpath "/s/t"))\n' >"$D/imp/evil.sb"
printf '(allow process-exec (literal "/bin/sh") (with no-profile))\n' >"$D/imp/ns.sb"
printf '(import "ns.sb")\n' >"$D/imp/chain.sb"
for i in "\"$D/imp/evil.sb\"" '"evil.sb"' '"chain.sb"'; do
    printf 'files { allow read "/q"; deny final read "/s"; }\nsbpl verbatim """\n(if #t (import %s))\n""";\n' "$i" >"$D/imp/main.buckle"
    run "final scope: import $i" "$BUCKLE" compile "$D/imp/main.buckle" -o /dev/null
    expect_rc "final scope: (import $i) of a file with a rule against a final deny is an error" 1
    expect_err_has "final scope: ... BK2005 at the import for $i" "main.buckle:3:8: error: this raw sbpl allow"
    expect_err_has "final scope: ... naming the imported file for $i" "which the block imports"
done
printf 'files { allow read "/q"; deny final read "/s"; }\nsbpl verbatim """\n(import "no-such-file.sb")\n""";\n' >"$D/imp/missing.buckle"
run "final scope: import unreadable" "$BUCKLE" compile "$D/imp/missing.buckle" -o /dev/null
expect_rc "final scope: an import buckle cannot read beside a final rule is an error" 1
expect_err_has "final scope: ... BK2005" "imports a file buckle cannot read"
