build2/obj/compiler/decide_index.o: compiler/decide_index.c \
 compiler/decide_index.h compiler/../support/arena.h
compiler/decide_index.h:
compiler/../support/arena.h:
