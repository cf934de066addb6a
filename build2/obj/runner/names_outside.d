build2/obj/runner/names_outside.o: runner/names_outside.c \
 runner/names_outside.h runner/../backend/landlock.h \
 runner/../backend/backend.h runner/../backend/../compiler/compile.h \
 runner/../backend/../compiler/ir.h \
 runner/../backend/../compiler/../grammar/ast.h \
 runner/../backend/../compiler/../grammar/../support/diag.h \
 runner/../backend/../compiler/../grammar/../support/arena.h \
 runner/../backend/../compiler/../grammar/../support/codes.h \
 runner/../backend/../compiler/../grammar/../support/source.h \
 runner/../backend/../compiler/../grammar/../support/strbuf.h \
 runner/../backend/../compiler/../grammar/../support/action.h \
 runner/../backend/../compiler/../support/hashmap.h \
 runner/../backend/../compiler/../support/param_marks.h \
 runner/../backend/../compiler/../seatbelt/ops.h \
 runner/../backend/../compiler/../seatbelt/../support/suggest.h \
 runner/../backend/../compiler/rule_set.h \
 runner/../backend/../compiler/decide.h \
 runner/../backend/../compiler/compile.h \
 runner/../backend/../compiler/expand.h \
 runner/../backend/../compiler/../support/strbuf.h \
 runner/../backend/../compiler/../seatbelt/request.h \
 runner/../backend/../compiler/../seatbelt/../support/action.h \
 runner/../backend/../compiler/../seatbelt/ops.h \
 runner/../backend/../compiler/../seatbelt/regex.h \
 runner/../backend/../compiler/../seatbelt/../support/arena.h \
 runner/../backend/../support/strbuf.h runner/../support/arena.h \
 runner/../backend/landlock_mounts.h runner/../backend/../support/arena.h \
 runner/../support/hashmap.h
runner/names_outside.h:
runner/../backend/landlock.h:
runner/../backend/backend.h:
runner/../backend/../compiler/compile.h:
runner/../backend/../compiler/ir.h:
runner/../backend/../compiler/../grammar/ast.h:
runner/../backend/../compiler/../grammar/../support/diag.h:
runner/../backend/../compiler/../grammar/../support/arena.h:
runner/../backend/../compiler/../grammar/../support/codes.h:
runner/../backend/../compiler/../grammar/../support/source.h:
runner/../backend/../compiler/../grammar/../support/strbuf.h:
runner/../backend/../compiler/../grammar/../support/action.h:
runner/../backend/../compiler/../support/hashmap.h:
runner/../backend/../compiler/../support/param_marks.h:
runner/../backend/../compiler/../seatbelt/ops.h:
runner/../backend/../compiler/../seatbelt/../support/suggest.h:
runner/../backend/../compiler/rule_set.h:
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
runner/../support/arena.h:
runner/../backend/landlock_mounts.h:
runner/../backend/../support/arena.h:
runner/../support/hashmap.h:
