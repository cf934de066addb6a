build2/obj/daily/why_sb_batch.o: daily/why_sb_batch.c \
 daily/why_sb_check.h daily/why.h daily/../compiler/compile.h \
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
 daily/denial_log.h daily/../lint/lint.h daily/../lint/view.h \
 daily/../lint/../backend/crosscheck.h \
 daily/../lint/../backend/../compiler/decide.h \
 daily/../lint/../backend/../sbpl/sbpl_eval.h daily/../lint/rules_table.h \
 daily/../lint/../support/diag.h daily/../lint/rules.h \
 daily/../backend/sbpl_file.h daily/../backend/../compiler/decide.h \
 daily/../backend/../sbpl/sbpl_eval.h daily/../backend/../grammar/sexp.h
daily/why_sb_check.h:
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
daily/../lint/lint.h:
daily/../lint/view.h:
daily/../lint/../backend/crosscheck.h:
daily/../lint/../backend/../compiler/decide.h:
daily/../lint/../backend/../sbpl/sbpl_eval.h:
daily/../lint/rules_table.h:
daily/../lint/../support/diag.h:
daily/../lint/rules.h:
daily/../backend/sbpl_file.h:
daily/../backend/../compiler/decide.h:
daily/../backend/../sbpl/sbpl_eval.h:
daily/../backend/../grammar/sexp.h:
