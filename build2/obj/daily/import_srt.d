build2/obj/daily/import_srt.o: daily/import_srt.c daily/import.h \
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
 daily/../compiler/rule_set.h daily/../support/strbuf.h \
 daily/../seatbelt/request.h daily/../seatbelt/../support/action.h \
 daily/../seatbelt/ops.h daily/../lint/lint.h daily/../lint/view.h \
 daily/../lint/../backend/crosscheck.h \
 daily/../lint/../backend/../compiler/decide.h \
 daily/../lint/../backend/../compiler/compile.h \
 daily/../lint/../backend/../compiler/expand.h \
 daily/../lint/../backend/../compiler/../support/strbuf.h \
 daily/../lint/../backend/../compiler/../seatbelt/request.h \
 daily/../lint/../backend/../compiler/../seatbelt/regex.h \
 daily/../lint/../backend/../compiler/../seatbelt/../support/arena.h \
 daily/../lint/../backend/../sbpl/sbpl_eval.h \
 daily/../lint/../backend/../sbpl/../grammar/sexp.h \
 daily/../lint/../backend/../sbpl/../grammar/../support/diag.h \
 daily/../lint/../backend/../sbpl/../support/hashmap.h \
 daily/../lint/../backend/../sbpl/../seatbelt/request.h \
 daily/../lint/../backend/../sbpl/../seatbelt/regex.h \
 daily/../lint/rules_table.h daily/../lint/../support/diag.h \
 daily/../lint/rules.h daily/../lint/rules_table.h \
 daily/../compiler/expand.h daily/../seatbelt/path_canonical.h \
 daily/../support/hashmap.h daily/../support/arena.h
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
daily/../lint/lint.h:
daily/../lint/view.h:
daily/../lint/../backend/crosscheck.h:
daily/../lint/../backend/../compiler/decide.h:
daily/../lint/../backend/../compiler/compile.h:
daily/../lint/../backend/../compiler/expand.h:
daily/../lint/../backend/../compiler/../support/strbuf.h:
daily/../lint/../backend/../compiler/../seatbelt/request.h:
daily/../lint/../backend/../compiler/../seatbelt/regex.h:
daily/../lint/../backend/../compiler/../seatbelt/../support/arena.h:
daily/../lint/../backend/../sbpl/sbpl_eval.h:
daily/../lint/../backend/../sbpl/../grammar/sexp.h:
daily/../lint/../backend/../sbpl/../grammar/../support/diag.h:
daily/../lint/../backend/../sbpl/../support/hashmap.h:
daily/../lint/../backend/../sbpl/../seatbelt/request.h:
daily/../lint/../backend/../sbpl/../seatbelt/regex.h:
daily/../lint/rules_table.h:
daily/../lint/../support/diag.h:
daily/../lint/rules.h:
daily/../lint/rules_table.h:
daily/../compiler/expand.h:
daily/../seatbelt/path_canonical.h:
daily/../support/hashmap.h:
daily/../support/arena.h:
