# landlock_workflows.sh - everyday work under std/agent that must run
# (docs/linux.md): npm's link to a local package beside the project
# (file:../dep), which leads to a directory the command may change nothing
# in; the checks after the run still name a link to a directory it may
# change.  Live, with the real npm and git where installed.
. tests/lib.sh
agent_setup llwf "landlock workflows"
A="--no-cache --linux-accept=files,new-paths"
printf 'extends "std/agent", "std/dev/node";\n' >"$U/prof/node.buckle"
# inrun DIRECTORY PROFILE COMMAND
inrun() {
    run "landlock workflows" sh -c "cd '$1' && env HOME='$U/home' TMPDIR='$U/tmp' '$B' run $A '$2' -- sh -c '$3'"
}
inrun "$U/w" "$P" "echo RAN"
landlock_or_exit "landlock workflows"
expect_rc "landlock workflows: std/agent runs" 0

# a local package beside the project: a link to a directory the command
# may change nothing in, and no repository there but the user's own
mkdir -p "$U/js/app" "$U/js/dep/bin"
printf '{"name":"dep","version":"1.0.0","bin":{"dep-tool":"bin/tool.js"}}\n' >"$U/js/dep/package.json"
printf '#!/usr/bin/env node\nconsole.log("tool")\n' >"$U/js/dep/bin/tool.js"
printf '{"name":"app","version":"1.0.0","dependencies":{"dep":"file:../dep"}}\n' >"$U/js/app/package.json"
git -C "$U/js/app" init -q
inrun "$U/js/app" "$P" "mkdir -p nm && ln -s ../../dep nm/dep && ln -s ../../dep/bin/tool.js nm/tool && echo LINKED"
expect_rc "landlock workflows: a link to a package beside the project runs" 0
expect_out_has "landlock workflows: ... (the command ran)" LINKED
rm -rf "$U/js/app/nm"
if command -v npm >/dev/null 2>&1; then
    inrun "$U/js/app" "$U/prof/node.buckle" "npm install --offline --no-audit --no-fund >/dev/null 2>&1; echo rc=\$?"
    expect_rc "landlock workflows: npm install of a file:../dep package runs" 0
    expect_out_has "landlock workflows: ... npm succeeded" "rc=0"
    [ -L "$U/js/app/node_modules/dep" ] && pass "landlock workflows: ... node_modules/dep is its link" \
        || fail "landlock workflows: ... node_modules/dep is its link" "$(ls -la "$U/js/app/node_modules" 2>&1)"
    inrun "$U/js/app" "$U/prof/node.buckle" "echo AGAIN"
    expect_rc "landlock workflows: ... and the next run starts" 0
else
    skip "landlock workflows: npm install of a file:../dep package" "npm is not installed"
fi
# the same link where the profile lets the command write beneath the
# package, or to a directory in a repository it may change: named
printf 'extends "std/agent";\nfiles { allow write "%s/js/dep/build"; }\n' "$U" >"$U/prof/depbuild.buckle"
mkdir -p "$U/js/dep/build"
inrun "$U/js/app" "$U/prof/depbuild.buckle" "ln -s ../dep dep2"
expect_rc "landlock workflows: a link to a directory the command may write beneath: named" 125
expect_err_has "landlock workflows: ... naming it" "$U/js/app/dep2 is a symbolic link the command made"
rm -f "$U/js/app/dep2"
git -C "$U/js/dep" init -q
mkdir -p "$U/js/dep/notes"
printf 'extends "std/agent";\nfiles { allow write "%s/js/dep/notes"; }\n' "$U" >"$U/prof/depnotes.buckle"
inrun "$U/js/app" "$U/prof/depnotes.buckle" "ln -s ../dep/bin depbin"
expect_rc "landlock workflows: a link into a repository the command may write in: named" 125
expect_err_has "landlock workflows: ... naming it" "$U/js/app/depbin is a symbolic link the command made"
rm -f "$U/js/app/depbin"
inrun "$U/js/app" "$P" "ln -s ../dep/bin depbin"
expect_rc "landlock workflows: a link into a repository of the user's the command may not change runs" 0
rm -rf "$U/js/app/depbin" "$U/js/dep/.git"

# a linked worktree (its .git a file naming the repository's): the top
# level is as writable as a checkout's, and the .git file stays
git -C "$U/w" -c user.name=t -c user.email=t@t commit -q --allow-empty -m first
if git -C "$U/w" worktree add -q "$U/wt" 2>/dev/null; then
    inrun "$U/wt" "$P" "touch newfile && mkdir node_modules && echo MADE; rm -f .git 2>/dev/null; echo > .git 2>/dev/null; true"
    expect_rc "landlock workflows: std/agent in a linked worktree runs" 0
    expect_out_has "landlock workflows: ... and makes files at its top level" MADE
    grep -q '^gitdir: ' "$U/wt/.git" && pass "landlock workflows: ... its .git file unchanged" \
        || fail "landlock workflows: ... its .git file unchanged" "$(cat "$U/wt/.git")"
    rm -rf "$U/wt/newfile" "$U/wt/node_modules"
else
    skip "landlock workflows: a linked worktree" "git worktree add failed"
fi

# git init and git clone in the project: a repository whose files name no
# program is left alone by the run that makes it; the next run refuses
# while the command may write its configuration, saying which denies hold it
mkdir -p "$U/w/src"
git -C "$U/w" -c user.name=t -c user.email=t@t commit -q --allow-empty -m second
inrun "$U/w" "$P" "git init -q scratch && git -C src init -q && git clone -q --no-hardlinks file://$U/w vendor/x 2>/dev/null && git init -q --bare bare.git && echo MADE"
expect_rc "landlock workflows: git init, git init in a directory of the project, git clone: the run succeeds" 0
expect_out_has "landlock workflows: ... (the command ran)" MADE
inrun "$U/w" "$P" "echo RAN"
expect_rc "landlock workflows: ... the next run refuses while the command may write their configuration" 125
expect_err_has "landlock workflows: ... saying which denies hold it" "deny it too (deny final write"
rm -rf "$U/w/scratch" "$U/w/src/.git" "$U/w/vendor" "$U/w/bare.git"
# one that names a program, or has a hook: the run fails, naming it
inrun "$U/w" "$P" "git init -q evil && git -C evil config core.fsmonitor \"echo PWNED\""
expect_rc "landlock workflows: a repository made with core.fsmonitor fails the run" 125
expect_err_has "landlock workflows: ... naming it" "$U/w/evil/.git is a repository the command made beneath the working directory"
rm -rf "$U/w/evil"
inrun "$U/w" "$P" "git init -q hooked && printf \"#!/bin/sh\\n\" >hooked/.git/hooks/post-checkout && chmod +x hooked/.git/hooks/post-checkout"
expect_rc "landlock workflows: a repository made with a hook fails the run" 125
expect_err_has "landlock workflows: ... naming it" "$U/w/hooked/.git is a repository the command made"
rm -rf "$U/w/hooked"

# git submodule add of a local path (the user's, before the run): its
# objects are hard links to the origin's, but they lie in .git/modules,
# which std/agent keeps read-only whole on Linux, so the command cannot
# write them and the run goes on; added from a file:// URL (copies), too
git init -q "$U/other" && git -C "$U/other" -c user.name=t -c user.email=t@t commit -q --allow-empty -m o
git -C "$U/other" -c user.name=t -c user.email=t@t commit -q --allow-empty -m o2
git -C "$U/other" gc -q 2>/dev/null
if (cd "$U/w" && git -c protocol.file.allow=always submodule add -q "$U/other" lib) >/dev/null 2>&1; then
    inrun "$U/w" "$P" "echo RAN"
    expect_rc "landlock workflows: a submodule added from a local path runs (its linked objects are read-only)" 0
    expect_out_has "landlock workflows: ... (the command ran, local path)" RAN
    (cd "$U/w" && git submodule deinit -q -f lib && git rm -q -f lib && rm -rf .git/modules/lib) >/dev/null 2>&1
    if (cd "$U/w" && git -c protocol.file.allow=always submodule add -q "file://$U/other" lib) >/dev/null 2>&1; then
        inrun "$U/w" "$P" "echo RAN"
        expect_rc "landlock workflows: a submodule added from a file:// URL runs" 0
        expect_out_has "landlock workflows: ... (the command ran)" RAN
        # its .git file names where git takes its configuration from: one
        # the command rewrites (or replaces) fails the run
        keep=$(cat "$U/w/lib/.git")
        inrun "$U/w" "$P" "mkdir -p \$TMPDIR/evsm && printf \"gitdir: \$TMPDIR/evsm\\n\" >lib/.git; echo RAN"
        expect_rc "landlock workflows: a submodule's .git file rewritten: the run fails" 125
        expect_err_has "landlock workflows: ... naming it" "$U/w/lib/.git is a .git file the command changed during the run"
        rm -f "$U/w/lib/.git" && echo "$keep" >"$U/w/lib/.git"
    else
        skip "landlock workflows: a submodule from a file:// URL" "git submodule add failed"
    fi
else
    skip "landlock workflows: a local submodule" "git submodule add failed"
fi
