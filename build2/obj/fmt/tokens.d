build2/obj/fmt/tokens.o: fmt/tokens.c fmt/tokens.h fmt/../support/arena.h
fmt/tokens.h:
fmt/../support/arena.h:
