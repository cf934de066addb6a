# final_regex_fold.sh - a final regex deny written on a root parameter
# ("^$WORKDIR/\\.git/hooks/") holds in every case of its letters in the
# output compiled with the values (what buckle run hands to sandbox-exec),
# as it does in the profile and the symbolic output: the allow of the
# directory around it is carved around the fold on file-write-data as on
# file-write-create, so .GIT/hooks/pre-commit is not written through
# "allow write \"$WORKDIR\"".
. tests/lib.sh
D=$(scratch_dir final_regex_fold)

# folded NAME SOURCE PATH VALUES...: SOURCE compiled with VALUES, full and
# compact, denies writing PATH (the path in another case), and buckle query
# of SOURCE finds the compiled output agreeing with the profile
i=0
folded() {
    n="$1" src="$2" path="$3"
    shift 3
    i=$((i + 1))
    printf '%s\n' "$src" >"$D/f$i.buckle"
    for form in full compact; do
        flag=""
        [ $form = compact ] && flag=--compact
        # shellcheck disable=SC2086
        run "regex fold: compile $n $form" "$BUCKLE" compile $flag "$D/f$i.buckle" -o "$D/f$i-$form.sb" "$@"
        run "regex fold: query $n $form" "$BUCKLE" query "$D/f$i-$form.sb" file-write-data "$path"
        expect_out_has "regex fold: $n, the $form output with $* denies file-write-data $path" "deny $path"
    done
    run "regex fold: profile $n" "$BUCKLE" query "$D/f$i.buckle" files file-write-data "$path" "$@"
    expect_out_lacks "regex fold: $n, buckle query finds no compiler bug on $path ($*)" "compiler bug"
}

folded '.GIT/hooks' 'files {
    allow read "/";
    allow write "$WORKDIR";
    deny final write regex "^$WORKDIR/\\.git/hooks/";
}' /Users/test/p/.GIT/hooks/pre-commit -D WORKDIR=/Users/test/p
folded '.git/HOOKS' 'files {
    allow read "/";
    allow write "$WORKDIR";
    deny final write regex "^$WORKDIR/\\.git/hooks/";
}' /Users/test/p/.git/HOOKS/pre-commit -D WORKDIR=/Users/test/p
folded '.SSH/authorized_keys' 'files {
    allow read "/";
    allow write "~";
    deny final write regex "^$HOME/\\.ssh/authorized_keys$";
}' /Users/test/.SSH/authorized_keys -D HOME=/Users/test
folded '.ssh/AUTHORIZED_KEYS' 'files {
    allow read "/";
    allow write "~";
    deny final write regex "^$HOME/\\.ssh/authorized_keys$";
}' /Users/test/.ssh/AUTHORIZED_KEYS -D HOME=/Users/test
folded '$P/x (P=/r)' 'param P;
files {
    allow read "/";
    allow write "$P";
    deny final write regex "^$P/x";
}' /r/X -D P=/r
folded '$P/secret (P=/u/a.b)' 'param P;
files {
    allow read "/";
    allow write "$P";
    deny final write regex "^$P/secret";
}' /u/a.b/SECRET -D P=/u/a.b
