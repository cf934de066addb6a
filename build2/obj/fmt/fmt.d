build2/obj/fmt/fmt.o: fmt/fmt.c fmt/fmt.h fmt/../grammar/ast.h \
 fmt/../grammar/../support/diag.h fmt/../grammar/../support/arena.h \
 fmt/../grammar/../support/codes.h fmt/../grammar/../support/source.h \
 fmt/../grammar/../support/strbuf.h fmt/../grammar/../support/action.h \
 fmt/../support/strbuf.h fmt/tokens.h fmt/../support/arena.h
fmt/fmt.h:
fmt/../grammar/ast.h:
fmt/../grammar/../support/diag.h:
fmt/../grammar/../support/arena.h:
fmt/../grammar/../support/codes.h:
fmt/../grammar/../support/source.h:
fmt/../grammar/../support/strbuf.h:
fmt/../grammar/../support/action.h:
fmt/../support/strbuf.h:
fmt/tokens.h:
fmt/../support/arena.h:
