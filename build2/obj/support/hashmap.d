build2/obj/support/hashmap.o: support/hashmap.c support/hashmap.h \
 support/arena.h
support/hashmap.h:
support/arena.h:
