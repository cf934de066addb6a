# final_moves.sh - a final path deny also denies moving the path away
# (docs/language.md, "A final path cannot be moved away"): renaming
# (file-write-unlink) or cloning a directory that holds it, renaming,
# linking or cloning the path itself; for a write deny, renaming an
# ancestor away or making one (a prepared tree renamed into its place).
# query's model and the compiled SBPL agree, symbolically and with -D.
. tests/lib.sh
D=$(scratch_dir final_moves)

# the user's own final read deny beside a write grant of the home
printf 'files {\n    allow read "/usr";\n    allow write "~";\n    deny final read "~/secrets/key";\n}\n' >"$D/home.buckle"
run "final moves: home grant compiles" "$BUCKLE" compile "$D/home.buckle" -o "$D/home.sb"
expect_rc "final moves: allow write ~ is less specific than the implied denies: it compiles" 0
for p in '~/secrets' '~/secrets/key' '~' /Users /; do
    for def in "" "-D HOME=/Users/test"; do
        # shellcheck disable=SC2086
        run "final moves: unlink $p $def" "$BUCKLE" query $def "$D/home.buckle" files file-write-unlink "$p"
        expect_out_has "final moves: renaming $p (which holds ~/secrets/key) is denied $def" "deny "
        expect_out_has "final moves: ... compiled SBPL agrees ($p $def)" "compiled SBPL agrees"
    done
done
run "final moves: unlink names the rule" "$BUCKLE" query "$D/home.buckle" files file-write-unlink '~/secrets'
expect_out_has "final moves: the implied rule is named as such" "a final path is not moved, linked or cloned away"
run "final moves: other files" "$BUCKLE" query "$D/home.buckle" files file-write-unlink '~/notes/x'
expect_out_has "final moves: other files of the home stay removable" "allow /Users/test/notes/x"
run "final moves: sibling" "$BUCKLE" query "$D/home.buckle" files file-write-unlink '~/secrets/other'
expect_out_has "final moves: a sibling of the final path stays removable" "allow /Users/test/secrets/other"

# an allow as specific as an implied deny is BK2005
printf 'files {\n    allow write literal "~/secrets";\n    deny final read "~/secrets/key";\n}\n' >"$D/lit.buckle"
run "final moves: literal ancestor" "$BUCKLE" compile "$D/lit.buckle" -o /dev/null
expect_rc "final moves: allowing ~/secrets itself to be written (renamed) is refused" 1
expect_err_has "final moves: ... BK2005" "allow contradicts a final deny [BK2005"
printf 'files {\n    allow file-clone literal "/v";\n    deny final read "/v/k";\n}\n' >"$D/clone.buckle"
run "final moves: clone of an ancestor" "$BUCKLE" compile "$D/clone.buckle" -o /dev/null
expect_rc "final moves: allowing the directory that holds a final read to be cloned is refused" 1
printf 'files {\n    allow read "/";\n    allow write "/a/b";\n    deny final read "/a";\n}\n' >"$D/inside.buckle"
run "final moves: write inside a final read" "$BUCKLE" compile "$D/inside.buckle" -o /dev/null
expect_rc "final moves: a write grant inside a final read deny compiles (a place to write into)" 0
run "final moves: write inside: unlink" "$BUCKLE" query "$D/inside.buckle" files file-write-unlink /a/b/x
expect_out_has "final moves: ... but what is written there cannot be renamed out" "deny /a/b/x"
expect_out_has "final moves: ... compiled SBPL agrees (inside)" "compiled SBPL agrees"
run "final moves: write inside: data" "$BUCKLE" query "$D/inside.buckle" files file-write-data /a/b/x
expect_out_has "final moves: ... and it is written" "allow /a/b/x"
printf 'files {\n    allow read "/";\n    allow final write "/a/b";\n    deny final read "/a";\n}\n' >"$D/inside_final.buckle"
run "final moves: final write inside a final read" "$BUCKLE" compile "$D/inside_final.buckle" -o /dev/null
expect_rc "final moves: a final write grant inside a final read deny (it would rename the files out) is refused" 1

# clone, link, the path itself (default allow: nothing else denies them)
printf 'default allow;\nfiles {\n    deny final read "/v/s/k";\n    deny final write "/w/c/fish";\n}\n' >"$D/da.buckle"
check() {  # OP PATH WANT
    run "final moves: $1 $2" "$BUCKLE" query "$D/da.buckle" files "$1" "$2"
    expect_out_has "final moves: $1 of $2 is $3" "$3 $2"
    expect_out_has "final moves: ... compiled SBPL agrees ($1 $2)" "compiled SBPL agrees"
}
check file-clone /v/s deny
check file-clone /v deny
check file-clone / deny
check file-clone /v/s/k/x deny
check file-link /v/s/k/x deny
check file-write-unlink /v/s/k/x deny
check file-clone /v/t allow
check file-link /v/s allow
# a final write: its ancestors cannot be renamed away or made (a prepared
# tree renamed into place), its files cannot get a second name
check file-write-unlink /w/c deny
check file-write-create /w/c deny
check file-write-create /w deny
check file-link /w/c/fish/config.fish deny
check file-write-create /w/c/other allow
check file-clone /w/c allow

# a pattern: the ancestors of its fixed part only
printf 'default allow;\nfiles {\n    deny final read glob "/p/q/**/*.key";\n}\n' >"$D/glob.buckle"
for a in "file-write-unlink /p/q deny" "file-write-unlink /p deny" "file-write-unlink /p/q/sub allow" "file-clone /p/q deny"; do
    set -- $a
    run "final moves: glob $1 $2" "$BUCKLE" query "$D/glob.buckle" files "$1" "$2"
    expect_out_has "final moves: glob: $1 of $2 is $3" "$3 $2"
done

# std/agent: the project itself cannot be swapped for a prepared one
# (renamed away, then another renamed in with .git/hooks)
printf 'extends "std/agent";\n' >"$D/agent.buckle"
for op in file-write-unlink file-write-create; do
    for def in "" "-D WORKDIR=/Users/test/project"; do
        # shellcheck disable=SC2086
        run "final moves: agent $op \$WORKDIR $def" "$BUCKLE" query -I corpus $def "$D/agent.buckle" files $op '$WORKDIR'
        expect_out_has "final moves: std/agent: $op of \$WORKDIR is denied $def" "deny /Users/test/project"
        expect_out_has "final moves: ... compiled SBPL agrees ($op $def)" "compiled SBPL agrees"
    done
done
run "final moves: agent files" "$BUCKLE" query -I corpus "$D/agent.buckle" files file-write-unlink '$WORKDIR/src/main.c'
expect_out_has "final moves: std/agent: the project's files stay removable" "allow /Users/test/project/src/main.c"
run "final moves: agent dirs" "$BUCKLE" query -I corpus "$D/agent.buckle" files file-write-create '$WORKDIR/build'
expect_out_has "final moves: std/agent: directories are made in the project" "allow /Users/test/project/build"
# a user's write grant of the home beside std/agent: the home and the
# directories that hold credentials cannot be renamed or cloned
printf 'extends "std/agent";\nfiles { allow write "~"; }\n' >"$D/agent_home.buckle"
for a in "file-write-unlink ~" "file-clone ~" "file-write-unlink ~/.config" "file-write-create ~/.config" "file-write-unlink ~/.local/share"; do
    set -- $a
    run "final moves: agent+home $1 $2" "$BUCKLE" query -I corpus "$D/agent_home.buckle" files "$1" "$2"
    expect_out_has "final moves: std/agent + allow write ~: $1 of $2 is denied" "deny /Users/test"
done

# inside the project: a directory between $WORKDIR and a final write path
# cannot be renamed out and back (mv .jj jjx; write jjx/repo/config.toml;
# mv jjx .jj), nor made by renaming a prepared one into place
for p in .jj .config .cargo .git/modules; do
    for op in file-write-unlink file-write-create; do
        run "final moves: agent $op $p" "$BUCKLE" query -I corpus "$D/agent.buckle" files $op "\$WORKDIR/$p"
        expect_out_has "final moves: std/agent: $op of \$WORKDIR/$p is denied" "deny /Users/test/project/$p"
        expect_out_has "final moves: ... compiled SBPL agrees ($op $p)" "compiled SBPL agrees"
    done
done
# std/dev/node: npm's cache is writable, npx's packages in it are final
printf 'extends "std/dev/node";\n' >"$D/node.buckle"
for op in file-write-unlink file-write-create; do
    run "final moves: node $op ~/.npm" "$BUCKLE" query -I corpus "$D/node.buckle" files $op '~/.npm'
    expect_out_has "final moves: std/dev/node: $op of ~/.npm (which holds _npx) is denied" "deny /Users/test/.npm"
done
run "final moves: node cache" "$BUCKLE" query -I corpus "$D/node.buckle" files file-write-unlink '~/.npm/_cacache/x'
expect_out_has "final moves: std/dev/node: the cache's files stay removable" "allow /Users/test/.npm/_cacache/x"
# std/dev/python: a final read of ~/.pypirc beside a write grant of the home
printf 'extends "std/dev/python";\nfiles { allow write "~"; }\n' >"$D/python.buckle"
run "final moves: python unlink" "$BUCKLE" query -I corpus "$D/python.buckle" files file-write-unlink '~/.pypirc'
expect_out_has "final moves: std/dev/python + allow write ~: ~/.pypirc cannot be renamed to a readable name" "deny /Users/test/.pypirc"
printf 'extends "std/dev/python";\n' >"$D/python_uv.buckle"
run "final moves: python uv cache" "$BUCKLE" query -I corpus -D UV_CACHE=/Users/test "$D/python_uv.buckle" files file-write-unlink '~/.pypirc'
expect_out_has "final moves: std/dev/python with UV_CACHE=\$HOME: ~/.pypirc cannot be renamed" "deny /Users/test/.pypirc"

# a mount over a final path or a directory holding it, or an extension
# for it, is denied too: carved from a wider allow, BK2005 at an ancestor
P2="$TMP/final_moves_mount"
mkdir -p "$P2"
printf 'extends "std/agent";\nfiles { allow file-mount "~"; allow file-issue-extension "~"; }\n' >"$P2/m.buckle"
if "$BUCKLE" compile "$P2/m.buckle" -o "$P2/m.sb" 2>"$P2/m.err"; then pass "final moves: a wider mount allow compiles"
else fail "final moves: a wider mount allow compiles" "$(head -c 300 "$P2/m.err")"; fi
for q in "file-mount /Users/test/.ssh" "file-mount-update /Users/test/.config/gh" "file-issue-extension /Users/test/.ssh/id_rsa"; do
    # shellcheck disable=SC2086
    got=$("$BUCKLE" query "$P2/m.buckle" $q 2>&1 | awk '{print $1; exit}')
    [ "$got" = deny ] && pass "final moves: $q is denied" || fail "final moves: $q is denied" "got $got"
done
got=$("$BUCKLE" query "$P2/m.buckle" file-mount /Users/test/x 2>&1 | awk '{print $1; exit}')
[ "$got" = allow ] && pass "final moves: a mount elsewhere in the home stays allowed" || fail "final moves: a mount elsewhere in the home stays allowed" "got $got"
printf 'extends "std/agent";\nfiles { allow file-mount literal "~"; }\n' >"$P2/a.buckle"
if "$BUCKLE" compile "$P2/a.buckle" -o /dev/null 2>"$P2/a.err"; then fail "final moves: a mount over the home is BK2005" "compiled"
elif grep -q BK2005 "$P2/a.err"; then pass "final moves: a mount over the home is BK2005"
else fail "final moves: a mount over the home is BK2005" "$(head -c 300 "$P2/a.err")"; fi

# a final deny of one write operation keeps its own path in place too: it
# cannot be renamed away and a prepared one renamed in (adv-sem13 B3)
printf 'files {\n    allow write "~";\n    deny final file-write-data "~/.config/fish";\n    deny final file-write-data literal "~/.zshrc";\n}\n' >"$D/b3.buckle"
for def in "" "-D HOME=/Users/test"; do
    for x in "file-write-unlink /Users/test/.config/fish" "file-write-create /Users/test/.config/fish" \
             "file-write-unlink /Users/test/.zshrc" "file-write-create /Users/test/.zshrc" \
             "file-write-create /Users/test/.config/fish/config.fish"; do
        # shellcheck disable=SC2086
        run "final moves: b3 $x $def" "$BUCKLE" query $def "$D/b3.buckle" $x
        expect_out_has "final moves: a final file-write-data path cannot be replaced: $x $def" "deny "
        expect_out_has "final moves: ... compiled SBPL agrees: $x $def" "compiled SBPL agrees"
    done
done

# a final read deny: the path or a directory that holds it cannot be made
# as a symbolic link (or a directory renamed into place) to a readable
# place, where what is written later would be readable (adv-sem13 B9);
# a regular file there may be made
printf 'files {\n    allow read "/";\n    allow write "~";\n    deny final read "~/.aws";\n    deny final read literal "~/.kube/config";\n}\n' >"$D/b9.buckle"
for def in "" "-D HOME=/Users/test"; do
    for x in "SYMLINK /Users/test/.aws deny" "DIRECTORY /Users/test/.aws deny" "SYMLINK /Users/test/.kube deny" \
             "SYMLINK /Users/test/.kube/config deny" "REGULAR-FILE /Users/test/.kube allow" "REGULAR-FILE /Users/test/.aws/x allow"; do
        set -- $x
        # shellcheck disable=SC2086
        run "final moves: b9 $x $def" "$BUCKLE" query $def --vnode-type "$1" "$D/b9.buckle" file-write-create "$2"
        expect_out_has "final moves: b9: making $2 as $1 $def: $3" "$3 $2"
        expect_out_has "final moves: b9: ... compiled SBPL agrees: $x $def" "compiled SBPL agrees"
    done
done

# a value glued to text in the first component ("/t$USER", USER=mp) may put
# the path under /private: /private is then an ancestor that cannot be
# moved away, symbolically and with -D alike (the written-out /tmp/b/ has it)
printf 'param USER;\ndefault allow;\nfiles {\n    deny final read prefix "/t$USER/b/";\n    deny final write literal "${P}p/k";\n}\nparam P;\n' >"$D/glued.buckle"
for def in "-D USER=mp -D P=/t" "-D USER=mp -D P=/a"; do
    for op in file-write-unlink file-clone file-mount; do
        # shellcheck disable=SC2086
        run "final moves: glued $op $def" "$BUCKLE" query $def "$D/glued.buckle" files $op /private
        expect_out_has "final moves: glued: $op /private is denied ($def)" "deny /private"
        expect_out_has "final moves: glued: ... compiled SBPL agrees ($op $def)" "compiled SBPL agrees"
    done
done
run "final moves: glued symbolic" "$BUCKLE" compile "$D/glued.buckle"
expect_out_has "final moves: glued: the symbolic output denies unlinking /private" '(deny file-write-unlink (literal "/private"))'
# ... and so are the directories inside its wildcards there
printf 'param USER;\ndefault allow;\nfiles {\n    deny final file-write-data glob "/t$USER/b[a-]/c";\n}\n' >"$D/glued_inner.buckle"
for op in file-write-unlink file-write-create; do
    run "final moves: glued inner $op" "$BUCKLE" query -D USER=mp --vnode-type DIRECTORY "$D/glued_inner.buckle" files $op /private/tmp/ba
    expect_out_has "final moves: glued inner: $op /private/tmp/ba is denied" "deny /private/tmp/ba"
    expect_out_has "final moves: glued inner: ... compiled SBPL agrees ($op)" "compiled SBPL agrees"
done
run "final moves: glued inner symbolic" "$BUCKLE" compile "$D/glued_inner.buckle"
expect_out_has "final moves: glued inner: the symbolic output has it under /private" '(regex (string-append "^/private/t" (param "USER.fold") "/b[a-]$"))'

# a final allow of linking a path that some value puts inside a final deny
# (which denies linking what it denies): BK2005 without -D too, as with it
while read name deny allow; do
    printf 'param P;\nfiles {\n    deny final %s;\n    allow final %s;\n    allow read "/";\n}\n' \
        "$(echo "$deny" | tr _ ' ')" "$(echo "$allow" | tr _ ' ')" >"$D/link-$name.buckle"
    run "final moves: link $name" "$BUCKLE" compile "$D/link-$name.buckle"
    expect_rc "final moves: link $name: BK2005" 1
    expect_err_has "final moves: link $name: the note names a value" "with P="
done <<'Q'
read read_"$P" file-link_"/q/s/x"
write write_"$P" file-link_"/q/s/x"
prefix read_prefix_"$P" file-link_"/q/s/x"
data file-read-data_"$P" file-link_"/q/s/x"
subpath read_"$P" file-link_subpath_"/q/s/x"
regex read_"$P" file-link_regex_"^/q/s/x$"
Q
printf 'files {\n    deny final read "$WORKDIR";\n    allow final file-link "/q/s/x";\n}\n' >"$D/link-workdir.buckle"
run "final moves: link workdir" "$BUCKLE" compile "$D/link-workdir.buckle"
expect_rc "final moves: link workdir: BK2005" 1

# one error per pair of an allow and a final rule, however many of the
# operations a verb expands to, or of the final rule's implied denies of
# moving, meet (renaming /q away and making it are one contradiction)
while IFS='|' read -r name allow deny; do
    printf 'files {\n    %s;\n    %s;\n}\n' "$allow" "$deny" >"$D/pair-$name.buckle"
    run "final moves: one error: $name" "$BUCKLE" compile "$D/pair-$name.buckle" -o /dev/null
    expect_rc "final moves: one error: $name: BK2005" 1
    n=$(grep -c "error:" "$TMP/err")
    [ "$n" = 1 ] && pass "final moves: one error: $name: reported once" \
        || fail "final moves: one error: $name: reported once" "$n errors: $(head -c 300 "$TMP/err")"
done <<'Q'
literal|allow write literal "/q"|deny final write "/q/d"
read|allow write literal "/q"|deny final read "/q/d/x"
glob|allow write "/q/d"|deny final write glob "/q/*/x"
regex|allow write "/q/d/x"|deny final read regex "^/q/d/.*"
class|allow write "/q/d"|deny final write regex "^/q/[^a-c]+/y"
Q

# the directories inside a glob's wildcards, where a value glued to text
# makes its first component: under /private the link's name as the volume
# spells it ("/t$USER" with USER=MP is /private/tmp), the value folded
printf 'param P;\nfiles {\n    allow file-mount "/";\n    deny final write glob "/t$USER/b[!a-c]/c";\n}\n' >"$D/inner-case.buckle"
for u in mp MP; do
    run "final moves: inner directory under /private, USER=$u" "$BUCKLE" query -D USER=$u --vnode-type DIRECTORY "$D/inner-case.buckle" files file-mount /private/tmp/bq
    expect_out_has "final moves: glob \"/t\$USER/b[!a-c]/c\" (USER=$u) denies mounting over /private/tmp/bq" "deny /private/tmp/bq"
done
run "final moves: inner directory under /private, symbolic" "$BUCKLE" compile "$D/inner-case.buckle"
expect_out_has "final moves: the symbolic output names the value folded there" '(string-append "^/private/t" (param "USER.fold") "/b[^/a-c'
