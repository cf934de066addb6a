build2/obj/compiler/final_ancestors.o: compiler/final_ancestors.c \
 compiler/compile.h compiler/ir.h compiler/../grammar/ast.h \
 compiler/../grammar/../support/diag.h \
 compiler/../grammar/../support/arena.h \
 compiler/../grammar/../support/codes.h \
 compiler/../grammar/../support/source.h \
 compiler/../grammar/../support/strbuf.h \
 compiler/../grammar/../support/action.h compiler/../support/hashmap.h \
 compiler/../support/param_marks.h compiler/../seatbelt/ops.h \
 compiler/../seatbelt/../support/suggest.h compiler/rule_set.h \
 compiler/implied_walk.h
compiler/compile.h:
compiler/ir.h:
compiler/../grammar/ast.h:
compiler/../grammar/../support/diag.h:
compiler/../grammar/../support/arena.h:
compiler/../grammar/../support/codes.h:
compiler/../grammar/../support/source.h:
compiler/../grammar/../support/strbuf.h:
compiler/../grammar/../support/action.h:
compiler/../support/hashmap.h:
compiler/../support/param_marks.h:
compiler/../seatbelt/ops.h:
compiler/../seatbelt/../support/suggest.h:
compiler/rule_set.h:
compiler/implied_walk.h:
