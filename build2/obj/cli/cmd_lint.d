build2/obj/cli/cmd_lint.o: cli/cmd_lint.c cli/cli.h \
 cli/../compiler/compile.h cli/../compiler/ir.h \
 cli/../compiler/../grammar/ast.h \
 cli/../compiler/../grammar/../support/diag.h \
 cli/../compiler/../grammar/../support/arena.h \
 cli/../compiler/../grammar/../support/codes.h \
 cli/../compiler/../grammar/../support/source.h \
 cli/../compiler/../grammar/../support/strbuf.h \
 cli/../compiler/../grammar/../support/action.h \
 cli/../compiler/../support/hashmap.h \
 cli/../compiler/../support/param_marks.h \
 cli/../compiler/../seatbelt/ops.h \
 cli/../compiler/../seatbelt/../support/suggest.h \
 cli/../compiler/rule_set.h cli/options.h cli/../seatbelt/request.h \
 cli/../seatbelt/../support/action.h cli/../seatbelt/ops.h \
 cli/../lint/lint.h cli/../lint/view.h \
 cli/../lint/../backend/crosscheck.h \
 cli/../lint/../backend/../compiler/decide.h \
 cli/../lint/../backend/../compiler/compile.h \
 cli/../lint/../backend/../compiler/expand.h \
 cli/../lint/../backend/../compiler/../support/strbuf.h \
 cli/../lint/../backend/../compiler/../seatbelt/request.h \
 cli/../lint/../backend/../compiler/../seatbelt/regex.h \
 cli/../lint/../backend/../compiler/../seatbelt/../support/arena.h \
 cli/../lint/../backend/../sbpl/sbpl_eval.h \
 cli/../lint/../backend/../sbpl/../grammar/sexp.h \
 cli/../lint/../backend/../sbpl/../grammar/../support/diag.h \
 cli/../lint/../backend/../sbpl/../support/hashmap.h \
 cli/../lint/../backend/../sbpl/../seatbelt/request.h \
 cli/../lint/../backend/../sbpl/../seatbelt/regex.h \
 cli/../lint/rules_table.h cli/../lint/../support/diag.h \
 cli/../lint/rules.h cli/../lint/config.h cli/../lint/../support/source.h
cli/cli.h:
cli/../compiler/compile.h:
cli/../compiler/ir.h:
cli/../compiler/../grammar/ast.h:
cli/../compiler/../grammar/../support/diag.h:
cli/../compiler/../grammar/../support/arena.h:
cli/../compiler/../grammar/../support/codes.h:
cli/../compiler/../grammar/../support/source.h:
cli/../compiler/../grammar/../support/strbuf.h:
cli/../compiler/../grammar/../support/action.h:
cli/../compiler/../support/hashmap.h:
cli/../compiler/../support/param_marks.h:
cli/../compiler/../seatbelt/ops.h:
cli/../compiler/../seatbelt/../support/suggest.h:
cli/../compiler/rule_set.h:
cli/options.h:
cli/../seatbelt/request.h:
cli/../seatbelt/../support/action.h:
cli/../seatbelt/ops.h:
cli/../lint/lint.h:
cli/../lint/view.h:
cli/../lint/../backend/crosscheck.h:
cli/../lint/../backend/../compiler/decide.h:
cli/../lint/../backend/../compiler/compile.h:
cli/../lint/../backend/../compiler/expand.h:
cli/../lint/../backend/../compiler/../support/strbuf.h:
cli/../lint/../backend/../compiler/../seatbelt/request.h:
cli/../lint/../backend/../compiler/../seatbelt/regex.h:
cli/../lint/../backend/../compiler/../seatbelt/../support/arena.h:
cli/../lint/../backend/../sbpl/sbpl_eval.h:
cli/../lint/../backend/../sbpl/../grammar/sexp.h:
cli/../lint/../backend/../sbpl/../grammar/../support/diag.h:
cli/../lint/../backend/../sbpl/../support/hashmap.h:
cli/../lint/../backend/../sbpl/../seatbelt/request.h:
cli/../lint/../backend/../sbpl/../seatbelt/regex.h:
cli/../lint/rules_table.h:
cli/../lint/../support/diag.h:
cli/../lint/rules.h:
cli/../lint/config.h:
cli/../lint/../support/source.h:
