build2/obj/runner/profile_file.o: runner/profile_file.c runner/runner.h \
 runner/../support/strbuf.h runner/../support/hashmap.h \
 runner/../support/arena.h runner/../sbpl/sbpl_eval.h \
 runner/../sbpl/../grammar/sexp.h \
 runner/../sbpl/../grammar/../support/diag.h \
 runner/../sbpl/../grammar/../support/arena.h \
 runner/../sbpl/../grammar/../support/codes.h \
 runner/../sbpl/../grammar/../support/source.h \
 runner/../sbpl/../grammar/../support/strbuf.h \
 runner/../sbpl/../support/hashmap.h runner/../sbpl/../seatbelt/request.h \
 runner/../sbpl/../seatbelt/../support/action.h \
 runner/../sbpl/../seatbelt/ops.h \
 runner/../sbpl/../seatbelt/../support/suggest.h \
 runner/../sbpl/../seatbelt/regex.h \
 runner/../sbpl/../seatbelt/../support/arena.h runner/../support/digest.h \
 runner/../support/fd_io.h
runner/runner.h:
runner/../support/strbuf.h:
runner/../support/hashmap.h:
runner/../support/arena.h:
runner/../sbpl/sbpl_eval.h:
runner/../sbpl/../grammar/sexp.h:
runner/../sbpl/../grammar/../support/diag.h:
runner/../sbpl/../grammar/../support/arena.h:
runner/../sbpl/../grammar/../support/codes.h:
runner/../sbpl/../grammar/../support/source.h:
runner/../sbpl/../grammar/../support/strbuf.h:
runner/../sbpl/../support/hashmap.h:
runner/../sbpl/../seatbelt/request.h:
runner/../sbpl/../seatbelt/../support/action.h:
runner/../sbpl/../seatbelt/ops.h:
runner/../sbpl/../seatbelt/../support/suggest.h:
runner/../sbpl/../seatbelt/regex.h:
runner/../sbpl/../seatbelt/../support/arena.h:
runner/../support/digest.h:
runner/../support/fd_io.h:
