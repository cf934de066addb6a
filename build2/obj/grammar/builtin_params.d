build2/obj/grammar/builtin_params.o: grammar/builtin_params.c \
 grammar/builtin_params.h
grammar/builtin_params.h:
