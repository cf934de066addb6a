build2/obj/backend/emit_sbpl.o: backend/emit_sbpl.c backend/emit.h \
 backend/../compiler/compile.h backend/../compiler/ir.h \
 backend/../compiler/../grammar/ast.h \
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
 backend/../compiler/rule_set.h backend/../grammar/sexp.h \
 backend/../grammar/../support/diag.h backend/../compiler/overlap.h \
 backend/../compiler/patterns.h backend/../compiler/../support/strbuf.h \
 backend/../compiler/../seatbelt/regex_syntax.h \
 backend/../compiler/../seatbelt/../support/strbuf.h \
 backend/../compiler/expand.h backend/../compiler/compile.h \
 backend/../compiler/precedence.h backend/../support/keysort.h \
 backend/../support/prefetch.h backend/../support/utf8.h
backend/emit.h:
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
backend/../grammar/sexp.h:
backend/../grammar/../support/diag.h:
backend/../compiler/overlap.h:
backend/../compiler/patterns.h:
backend/../compiler/../support/strbuf.h:
backend/../compiler/../seatbelt/regex_syntax.h:
backend/../compiler/../seatbelt/../support/strbuf.h:
backend/../compiler/expand.h:
backend/../compiler/compile.h:
backend/../compiler/precedence.h:
backend/../support/keysort.h:
backend/../support/prefetch.h:
backend/../support/utf8.h:
