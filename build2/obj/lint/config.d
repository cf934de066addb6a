build2/obj/lint/config.o: lint/config.c lint/config.h lint/rules_table.h \
 lint/../support/diag.h lint/../support/arena.h lint/../support/codes.h \
 lint/../support/source.h lint/../support/strbuf.h \
 lint/../support/source.h
lint/config.h:
lint/rules_table.h:
lint/../support/diag.h:
lint/../support/arena.h:
lint/../support/codes.h:
lint/../support/source.h:
lint/../support/strbuf.h:
lint/../support/source.h:
