build2/obj/support/diag.o: support/diag.c support/diag.h support/arena.h \
 support/codes.h support/source.h support/strbuf.h support/utf8.h
support/diag.h:
support/arena.h:
support/codes.h:
support/source.h:
support/strbuf.h:
support/utf8.h:
