# std_agent_rename.sh - std/agent's final paths cannot be moved or copied
# whole through a directory that holds them (docs/std.md): a child that
# allows renaming (file-write-unlink) or cloning ~/.config is refused
# (BK2005), and a child that allows writing ~/.config still cannot rename
# or clone the directory itself.
. tests/lib.sh
D="$TMP/std_rename"
mkdir -p "$D"
printf 'extends "std/agent";\nfiles { allow file-write-unlink literal "~/.config"; }\n' >"$D/unlink.buckle"
run "std rename: unlink" "$BUCKLE" compile -I corpus "$D/unlink.buckle"
expect_rc "std rename: allowing ~/.config to be renamed is refused" 1
expect_err_has "std rename: ... BK2005" "allow contradicts a final deny [BK2005"
printf 'extends "std/agent";\nfiles { allow file-clone literal "~/.local"; }\n' >"$D/clone.buckle"
run "std rename: clone" "$BUCKLE" compile -I corpus "$D/clone.buckle"
expect_rc "std rename: allowing ~/.local to be cloned is refused" 1
printf 'extends "std/agent";\nfiles { allow write "~/.config"; }\n' >"$D/write.buckle"
for op in file-write-unlink file-clone; do
    run "std rename: $op" "$BUCKLE" query -I corpus "$D/write.buckle" files $op '~/.config'
    expect_out_has "std rename: a write grant on ~/.config does not give $op of ~/.config itself" "deny /Users/test/.config"
done
run "std rename: inside" "$BUCKLE" query -I corpus "$D/write.buckle" files file-write-data '~/.config/x.toml'
expect_out_has "std rename: ... while the files in it are writable" "allow /Users/test/.config/x.toml"
