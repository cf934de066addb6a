build2/obj/runner/posix_acl.o: runner/posix_acl.c runner/posix_acl.h
runner/posix_acl.h:
