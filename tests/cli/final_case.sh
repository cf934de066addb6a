# final_case.sh - a final deny of creating a path holds in every case of its
# letters on macOS (docs/language.md, "Final rules and case"): a volume is
# case-insensitive by default there, so ".MCP.JSON" made in the project is
# the file a tool's later lookup of ".mcp.json" finds.  Linux volumes
# compare names byte for byte: nothing is added there.
. tests/lib.sh
D=$(scratch_dir final_case)

# answers LABEL FILE: each "OP OBJECT WANT" line of stdin asked of FILE
# with buckle query: the answer is WANT, and the compiled SBPL agrees
answers() {
    while read op obj want; do
        run "final case: $1 $op $obj" "$BUCKLE" query "$2" files "$op" "$obj"
        expect_out_has "final case: $1: $op $obj is $want" "$want $obj"
        expect_out_has "final case: $1: $op $obj: the compiled SBPL agrees" "compiled SBPL agrees"
    done
}
printf 'extends "std/agent";\n' >"$D/agent.buckle"
for p in .MCP.JSON .Mcp.json .VSCODE/tasks.json .Claude/settings.json .GIT/config .CURSOR/mcp.json; do
    run "final case: std/agent create $p" "$BUCKLE" query -I corpus "$D/agent.buckle" files file-write-create "\$WORKDIR/$p"
    expect_out_has "final case: std/agent denies creating $p" "deny /Users/test/project/$p"
    expect_out_has "final case: ... by the rule in every case ($p)" "in every case of its letters"
    expect_out_has "final case: ... and the compiled SBPL agrees ($p)" "compiled SBPL agrees"
done
for p in README.md .gitignore .github/workflows/ci.yml .claude2 src/MCP.JSON; do
    run "final case: std/agent create $p" "$BUCKLE" query -I corpus "$D/agent.buckle" files file-write-create "\$WORKDIR/$p"
    expect_out_has "final case: std/agent lets the agent create $p" "allow /Users/test/project/$p"
done
# a parameter's value is a path that exists: compared as written, and its
# regex metacharacters quoted
run "final case: -D" "$BUCKLE" query -I corpus -D WORKDIR=/Users/me/a.b+c "$D/agent.buckle" files file-write-create /Users/me/a.b+c/.Mcp.Json
expect_out_has "final case: with -D WORKDIR=/Users/me/a.b+c, .Mcp.Json is denied" "deny /Users/me/a.b+c/.Mcp.Json"
expect_out_has "final case: ... and the compiled SBPL agrees (-D)" "compiled SBPL agrees"

cat >"$D/own.buckle" <<'P'
files {
    allow write "/w";
    deny final write literal "/w/.git";
    deny final write glob "/w/[a-c]x/**";
    deny final write regex "^/w/(foo|ba[rz])$";
    deny final file-write-data "/w/data";
}
P
answers "own" "$D/own.buckle" <<'Q'
file-write-create /w/.GIT deny
file-write-create /w/.gIt deny
file-write-create /W/.git deny
file-write-create /w/.git/HEAD allow
file-write-create /w/.gitx allow
file-write-create /w/BX/k deny
file-write-create /w/Cx deny
file-write-create /w/dX/k allow
file-write-create /w/FOO deny
file-write-create /w/BAZ deny
file-write-create /w/BAQ allow
file-write-create /w/FOO/x allow
file-write-create /w/DATA deny
file-write-data /w/GIT allow
Q
run "final case: sbpl" "$BUCKLE" compile "$D/own.buckle"
expect_out_has "final case: the output denies creating /w/.git in every case" '(deny file-write-create (regex "^/[wW]/\\.[gG][iI][tT]$"))'
expect_out_has "final case: a bracket range gets its other case" '[A-Ca-c][Xx]'
# Linux: byte for byte
run "final case: linux" "$BUCKLE" compile --target landlock "$D/own.buckle"
expect_rc "final case: the Landlock plan compiles" 0
expect_out_lacks "final case: on Linux nothing is folded" "[gG]"
# a negated class matches the other case of the letters it leaves out:
# folded, it leaves out only what it leaves out in both cases
cat >"$D/neg.buckle" <<'P'
files {
    allow read "/";
    allow write "~";
    deny final write glob "~/x[!a]y", glob "~/w[!aA]v";
    deny final write regex "^${HOME}/q[^a-c]z$";
}
P
answers "negated" "$D/neg.buckle" <<'Q'
file-write-create /Users/test/xAy deny
file-write-create /Users/test/xay deny
file-write-create /Users/test/wav allow
file-write-create /Users/test/wAv allow
file-write-create /Users/test/wbv deny
file-write-create /Users/test/qbz deny
file-write-create /Users/test/qBz deny
Q
# a glob negates with '^' as with '!': folded to one character of one
# component either way, a regex's to any character
cat >"$D/caret.buckle" <<'P'
files {
    allow read "/";
    allow write "~";
    deny final write glob "~/x[^a]y", glob "~/r[^a-c]s", glob "~/t[!a]u";
    deny final write regex "^${HOME}/m[^a]n$";
}
P
answers "caret" "$D/caret.buckle" <<'Q'
file-write-create /Users/test/xAy deny
file-write-create /Users/test/xay deny
file-write-create /Users/test/x.y deny
file-write-create /Users/test/x/y allow
file-write-create /Users/test/rbs deny
file-write-create /Users/test/rBs deny
file-write-create /Users/test/tau deny
file-write-create /Users/test/mAn deny
file-write-create /Users/test/man deny
Q
run "final case: caret sbpl" "$BUCKLE" compile "$D/caret.buckle"
expect_out_lacks "final case: a glob's [^a] is not folded to a literal dot" '[Xx]\\.[Yy]'
# a hard link is a name made too: a final deny of linking the path holds in
# every case (a read final denies linking its path); the docs' way to keep
# a missing read-final path from being made at all holds in every case
cat >"$D/link.buckle" <<'P'
files {
    allow read "/";
    allow file* "~";
    deny final read literal "~/.pypirc";
    deny final read literal "~/.netrc";
    deny final file-write-create "~/.netrc";
}
P
answers "link" "$D/link.buckle" <<'Q'
file-link /Users/test/.pypirc deny
file-link /Users/test/.PYPIRC deny
file-link /Users/test/.PyPirc deny
file-link /Users/test/x allow
file-write-create /Users/test/.pypirc allow
file-write-create /Users/test/.NETRC deny
file-write-create /Users/test/.netrc deny
file-link /Users/test/.Netrc deny
Q
# the compact output folds the folded paths into a few regexes as it does
# concrete paths: a subpath's fold is anchored at both ends
printf 'extends "std/agent";\n' >"$D/bare.buckle"
run "final case: compact" "$BUCKLE" compile -I corpus --compact -D HOME=/Users/me -D WORKDIR=/Users/me/p -D TMPDIR=/private/var/folders/x/T "$D/bare.buckle"
expect_rc "final case: compact compiles" 0
expect_out_lacks "final case: no subpath fold is left unanchored" '(/|$)")'
expect_out_lacks "final case: no folded subpath is left alone" '(regex "^/Users/me/p/\\.[cC][lL][aA][uU][dD][eE](/.*)?$")'
# the fold of a final path is decided by its own rule: an implied deny of
# the same path for another final rule (an ancestor's) never takes its
# place, in either order, symbolically and with -D alike
for order in 1 2; do
    if [ $order = 1 ]; then a='deny final write literal "/r/a/b";'; b='deny final file-write-data literal "/r/a";'
    else a='deny final file-write-data literal "/r/a";'; b='deny final write literal "/r/a/b";'; fi
    printf 'default allow;\nfiles {\n    %s\n    %s\n}\n' "$a" "$b" >"$D/order$order.buckle"
    run "final case: order $order" "$BUCKLE" query "$D/order$order.buckle" files file-write-create /r/A
    expect_out_has "final case: order $order: creating /r/A is denied" "deny /r/A"
    expect_out_has "final case: ... the compiled SBPL agrees (order $order)" "compiled SBPL agrees"
    if [ $order = 1 ]; then a='deny final read subpath "$P/b";'; b='deny final read literal "/r";'
    else a='deny final read literal "/r";'; b='deny final read subpath "$P/b";'; fi
    printf 'param P;\ndefault allow;\nfiles {\n    %s\n    %s\n}\n' "$a" "$b" >"$D/rorder$order.buckle"
    run "final case: read order $order, -D" "$BUCKLE" query --vnode-type DIRECTORY -D P=/r/a "$D/rorder$order.buckle" files file-write-create /R
    expect_out_has "final case: read order $order: making /R a directory is denied with -D" "deny /R"
    expect_out_has "final case: ... the compiled SBPL agrees (read order $order)" "compiled SBPL agrees"
    run "final case: read order $order, symbolic" "$BUCKLE" compile "$D/rorder$order.buckle"
    expect_out_has "final case: read order $order: the symbolic output folds /r" '"^/[rR]$"'
done
# a folded deny ranks as the path it folds: a final allow above it does not
# outrank it
cat >"$D/rank.buckle" <<'P'
default deny;
files {
    allow final write "/q";
    deny final read "/q/s";
}
P
run "final case: rank" "$BUCKLE" query --vnode-type SYMLINK "$D/rank.buckle" files file-write-create /q/S
expect_out_has "final case: a link at /q/S is denied beside allow final write \"/q\"" "deny /q/S"
expect_out_has "final case: ... the compiled SBPL agrees (rank)" "compiled SBPL agrees"
# a value may put the path under /private: the fold takes it there too
printf 'param D;\nparam P;\nparam X;\ndefault allow;\nfiles {\n    deny final write literal "/$D/y", literal "$P/etc/k", literal "/t$X/q";\n}\n' >"$D/alias.buckle"
while read obj want; do
    run "final case: alias $obj" "$BUCKLE" query -D D=tmp -D P=/ -D X=mp "$D/alias.buckle" files file-write-create "$obj"
    expect_out_has "final case: alias: creating $obj is $want" "$want $obj"
    expect_out_has "final case: ... the compiled SBPL agrees (alias $obj)" "compiled SBPL agrees"
done <<'Q'
/private/tmp/Y deny
/private/etc/K deny
/private/tmp/Q deny
/private/tmp/z allow
Q
run "final case: alias symbolic" "$BUCKLE" compile "$D/alias.buckle"
expect_out_has "final case: the symbolic fold takes /private too" '"^(/private)?/"'
# a '-' last in a class is a member: the other cases go before it ([a-]
# folds to [aA-], not the range [a-A]); a negated class leaves '\' out of
# what it excludes (the fold then denies more, never less)
cat >"$D/dash.buckle" <<'P'
default allow;
files {
    deny final write glob "~/.config/[a-]x";
    deny final write regex "^/r/[a-]x$";
    deny final write glob "/s/[a-z-]y";
    deny final write regex "^/u/[^X-b]x$";
}
P
while read obj want; do
    run "final case: dash $obj" "$BUCKLE" query -D HOME=/Users/test "$D/dash.buckle" files file-write-create "$obj"
    expect_out_has "final case: dash: creating $obj is $want" "$want $obj"
    expect_out_has "final case: ... the compiled SBPL agrees (dash $obj)" "compiled SBPL agrees"
done <<'Q'
/Users/test/.config/Ax deny
/Users/test/.config/-X deny
/r/AX deny
/r/-X deny
/s/-Y deny
/s/QY deny
/s/Q-Y allow
/u/Cx deny
/u/AX deny
Q
run "final case: dash symbolic" "$BUCKLE" compile "$D/dash.buckle"
expect_out_lacks "final case: no reversed range in a fold" 'a-A'
# two final rules that meet in another case of the letters meet: BK2005 as
# on one path, and the note names the value where a parameter is in it;
# without an error the output would carve /q/S out of the fold of /q/s
while read name value allow deny; do
    printf 'param P;\ndefault deny;\nfiles {\n    allow final %s;\n    deny final %s;\n}\n' \
        "$(echo "$allow" | tr _ ' ')" "$(echo "$deny" | tr _ ' ')" >"$D/meet-$name.buckle"
    if [ "$value" = - ]; then run "final case: meet $name" "$BUCKLE" compile "$D/meet-$name.buckle"
    else run "final case: meet $name" "$BUCKLE" compile -D "P=$value" "$D/meet-$name.buckle"; fi
    expect_rc "final case: meet $name: BK2005" 1
    expect_err_has "final case: meet $name: in another case" "in another case of its letters [BK2005"
done <<'Q'
lit - write_literal_"/q/S" read_"/q/s"
link - file-link_literal_"/q/S" read_"/q/s"
deeper - write_"/q/S/x" write_"/q/s"
same - write_"/q/S" write_"/q/s"
param /q write_"$P/S/x" write_"/q/s"
below /q/S/x write_"$P" write_"/q/s"
Q
expect_err_has "final case: meet: the note names the value" "it meets the final rule with P=/q/S/x"
# a value that may make the first component, glued to text after it or
# followed by a component a value makes ("${P}p/b", P=/tm; "$P/$D/b", P=/,
# D=tmp): the fold holds under /private too, for every value
while read name defs path obj; do
    printf 'param P;\nparam D;\nfiles {\n    allow write "/";\n    deny final write "%s";\n}\n' "$path" >"$D/glued-$name.buckle"
    defs=$(echo "$defs" | tr _ ' ')
    # shellcheck disable=SC2086
    run "final case: glued $name" "$BUCKLE" query $defs "$D/glued-$name.buckle" files file-write-create "$obj"
    expect_out_has "final case: glued $name: creating $obj is denied" "deny $obj"
    expect_out_has "final case: glued $name: the compiled SBPL agrees" "compiled SBPL agrees"
done <<'Q'
tm -D_P=/tm_-D_D=x ${P}p/b /private/tmp/B
t -D_P=/t_-D_D=x ${P}mp/b /private/tmp/B
et -D_P=/et_-D_D=x ${P}c/b /private/etc/B
va -D_P=/va_-D_D=x ${P}r/b /private/var/B
pd -D_P=/t_-D_D=mp $P$D/b /private/tmp/B
root -D_P=/_-D_D=tmp $P/$D/b /private/tmp/B
home -D_HOME=/_-D_D=tmp_-D_P=x ~/$D/b /private/tmp/B
Q
# A first component in another case of /tmp, /var or /etc is the link on a
# case-insensitive volume ("/TMP/secret" is /private/tmp/secret to the
# kernel), and a final deny holds for every operation in every case of its
# letters ("/private/ETC/passwd2" is /private/etc/passwd2), for every value
# of a parameter that makes the first component (D=TMP), symbolically too
cat >"$D/alias.buckle" <<'P'
param D;
files {
    allow read "/private/tmp";
    allow write "/private/tmp";
    allow write "/private/etc";
    allow read "/q";
    deny final read "/TMP/secret";
    deny final write "/Tmp/hook";
    deny final write glob "/T*/z";
    deny final write literal "/private/ETC/passwd2";
    deny final write "/$D/hook2";
    deny final read "/q/.SSH";
}
P
while read name defs op obj want; do
    defs=$(echo "$defs" | tr _ ' ')
    # shellcheck disable=SC2086
    run "final case: alias $name" "$BUCKLE" query $defs "$D/alias.buckle" files "$op" "$obj"
    expect_out_has "final case: alias $name: $op $obj is $want" "$want $obj"
    expect_out_has "final case: alias $name: the compiled SBPL agrees" "compiled SBPL agrees"
done <<'Q'
read -D_D=x file-read-data /private/tmp/secret deny
readcase -D_D=x file-read-data /private/tmp/SECRET deny
write -D_D=x file-write-data /private/tmp/hook deny
create -D_D=x file-write-create /private/tmp/HOOK deny
glob -D_D=x file-write-data /private/tmp/z deny
etc -D_D=x file-write-data /private/etc/passwd2 deny
ssh -D_D=x file-read-data /q/.ssh/id_rsa deny
dtmp -D_D=TMP file-write-data /private/tmp/hook2 deny
dtmpc -D_D=Tmp file-write-create /private/tmp/HOOK2 deny
dlow -D_D=tmp file-write-create /private/tmp/Hook2 deny
other -D_D=x file-write-data /private/tmp/other allow
dother -D_D=x file-write-data /private/tmp/hook2 allow
Q
run "final case: alias -D D=TMP" "$BUCKLE" compile -D D=TMP "$D/alias.buckle" -o -
expect_out_has "final case: alias -D D=TMP: the path is under /private" '(deny file-write* (subpath "/private/tmp/hook2"))'
expect_out_has "final case: alias: /TMP/secret is under /private" '(deny file-read* (subpath "/private/tmp/secret"))'
expect_out_lacks "final case: alias: no rule names /TMP" '"/TMP'
run "final case: alias symbolic" "$BUCKLE" compile "$D/alias.buckle" -o -
expect_out_has "final case: alias symbolic: the fold reads D in every case" '(param "D.fold")'
expect_out_has "final case: alias symbolic: the header says what D.fold is" 'NAME.fold is NAME.re in every case'

# letters beyond ASCII: a case-insensitive volume folds them too
cat >"$D/utf8.buckle" <<'P'
files {
    allow write "/q";
    allow read "/q";
    deny final write "/q/u/é";
    deny final write "/q/g/σ";
    deny final write "/q/c/жук";
    deny final write "/q/a/ÿ";
    deny final write glob "/q/w/é*";
    deny final write "/q/b/ǆ";
    deny final write "/q/k/β";
    deny final read "/q/t/θ";
    deny final write "/q/e/ε";
    deny final write "/q/x/κπρφ";
    deny final write "/q/m/μ";
}
P
answers "utf8" "$D/utf8.buckle" <<'Q'
file-write-create /q/u/É deny
file-write-data /q/u/É deny
file-write-create /q/g/Σ deny
file-write-create /q/g/ς deny
file-write-create /q/c/ЖУК deny
file-write-create /q/a/Ÿ deny
file-write-create /q/w/Éx deny
file-write-create /q/b/Ǆ deny
file-write-create /q/u/e allow
file-write-create /q/c/жуки allow
file-write-create /q/k/ϐ deny
file-write-create /q/k/Β deny
file-read-data /q/t/ϑ deny
file-read-data /q/t/ϴ deny
file-read-data /q/t/ϑ/k deny
file-write-create /q/e/ϵ deny
file-write-create /q/x/ϰϖϱϕ deny
file-write-create /q/x/ΚΠΡΦ deny
file-write-create /q/m/µ deny
file-write-create /q/k/γ allow
file-read-data /q/t/ι allow
Q
# a letter's whole fold class, where the path follows a parameter, symbolic and with -D
cat >"$D/greek.buckle" <<'P'
param P;
files {
    allow write "/q";
    allow read "/q";
    deny final write "$P/β";
    deny final read "$P/θ";
}
P
run "final case: greek symbolic" "$BUCKLE" compile "$D/greek.buckle" -o -
expect_out_has "final case: greek symbolic: β folds to its class" '(param "P.re") "/(β|Β|ϐ)(/.*)?$"'
expect_out_has "final case: greek symbolic: θ folds to its class" '(param "P.re") "/(θ|Θ|ϑ|ϴ)(/.*)?$"'
run "final case: greek -D" "$BUCKLE" compile -D P=/q "$D/greek.buckle" -o -
expect_out_has "final case: greek -D: β folds to its class" '(regex "^/q/(β|Β|ϐ)(/.*)?$")'
while read op obj want; do
    run "final case: greek -D $op $obj" "$BUCKLE" query -D P=/q "$D/greek.buckle" files "$op" "$obj"
    expect_out_has "final case: greek -D $op $obj is $want" "$want $obj"
    expect_out_has "final case: greek -D $op $obj: the compiled SBPL agrees" "compiled SBPL agrees"
done <<'Q'
file-write-create /q/ϐ deny
file-read-data /q/ϴ/k deny
file-read-data /q/ϑ deny
file-write-create /q/γ allow
file-read-data /q/ι allow
Q
