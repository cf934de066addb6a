build2/obj/tests/unit/test_lsp_edits.o: tests/unit/test_lsp_edits.c \
 tests/unit/unit.h tests/unit/../../compiler/compile.h \
 tests/unit/../../compiler/ir.h \
 tests/unit/../../compiler/../grammar/ast.h \
 tests/unit/../../compiler/../grammar/../support/diag.h \
 tests/unit/../../compiler/../grammar/../support/arena.h \
 tests/unit/../../compiler/../grammar/../support/codes.h \
 tests/unit/../../compiler/../grammar/../support/source.h \
 tests/unit/../../compiler/../grammar/../support/strbuf.h \
 tests/unit/../../compiler/../grammar/../support/action.h \
 tests/unit/../../compiler/../support/hashmap.h \
 tests/unit/../../compiler/../support/param_marks.h \
 tests/unit/../../compiler/../seatbelt/ops.h \
 tests/unit/../../compiler/../seatbelt/../support/suggest.h \
 tests/unit/../../compiler/rule_set.h tests/unit/../../grammar/sexp.h \
 tests/unit/../../grammar/../support/diag.h build2/gen/unit_list.h \
 tests/unit/../../lsp/server.h tests/unit/../../lsp/lsp.h \
 tests/unit/../../lsp/../compiler/compile.h tests/unit/../../lsp/rpc.h \
 tests/unit/../../lsp/../lint/lint.h tests/unit/../../lsp/../lint/view.h \
 tests/unit/../../lsp/../lint/../backend/crosscheck.h \
 tests/unit/../../lsp/../lint/../backend/../compiler/decide.h \
 tests/unit/../../lsp/../lint/../backend/../compiler/compile.h \
 tests/unit/../../lsp/../lint/../backend/../compiler/expand.h \
 tests/unit/../../lsp/../lint/../backend/../compiler/../support/strbuf.h \
 tests/unit/../../lsp/../lint/../backend/../compiler/../seatbelt/request.h \
 tests/unit/../../lsp/../lint/../backend/../compiler/../seatbelt/../support/action.h \
 tests/unit/../../lsp/../lint/../backend/../compiler/../seatbelt/ops.h \
 tests/unit/../../lsp/../lint/../backend/../compiler/../seatbelt/regex.h \
 tests/unit/../../lsp/../lint/../backend/../compiler/../seatbelt/../support/arena.h \
 tests/unit/../../lsp/../lint/../backend/../sbpl/sbpl_eval.h \
 tests/unit/../../lsp/../lint/../backend/../sbpl/../grammar/sexp.h \
 tests/unit/../../lsp/../lint/../backend/../sbpl/../support/hashmap.h \
 tests/unit/../../lsp/../lint/../backend/../sbpl/../seatbelt/request.h \
 tests/unit/../../lsp/../lint/../backend/../sbpl/../seatbelt/regex.h \
 tests/unit/../../lsp/../lint/rules_table.h \
 tests/unit/../../lsp/../lint/../support/diag.h \
 tests/unit/../../lsp/../lint/rules.h \
 tests/unit/../../lsp/../fmt/tokens.h \
 tests/unit/../../lsp/../fmt/../support/arena.h
tests/unit/unit.h:
tests/unit/../../compiler/compile.h:
tests/unit/../../compiler/ir.h:
tests/unit/../../compiler/../grammar/ast.h:
tests/unit/../../compiler/../grammar/../support/diag.h:
tests/unit/../../compiler/../grammar/../support/arena.h:
tests/unit/../../compiler/../grammar/../support/codes.h:
tests/unit/../../compiler/../grammar/../support/source.h:
tests/unit/../../compiler/../grammar/../support/strbuf.h:
tests/unit/../../compiler/../grammar/../support/action.h:
tests/unit/../../compiler/../support/hashmap.h:
tests/unit/../../compiler/../support/param_marks.h:
tests/unit/../../compiler/../seatbelt/ops.h:
tests/unit/../../compiler/../seatbelt/../support/suggest.h:
tests/unit/../../compiler/rule_set.h:
tests/unit/../../grammar/sexp.h:
tests/unit/../../grammar/../support/diag.h:
build2/gen/unit_list.h:
tests/unit/../../lsp/server.h:
tests/unit/../../lsp/lsp.h:
tests/unit/../../lsp/../compiler/compile.h:
tests/unit/../../lsp/rpc.h:
tests/unit/../../lsp/../lint/lint.h:
tests/unit/../../lsp/../lint/view.h:
tests/unit/../../lsp/../lint/../backend/crosscheck.h:
tests/unit/../../lsp/../lint/../backend/../compiler/decide.h:
tests/unit/../../lsp/../lint/../backend/../compiler/compile.h:
tests/unit/../../lsp/../lint/../backend/../compiler/expand.h:
tests/unit/../../lsp/../lint/../backend/../compiler/../support/strbuf.h:
tests/unit/../../lsp/../lint/../backend/../compiler/../seatbelt/request.h:
tests/unit/../../lsp/../lint/../backend/../compiler/../seatbelt/../support/action.h:
tests/unit/../../lsp/../lint/../backend/../compiler/../seatbelt/ops.h:
tests/unit/../../lsp/../lint/../backend/../compiler/../seatbelt/regex.h:
tests/unit/../../lsp/../lint/../backend/../compiler/../seatbelt/../support/arena.h:
tests/unit/../../lsp/../lint/../backend/../sbpl/sbpl_eval.h:
tests/unit/../../lsp/../lint/../backend/../sbpl/../grammar/sexp.h:
tests/unit/../../lsp/../lint/../backend/../sbpl/../support/hashmap.h:
tests/unit/../../lsp/../lint/../backend/../sbpl/../seatbelt/request.h:
tests/unit/../../lsp/../lint/../backend/../sbpl/../seatbelt/regex.h:
tests/unit/../../lsp/../lint/rules_table.h:
tests/unit/../../lsp/../lint/../support/diag.h:
tests/unit/../../lsp/../lint/rules.h:
tests/unit/../../lsp/../fmt/tokens.h:
tests/unit/../../lsp/../fmt/../support/arena.h:
