/* diff_objects.h - query objects for the differential check (diff-check). */
#ifndef BUCKLE_DIFF_OBJECTS_H
#define BUCKLE_DIFF_OBJECTS_H
#include "../../backend/crosscheck.h"
#include "../../compiler/patterns.h"
#include "gen_profile.h"

/* a set of objects, each once per kind and name space */
typedef struct objset { char **v; obj_kind *k; int *ns; size_t n, cap; hashmap seen; arena *a; } objset;

void objset_add(objset *s, const char *o, size_t n, obj_kind k, int ns);
void objset_adds(objset *s, const char *o, obj_kind k, int ns);
/* a path, its parent, children, string-prefix neighbours and nrandom random children */
void path_objects(objset *s, const char *v, size_t n, int nrandom, gen_rng *r);
void name_objects(objset *s, const char *v, size_t n, int ns);
/* objects from every rule of x's compilation, with x's parameter values */
void objects_for(crosscheck *x, objset *s, int nrandom, gen_rng *r);
/* 1 when an object of kind ok (name space ons) can be asked about for proto's operation */
int kind_fits(obj_kind ok, int ons, const sb_request *proto);
extern const sf_ns ns_map[];
#endif
