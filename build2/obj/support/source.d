build2/obj/support/source.o: support/source.c support/source.h \
 support/arena.h
support/source.h:
support/arena.h:
