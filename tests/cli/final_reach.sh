# final_reach.sh - a final deny of reading or writing a path also decides
# mounting over it and issuing a sandbox extension for it (docs/language.md):
# an allow of either that meets it, in a section or in raw sbpl, is BK2005.
. tests/lib.sh
D=$(scratch_dir final_reach)

for r in '(allow file-write-mount (subpath "/Users/test/.ssh"))' '(allow file-mount (literal "/Users/test/.aws"))' \
         '(allow file-mount-update (subpath "/Users/test/.ssh"))' '(allow file-issue-extension (subpath "/Users/test/.ssh"))' \
         '(allow file-issue-extension-read (literal "/Users/test/.ssh/id_rsa"))'; do
    printf 'extends "std/agent";\nsbpl """\n%s\n""";\n' "$r" >"$D/raw.buckle"
    run "final reach: raw $r" "$BUCKLE" compile "$D/raw.buckle" -o /dev/null
    expect_rc "final reach: raw $r beside std/agent is an error" 1
    expect_err_has "final reach: ... BK2005 for raw $r" "this raw sbpl allow overrides a final deny [BK2005"
done
for s in 'allow file-mount "~/.ssh";' 'allow file-issue-extension "~/.aws/credentials";'; do
    printf 'extends "std/agent";\nfiles { %s }\n' "$s" >"$D/sec.buckle"
    run "final reach: $s" "$BUCKLE" compile "$D/sec.buckle" -o /dev/null
    expect_rc "final reach: $s beside std/agent is an error" 1
    expect_err_has "final reach: ... BK2005 for $s" "allow contradicts a final deny [BK2005"
done
# a few finals (the check without the index) and a final write deny
printf 'files { allow read "/q"; deny final write "/q/s"; allow file-mount "/q/s/m"; }\n' >"$D/few.buckle"
run "final reach: a final write deny" "$BUCKLE" compile "$D/few.buckle" -o /dev/null
expect_rc "final reach: a mount inside a final write deny is an error" 1
expect_err_has "final reach: ... BK2005" "allow contradicts a final deny [BK2005"
# outside the final rules, and beside a final deny of something else, fine
printf 'extends "std/agent";\nfiles { allow file-mount "/Volumes/x"; allow file-issue-extension "$WORKDIR/src"; }\n' >"$D/ok.buckle"
run "final reach: outside" "$BUCKLE" compile "$D/ok.buckle" -o /dev/null
expect_rc "final reach: a mount and an extension outside the final rules compile" 0
printf 'files { allow read "/q"; } mach { deny final lookup "com.apple.secd"; }\nsbpl """\n(allow file-mount (subpath "/q"))\n""";\n' >"$D/other.buckle"
run "final reach: a final deny of another kind" "$BUCKLE" compile "$D/other.buckle" -o /dev/null
expect_rc "final reach: a mount beside a final deny of a mach name compiles" 0
