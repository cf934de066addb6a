build2/obj/daily/denial_landlock.o: daily/denial_landlock.c \
 daily/denial_landlock.h daily/../support/suggest.h
daily/denial_landlock.h:
daily/../support/suggest.h:
