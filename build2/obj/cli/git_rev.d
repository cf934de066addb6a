build2/obj/cli/git_rev.o: cli/git_rev.c cli/git_rev.h cli/cli.h \
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
 cli/../compiler/rule_set.h
cli/git_rev.h:
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
