build2/obj/daily/why_report.o: daily/why_report.c daily/why.h \
 daily/../compiler/compile.h daily/../compiler/ir.h \
 daily/../compiler/../grammar/ast.h \
 daily/../compiler/../grammar/../support/diag.h \
 daily/../compiler/../grammar/../support/arena.h \
 daily/../compiler/../grammar/../support/codes.h \
 daily/../compiler/../grammar/../support/source.h \
 daily/../compiler/../grammar/../support/strbuf.h \
 daily/../compiler/../grammar/../support/action.h \
 daily/../compiler/../support/hashmap.h \
 daily/../compiler/../support/param_marks.h \
 daily/../compiler/../seatbelt/ops.h \
 daily/../compiler/../seatbelt/../support/suggest.h \
 daily/../compiler/rule_set.h daily/../compiler/decide.h \
 daily/../compiler/compile.h daily/../compiler/expand.h \
 daily/../compiler/../support/strbuf.h \
 daily/../compiler/../seatbelt/request.h \
 daily/../compiler/../seatbelt/../support/action.h \
 daily/../compiler/../seatbelt/ops.h \
 daily/../compiler/../seatbelt/regex.h \
 daily/../compiler/../seatbelt/../support/arena.h \
 daily/../sbpl/sbpl_eval.h daily/../sbpl/../grammar/sexp.h \
 daily/../sbpl/../grammar/../support/diag.h \
 daily/../sbpl/../support/hashmap.h daily/../sbpl/../seatbelt/request.h \
 daily/../sbpl/../seatbelt/regex.h daily/../support/strbuf.h \
 daily/denial_log.h
daily/why.h:
daily/../compiler/compile.h:
daily/../compiler/ir.h:
daily/../compiler/../grammar/ast.h:
daily/../compiler/../grammar/../support/diag.h:
daily/../compiler/../grammar/../support/arena.h:
daily/../compiler/../grammar/../support/codes.h:
daily/../compiler/../grammar/../support/source.h:
daily/../compiler/../grammar/../support/strbuf.h:
daily/../compiler/../grammar/../support/action.h:
daily/../compiler/../support/hashmap.h:
daily/../compiler/../support/param_marks.h:
daily/../compiler/../seatbelt/ops.h:
daily/../compiler/../seatbelt/../support/suggest.h:
daily/../compiler/rule_set.h:
daily/../compiler/decide.h:
daily/../compiler/compile.h:
daily/../compiler/expand.h:
daily/../compiler/../support/strbuf.h:
daily/../compiler/../seatbelt/request.h:
daily/../compiler/../seatbelt/../support/action.h:
daily/../compiler/../seatbelt/ops.h:
daily/../compiler/../seatbelt/regex.h:
daily/../compiler/../seatbelt/../support/arena.h:
daily/../sbpl/sbpl_eval.h:
daily/../sbpl/../grammar/sexp.h:
daily/../sbpl/../grammar/../support/diag.h:
daily/../sbpl/../support/hashmap.h:
daily/../sbpl/../seatbelt/request.h:
daily/../sbpl/../seatbelt/regex.h:
daily/../support/strbuf.h:
daily/denial_log.h:
