build2/obj/cli/cmd_explain.o: cli/cmd_explain.c cli/options.h cli/cli.h \
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
 cli/../compiler/rule_set.h cli/../seatbelt/request.h \
 cli/../seatbelt/../support/action.h cli/../seatbelt/ops.h \
 cli/../lint/rules_table.h cli/../lint/../support/diag.h
cli/options.h:
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
cli/../seatbelt/request.h:
cli/../seatbelt/../support/action.h:
cli/../seatbelt/ops.h:
cli/../lint/rules_table.h:
cli/../lint/../support/diag.h:
