build2/obj/compiler/raw_final.o: compiler/raw_final.c compiler/compile.h \
 compiler/ir.h compiler/../grammar/ast.h \
 compiler/../grammar/../support/diag.h \
 compiler/../grammar/../support/arena.h \
 compiler/../grammar/../support/codes.h \
 compiler/../grammar/../support/source.h \
 compiler/../grammar/../support/strbuf.h \
 compiler/../grammar/../support/action.h compiler/../support/hashmap.h \
 compiler/../support/param_marks.h compiler/../seatbelt/ops.h \
 compiler/../seatbelt/../support/suggest.h compiler/rule_set.h \
 compiler/final_match.h compiler/overlap.h compiler/expand.h \
 compiler/../support/strbuf.h compiler/patterns.h \
 compiler/../seatbelt/regex_syntax.h \
 compiler/../seatbelt/../support/strbuf.h compiler/../seatbelt/filters.h \
 compiler/../seatbelt/path_canonical.h compiler/../grammar/sexp.h
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
compiler/final_match.h:
compiler/overlap.h:
compiler/expand.h:
compiler/../support/strbuf.h:
compiler/patterns.h:
compiler/../seatbelt/regex_syntax.h:
compiler/../seatbelt/../support/strbuf.h:
compiler/../seatbelt/filters.h:
compiler/../seatbelt/path_canonical.h:
compiler/../grammar/sexp.h:
