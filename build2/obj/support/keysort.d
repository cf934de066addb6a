build2/obj/support/keysort.o: support/keysort.c support/keysort.h \
 support/arena.h support/prefetch.h
support/keysort.h:
support/arena.h:
support/prefetch.h:
