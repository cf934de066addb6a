# buckle - compiler, linter and runner for macOS sandbox profiles.
# make            build ./buckle (CC=clang works too)
# make check      set-up, build, and run every test (plus the sanitizer build)
# make demo       set-up, build, compile an example from corpus/ and show it
# make golden     regenerate the golden .sb files of corpus/examples
# make install PREFIX=/usr/local   (bin/buckle, share/buckle/std, share/man/man1 and man5)
# make bench      benchmarks (never part of make check)

.DEFAULT_GOAL := all
# every core, unless the command line says how many jobs (make -j1 ...)
NPROC := $(shell nproc 2>/dev/null || sysctl -n hw.ncpu 2>/dev/null || echo 1)
ifeq ($(filter -j%,$(MAKEFLAGS)),)
MAKEFLAGS += -j$(NPROC)
endif
CC      ?= cc
BISON   ?= bison
FLEX    ?= flex
PREFIX  ?= /usr/local
MANDIR  ?= $(PREFIX)/share/man
BUILD   ?= build
BIN     ?= buckle
CFLAGS  ?= -O2 -g -gdwarf-4
WARN     = -std=c11 -Wall -Wextra -Wshadow -Wstrict-prototypes -Wmissing-prototypes -Werror
GENWARN  = -std=c11 -w
# STATIC=1 links ./buckle statically, STATIC=0 does not; the default (auto)
# does on Linux when the C library can (glibc's libc.a, musl): a process
# start without the dynamic loader is ~1 ms less on the project's VM, and a
# pre-commit hook starts buckle once per file.  macOS cannot link statically.
# The sanitizer, valgrind and callgrind builds are always dynamic.
STATIC  ?= auto
ifeq ($(STATIC),auto)
LINK_STATIC := $(shell if [ "$$(uname -s)" = Linux ]; then t=$$(mktemp 2>/dev/null) || exit 0; \
  printf 'int main(void){return 0;}\n' | $(CC) -x c -static -o "$$t" - >/dev/null 2>&1 && echo 1; rm -f "$$t"; fi)
else
LINK_STATIC := $(STATIC)
endif
# jansson parses and writes the JSON of `buckle lsp` (Debian libjansson-dev,
# Homebrew jansson; tools/setup-deps.sh installs it)
JSON_PREFIX := $(shell pkg-config --exists jansson 2>/dev/null || brew --prefix jansson 2>/dev/null)
JSON_CFLAGS := $(or $(shell pkg-config --cflags jansson 2>/dev/null),$(if $(JSON_PREFIX),-I$(JSON_PREFIX)/include))
JSON_LIBS   := $(or $(shell pkg-config --libs jansson 2>/dev/null),$(if $(JSON_PREFIX),-L$(JSON_PREFIX)/lib) -ljansson)
CPPFLAGS_ALL = $(JSON_CFLAGS) -D_DEFAULT_SOURCE -D_DARWIN_C_SOURCE -Igrammar -I$(BUILD)/gen $(CPPFLAGS) $(if $(filter 1,$(LINK_STATIC)),-DBUCKLE_STATIC)


LIB_SRC  := $(filter-out seatbelt/ops_table.c seatbelt/ops_facts.c,$(sort $(wildcard support/*.c grammar/*.c seatbelt/*.c sbpl/*.c compiler/*.c backend/*.c fmt/*.c lint/*.c lsp/*.c runner/*.c)))
CLI_SRC  := $(sort $(wildcard cli/*.c))
GEN_C    := $(BUILD)/gen/buckle.tab.c $(BUILD)/gen/buckle.lex.c $(BUILD)/gen/sbpl.tab.c $(BUILD)/gen/sbpl.lex.c \
            $(BUILD)/gen/ops_db.c
GEN_H    := $(BUILD)/gen/buckle.tab.h $(BUILD)/gen/sbpl.tab.h
# the daily loop's library (why, diff): above lint, below cli
LIB_SRC  += $(sort $(wildcard daily/*.c))
LIB_OBJ  := $(LIB_SRC:%.c=$(BUILD)/obj/%.o) $(GEN_C:$(BUILD)/gen/%.c=$(BUILD)/obj/gen/%.o)
CLI_OBJ  := $(CLI_SRC:%.c=$(BUILD)/obj/%.o)
TOOL_SRC := $(sort $(wildcard tests/unit/*.c))

.SECONDARY: $(GEN_C) $(GEN_H)
check-live: $(BIN) $(BUILD)/sigsend
	@BUCKLE=./$(BIN) BUILD=$(BUILD) sh tests/live/run_live.sh
# buckle why over logs of 100,000 and 1,000,000 lines (also the end of make bench)
bench-why: $(BIN)
	@BUCKLE=./$(BIN) sh bench/why.sh
# buckle diff of the srt examples against their compiled goldens (also in make bench)
bench-diff: $(BIN)
	@BUCKLE=./$(BIN) sh bench/diff.sh

.PHONY: valgrind check-live all check demo golden install uninstall clean bench bench-editor bench-tools tools-check test-tools fuzz-diff fuzz fuzz-build bench-diff
all: $(BIN)

$(BUILD)/.tools-ok: tools/setup-deps.sh tools/setup-man.sh
	@BISON="$(BISON)" FLEX="$(FLEX)" CC="$(CC)" sh tools/setup-deps.sh
	@mkdir -p $(BUILD) && touch $@

tools-check: $(BUILD)/.tools-ok

$(BUILD)/gen/%.tab.c $(BUILD)/gen/%.tab.h: grammar/%.y | $(BUILD)/.tools-ok
	@mkdir -p $(BUILD)/gen
	$(BISON) -Wall -Werror -d -o $(BUILD)/gen/$*.tab.c $<

$(BUILD)/gen/%.lex.c: grammar/%.l $(BUILD)/gen/%.tab.h | $(BUILD)/.tools-ok
	@mkdir -p $(BUILD)/gen
	$(FLEX) -o $@ $<

# the operation table, computed at build time from seatbelt/ops_table.c and
# seatbelt/ops_facts.c (tools/gen_ops.c runs on the build machine; plain
# flags: it is not part of what the sanitizer builds test)
$(BUILD)/gen-ops: tools/gen_ops.c seatbelt/ops_table.c seatbelt/ops_facts.c seatbelt/ops.h seatbelt/ops_db.h seatbelt/ops_facts.h
	@mkdir -p $(BUILD)
	$(CC) $(WARN) -O1 -o $@ tools/gen_ops.c seatbelt/ops_table.c seatbelt/ops_facts.c

$(BUILD)/gen/ops_db.c: $(BUILD)/gen-ops
	@mkdir -p $(BUILD)/gen
	$(BUILD)/gen-ops "$(CURDIR)/seatbelt/ops_db.h" >$@.tmp && mv $@.tmp $@

$(BUILD)/obj/gen/%.o: $(BUILD)/gen/%.c $(GEN_H) $(wildcard support/*.h grammar/*.h seatbelt/ops*.h)
	@mkdir -p $(dir $@)
	$(CC) $(GENWARN) $(CFLAGS) $(CPPFLAGS_ALL) -MMD -MP -c -o $@ $<

$(BUILD)/obj/%.o: %.c | $(GEN_H)
	@mkdir -p $(dir $@)
	$(CC) $(WARN) $(CFLAGS) $(CPPFLAGS_ALL) -MMD -MP -c -o $@ $<

$(BUILD)/libbuckle.a: $(LIB_OBJ)
	@rm -f $@
	ar rcs $@ $^

$(BIN): $(CLI_OBJ) $(BUILD)/libbuckle.a
	$(CC) $(CFLAGS) $(LDFLAGS) $(if $(filter 1,$(LINK_STATIC)),-static) -o $@ $(CLI_OBJ) $(BUILD)/libbuckle.a $(JSON_LIBS)

# test tools: unit tests and the SBPL read-back checker
# the differential check: diffcheck.c and its object and profile generators
DIFF_SRC := tests/unit/diffcheck.c tests/unit/diff_objects.c tests/unit/gen_profile.c tests/unit/gen_check.c \
            tests/unit/gen_oracle.c tests/unit/gen_moves.c
UNIT_OBJ := $(patsubst %.c,$(BUILD)/obj/%.o,$(filter-out tests/unit/readback.c tests/unit/query_batch.c $(DIFF_SRC),$(TOOL_SRC)))
# every "void test_NAME(void)" of the unit tests, for unit_main.c to run;
# unit_files, the names of the files, changes when one comes or goes, so
# that the list follows a removed file too
UNIT_SRC := $(filter-out tests/unit/unit_main.c,$(UNIT_OBJ:$(BUILD)/obj/%.o=%.c))
$(BUILD)/gen/unit_files: FORCE
	@mkdir -p $(BUILD)/gen
	@echo '$(UNIT_SRC)' >$@.tmp; cmp -s $@.tmp $@ && rm -f $@.tmp || mv $@.tmp $@
$(BUILD)/gen/unit_list.h: $(UNIT_SRC) $(BUILD)/gen/unit_files
	@mkdir -p $(BUILD)/gen
	sed -n 's/^void test_\([a-z0-9_]*\)(void)$$/UNIT(\1)/p' $(UNIT_SRC) >$@.tmp
	cmp -s $@.tmp $@ && rm -f $@.tmp || mv $@.tmp $@
FORCE:
$(UNIT_OBJ): $(BUILD)/gen/unit_list.h
$(BUILD)/unit-tests: $(UNIT_OBJ) $(BUILD)/libbuckle.a
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $^
$(BUILD)/sbpl-readback: $(BUILD)/obj/tests/unit/readback.o $(BUILD)/libbuckle.a
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $^
$(BUILD)/query-batch: $(BUILD)/obj/tests/unit/query_batch.o $(BUILD)/libbuckle.a
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $^
$(BUILD)/diff-check: $(DIFF_SRC:%.c=$(BUILD)/obj/%.o) $(BUILD)/libbuckle.a
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $^
$(BUILD)/sandbox-exec-standin: $(BUILD)/obj/tests/standin/sandbox_exec_standin.o $(BUILD)/libbuckle.a
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $^
$(BUILD)/sigsend: tests/standin/sigsend.c
	@mkdir -p $(BUILD)
	$(CC) $(WARN) $(CFLAGS) -o $@ $<
$(BUILD)/tcpprobe: tests/standin/tcpprobe.c
	@mkdir -p $(BUILD)
	$(CC) $(WARN) $(CFLAGS) -o $@ $<
$(BUILD)/sysprobe: tests/standin/sysprobe.c
	@mkdir -p $(BUILD)
	$(CC) $(WARN) $(CFLAGS) -o $@ $<
# the test build of buckle: the installed buckle never honours the test
# hooks (BUCKLE_SANDBOX_EXEC, BUCKLE_TEST_CACHE_PARENT); this one does, for
# the tests that run through the stand-in or keep a run cache of their own.
$(BUILD)/obj/cli/cmd_run-test.o: cli/cmd_run.c | $(GEN_H)
	@mkdir -p $(dir $@)
	$(CC) $(WARN) $(CFLAGS) $(CPPFLAGS_ALL) -DBUCKLE_TEST_BUILD -MMD -MP -c -o $@ $<
$(BUILD)/buckle-test: $(filter-out $(BUILD)/obj/cli/cmd_run.o,$(CLI_OBJ)) $(BUILD)/obj/cli/cmd_run-test.o $(BUILD)/libbuckle.a
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $^ $(JSON_LIBS)
TEST_BIN := $(BUILD)/buckle-test
test-tools: $(BIN) $(BUILD)/unit-tests $(BUILD)/sbpl-readback $(BUILD)/query-batch $(BUILD)/diff-check $(BUILD)/sandbox-exec-standin \
            $(BUILD)/sigsend $(BUILD)/tcpprobe $(BUILD)/sysprobe $(TEST_BIN)

SAN_FLAGS = -O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all

# make check: the test suite on the normal build, then again on an
# ASan+UBSan build (skipped with a SKIP line where the compiler has no
# sanitizer runtime), then the live tests; every stage runs, and the last
# lines are each stage's "N passed, N failed" and the total (tests/check.sh).
check: test-tools bench-tools
	@sh tools/setup-editors.sh || echo "setup: the editor tests will fail (see above)"
	@BUCKLE=./$(BIN) BUILD=$(BUILD) CC="$(CC)" SAN_FLAGS="$(SAN_FLAGS)" \
	  SAN_MAKE='$(MAKE) --no-print-directory STATIC=0 BUILD=$(BUILD)-asan BIN=$(BUILD)-asan/buckle CFLAGS="$(SAN_FLAGS)" LDFLAGS="-fsanitize=address,undefined" test-tools' \
	  sh tests/check.sh

# more requests than make check (not part of it): random names per path
# (FUZZ_RANDOM) over several seeds (the even ones with the evaluator
# answering through its path index), then generated profiles (FUZZ_GEN per
# seed; the shape classes and checks that make check leaves off, see
# tests/cli/differential.sh).  The defaults finish in minutes on two cores;
# FUZZ_LONG=1 is the long run (docs/hacking.md), and each variable can be
# set on its own
FUZZ_LONG ?=
FUZZ_RANDOM ?= $(if $(FUZZ_LONG),200,10)
FUZZ_GEN ?= $(if $(FUZZ_LONG),1500,200)
GEN_WITHOUT ?= $(shell sed -n 's/^GEN_WITHOUT=//p' tests/cli/differential.sh)
GEN_SKIP ?= $(shell sed -n 's/^GEN_SKIP=//p' tests/cli/differential.sh)
FUZZ_SEEDS ?= $(if $(FUZZ_LONG),1 2 3 4 5 6 7 8,1 2)
FUZZ_GEN_SEEDS ?= $(if $(FUZZ_LONG),101 102 103 104,101 102)
# each seed is a target of its own (make -j2 fuzz-diff runs two at a time);
# a seed's last line is printed with the seed, its failures in full
fuzz-diff: $(FUZZ_SEEDS:%=fuzz-diff-objects-%) $(FUZZ_GEN_SEEDS:%=fuzz-diff-generated-%)
fuzz-diff-objects-%: test-tools
	@$(BUILD)/diff-check -I corpus --seed $* --random $(FUZZ_RANDOM) $$([ $$(($* % 2)) = 0 ] && echo --index) corpus/examples/*.buckle \
	  $$(find corpus/std -name '*.buckle') tests/diff/*.buckle >$(BUILD)/fuzz-diff-$*.out 2>$(BUILD)/fuzz-diff-$*.err; rc=$$?; \
	  echo "seed $*: $$(tail -n 1 $(BUILD)/fuzz-diff-$*.out)"; \
	  [ $$rc = 0 ] || { head -n 40 $(BUILD)/fuzz-diff-$*.err; exit 1; }
fuzz-diff-generated-%: test-tools
	@$(BUILD)/diff-check --generate $(FUZZ_GEN) --seed $* $(if $(GEN_WITHOUT),--without $(GEN_WITHOUT)) \
	  $(if $(GEN_SKIP),--skip $(GEN_SKIP)) --shrink >$(BUILD)/fuzz-diff-$*.out 2>$(BUILD)/fuzz-diff-$*.err; rc=$$?; \
	  echo "seed $*: $$(tail -n 1 $(BUILD)/fuzz-diff-$*.out)"; \
	  [ $$rc = 0 ] || { head -n 60 $(BUILD)/fuzz-diff-$*.err; exit 1; }

# libFuzzer harnesses (clang): make fuzz FUZZ_TIME=1800 runs each for that long
FUZZ_TIME ?= 60
FUZZ_CC ?= clang
FUZZ_SAN = -fsanitize=address,undefined -fno-sanitize-recover=all
fuzz-build:
	@$(MAKE) --no-print-directory STATIC=0 BUILD=build-fuzz CC=$(FUZZ_CC) CFLAGS="-O1 -g $(FUZZ_SAN) -fsanitize=fuzzer-no-link" build-fuzz/libbuckle.a
	@for h in compile sbpl lint fmt; do \
	  $(FUZZ_CC) -O1 -g $(FUZZ_SAN) -fsanitize=fuzzer $(CPPFLAGS_ALL:$(BUILD)/gen=build-fuzz/gen) -Ibuild-fuzz/gen \
	    -o build-fuzz/fuzz_$$h tests/fuzz/fuzz_$$h.c build-fuzz/libbuckle.a || exit 1; done
fuzz: fuzz-build
	@for h in compile sbpl lint fmt; do sh tests/fuzz/run.sh $$h $(FUZZ_TIME) || exit 1; done

demo: $(BIN)
	@echo "== buckle compile corpus/examples/agent.buckle"
	@./$(BIN) compile corpus/examples/agent.buckle
	@echo "== buckle lint corpus/examples/agent.buckle"
	@./$(BIN) lint corpus/examples/agent.buckle
	@echo "== buckle query corpus/examples/agent.buckle files read '~/.ssh/id_rsa'"
	@./$(BIN) query corpus/examples/agent.buckle files read '~/.ssh/id_rsa'

golden: $(BIN)
	@for f in corpus/examples/*.buckle; do \
	  ./buckle compile "$$f" -o "$${f%.buckle}.sb" || exit 1; echo "wrote $${f%.buckle}.sb"; done

install: $(BIN)
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/buckle/std
	install -m 755 $(BIN) $(DESTDIR)$(PREFIX)/bin/buckle
	cd corpus && find std -type d -exec install -d "$(DESTDIR)$(PREFIX)/share/buckle/{}" \;
	cd corpus && find std -type f -name '*.buckle' -exec install -m 644 {} "$(DESTDIR)$(PREFIX)/share/buckle/{}" \;
	install -d $(DESTDIR)$(MANDIR)/man1 $(DESTDIR)$(MANDIR)/man5
	install -m 644 docs/man/buckle.1 $(DESTDIR)$(MANDIR)/man1/buckle.1
	install -m 644 docs/man/buckle.5 $(DESTDIR)$(MANDIR)/man5/buckle.5

uninstall:
	rm -f $(DESTDIR)$(PREFIX)/bin/buckle
	rm -rf $(DESTDIR)$(PREFIX)/share/buckle
	rm -f $(DESTDIR)$(MANDIR)/man1/buckle.1 $(DESTDIR)$(MANDIR)/man5/buckle.5

$(BUILD)/bench-tool: $(BUILD)/obj/bench/bench_tool.o $(BUILD)/libbuckle.a
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $^
# linked as buckle is (static or not): the floor a runner process is measured against
$(BUILD)/noop-wrapper: $(BUILD)/obj/bench/noop_wrapper.o
	$(CC) $(CFLAGS) $(LDFLAGS) $(if $(filter 1,$(LINK_STATIC)),-static) -o $@ $^
$(BUILD)/touch-pages: $(BUILD)/obj/bench/touch_pages.o
	$(CC) $(CFLAGS) $(LDFLAGS) $(if $(filter 1,$(LINK_STATIC)),-static) -o $@ $^
$(BUILD)/interleave: $(BUILD)/obj/bench/interleave.o
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $^
$(BUILD)/lsp-bench: $(BUILD)/obj/bench/lsp_bench.o
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $^ $(JSON_LIBS)
# built (never run) by make check, so that the benchmark cannot rot unseen
BENCH_TOOLS = $(BUILD)/bench-tool $(BUILD)/noop-wrapper $(BUILD)/touch-pages $(BUILD)/interleave $(BUILD)/lsp-bench
bench-tools: $(BENCH_TOOLS)
bench: $(BIN) $(BUILD)/sandbox-exec-standin $(BENCH_TOOLS) $(TEST_BIN)
	@sh tools/setup-bench.sh
	@$(MAKE) --no-print-directory STATIC=0 BUILD=$(BUILD)-cg CFLAGS=-O2 BIN=$(BUILD)-cg/buckle $(BUILD)-cg/buckle >/dev/null
	@BUILD=$(BUILD) BUCKLE_CG=$(BUILD)-cg/buckle sh bench/run.sh
	@BUILD=$(BUILD) sh bench/editor.sh
bench-editor: $(BIN) $(BUILD)/lsp-bench
	@BUILD=$(BUILD) sh bench/editor.sh

clean:
	rm -rf $(BUILD) $(BUILD)-asan $(BUILD)-vg $(BUILD)-cg build-fuzz buckle

-include $(shell find $(BUILD)/obj -name '*.d' 2>/dev/null)

# valgrind memcheck over the CLI tests: zero leaks, zero errors
# (DWARF 4: valgrind 3.19 cannot read the DWARF 5 that gcc 12 writes by default)
valgrind:
	@$(MAKE) --no-print-directory STATIC=0 BUILD=$(BUILD)-vg BIN=$(BUILD)-vg/buckle CFLAGS="-O1 -gdwarf-4" $(BUILD)-vg/buckle $(BUILD)-vg/buckle-test
	@LC_ALL=C BUCKLE=$(BUILD)-vg/buckle sh tests/valgrind.sh
