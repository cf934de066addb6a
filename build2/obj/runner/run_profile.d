build2/obj/runner/run_profile.o: runner/run_profile.c \
 runner/run_profile.h runner/run.h runner/../compiler/compile.h \
 runner/../compiler/ir.h runner/../compiler/../grammar/ast.h \
 runner/../compiler/../grammar/../support/diag.h \
 runner/../compiler/../grammar/../support/arena.h \
 runner/../compiler/../grammar/../support/codes.h \
 runner/../compiler/../grammar/../support/source.h \
 runner/../compiler/../grammar/../support/strbuf.h \
 runner/../compiler/../grammar/../support/action.h \
 runner/../compiler/../support/hashmap.h \
 runner/../compiler/../support/param_marks.h \
 runner/../compiler/../seatbelt/ops.h \
 runner/../compiler/../seatbelt/../support/suggest.h \
 runner/../compiler/rule_set.h runner/../support/arena.h \
 runner/../support/diag.h runner/profile_cache.h \
 runner/../sbpl/sbpl_eval.h runner/../sbpl/../grammar/sexp.h \
 runner/../sbpl/../grammar/../support/diag.h \
 runner/../sbpl/../support/hashmap.h runner/../sbpl/../seatbelt/request.h \
 runner/../sbpl/../seatbelt/../support/action.h \
 runner/../sbpl/../seatbelt/ops.h runner/../sbpl/../seatbelt/regex.h \
 runner/../sbpl/../seatbelt/../support/arena.h runner/runner.h \
 runner/../support/strbuf.h runner/../support/hashmap.h \
 runner/../compiler/decide.h runner/../compiler/compile.h \
 runner/../compiler/expand.h runner/../compiler/../support/strbuf.h \
 runner/../compiler/../seatbelt/request.h \
 runner/../compiler/../seatbelt/regex.h runner/../backend/emit.h \
 runner/../backend/../compiler/compile.h \
 runner/../backend/../grammar/sexp.h runner/../compiler/patterns.h \
 runner/../compiler/../seatbelt/regex_syntax.h \
 runner/../compiler/../seatbelt/../support/strbuf.h runner/../lint/lint.h \
 runner/../lint/view.h runner/../lint/../backend/crosscheck.h \
 runner/../lint/../backend/../compiler/decide.h \
 runner/../lint/../backend/../sbpl/sbpl_eval.h \
 runner/../lint/rules_table.h runner/../lint/../support/diag.h \
 runner/../lint/rules.h runner/../seatbelt/import_dirs.h \
 runner/../support/digest.h
runner/run_profile.h:
runner/run.h:
runner/../compiler/compile.h:
runner/../compiler/ir.h:
runner/../compiler/../grammar/ast.h:
runner/../compiler/../grammar/../support/diag.h:
runner/../compiler/../grammar/../support/arena.h:
runner/../compiler/../grammar/../support/codes.h:
runner/../compiler/../grammar/../support/source.h:
runner/../compiler/../grammar/../support/strbuf.h:
runner/../compiler/../grammar/../support/action.h:
runner/../compiler/../support/hashmap.h:
runner/../compiler/../support/param_marks.h:
runner/../compiler/../seatbelt/ops.h:
runner/../compiler/../seatbelt/../support/suggest.h:
runner/../compiler/rule_set.h:
runner/../support/arena.h:
runner/../support/diag.h:
runner/profile_cache.h:
runner/../sbpl/sbpl_eval.h:
runner/../sbpl/../grammar/sexp.h:
runner/../sbpl/../grammar/../support/diag.h:
runner/../sbpl/../support/hashmap.h:
runner/../sbpl/../seatbelt/request.h:
runner/../sbpl/../seatbelt/../support/action.h:
runner/../sbpl/../seatbelt/ops.h:
runner/../sbpl/../seatbelt/regex.h:
runner/../sbpl/../seatbelt/../support/arena.h:
runner/runner.h:
runner/../support/strbuf.h:
runner/../support/hashmap.h:
runner/../compiler/decide.h:
runner/../compiler/compile.h:
runner/../compiler/expand.h:
runner/../compiler/../support/strbuf.h:
runner/../compiler/../seatbelt/request.h:
runner/../compiler/../seatbelt/regex.h:
runner/../backend/emit.h:
runner/../backend/../compiler/compile.h:
runner/../backend/../grammar/sexp.h:
runner/../compiler/patterns.h:
runner/../compiler/../seatbelt/regex_syntax.h:
runner/../compiler/../seatbelt/../support/strbuf.h:
runner/../lint/lint.h:
runner/../lint/view.h:
runner/../lint/../backend/crosscheck.h:
runner/../lint/../backend/../compiler/decide.h:
runner/../lint/../backend/../sbpl/sbpl_eval.h:
runner/../lint/rules_table.h:
runner/../lint/../support/diag.h:
runner/../lint/rules.h:
runner/../seatbelt/import_dirs.h:
runner/../support/digest.h:
