build2/obj/backend/sbpl_file.o: backend/sbpl_file.c backend/sbpl_file.h \
 backend/../compiler/decide.h backend/../compiler/compile.h \
 backend/../compiler/ir.h backend/../compiler/../grammar/ast.h \
 backend/../compiler/../grammar/../support/diag.h \
 backend/../compiler/../grammar/../support/arena.h \
 backend/../compiler/../grammar/../support/codes.h \
 backend/../compiler/../grammar/../support/source.h \
 backend/../compiler/../grammar/../support/strbuf.h \
 backend/../compiler/../grammar/../support/action.h \
 backend/../compiler/../support/hashmap.h \
 backend/../compiler/../support/param_marks.h \
 backend/../compiler/../seatbelt/ops.h \
 backend/../compiler/../seatbelt/../support/suggest.h \
 backend/../compiler/rule_set.h backend/../compiler/expand.h \
 backend/../compiler/../support/strbuf.h \
 backend/../compiler/../seatbelt/request.h \
 backend/../compiler/../seatbelt/../support/action.h \
 backend/../compiler/../seatbelt/ops.h \
 backend/../compiler/../seatbelt/regex.h \
 backend/../compiler/../seatbelt/../support/arena.h \
 backend/../sbpl/sbpl_eval.h backend/../sbpl/../grammar/sexp.h \
 backend/../sbpl/../grammar/../support/diag.h \
 backend/../sbpl/../support/hashmap.h \
 backend/../sbpl/../seatbelt/request.h \
 backend/../sbpl/../seatbelt/regex.h backend/../grammar/sexp.h \
 backend/../compiler/expand.h backend/../seatbelt/filters.h
backend/sbpl_file.h:
backend/../compiler/decide.h:
backend/../compiler/compile.h:
backend/../compiler/ir.h:
backend/../compiler/../grammar/ast.h:
backend/../compiler/../grammar/../support/diag.h:
backend/../compiler/../grammar/../support/arena.h:
backend/../compiler/../grammar/../support/codes.h:
backend/../compiler/../grammar/../support/source.h:
backend/../compiler/../grammar/../support/strbuf.h:
backend/../compiler/../grammar/../support/action.h:
backend/../compiler/../support/hashmap.h:
backend/../compiler/../support/param_marks.h:
backend/../compiler/../seatbelt/ops.h:
backend/../compiler/../seatbelt/../support/suggest.h:
backend/../compiler/rule_set.h:
backend/../compiler/expand.h:
backend/../compiler/../support/strbuf.h:
backend/../compiler/../seatbelt/request.h:
backend/../compiler/../seatbelt/../support/action.h:
backend/../compiler/../seatbelt/ops.h:
backend/../compiler/../seatbelt/regex.h:
backend/../compiler/../seatbelt/../support/arena.h:
backend/../sbpl/sbpl_eval.h:
backend/../sbpl/../grammar/sexp.h:
backend/../sbpl/../grammar/../support/diag.h:
backend/../sbpl/../support/hashmap.h:
backend/../sbpl/../seatbelt/request.h:
backend/../sbpl/../seatbelt/regex.h:
backend/../grammar/sexp.h:
backend/../compiler/expand.h:
backend/../seatbelt/filters.h:
