#!/bin/sh
# gen_profile.sh N OUT_DIR - writes a generated profile of about N rules:
# a base file with final denies and deny lists, extended by a main file with
# path, glob and mach-name rules (the shape of generated deny lists and
# worktree allow lists that users of the peer report).
set -eu
n=$1; dir=$2
mkdir -p "$dir"
awk -v n="$n" -v dir="$dir" 'BEGIN {
    base = dir "/base.buckle"; main = dir "/main.buckle"
    q = n / 4
    print "# generated base: final denies and a deny list" > base
    print "default deny;" > base
    print "files {" > base
    print "    deny final read \"/Users/bench/.ssh\", \"/Users/bench/.aws\";" > base
    for (i = 0; i < q; i++) printf "    deny write \"/Users/bench/src/repo%d/secrets/k%d\";\n", i % 997, i > base
    print "}" > base
    print "extends \"./base\";" > main
    print "files {" > main
    for (i = 0; i < q; i++) printf "    allow write \"/Users/bench/src/repo%d/wt%d\";\n", i % 997, i > main
    for (i = 0; i < q; i++) printf "    deny write glob \"/Users/bench/src/repo%d/wt%d/**/*.pem\";\n", i % 997, i > main
    print "}" > main
    print "mach {" > main
    for (i = 0; i < q; i++) printf "    allow lookup \"com.bench.service%d\";\n", i > main
    print "}" > main
}'
