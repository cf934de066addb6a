build2/obj/lsp/server.o: lsp/server.c lsp/server.h lsp/lsp.h \
 lsp/../compiler/compile.h lsp/../compiler/ir.h \
 lsp/../compiler/../grammar/ast.h \
 lsp/../compiler/../grammar/../support/diag.h \
 lsp/../compiler/../grammar/../support/arena.h \
 lsp/../compiler/../grammar/../support/codes.h \
 lsp/../compiler/../grammar/../support/source.h \
 lsp/../compiler/../grammar/../support/strbuf.h \
 lsp/../compiler/../grammar/../support/action.h \
 lsp/../compiler/../support/hashmap.h \
 lsp/../compiler/../support/param_marks.h \
 lsp/../compiler/../seatbelt/ops.h \
 lsp/../compiler/../seatbelt/../support/suggest.h \
 lsp/../compiler/rule_set.h lsp/rpc.h lsp/../lint/lint.h \
 lsp/../lint/view.h lsp/../lint/../backend/crosscheck.h \
 lsp/../lint/../backend/../compiler/decide.h \
 lsp/../lint/../backend/../compiler/compile.h \
 lsp/../lint/../backend/../compiler/expand.h \
 lsp/../lint/../backend/../compiler/../support/strbuf.h \
 lsp/../lint/../backend/../compiler/../seatbelt/request.h \
 lsp/../lint/../backend/../compiler/../seatbelt/../support/action.h \
 lsp/../lint/../backend/../compiler/../seatbelt/ops.h \
 lsp/../lint/../backend/../compiler/../seatbelt/regex.h \
 lsp/../lint/../backend/../compiler/../seatbelt/../support/arena.h \
 lsp/../lint/../backend/../sbpl/sbpl_eval.h \
 lsp/../lint/../backend/../sbpl/../grammar/sexp.h \
 lsp/../lint/../backend/../sbpl/../grammar/../support/diag.h \
 lsp/../lint/../backend/../sbpl/../support/hashmap.h \
 lsp/../lint/../backend/../sbpl/../seatbelt/request.h \
 lsp/../lint/../backend/../sbpl/../seatbelt/regex.h \
 lsp/../lint/rules_table.h lsp/../lint/../support/diag.h \
 lsp/../lint/rules.h lsp/../fmt/tokens.h lsp/../fmt/../support/arena.h
lsp/server.h:
lsp/lsp.h:
lsp/../compiler/compile.h:
lsp/../compiler/ir.h:
lsp/../compiler/../grammar/ast.h:
lsp/../compiler/../grammar/../support/diag.h:
lsp/../compiler/../grammar/../support/arena.h:
lsp/../compiler/../grammar/../support/codes.h:
lsp/../compiler/../grammar/../support/source.h:
lsp/../compiler/../grammar/../support/strbuf.h:
lsp/../compiler/../grammar/../support/action.h:
lsp/../compiler/../support/hashmap.h:
lsp/../compiler/../support/param_marks.h:
lsp/../compiler/../seatbelt/ops.h:
lsp/../compiler/../seatbelt/../support/suggest.h:
lsp/../compiler/rule_set.h:
lsp/rpc.h:
lsp/../lint/lint.h:
lsp/../lint/view.h:
lsp/../lint/../backend/crosscheck.h:
lsp/../lint/../backend/../compiler/decide.h:
lsp/../lint/../backend/../compiler/compile.h:
lsp/../lint/../backend/../compiler/expand.h:
lsp/../lint/../backend/../compiler/../support/strbuf.h:
lsp/../lint/../backend/../compiler/../seatbelt/request.h:
lsp/../lint/../backend/../compiler/../seatbelt/../support/action.h:
lsp/../lint/../backend/../compiler/../seatbelt/ops.h:
lsp/../lint/../backend/../compiler/../seatbelt/regex.h:
lsp/../lint/../backend/../compiler/../seatbelt/../support/arena.h:
lsp/../lint/../backend/../sbpl/sbpl_eval.h:
lsp/../lint/../backend/../sbpl/../grammar/sexp.h:
lsp/../lint/../backend/../sbpl/../grammar/../support/diag.h:
lsp/../lint/../backend/../sbpl/../support/hashmap.h:
lsp/../lint/../backend/../sbpl/../seatbelt/request.h:
lsp/../lint/../backend/../sbpl/../seatbelt/regex.h:
lsp/../lint/rules_table.h:
lsp/../lint/../support/diag.h:
lsp/../lint/rules.h:
lsp/../fmt/tokens.h:
lsp/../fmt/../support/arena.h:
