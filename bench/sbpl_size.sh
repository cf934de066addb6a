#!/bin/sh
# bench/sbpl_size.sh FILE... - "bytes filters" of each SBPL profile, counted
# the same way for every generator: the filters are the literal, subpath,
# prefix, regex and path filters, the name filters (global-name, local-name,
# sysctl-name, ipc-posix-name, iokit classes, with their -prefix and -regex
# forms) and the address filters (local, remote), outside strings and
# comments.
set -u
for f in "$@"; do
    n=$(sed -E 's/"([^"\\]|\\.)*"/""/g; s/;.*//' "$f" |
        grep -oE '\((literal|subpath|prefix|regex|path|path-literal|path-prefix|path-regex|(global|local)-name(-prefix|-regex)?|sysctl-name(-prefix|-regex)?|ipc-posix-name(-prefix|-regex)?|iokit-(user-client|registry-entry)-class(-regex)?|local|remote)[ )]' |
        wc -l)
    echo "$(wc -c <"$f" | tr -d ' ') $(echo "$n" | tr -d ' ')"
done
