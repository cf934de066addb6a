build2/obj/runner/profile_cache.o: runner/profile_cache.c \
 runner/profile_cache.h runner/../support/arena.h \
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
 runner/../compiler/rule_set.h runner/../support/digest.h \
 runner/../support/strbuf.h runner/../support/fd_io.h
runner/profile_cache.h:
runner/../support/arena.h:
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
runner/../support/digest.h:
runner/../support/strbuf.h:
runner/../support/fd_io.h:
