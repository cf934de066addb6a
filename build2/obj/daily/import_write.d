build2/obj/daily/import_write.o: daily/import_write.c \
 daily/import_model.h daily/import.h daily/../compiler/compile.h \
 daily/../compiler/ir.h daily/../compiler/../grammar/ast.h \
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
 daily/../compiler/rule_set.h daily/../support/strbuf.h \
 daily/../seatbelt/request.h daily/../seatbelt/../support/action.h \
 daily/../seatbelt/ops.h daily/../compiler/verbs.h \
 daily/../sbpl/sbpl_eval.h daily/../sbpl/../grammar/sexp.h \
 daily/../sbpl/../grammar/../support/diag.h \
 daily/../sbpl/../support/hashmap.h daily/../sbpl/../seatbelt/request.h \
 daily/../sbpl/../seatbelt/regex.h \
 daily/../sbpl/../seatbelt/../support/arena.h daily/../compiler/decide.h \
 daily/../compiler/compile.h daily/../compiler/expand.h \
 daily/../compiler/../support/strbuf.h \
 daily/../compiler/../seatbelt/request.h \
 daily/../compiler/../seatbelt/regex.h daily/diff_values.h \
 daily/../compiler/patterns.h \
 daily/../compiler/../seatbelt/regex_syntax.h \
 daily/../compiler/../seatbelt/../support/strbuf.h \
 daily/../seatbelt/regex.h
daily/import_model.h:
daily/import.h:
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
daily/../support/strbuf.h:
daily/../seatbelt/request.h:
daily/../seatbelt/../support/action.h:
daily/../seatbelt/ops.h:
daily/../compiler/verbs.h:
daily/../sbpl/sbpl_eval.h:
daily/../sbpl/../grammar/sexp.h:
daily/../sbpl/../grammar/../support/diag.h:
daily/../sbpl/../support/hashmap.h:
daily/../sbpl/../seatbelt/request.h:
daily/../sbpl/../seatbelt/regex.h:
daily/../sbpl/../seatbelt/../support/arena.h:
daily/../compiler/decide.h:
daily/../compiler/compile.h:
daily/../compiler/expand.h:
daily/../compiler/../support/strbuf.h:
daily/../compiler/../seatbelt/request.h:
daily/../compiler/../seatbelt/regex.h:
daily/diff_values.h:
daily/../compiler/patterns.h:
daily/../compiler/../seatbelt/regex_syntax.h:
daily/../compiler/../seatbelt/../support/strbuf.h:
daily/../seatbelt/regex.h:
