# codes.sh - diagnostic codes are symbols (support/codes.h) with one row each
# in the rule catalogue (lint/rules_table.c); the sources name no code as a
# string; every code is emitted somewhere and has a test that expects it.
# Prints the codes that break a rule.
. tests/lib.sh
SRC="cli compiler grammar lint sbpl support seatbelt backend runner lsp fmt daily"
sed -n 's/^#define \(BK[0-9]\{4\}\) "\(BK[0-9]\{4\}\)".*/\1 \2/p' support/codes.h >"$TMP/codes-defs"
cut -d' ' -f1 "$TMP/codes-defs" | sort >"$TMP/codes-h"
sed -n 's/^ *R(\(BK[0-9]\{4\}\),.*/\1/p' lint/rules_table.c | sort >"$TMP/codes-table"

if [ -s "$TMP/codes-h" ] && [ -s "$TMP/codes-table" ]; then pass "codes: both lists read"; else fail "codes: both lists read" "codes.h or rules_table.c gave no code"; fi
bad=$(awk '$1 != $2 { print $1 }' "$TMP/codes-defs")
if [ -z "$bad" ]; then pass "codes: each symbol is its own code"; else fail "codes: each symbol is its own code" "$bad"; fi
only_h=$(comm -23 "$TMP/codes-h" "$TMP/codes-table" | tr '\n' ' ')
only_t=$(comm -13 "$TMP/codes-h" "$TMP/codes-table" | tr '\n' ' ')
if [ -z "$only_h" ]; then pass "codes: every symbol has a catalogue row"; else fail "codes: every symbol has a catalogue row" "not in lint/rules_table.c: $only_h"; fi
if [ -z "$only_t" ]; then pass "codes: every catalogue row has a symbol"; else fail "codes: every catalogue row has a symbol" "not in support/codes.h: $only_t"; fi

# shellcheck disable=SC2086
lits=$(grep -rnE '"BK[0-9]{4}"' --include='*.c' --include='*.h' --include='*.y' --include='*.l' $SRC | grep -v '^support/codes.h:')
if [ -z "$lits" ]; then pass "codes: no code is written as a string"; else fail "codes: no code is written as a string" "$lits"; fi

# every code the sources name is in the catalogue; every row is emitted
# shellcheck disable=SC2086
grep -rhoE '\bBK[0-9]{4}\b' --include='*.c' --include='*.h' --include='*.y' --include='*.l' $SRC \
    --exclude=codes.h --exclude=rules_table.c | sort -u >"$TMP/codes-used"
unknown=$(comm -23 "$TMP/codes-used" "$TMP/codes-table" | tr '\n' ' ')
unused=$(comm -13 "$TMP/codes-used" "$TMP/codes-table" | tr '\n' ' ')
if [ -z "$unknown" ]; then pass "codes: every code the sources name is in the catalogue"; else fail "codes: every code the sources name is in the catalogue" "unknown: $unknown"; fi
if [ -z "$unused" ]; then pass "codes: every catalogue code is emitted"; else fail "codes: every catalogue code is emitted" "never emitted: $unused"; fi

# every code has a test that expects it: an expect line of tests/errors,
# tests/lint or tests/sbpl, an expect_* of a script, or a unit CHECK
untested=
for c in $(cat "$TMP/codes-table"); do
    grep -rqE "(^[#;]= *expect:|expect_[a-z_]+ |CHECK\().*\b$c\b" tests/ || untested="$untested $c"
done
if [ -z "$untested" ]; then pass "codes: every code has a test that expects it"; else fail "codes: every code has a test that expects it" "no test:$untested"; fi
