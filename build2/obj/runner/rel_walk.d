build2/obj/runner/rel_walk.o: runner/rel_walk.c runner/rel_walk.h \
 runner/../support/arena.h
runner/rel_walk.h:
runner/../support/arena.h:
