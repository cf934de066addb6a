# landlock_deny_read_split.sh - `buckle run` on Linux, live: a deny of
# reading inside a directory the profile lets the command read and write
# (`deny read "$WORKDIR/.env"` beside std/agent's grants of the project).
# Reading is granted one by one around the deny; so that no entry granted
# so can be renamed to the denied name (a grant goes with its file), the
# rights to remove and rename there are the ones split too, and the rest of
# the project stays readable (docs/linux.md, "How a profile becomes a
# ruleset").  -v names the rights granted one by one.
. tests/lib.sh
linux_only "landlock deny read split"
runner_env      # $B the test build, with a run cache of the suite's own
unset BUCKLE_SANDBOX_EXEC
BUILDA=$(cd "$BUILD" && pwd -P)
fresh_dir lldrs prof
A=--linux-accept=files,new-paths

# prof KIND WRITE: $R/prof/KIND-WRITE.buckle, reading the project with the
# deny KIND names, and writing it when WRITE is "w"
prof() {
    case $1 in
    file) d='"$WORKDIR/secret.txt"' ;;
    dir) d='"$WORKDIR/secrets"' ;;
    glob) d='glob "$WORKDIR/**/*.pem"' ;;
    missing) d='"$WORKDIR/.env"' ;;
    sub) d='"$WORKDIR/sub/secret.txt"' ;;
    esac
    wrule=
    [ "$2" = w ] && wrule='allow write "$WORKDIR";'
    cat >"$R/prof/$1-$2.buckle" <<EOP
default deny;
files {
    allow read "/usr", "/etc", "/proc", "/dev", "$BUILDA";
    allow exec-map "/usr/lib";
    allow read "\$WORKDIR";
    $wrule
    deny read $d;
}
process {
    allow exec "/usr/bin", "$BUILDA";
    allow fork;
}
EOP
}

# proj KIND: a fresh project $R/KIND
proj() {
    rm -rf "$R/$1"
    mkdir -p "$R/$1/src" "$R/$1/secrets" "$R/$1/sub"
    echo SIBLING >"$R/$1/index.js"
    echo INSUB >"$R/$1/src/a.js"
    echo INSUB2 >"$R/$1/sub/b.js"
    echo SECRET-FILE >"$R/$1/secret.txt"
    echo SECRET-DIR >"$R/$1/secrets/k"
    echo SECRET-PEM >"$R/$1/src/key.pem"
    echo SECRET-SUB >"$R/$1/sub/secret.txt"
}

# the denied file of each kind, and one that stays readable
denied() {
    case $1 in file) echo secret.txt ;; dir) echo secrets/k ;; glob) echo src/key.pem ;; missing) echo .env ;; sub) echo sub/secret.txt ;; esac
}

inproj() { _d=$1; shift; (cd "$R/$_d" && "$B" "$@"); }

prof file r
proj file
run "landlock deny read split: a run" inproj file run $A "$R/prof/file-r.buckle" -- /usr/bin/true
landlock_or_exit "landlock deny read split"
expect_rc "landlock deny read split: a profile with a deny of reading runs" 0

for k in file dir glob missing sub; do
    for w in w r; do
        prof $k $w
        proj $k
        n="landlock deny read split: $k deny, $([ $w = w ] && echo "read and write" || echo "read only")"
        run "$n" inproj $k run $A "$R/prof/$k-$w.buckle" -- /bin/sh -c \
            "cat index.js; cat src/a.js; cat sub/b.js; cat $(denied $k) 2>&1 || echo DENIED-REFUSED"
        expect_rc "$n: runs" 0
        expect_out_has "$n: a file beside the deny can be read" SIBLING
        expect_out_has "$n: a file in a subdirectory can be read" INSUB
        expect_out_has "$n: a file in the deny's own directory can be read" INSUB2
        expect_out_has "$n: the denied file cannot be read" DENIED-REFUSED
        expect_out_lacks "$n: the denied file's contents stay out" SECRET-
    done
done

# listing: a deny of a regular file that exists at launch takes nothing from
# listing (the file cannot become a directory: it cannot be removed)
for k in file sub; do
    for w in w r; do
        proj $k
        n="landlock deny read split: $k deny, $w: ls"
        run "$n" inproj $k run $A "$R/prof/$k-$w.buckle" -- /bin/sh -c 'ls . && echo LS-TOP; ls sub && echo LS-SUB'
        expect_out_has "$n: the project can be listed" LS-TOP
        expect_out_has "$n: its subdirectory can be listed" LS-SUB
    done
done
# a directory the deny names is not listed
proj dir
run "landlock deny read split: dir deny: ls" inproj dir run $A "$R/prof/dir-w.buckle" -- /bin/sh -c 'ls secrets || echo LS-REFUSED'
expect_out_has "landlock deny read split: a denied directory cannot be listed" LS-REFUSED
expect_out_lacks "landlock deny read split: a denied directory's names stay out" "k"

# writing still works; no entry can take the denied name (its grant would go
# with it), and the denied file cannot be removed and replaced
proj file
run "landlock deny read split: write" inproj file run $A "$R/prof/file-w.buckle" -- /bin/sh -c \
    'echo more >>index.js && echo WROTE; echo n >src/new.js && cat src/new.js && rm src/new.js && echo SUBDIR-FULL;
     mv index.js secret.txt || echo MV-REFUSED; rm secret.txt || echo RM-REFUSED;
     cat secret.txt 2>&1 || true'
expect_out_has "landlock deny read split: a file beside the deny can be written" WROTE
expect_out_has "landlock deny read split: a subdirectory keeps every right" SUBDIR-FULL
expect_out_has "landlock deny read split: a readable file cannot be renamed to the denied name" MV-REFUSED
expect_out_has "landlock deny read split: the denied file cannot be removed" RM-REFUSED
expect_out_lacks "landlock deny read split: the denied file stays unread" SECRET-
if [ "$(cat "$R/file/secret.txt")" = SECRET-FILE ]; then pass "landlock deny read split: the denied file is left as it was"
else fail "landlock deny read split: the denied file is left as it was" "$(cat "$R/file/secret.txt")"; fi

# -v says what is granted: reading one by one, and the rights to remove and
# rename one by one too, with no "granted one by one" over grants withdrawn
proj file
run "landlock deny read split: -v" inproj file run -v $A "$R/prof/file-w.buckle" -- /usr/bin/true
expect_err_has "landlock deny read split: -v: reading is granted one by one" \
    'narrower: allow files read subpath "${WORKDIR}" -- a deny inside '"$R/file"' ('"$R/prof/file-w.buckle"':7): its entries at launch are granted one by one (read_file; new entries directly in it get none of these)'
expect_err_has "landlock deny read split: -v: removing is granted one by one, and why" \
    'narrower: allow files write subpath "${WORKDIR}" -- a deny of another right (an entry renamed to a name it denies would keep its rights) inside '"$R/file"' ('"$R/prof/file-w.buckle"':7): its entries at launch are granted one by one (remove_dir, remove_file, refer; new entries directly in it get none of these)'
if grep -q "keeps no grant of its own" "$TMP/err"; then fail "landlock deny read split: -v: no grant is withdrawn" "$(grep "keeps no grant" "$TMP/err" | head -3)"
else pass "landlock deny read split: -v: no grant is withdrawn"; fi

# std/agent with the deny docs/linux.md gives as its example: the project
# (git too) stays readable, .env does not
needs_git "landlock deny read split: std/agent"
agent_world lldrs-agent proj
cd "$R/proj" || exit 1
git init -q . && echo API_KEY=TOPSECRET >.env && echo SIBLING >index.js && mkdir src && echo INSUB >src/a.js
git add index.js src && git -c user.email=t@t -c user.name=t commit -qm init
printf 'extends "std/agent";\nfiles { deny read "$WORKDIR/.env"; }\n' >"$R/prof/env.buckle"
run "landlock deny read split: std/agent" "$B" run $A "$R/prof/env.buckle" -- /bin/sh -c \
    'cat index.js src/a.js; cat .env 2>/dev/null || echo ENV-REFUSED; ls >/dev/null && echo LS-OK; git status --short && echo GIT-OK'
expect_rc "landlock deny read split: std/agent with a deny of .env runs" 0
expect_out_has "landlock deny read split: std/agent: the project's files can be read" SIBLING
expect_out_has "landlock deny read split: std/agent: ... in its subdirectories too" INSUB
expect_out_has "landlock deny read split: std/agent: .env cannot be read" ENV-REFUSED
expect_out_lacks "landlock deny read split: std/agent: .env's contents stay out" TOPSECRET
expect_out_has "landlock deny read split: std/agent: the project can be listed" LS-OK
expect_out_has "landlock deny read split: std/agent: git works in it" GIT-OK
cd / && rm -rf "$R"
