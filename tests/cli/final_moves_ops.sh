# final_moves_ops.sh - a final path deny of an operation other than reading
# or writing (unix-connect, exec, unix-bind) cannot be moved away either
# (docs/language.md, "A final path cannot be moved away"): the socket or
# program, or a directory that holds it, renamed or linked elsewhere would
# be decided there by other rules. query's model and the compiled SBPL
# agree, symbolically and with -D.
. tests/lib.sh
D=$(scratch_dir final_moves_ops)

printf 'files {\n  allow read "/";\n  allow write "~";\n  allow file-link "~";\n}\nnetwork {\n  allow unix-connect "~";\n  deny final unix-connect "~/.docker/run/docker.sock";\n}\n' >"$D/sock.buckle"
printf 'files {\n  allow read "/";\n  allow write "~";\n  allow file-link "~";\n}\nprocess {\n  allow exec "/";\n  deny final exec "~/bin/deploy";\n}\n' >"$D/exec.buckle"
printf 'files {\n  allow read "/";\n  allow write "~";\n  allow file-link "~";\n}\nnetwork {\n  allow unix-bind "~";\n  deny final unix-bind "~/run/agent.sock";\n}\n' >"$D/bind.buckle"

check() {  # FILE OP PATH WANT [ARGS...]
    f="$1" op="$2" p="$3" want="$4"
    shift 4
    run "final moves ops: $f $op $p $*" "$BUCKLE" query "$@" "$D/$f.buckle" "$op" "$p"
    expect_out_has "final moves ops: $f: $op of $p is $want $*" "$want $p"
    expect_out_has "final moves ops: ... compiled SBPL agrees ($f $op $p $*)" "compiled SBPL agrees"
}
for def in "" "-D HOME=/Users/q"; do
    h=/Users/test
    [ -n "$def" ] && h=/Users/q
    # shellcheck disable=SC2086
    {
        check sock network-outbound "$h/.docker/run/docker.sock" deny $def
        check sock file-write-unlink "$h/.docker/run/docker.sock" deny $def
        check sock file-link "$h/.docker/run/docker.sock" deny $def
        check sock file-write-unlink "$h/.docker/run" deny $def
        check sock file-write-unlink "$h/.docker" deny $def
        check sock file-write-unlink "$h/.docker/other.sock" allow $def
        check sock network-outbound "$h/x.sock" allow $def
        check exec file-write-unlink "$h/bin/deploy" deny $def
        check exec file-link "$h/bin/deploy" deny $def
        check exec file-write-unlink "$h/bin" deny $def
        check exec file-write-unlink "$h/bin/other" allow $def
        check bind file-write-create "$h/run/agent.sock" deny $def
        check bind file-link "$h/run/agent.sock" deny $def
        check bind file-write-unlink "$h/run" deny $def
        check bind file-write-create "$h/run/other.sock" allow $def
    }
done
run "final moves ops: names the rule" "$BUCKLE" query "$D/sock.buckle" file-write-unlink /Users/test/.docker
expect_out_has "final moves ops: the implied rule is named as such" "a final path is not moved, linked or cloned away"
# a directory made where the socket's directory is missing (a link to
# elsewhere, where the socket would be made and connected to)
run "final moves ops: create a directory" "$BUCKLE" query --vnode-type DIRECTORY "$D/sock.buckle" file-write-create /Users/test/.docker
expect_out_has "final moves ops: making ~/.docker as a directory or link is denied" "deny /Users/test/.docker"
# an allow as specific as an implied deny is BK2005
printf 'files {\n  allow write literal "~/.docker";\n}\nnetwork {\n  deny final unix-connect "~/.docker/run/docker.sock";\n}\n' >"$D/lit.buckle"
run "final moves ops: literal ancestor" "$BUCKLE" compile "$D/lit.buckle" -o /dev/null
expect_rc "final moves ops: allowing ~/.docker to be renamed beside a final unix-connect deny is refused" 1
expect_err_has "final moves ops: ... BK2005" "[BK2005"
