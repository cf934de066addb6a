build2/obj/runner/search_dirs.o: runner/search_dirs.c \
 runner/search_dirs.h runner/../support/arena.h
runner/search_dirs.h:
runner/../support/arena.h:
