# lint_probes.sh - BK3003, BK3004 and BK3006 ask the profile's decisions
# (the decider, the SBPL evaluator) about probe objects, whatever kind of
# matcher or write operation allows them.
. tests/lib.sh
D="$TMP/lint_probes"
rm -rf "$D"
mkdir -p "$D"

bk() {  # NAME FILES-BODY
    printf 'default deny;\nfiles { %s }\nprocess { allow exec "/usr/bin"; }\n' "$2" >"$D/$1.buckle"
}
sb() {  # NAME RULE
    printf '(version 1)\n(deny default)\n%s\n' "$2" >"$D/$1.sb"
}
fires() {  # CODE FILE WHAT
    run "$3" "$BUCKLE" lint -q --format gcc --select "$1" "$2"
    expect_out_has "$3" "[$1]"
}
quiet() {  # CODE FILE WHAT
    run "$3" "$BUCKLE" lint -q --format gcc --select "$1" "$2"
    expect_out_lacks "$3" "[$1]"
}

# BK3003: every matcher kind that reaches a broad path
bk glob_all 'allow write glob "/**";'
bk glob_top 'allow write glob "/*";'
bk glob_users 'allow write glob "/Users/**";'
bk glob_homes 'allow write glob "/Users/*/**";'
bk prefix_us 'allow write prefix "/Us";'
bk regex_anchor 'allow write regex "^/Users";'
bk regex_inner 'allow write regex "/Users/";'
bk create_root 'allow file-write-create "/";'
bk create_home 'allow file-write-create "~";'
for n in glob_all glob_top glob_users glob_homes prefix_us regex_anchor regex_inner create_root create_home; do
    fires BK3003 "$D/$n.buckle" "BK3003: $n"
done
sb sb_create '(allow file-write-create (subpath "/Users"))'
sb sb_regex '(allow file-write* (regex #"^/Users/"))'
sb sb_prefix '(allow file-write* (prefix "/Us"))'
for n in sb_create sb_regex sb_prefix; do fires BK3003 "$D/$n.sb" "BK3003: $n"; done
# located at the rule that allows it
bk at_rule 'allow read "/usr";
    allow write regex "^/Users/";'
run "BK3003: at the rule" "$BUCKLE" lint -q --format gcc --select BK3003 "$D/at_rule.buckle"
expect_out_has "BK3003: at the rule's line" "at_rule.buckle:3:"
# no false positives: a project, a cache, a regex under the home
bk project 'allow write "~/project"; allow write "/private/tmp/x"; allow write regex "^/Users/[^/]+/Library/Caches/";'
quiet BK3003 "$D/project.buckle" "BK3003: ~/project is not the home directory"
sb sb_project '(allow file-write* (subpath "/Users/test/project") (regex #"^/private/var/folders/"))'
quiet BK3003 "$D/sb_project.sb" "BK3003: .sb project grant is clean"

# BK3004: a create in LaunchAgents, or a file that can be replaced
bk la 'allow file-write-create "~/Library/LaunchAgents";'
fires BK3004 "$D/la.buckle" "BK3004: create in LaunchAgents"
bk zshrc 'allow write "~/.zshrc"; deny file-write-data "~/.zshrc";'
fires BK3004 "$D/zshrc.buckle" "BK3004: .zshrc replaced by unlink and create"
run "BK3004: says how" "$BUCKLE" lint -q --format gcc --select BK3004 "$D/zshrc.buckle"
expect_out_has "BK3004: names the operation" "so other content can be put there"
# the files that make git take its config and hooks from elsewhere
G='deny write "$WORKDIR/.git/hooks", literal "$WORKDIR/.git/config", literal "$WORKDIR/.git/config.worktree", literal "$WORKDIR/.git", "$WORKDIR/.git/worktrees", glob "$WORKDIR/.git/modules/**/hooks", glob "$WORKDIR/.git/modules/**/config", "$WORKDIR/.vscode", "$WORKDIR/.idea";'
bk commondir "allow write \"\$WORKDIR\"; $G deny write literal \"\$WORKDIR/HEAD\";"
run "BK3004: .git/commondir" "$BUCKLE" lint -q --format gcc --select BK3004 "$D/commondir.buckle"
expect_out_has "BK3004: .git/commondir writable is reported" "/.git/commondir is writable"
bk bare "allow write \"\$WORKDIR\"; $G deny write literal \"\$WORKDIR/.git/commondir\";"
run "BK3004: a top-level HEAD" "$BUCKLE" lint -q --format gcc --select BK3004 "$D/bare.buckle"
expect_out_has "BK3004: a top-level HEAD writable is reported" "/project/HEAD is writable"
bk gitsafe "allow write \"\$WORKDIR\"; $G deny write literal \"\$WORKDIR/.git/commondir\", literal \"\$WORKDIR/HEAD\";"
quiet BK3004 "$D/gitsafe.buckle" "BK3004: with both denied, the project grant is clean"
bk zshrc_ro 'allow write "~/Downloads";'
quiet BK3004 "$D/zshrc_ro.buckle" "BK3004: a Downloads grant is clean"

# BK3006: filters that match everything, no-sandbox on a wrapped tree
sb any_bin '(allow process-exec (require-any (subpath "/bin")) (with no-sandbox))'
fires BK3006 "$D/any_bin.sb" "BK3006: require-any subpath with no-sandbox"
sb lsopen_not '(allow lsopen (require-not (literal "/nonexistent")))'
fires BK3006 "$D/lsopen_not.sb" "BK3006: lsopen through require-not"
sb job_not '(allow job-creation (require-not (literal "/x")))'
fires BK3006 "$D/job_not.sb" "BK3006: job-creation through require-not"
sb one_prog '(allow process-exec (literal "/usr/bin/true") (with no-sandbox))
(allow lsopen (literal "/Applications/Calculator.app"))'
quiet BK3006 "$D/one_prog.sb" "BK3006: one named program and one named app are clean"
