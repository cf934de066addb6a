build2/obj/daily/diff_verbatim.o: daily/diff_verbatim.c \
 daily/diff_verbatim.h daily/../backend/crosscheck.h \
 daily/../backend/../compiler/decide.h \
 daily/../backend/../compiler/compile.h daily/../backend/../compiler/ir.h \
 daily/../backend/../compiler/../grammar/ast.h \
 daily/../backend/../compiler/../grammar/../support/diag.h \
 daily/../backend/../compiler/../grammar/../support/arena.h \
 daily/../backend/../compiler/../grammar/../support/codes.h \
 daily/../backend/../compiler/../grammar/../support/source.h \
 daily/../backend/../compiler/../grammar/../support/strbuf.h \
 daily/../backend/../compiler/../grammar/../support/action.h \
 daily/../backend/../compiler/../support/hashmap.h \
 daily/../backend/../compiler/../support/param_marks.h \
 daily/../backend/../compiler/../seatbelt/ops.h \
 daily/../backend/../compiler/../seatbelt/../support/suggest.h \
 daily/../backend/../compiler/rule_set.h \
 daily/../backend/../compiler/expand.h \
 daily/../backend/../compiler/../support/strbuf.h \
 daily/../backend/../compiler/../seatbelt/request.h \
 daily/../backend/../compiler/../seatbelt/../support/action.h \
 daily/../backend/../compiler/../seatbelt/ops.h \
 daily/../backend/../compiler/../seatbelt/regex.h \
 daily/../backend/../compiler/../seatbelt/../support/arena.h \
 daily/../backend/../sbpl/sbpl_eval.h \
 daily/../backend/../sbpl/../grammar/sexp.h \
 daily/../backend/../sbpl/../grammar/../support/diag.h \
 daily/../backend/../sbpl/../support/hashmap.h \
 daily/../backend/../sbpl/../seatbelt/request.h \
 daily/../backend/../sbpl/../seatbelt/regex.h daily/../backend/emit.h \
 daily/../backend/../compiler/compile.h \
 daily/../backend/../grammar/sexp.h
daily/diff_verbatim.h:
daily/../backend/crosscheck.h:
daily/../backend/../compiler/decide.h:
daily/../backend/../compiler/compile.h:
daily/../backend/../compiler/ir.h:
daily/../backend/../compiler/../grammar/ast.h:
daily/../backend/../compiler/../grammar/../support/diag.h:
daily/../backend/../compiler/../grammar/../support/arena.h:
daily/../backend/../compiler/../grammar/../support/codes.h:
daily/../backend/../compiler/../grammar/../support/source.h:
daily/../backend/../compiler/../grammar/../support/strbuf.h:
daily/../backend/../compiler/../grammar/../support/action.h:
daily/../backend/../compiler/../support/hashmap.h:
daily/../backend/../compiler/../support/param_marks.h:
daily/../backend/../compiler/../seatbelt/ops.h:
daily/../backend/../compiler/../seatbelt/../support/suggest.h:
daily/../backend/../compiler/rule_set.h:
daily/../backend/../compiler/expand.h:
daily/../backend/../compiler/../support/strbuf.h:
daily/../backend/../compiler/../seatbelt/request.h:
daily/../backend/../compiler/../seatbelt/../support/action.h:
daily/../backend/../compiler/../seatbelt/ops.h:
daily/../backend/../compiler/../seatbelt/regex.h:
daily/../backend/../compiler/../seatbelt/../support/arena.h:
daily/../backend/../sbpl/sbpl_eval.h:
daily/../backend/../sbpl/../grammar/sexp.h:
daily/../backend/../sbpl/../grammar/../support/diag.h:
daily/../backend/../sbpl/../support/hashmap.h:
daily/../backend/../sbpl/../seatbelt/request.h:
daily/../backend/../sbpl/../seatbelt/regex.h:
daily/../backend/emit.h:
daily/../backend/../compiler/compile.h:
daily/../backend/../grammar/sexp.h:
