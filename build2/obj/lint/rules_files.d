build2/obj/lint/rules_files.o: lint/rules_files.c \
 lint/../compiler/expand.h lint/../compiler/compile.h \
 lint/../compiler/ir.h lint/../compiler/../grammar/ast.h \
 lint/../compiler/../grammar/../support/diag.h \
 lint/../compiler/../grammar/../support/arena.h \
 lint/../compiler/../grammar/../support/codes.h \
 lint/../compiler/../grammar/../support/source.h \
 lint/../compiler/../grammar/../support/strbuf.h \
 lint/../compiler/../grammar/../support/action.h \
 lint/../compiler/../support/hashmap.h \
 lint/../compiler/../support/param_marks.h \
 lint/../compiler/../seatbelt/ops.h \
 lint/../compiler/../seatbelt/../support/suggest.h \
 lint/../compiler/rule_set.h lint/../compiler/../support/strbuf.h \
 lint/../grammar/builtin_params.h lint/rules.h lint/view.h \
 lint/../backend/crosscheck.h lint/../backend/../compiler/decide.h \
 lint/../backend/../compiler/compile.h \
 lint/../backend/../compiler/expand.h \
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
lint/../compiler/expand.h:
lint/../compiler/compile.h:
lint/../compiler/ir.h:
lint/../compiler/../grammar/ast.h:
lint/../compiler/../grammar/../support/diag.h:
lint/../compiler/../grammar/../support/arena.h:
lint/../compiler/../grammar/../support/codes.h:
lint/../compiler/../grammar/../support/source.h:
lint/../compiler/../grammar/../support/strbuf.h:
lint/../compiler/../grammar/../support/action.h:
lint/../compiler/../support/hashmap.h:
lint/../compiler/../support/param_marks.h:
lint/../compiler/../seatbelt/ops.h:
lint/../compiler/../seatbelt/../support/suggest.h:
lint/../compiler/rule_set.h:
lint/../compiler/../support/strbuf.h:
lint/../grammar/builtin_params.h:
lint/rules.h:
lint/view.h:
lint/../backend/crosscheck.h:
lint/../backend/../compiler/decide.h:
lint/../backend/../compiler/compile.h:
lint/../backend/../compiler/expand.h:
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
