build2/obj/tests/unit/seccomp_nr_generic.o: \
 tests/unit/seccomp_nr_generic.c tests/unit/seccomp_names.h
tests/unit/seccomp_names.h:
