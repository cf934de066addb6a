# unit_list.sh - the Makefile's list of unit tests (BUILD/gen/unit_list.h)
# follows the unit test files in an incremental build: a new file's tests
# are listed, a removed file's are not (its test would not link).  Runs make
# for the list alone, on a copy of the Makefile and tests/unit.
. tests/lib.sh
t="$TMP/unit-list"
rm -rf "$t" && mkdir -p "$t/tests"
cp Makefile "$t/" && cp -R tests/unit "$t/tests/"
printf 'void test_extra_one(void);\nvoid test_extra_one(void)\n{\n}\n' >"$t/tests/unit/test_extra_one.c"
list() { env -u MAKEFLAGS -u MAKELEVEL make -s -C "$t" BUILD=b b/gen/unit_list.h >"$TMP/unit-list.out" 2>&1; }
list
if grep -qx 'UNIT(extra_one)' "$t/b/gen/unit_list.h"; then pass "unit list: a new file's test is listed"
else fail "unit list: a new file's test is listed" "$(cat "$TMP/unit-list.out" "$t/b/gen/unit_list.h" 2>&1 | head -20)"; fi
n=$(grep -c '^UNIT(' "$t/b/gen/unit_list.h")
rm "$t/tests/unit/test_extra_one.c"
list
if grep -q 'extra_one' "$t/b/gen/unit_list.h"; then fail "unit list: a removed file's test goes" "still listed: $(grep extra_one "$t/b/gen/unit_list.h")"
else pass "unit list: a removed file's test goes"; fi
m=$(grep -c '^UNIT(' "$t/b/gen/unit_list.h")
if [ "$m" -eq $((n - 1)) ]; then pass "unit list: the other tests stay listed"
else fail "unit list: the other tests stay listed" "$n listed before, $m after"; fi
