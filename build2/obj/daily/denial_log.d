build2/obj/daily/denial_log.o: daily/denial_log.c daily/denial_log.h \
 daily/denial_landlock.h daily/../support/strbuf.h \
 daily/../support/arena.h
daily/denial_log.h:
daily/denial_landlock.h:
daily/../support/strbuf.h:
daily/../support/arena.h:
