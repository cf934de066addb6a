build2/obj/daily/diff_values.o: daily/diff_values.c daily/diff_values.h \
 daily/../sbpl/sbpl_eval.h daily/../sbpl/../grammar/sexp.h \
 daily/../sbpl/../grammar/../support/diag.h \
 daily/../sbpl/../grammar/../support/arena.h \
 daily/../sbpl/../grammar/../support/codes.h \
 daily/../sbpl/../grammar/../support/source.h \
 daily/../sbpl/../grammar/../support/strbuf.h \
 daily/../sbpl/../support/hashmap.h daily/../sbpl/../seatbelt/request.h \
 daily/../sbpl/../seatbelt/../support/action.h \
 daily/../sbpl/../seatbelt/ops.h \
 daily/../sbpl/../seatbelt/../support/suggest.h \
 daily/../sbpl/../seatbelt/regex.h \
 daily/../sbpl/../seatbelt/../support/arena.h daily/../compiler/decide.h \
 daily/../compiler/compile.h daily/../compiler/ir.h \
 daily/../compiler/../grammar/ast.h \
 daily/../compiler/../grammar/../support/diag.h \
 daily/../compiler/../grammar/../support/action.h \
 daily/../compiler/../support/hashmap.h \
 daily/../compiler/../support/param_marks.h \
 daily/../compiler/../seatbelt/ops.h daily/../compiler/rule_set.h \
 daily/../compiler/expand.h daily/../compiler/../support/strbuf.h \
 daily/../compiler/../seatbelt/request.h \
 daily/../compiler/../seatbelt/regex.h daily/../seatbelt/path_canonical.h \
 daily/../compiler/expand.h daily/../support/hashmap.h
daily/diff_values.h:
daily/../sbpl/sbpl_eval.h:
daily/../sbpl/../grammar/sexp.h:
daily/../sbpl/../grammar/../support/diag.h:
daily/../sbpl/../grammar/../support/arena.h:
daily/../sbpl/../grammar/../support/codes.h:
daily/../sbpl/../grammar/../support/source.h:
daily/../sbpl/../grammar/../support/strbuf.h:
daily/../sbpl/../support/hashmap.h:
daily/../sbpl/../seatbelt/request.h:
daily/../sbpl/../seatbelt/../support/action.h:
daily/../sbpl/../seatbelt/ops.h:
daily/../sbpl/../seatbelt/../support/suggest.h:
daily/../sbpl/../seatbelt/regex.h:
daily/../sbpl/../seatbelt/../support/arena.h:
daily/../compiler/decide.h:
daily/../compiler/compile.h:
daily/../compiler/ir.h:
daily/../compiler/../grammar/ast.h:
daily/../compiler/../grammar/../support/diag.h:
daily/../compiler/../grammar/../support/action.h:
daily/../compiler/../support/hashmap.h:
daily/../compiler/../support/param_marks.h:
daily/../compiler/../seatbelt/ops.h:
daily/../compiler/rule_set.h:
daily/../compiler/expand.h:
daily/../compiler/../support/strbuf.h:
daily/../compiler/../seatbelt/request.h:
daily/../compiler/../seatbelt/regex.h:
daily/../seatbelt/path_canonical.h:
daily/../compiler/expand.h:
daily/../support/hashmap.h:
