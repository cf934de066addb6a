build2/obj/compiler/regex_literals.o: compiler/regex_literals.c \
 compiler/regex_literals.h compiler/../support/arena.h \
 compiler/../support/hashmap.h compiler/../support/param_marks.h
compiler/regex_literals.h:
compiler/../support/arena.h:
compiler/../support/hashmap.h:
compiler/../support/param_marks.h:
