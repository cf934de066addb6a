build2/obj/support/arena.o: support/arena.c support/arena.h
support/arena.h:
