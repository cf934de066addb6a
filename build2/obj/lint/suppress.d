build2/obj/lint/suppress.o: lint/suppress.c lint/suppress.h lint/view.h \
 lint/../backend/crosscheck.h lint/../backend/../compiler/decide.h \
 lint/../backend/../compiler/compile.h lint/../backend/../compiler/ir.h \
 lint/../backend/../compiler/../grammar/ast.h \
 lint/../backend/../compiler/../grammar/../support/diag.h \
 lint/../backend/../compiler/../grammar/../support/arena.h \
 lint/../backend/../compiler/../grammar/../support/codes.h \
 lint/../backend/../compiler/../grammar/../support/source.h \
 lint/../backend/../compiler/../grammar/../support/strbuf.h \
 lint/../backend/../compiler/../grammar/../support/action.h \
 lint/../backend/../compiler/../support/hashmap.h \
 lint/../backend/../compiler/../support/param_marks.h \
 lint/../backend/../compiler/../seatbelt/ops.h \
 lint/../backend/../compiler/../seatbelt/../support/suggest.h \
 lint/../backend/../compiler/rule_set.h \
 lint/../backend/../compiler/expand.h \
 lint/../backend/../compiler/../support/strbuf.h \
 lint/../backend/../compiler/../seatbelt/request.h \
 lint/../backend/../compiler/../seatbelt/../support/action.h \
 lint/../backend/../compiler/../seatbelt/ops.h \
 lint/../backend/../compiler/../seatbelt/regex.h \
 lint/../backend/../compiler/../seatbelt/../support/arena.h \
 lint/../backend/../sbpl/sbpl_eval.h \
 lint/../backend/../sbpl/../grammar/sexp.h \
 lint/../backend/../sbpl/../grammar/../support/diag.h \
 lint/../backend/../sbpl/../support/hashmap.h \
 lint/../backend/../sbpl/../seatbelt/request.h \
 lint/../backend/../sbpl/../seatbelt/regex.h lint/rules_table.h \
 lint/../support/diag.h
lint/suppress.h:
lint/view.h:
lint/../backend/crosscheck.h:
lint/../backend/../compiler/decide.h:
lint/../backend/../compiler/compile.h:
lint/../backend/../compiler/ir.h:
lint/../backend/../compiler/../grammar/ast.h:
lint/../backend/../compiler/../grammar/../support/diag.h:
lint/../backend/../compiler/../grammar/../support/arena.h:
lint/../backend/../compiler/../grammar/../support/codes.h:
lint/../backend/../compiler/../grammar/../support/source.h:
lint/../backend/../compiler/../grammar/../support/strbuf.h:
lint/../backend/../compiler/../grammar/../support/action.h:
lint/../backend/../compiler/../support/hashmap.h:
lint/../backend/../compiler/../support/param_marks.h:
lint/../backend/../compiler/../seatbelt/ops.h:
lint/../backend/../compiler/../seatbelt/../support/suggest.h:
lint/../backend/../compiler/rule_set.h:
lint/../backend/../compiler/expand.h:
lint/../backend/../compiler/../support/strbuf.h:
lint/../backend/../compiler/../seatbelt/request.h:
lint/../backend/../compiler/../seatbelt/../support/action.h:
lint/../backend/../compiler/../seatbelt/ops.h:
lint/../backend/../compiler/../seatbelt/regex.h:
lint/../backend/../compiler/../seatbelt/../support/arena.h:
lint/../backend/../sbpl/sbpl_eval.h:
lint/../backend/../sbpl/../grammar/sexp.h:
lint/../backend/../sbpl/../grammar/../support/diag.h:
lint/../backend/../sbpl/../support/hashmap.h:
lint/../backend/../sbpl/../seatbelt/request.h:
lint/../backend/../sbpl/../seatbelt/regex.h:
lint/rules_table.h:
lint/../support/diag.h:
