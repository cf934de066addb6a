# landlock_self.sh - buckle's own executable and its standard library, live
# (docs/linux.md, "Where buckle keeps its files"): under a profile that lets
# the sandbox write where buckle is installed, a command can neither change
# nor add a base in the standard library (which a later run of another
# profile would compile), nor create the library directories buckle looks
# in first, nor replace, rename or remove buckle itself (which every later
# run executes unsandboxed).
. tests/lib.sh
linux_only "landlock self"
unset BUCKLE_SANDBOX_EXEC
U="$TMP/llself"
W="$TMP/llself-prof"
rm -rf "$U" "$W"
mkdir -p "$U/inst/corpus" "$U/proj" "$U/tmp" "$U/home" "$W"
U=$(cd "$U" && pwd -P)
W=$(cd "$W" && pwd -P)
I=$U/inst
# installed in the source tree's layout: the binary beside corpus/std (the
# test build, with a run cache of the suite's own)
runner_env
cp "$B" "$I/buckle"
cp -R corpus/std "$I/corpus/std"
cp "$I/corpus/std/base.buckle" "$U/base.before"
cp "$I/buckle" "$U/buckle.before"
# the profile outside the installation (its own directory is protected anyway)
cat >"$W/w.buckle" <<EOP
default deny;
files {
    allow read "/usr", "/etc", "/proc", "/dev", "$U";
    allow exec-map "/usr/lib";
    allow write "$U", literal "/dev/null";
}
process { allow exec "/usr/bin"; allow fork; }
EOP
A=--linux-accept=files
ATTACK='I=$1 U=$2
(printf "platform linux { files { allow write \"/\"; } }\n" >>"$I/corpus/std/base.buckle") 2>/dev/null && echo "CHANGED std/base"
(echo "files { allow write \"/\"; }" >"$I/corpus/std/planted.buckle") 2>/dev/null && echo "ADDED a std base"
mkdir -p "$U/share/buckle/std" 2>/dev/null && echo "MADE share/buckle/std"
mkdir -p "$U/corpus/std" 2>/dev/null && echo "MADE ../corpus/std"
cp /usr/bin/true "$U/proj/fake" && mv -f "$U/proj/fake" "$I/buckle" 2>/dev/null && echo "REPLACED buckle"
mv "$I/buckle" "$I/buckle.old" 2>/dev/null && echo "RENAMED buckle"
rm -f "$I/buckle" 2>/dev/null; [ -e "$I/buckle" ] || echo "REMOVED buckle"
mv "$I/corpus/std" "$I/corpus/std.old" 2>/dev/null && echo "RENAMED std"
mv "$I/corpus" "$I/corpus.old" 2>/dev/null && echo "RENAMED corpus"
(echo x >"$U/proj/ok") 2>/dev/null && echo "WROTE proj"
echo done'
printf '%s\n' "$ATTACK" >"$U/proj/attack.sh"
run "landlock self: attack" sh -c "cd '$U/proj' && HOME='$U/home' TMPDIR='$U/tmp' '$I/buckle' run $A '$W/w.buckle' -- /usr/bin/sh '$U/proj/attack.sh' '$I' '$U'"
landlock_or_exit "landlock self"
expect_out_has "landlock self: the command ran to its end" "done"
expect_out_has "landlock self: ... and wrote what the profile allows" "WROTE proj"
for w in "CHANGED std/base" "ADDED a std base" "MADE share/buckle/std" "MADE ../corpus/std" "REPLACED buckle" \
         "RENAMED buckle" "REMOVED buckle" "RENAMED std" "RENAMED corpus"; do
    expect_out_lacks "landlock self: a profile that writes where buckle is installed cannot: $w" "$w"
done
expect_same "landlock self: std/base is as it was" "$U/base.before" "$I/corpus/std/base.buckle"
expect_same "landlock self: buckle is as it was" "$U/buckle.before" "$I/buckle"
[ ! -e "$I/corpus/std/planted.buckle" ] && [ ! -e "$U/share" ] && pass "landlock self: nothing was added to the standard library's places" \
    || fail "landlock self: nothing was added to the standard library's places" "$(ls -R "$U" | head -30)"

# a source another local user could rewrite is not compiled: a profile
# writable by every user, a base in a directory every user may write
chmod o+w "$W/w.buckle"
run "landlock self: world-writable profile" sh -c "cd '$U/proj' && HOME='$U/home' TMPDIR='$U/tmp' '$I/buckle' run --no-cache $A '$W/w.buckle' -- /usr/bin/true"
expect_rc "landlock self: a profile writable by every user is refused" 125
expect_err_has "landlock self: ... saying why" "$W/w.buckle is writable by every user (mode 0646)"
chmod o-w "$W/w.buckle"
mkdir -p "$W/shared"
chmod 0777 "$W/shared"
printf 'files { allow read "/usr"; }\n' >"$W/shared/b.buckle"
printf 'extends "./shared/b";\nprocess { allow exec "/usr/bin"; }\nfiles { allow exec-map "/usr/lib"; allow read "/etc"; }\n' >"$W/top.buckle"
run "landlock self: base in a shared directory" sh -c "cd '$U/proj' && HOME='$U/home' TMPDIR='$U/tmp' '$I/buckle' run --no-cache $A '$W/top.buckle' -- /usr/bin/true"
expect_rc "landlock self: a base in a directory every user may write (no sticky bit) is refused" 125
expect_err_has "landlock self: ... saying why" "which every user may write (mode 0777, no sticky bit)"
chmod 1777 "$W/shared"
run "landlock self: sticky" sh -c "cd '$U/proj' && HOME='$U/home' TMPDIR='$U/tmp' '$I/buckle' run --no-cache $A '$W/top.buckle' -- /usr/bin/true"
expect_rc "landlock self: ... with the sticky bit (as /tmp) it runs" 0
chmod 755 "$W/shared"

# ... nor one writable by a group that has other members than the caller
# (the file, its directory or one above it), while the caller's private
# group may write: a group of the caller's other than its primary one
# counts as shared (as root: any other group)
pg=$(id -g)
og=; for g in $(id -G); do [ "$g" != "$pg" ] && { og=$g; break; }; done
[ -z "$og" ] && [ "$(id -u)" -eq 0 ] && og=$(awk -F: -v p="$pg" '$3 != p { print $3; exit }' /etc/group)
if [ -n "$og" ]; then
    gname=$(awk -F: -v g="$og" '$3 == g { print $1; exit }' /etc/group)
    chgrp "$og" "$W/w.buckle" && chmod g+w "$W/w.buckle"
    run "landlock self: group-writable profile" sh -c "cd '$U/proj' && HOME='$U/home' TMPDIR='$U/tmp' '$I/buckle' run --no-cache $A '$W/w.buckle' -- /usr/bin/true"
    expect_rc "landlock self: a profile writable by a group with other members is refused" 125
    expect_err_has "landlock self: ... saying why" "$W/w.buckle is writable by the group ${gname:-$og}, which has other members than you (mode 0664)"
    expect_err_has "landlock self: ... and how to mend it" "(chmod g-w it)"
    chmod g-w "$W/w.buckle"
    mkdir -p "$W/gshared/deeper"
    printf 'files { allow read "/usr"; }\n' >"$W/gshared/deeper/b.buckle"
    printf 'extends "./gshared/deeper/b";\nprocess { allow exec "/usr/bin"; }\nfiles { allow exec-map "/usr/lib"; allow read "/etc"; }\n' >"$W/gtop.buckle"
    chgrp "$og" "$W/gshared" && chmod 0775 "$W/gshared"
    run "landlock self: base under a group-writable directory" sh -c "cd '$U/proj' && HOME='$U/home' TMPDIR='$U/tmp' '$I/buckle' run --no-cache $A '$W/gtop.buckle' -- /usr/bin/true"
    expect_rc "landlock self: a base below a directory a group with other members may write is refused" 125
    expect_err_has "landlock self: ... saying why" "is in $W/gshared, which the group ${gname:-$og}, which has other members than you, may write (mode 0775, no sticky bit)"
    chmod 0755 "$W/gshared"
    run "landlock self: group-writable no more" sh -c "cd '$U/proj' && HOME='$U/home' TMPDIR='$U/tmp' '$I/buckle' run --no-cache $A '$W/gtop.buckle' -- /usr/bin/true"
    expect_rc "landlock self: ... and runs once it is not" 0
else
    skip "landlock self: group-writable sources" "no group other than the primary one to test with"
fi
# the caller's private group may write: its primary group when no other
# account has it (/etc/passwd) and /etc/group names no other member
if [ "$(awk -F: -v g="$pg" -v u="$(id -u)" '$4 == g && $3 != u' /etc/passwd | wc -l)" -eq 0 ] &&
   ! awk -F: -v g="$pg" -v me="$(id -un)" '$3 == g { n = split($4, m, ","); for (i = 1; i <= n; i++) if (m[i] != me) exit 0; exit 1 } END { }' /etc/group; then
    chgrp "$pg" "$W/w.buckle" && chmod g+w "$W/w.buckle"
    run "landlock self: private group" sh -c "cd '$U/proj' && HOME='$U/home' TMPDIR='$U/tmp' '$I/buckle' run --no-cache $A '$W/w.buckle' -- /usr/bin/true"
    expect_rc "landlock self: a profile writable by the caller's private group runs" 0
    chmod g-w "$W/w.buckle"
else
    skip "landlock self: the caller's private group" "the primary group $pg has other members"
fi

# ... nor one a POSIX ACL lets another user write (the mode bits show only
# its mask as the group's): the profile, or a directory on a base's way
SP=$(cd "$BUILD" && pwd)/sysprobe
printf 'x\n' >"$W/acl-probe"
if "$SP" setacl "$W/acl-probe" 1500 >/dev/null 2>&1; then
    "$SP" setacl "$W/w.buckle" 65534 >/dev/null
    run "landlock self: ACL on the profile" sh -c "cd '$U/proj' && HOME='$U/home' TMPDIR='$U/tmp' '$I/buckle' run --no-cache $A '$W/w.buckle' -- /usr/bin/true"
    expect_rc "landlock self: a profile whose ACL lets another user write is refused" 125
    expect_err_has "landlock self: ... saying why" "$W/w.buckle has an ACL that lets user"
    expect_err_has "landlock self: ... naming the user" "(uid 65534) write"
    expect_err_has "landlock self: ... and how to mend it" "(setfacl -b $W/w.buckle)"
    cp "$W/w.buckle" "$W/w.new" && mv "$W/w.new" "$W/w.buckle"
    mkdir -p "$W/aclshared"
    printf 'files { allow read "/usr"; }\n' >"$W/aclshared/b.buckle"
    printf 'extends "./aclshared/b";\nprocess { allow exec "/usr/bin"; }\nfiles { allow exec-map "/usr/lib"; allow read "/etc"; }\n' >"$W/atop.buckle"
    "$SP" setacl "$W/aclshared" 1500 >/dev/null
    run "landlock self: ACL on a base's directory" sh -c "cd '$U/proj' && HOME='$U/home' TMPDIR='$U/tmp' '$I/buckle' run --no-cache $A '$W/atop.buckle' -- /usr/bin/true"
    expect_rc "landlock self: a base in a directory whose ACL lets another user write is refused" 125
    expect_err_has "landlock self: ... saying why" "$W/aclshared/b.buckle is in $W/aclshared, whose ACL lets user"
    run "landlock self: no ACL" sh -c "cd '$U/proj' && HOME='$U/home' TMPDIR='$U/tmp' '$I/buckle' run --no-cache $A '$W/w.buckle' -- /usr/bin/true"
    expect_rc "landlock self: ... and the profile without it runs" 0
    # nor can a command set one, under any profile: a default-allow one
    # lets the command write files, but not set an extended attribute on
    # the profile (a name the filter cannot read; set and removed again
    # within the run, it would leave the next run's check nothing to see)
    printf 'default allow;\nfiles { deny read "%s/home/secret"; }\n' "$U" >"$W/open.buckle"
    run "landlock self: ACL from inside" sh -c "cd '$U/proj' && HOME='$U/home' TMPDIR='$U/tmp' '$I/buckle' run --no-cache $A '$W/open.buckle' -- '$SP' setacl '$W/open.buckle' 1500"
    expect_out_has "landlock self: under a default-allow profile, setting an ACL on the profile is refused as unsupported" "refused: Operation not supported"
    run "landlock self: xattr from inside" sh -c "cd '$U/proj' && HOME='$U/home' TMPDIR='$U/tmp' '$I/buckle' run --no-cache $A '$W/open.buckle' -- '$SP' setxattr '$U/proj/ok'"
    expect_out_has "landlock self: ... and so is any extended attribute of a file it may write" "refused: Operation not supported"
    run "landlock self: the next run" sh -c "cd '$U/proj' && HOME='$U/home' TMPDIR='$U/tmp' '$I/buckle' run --no-cache $A '$W/open.buckle' -- /usr/bin/true"
    expect_rc "landlock self: ... and the next run of it runs" 0
else
    skip "landlock self: ACLs" "this filesystem takes no POSIX ACL"
fi

# ... nor one whose way another user could change: a directory on it that
# another user owns (they may rename and replace any entry in it), a
# symbolic link on it that another user owns (they may point it
# elsewhere), or a directory a link leads through that others may write
mkdir -p "$W/writable/inner"
printf 'files { allow read "/usr"; }\nprocess { allow exec "/usr/bin"; }\n' >"$W/writable/inner/p.buckle"
chmod 0777 "$W/writable"
ln -s "$W/writable/inner" "$W/lnk"
run "landlock self: through a link" sh -c "cd '$U/proj' && HOME='$U/home' TMPDIR='$U/tmp' '$I/buckle' run --no-cache $A '$W/lnk/p.buckle' -- /usr/bin/true"
expect_rc "landlock self: a profile behind a link, in a directory every user may write, is refused" 125
expect_err_has "landlock self: ... naming the directory the link leads through" "$W/lnk/p.buckle is in $W/writable, which every user may write"
chmod 0755 "$W/writable"
if [ "$(id -u)" -eq 0 ]; then
    mkdir -p "$W/theirs"
    cp "$W/w.buckle" "$W/theirs/p.buckle"
    chown 65534 "$W/theirs"
    run "landlock self: another user's directory" sh -c "cd '$U/proj' && HOME='$U/home' TMPDIR='$U/tmp' '$I/buckle' run --no-cache $A '$W/theirs/p.buckle' -- /usr/bin/true"
    expect_rc "landlock self: a profile in a directory another user owns is refused" 125
    expect_err_has "landlock self: ... saying why" "$W/theirs/p.buckle is in $W/theirs, which belongs to another user (uid 65534)"
    chown 0 "$W/theirs"
    ln -s "$W/theirs" "$W/theirlink"
    chown -h 65534 "$W/theirlink"
    run "landlock self: another user's link" sh -c "cd '$U/proj' && HOME='$U/home' TMPDIR='$U/tmp' '$I/buckle' run --no-cache $A '$W/theirlink/p.buckle' -- /usr/bin/true"
    expect_rc "landlock self: a profile behind a symbolic link another user owns is refused" 125
    expect_err_has "landlock self: ... saying why" "leads through $W/theirlink, a symbolic link that belongs to another user (uid 65534)"
    chown -h 0 "$W/theirlink"
    run "landlock self: own link" sh -c "cd '$U/proj' && HOME='$U/home' TMPDIR='$U/tmp' '$I/buckle' run --no-cache $A '$W/theirlink/p.buckle' -- /usr/bin/true"
    expect_rc "landlock self: ... and runs once the link and directory are the caller's" 0
else
    skip "landlock self: another user's directory or link" "needs root (to give them to another user)"
fi

# a search directory the command made unsearchable (chmod is metadata) is
# not a miss: the next compilation would take a later candidate's base in
# its place.  As an unprivileged user (root searches anyway)
if [ "$(id -u)" -eq 0 ] && command -v setpriv >/dev/null 2>&1; then
    S=$(mktemp -d "${TMPDIR:-/tmp}/buckle-llsearch.XXXXXX")
    chmod 755 "$S"
    cp "$I/buckle" "$S/buckle"
    mkdir -p "$S/libA" "$S/libB"
    printf 'default deny;\nfiles { allow read "/usr"; }\n' >"$S/libA/team.buckle"
    printf 'default allow;\n' >"$S/libB/team.buckle"
    printf 'extends "team";\n' >"$S/t.buckle"
    chown -R 65534 "$S"
    chmod 0 "$S/libA"
    run "landlock self: unsearchable -I" setpriv --reuid=65534 --regid=65534 --clear-groups env BUCKLE_PATH="$S/libB" "$S/buckle" compile -I "$S/libA" "$S/t.buckle"
    expect_rc "landlock self: a search directory that cannot be searched is an error, not a miss" 1
    expect_err_has "landlock self: ... naming it" "base profile \"team\" cannot be looked for: $S/libA/team.buckle: Permission denied"
    rm -rf "$S"
else
    skip "landlock self: an unsearchable search directory" "needs root (to become uid 65534) and setpriv"
fi
exit 0
