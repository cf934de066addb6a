build2/obj/runner/run_landlock.o: runner/run_landlock.c runner/run.h \
 runner/../compiler/compile.h runner/../compiler/ir.h \
 runner/../compiler/../grammar/ast.h \
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
 runner/../support/diag.h runner/../backend/emit.h \
 runner/../backend/../compiler/compile.h \
 runner/../backend/../grammar/sexp.h \
 runner/../backend/../grammar/../support/diag.h \
 runner/../backend/landlock.h runner/../backend/backend.h \
 runner/../backend/../compiler/decide.h \
 runner/../backend/../compiler/compile.h \
 runner/../backend/../compiler/expand.h \
 runner/../backend/../compiler/../support/strbuf.h \
 runner/../backend/../compiler/../seatbelt/request.h \
 runner/../backend/../compiler/../seatbelt/../support/action.h \
 runner/../backend/../compiler/../seatbelt/ops.h \
 runner/../backend/../compiler/../seatbelt/regex.h \
 runner/../backend/../compiler/../seatbelt/../support/arena.h \
 runner/../backend/../support/strbuf.h runner/../lint/lint.h \
 runner/../lint/view.h runner/../lint/../backend/crosscheck.h \
 runner/../lint/../backend/../compiler/decide.h \
 runner/../lint/../backend/../sbpl/sbpl_eval.h \
 runner/../lint/../backend/../sbpl/../grammar/sexp.h \
 runner/../lint/../backend/../sbpl/../support/hashmap.h \
 runner/../lint/../backend/../sbpl/../seatbelt/request.h \
 runner/../lint/../backend/../sbpl/../seatbelt/regex.h \
 runner/../lint/rules_table.h runner/../lint/../support/diag.h \
 runner/../lint/rules.h runner/../support/codes.h runner/elf_interp.h \
 runner/above_names.h runner/direnv_files.h runner/path_shadows.h \
 runner/shadow_check.h runner/grant_repos_made.h runner/tool_configs.h \
 runner/home_guard.h runner/../compiler/decide.h runner/link_scan.h \
 runner/../support/hashmap.h runner/nested_repos.h runner/grant_repos.h \
 runner/shared_inodes.h runner/../support/strbuf.h runner/path_ident.h \
 runner/source_modes.h runner/stdio_guard.h runner/landlock_cache.h \
 runner/profile_cache.h runner/linux_run.h runner/planted.h \
 runner/shadow_rel.h runner/profile_rel.h runner/rel_walk.h \
 runner/runner.h runner/../sbpl/sbpl_eval.h runner/run_profile.h
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
runner/../backend/emit.h:
runner/../backend/../compiler/compile.h:
runner/../backend/../grammar/sexp.h:
runner/../backend/../grammar/../support/diag.h:
runner/../backend/landlock.h:
runner/../backend/backend.h:
runner/../backend/../compiler/decide.h:
runner/../backend/../compiler/compile.h:
runner/../backend/../compiler/expand.h:
runner/../backend/../compiler/../support/strbuf.h:
runner/../backend/../compiler/../seatbelt/request.h:
runner/../backend/../compiler/../seatbelt/../support/action.h:
runner/../backend/../compiler/../seatbelt/ops.h:
runner/../backend/../compiler/../seatbelt/regex.h:
runner/../backend/../compiler/../seatbelt/../support/arena.h:
runner/../backend/../support/strbuf.h:
runner/../lint/lint.h:
runner/../lint/view.h:
runner/../lint/../backend/crosscheck.h:
runner/../lint/../backend/../compiler/decide.h:
runner/../lint/../backend/../sbpl/sbpl_eval.h:
runner/../lint/../backend/../sbpl/../grammar/sexp.h:
runner/../lint/../backend/../sbpl/../support/hashmap.h:
runner/../lint/../backend/../sbpl/../seatbelt/request.h:
runner/../lint/../backend/../sbpl/../seatbelt/regex.h:
runner/../lint/rules_table.h:
runner/../lint/../support/diag.h:
runner/../lint/rules.h:
runner/../support/codes.h:
runner/elf_interp.h:
runner/above_names.h:
runner/direnv_files.h:
runner/path_shadows.h:
runner/shadow_check.h:
runner/grant_repos_made.h:
runner/tool_configs.h:
runner/home_guard.h:
runner/../compiler/decide.h:
runner/link_scan.h:
runner/../support/hashmap.h:
runner/nested_repos.h:
runner/grant_repos.h:
runner/shared_inodes.h:
runner/../support/strbuf.h:
runner/path_ident.h:
runner/source_modes.h:
runner/stdio_guard.h:
runner/landlock_cache.h:
runner/profile_cache.h:
runner/linux_run.h:
runner/planted.h:
runner/shadow_rel.h:
runner/profile_rel.h:
runner/rel_walk.h:
runner/runner.h:
runner/../sbpl/sbpl_eval.h:
runner/run_profile.h:
