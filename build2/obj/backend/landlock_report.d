build2/obj/backend/landlock_report.o: backend/landlock_report.c \
 backend/landlock.h backend/backend.h backend/../compiler/compile.h \
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
 backend/../compiler/rule_set.h backend/../compiler/decide.h \
 backend/../compiler/compile.h backend/../compiler/expand.h \
 backend/../compiler/../support/strbuf.h \
 backend/../compiler/../seatbelt/request.h \
 backend/../compiler/../seatbelt/../support/action.h \
 backend/../compiler/../seatbelt/ops.h \
 backend/../compiler/../seatbelt/regex.h \
 backend/../compiler/../seatbelt/../support/arena.h \
 backend/../support/strbuf.h backend/emit.h backend/../grammar/sexp.h \
 backend/../grammar/../support/diag.h
backend/landlock.h:
backend/backend.h:
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
backend/../compiler/decide.h:
backend/../compiler/compile.h:
backend/../compiler/expand.h:
backend/../compiler/../support/strbuf.h:
backend/../compiler/../seatbelt/request.h:
backend/../compiler/../seatbelt/../support/action.h:
backend/../compiler/../seatbelt/ops.h:
backend/../compiler/../seatbelt/regex.h:
backend/../compiler/../seatbelt/../support/arena.h:
backend/../support/strbuf.h:
backend/emit.h:
backend/../grammar/sexp.h:
backend/../grammar/../support/diag.h:
