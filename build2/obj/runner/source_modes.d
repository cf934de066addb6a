build2/obj/runner/source_modes.o: runner/source_modes.c \
 runner/source_modes.h runner/../support/arena.h runner/posix_acl.h
runner/source_modes.h:
runner/../support/arena.h:
runner/posix_acl.h:
