#!/bin/sh
# check-layers.sh - checks the #include "..." lines of the sources:
#  1. no folder includes a higher layer:
#       support <- grammar <- seatbelt, fmt <- compiler, sbpl <- backend <- lint, runner <- lsp, daily <- cli
#     (folders of one layer include neither each other nor anything above;
#     tests/, bench/ and tools/ may include anything, and nothing includes
#     them); a folder of sources that has no layer here is an error;
#  2. no circle of includes between files;
#  3. every quoted include names a file of the tree (or a header that bison
#     generates from grammar/).
# Prints one line per problem and exits 1 when there is any; run from the top
# of the tree (tests/cli/layers.sh runs it in make check).
# Usage: sh tools/check-layers.sh [DIR]   (default: .)
set -u
cd "${1:-.}" || exit 2
files=$(find . -path './.*' -prune -o -path './build*' -prune -o \
             -type f \( -name '*.c' -o -name '*.h' -o -name '*.y' -o -name '*.l' \) -print 2>/dev/null |
       sed 's#^\./##' | grep / | LC_ALL=C sort)
[ -n "$files" ] || { echo "check-layers: no sources under $(pwd)" >&2; exit 2; }
# shellcheck disable=SC2086
grep -H -n '^[[:space:]]*#[[:space:]]*include[[:space:]]*"' $files /dev/null |
LC_ALL=C awk -v files="$files" '
function norm(p,    n, i, k, part, out) {      # a/b/../c -> a/c, ./x -> x
    n = split(p, part, "/"); k = 0
    for (i = 1; i <= n; i++) {
        if (part[i] == "." || part[i] == "") continue
        if (part[i] == ".." && k > 0 && out[k] != "..") { k--; continue }
        out[++k] = part[i]
    }
    p = ""
    for (i = 1; i <= k; i++) p = p (i > 1 ? "/" : "") out[i]
    return p
}
function dir(p) { return p ~ /\// ? substr(p, 1, match(p, /\/[^\/]*$/) - 1) : "." }
function top(p) { return substr(p, 1, index(p "/", "/") - 1) }
# rank of a folder: folders of one rank are side by side
function rank(t) {
    if (t == "support") return 0
    if (t == "grammar") return 1
    if (t == "seatbelt" || t == "fmt") return 2
    if (t == "compiler" || t == "sbpl") return 3
    if (t == "backend") return 4
    if (t == "lint" || t == "runner") return 5
    if (t == "lsp" || t == "daily") return 6
    if (t == "cli") return 7
    if (t == "tests" || t == "bench" || t == "tools") return 99   # may include anything
    return -1                        # no layer: an error
}
BEGIN {
    n = split(files, f, "\n")
    bad = 0
    for (i = 1; i <= n; i++) {
        exists[f[i]] = 1
        t = top(f[i])
        if (rank(t) < 0 && !(t in told)) {
            printf "%s/: a folder of sources without a layer (add it to tools/check-layers.sh)\n", t
            told[t] = 1; bad = 1
        }
    }
}
{
    # FILE:LINE:   #include "NAME"
    file = $0; sub(/:.*/, "", file)
    rest = substr($0, length(file) + 2)
    line = rest; sub(/:.*/, "", line)
    name = rest; sub(/^[^"]*"/, "", name); sub(/".*/, "", name)
    to = ""
    if ((norm(dir(file) "/" name)) in exists) to = norm(dir(file) "/" name)
    else if (("grammar/" name) in exists) to = "grammar/" name
    else if (name ~ /^[a-z_]+\.tab\.h$/ && (("grammar/" substr(name, 1, length(name) - 6) ".y") in exists))
        to = "grammar/" substr(name, 1, length(name) - 6) ".y"   # bison output
    if (to == "") {
        printf "%s:%s: #include \"%s\" names no file of the tree\n", file, line, name
        bad = 1; next
    }
    rf = rank(top(file)); rt = rank(top(to))
    if (rf >= 0 && rf < 99 && (rt < 0 || rt > rf || (rt == rf && top(to) != top(file)))) {
        printf "%s:%s: %s/ must not include %s (layers: support <- grammar <- seatbelt, fmt <- compiler, sbpl <- backend <- lint, runner <- lsp, daily <- cli)\n", file, line, top(file), to
        bad = 1
    }
    if (!((file, to) in edge)) { edge[file, to] = 1; adj[file] = adj[file] " " to }
}
# depth-first search for circles: state 1 = on the current path, 2 = done
function visit(v,    m, i, j, k, w, nx, pathv) {
    state[v] = 1; stack[++sp] = v
    m = split(adj[v], nx, " ")
    for (i = 1; i <= m; i++) {
        w = nx[i]
        if (state[w] == 1) {
            pathv = w
            for (j = sp; j >= 1 && stack[j] != w; j--) ;
            pathv = stack[j]
            for (k = j + 1; k <= sp; k++) pathv = pathv " -> " stack[k]
            printf "include circle: %s -> %s\n", pathv, w
            bad = 1
        } else if (!state[w]) visit(w)
    }
    sp--; state[v] = 2
}
END {
    sp = 0
    for (i = 1; i <= n; i++) if (!state[f[i]]) visit(f[i])
    exit bad
}'
