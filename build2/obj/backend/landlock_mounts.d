build2/obj/backend/landlock_mounts.o: backend/landlock_mounts.c \
 backend/landlock_mounts.h backend/../support/arena.h \
 backend/../support/digest.h
backend/landlock_mounts.h:
backend/../support/arena.h:
backend/../support/digest.h:
