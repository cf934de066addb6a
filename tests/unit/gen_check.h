/* gen_check.h - diff-check --generate: the differential check on random
 * profiles (gen_profile.h), each with every value set. */
#ifndef BUCKLE_GEN_CHECK_H
#define BUCKLE_GEN_CHECK_H
int gen_check_main(int argc, char **argv);
#endif
