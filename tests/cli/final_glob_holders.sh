# final_glob_holders.sh - a final glob's ancestors inside its wildcards
# (docs/language.md, "A final path cannot be moved away"): every directory
# (or symbolic link) the glob's prefix matches cannot be renamed away, made
# (a prepared tree renamed into place), cloned or mounted over, while the
# files there stay writable and removable.  query, test and diff decide it
# (--vnode-type), and the compiled SBPL holds it as a vnode-type filter.
. tests/lib.sh
GL=$(line_of corpus/std/agent.buckle 'deny final write glob "$WORKDIR/.git/modules/**/hooks"')
D=$(scratch_dir final_glob_holders)
W=/Users/test/project

printf 'extends "std/agent";\n' >"$D/agent.buckle"
q() {  # NAME WANT TYPE OP OBJECT
    if [ -n "$3" ]; then run "$1" "$BUCKLE" query --vnode-type "$3" "$D/agent.buckle" "$4" "$5"
    else run "$1" "$BUCKLE" query "$D/agent.buckle" "$4" "$5"; fi
    expect_out_has "$1" "$2 $5"
    expect_out_has "$1: compiled SBPL agrees" "compiled SBPL agrees"
}
# a submodule's git directory renamed out, its hooks written, renamed back
q "holders: std/agent: a submodule's directory cannot be renamed away" deny DIRECTORY file-write-unlink "$W/.git/modules/sub"
q "holders: std/agent: nor a nested submodule's" deny DIRECTORY file-write-unlink "$W/.git/modules/sub/modules/inner"
q "holders: std/agent: nor one renamed into place (or made)" deny DIRECTORY file-write-create "$W/.git/modules/new"
q "holders: std/agent: nor a symbolic link made there" deny SYMLINK file-write-create "$W/.git/modules/new"
q "holders: std/agent: nor a directory below one made" deny DIRECTORY file-write-create "$W/.git/modules/sub/objects/ab"
q "holders: std/agent: nor cloned" deny DIRECTORY file-clone "$W/.git/modules/sub"
q "holders: std/agent: nor mounted over" deny DIRECTORY file-mount "$W/.git/modules/sub/refs"
q "holders: std/agent: a file there stays removable" allow REGULAR-FILE file-write-unlink "$W/.git/modules/sub/index"
q "holders: std/agent: and can be made" allow REGULAR-FILE file-write-create "$W/.git/modules/sub/objects/ab/cdef"
q "holders: std/agent: a directory elsewhere in the project can be renamed" allow DIRECTORY file-write-unlink "$W/src"
q "holders: std/agent: without a type, a regular file's answer" allow "" file-write-unlink "$W/.git/modules/sub"
expect_out_has "holders: std/agent: ... and what a directory's is" "a directory or symbolic link (--vnode-type DIRECTORY): deny file-write-unlink, decided by std/agent.buckle:$GL:"
q "holders: std/agent: the hooks themselves stay final" deny "" file-write-data "$W/.git/modules/sub/hooks/post-checkout"
run "holders: std/agent: the rule is named" "$BUCKLE" query --vnode-type DIRECTORY "$D/agent.buckle" file-write-unlink "$W/.git/modules/sub"
expect_out_has "holders: std/agent: ... as a final deny of a directory or symbolic link" 'regex "^${WORKDIR.re}/\\.git/modules(/.*)?$$" of a directory or symbolic link (implied: a final path is not moved'

# the compiled output holds it, symbolically and with -D
run "holders: compile" "$BUCKLE" compile "$D/agent.buckle" -o "$D/agent.sb"
expect_rc "holders: std/agent compiles" 0
grep -F '(deny file-write-unlink (require-all (regex (string-append "^" (param "WORKDIR.re") "/\\.git/modules(/.*)?$")) (require-any (vnode-type DIRECTORY) (vnode-type SYMLINK))))' "$D/agent.sb" >/dev/null \
    && pass "holders: the output denies unlinking a directory or symbolic link under .git/modules" \
    || fail "holders: the output denies unlinking a directory or symbolic link under .git/modules" "no such rule in $D/agent.sb"
run "holders: compile -D" "$BUCKLE" compile -D WORKDIR=/Users/u/p "$D/agent.buckle" -o "$D/agent-d.sb"
grep -F '(deny file-write-create (require-all (regex "^/Users/u/p/\\.git/modules(/.*)?$") (require-any (vnode-type DIRECTORY) (vnode-type SYMLINK))))' "$D/agent-d.sb" >/dev/null \
    && pass "holders: with -D too" || fail "holders: with -D too" "no such rule in $D/agent-d.sb"

# a "*" glob: the directories one level in; below them and files: free
printf 'files {\n    allow read "/";\n    allow write "/a", "/s";\n    deny final write glob "/a/*/bin";\n    deny final read glob "/s/**/key";\n}\n' >"$D/g.buckle"
for def in "" "-D HOME=/Users/x"; do
    g() {  # NAME WANT TYPE OP OBJECT
        # shellcheck disable=SC2086
        run "$1 $def" "$BUCKLE" query $def --vnode-type "$3" "$D/g.buckle" "$4" "$5"
        expect_out_has "$1 $def" "$2 $5"
        expect_out_has "$1 $def: compiled SBPL agrees" "compiled SBPL agrees"
    }
    g "holders: glob *: the directory holding bin" deny DIRECTORY file-write-unlink /a/x
    g "holders: glob *: made" deny DIRECTORY file-write-create /a/x
    g "holders: glob *: a file there" allow REGULAR-FILE file-write-unlink /a/x
    g "holders: glob *: below it" allow DIRECTORY file-write-unlink /a/x/y
    g "holders: glob **, read: every directory below" deny DIRECTORY file-write-unlink /s/x/y/z
    g "holders: glob **, read: cloned" deny DIRECTORY file-clone /s/x
    g "holders: glob **, read: made (a link to a readable place)" deny SYMLINK file-write-create /s/x
    g "holders: glob **, read: a file made" allow REGULAR-FILE file-write-create /s/x
    g "holders: glob **, read: a file" allow REGULAR-FILE file-write-unlink /s/x/y/z
done

# an allow as specific that reaches one is refused, as for any final rule
printf 'files {\n    allow file-write-unlink regex "^/a/[^/]+$";\n    deny final write glob "/a/*/bin";\n}\n' >"$D/bk.buckle"
run "holders: allow of the same directories" "$BUCKLE" compile "$D/bk.buckle" -o /dev/null
expect_rc "holders: an allow as specific as the implied deny is refused" 1
expect_err_has "holders: ... BK2005" "BK2005"

# buckle test and diff decide it
printf 'files {\n    allow read "/";\n    allow write "/w";\n    deny final write glob "/w/*/h";\n}\n' >"$D/da.buckle"
printf 'files {\n    allow read "/";\n    allow write "/w";\n    deny write glob "/w/*/h";\n}\n' >"$D/db.buckle"
run "holders: diff" "$BUCKLE" diff "$D/da.buckle" "$D/db.buckle"
expect_rc "holders: diff: dropping final widens" 1
expect_out_has "holders: diff: renaming a directory that holds /w/x/h is a widening" "file-write-unlink /w/x (vnode-type DIRECTORY)"
printf 'files {\n    allow read "/";\n    allow write "/w";\n    deny final write glob "/w/*/h";\n}\ntest {\n    expect allow files file-write-unlink "/w/x";\n    expect deny files write "/w/x/h";\n}\n' >"$D/t.buckle"
run "holders: test" "$BUCKLE" test "$D/t.buckle"
expect_rc "holders: test: a path asked without a type is a regular file's" 0
run "holders: test as a directory" "$BUCKLE" test --vnode-type DIRECTORY "$D/t.buckle"
expect_rc "holders: test --vnode-type DIRECTORY: the directory is not removable" 1

# Linux: Landlock keeps grants on the files themselves; nothing added
run "holders: linux" "$BUCKLE" query --platform linux -D WORKDIR=$W "$D/agent.buckle" files file-write-unlink "$W/.git/modules/sub"
expect_out_lacks "holders: linux: no vnode rule there" "directory or symbolic link"

# std/agent's nvm bin: the version directory the "*" matches (adv-sem13 B4)
printf 'extends "std/agent";\nfiles {\n    allow write "~/.nvm";\n}\n' >"$D/nvm.buckle"
run "holders: nvm: compiles" "$BUCKLE" compile "$D/nvm.buckle" -o /dev/null
expect_rc "holders: nvm: a grant of ~/.nvm beside std/agent compiles" 0
for op in file-write-unlink file-write-create; do
    run "holders: nvm: $op of a version directory" "$BUCKLE" query --vnode-type DIRECTORY "$D/nvm.buckle" "$op" /Users/test/.nvm/versions/node/v20
    expect_out_has "holders: nvm: $op of a version directory is denied" "deny /Users/test/.nvm/versions/node/v20"
done
run "holders: nvm: a file beside" "$BUCKLE" query --vnode-type REGULAR-FILE "$D/nvm.buckle" file-write-unlink /Users/test/.nvm/versions/node/v20/lib/x.js
expect_out_has "holders: nvm: files in it stay removable" "allow /Users/test/.nvm/versions/node/v20/lib/x.js"

# a regex: every directory that starts with its fixed part (B4 variant)
printf 'files {\n    allow read "/";\n    allow write "~";\n    deny final read regex "^${HOME}/(\\\\.ssh|\\\\.aws)/";\n}\n' >"$D/rx.buckle"
for def in "" "-D HOME=/Users/x"; do
    h=/Users/test; [ -n "$def" ] && h=/Users/x
    # shellcheck disable=SC2086
    run "holders: regex: unlink ~/.ssh $def" "$BUCKLE" query $def --vnode-type DIRECTORY "$D/rx.buckle" file-write-unlink "$h/.ssh"
    expect_out_has "holders: regex: ~/.ssh cannot be renamed away $def" "deny $h/.ssh"
    expect_out_has "holders: regex: ... compiled SBPL agrees $def" "compiled SBPL agrees"
    # shellcheck disable=SC2086
    run "holders: regex: a file $def" "$BUCKLE" query $def --vnode-type REGULAR-FILE "$D/rx.buckle" file-write-unlink "$h/notes"
    expect_out_has "holders: regex: a file in the home stays removable $def" "allow $h/notes"
done

# a "**" directly below a root is left out: every directory of the project
# would be kept from being made or removed (srt's imported denies)
printf 'files {\n    allow read "/";\n    allow write "$WORKDIR";\n    deny final write glob "$WORKDIR/**/.gitconfig";\n    deny final read regex "/\\\\.ssh/";\n}\n' >"$D/root.buckle"
for x in "file-write-create $W/build" "file-write-unlink $W/node_modules/x"; do
    # shellcheck disable=SC2086
    run "holders: root: $x" "$BUCKLE" query --vnode-type DIRECTORY "$D/root.buckle" $x
    expect_out_has "holders: root: a project directory stays free: $x" "allow "
done
run "holders: root: the fixed part" "$BUCKLE" query --vnode-type DIRECTORY "$D/root.buckle" file-write-unlink "$W"
expect_out_has "holders: root: the root itself is kept" "deny $W"

# only a "**" that is itself directly below a root is left out: one after
# another wildcard there ("~/*/.git/modules/**/hooks") protects the
# directories it matches (a submodule's directory renamed out, its hooks
# written, renamed back; a key's directory renamed to a readable name)
printf 'files {\n    allow read "/";\n    allow write "~";\n    deny final write glob "~/*/.git/modules/**/hooks";\n    deny final read glob "~/*/secrets/**/*.pem";\n    deny final write glob "$WORKDIR/*/Bin/**/k";\n}\n' >"$D/star.buckle"
for def in "" "-D HOME=/Users/x -D WORKDIR=/Users/x/w"; do
    h=/Users/test wd=$W; [ -n "$def" ] && h=/Users/x wd=/Users/x/w
    s() {  # NAME WANT TYPE OP OBJECT
        # shellcheck disable=SC2086
        run "$1 $def" "$BUCKLE" query $def --vnode-type "$3" "$D/star.buckle" "$4" "$5"
        expect_out_has "$1 $def" "$2 $5"
        expect_out_has "$1 $def: compiled SBPL agrees" "compiled SBPL agrees"
    }
    s "holders: ~/*/**: a submodule's directory cannot be renamed away" deny DIRECTORY file-write-unlink "$h/p/.git/modules/lib"
    s "holders: ~/*/**: nor made" deny DIRECTORY file-write-create "$h/p/.git/modules/lib"
    s "holders: ~/*/**: nor a symbolic link made there" deny SYMLINK file-write-create "$h/p/.git/modules/lib"
    s "holders: ~/*/**: nor a nested one renamed" deny DIRECTORY file-write-unlink "$h/p/.git/modules/lib/modules/in"
    s "holders: ~/*/**, read: a key's directory cannot be renamed away" deny DIRECTORY file-write-unlink "$h/p/secrets/prod"
    s "holders: \$WORKDIR/*/**: a directory below Bin cannot be renamed away" deny DIRECTORY file-write-unlink "$wd/V/Bin/d"
    s "holders: ~/*/**: the * level stays kept" deny DIRECTORY file-write-unlink "$h/p"
    s "holders: ~/*/**: a file there stays removable" allow REGULAR-FILE file-write-unlink "$h/p/.git/modules/lib"
    s "holders: ~/*/**: a directory elsewhere stays free" allow DIRECTORY file-write-unlink "$h/p/src"
done

# a regex class or "." right after a "/" (or before one, or before the
# final "$") is no "/" of a path: a path has no "//" and does not end in
# "/", so no directory lies inside it, and an allow shallower than the
# final deny compiles; the final deny still holds
for fin in '"^/q/[^a-c]x"' '"^/q/.x"' '"^/q/[^a-c]/y"' '"^/q/x[^a-c]$"'; do
    printf 'files {\n    allow write "/q";\n    deny final write regex %s;\n}\n' "$fin" >"$D/cls.buckle"
    run "holders: regex $fin: compile" "$BUCKLE" compile "$D/cls.buckle" -o /dev/null
    expect_rc "holders: regex $fin: an allow shallower than the final deny compiles" 0
done
printf 'files {\n    allow write "/q";\n    deny final write regex "^/q/[^a-c]x";\n}\n' >"$D/cls.buckle"
run "holders: regex [^a-c]: /q/dx" "$BUCKLE" query "$D/cls.buckle" files write /q/dx
expect_out_has "holders: regex [^a-c]: writing /q/dx stays denied" "deny /q/dx"
expect_out_has "holders: regex [^a-c]: ... compiled SBPL agrees" "compiled SBPL agrees"
# "/q/ax" is the file "/q/Ax" names on a volume that ignores case, and "A"
# is no letter of [^a-c]: the final deny holds there in every case
run "holders: regex [^a-c]: /q/ax" "$BUCKLE" query "$D/cls.buckle" file-write-data /q/ax
expect_out_has "holders: regex [^a-c]: /q/ax is /q/Ax in another case, and stays denied" "deny /q/ax"
printf 'files {\n    allow write "/q";\n    deny final write regex "^/q/[^a-cA-C]x";\n}\n' >"$D/cls2.buckle"
run "holders: regex [^a-cA-C]: /q/ax" "$BUCKLE" query "$D/cls2.buckle" file-write-data /q/ax
expect_out_has "holders: regex [^a-cA-C]: /q/ax is the allow's" "allow /q/ax"
run "holders: regex [^a-cA-C]: /q/dx" "$BUCKLE" query "$D/cls2.buckle" file-write-data /q/DX
expect_out_has "holders: regex [^a-cA-C]: /q/DX stays denied" "deny /q/DX"
# a class whose range spans "/" ("[+-0]") may be one: the directory before
# it holds a match ("/q/d/x") and cannot be renamed away or made
printf 'files {\n    allow write "/q";\n    deny final write regex "^/q/d[+-0]x$";\n}\n' >"$D/rng.buckle"
for op in file-write-create file-write-unlink; do
    run "holders: regex [+-0]: $op /q/d" "$BUCKLE" query --vnode-type DIRECTORY "$D/rng.buckle" "$op" /q/d
    expect_out_has "holders: regex [+-0]: $op of the directory /q/d is denied" "deny /q/d"
    expect_out_has "holders: regex [+-0]: $op ... compiled SBPL agrees" "compiled SBPL agrees"
done
