build2/obj/lsp/rpc.o: lsp/rpc.c lsp/rpc.h lsp/lsp.h \
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
 lsp/../compiler/rule_set.h lsp/../support/arena.h lsp/../support/fd_io.h
lsp/rpc.h:
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
lsp/../support/arena.h:
lsp/../support/fd_io.h:
